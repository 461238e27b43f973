// One request to GitHub and what its answer means: JSON, "not modified", or a failure with a kind.
// It knows the token's one rule (only to the configured API origin), time-outs, and bounded retries
// of server errors; it knows nothing of references or caches.
import type { FailureDetail, Problem } from './errors';
import { rateLimitedUntil, readRateLimit, type RateLimit } from './rate-limit';

/** `fetch` as the client uses it; the background passes the global one, tests the real one or a spy. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the second try; it doubles for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8_000 };

export interface HttpContext {
  fetch: FetchLike;
  /** The configured API base: the token goes to its origin and nowhere else. */
  apiBase: string;
  token: string | null;
  timeoutMs: number;
  retry: RetryPolicy;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Ends waits and requests when the client is disposed. */
  signal: AbortSignal;
  /** Told of every rate limit an answer reports, failed answers included. */
  onRateLimit: (limit: RateLimit) => void;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
  /** Sent as `If-None-Match`. */
  etag?: string | null;
  /** The quota it spends, when the answer does not say (`x-ratelimit-resource`). */
  resource: 'core' | 'graphql';
  /** The media type asked for (default `application/vnd.github+json`). */
  accept?: string;
  /** `text`: a 2xx answer is kept as text, not read as JSON (a rendered or raw file). */
  expect?: 'json' | 'text';
}

export type HttpOutcome =
  | { kind: 'json'; status: number; body: unknown; etag: string | null; headers: Headers }
  | { kind: 'not-modified'; etag: string | null; headers: Headers }
  | { kind: 'failure'; problem: Problem; headers: Headers | null };

/** A file asked for as text (`expect: 'text'`): its answer, or what any request can meet. */
export type TextOutcome =
  | HttpOutcome
  | { kind: 'text'; status: number; text: string; etag: string | null; headers: Headers };

/** Loopback hosts, where plain http is how tests and local stand-ins run. */
function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * The Authorization header value for `url`, or null. The token goes only to the configured API base's
 * exact origin (scheme, host and port), and never over plain http except to a loopback host.
 */
