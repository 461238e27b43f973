// A local stand-in for GitHub's contents endpoint of kubernetes/community, on 127.0.0.1: folder listings
// (JSON), files as GitHub's rendered HTML (`application/vnd.github.html`) or raw text, ETags with 304s that
// cost nothing, a quota in `x-ratelimit-*` headers, CORS as api.github.com answers it, and failures on demand:
// a 403 rate limit, a 404, a garbled file. It counts every request, with the headers that matter.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGithubBody } from '../../scripts/render/markdown-to-github-html';
import { readFixture } from './fixtures';

export type ContentsFailure = 'not-found' | 'rate-limit' | 'garbled';

export interface ContentsStandInOptions {
  /** Path in the repository → file text (Markdown or YAML). Folders are made from the paths. */
  files: Record<string, string>;
  /** Path → a failure, until told otherwise (`fail(path, null)`). */
  failures?: Record<string, ContentsFailure>;
  /** Requests a fresh quota allows (default 60, as GitHub's anonymous REST quota). */
  limit?: number;
}

export interface ContentsRequestSeen {
  path: string;
  accept: string;
  ifNoneMatch: string | null;
  authorization: string | null;
  status: number;
}

export interface ContentsStandIn {
  /** The API base to configure: `http://127.0.0.1:PORT`. */
  apiBase: string;
  /** The contents requests, in order. */
  requests: ContentsRequestSeen[];
  /** Requests for anything else (status look-ups of the page's references): answered 404, counted here. */
  others: string[];
  fail(path: string, failure: ContentsFailure | null): void;
  /** Replace a file's text (a new ETag follows). */
  write(path: string, text: string): void;
  /** Spend the quota down to `remaining`. */
  setRemaining(remaining: number): void;
  close(): Promise<void>;
}

const PREFIX = '/repos/kubernetes/community/contents/';
const RESET = Math.floor(Date.UTC(2030, 0, 1) / 1000);
const EXPOSE =
  'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, ' +
  'X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type';

/** What `application/vnd.github.html` gives for a Markdown file: the rendering inside GitHub's article. */
export function renderedFile(markdown: string): string {
  return `<div id="file" class="md" data-path="x"><article class="markdown-body entry-content container-lg" itemprop="text">${renderGithubBody(markdown)}</article></div>`;
}

function etagOf(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`;
}

export async function startContentsStandIn(options: ContentsStandInOptions): Promise<ContentsStandIn> {
  const files = new Map(Object.entries(options.files));
  const failures = new Map(Object.entries(options.failures ?? {}));
  const limit = options.limit ?? 60;
  let remaining = limit;
  const requests: ContentsRequestSeen[] = [];
  const others: string[] = [];

  function listingOf(folder: string): unknown[] | null {
    const entries = new Map<string, unknown>();
    for (const [path, text] of files) {
      if (!path.startsWith(`${folder}/`)) continue;
      const rest = path.slice(folder.length + 1);
      const [name, ...deeper] = rest.split('/');
      const child = `${folder}/${name}`;
      entries.set(name!, {
        name,
        path: child,
        sha: createHash('sha1').update(child).digest('hex'),
        size: deeper.length ? 0 : Buffer.byteLength(text),
        type: deeper.length ? 'dir' : 'file',
        url: `https://api.github.com${PREFIX}${child}?ref=master`,
      });
    }
    return entries.size ? [...entries.values()] : null;
  }

  function answer(request: IncomingMessage, response: ServerResponse): void {
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      response.writeHead(status, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': EXPOSE,
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Used': String(limit - remaining),
        'X-RateLimit-Reset': String(RESET),
        'X-RateLimit-Resource': 'core',
        ...headers,
      });
      response.end(body);
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
        'Access-Control-Allow-Headers':
          'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-GitHub-Api-Version',
        'Access-Control-Max-Age': '86400',
      });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith(PREFIX)) {
      others.push(url.pathname);
      send(404, JSON.stringify({ message: 'Not Found' }), { 'Content-Type': 'application/json; charset=utf-8' });
      return;
    }
    const path = decodeURIComponent(url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : '');
    const accept = String(request.headers.accept ?? '');
    const ifNoneMatch = (request.headers['if-none-match'] as string | undefined) ?? null;
    const seen: ContentsRequestSeen = {
      path,
      accept,
      ifNoneMatch,
      authorization: (request.headers.authorization as string | undefined) ?? null,
      status: 0,
    };
    requests.push(seen);
    const reply = (status: number, body: string, headers: Record<string, string> = {}): void => {
      seen.status = status;
      send(status, body, headers);
    };
    const failure = failures.get(path);
    if (remaining <= 0 || failure === 'rate-limit') {
      const saved = remaining;
      remaining = 0;
      reply(
        403,
        JSON.stringify({
          message: 'API rate limit exceeded for 127.0.0.1.',
          documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        }),
        {
          'Content-Type': 'application/json; charset=utf-8',
        },
      );
      if (failure === 'rate-limit') remaining = saved;
      return;
    }
    if (!path || failure === 'not-found') {
      remaining--;
      reply(
        404,
        JSON.stringify({
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
        }),
        {
          'Content-Type': 'application/json; charset=utf-8',
        },
      );
      return;
    }
    const text = files.get(path);
    let body: string;
    let type: string;
    if (text !== undefined) {
      if (failure === 'garbled') {
        body = '\u0000\u0001PK\u0003\u0004 not a rendering \ufffd\ufffd';
      } else if (accept.includes('vnd.github.html')) {
        body = renderedFile(text);
      } else if (accept.includes('vnd.github.raw')) {
        body = text;
      } else {
        body = JSON.stringify({
          type: 'file',
          encoding: 'base64',
          path,
          content: Buffer.from(text).toString('base64'),
        });
      }
      type = accept.includes('vnd.github.html') ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
    } else {
      const listing = listingOf(path);
      if (!listing) {
        remaining--;
        reply(404, JSON.stringify({ message: 'Not Found' }), { 'Content-Type': 'application/json; charset=utf-8' });
        return;
      }
      body = JSON.stringify(listing);
      type = 'application/json; charset=utf-8';
    }
    const etag = etagOf(`${accept}\n${body}`);
    // As on GitHub, a 304 costs nothing from the quota.
    if (ifNoneMatch === etag) {
      reply(304, '', { ETag: etag });
      return;
    }
    remaining--;
    reply(200, body, { 'Content-Type': type, ETag: etag });
  }

  const server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch {
      response.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    requests,
    others,
    fail: (path, failure) => {
      if (failure) failures.set(path, failure);
      else failures.delete(path);
    },
    write: (path, text) => void files.set(path, text),
    setRemaining: (n) => {
      remaining = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** SIG Auth as the fixtures hold it: sigs.yaml and the archives of 2016–2019 (2020's is not in the fixtures). */
export function sigAuthFiles(): Record<string, string> {
  const files: Record<string, string> = { 'sigs.yaml': readFixture('kubernetes-community/sigs.yaml') };
  for (const year of [2016, 2017, 2018, 2019]) {
    files[`sig-auth/archive/meeting-notes-${year}.md`] = readFixture(
      `agendas/sig-auth_archive_meeting-notes-${year}.md`,
    );
  }
  files['sig-auth/README.md'] = '# SIG Auth\n';
  return files;
}
