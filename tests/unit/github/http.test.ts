import { describe, expect, it } from 'vitest';
import { authorizationFor, send, type FetchLike, type HttpContext } from '../../../lib/github/http';

describe('authorizationFor: the token goes to the configured API origin only', () => {
  const base = 'https://api.github.com';
  it.each([
    ['https://api.github.com/graphql', 'Bearer t0k'],
    ['https://api.github.com/repos/o/r/issues/1', 'Bearer t0k'],
    ['https://API.GITHUB.COM/graphql', 'Bearer t0k'],
    ['https://api.github.com:443/graphql', 'Bearer t0k'],
    ['http://api.github.com/graphql', null],
    ['https://api.github.com:8443/graphql', null],
    ['https://api.github.com.evil.example/graphql', null],
    ['https://evil.example/api.github.com/graphql', null],
    ['https://user:pw@api.github.com/graphql', null],
    ['https://github.com/graphql', null],
    ['https://uploads.github.com/graphql', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(authorizationFor(url, base, 't0k')).toBe(expected);
  });

  it('allows plain http only to a loopback stand-in, and nothing without a token', () => {
    expect(authorizationFor('http://127.0.0.1:9000/graphql', 'http://127.0.0.1:9000', 't')).toBe('Bearer t');
    expect(authorizationFor('http://127.0.0.1:9001/graphql', 'http://127.0.0.1:9000', 't')).toBeNull();
    expect(authorizationFor('http://ghe.corp.example/api/graphql', 'http://ghe.corp.example/api/v3', 't')).toBeNull();
    expect(authorizationFor('https://ghe.corp.example/api/graphql', 'https://ghe.corp.example/api/v3', 't')).toBe(
      'Bearer t',
    );
    expect(authorizationFor('https://api.github.com/graphql', base, null)).toBeNull();
  });
});

describe('send', () => {
  function context(fetch: FetchLike, delays: number[]): HttpContext {
    return {
      fetch,
      apiBase: 'https://api.github.com',
      token: null,
      timeoutMs: 1000,
      retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
      now: () => 0,
      sleep: async (ms) => {
        delays.push(ms);
      },
      signal: new AbortController().signal,
      onRateLimit: () => {},
    };
  }

  it('retries server errors with doubling, capped waits, and gives up after the last try', async () => {
    const delays: number[] = [];
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      return new Response('{"message":"Server Error"}', { status: 503 });
    };
    const outcome = await send(
      { method: 'GET', url: 'https://api.github.com/x', resource: 'core' },
      context(fetch, delays),
    );
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 250]);
    expect(outcome).toMatchObject({
      kind: 'failure',
      problem: { kind: 'server-error', detail: { status: 503, attempts: 4, githubMessage: 'Server Error' } },
    });
  });

  it('does not retry what a retry cannot mend', async () => {
    for (const status of [401, 403, 404, 422]) {
      let calls = 0;
      const fetch: FetchLike = async () => {
        calls++;
        return new Response('{}', { status });
      };
      await send({ method: 'GET', url: 'https://api.github.com/x', resource: 'core' }, context(fetch, []));
      expect(calls).toBe(1);
    }
  });

  it('sends If-None-Match, omits credentials and keeps the HTTP cache out', async () => {
    let seen: RequestInit | undefined;
    const fetch: FetchLike = async (_url, init) => {
      seen = init;
      return new Response(null, { status: 304, headers: { etag: 'W/"a"' } });
    };
    const outcome = await send(
      { method: 'GET', url: 'https://api.github.com/x', etag: 'W/"a"', resource: 'core' },
      context(fetch, []),
    );
    expect(outcome).toMatchObject({ kind: 'not-modified', etag: 'W/"a"' });
    expect(new Headers(seen?.headers).get('if-none-match')).toBe('W/"a"');
    expect(new Headers(seen?.headers).get('authorization')).toBeNull();
    expect(seen).toMatchObject({ cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  });
});
