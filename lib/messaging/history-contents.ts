// The one message that reads archive files: the panel asks the background (which owns the GitHub client,
// the token and the quota) for a folder listing or a file of kubernetes/community, or of a repository the
// user added by its address, with the ETag it holds. Plain JSON both ways; the answer never carries the
// token. The request is `history/contents` in calls.ts.

export const HISTORY_REPO = { owner: 'kubernetes', repo: 'community' } as const;

/** A repository and the branch, tag or commit to read it at; without it, kubernetes/community's default branch. */
export interface ContentsRepo {
  owner: string;
  repo: string;
  ref: string;
}

/** `listing`: a folder's entries; `html`: GitHub's rendering of a Markdown file; `raw`: a file's text. */
export type ContentsWant = 'listing' | 'html' | 'raw';

export interface ContentsRequest {
  type: 'history/contents';
  /**
   * A path in the repository: `sigs.yaml`, `sig-auth/archive`, `sig-auth/archive/meeting-notes-2018.md`; `''`
   * for the root folder of an added repository.
   */
  path: string;
  /** Another repository than kubernetes/community. */
  repo?: ContentsRepo;
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

/**
 * One folder or file name as the overlay asks GitHub for it: letters, digits and a few marks, starting with a
 * letter, digit or `_`. So never `.`, `..`, a hidden name, a slash, a backslash or anything to escape.
 */
export function isSafeSegment(segment: string): boolean {
  return segment.length <= 255 && /^[\p{L}\p{N}_][\p{L}\p{N} ._+@(),~'-]*$/u.test(segment) && !segment.endsWith(' ');
}

/** A path of plain segments: no `..`, no empty segment, nothing to escape. */
export function isSafePath(path: string): boolean {
  return path.length > 0 && path.length <= 1000 && path.split('/').every(isSafeSegment);
}

/** A GitHub user or organisation name. */
export function isOwnerName(name: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(name);
}

/** A repository name (`.` and `..` are not). */
export function isRepoName(name: string): boolean {
  return /^[A-Za-z0-9._-]{1,100}$/.test(name) && name !== '.' && name !== '..';
}

/** A branch, tag or commit name of one segment, as git allows it (no `..`, no `@{`, no ending `.lock`). */
export function isRefName(ref: string): boolean {
  return (
    /^[A-Za-z0-9_][A-Za-z0-9._+-]{0,254}$/.test(ref) &&
    !ref.includes('..') &&
    !ref.endsWith('.') &&
    !ref.toLowerCase().endsWith('.lock')
  );
}

export function isContentsRepo(value: unknown): value is ContentsRepo {
  if (typeof value !== 'object' || value === null) return false;
  const { owner, repo, ref } = value as Record<string, unknown>;
  return (
    typeof owner === 'string' &&
    isOwnerName(owner) &&
    typeof repo === 'string' &&
    isRepoName(repo) &&
    typeof ref === 'string' &&
    isRefName(ref)
  );
}

export function isContentsAnswer(value: unknown): value is ContentsAnswer {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === 'listing' || kind === 'text' || kind === 'not-modified' || kind === 'failure';
}
