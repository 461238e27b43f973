// The background's GitHub service: the one status client of the extension, created lazily from the saved
// settings when a message needs it (an MV3 worker stops when idle and starts again empty), replaced when
// the settings change, and the one place that tells the panel, the options page and the agenda tabs what
// arrived. Browser APIs come in through `ServiceDeps`, so that it runs in unit tests as it runs in the worker.
import {
  createGitHubClient,
  type GitHubClient,
  type GitHubClientEvent,
  type GitHubClientOptions,
  type RateLimitReport,
} from '../github/client';
import { STATUS_CACHE_LIMITS, type StatusCache } from '../github/cache';
import { credentialOf } from '../github/credential';
import type { FetchLike } from '../github/http';
import { isBackgroundRequest } from '../messaging/calls';
import type { ConnectionCheck, GitHubNews, GitHubServiceState } from '../messaging/github-connection';
import type { GitHubBroadcast, GitHubLookupAnswer, GitHubLookupRequest } from '../messaging/github-lookup';
import type { FailureKind, RefReport } from '../github/status';
import { fetchContents } from '../history/contents-service';
import { checkConnection } from './connection-check';
import type { StoredSettings } from './settings';

export interface ServiceDeps {
  /** The saved settings, read afresh whenever a client is made. */
  readSettings(): Promise<StoredSettings>;
  /** The status cache, or null to keep statuses in memory only. Asked once per worker life. */
  openCache(): Promise<StatusCache | null>;
  fetch: FetchLike;
  /** To every extension page (panel, options): `runtime.sendMessage`. */
  toExtensionPages(message: GitHubNews): void;
  /** To one agenda tab's content script: `tabs.sendMessage`; rejects when nothing listens there. */
  toTab(tabId: number, message: GitHubNews): Promise<unknown>;
  now?: () => number;
  /** Extra client options (tests shorten waits). */
  clientOptions?: Partial<GitHubClientOptions>;
}

/** Who sent a message: a content script in a tab, or an extension page. */
export interface MessageOrigin {
  /** The tab of a content script; undefined for extension pages (panel, options), which hear every broadcast. */
  tabId?: number;
}

export interface GitHubService {
  /** Answers a message meant for it, or returns undefined for any other message. */
  handle(message: unknown, origin: MessageOrigin): Promise<unknown> | undefined;
  lookup(request: GitHubLookupRequest, origin?: MessageOrigin): Promise<GitHubLookupAnswer>;
  state(): Promise<GitHubServiceState>;
  check(): Promise<ConnectionCheck>;
  /** The API base or token changed: drop the client, tell everyone to ask again. */
  settingsChanged(): void;
  forgetTab(tabId: number): void;
  dispose(): void;
}

/** Failures that concern every look-up rather than one reference: worth a line on the options page. */
const ACCOUNT_WIDE: ReadonlySet<FailureKind> = new Set([
  'bad-token',
  'offline',
  'server-error',
  'forbidden',
  'malformed',
]);

interface Current {
  client: GitHubClient;
  settingsProblem: string | null;
  /** Which settings it was made from: `settingsChanged` counts up. */
  generation: number;
}