export function authorizationFor(url: string, apiBase: string, token: string | null): string | null {
  if (!token) return null;
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(apiBase);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username || target.password) return null;
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && isLoopback(target.hostname))) return null;
  return `Bearer ${token}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function githubMessageOf(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message.slice(0, 300) : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A non-2xx, non-304 answer as a problem; 5xx are marked retryable. */
function classify(
  status: number,
  headers: Headers,
  body: unknown,
  ctx: HttpContext,
  host: string,
): { problem: Problem; retryable: boolean } {
  const now = ctx.now();
  const githubMessage = githubMessageOf(body);
  const detail: FailureDetail = {
    status,
    host,
    authenticated: ctx.token !== null,
    ...(githubMessage ? { githubMessage } : {}),
  };
  if (status === 401) return { problem: { kind: 'bad-token', detail }, retryable: false };
  const until = rateLimitedUntil(status, headers, now);
  if (until !== null) {
    const reason = headers.has('retry-after') ? 'retry-after' : undefined;
    return {
      problem: { kind: 'rate-limited', detail: { ...detail, until, ...(reason ? { reason } : {}) } },
      retryable: false,
    };
  }
  if (status === 403 || status === 451) return { problem: { kind: 'forbidden', detail }, retryable: false };
  // 410: an issue that was deleted. Both say "nothing to show here".
  if (status === 404 || status === 410) return { problem: { kind: 'not-found', detail }, retryable: false };
  if (status >= 500) return { problem: { kind: 'server-error', detail }, retryable: true };
  return {
    problem: { kind: 'malformed', detail: { ...detail, reason: `unexpected HTTP ${status}` } },
    retryable: false,
  };
}

interface Try {
  outcome: TextOutcome;
  /** A server error: worth another try. */
  retryable: boolean;
  /** When the server asked for the next try (`retry-after`), if it did. */
  retryAt: number | null;
}

function done(outcome: TextOutcome): Try {
  return { outcome, retryable: false, retryAt: null };
}

/** One try: the answer read, or the problem met. */
async function tryOnce(request: HttpRequest, ctx: HttpContext): Promise<Try> {
  const host = hostOf(request.url);
  const headers: Record<string, string> = { Accept: request.accept ?? 'application/vnd.github+json' };
  const authorization = authorizationFor(request.url, ctx.apiBase, ctx.token);
  if (authorization) headers.Authorization = authorization;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.etag) headers['If-None-Match'] = request.etag;

  const timeout = new AbortController();
  const abort = (): void => timeout.abort();
  ctx.signal.addEventListener('abort', abort);
  const timer = setTimeout(abort, ctx.timeoutMs);
  try {
    let response: Response;
    try {
      response = await ctx.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        // Our own If-None-Match and ETags must reach GitHub untouched: keep the browser's HTTP cache out.
        cache: 'no-store',
        credentials: 'omit',
        // A redirect could carry the token elsewhere; with a token, a redirect is a failure, not followed.
        redirect: authorization ? 'manual' : 'follow',
        signal: timeout.signal,
      });
    } catch {
      const timedOut = timeout.signal.aborted && !ctx.signal.aborted;
      return done({
        kind: 'failure',
        problem: { kind: 'offline', detail: { host, ...(timedOut ? { timeoutMs: ctx.timeoutMs } : {}) } },
        headers: null,
      });
    }
    const now = ctx.now();
    const limit = readRateLimit(response.headers, now, request.resource);
    if (limit) ctx.onRateLimit(limit);
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400 && response.status !== 304)
    ) {
      const reason = `it redirected to ${response.headers.get('location') ?? 'another address'}, where the token is not sent`;
      return done({
        kind: 'failure',
        problem: { kind: 'malformed', detail: { host, status: response.status, reason } },
        headers: response.headers,
      });
    }
    if (response.status === 304) {
      return done({ kind: 'not-modified', etag: response.headers.get('etag'), headers: response.headers });
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      const timedOut = timeout.signal.aborted && !ctx.signal.aborted;
      return done({
        kind: 'failure',
        problem: { kind: 'offline', detail: { host, ...(timedOut ? { timeoutMs: ctx.timeoutMs } : {}) } },
        headers: response.headers,
      });
    }
    if (request.expect === 'text' && response.status >= 200 && response.status < 300) {
      return done({
        kind: 'text',
        status: response.status,
        text,
        etag: response.headers.get('etag'),
        headers: response.headers,
      });
    }
    const parsed = parseJson(text);
    if (response.status >= 200 && response.status < 300) {
      if (!parsed.ok) {
        return done({
          kind: 'failure',
          problem: { kind: 'malformed', detail: { host, reason: 'not JSON' } },
          headers: response.headers,
        });
      }
      return done({
        kind: 'json',
        status: response.status,
        body: parsed.value,
        etag: response.headers.get('etag'),
        headers: response.headers,
      });
    }
    const { problem, retryable } = classify(
      response.status,
      response.headers,
      parsed.ok ? parsed.value : null,
      ctx,
      host,
    );
    const retryAfter = response.headers.get('retry-after');
    const retryAt = retryAfter && /^\d+$/.test(retryAfter.trim()) ? now + Number(retryAfter) * 1000 : null;
    return { outcome: { kind: 'failure', problem, headers: response.headers }, retryable, retryAt };
  } finally {
    clearTimeout(timer);
    ctx.signal.removeEventListener('abort', abort);
  }
}

/**
 * A request with server errors retried: `attempts` tries in all, waiting `baseDelayMs`, then twice as long
 * each time, never more than `maxDelayMs` (a server's `retry-after` wins when it is within that bound).
 */
export async function send(request: HttpRequest & { expect: 'text' }, ctx: HttpContext): Promise<TextOutcome>;
export async function send(request: HttpRequest, ctx: HttpContext): Promise<HttpOutcome>;
export async function send(request: HttpRequest, ctx: HttpContext): Promise<TextOutcome> {
  const attempts = Math.max(1, ctx.retry.attempts);
  for (let attempt = 1; ; attempt++) {
    const { outcome, retryable, retryAt } = await tryOnce(request, ctx);
    if (!retryable || attempt >= attempts || ctx.signal.aborted) {
      if (outcome.kind === 'failure' && outcome.problem.kind === 'server-error')
        outcome.problem.detail.attempts = attempt;
      return outcome;
    }
    const backoff = Math.min(ctx.retry.maxDelayMs, ctx.retry.baseDelayMs * 2 ** (attempt - 1));
    const asked = retryAt !== null ? retryAt - ctx.now() : null;
    const delay = asked !== null && asked > 0 && asked <= ctx.retry.maxDelayMs ? asked : backoff;
    await ctx.sleep(delay, ctx.signal);
  }
}
