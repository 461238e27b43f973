// An archive the user adds by its GitHub address: a folder (`https://github.com/OWNER/REPO/tree/REF/PATH`) or
// a Markdown file (`…/blob/REF/PATH.md`), on github.com or on the GitHub Enterprise host the API base points
// at. The address is pasted text: it is read strictly (http(s) only, the one web host, plain names with no
// `..`), and anything else is a problem in words, never a request. Every rule here runs in linear time.
import { isOwnerName, isRefName, isRepoName, isSafeSegment, type ContentsRepo } from '../messaging/history-contents';

export interface ArchiveSource {
  /** The web host the address was on: `github.com`, or a GitHub Enterprise host (with its port, if any). */
  host: string;
  owner: string;
  repo: string;
  /** The branch, tag or commit: one name (a branch with a slash in it cannot be told from the path). */
  ref: string;
  /** The folder or file in the repository; `''` for the repository's root folder. */
  path: string;
  kind: 'folder' | 'file';
}

export type AddressReading = { ok: true; source: ArchiveSource } | { ok: false; problem: string };

/** Longer than any address of a real folder: the check stops before reading further. */
export const MAX_ADDRESS_LENGTH = 2_000;

const EXAMPLE = 'https://github.com/OWNER/REPO/tree/BRANCH/FOLDER';

