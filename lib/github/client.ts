// The GitHub status client: the one place that looks references up. It answers at once from what is known
// (memory, then the cache), queues what is missing or stale, and tells its listeners as answers arrive.
//
// With a token it asks GraphQL, up to 100 references a query, one query at a time per host. Without one
// it asks REST, one conditional request per reference the caller says is visible, and stops above a
// small reserve of the hourly quota until the quota resets. Look-ups already queued or in flight are
// shared, never repeated. `fetch`, the clock and waits are injected: the background passes the real ones.
import {
  DEFAULT_FRESHNESS,
  isFreshStatus,
  servesCredential,
  type CachedRef,
  type Freshness,
  type StatusCache,
} from './cache';
import { ANONYMOUS_CREDENTIAL, credentialOf } from './credential';
import { failureMessage, makeFailure, type Problem } from './errors';
import { buildStatusQuery, MAX_REFS_PER_QUERY, readStatusAnswer } from './graphql';
import {
  DEFAULT_RETRY,
  send,
  type FetchLike,
  type HttpContext,
  type HttpOutcome,
  type HttpRequest,
  type RetryPolicy,
  type TextOutcome,
} from './http';
import { canSpend, FALLBACK_RATE_LIMIT_WAIT_MS, readRateLimit, readRetryAfter, type RateLimit } from './rate-limit';
import { canonicalRef, parseRef, type RefParts } from './refs';
import { issuePath, pullPath, readIssueAnswer, readPullAnswer } from './rest';
import type { RefFailure, RefReport, RefStatus } from './status';

export const DEFAULT_API_BASE = 'https://api.github.com';

export interface GitHubClientOptions {
  /** REST base: `https://api.github.com`, or `https://ghe.example.com/api/v3` for GitHub Enterprise. */
  apiBase?: string;
  /** GraphQL endpoint; by default derived from `apiBase` (see `graphqlUrlFor`). Must share its origin. */
  graphqlUrl?: string;
  /** A token (a classic one with no scopes is enough for public repositories); none means anonymous REST. */
  token?: string | null;
  fetch?: FetchLike;
  /** Where statuses, ETags and the last rate limit persist; none keeps them in memory only. */
  cache?: StatusCache | null;
  now?: () => number;
  /** Waits for back-off and for a rate-limit reset; ends early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Requests left unspent of the hourly quota (default 5). */
  reserve?: number;
  /** References per GraphQL query (default and maximum 100). */
  batchSize?: number;
  /** Anonymous REST requests at once (default 4). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** A request that takes longer fails as offline (default 20 s). */
  timeoutMs?: number;
  freshness?: Partial<Freshness>;
}

export interface LookupOptions {
  /**
   * The references on screen, most important first. They are looked up first; without a token they are
   * the only ones looked up (the anonymous quota is 60 an hour), the others are answered from the cache.
   */
  visibleFirst?: readonly string[];
  /** Re-check even what is fresh (a "refresh" button). */
  force?: boolean;
}

export interface RateLimitReport {
  authenticated: boolean;
  /** The quota this client spends: `core` without a token, `graphql` with one; null until an answer told. */
  limit: RateLimit | null;
  /** Nothing is sent before this time (ms since the epoch); null when not waiting. */
  blockedUntil: number | null;
  /** Why it waits, in words; null when not waiting. */
  message: string | null;
}

export interface ContentsOptions {
  etag?: string | null;
  /** The media type: a folder listing is JSON; a file GitHub's rendered HTML or its raw text. */
  accept?: string;
  expect?: 'json' | 'text';
}

export type GitHubClientEvent =
  | { type: 'reports'; reports: RefReport[] }
  | { type: 'rate-limit'; rateLimit: RateLimitReport };