export function createGitHubService(deps: ServiceDeps): GitHubService {
  const now = deps.now ?? Date.now;
  let current: Promise<Current> | null = null;
  let cache: Promise<StatusCache | null> | null = null;
  let generation = 0;
  let problem: { message: string; at: number } | null = null;
  let lastRateLimit: RateLimitReport | null = null;
  /** What each agenda tab asked for: it is told of those references only. */
  const tabs = new Map<number, Set<string>>();

  function openCache(): Promise<StatusCache | null> {
    // A broken IndexedDB costs requests, never statuses.
    cache ??= deps.openCache().catch(() => null);
    return cache;
  }

  function client(): Promise<Current> {
    if (current) return current;
    const mine = generation;
    const made = (async (): Promise<Current> => {
      const [{ settings, problem: settingsProblem }, statusCache] = await Promise.all([
        deps.readSettings(),
        openCache(),
      ]);
      if (statusCache) await tidyCache(statusCache, settings.token);
      const made = createGitHubClient({
        ...deps.clientOptions,
        apiBase: settings.apiBase,
        token: settings.token,
        fetch: deps.fetch,
        cache: statusCache,
        ...(deps.now ? { now: deps.now } : {}),
      });
      made.subscribe(tell);
      return { client: made, settingsProblem, generation: mine };
    })();
    current = made;
    // A failure to read the settings must not stick: the next message tries again.
    made.catch(() => {
      if (current === made) current = null;
    });
    return made;
  }

  /**
   * What a token fetched goes when that token does (removed or replaced), and the cache stays within its
   * age and size limits. Done whenever a client is made: at the worker's start and after every settings change.
   */
  async function tidyCache(statusCache: StatusCache, token: string | null): Promise<void> {
    try {
      await statusCache.forgetOtherCredentials(await credentialOf(token));
      await statusCache.prune(now() - STATUS_CACHE_LIMITS.maxAgeMs);
      await statusCache.trim(STATUS_CACHE_LIMITS.maxEntries);
    } catch {
      // A broken cache costs requests, never statuses; the client never serves another credential's entries.
    }
  }

  /** The client of the settings in force: one made before they changed is already disposed. */
  async function currentClient(): Promise<Current> {
    for (;;) {
      const made = await client();
      if (made.generation === generation) return made;
    }
  }

  function noteProblems(reports: readonly RefReport[]): void {
    for (const report of reports) {
      const failure = report.failure;
      if (failure && ACCOUNT_WIDE.has(failure.error)) {
        if (!problem || failure.fetchedAt >= problem.at) problem = { message: failure.message, at: failure.fetchedAt };
      } else if (report.status && problem && report.status.fetchedAt >= problem.at && !failure) {
        problem = null;
      }
    }
  }

  function tell(event: GitHubClientEvent): void {
    const message: GitHubBroadcast =
      event.type === 'reports'
        ? { type: 'github/reports', reports: event.reports }
        : { type: 'github/rate-limit', rateLimit: event.rateLimit };
    if (event.type === 'reports') noteProblems(event.reports);
    else lastRateLimit = event.rateLimit;
    deps.toExtensionPages(message);
    for (const [tabId, refs] of tabs) {
      if (message.type === 'github/reports') {
        const theirs = message.reports.filter((report) => refs.has(report.ref));
        if (theirs.length > 0) send(tabId, { type: 'github/reports', reports: theirs });
      } else {
        send(tabId, message);
      }
    }
  }

  function send(tabId: number, message: GitHubNews): void {
    deps.toTab(tabId, message).catch(() => {
      // The tab navigated away or closed: it asks again if it still shows an agenda.
      tabs.delete(tabId);
    });
  }

  function remember(tabId: number, reports: readonly RefReport[]): void {
    let refs = tabs.get(tabId);
    if (!refs) {
      refs = new Set();
      tabs.set(tabId, refs);
    }
    for (const report of reports) refs.add(report.ref);
  }

  async function lookup(request: GitHubLookupRequest, origin: MessageOrigin = {}): Promise<GitHubLookupAnswer> {
    const { client: c } = await currentClient();
    const reports = await c.lookup(request.refs, {
      ...(request.visibleFirst ? { visibleFirst: request.visibleFirst } : {}),
      ...(request.force ? { force: true } : {}),
    });
    if (origin.tabId !== undefined) remember(origin.tabId, reports);
    noteProblems(reports);
    const rateLimit = c.rateLimit();
    return { reports, rateLimit };
  }

  async function state(): Promise<GitHubServiceState> {
    const { client: c, settingsProblem } = await currentClient();
    const rateLimit = c.rateLimit();
    return {
      apiBase: c.apiBase,
      authenticated: c.authenticated,
      rateLimit: rateLimit.limit || rateLimit.blockedUntil ? rateLimit : lastRateLimit,
      problem: problem?.message ?? null,
      settingsProblem,
    };
  }

  async function check(): Promise<ConnectionCheck> {
    const { settings, problem: settingsProblem } = await deps.readSettings();
    if (settingsProblem) return { ok: false, kind: 'settings', message: settingsProblem };
    const result = await checkConnection(settings, { fetch: deps.fetch, now });
    if (result.ok) problem = null;
    else if (result.kind !== 'rate-limited' && result.kind !== 'cors') problem = { message: result.message, at: now() };
    return result;
  }

  function settingsChanged(): void {
    generation++;
    const old = current;
    current = null;
    problem = null;
    lastRateLimit = null;
    void old?.then(({ client: c }) => c.dispose()).catch(() => undefined);
    // Made now, not at the next look-up: a removed token's statuses leave the cache at once.
    void client().catch(() => undefined);
    const reset: GitHubNews = { type: 'github/reset' };
    deps.toExtensionPages(reset);
    for (const tabId of [...tabs.keys()]) send(tabId, reset);
  }

  return {
    handle(message, origin) {
      if (isBackgroundRequest(message, 'github/lookup')) return lookup(message, origin);
      // How the connection stands, and a request that spends quota, are the options page's and the panel's
      // business: a content script (in a page that may be hostile) is not answered.
      const fromExtensionPage = origin.tabId === undefined;
      if (isBackgroundRequest(message, 'github/state')) return fromExtensionPage ? state() : undefined;
      if (isBackgroundRequest(message, 'github/check')) return fromExtensionPage ? check() : undefined;
      if (isBackgroundRequest(message, 'history/contents')) {
        return fromExtensionPage ? currentClient().then(({ client: c }) => fetchContents(c, message, now)) : undefined;
      }
      return undefined;
    },
    lookup,
    state,
    check,
    settingsChanged,
    forgetTab: (tabId) => void tabs.delete(tabId),
    dispose() {
      generation++;
      void current?.then(({ client: c }) => c.dispose()).catch(() => undefined);
      current = null;
      void cache?.then((c) => c?.close());
    },
  };
}
