// The connection check's one case the stand-in cannot show: a host that answers, but not to
// cross-origin requests (no CORS headers), which a host permission fixes.
import { describe, expect, it } from 'vitest';
import { checkConnection } from '../../../lib/background/connection-check';
import type { FetchLike } from '../../../lib/github/http';

/** Like a browser before a host without CORS headers: a cors request fails, a no-cors one gets an opaque answer. */
const noCors: FetchLike = async (_url, init) => {
  if (init.mode === 'no-cors') return new Response('');
  throw new TypeError('Failed to fetch');
};

const offline: FetchLike = async () => {
  throw new TypeError('Failed to fetch');
};

describe('checkConnection', () => {
  it('tells a host that refuses cross-origin requests, and which permission lets the extension through', async () => {
    const result = await checkConnection(
      { apiBase: 'https://ghe.example.com/api/v3', token: 'ghp_token_token_token' },
      { fetch: noCors },
    );
    expect(result).toEqual({
      ok: false,
      kind: 'cors',
      message:
        'ghe.example.com answers, but does not allow requests from extensions (no CORS headers). Allow the extension to reach ghe.example.com to look up there.',
      permissionOrigin: 'https://ghe.example.com/*',
    });
  });

  it('never asks for a permission for api.github.com, which answers CORS with *', async () => {
    const result = await checkConnection({ apiBase: 'https://api.github.com', token: null }, { fetch: noCors });
    expect(result).toMatchObject({
      ok: false,
      kind: 'offline',
      message: 'Could not reach api.github.com: offline, or the API address is wrong.',
    });
  });

  it('tells an unreachable host as offline', async () => {
    const result = await checkConnection(
      { apiBase: 'https://ghe.example.com/api/v3', token: null },
      { fetch: offline },
    );
    expect(result).toMatchObject({ ok: false, kind: 'offline' });
    expect(result.permissionOrigin).toBeUndefined();
  });

  it('reads the quota from GitHub’s /rate_limit answer: GraphQL with a token, core without', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    const body = {
      resources: {
        core: { limit: 60, remaining: 58, reset, used: 2 },
        graphql: { limit: 5000, remaining: 4990, reset, used: 10 },
      },
    };
    const answer: FetchLike = async () =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    const withToken = await checkConnection(
      { apiBase: 'https://api.github.com', token: 'ghp_token_token_token' },
      { fetch: answer },
    );
    expect(withToken.message).toMatch(
      /^Connected to api\.github\.com with the token\. 4,990 of 5,000 GraphQL requests left this hour/,
    );
    const without = await checkConnection({ apiBase: 'https://api.github.com', token: null }, { fetch: answer });
    expect(without.message).toMatch(
      /^Connected to api\.github\.com without a token\. 58 of 60 look-ups left this hour .*A token raises this to 5,000\.$/,
    );
  });

  it('never sends the token over plain http to a host that is not this computer', async () => {
    const seen: (string | null)[] = [];
    const record: FetchLike = async (_url, init) => {
      seen.push(new Headers(init.headers).get('authorization'));
      return new Response(JSON.stringify({ message: 'Rate limiting is not enabled.' }), { status: 404 });
    };
    const result = await checkConnection(
      { apiBase: 'http://ghe.example.com/api/v3', token: 'ghp_token_token_token' },
      { fetch: record },
    );
    expect(seen).toEqual([null]);
    expect(result).toMatchObject({
      ok: true,
      message:
        'Connected to ghe.example.com without the token (it is not sent over plain http). It reports no rate limit.',
    });
  });
});
