// GitHub's rate-limit state, read from the headers every answer carries (`x-ratelimit-*`), and the
// rules we keep on top of it: never spend below a small reserve, and wait for the reset when spent.

export interface RateLimit {
  /** `core` for REST, `graphql` for GraphQL. */
  resource: string;
  limit: number;
  remaining: number;
  used: number;
  /** When the window resets (ms since the epoch). */
  resetAt: number;
  /** When these numbers were read (ms since the epoch). */
  observedAt: number;
}

function intHeader(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The rate limit an answer reports, or null when it reports none (GitHub Enterprise with rate limits
 * switched off sends no such headers: then there is no quota to keep).
 */
export function readRateLimit(headers: Headers, now: number, fallbackResource = 'core'): RateLimit | null {
  const limit = intHeader(headers, 'x-ratelimit-limit');
  const remaining = intHeader(headers, 'x-ratelimit-remaining');
  const reset = intHeader(headers, 'x-ratelimit-reset');
  if (limit === null || remaining === null || reset === null) return null;
  return {
    resource: headers.get('x-ratelimit-resource') ?? fallbackResource,
    limit,
    remaining,
    used: intHeader(headers, 'x-ratelimit-used') ?? Math.max(0, limit - remaining),
    resetAt: reset * 1000,
    observedAt: now,
  };
}

/** `retry-after` as an absolute time: GitHub sends seconds; HTTP also allows a date. */
export function readRetryAfter(headers: Headers, now: number): number | null {
  const raw = headers.get('retry-after');
  if (raw === null) return null;
  if (/^\s*\d+\s*$/.test(raw)) return now + Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

/** When GitHub gives no time at all for a 429, wait this long (its docs advise at least a minute). */
export const FALLBACK_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Until when a 403 or 429 answer forbids further requests, or null when it is not a rate limit
 * (a 403 can also mean "no access", e.g. an organisation that blocks the token).
 */
export function rateLimitedUntil(status: number, headers: Headers, now: number): number | null {
  if (status !== 403 && status !== 429) return null;
  const retryAfter = readRetryAfter(headers, now);
  if (retryAfter !== null) return retryAfter;
  const limit = readRateLimit(headers, now);
  if (limit && limit.remaining === 0) return Math.max(now, limit.resetAt);
  return status === 429 ? now + FALLBACK_RATE_LIMIT_WAIT_MS : null;
}

/**
 * Whether one more request may go out: known quota, minus the requests already in flight (each may
 * cost one), must stay above the reserve. An unknown quota, or a window that has reset, lets it go;
 * the answer will tell.
 */
export function canSpend(limit: RateLimit | null, inFlight: number, reserve: number, now: number): boolean {
  if (!limit || now >= limit.resetAt) return true;
  return limit.remaining - inFlight > reserve;
}
