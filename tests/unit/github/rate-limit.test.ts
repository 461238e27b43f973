import { describe, expect, it } from 'vitest';
import {
  canSpend,
  FALLBACK_RATE_LIMIT_WAIT_MS,
  rateLimitedUntil,
  readRateLimit,
  readRetryAfter,
} from '../../../lib/github/rate-limit';
import { readReplay } from '../../support/github-fixtures/samples';

const NOW = 1_755_372_000_000;

function recordedHeaders(file: string, index: number): Headers {
  const exchange = readReplay(file)[index];
  if (!exchange) throw new Error(`no exchange ${index} in ${file}`);
  return new Headers(exchange.responseHeaders);
}

describe('readRateLimit', () => {
  it('reads the recorded REST headers', () => {
    const headers = recordedHeaders('pygithub_Issue.setUp.replay.txt', 1);
    expect(readRateLimit(headers, NOW)).toEqual({
      resource: 'core',
      limit: 5000,
      remaining: 4996,
      used: 4,
      resetAt: 1_755_375_998_000,
      observedAt: NOW,
    });
  });

  it('reads the recorded GraphQL headers', () => {
    const headers = recordedHeaders('pygithub_GraphQl.testNode.replay.txt', 1);
    expect(readRateLimit(headers, NOW)).toMatchObject({
      resource: 'graphql',
      limit: 5000,
      remaining: 4981,
      used: 19,
      resetAt: 1_726_598_744_000,
    });
  });

  it('is null without the headers (Enterprise with rate limits off), and takes the resource asked when unnamed', () => {
    expect(readRateLimit(new Headers({ 'content-type': 'application/json' }), NOW)).toBeNull();
    const unnamed = new Headers({
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '7',
      'x-ratelimit-reset': '100',
    });
    expect(readRateLimit(unnamed, NOW, 'graphql')).toMatchObject({ resource: 'graphql', used: 53, resetAt: 100_000 });
    expect(
      readRateLimit(
        new Headers({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '1' }),
        NOW,
      ),
    ).toBeNull();
  });
});

describe('retry-after and rate-limited answers', () => {
  it('reads retry-after as seconds or as a date', () => {
    expect(readRetryAfter(new Headers({ 'retry-after': '30' }), NOW)).toBe(NOW + 30_000);
    expect(readRetryAfter(new Headers({ 'retry-after': new Date(NOW + 90_000).toUTCString() }), NOW)).toBe(
      NOW + 90_000,
    );
    expect(readRetryAfter(new Headers(), NOW)).toBeNull();
  });

  it('tells a rate limit from a plain refusal', () => {
    const spent = new Headers({
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(NOW / 1000 + 600),
    });
    expect(rateLimitedUntil(403, spent, NOW)).toBe(NOW + 600_000);
    expect(rateLimitedUntil(429, new Headers({ 'retry-after': '12' }), NOW)).toBe(NOW + 12_000);
    expect(rateLimitedUntil(429, new Headers(), NOW)).toBe(NOW + FALLBACK_RATE_LIMIT_WAIT_MS);
    const left = new Headers({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '1' });
    expect(rateLimitedUntil(403, left, NOW)).toBeNull();
    expect(rateLimitedUntil(404, spent, NOW)).toBeNull();
  });
});

describe('canSpend', () => {
  const limit = { resource: 'core', limit: 60, remaining: 8, used: 52, resetAt: NOW + 60_000, observedAt: NOW };
  it('keeps the reserve, counting requests in flight', () => {
    expect(canSpend(limit, 0, 5, NOW)).toBe(true);
    expect(canSpend(limit, 2, 5, NOW)).toBe(true);
    expect(canSpend(limit, 3, 5, NOW)).toBe(false);
    expect(canSpend({ ...limit, remaining: 5 }, 0, 5, NOW)).toBe(false);
  });
  it('lets a request go when the quota is unknown or its window has reset', () => {
    expect(canSpend(null, 10, 5, NOW)).toBe(true);
    expect(canSpend({ ...limit, remaining: 0 }, 0, 5, NOW + 60_000)).toBe(true);
  });
});