export interface GitHubClient {
  readonly apiBase: string;
  readonly graphqlUrl: string;
  readonly authenticated: boolean;
  /**
   * What is known about `refs` now (in their order, each once, canonical spelling), after queueing a
   * look-up of whatever is missing, stale or forced. Later answers arrive through `subscribe`.
   */
  lookup(refs: readonly string[], options?: LookupOptions): Promise<RefReport[]>;
  /** What is known right now, from memory only. */
  reports(refs: readonly string[]): RefReport[];
  subscribe(listener: (event: GitHubClientEvent) => void): () => void;
  rateLimit(): RateLimitReport;
  /** Resolves when nothing is queued or in flight, or all that is left waits for a rate-limit reset. */
  idle(): Promise<void>;
  /**
   * One conditional REST request for a file or folder (`/repos/{o}/{r}/contents/{path}`), spending the same
   * quota, reserve and rate-limit wait as the statuses. A rate limit is a failure at once, never a wait.
   */
  contents(path: string, options: ContentsOptions): Promise<TextOutcome>;
  /** Stops waits and requests; no events after this. */
  dispose(): void;
}

/** GitHub Enterprise Server has REST at `/api/v3` and GraphQL at `/api/graphql`; github.com at `/graphql`. */
export function graphqlUrlFor(apiBase: string): string {
  const base = apiBase.replace(/\/+$/, '');
  return /\/api\/v3$/i.test(base) ? `${base.slice(0, -'/v3'.length)}/graphql` : `${base}/graphql`;
}

