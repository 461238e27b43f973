// The stand-in itself: it must answer like the recorded GitHub, or the client tests prove nothing.
import { afterEach, describe, expect, it } from 'vitest';
import {
  graphqlHeaderTemplate,
  readReplay,
  readSample,
  restHeaderTemplate,
} from '../../support/github-fixtures/samples';
import { startGitHubStandIn, type GitHubStandIn } from '../../support/github-standin';

const servers: GitHubStandIn[] = [];
async function start(...args: Parameters<typeof startGitHubStandIn>): Promise<GitHubStandIn> {
  const server = await startGitHubStandIn(...args);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function keysOf(value: unknown): string[] {
  return Object.keys(value as Record<string, unknown>).sort();
}

const QUERY = `query {
  r0: repository(owner: "kubernetes", name: "kubernetes") { issueOrPullRequest(number: 1) { ...F } }
  r1: repository(owner: "kubernetes", name: "kubernetes") { issueOrPullRequest(number: 404) { ...F } }
  r2: repository(owner: "nobody", name: "nothing") { issueOrPullRequest(number: 2) { ...F } }
}
fragment F on IssueOrPullRequest { __typename ... on Issue { state stateReason title updatedAt url } ... on PullRequest { state isDraft merged title updatedAt url } }`;

describe('REST answers', () => {
  it('have the recorded fields and headers, a weak ETag and the anonymous quota', async () => {
    const server = await start({
      refs: { 'kubernetes/kubernetes#7': { kind: 'issue', state: 'not-planned', title: 'Seven' } },
    });
    const response = await fetch(`${server.apiBase}/repos/kubernetes/kubernetes/issues/7`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(keysOf(body)).toEqual(keysOf(readSample('pygithub_GET_issues_28_closed_completed.json')));
    expect(body).toMatchObject({
      number: 7,
      title: 'Seven',
      state: 'closed',
      state_reason: 'not_planned',
      html_url: 'https://github.com/kubernetes/kubernetes/issues/7',
    });
    for (const [name, value] of restHeaderTemplate()) {
      if (name.toLowerCase() !== 'access-control-allow-origin') expect(response.headers.get(name)).toBe(value);
    }
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^W\/"[0-9a-f]{64}"$/);
    expect(response.headers.get('x-ratelimit-limit')).toBe('60');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('59');
    expect(response.headers.get('x-ratelimit-used')).toBe('1');
    expect(response.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    // The same names GitHub sent in the recording, less the transfer's own.
    const recorded =
      readReplay('pygithub_Issue.setUp.replay.txt')[1]?.responseHeaders.map(([n]) => n.toLowerCase()) ?? [];
    const missing = recorded.filter((n) => !response.headers.has(n));
    expect(missing.sort()).toEqual(['content-encoding', 'github-authentication-token-expiration', 'transfer-encoding']);
  });

  it('answers a pull request as the recorded pull shapes, with `draft` in the issue answer', async () => {
    const server = await start({ refs: { 'a/b#2': { kind: 'pr', state: 'draft' } } });
    const issue = (await (await fetch(`${server.apiBase}/repos/a/b/issues/2`)).json()) as Record<string, unknown>;
    expect(issue).toMatchObject({
      draft: true,
      state: 'open',
      pull_request: { merged_at: null, html_url: 'https://github.com/a/b/pull/2' },
    });
    const pull = (await (await fetch(`${server.apiBase}/repos/a/b/pulls/2`)).json()) as Record<string, unknown>;
    expect(keysOf(pull)).toEqual(keysOf(readSample('pygithub_GET_pulls_31_merged.json')));
    expect(pull).toMatchObject({ draft: true, merged: false, state: 'open', number: 2 });
    expect((await fetch(`${server.apiBase}/repos/a/b/pulls/3`)).status).toBe(404);
  });

  it('answers If-None-Match with a free 304 while nothing changed, and a 200 once it did', async () => {
    const server = await start({ refs: { 'a/b#1': { kind: 'pr', state: 'open' } } });
    const first = await fetch(`${server.apiBase}/repos/a/b/issues/1`);
    const etag = first.headers.get('etag') ?? '';
    const second = await fetch(`${server.apiBase}/repos/a/b/issues/1`, { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('59');
    server.setRef('a/b#1', { kind: 'pr', state: 'merged' });
    const third = await fetch(`${server.apiBase}/repos/a/b/issues/1`, { headers: { 'If-None-Match': etag } });
    expect(third.status).toBe(200);
    expect(third.headers.get('etag')).not.toBe(etag);
    expect(server.requests.map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, etag, etag]);
  });

  it('spends the quota and answers 403 at zero, as GitHub does', async () => {
    const server = await start({
      refs: { 'a/b#1': { kind: 'issue', state: 'open' } },
      limits: { core: { remaining: 1 } },
    });
    expect((await fetch(`${server.apiBase}/repos/a/b/issues/1`)).status).toBe(200);
    const spent = await fetch(`${server.apiBase}/repos/a/b/issues/1`);
    expect(spent.status).toBe(403);
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await spent.json()) as { message: string }).message).toMatch(/^API rate limit exceeded/);
  });
});

