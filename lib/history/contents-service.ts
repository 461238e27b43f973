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

/** `GET /repos/{owner}/{repo}/contents/{path}?ref={ref}`: each name encoded, the ref only when one is given. */
export function contentsPath(request: Pick<ContentsRequest, 'path' | 'repo'>): string {
  const { owner, repo } = request.repo ?? HISTORY_REPO;
  const encoded = request.path ? `/${request.path.split('/').map(encodeURIComponent).join('/')}` : '';
  const ref = request.repo ? `?ref=${encodeURIComponent(request.repo.ref)}` : '';
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/contents${encoded}${ref}`;
}

/** What a 404 says: which repository, which path, at which ref. */
function notFoundMessage(request: ContentsRequest): string {
  if (!request.repo) return `${request.path} is not on GitHub (HTTP 404).`;
  const { owner, repo, ref } = request.repo;
  const what = request.path ? `${request.path} at ${ref}` : `the branch or tag ${ref}`;
  return `${owner}/${repo} has no ${what}, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.`;
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
        message: `GitHub's answer for ${request.path || 'the root folder'} is not a folder listing.`,
      };
    }
    case 'failure': {
      const { kind, detail } = outcome.problem;
      const message = failureMessage(kind, detail, now);
      if (kind === 'rate-limited')
        return { kind: 'failure', failure: 'rate-limited', message, ...(detail.until ? { until: detail.until } : {}) };
      if (kind === 'offline' || kind === 'server-error') return { kind: 'failure', failure: 'offline', message };
      if (kind === 'not-found') return { kind: 'failure', failure: 'not-found', message: notFoundMessage(request) };
      return { kind: 'failure', failure: 'unreadable', message };
    }
  }
}

export async function fetchContents(
  client: GitHubClient,
  request: ContentsRequest,
  now: () => number,
): Promise<ContentsAnswer> {
  const outcome = await client.contents(contentsPath(request), {
    etag: request.etag ?? null,
    ...(request.want === 'listing'
      ? { expect: 'json' as const }
      : { accept: request.want === 'html' ? RENDERED_HTML : RAW_TEXT, expect: 'text' as const }),
  });
  return answerOf(outcome, request, now());
}
