// A local stand-in for the GitHub API: a real HTTP server on 127.0.0.1 that answers the REST issue and
// pull endpoints and GraphQL `repository { issueOrPullRequest }` queries in the exact shapes and headers of
// the recorded answers in tests/fixtures/github-api, from a table of references the test gives. It
// counts what it was asked (with the headers seen), keeps a quota like GitHub's, answers CORS like
// GitHub (so that the built extension can be pointed at it in Chromium), and can be told to fail.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  graphqlHeaderTemplate,
  graphqlNode,
  graphqlNotFoundTemplate,
  issueBody,
  pullBody,
  restHeaderTemplate,
  type FixtureKind,
  type FixtureRef,
  type FixtureState,
  type FixtureUrls,
} from './github-fixtures/samples';

export interface StandInRef {
  kind: FixtureKind;
  state: FixtureState;
  title?: string;
  /** ISO 8601; a fixed default keeps ETags stable. */
  updatedAt?: string;
  /** Answered only to a request with the token; anonymous requests get a 404, as from GitHub. */
  private?: boolean;
}

export interface StandInLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds, as in `x-ratelimit-reset`. */
  reset: number;
}

/** `core` is anonymous REST, `coreAuthenticated` REST with a token, `graphql` GraphQL (token only). */
export type StandInResource = 'core' | 'coreAuthenticated' | 'graphql';

export type StandInRoute = 'issue' | 'pull' | 'graphql' | 'other';

export type StandInFailure = (
  | { kind: 'bad-credentials' }
  /** 403 with `x-ratelimit-remaining: 0`, as when the primary quota is spent. */
  | { kind: 'rate-limit' }
  /** A secondary rate limit: 429 (or 403) with `retry-after`. */
  | { kind: 'retry-after'; seconds: number; status?: 403 | 429 }
  /** HTTP 200 with `data: null` and these errors (by default one RATE_LIMITED error). */
  | { kind: 'graphql-errors'; errors?: Record<string, unknown>[] }
  | { kind: 'server-error'; status?: number }
  /** HTTP 200 with a body that is not JSON. */
  | { kind: 'garbage'; body?: string; contentType?: string }
  /** HTTP 200 with JSON of the wrong shape. */
  | { kind: 'wrong-shape'; body?: unknown }
  | { kind: 'not-found' }
  /** A redirect to `to` + the request's path. */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 307 | 308 }
) & {
  /** How many answers fail; then the stand-in answers normally again. Unset: until told otherwise. */
  times?: number;
  /** Which requests fail (default all). */
  on?: 'rest' | 'graphql' | 'all';
};

export interface StandInOptions {
  refs?: Record<string, StandInRef>;
  /** The one token accepted (default `test-token`); any other gets 401 Bad credentials. */
  token?: string;
  /** GitHub Enterprise Server paths: REST under `/api/v3`, GraphQL at `/api/graphql`. */
  enterprise?: boolean;
  limits?: Partial<Record<StandInResource, Partial<StandInLimit>>>;
  /** Modern GitHub puts `draft` in the issue answer of a pull request; older Enterprise does not. */
  draftInIssue?: boolean;
  /** A 304 costs nothing from the quota (default true). */
  conditionalFree?: boolean;
  delayMs?: number;
  /** The web host of `html_url` (default `https://github.com`). */
  htmlBase?: string;
}

export interface StandInRequest {
  method: string;
  /** Path and query, as asked. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  route: StandInRoute;
  /** REST: the reference asked; GraphQL: every reference the query asks, in its order. */
  refs: string[];
  /** The status answered (0 until then). */
  status: number;
}

export interface GitHubStandIn {
  origin: string;
  /** What to configure as the API base. */
  apiBase: string;
  graphqlUrl: string;
  /** Every request but CORS preflights, in arrival order. */
  requests: StandInRequest[];
  preflights: StandInRequest[];
  /** Requests to one route, or all. */
  count(route?: StandInRoute): number;
  /** The most requests it was answering at one moment (delays make overlaps visible). */
  maxInFlight(): number;
  setRef(ref: string, value: StandInRef | null): void;
  setRefs(table: Record<string, StandInRef>): void;
  setLimit(resource: StandInResource, value: Partial<StandInLimit>): void;
  limit(resource: StandInResource): StandInLimit;
  setDelay(ms: number): void;
  failWith(failure: StandInFailure | null): void;
  clearRequests(): void;
  close(): Promise<void>;
}

