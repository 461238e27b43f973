// Two local origins standing in for Google: "docs" (127.0.0.1) serves the editor and its /export, which
// redirects, as Google's does, to "content" (localhost, a second origin standing for googleusercontent.com).
// What /export answers can be switched: the document, a 429, or the sign-in page.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXTENSION_DIR } from '../../../scripts/support/chromium';
import { SIGN_IN_PAGE } from '../../support/docs-fixtures';
import { extensionCopyGranting, type ExtensionCopy } from './extension-copy';

export type ExportMode = 'document' | 'too-many-requests' | 'signed-out';

export interface DocsServers {
  docsOrigin: string;
  contentOrigin: string;
  /** Pages of the docs origin by path (the editor, /pub, /mobilebasic). */
  pages: Map<string, string>;
  /** The export's HTML by document id. */
  exports: Map<string, string>;
  mode: ExportMode;
  /** Requests to /export so far, and the most that were ever open at once. */
  exportRequests: number;
  maxConcurrentExports: number;
  close(): Promise<void>;
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(body);
}

export async function startDocsServers(): Promise<DocsServers> {
  let open = 0;
  const state: Omit<DocsServers, 'docsOrigin' | 'contentOrigin' | 'close'> = {
    pages: new Map(),
    exports: new Map(),
    mode: 'document',
    exportRequests: 0,
    maxConcurrentExports: 0,
  };
  const content = createServer((request: IncomingMessage, response: ServerResponse) => {
    const id = /^\/export\/([\w-]+)\.html$/.exec(new URL(request.url ?? '/', 'http://localhost').pathname)?.[1];
    const html = id ? state.exports.get(id) : undefined;
    if (html === undefined) return send(response, 404, 'Not found');
    send(response, 200, html);
  });
  const contentPort = await listen(content, '127.0.0.1');
  const contentOrigin = `http://localhost:${contentPort}`;

  const docs = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const exportOf = /^\/document\/(?:u\/\d+\/)?d\/([\w-]+)\/export$/.exec(url.pathname)?.[1];
    if (exportOf) {
      state.exportRequests++;
      open++;
      state.maxConcurrentExports = Math.max(state.maxConcurrentExports, open);
      // Slow enough that a second request for the same document would overlap this one.
      setTimeout(() => {
        open--;
        if (state.mode === 'too-many-requests')
          return send(response, 429, '<html><body>Too Many Requests</body></html>', { 'retry-after': '120' });
        if (state.mode === 'signed-out')
          return send(response, 302, '', { location: `/ServiceLogin?continue=${encodeURIComponent(url.href)}` });
        if (!state.exports.has(exportOf)) return send(response, 404, 'Not found');
        send(response, 307, '', { location: `${contentOrigin}/export/${exportOf}.html` });
      }, 300);
      return;
    }
    if (url.pathname === '/ServiceLogin') return send(response, 200, SIGN_IN_PAGE);
    const page = state.pages.get(url.pathname);
    if (page === undefined) return send(response, 404, 'Not found');
    send(response, 200, page);
  });
  const docsPort = await listen(docs, '127.0.0.1');
  const servers = Object.assign(state, {
    docsOrigin: `http://127.0.0.1:${docsPort}`,
    contentOrigin,
    close: async () => {
      await new Promise<void>((resolve) => docs.close(() => resolve()));
      await new Promise<void>((resolve) => content.close(() => resolve()));
    },
  });
  return servers;
}

/** The test build, granted the two local hosts that stand for Google, as if the reader had clicked "Allow access". */
export function grantedExtensionCopy(): ExtensionCopy {
  return extensionCopyGranting(EXTENSION_DIR, ['http://127.0.0.1/*', 'http://localhost/*']);
}
