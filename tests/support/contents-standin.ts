// A local stand-in for GitHub's contents endpoint of kubernetes/community and of any other repository a test
// adds (`/repos/{owner}/{repo}/contents/{path}?ref={ref}`), on 127.0.0.1: folder listings
// (JSON), files as GitHub's rendered HTML (`application/vnd.github.html`) or raw text, ETags with 304s that
// cost nothing, a quota in `x-ratelimit-*` headers, CORS as api.github.com answers it, and failures on demand:
// a 403 rate limit, a 404, a garbled file. It counts every request, with the headers that matter.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGithubBody } from '../../scripts/render/markdown-to-github-html';
import { readFixture } from './fixtures';

export type ContentsFailure = 'not-found' | 'rate-limit' | 'garbled';

/** Another repository than kubernetes/community: its files, and the one ref it answers (any, if none is given). */
export interface StandInRepo {
  files: Record<string, string>;
  ref?: string;
}

export interface ContentsStandInOptions {
  /** Path in kubernetes/community → file text (Markdown or YAML). Folders are made from the paths. */
  files: Record<string, string>;
  /** `owner/repo` → another repository's files. */
  repos?: Record<string, StandInRepo>;
  /** Path → a failure, until told otherwise (`fail(path, null)`). */
  failures?: Record<string, ContentsFailure>;
  /** Requests a fresh quota allows (default 60, as GitHub's anonymous REST quota). */
  limit?: number;
}

export interface ContentsRequestSeen {
  /** `owner/repo`. */
  repo: string;
  path: string;
  /** The `?ref=` asked for, or null. */
  ref: string | null;
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
  /** A failure for a path of kubernetes/community, or of `repo` (`owner/repo`). */
  fail(path: string, failure: ContentsFailure | null, repo?: string): void;
  /** Replace a file's text (a new ETag follows). */
  write(path: string, text: string, repo?: string): void;
  /** Spend the quota down to `remaining`. */
  setRemaining(remaining: number): void;
  close(): Promise<void>;
}

const HOME = 'kubernetes/community';
/** `/repos/{owner}/{repo}/contents` and the path after it, if any. */
const CONTENTS = /^\/repos\/([^/]+)\/([^/]+)\/contents(?:\/(.*))?$/;
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
  const repos = new Map<string, { files: Map<string, string>; ref: string | null }>([
    [HOME, { files: new Map(Object.entries(options.files)), ref: null }],
  ]);
  for (const [name, repo] of Object.entries(options.repos ?? {}))
    repos.set(name, { files: new Map(Object.entries(repo.files)), ref: repo.ref ?? null });
  const failures = new Map(Object.entries(options.failures ?? {}).map(([path, f]) => [`${HOME}:${path}`, f]));
  const limit = options.limit ?? 60;
  let remaining = limit;
  const requests: ContentsRequestSeen[] = [];
  const others: string[] = [];

  function listingOf(repo: string, files: Map<string, string>, folder: string, ref: string): unknown[] | null {
    const entries = new Map<string, unknown>();
    for (const [path, text] of files) {
      if (folder && !path.startsWith(`${folder}/`)) continue;
      const rest = folder ? path.slice(folder.length + 1) : path;
      const [name, ...deeper] = rest.split('/');
      const child = folder ? `${folder}/${name}` : name!;
      entries.set(name!, {
        name,
        path: child,
        sha: createHash('sha1').update(child).digest('hex'),
        size: deeper.length ? 0 : Buffer.byteLength(text),
        type: deeper.length ? 'dir' : 'file',
        url: `https://api.github.com/repos/${repo}/contents/${child}?ref=${ref}`,
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
    const parts = CONTENTS.exec(url.pathname);
    const repoName = parts ? `${decodeURIComponent(parts[1]!)}/${decodeURIComponent(parts[2]!)}` : '';
    const repo = repos.get(repoName);
    if (!parts || !repo) {
      others.push(url.pathname);
      send(404, JSON.stringify({ message: 'Not Found' }), { 'Content-Type': 'application/json; charset=utf-8' });
      return;
    }
    const files = repo.files;
    const path = (parts[3] ?? '').split('/').map(decodeURIComponent).join('/');
    const ref = url.searchParams.get('ref');
    const accept = String(request.headers.accept ?? '');
    const ifNoneMatch = (request.headers['if-none-match'] as string | undefined) ?? null;
    const seen: ContentsRequestSeen = {
      repo: repoName,
      path,
      ref,
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
    const failure = failures.get(`${repoName}:${path}`);
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
    // kubernetes/community's root is never asked for; another repository's is its root folder.
    const wrongRef = repo.ref !== null && ref !== null && ref !== repo.ref;
    if ((!path && repoName === HOME) || failure === 'not-found' || wrongRef) {
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
      const listing = listingOf(repoName, files, path, ref ?? 'master');
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
    fail: (path, failure, repo = HOME) => {
      if (failure) failures.set(`${repo}:${path}`, failure);
      else failures.delete(`${repo}:${path}`);
    },
    write: (path, text, repo = HOME) => void repos.get(repo)?.files.set(path, text),
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

/** An organisation outside Kubernetes: acme/widgets keeps its weekly notes a file a year in `meetings/notes`, at `main`. */
export const ACME = { repo: 'acme/widgets', ref: 'main', folder: 'meetings/notes' } as const;

/** acme/widgets as a repository: the same real notes under other names, beside files that are not notes. */
export function acmeFiles(): StandInRepo {
  const files: Record<string, string> = {};
  for (const year of [2016, 2017, 2018, 2019]) {
    files[`${ACME.folder}/weekly-${year}.md`] = readFixture(`agendas/sig-auth_archive_meeting-notes-${year}.md`);
  }
  files[`${ACME.folder}/README.md`] = '# Notes\n\nOne file a year.\n';
  files[`${ACME.folder}/logo.png`] = 'not markdown';
  files['README.md'] = '# Widgets\n';
  files['docs/empty/.keep'] = '';
  return { files, ref: ACME.ref };
}