/** `https://host/path` without a trailing slash; throws on anything but an http(s) URL. */
export function normalizeApiBase(apiBase: string): string {
  const url = new URL(apiBase.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Not an http(s) API base: ${apiBase}`);
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

// One GraphQL query in flight per host, across clients too (the background may hold an old client for a
// moment after the token changes).
const hostQueues = new Map<string, Promise<void>>();

async function oneAtATime<T>(host: string, task: () => Promise<T>): Promise<T> {
  const previous = hostQueues.get(host) ?? Promise.resolve();
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  hostQueues.set(host, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (hostQueues.get(host) === tail) hostQueues.delete(host);
  }
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    // setTimeout holds at most ~24.8 days; a rate-limit window is an hour.
    const timer = setTimeout(finish, Math.min(Math.max(0, ms), 2 ** 31 - 1));
    signal.addEventListener('abort', finish);
  });
}

/** What this client knows of one reference. */
interface Known {
  status: RefStatus | null;
  failure: RefFailure | null;
  etag: string | null;
  pullEtag: string | null;
  /** Whether the last answer was to a request with a token. */
  authenticated: boolean;
}

interface Block {
  until: number;
  problem: Problem;
}

export function createGitHubClient(options: GitHubClientOptions = {}): GitHubClient {
  return new StatusClient(options);
}

class StatusClient implements GitHubClient {
  readonly apiBase: string;
  readonly graphqlUrl: string;
  readonly authenticated: boolean;

  private readonly token: string | null;
  private readonly cache: StatusCache | null;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly reserve: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly freshness: Freshness;
  private readonly http: HttpContext;
  private readonly stop = new AbortController();

  private readonly known = new Map<string, Known>();
  /** Canonical references waiting, in the order they will be asked. */
  private queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly inFlight = new Set<string>();
  /** HTTP requests out now: each may cost one from the quota before its answer says so. */
  private requestsOut = 0;
  private readonly limits = new Map<string, RateLimit>();
  private block: Block | null = null;
  private pumping = false;
  private waitingForReset = false;
  private idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<(event: GitHubClientEvent) => void>();
  private readonly ready: Promise<void>;
  /** Which credential this client's answers belong to (a hash of the token); set before any look-up. */
  private credential = ANONYMOUS_CREDENTIAL;

  constructor(options: GitHubClientOptions) {
    this.apiBase = normalizeApiBase(options.apiBase ?? DEFAULT_API_BASE);
    this.graphqlUrl = options.graphqlUrl ? normalizeApiBase(options.graphqlUrl) : graphqlUrlFor(this.apiBase);
    if (new URL(this.graphqlUrl).origin !== new URL(this.apiBase).origin) {
      throw new TypeError('The GraphQL endpoint must be on the API base’s host: the token goes there only.');
    }
    this.token = options.token?.trim() || null;
    this.authenticated = this.token !== null;
    this.cache = options.cache ?? null;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.reserve = Math.max(0, options.reserve ?? 5);
    this.batchSize = Math.min(MAX_REFS_PER_QUERY, Math.max(1, options.batchSize ?? MAX_REFS_PER_QUERY));
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.freshness = { ...DEFAULT_FRESHNESS, ...options.freshness };
    const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.http = {
      fetch: fetchImpl,
      apiBase: this.apiBase,
      token: this.token,
      timeoutMs: options.timeoutMs ?? 20_000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      now: this.now,
      sleep: this.sleep,
      signal: this.stop.signal,
      onRateLimit: (limit) => this.noteRateLimit(limit),
    };
    this.ready = Promise.all([
      this.loadRateLimit(),
      credentialOf(this.token).then((credential) => {
        this.credential = credential;
      }),
    ]).then(() => undefined);
  }

  // ── Public API ────────────────────────────────────────────────────────────────────────────────

  async lookup(refs: readonly string[], options: LookupOptions = {}): Promise<RefReport[]> {
    await this.ready;
    const order: string[] = [];
    const seen = new Set<string>();
    for (const ref of refs) {
      const key = canonicalRef(ref) ?? ref;
      if (!seen.has(key)) {
        seen.add(key);
        order.push(key);
      }
    }
    const visible = (options.visibleFirst ?? [])
      .map((ref) => canonicalRef(ref))
      .filter((ref): ref is string => ref !== null);
    await this.loadFromCache([...order, ...visible].filter((ref) => parseRef(ref) !== null));
    const now = this.now();
    for (const ref of order) {
      if (parseRef(ref) === null)
        this.known.set(ref, this.knownWith(ref, { failure: makeFailure(ref, 'invalid-ref', {}, now) }));
    }
    if (!this.stop.signal.aborted) {
      // Without a token the hourly quota is 60: spend it on what is on screen, when the caller says what that is.
      const wanted = new Set(
        this.authenticated || options.visibleFirst === undefined ? [...visible, ...order] : visible,
      );
      const due = [...wanted].filter((ref) => parseRef(ref) !== null && this.isDue(ref, now, options.force === true));
      const visibleSet = new Set(visible);
      this.enqueue(
        due.filter((ref) => visibleSet.has(ref)),
        due.filter((ref) => !visibleSet.has(ref)),
        visible.filter((ref) => this.queued.has(ref)),
      );
    }
    return order.map((ref) => this.reportOf(ref, now));
  }

  reports(refs: readonly string[]): RefReport[] {
    const now = this.now();
    return refs.map((ref) => this.reportOf(canonicalRef(ref) ?? ref, now));
  }

  subscribe(listener: (event: GitHubClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  rateLimit(): RateLimitReport {
    const now = this.now();
    const blocked = this.block && this.block.until > now ? this.block : null;
    return {
      authenticated: this.authenticated,
      limit: this.limits.get(this.resource) ?? null,
      blockedUntil: blocked?.until ?? null,
      message: blocked ? failureMessage('rate-limited', blocked.problem.detail, now) : null,
    };
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async contents(path: string, options: ContentsOptions): Promise<TextOutcome> {
    await this.ready;
    const now = this.now();
    // Without a token statuses and files share the REST quota; with one, files spend REST and statuses GraphQL.
    const blocked = !this.authenticated && this.block && now < this.block.until ? this.block : null;
    if (blocked) return { kind: 'failure', problem: blocked.problem, headers: null };
    const core = this.limits.get('core') ?? null;
    if (core && !canSpend(core, this.authenticated ? 0 : this.requestsOut, this.reserve, now)) {
      const left = Math.max(0, core.remaining);
      const detail = {
        until: core.resetAt,
        reserve: { remaining: left, limit: core.limit },
        authenticated: this.authenticated,
      };
      return { kind: 'failure', problem: { kind: 'rate-limited', detail }, headers: null };
    }
    const outcome = await this.request({
      method: 'GET',
      url: `${this.apiBase}${path}`,
      etag: options.etag ?? null,
      resource: 'core',
      ...(options.accept ? { accept: options.accept } : {}),
      expect: options.expect ?? 'json',
    } as HttpRequest & { expect: 'text' });
    if (outcome.kind === 'failure' && outcome.problem.kind === 'rate-limited') {
      if (outcome.headers) outcome.problem.detail.until ??= this.untilFromAnswer(outcome.headers);
      if (!this.authenticated && outcome.problem.detail.until !== undefined)
        this.blockUntil(outcome.problem.detail.until, outcome.problem);
    }
    return outcome;
  }

  dispose(): void {
    this.stop.abort();
    this.listeners.clear();
    for (const ref of this.queue) this.queued.delete(ref);
    this.queue = [];
    this.notifyIdle();
  }

  // ── What is known ─────────────────────────────────────────────────────────────────────────────

  private get resource(): 'core' | 'graphql' {
    return this.authenticated ? 'graphql' : 'core';
  }

  private get rateLimitKey(): string {
    return `${this.authenticated ? 'token' : 'anonymous'}:${this.resource}`;
  }

  private knownWith(ref: string, patch: Partial<Known>): Known {
    const previous = this.known.get(ref);
    return {
      status: null,
      failure: null,
      etag: null,
      pullEtag: null,
      authenticated: this.authenticated,
      ...previous,
      ...patch,
    };
  }

  private reportOf(ref: string, now: number): RefReport {
    const known = this.known.get(ref);
    const status = known?.status ?? null;
    return {
      ref,
      status,
      failure: known?.failure ?? null,
      pending: this.queued.has(ref) || this.inFlight.has(ref),
      stale: status !== null && !isFreshStatus(status, now, this.freshness),
    };
  }

  /** Whether a look-up of `ref` should be queued now. */
  private isDue(ref: string, now: number, force: boolean): boolean {
    if (this.queued.has(ref) || this.inFlight.has(ref)) return false;
    if (force) return true;
    const known = this.known.get(ref);
    if (!known) return true;
    const failure = known.failure;
    if (failure?.error === 'not-found' && !known.status) {
      // An anonymous not-found may be a private repository that the token can see.
      const trusted = known.authenticated || !this.authenticated;
      return !trusted || now - failure.fetchedAt >= this.freshness.notFoundMs;
    }
    if (failure && failure.error !== 'not-found') {
      if (failure.error === 'invalid-ref') return false;
      // A failure is never cached, but a look-up right after one would only fail again.
      const retryAt = failure.until ?? failure.fetchedAt + this.freshness.failureRetryMs;
      if (now < retryAt) return false;
    }
    return known.status === null || !isFreshStatus(known.status, now, this.freshness);
  }

  private async loadFromCache(refs: readonly string[]): Promise<void> {
    const missing = refs.filter((ref) => !this.known.has(ref));
    if (!this.cache || missing.length === 0) return;
    let entries: CachedRef[] = [];
    try {
      entries = await this.cache.getMany(this.apiBase, missing);
    } catch {
      // A broken cache costs requests, never statuses.
      return;
    }
    for (const entry of entries) {
      // What another token could see is not this client's to show.
      if (this.known.has(entry.ref) || !servesCredential(entry, this.credential)) continue;
      this.known.set(entry.ref, {
        status: entry.status,
        failure: entry.notFound,
        etag: entry.etag,
        pullEtag: entry.pullEtag,
        authenticated: entry.authenticated,
      });
    }
  }

  private persist(refs: readonly string[]): void {
    if (!this.cache) return;
    const now = this.now();
    const entries: CachedRef[] = [];
    for (const ref of refs) {
      const known = this.known.get(ref);
      if (!known) continue;
      const notFound = known.failure?.error === 'not-found' && !known.status ? known.failure : null;
      if (!known.status && !notFound) continue;
      entries.push({
        base: this.apiBase,
        ref,
        status: known.status,
        notFound,
        etag: known.etag,
        pullEtag: known.pullEtag,
        authenticated: known.authenticated,
        credential: known.authenticated ? this.credential : ANONYMOUS_CREDENTIAL,
        storedAt: now,
      });
    }
    this.cache.putMany(entries).catch(() => {
      // Not being able to persist loses nothing now; the next session asks again.
    });
  }

  // ── Outcomes ──────────────────────────────────────────────────────────────────────────────────

  private succeed(ref: string, status: RefStatus, etag: string | null, pullEtag: string | null): void {
    this.known.set(ref, { status, failure: null, etag, pullEtag, authenticated: this.authenticated });
  }

  /** A failure for `ref`: a not-found replaces what was known; anything else keeps the last status. */
  private fail(ref: string, problem: Problem): void {
    const now = this.now();
    const failure = makeFailure(ref, problem.kind, { ...problem.detail, authenticated: this.authenticated }, now);
    if (problem.kind === 'not-found') {
      this.known.set(ref, { status: null, failure, etag: null, pullEtag: null, authenticated: this.authenticated });
    } else {
      this.known.set(ref, this.knownWith(ref, { failure }));
    }
  }

  private emitReports(refs: readonly string[]): void {
    if (refs.length === 0) return;
    const now = this.now();
    this.emit({ type: 'reports', reports: refs.map((ref) => this.reportOf(ref, now)) });
  }

  private emit(event: GitHubClientEvent): void {
    if (this.stop.signal.aborted) return;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One listener's mistake must not stop the others, nor the look-ups.
      }
    }
  }

  // ── Rate limits ───────────────────────────────────────────────────────────────────────────────

  private async loadRateLimit(): Promise<void> {
    if (!this.cache) return;
    try {
      const stored = await this.cache.getRateLimit(this.apiBase, this.rateLimitKey);
      // A worker restarted within the hour must not spend what an earlier one saw was gone.
      if (stored && !this.limits.has(stored.resource)) this.limits.set(stored.resource, stored);
    } catch {
      // Unknown, then: the first answer tells.
    }
  }

  private noteRateLimit(limit: RateLimit): void {
    this.limits.set(limit.resource, limit);
    if (limit.resource === this.resource) {
      this.cache?.putRateLimit(this.apiBase, this.rateLimitKey, limit).catch(() => {});
      this.emit({ type: 'rate-limit', rateLimit: this.rateLimit() });
    }
  }

  /** Stop sending until `until`; the queued references are told why. */
  private blockUntil(until: number, problem: Problem): void {
    this.block = { until, problem: { kind: 'rate-limited', detail: { ...problem.detail, until } } };
    this.emit({ type: 'rate-limit', rateLimit: this.rateLimit() });
  }

  /** The time to wait for before sending anything, or null to go on. */
  private waitUntil(): number | null {
    const now = this.now();
    if (this.block && now < this.block.until) return this.block.until;
    this.block = null;
    const limit = this.limits.get(this.resource) ?? null;
    if (!canSpend(limit, this.requestsOut, this.reserve, now) && limit) {
      // What will be left once the requests out now are answered: the reserve, or just above it.
      const left = Math.max(0, limit.remaining - this.requestsOut);
      this.blockUntil(limit.resetAt, {
        kind: 'rate-limited',
        detail: { reserve: { remaining: left, limit: limit.limit }, authenticated: this.authenticated },
      });
      return limit.resetAt;
    }
    return null;
  }

  // ── The queue ─────────────────────────────────────────────────────────────────────────────────

  /** `front` goes first (and `moveUp`, already queued, moves up with it), `back` after everything. */
  private enqueue(front: readonly string[], back: readonly string[], moveUp: readonly string[] = []): void {
    if (front.length === 0 && back.length === 0 && moveUp.length === 0) return;
    const first = [...front, ...moveUp];
    const firstSet = new Set(first);
    this.queue = [...first, ...this.queue.filter((ref) => !firstSet.has(ref)), ...back];
    for (const ref of [...front, ...back]) this.queued.add(ref);
    if (front.length + back.length > 0) this.kick();
  }

  private take(count: number): string[] {
    const taken = this.queue.splice(0, count);
    for (const ref of taken) {
      this.queued.delete(ref);
      this.inFlight.add(ref);
    }
    return taken;
  }

  /** Put references back at the front, in order, after a rate limit stopped them. */
  private putBack(refs: readonly string[]): void {
    for (const ref of refs) {
      this.inFlight.delete(ref);
      this.queued.add(ref);
    }
    this.queue = [...refs, ...this.queue.filter((ref) => !refs.includes(ref))];
  }

  private kick(): void {
    if (this.pumping) return;
    this.pumping = true;
    // A microtask later, so that look-ups made in the same turn share a batch.
    queueMicrotask(() => void this.pump());
  }

  private async pump(): Promise<void> {
    try {
      while (!this.stop.signal.aborted && this.queue.length > 0) {
        const until = this.waitUntil();
        if (until !== null) {
          await this.waitForReset(until);
          continue;
        }
        if (this.authenticated) await this.runBatch();
        else await this.runAnonymous();
      }
    } finally {
      this.pumping = false;
      this.notifyIdle();
    }
  }

  private async waitForReset(until: number): Promise<void> {
    const block = this.block;
    if (block) {
      const now = this.now();
      for (const ref of this.queue)
        this.known.set(
          ref,
          this.knownWith(ref, { failure: makeFailure(ref, 'rate-limited', block.problem.detail, now) }),
        );
      this.emitReports(this.queue);
    }
    this.waitingForReset = true;
    this.notifyIdle();
    await this.sleep(until - this.now(), this.stop.signal);
    this.waitingForReset = false;
    if (this.block && this.now() >= this.block.until) {
      this.block = null;
      this.emit({ type: 'rate-limit', rateLimit: this.rateLimit() });
    }
  }

  private isIdle(): boolean {
    if (this.stop.signal.aborted) return true;
    if (this.inFlight.size > 0) return false;
    return this.queue.length === 0 ? !this.pumping || this.waitingForReset : this.waitingForReset;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async request(request: HttpRequest & { expect: 'text' }): Promise<TextOutcome>;
  private async request(request: HttpRequest): Promise<HttpOutcome>;
  private async request(request: HttpRequest): Promise<TextOutcome> {
    this.requestsOut++;
    try {
      return await send(request as HttpRequest & { expect: 'text' }, this.http);
    } finally {
      this.requestsOut--;
    }
  }

  // ── With a token: GraphQL ─────────────────────────────────────────────────────────────────────

  private async runBatch(): Promise<void> {
    const refs = this.take(this.batchSize);
    const parts = refs.map((ref) => parseRef(ref)).filter((p): p is RefParts => p !== null);
    const query = buildStatusQuery(parts);
    const outcome = await oneAtATime(new URL(this.graphqlUrl).host, () =>
      this.request({
        method: 'POST',
        url: this.graphqlUrl,
        body: JSON.stringify({ query: query.query }),
        resource: 'graphql',
      }),
    );
    if (outcome.kind === 'not-modified') {
      this.batchFailed(refs, { kind: 'malformed', detail: { reason: 'a 304 to a query' } });
      return;
    }
    if (outcome.kind === 'failure') {
      this.batchFailed(refs, outcome.problem);
      return;
    }
    const reading = readStatusAnswer(outcome.body, query, this.now(), true);
    if ('problem' in reading) {
      const problem = reading.problem;
      if (problem.kind === 'rate-limited') problem.detail.until = this.untilFromAnswer(outcome.headers);
      this.batchFailed(refs, problem);
      return;
    }
    for (const result of reading.outcomes) {
      if ('status' in result) this.succeed(result.ref, result.status, null, null);
      else this.fail(result.ref, result.problem);
      this.inFlight.delete(result.ref);
    }
    for (const ref of refs) this.inFlight.delete(ref);
    this.persist(refs);
    this.emitReports(refs);
  }

  /** When a rate limit told in a 200 answer's body ends: its headers, else a minute. */
  private untilFromAnswer(headers: Headers): number {
    const now = this.now();
    const retryAfter = readRetryAfter(headers, now);
    if (retryAfter !== null) return retryAfter;
    const limit = readRateLimit(headers, now, 'graphql');
    if (limit && limit.remaining === 0 && limit.resetAt > now) return limit.resetAt;
    return now + FALLBACK_RATE_LIMIT_WAIT_MS;
  }

  private batchFailed(refs: readonly string[], problem: Problem): void {
    if (problem.kind === 'rate-limited') {
      const until = problem.detail.until ?? this.now() + FALLBACK_RATE_LIMIT_WAIT_MS;
      this.putBack(refs);
      this.blockUntil(until, problem);
      return;
    }
    let failed = [...refs];
    if (problem.kind === 'bad-token') {
      // Every other batch would be refused too: answer the whole queue now, without asking.
      failed = [...refs, ...this.queue];
      for (const ref of this.queue) this.queued.delete(ref);
      this.queue = [];
    }
    for (const ref of failed) {
      this.fail(ref, problem);
      this.inFlight.delete(ref);
    }
    this.persist(failed);
    this.emitReports(failed);
  }

  // ── Without a token: REST ─────────────────────────────────────────────────────────────────────

  private async runAnonymous(): Promise<void> {
    // Until an answer has told the quota, one request at a time: it might be nearly spent.
    const workers = this.limits.has('core') ? this.concurrency : 1;
    const each = this.limits.has('core') ? Infinity : 1;
    await Promise.all(Array.from({ length: workers }, () => this.anonymousWorker(each)));
  }

  private async anonymousWorker(max: number): Promise<void> {
    for (let done = 0; done < max && !this.stop.signal.aborted; done++) {
      if (this.waitUntil() !== null) return;
      const [ref] = this.take(1);
      if (!ref) return;
      await this.lookupRest(ref);
    }
  }

  private async lookupRest(ref: string): Promise<void> {
    const parts = parseRef(ref);
    if (!parts) return;
    const known = this.known.get(ref);
    const cached = known?.status ?? null;
    const outcome = await this.request({
      method: 'GET',
      url: this.apiBase + issuePath(parts),
      etag: cached ? known?.etag : null,
      resource: 'core',
    });
    if (outcome.kind === 'failure' && outcome.problem.kind === 'rate-limited') {
      this.putBack([ref]);
      this.blockUntil(outcome.problem.detail.until ?? this.now() + FALLBACK_RATE_LIMIT_WAIT_MS, outcome.problem);
      return;
    }
    this.inFlight.delete(ref);
    if (outcome.kind === 'not-modified') {
      // GitHub says the issue is as it was: the cached status is still right, and confirmed now.
      if (cached)
        this.succeed(
          ref,
          { ...cached, fetchedAt: this.now() },
          outcome.etag ?? known?.etag ?? null,
          known?.pullEtag ?? null,
        );
      else this.fail(ref, { kind: 'malformed', detail: { reason: 'a 304 with nothing cached' } });
    } else if (outcome.kind === 'failure') {
      this.fail(ref, outcome.problem);
    } else {
      const reading = readIssueAnswer(outcome.body, ref, this.now());
      if (!('status' in reading)) this.fail(ref, reading);
      else if (!reading.needsPull) this.succeed(ref, reading.status, outcome.etag, null);
      else await this.finishWithPull(ref, parts, reading.status, outcome.etag, known);
    }
    this.persist([ref]);
    this.emitReports([ref]);
  }

  /** Only the pulls endpoint tells draft (older Enterprise) or merged: ask it, within the quota. */
  private async finishWithPull(
    ref: string,
    parts: RefParts,
    fromIssue: RefStatus,
    etag: string | null,
    known: Known | undefined,
  ): Promise<void> {
    if (this.waitUntil() !== null) {
      // No quota for the second request: show what the issue said, and keep no ETag so that the next
      // look-up asks in full rather than trusting a half-read status.
      this.succeed(ref, fromIssue, null, null);
      return;
    }
    const cachedPull = known?.status?.kind === 'pr' ? known : undefined;
    this.inFlight.add(ref);
    const outcome = await this.request({
      method: 'GET',
      url: this.apiBase + pullPath(parts),
      etag: cachedPull?.pullEtag ?? null,
      resource: 'core',
    });
    this.inFlight.delete(ref);
    if (outcome.kind === 'failure') {
      if (outcome.problem.kind === 'rate-limited') {
        this.blockUntil(outcome.problem.detail.until ?? this.now() + FALLBACK_RATE_LIMIT_WAIT_MS, outcome.problem);
        this.succeed(ref, fromIssue, null, null);
      } else {
        this.fail(ref, outcome.problem);
      }
      return;
    }
    if (outcome.kind === 'not-modified') {
      const state = cachedPull?.status?.state ?? fromIssue.state;
      this.succeed(ref, { ...fromIssue, state }, etag, outcome.etag ?? cachedPull?.pullEtag ?? null);
      return;
    }
    const pull = readPullAnswer(outcome.body, ref, this.now());
    if ('detail' in pull) this.fail(ref, pull);
    else this.succeed(ref, { ...fromIssue, state: pull.state }, etag, outcome.etag);
  }
}
