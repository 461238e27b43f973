import { describe, expect, it } from 'vitest';
import { failureMessage, makeFailure, waitInWords } from '../../../lib/github/errors';
import type { FailureKind } from '../../../lib/github/status';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('waitInWords', () => {
  it.each([
    [1, '1 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [12 * 60_000 - 1, '12 min'],
    [89 * 60_000, '89 min'],
    [2 * 3_600_000, '2 h'],
    [2 * 3_600_000 + 5 * 60_000, '2 h 5 min'],
  ])('%i ms is %s', (ms, words) => {
    expect(waitInWords(NOW + ms, NOW)).toBe(words);
  });
});

describe('failureMessage', () => {
  const kinds: FailureKind[] = [
    'not-found',
    'bad-token',
    'rate-limited',
    'forbidden',
    'server-error',
    'offline',
    'malformed',
    'invalid-ref',
  ];

  it('has its own words for every kind', () => {
    const messages = kinds.map((kind) => failureMessage(kind, {}, NOW));
    expect(new Set(messages).size).toBe(kinds.length);
    for (const message of messages) expect(message.length).toBeGreaterThan(20);
  });

  it('says until when a rate limit lasts, and that a token helps when there is none', () => {
    const until = NOW + 23 * 60_000;
    expect(failureMessage('rate-limited', { until }, NOW)).toBe(
      "GitHub's rate limit is used up. Looking up again in 23 min. A token raises the limit.",
    );
    expect(failureMessage('rate-limited', { until, authenticated: true }, NOW)).toBe(
      "GitHub's rate limit is used up. Looking up again in 23 min.",
    );
    expect(failureMessage('rate-limited', { until, reserve: { remaining: 5, limit: 60 } }, NOW)).toBe(
      "GitHub's hourly quota is nearly used up (5 of 60 left, kept in reserve). Looking up again in 23 min. A token raises the limit.",
    );
    expect(failureMessage('rate-limited', { until: NOW + 30_000, reason: 'retry-after' }, NOW)).toBe(
      'GitHub asked to slow down (secondary rate limit). Looking up again in 30 s.',
    );
  });

  it('tells a bad token, a server error after retries, offline and a time-out apart', () => {
    expect(failureMessage('bad-token', { status: 401 }, NOW)).toContain('did not accept the token (HTTP 401)');
    expect(failureMessage('server-error', { status: 502, attempts: 3 }, NOW)).toBe(
      'GitHub had a server error (HTTP 502), still after 3 tries; will try again later.',
    );
    expect(failureMessage('offline', { host: 'api.github.com' }, NOW)).toBe(
      'Could not reach api.github.com: offline, or the API address is wrong.',
    );
    expect(failureMessage('offline', { host: 'api.github.com', timeoutMs: 20_000 }, NOW)).toBe(
      'api.github.com did not answer within 20 s; will try again later.',
    );
    expect(failureMessage('malformed', { reason: 'not JSON' }, NOW)).toBe(
      "GitHub's answer could not be read: not JSON.",
    );
    expect(
      failureMessage(
        'forbidden',
        { status: 403, githubMessage: 'Resource protected by organization SAML enforcement.' },
        NOW,
      ),
    ).toBe('GitHub refused access (HTTP 403). GitHub said: “Resource protected by organization SAML enforcement.”');
  });

  it('says not-found differently with and without a token', () => {
    expect(failureMessage('not-found', {}, NOW)).toContain('a token may help');
    expect(failureMessage('not-found', { authenticated: true }, NOW)).toContain('not visible to this token');
  });
});

describe('makeFailure', () => {
  it('pins a failure to a reference, with its time and its end', () => {
    expect(makeFailure('a/b#1', 'rate-limited', { until: NOW + 1000 }, NOW)).toEqual({
      ref: 'a/b#1',
      error: 'rate-limited',
      message: "GitHub's rate limit is used up. Looking up again in 1 s. A token raises the limit.",
      until: NOW + 1000,
      fetchedAt: NOW,
    });
    expect(makeFailure('a/b#1', 'offline', {}, NOW)).not.toHaveProperty('until');
  });
});
