// The one message that reads a group's files: the panel asks the background (which owns the GitHub client,
// the token and the quota) for a folder listing or a file of kubernetes/community, with the ETag it holds.
// Plain JSON both ways; the answer never carries the token. The request is `history/contents` in calls.ts.

export const HISTORY_REPO = { owner: 'kubernetes', repo: 'community' } as const;

/** `listing`: a folder's entries; `html`: GitHub's rendering of a Markdown file; `raw`: a file's text. */
export type ContentsWant = 'listing' | 'html' | 'raw';

export interface ContentsRequest {
  type: 'history/contents';
  /** A path in kubernetes/community: `sigs.yaml`, `sig-auth/archive`, `sig-auth/archive/meeting-notes-2018.md`. */
  path: string;
  want: ContentsWant;
  etag?: string | null;
}

export interface ListingEntry {
  name: string;
  path: string;
  type: 'file' | 'dir';
  size: number;
}

export type ContentsFailureKind = 'rate-limited' | 'offline' | 'not-found' | 'unreadable';

export type ContentsAnswer =
  | { kind: 'listing'; entries: ListingEntry[]; etag: string | null }
  | { kind: 'text'; text: string; etag: string | null }
  | { kind: 'not-modified' }
  | { kind: 'failure'; failure: ContentsFailureKind; message: string; until?: number };

/** A path of plain segments: no `..`, no empty segment, nothing to escape. */
export function isSafePath(path: string): boolean {
  return path.length > 0 && path.length <= 300 && path.split('/').every((s) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(s));
}

export function isContentsAnswer(value: unknown): value is ContentsAnswer {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'listing' || kind === 'text' || kind === 'not-modified' || kind === 'failure';
}