describe('GraphQL answers', () => {
  it('answer aliases with nodes, and missing ones with the recorded NOT_FOUND error shape, with HTTP 200', async () => {
    const server = await start({ refs: { 'kubernetes/kubernetes#1': { kind: 'pr', state: 'merged', title: 'One' } } });
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { Authorization: 'bearer test-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(200);
    for (const [name, value] of graphqlHeaderTemplate()) {
      if (!/^access-control-allow-origin$/i.test(name)) expect(response.headers.get(name)).toBe(value);
    }
    expect(response.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('4999');
    const body = (await response.json()) as { data: Record<string, unknown>; errors: Record<string, unknown>[] };
    expect(body.data.r0).toEqual({
      issueOrPullRequest: {
        __typename: 'PullRequest',
        state: 'MERGED',
        isDraft: false,
        merged: true,
        title: 'One',
        updatedAt: '2024-05-01T12:00:00Z',
        url: 'https://github.com/kubernetes/kubernetes/pull/1',
      },
    });
    expect(body.data.r1).toEqual({ issueOrPullRequest: null });
    expect(body.data.r2).toBeNull();
    const recorded = (readSample('pygithub_POST_graphql_node_not_found_error.json') as { errors: unknown[] }).errors[0];
    expect(body.errors.map(keysOf)).toEqual([keysOf(recorded), keysOf(recorded)]);
    expect(body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['r1', 'issueOrPullRequest'],
        locations: [{ line: 3, column: 3 }],
        message: 'Could not resolve to an issue or pull request with the number of 404.',
      },
      {
        type: 'NOT_FOUND',
        path: ['r2'],
        locations: [{ line: 4, column: 3 }],
        message: "Could not resolve to a Repository with the name 'nobody/nothing'.",
      },
    ]);
    expect(server.requests[0]?.refs).toEqual([
      'kubernetes/kubernetes#1',
      'kubernetes/kubernetes#404',
      'nobody/nothing#2',
    ]);
  });

  it('wants a token, and the right one', async () => {
    const server = await start();
    const post = (headers: Record<string, string>): Promise<Response> =>
      fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ query: QUERY }),
      });
    expect((await post({})).status).toBe(401);
    const bad = await post({ Authorization: 'token nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    expect((await post({ Authorization: 'token test-token' })).status).toBe(200);
  });
});

describe('CORS, counting and injected failures', () => {
  it('answers preflights and exposes ETag and the rate-limit headers', async () => {
    const server = await start({ refs: { 'a/b#1': { kind: 'issue', state: 'open' } } });
    const preflight = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*If-None-Match/);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const answer = await fetch(`${server.apiBase}/repos/a/b/issues/1`, {
      headers: { Origin: 'chrome-extension://abc' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(
      /ETag.*Retry-After.*X-RateLimit-Limit.*X-RateLimit-Remaining.*X-RateLimit-Reset/,
    );
    expect(server.preflights).toHaveLength(1);
    expect(server.count()).toBe(1);
  });

  it('fails as told, a number of times, then answers again', async () => {
    const server = await start({ refs: { 'a/b#1': { kind: 'issue', state: 'open' } } });
    const get = async (): Promise<number> => (await fetch(`${server.apiBase}/repos/a/b/issues/1`)).status;
    server.failWith({ kind: 'server-error', status: 503, times: 2 });
    expect([await get(), await get(), await get()]).toEqual([503, 503, 200]);
    server.failWith({ kind: 'retry-after', seconds: 7 });
    const limited = await fetch(`${server.apiBase}/repos/a/b/issues/1`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    server.failWith({ kind: 'garbage', times: 1 });
    const garbage = await fetch(`${server.apiBase}/repos/a/b/issues/1`);
    expect(garbage.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(garbage.clone().json()).rejects.toThrow();
    server.failWith({ kind: 'bad-credentials', on: 'graphql' });
    expect(await get()).toBe(200);
    expect(server.count('issue')).toBe(6);
  });

  it('is slow when told, and shows overlapping requests', async () => {
    const server = await start({ refs: { 'a/b#1': { kind: 'issue', state: 'open' } }, delayMs: 100 });
    const started = Date.now();
    await Promise.all([fetch(`${server.apiBase}/repos/a/b/issues/1`), fetch(`${server.apiBase}/repos/a/b/issues/1`)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(server.maxInFlight()).toBe(2);
  });
});
