// The Google hosts the extension talks to, in one place: where the editor and its HTML export live, and
// where the export redirects to. Tests point them at local servers through one `storage.local` key that
// only the extension itself can write (web pages cannot, and content scripts are shut out of
// storage.local), and that is honoured only for loopback addresses: a production build can never be
// sent to another site by it.
import { isLocalPagesMode } from './build-modes';

export interface GoogleHosts {
  /** The origin of the Docs editor and of `/export` (`https://docs.google.com`). */
  docsOrigin: string;
  /** Match patterns of where the export redirects to (`https://*.googleusercontent.com/*`). */
  contentPatterns: string[];
}

export const GOOGLE_HOSTS: GoogleHosts = {
  docsOrigin: 'https://docs.google.com',
  contentPatterns: ['https://*.googleusercontent.com/*'],
};

/** The `storage.local` key of the test override: `{ docsOrigin, contentPatterns }`, loopback only. */
export const TEST_HOSTS_KEY = 'testing.googleHosts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopbackOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) && url.origin === value;
  } catch {
    return false;
  }
}

function isLoopbackPattern(value: unknown): value is string {
  return typeof value === 'string' && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/\*$/.test(value);
}

/** The hosts to use: the production ones, unless `stored` is a valid loopback-only override. */
export function googleHostsFrom(stored: unknown): GoogleHosts {
  const override = stored as Partial<GoogleHosts> | null | undefined;
  if (!override || !isLoopbackOrigin(override.docsOrigin)) return GOOGLE_HOSTS;
  const patterns = Array.isArray(override.contentPatterns) ? override.contentPatterns : [];
  if (patterns.length === 0 || !patterns.every(isLoopbackPattern)) return GOOGLE_HOSTS;
  return { docsOrigin: override.docsOrigin, contentPatterns: [...patterns] };
}

/**
 * The hosts a build uses: the production ones in the store build, whatever storage says; in a build that reads
 * local pages (tests, the demo), the override `readStored` gives, when it is a valid loopback one.
 */
export async function googleHostsOfBuild(mode: string, readStored: () => Promise<unknown>): Promise<GoogleHosts> {
  return isLocalPagesMode(mode) ? googleHostsFrom(await readStored()) : GOOGLE_HOSTS;
}

/** The host permissions the export needs: the Docs origin (any port) and where it redirects. */
export function exportPermissionOrigins(hosts: GoogleHosts): string[] {
  const docs = new URL(hosts.docsOrigin);
  return [`${docs.protocol}//${docs.hostname}/*`, ...hosts.contentPatterns];
}

/** One open document as the editor's address names it. */
export interface EditorAddress {
  docId: string;
  /** `/u/1/`: which of several signed-in accounts the editor uses; '' for the default one. */
  accountPath: string;
  /** The document tab shown (`?tab=t.abc`), if the address names one. */
  tab: string | null;
}

const EDITOR_PATH = /^\/document\/(u\/\d+\/)?d\/([\w-]{10,})\/(?:edit|view|preview)?$/;

/** Whether a path is the editor's (`/document/d/<id>/edit`), whatever the host. */
export function editorPathMatch(url: URL): EditorAddress | null {
  const m = EDITOR_PATH.exec(url.pathname);
  if (!m?.[2]) return null;
  const tab = url.searchParams.get('tab');
  return { docId: m[2], accountPath: m[1] ?? '', tab: tab && /^t\.[\w-]+$/.test(tab) ? tab : null };
}

/** The document an editor address on the configured Docs origin shows; null for any other page. */
export function editorAddress(address: string | undefined, hosts: GoogleHosts): EditorAddress | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.origin !== hosts.docsOrigin) return null;
  return editorPathMatch(url);
}

/** `/document/d/<id>/export?format=html` on the configured origin, for the same account and tab. */
export function exportUrl(hosts: GoogleHosts, doc: EditorAddress): string {
  const url = new URL(`/document/${doc.accountPath}d/${doc.docId}/export`, hosts.docsOrigin);
  url.searchParams.set('format', 'html');
  if (doc.tab) url.searchParams.set('tab', doc.tab);
  return url.href;
}

/** Google's sign-in pages, where the export ends up for a signed-out reader of a private document. */
export function isSignInAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return url.hostname === 'accounts.google.com' || /\/(ServiceLogin|signin|AccountChooser)\b/i.test(url.pathname);
  } catch {
    return false;
  }
}