const DEFAULT_UPDATED_AT = '2024-05-01T12:00:00Z';

// What GitHub answers a preflight with (Access-Control-Allow-Headers as api.github.com sends it, plus Accept).
const PREFLIGHT_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-GitHub-Api-Version',
  'Access-Control-Max-Age': '86400',
};

const EXPOSE_HEADERS =
  'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset';

function canonical(ref: string): string {
  const match = /^([^/]+)\/([^#]+)#(\d+)$/.exec(ref.trim());
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`Not a reference: ${ref}`);
  return `${match[1].toLowerCase()}/${match[2].toLowerCase()}#${Number(match[3])}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function lowerHeaders(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** `alias: repository(owner: "o", name: "r") { issueOrPullRequest(number: 1) …`, as our client writes it. */
const QUERY_FIELD =
  /([_A-Za-z][_0-9A-Za-z]*)\s*:\s*repository\s*\(\s*owner\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*name\s*:\s*("(?:[^"\\]|\\.)*")\s*\)\s*\{\s*issueOrPullRequest\s*\(\s*number\s*:\s*(\d+)\s*\)/g;

interface QueryField {
  alias: string;
  owner: string;
  name: string;
  number: number;
  line: number;
  column: number;
}

function parseQuery(query: string): QueryField[] {
  const fields: QueryField[] = [];
  for (const match of query.matchAll(QUERY_FIELD)) {
    const before = query.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    fields.push({
      alias: match[1] ?? '',
      owner: JSON.parse(match[2] ?? '""') as string,
      name: JSON.parse(match[3] ?? '""') as string,
      number: Number(match[4]),
      line,
      column,
    });
  }
  return fields;
}

/**
 * What GitHub would reject in a query, as far as a stand-in can tell without a GraphQL parser: no fields,
 * unbalanced braces, repeated aliases, or a status field not asked for.
 */
function queryProblem(query: string, fields: QueryField[]): string | null {
  if (fields.length === 0) return 'Parse error: no repository field the stand-in understands';
  let depth = 0;
  for (const char of query.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if (char === '{') depth++;
    else if (char === '}' && --depth < 0) break;
  }
  if (depth !== 0) return 'Parse error: unbalanced braces';
  const aliases = new Set(fields.map((field) => field.alias));
  if (aliases.size !== fields.length) return 'Field and argument conflict: an alias is used twice';
  for (const name of [
    'state',
    'stateReason',
    'isDraft',
    'merged',
    'title',
    'updatedAt',
    'url',
    '... on Issue',
    '... on PullRequest',
  ]) {
    if (!query.includes(name)) return `The stand-in expects the query to ask for ${name}`;
  }
  return null;
}

/** The references a GraphQL request body asks for, in order; none when it cannot be read. */
function queryRefs(body: string): string[] {
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' ? parseQuery(query).map((f) => canonical(`${f.owner}/${f.name}#${f.number}`)) : [];
  } catch {
    return [];
  }
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const table = new Map<string, StandInRef>();
  for (const [ref, value] of Object.entries(options.refs ?? {})) table.set(canonical(ref), value);
  const token = options.token ?? 'test-token';
  const restPrefix = options.enterprise ? '/api/v3' : '';
  const graphqlPath = options.enterprise ? '/api/graphql' : '/graphql';
  const draftInIssue = options.draftInIssue ?? true;
  const conditionalFree = options.conditionalFree ?? true;
  const htmlBase = options.htmlBase ?? 'https://github.com';
  let delayMs = options.delayMs ?? 0;
  let failure: StandInFailure | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  const requests: StandInRequest[] = [];
  const preflights: StandInRequest[] = [];
  const restHeaders = restHeaderTemplate();
  const graphqlHeaders = graphqlHeaderTemplate();
  const notFoundTemplate = graphqlNotFoundTemplate();

  const limits: Record<StandInResource, StandInLimit & { used: number }> = {
    core: { limit: 60, remaining: 60, reset: nowSeconds() + 3600, used: 0 },
    coreAuthenticated: { limit: 5000, remaining: 5000, reset: nowSeconds() + 3600, used: 0 },
    graphql: { limit: 5000, remaining: 5000, reset: nowSeconds() + 3600, used: 0 },
  };
  const setLimit = (resource: StandInResource, value: Partial<StandInLimit>): void => {
    const current = limits[resource];
    Object.assign(current, value);
    current.used = Math.max(0, current.limit - current.remaining);
  };
  for (const [resource, value] of Object.entries(options.limits ?? {}) as [StandInResource, Partial<StandInLimit>][]) {
    setLimit(resource, value);
  }
  /** The quota of a resource, refilled when its window has passed, as GitHub does. */
  const quota = (resource: StandInResource): StandInLimit & { used: number } => {
    const current = limits[resource];
    if (nowSeconds() >= current.reset)
      Object.assign(current, { remaining: current.limit, used: 0, reset: nowSeconds() + 3600 });
    return current;
  };
  const spend = (resource: StandInResource): void => {
    const current = quota(resource);
    current.remaining = Math.max(0, current.remaining - 1);
    current.used++;
  };

  let origin = '';
  const urls = (): FixtureUrls => ({ apiBase: origin + restPrefix, htmlBase });

  function send(
    response: ServerResponse,
    status: number,
    template: [string, string][],
    extra: Record<string, string>,
    body: string | null,
  ): void {
    const headers: Record<string, string> = {};
    for (const [name, value] of template) headers[name] = value;
    headers.Date = new Date().toUTCString();
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Access-Control-Expose-Headers'] = EXPOSE_HEADERS;
    Object.assign(headers, extra);
    if (body !== null) headers['Content-Length'] = String(Buffer.byteLength(body));
    response.writeHead(status, headers);
    response.end(body ?? undefined);
  }

  function rateHeaders(resource: StandInResource, githubName: string): Record<string, string> {
    const current = quota(resource);
    return {
      'X-RateLimit-Limit': String(current.limit),
      'X-RateLimit-Remaining': String(current.remaining),
      'X-RateLimit-Reset': String(current.reset),
      'X-RateLimit-Used': String(current.used),
      'X-RateLimit-Resource': githubName,
    };
  }

  function sendJson(
    response: ServerResponse,
    status: number,
    route: StandInRoute,
    resource: StandInResource,
    value: unknown,
    extra: Record<string, string> = {},
  ): void {
    const template = route === 'graphql' ? graphqlHeaders : restHeaders;
    const githubName = resource === 'graphql' ? 'graphql' : 'core';
    send(response, status, template, { ...rateHeaders(resource, githubName), ...extra }, JSON.stringify(value));
  }

  /** The injected failure for this request, if any (counting it down). */
  function failureFor(route: StandInRoute): StandInFailure | null {
    if (!failure) return null;
    const on = failure.on ?? 'all';
    const isRest = route === 'issue' || route === 'pull';
    if ((on === 'rest' && !isRest) || (on === 'graphql' && route !== 'graphql')) return null;
    const current = failure;
    if (current.times !== undefined) {
      if (current.times <= 0) {
        failure = null;
        return null;
      }
      current.times--;
    }
    return current;
  }

  function answerFailure(
    response: ServerResponse,
    injected: StandInFailure,
    route: StandInRoute,
    resource: StandInResource,
    path: string,
  ): number {
    const template = route === 'graphql' ? graphqlHeaders : restHeaders;
    switch (injected.kind) {
      case 'bad-credentials':
        sendJson(response, 401, route, resource, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        });
        return 401;
      case 'rate-limit': {
        setLimit(resource, { remaining: 0 });
        sendJson(response, 403, route, resource, {
          message:
            "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
          documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        });
        return 403;
      }
      case 'retry-after': {
        const status = injected.status ?? 429;
        sendJson(
          response,
          status,
          route,
          resource,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            status: String(status),
          },
          { 'Retry-After': String(injected.seconds) },
        );
        return status;
      }
      case 'graphql-errors': {
        spend(resource);
        const errors = injected.errors ?? [
          {
            type: 'RATE_LIMITED',
            code: 'graphql_rate_limit',
            message: 'API rate limit already exceeded for user ID 1.',
          },
        ];
        sendJson(response, 200, route, resource, { data: null, errors });
        return 200;
      }
      case 'server-error': {
        const status = injected.status ?? 502;
        send(
          response,
          status,
          template,
          { 'Content-Type': 'application/json; charset=utf-8' },
          JSON.stringify({ message: 'Server Error' }),
        );
        return status;
      }
      case 'garbage':
        spend(resource);
        send(
          response,
          200,
          template,
          {
            ...rateHeaders(resource, resource === 'graphql' ? 'graphql' : 'core'),
            'Content-Type': injected.contentType ?? 'text/html; charset=utf-8',
          },
          injected.body ?? '<html><body><h1>Unicorn!</h1> This page is taking too long to load.</body></html>',
        );
        return 200;
      case 'wrong-shape':
        spend(resource);
        sendJson(response, 200, route, resource, injected.body ?? { unexpected: ['shape'] });
        return 200;
      case 'not-found':
        spend(resource);
        sendJson(response, 404, route, resource, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest',
          status: '404',
        });
        return 404;
      case 'redirect': {
        const status = injected.status ?? 307;
        send(response, status, template, { Location: injected.to.replace(/\/+$/, '') + path }, '');
        return status;
      }
    }
  }

  function entityTag(value: unknown): string {
    return `W/"${createHash('sha256').update(JSON.stringify(value)).digest('hex')}"`;
  }

  function visible(ref: string, authenticated: boolean): StandInRef | null {
    const entry = table.get(ref);
    if (!entry || (entry.private && !authenticated)) return null;
    return entry;
  }

  function fixture(ref: string, entry: StandInRef): FixtureRef {
    const match = /^([^/]+)\/([^#]+)#(\d+)$/.exec(ref);
    return {
      owner: match?.[1] ?? '',
      repo: match?.[2] ?? '',
      number: Number(match?.[3] ?? 0),
      kind: entry.kind,
      state: entry.state,
      title: entry.title ?? `Title of ${ref}`,
      updatedAt: entry.updatedAt ?? DEFAULT_UPDATED_AT,
    };
  }

  function answerRest(
    response: ServerResponse,
    route: 'issue' | 'pull',
    ref: string,
    headers: Record<string, string>,
    authenticated: boolean,
  ): number {
    const resource: StandInResource = authenticated ? 'coreAuthenticated' : 'core';
    const entry = visible(ref, authenticated);
    if (!entry || (route === 'pull' && entry.kind !== 'pr')) {
      spend(resource);
      const doc =
        route === 'pull'
          ? 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request'
          : 'https://docs.github.com/rest/issues/issues#get-an-issue';
      sendJson(response, 404, route, resource, { message: 'Not Found', documentation_url: doc, status: '404' });
      return 404;
    }
    const body =
      route === 'issue' ? issueBody(fixture(ref, entry), urls(), draftInIssue) : pullBody(fixture(ref, entry), urls());
    const etag = entityTag(body);
    const asked = headers['if-none-match'];
    if (
      asked
        ?.split(',')
        .map((tag) => tag.trim())
        .includes(etag)
    ) {
      if (!conditionalFree) spend(resource);
      send(response, 304, restHeaders, { ...rateHeaders(resource, 'core'), ETag: etag }, null);
      return 304;
    }
    spend(resource);
    sendJson(response, 200, route, resource, body, {
      ETag: etag,
      'Last-Modified': new Date(fixture(ref, entry).updatedAt).toUTCString(),
    });
    return 200;
  }

  function answerGraphql(response: ServerResponse, body: string): number {
    let query = '';
    try {
      const parsed = JSON.parse(body) as { query?: unknown };
      if (typeof parsed.query !== 'string') throw new Error('no query');
      query = parsed.query;
    } catch {
      sendJson(response, 400, 'graphql', 'graphql', {
        message: 'Problems parsing JSON',
        documentation_url: 'https://docs.github.com/graphql',
        status: '400',
      });
      return 400;
    }
    const fields = parseQuery(query);
    const refs = fields.map((field) => canonical(`${field.owner}/${field.name}#${field.number}`));
    spend('graphql');
    const problem = queryProblem(query, fields);
    if (problem) {
      sendJson(response, 200, 'graphql', 'graphql', {
        errors: [{ message: problem, locations: [{ line: 1, column: 1 }] }],
      });
      return 200;
    }
    const data: Record<string, unknown> = {};
    const errors: Record<string, unknown>[] = [];
    fields.forEach((field, index) => {
      const ref = refs[index] ?? '';
      const repoKey = `${field.owner}/${field.name}`.toLowerCase();
      const repoKnown = [...table.keys()].some((key) => key.startsWith(`${repoKey}#`));
      const entry = visible(ref, true);
      const error = (path: string[], message: string): Record<string, unknown> => ({
        ...notFoundTemplate,
        type: 'NOT_FOUND',
        path,
        locations: [{ line: field.line, column: field.column }],
        message,
      });
      if (!repoKnown) {
        data[field.alias] = null;
        errors.push(
          error([field.alias], `Could not resolve to a Repository with the name '${field.owner}/${field.name}'.`),
        );
      } else if (!entry) {
        data[field.alias] = { issueOrPullRequest: null };
        errors.push(
          error(
            [field.alias, 'issueOrPullRequest'],
            `Could not resolve to an issue or pull request with the number of ${field.number}.`,
          ),
        );
      } else {
        data[field.alias] = { issueOrPullRequest: graphqlNode(fixture(ref, entry), urls()) };
      }
    });
    sendJson(response, 200, 'graphql', 'graphql', errors.length ? { data, errors } : { data });
    return 200;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    const pathname = new URL(path, 'http://127.0.0.1').pathname;
    const headers = lowerHeaders(request);
    const body = await readBody(request);
    const record: StandInRequest = {
      method: request.method ?? 'GET',
      path,
      headers,
      body,
      route: 'other',
      refs: [],
      status: 0,
    };
    const rest = new RegExp(`^${restPrefix}/repos/([^/]+)/([^/]+)/(issues|pulls)/(\\d+)$`).exec(pathname);
    if (rest?.[1] && rest[2] && rest[4]) {
      record.route = rest[3] === 'pulls' ? 'pull' : 'issue';
      record.refs = [canonical(`${decodeURIComponent(rest[1])}/${decodeURIComponent(rest[2])}#${rest[4]}`)];
    } else if (pathname === graphqlPath) {
      record.route = 'graphql';
      record.refs = queryRefs(body);
    }

    if (record.method === 'OPTIONS') {
      preflights.push(record);
      record.status = 204;
      response.writeHead(204, PREFLIGHT_HEADERS);
      response.end();
      return;
    }
    requests.push(record);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      answer(record, response);
    } finally {
      inFlight--;
    }
  }

  function answer(record: StandInRequest, response: ServerResponse): void {
    const { path, headers, body } = record;
    const authorization = headers.authorization;
    const authenticated = authorization !== undefined;
    const resource: StandInResource =
      record.route === 'graphql' ? 'graphql' : authenticated ? 'coreAuthenticated' : 'core';
    if (
      authorization !== undefined &&
      !new RegExp(`^(?:token|bearer) ${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i').test(authorization.trim())
    ) {
      record.status = 401;
      sendJson(response, 401, record.route, resource, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
      return;
    }
    if (record.route === 'other') {
      record.status = 404;
      sendJson(response, 404, 'other', resource, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404',
      });
      return;
    }
    if (record.route === 'graphql' && (record.method !== 'POST' || !authenticated)) {
      record.status = 401;
      sendJson(response, 401, 'graphql', resource, {
        message: 'This endpoint requires you to be authenticated.',
        documentation_url:
          'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
        status: '401',
      });
      return;
    }

    const injected = failureFor(record.route);
    if (injected) {
      record.status = answerFailure(response, injected, record.route, resource, path);
      return;
    }
    const current = quota(resource);
    if (current.remaining <= 0) {
      record.status = answerFailure(response, { kind: 'rate-limit' }, record.route, resource, path);
      return;
    }
    if (record.route === 'graphql') {
      record.status = answerGraphql(response, body);
    } else if (record.route === 'issue' || record.route === 'pull') {
      record.status = answerRest(response, record.route, record.refs[0] ?? '', headers, authenticated);
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    apiBase: origin + restPrefix,
    graphqlUrl: origin + graphqlPath,
    requests,
    preflights,
    count: (route) => (route ? requests.filter((r) => r.route === route).length : requests.length),
    maxInFlight: () => maxInFlight,
    setRef(ref, value) {
      if (value) table.set(canonical(ref), value);
      else table.delete(canonical(ref));
    },
    setRefs(refs) {
      table.clear();
      for (const [ref, value] of Object.entries(refs)) table.set(canonical(ref), value);
    },
    setLimit,
    limit: (resource) => {
      const { limit, remaining, reset } = quota(resource);
      return { limit, remaining, reset };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    failWith(next) {
      failure = next ? { ...next } : null;
    },
    clearRequests() {
      requests.length = 0;
      preflights.length = 0;
      maxInFlight = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The seven states GitHub users know, in a fixed cycle, for tables of many references. */
export const ALL_STATES: readonly StandInRef[] = [
  { kind: 'pr', state: 'open' },
  { kind: 'pr', state: 'draft' },
  { kind: 'pr', state: 'merged' },
  { kind: 'pr', state: 'closed' },
  { kind: 'issue', state: 'open' },
  { kind: 'issue', state: 'completed' },
  { kind: 'issue', state: 'not-planned' },
];
