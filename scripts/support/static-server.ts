// A tiny HTTP server on 127.0.0.1 for the demo agenda and test pages. Pages can be replaced while it runs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  url(path: string): string;
  set(path: string, html: string): void;
  close(): Promise<void>;
}

export async function servePages(pages: Record<string, string> = {}, port = 0): Promise<PageServer> {
  const routes = new Map(Object.entries(pages));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const html = routes.get(path);
    if (html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    set: (path, html) => void routes.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