/** The web host of GitHub for an API base: `api.github.com` → `github.com`, `https://ghe.example/api/v3` → `ghe.example`. */
export function webHostOf(apiBase: string): string {
  try {
    const url = new URL(apiBase);
    if (url.hostname === 'api.github.com') return 'github.com';
    if (/^\/api\/v3\/?$/i.test(url.pathname)) return url.host.toLowerCase();
  } catch {
    // An API base that is not an address: the default's web host.
  }
  // Anything else (a proxy, a local stand-in) stands for api.github.com.
  return 'github.com';
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function problem(text: string): AddressReading {
  return { ok: false, problem: text };
}

/** What to call a short piece of untrusted text in a message: quoted, and cut if long. */
function quoted(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

export function parseArchiveAddress(input: string, webHost = 'github.com'): AddressReading {
  const text = input.trim();
  if (text === '') return problem(`Paste the address of an archive folder or a Markdown file on GitHub (${EXAMPLE}).`);
  if (text.length > MAX_ADDRESS_LENGTH) {
    return problem(`That is too long for a GitHub address (${text.length.toLocaleString('en-US')} characters).`);
  }
  const scheme = /^([a-z][a-z0-9+.-]{0,30}):/i.exec(text)?.[1]?.toLowerCase();
  if (!scheme) return problem(`That is not a web address. Paste one that starts with https://${webHost}/.`);
  if (scheme !== 'http' && scheme !== 'https') {
    return problem(`Only http(s) addresses can be added; that one is a ${scheme}: address.`);
  }
  // Checked on the text as written: the URL parser would quietly fold `a/../b` into `b`, and read `\` as `/`.
  if (hasControlCharacter(text)) return problem('The address has a line break or a control character in it.');
  if (text.includes('\\')) return problem('The address has a backslash in it: paste it as GitHub shows it.');
  if (/\/(?:\.|%2e){1,2}(?:[/?#]|$)/i.test(text)) {
    return problem('The address has “..” or “.” in its path: paste the folder’s own address.');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return problem(`That is not a web address. Paste one that starts with https://${webHost}/.`);
  }
  if (url.username || url.password) return problem('Leave the user name and password out of the address.');
  const host = url.host.toLowerCase();
  if (host !== webHost && !(webHost === 'github.com' && host === 'www.github.com')) {
    const other = webHost === 'github.com' ? '' : ` (the GitHub the options point at)`;
    return problem(`${host || 'That address'} is not GitHub. Paste an address on ${webHost}${other}.`);
  }
  // Each segment is decoded once on its own, so that an encoded slash or dot cannot make a new segment.
  const raw = url.pathname.replace(/\/+$/, '').split('/').slice(1);
  const segments: string[] = [];
  for (const segment of raw) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return problem(`The address has a broken %-escape in ${quoted(segment)}.`);
    }
    if (decoded === '..' || decoded === '.') {
      return problem('The address has “..” or “.” in its path: paste the folder’s own address.');
    }
    segments.push(decoded);
  }
  const [owner, repo, view, ref, ...path] = segments;
  if (!owner || !repo) {
    return problem(
      `That GitHub address is not a repository’s folder or file. Open the archive on GitHub and copy its address (${EXAMPLE}).`,
    );
  }
  if (!isOwnerName(owner)) return problem(`${quoted(owner)} is not a GitHub user or organisation name.`);
  if (!isRepoName(repo)) return problem(`${quoted(repo)} is not a repository name.`);
  if (view !== 'tree' && view !== 'blob') {
    return problem(
      `That is the address of ${owner}/${repo}${view ? `’s ${quoted(view)} page` : ''}, not of a folder or file. Open the folder that holds the meeting notes and copy its address (it has /tree/ in it).`,
    );
  }
  if (!ref) return problem('The address names no branch or tag after /tree/ or /blob/.');
  if (!isRefName(ref)) return problem(`${quoted(ref)} is not a branch, tag or commit name the overlay can ask for.`);
  for (const segment of path) {
    if (!isSafeSegment(segment)) {
      return problem(`The overlay does not ask GitHub for a path with ${quoted(segment)} in it.`);
    }
  }
  const joined = path.join('/');
  if (joined.length > 1000) return problem('That path is too long for a GitHub folder or file.');
  if (view === 'blob') {
    if (path.length === 0) return problem('The address names no file after the branch.');
    if (!/\.(md|markdown)$/i.test(path[path.length - 1]!)) {
      return problem(
        'Only Markdown files (.md) can be read as meeting notes; paste the address of one, or of its folder.',
      );
    }
  }
  return {
    ok: true,
    source: {
      host: host === 'www.github.com' ? 'github.com' : host,
      owner,
      repo,
      ref,
      path: joined,
      kind: view === 'tree' ? 'folder' : 'file',
    },
  };
}

/** The repository part of a content request for a source. */
export function contentsRepoOf(source: ArchiveSource): ContentsRepo {
  return { owner: source.owner, repo: source.repo, ref: source.ref };
}

/** One key a source: the same folder pasted twice is one source, and its stored records are its own. */
export function sourceKey(source: ArchiveSource): string {
  return `${source.host}/${source.owner}/${source.repo}@${source.ref}:${source.path}`;
}

function encodedPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The address of a file of the source's repository, on its web host: meetings link there, the parser reads its name. */
export function sourceFileUrl(source: ArchiveSource, path: string): string {
  return `https://${source.host}/${source.owner}/${source.repo}/blob/${encodeURIComponent(source.ref)}/${encodedPath(path)}`;
}

/** The address of the source itself, as the user would open it. */
export function sourceUrl(source: ArchiveSource): string {
  if (source.kind === 'file') return sourceFileUrl(source, source.path);
  const path = source.path ? `/${encodedPath(source.path)}` : '';
  return `https://${source.host}/${source.owner}/${source.repo}/tree/${encodeURIComponent(source.ref)}${path}`;
}

/** What the panel calls a source: `acme/widgets › meetings/archive`. */
export function sourceName(source: ArchiveSource): string {
  const host = source.host === 'github.com' ? '' : `${source.host}: `;
  return `${host}${source.owner}/${source.repo}${source.path ? ` › ${source.path}` : ''}`;
}

/** A stored source read back: every field checked again, since a store can outlive the rules. */
export function isArchiveSource(value: unknown): value is ArchiveSource {
  if (typeof value !== 'object' || value === null) return false;
  const { host, owner, repo, ref, path, kind } = value as Record<string, unknown>;
  return (
    typeof host === 'string' &&
    /^[a-z0-9.-]+(?::\d{1,5})?$/.test(host) &&
    typeof owner === 'string' &&
    isOwnerName(owner) &&
    typeof repo === 'string' &&
    isRepoName(repo) &&
    typeof ref === 'string' &&
    isRefName(ref) &&
    typeof path === 'string' &&
    (path === '' ? kind === 'folder' : path.split('/').every(isSafeSegment)) &&
    (kind === 'folder' || kind === 'file')
  );
}
