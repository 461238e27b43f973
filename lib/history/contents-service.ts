// The background's side of `history/contents`: one conditional request through the GitHub client (its API
// base, its token rule, its quota), and the answer sorted into a listing, a text, "not modified" or a
// failure in words.
import type { GitHubClient } from '../github/client';
import { failureMessage } from '../github/errors';
import type { TextOutcome } from '../github/http';
import {
  HISTORY_REPO,
  type ContentsAnswer,
  type ContentsRequest,
  type ListingEntry,
} from '../messaging/history-contents';

/**
 * GitHub's rendering of a Markdown file: the parser reads exactly what github.com shows (headings, anchors,
 * struck text, links), with nothing of a Markdown renderer shipped in the extension.
 */
export const RENDERED_HTML = 'application/vnd.github.html';
export const RAW_TEXT = 'application/vnd.github.raw';

function contentsPath(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `/repos/${HISTORY_REPO.owner}/${HISTORY_REPO.repo}/contents/${encoded}`;
}

function readListing(body: unknown): ListingEntry[] | null {
  if (!Array.isArray(body)) return null;
  const entries: ListingEntry[] = [];
  for (const entry of body) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, path, type, size } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof path !== 'string' || (type !== 'file' && type !== 'dir')) continue;
    entries.push({ name, path, type, size: typeof size === 'number' ? size : 0 });
  }
  return entries;
}

export function answerOf(outcome: TextOutcome, request: ContentsRequest, now: number): ContentsAnswer {
  switch (outcome.kind) {
    case 'not-modified':
      return { kind: 'not-modified' };
    case 'text':
      return { kind: 'text', text: outcome.text, etag: outcome.etag };
    case 'json': {
      const entries = request.want === 'listing' ? readListing(outcome.body) : null;
      if (entries) return { kind: 'listing', entries, etag: outcome.etag };
      return {
        kind: 'failure',
        failure: 'unreadable',
        message: `GitHub's answer for ${request.path} is not a folder listing.`,
      };
    }
    case 'failure': {
      const { kind, detail } = outcome.problem;
      const message = failureMessage(kind, detail, now);
      if (kind === 'rate-limited')
        return { kind: 'failure', failure: 'rate-limited', message, ...(detail.until ? { until: detail.until } : {}) };
      if (kind === 'offline' || kind === 'server-error') return { kind: 'failure', failure: 'offline', message };
      if (kind === 'not-found')
        return { kind: 'failure', failure: 'not-found', message: `${request.path} is not on GitHub (HTTP 404).` };
      return { kind: 'failure', failure: 'unreadable', message };
    }
  }
}

export async function fetchContents(
  client: GitHubClient,
  request: ContentsRequest,
  now: () => number,
): Promise<ContentsAnswer> {
  const outcome = await client.contents(contentsPath(request.path), {
    etag: request.etag ?? null,
    ...(request.want === 'listing'
      ? { expect: 'json' as const }
      : { accept: request.want === 'html' ? RENDERED_HTML : RAW_TEXT, expect: 'text' as const }),
  });
  return answerOf(outcome, request, now());
}
