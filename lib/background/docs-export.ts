// Fetches the HTML export of the Google Doc an editor tab shows, with the user's cookies, for that tab's
// content script to parse (a service worker has no DOMParser). The document is the one the sending tab's
// own address names, never one a message asks for. One fetch per document at a time, shared by every tab
// that asks meanwhile; after a 429, nothing goes to Google until its Retry-After has passed.
import type { ExportAnswer, ExportProblemKind } from '../messaging/live-doc';
import { editorAddress, exportPermissionOrigins, exportUrl, type GoogleHosts } from '../sources/google-hosts';
import { classifyExport } from './export-answer';

export interface DocsExportDeps {
  readHosts(): Promise<GoogleHosts>;
  hasPermission(origins: string[]): Promise<boolean>;
  fetch(url: string, init: RequestInit): Promise<Response>;
  isOnline(): boolean;
  now(): number;
  /**
   * Where "nothing to Google before" is kept per Docs origin: the worker may be stopped between requests, and
   * Google's wait must outlive it (storage.session in the browser). In memory when not given.
   */
  waits?: {
    get(origin: string): Promise<number | undefined>;
    set(origin: string, until: number): Promise<void>;
  };
}

export interface DocsExportService {
  /** The export for the editor page at `senderUrl` (the content script's tab, as the browser reports it). */
  exportFor(senderUrl: string | undefined): Promise<ExportAnswer>;
}

export function createDocsExportService(deps: DocsExportDeps): DocsExportService {
  const inFlight = new Map<string, Promise<ExportAnswer>>();
  /** Per Docs origin: Google's "too many requests" is about us, not about one document. */
  const memory = new Map<string, number>();
  const waits = deps.waits ?? {
    get: async (origin: string) => memory.get(origin),
    set: async (origin: string, until: number) => void memory.set(origin, until),
  };

  async function unreachable(url: string): Promise<ExportProblemKind> {
    if (!deps.isOnline()) return 'offline';
    // The export itself answers, but its redirect led somewhere we may not read: Google's sign-in page.
    try {
      const probe = await deps.fetch(url, { credentials: 'include', cache: 'no-store', redirect: 'manual' });
      return probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400) ? 'signed-out' : 'offline';
    } catch {
      return 'offline';
    }
  }

  async function fetchExport(url: string, docsOrigin: string): Promise<ExportAnswer> {
    let response: Response;
    let text: string;
    try {
      response = await deps.fetch(url, { credentials: 'include', cache: 'no-store', redirect: 'follow' });
      text = await response.text();
    } catch {
      return { ok: false, problem: { kind: await unreachable(url) } };
    }
    const now = deps.now();
    const outcome = classifyExport(
      {
        status: response.status,
        url: response.url || url,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
        text,
      },
      now,
    );
    if (!outcome.ok) {
      if (outcome.problem.retryAt !== undefined) await waits.set(docsOrigin, outcome.problem.retryAt);
      return outcome;
    }
    return { ok: true, html: outcome.html, fetchedAt: now };
  }

  return {
    async exportFor(senderUrl) {
      const hosts = await deps.readHosts();
      const doc = editorAddress(senderUrl, hosts);
      if (!doc) return { ok: false, notEditor: true };
      const origins = exportPermissionOrigins(hosts);
      if (!(await deps.hasPermission(origins))) return { ok: false, problem: { kind: 'permission', origins } };
      const waitUntil = await waits.get(hosts.docsOrigin);
      if (waitUntil !== undefined && waitUntil > deps.now()) {
        return { ok: false, problem: { kind: 'rate-limited', status: 429, retryAt: waitUntil } };
      }
      const url = exportUrl(hosts, doc);
      let running = inFlight.get(url);
      if (!running) {
        running = fetchExport(url, hosts.docsOrigin).finally(() => inFlight.delete(url));
        inFlight.set(url, running);
      }
      return running;
    },
  };
}
