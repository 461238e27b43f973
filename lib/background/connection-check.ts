// "Check the connection" on the options page: one request to the API's `/rate_limit` (GitHub does not
// count it against the quota) with the saved settings, told in words. It tells a refused token from an
// unreachable host, and an unreachable host from one that only refuses cross-origin requests, which a
// host permission fixes.
import { failureMessage } from '../github/errors';
import { send, type FetchLike, type HttpContext } from '../github/http';
import { readRateLimit, type RateLimit } from '../github/rate-limit';
import type { ConnectionCheck } from '../messaging/github-connection';
import { validateApiBase, type GitHubSettings } from './settings';

export interface CheckOptions {
  fetch: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}

function hostOf(apiBase: string): string {
  return new URL(apiBase).host;
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function quotaInWords(limit: RateLimit, authenticated: boolean): string {
  const what = authenticated ? (limit.resource === 'graphql' ? 'GraphQL requests' : 'requests') : 'look-ups';
  const more = !authenticated && limit.limit <= 60 ? ' A token raises this to 5,000.' : '';
  return `${number(limit.remaining)} of ${number(limit.limit)} ${what} left this hour (renews at ${clock(limit.resetAt)}).${more}`;
}

/** The quota that look-ups spend, from a `/rate_limit` answer: GraphQL with a token, core REST without. */
function quotaFromBody(body: unknown, authenticated: boolean, now: number): RateLimit | null {
  const resources = (body as { resources?: Record<string, unknown> } | null)?.resources;
  const entry = resources?.[authenticated ? 'graphql' : 'core'] as Record<string, unknown> | undefined;
  if (
    !entry ||
    typeof entry.limit !== 'number' ||
    typeof entry.remaining !== 'number' ||
    typeof entry.reset !== 'number'
  )
    return null;
  return {
    resource: authenticated ? 'graphql' : 'core',
    limit: entry.limit,
    remaining: entry.remaining,
    used: typeof entry.used === 'number' ? entry.used : entry.limit - entry.remaining,
    resetAt: entry.reset * 1000,
    observedAt: now,
  };
}

function connected(
  settings: GitHubSettings,
  tokenSent: boolean,
  limit: RateLimit | null,
  now: number,
): ConnectionCheck {
  if (limit && limit.remaining === 0 && limit.resetAt > now) {
    // Reachable, and the token (if any) accepted, but the quota is spent: look-ups wait.
    return {
      ok: false,
      kind: 'rate-limited',
      message: failureMessage('rate-limited', { until: limit.resetAt, authenticated: tokenSent }, now),
    };
  }
  const how = tokenSent
    ? 'with the token'
    : settings.token
      ? 'without the token (it is not sent over plain http)'
      : 'without a token';
  const quota = limit ? ` ${quotaInWords(limit, tokenSent)}` : ' It reports no rate limit.';
  return { ok: true, kind: 'ok', message: `Connected to ${hostOf(settings.apiBase)} ${how}.${quota}` };
}

/** Whether the host answers at all when CORS is out of the way (an opaque answer): then only CORS stood in the way. */
async function answersWithoutCors(url: string, fetchImpl: FetchLike): Promise<boolean> {
  try {
    await fetchImpl(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

export async function checkConnection(settings: GitHubSettings, options: CheckOptions): Promise<ConnectionCheck> {
  const now = options.now ?? Date.now;
  const base = validateApiBase(settings.apiBase);
  if (!base.ok) return { ok: false, kind: 'settings', message: base.message };
  const url = `${base.apiBase}/rate_limit`;
  const target = new URL(url);
  const tokenSent =
    settings.token !== null &&
    (target.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname));
  let lastLimit: RateLimit | null = null;
  const ctx: HttpContext = {
    fetch: options.fetch,
    apiBase: base.apiBase,
    token: settings.token,
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    now,
    sleep: async () => {},
    signal: new AbortController().signal,
    onRateLimit: (limit) => (lastLimit = limit),
  };
  const outcome = await send({ method: 'GET', url, resource: tokenSent ? 'graphql' : 'core' }, ctx);
  const host = target.host;
  if (outcome.kind === 'not-modified') return connected(settings, tokenSent, lastLimit, now());
  if (outcome.kind === 'json') {
    const limit = quotaFromBody(outcome.body, tokenSent, now()) ?? lastLimit;
    if (limit === null && typeof outcome.body !== 'object') {
      return {
        ok: false,
        kind: 'not-github',
        message: `${host} answered, but not as GitHub’s API. Check the address.`,
      };
    }
    return connected(settings, tokenSent, limit, now());
  }
  const { kind, detail } = outcome.problem;
  switch (kind) {
    case 'not-found': {
      // GitHub Enterprise with rate limits off answers 404 "Rate limiting is not enabled." — in GitHub's
      // JSON, with its headers. A 404 page of some other server is not an API.
      if (detail.githubMessage !== undefined) {
        const limit = outcome.headers ? readRateLimit(outcome.headers, now(), tokenSent ? 'graphql' : 'core') : null;
        return connected(settings, tokenSent, limit ?? lastLimit, now());
      }
      return {
        ok: false,
        kind: 'not-github',
        message: `${host} has no GitHub API at ${base.apiBase}. Use https://api.github.com, or https://your-host/api/v3 for GitHub Enterprise.`,
      };
    }
    case 'malformed':
      return {
        ok: false,
        kind: 'not-github',
        message: `${host} answered, but not as GitHub’s API (${detail.reason ?? 'an unreadable answer'}). Check the address.`,
      };
    case 'offline': {
      if (!detail.timeoutMs && base.permissionOrigin && (await answersWithoutCors(url, options.fetch))) {
        return {
          ok: false,
          kind: 'cors',
          message: `${host} answers, but does not allow requests from extensions (no CORS headers). Allow the extension to reach ${target.hostname} to look up there.`,
          permissionOrigin: base.permissionOrigin,
        };
      }
      return { ok: false, kind: 'offline', message: failureMessage('offline', { ...detail, host }, now()) };
    }
    case 'bad-token':
    case 'rate-limited':
    case 'forbidden':
    case 'server-error':
      return { ok: false, kind, message: failureMessage(kind, { ...detail, authenticated: tokenSent }, now()) };
    case 'invalid-ref':
      return { ok: false, kind: 'not-github', message: failureMessage('malformed', detail, now()) };
  }
}
