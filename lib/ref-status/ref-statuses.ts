// What a page or panel knows of GitHub statuses, and how it asks the background for more. No framework:
// the content script's badges use it as it is, the panel wraps it in signals (lib/panel/github-status.ts).
//
// It asks only for what it lacks: references never asked, and, among those on screen, the ones without a
// status, stale, or lost (a look-up pending for a minute: the background may have stopped meanwhile). It
// asks again by itself when a rate limit ends, and asks for everything after the settings changed. Calls
// made close together go as one message.
import type { GitHubNews } from '../messaging/github-connection';
import type { RateLimitReport } from '../github/client';
import { MAX_LOOKUP_REFS, type GitHubLookupAnswer, type GitHubLookupRequest } from '../messaging/github-lookup';
import { isNews } from '../messaging/news';
import { callBackground } from '../messaging/send';
import { canonicalRef } from '../github/refs';
import type { RefReport } from '../github/status';

/** The line to the background; tests pass a scripted one. */
export interface StatusTransport {
  lookup(request: GitHubLookupRequest): Promise<GitHubLookupAnswer>;
  /** Calls back with every piece of GitHub news from the background; returns a function that stops it. */
  listen(listener: (news: GitHubNews) => void): () => void;
}

function isLookupAnswer(value: unknown): value is GitHubLookupAnswer {
  return typeof value === 'object' && value !== null && Array.isArray((value as GitHubLookupAnswer).reports);
}

/** The real line, through `runtime.sendMessage`; news comes from the background only (no sender tab). */
export function browserStatusTransport(): StatusTransport {
  return {
    async lookup(request) {
      const answer: unknown = await callBackground(request);
      if (isLookupAnswer(answer)) return answer;
      throw new Error('The extension’s background did not answer.');
    },
    listen(listener) {
      const onMessage = (message: unknown, sender: { tab?: unknown }): undefined => {
        if (sender.tab === undefined && isNews(message, 'github/reports', 'github/rate-limit', 'github/reset'))
          listener(message);
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}

export interface StatusStoreOptions {
  /** Told which references' reports changed (all of them after a reset). */
  onChange?: (refs: readonly string[]) => void;
  onRateLimit?: (rateLimit: RateLimitReport | null) => void;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Calls within this many ms go as one message (default 30). */
  coalesceMs?: number;
  /** A look-up pending this long without news is asked again (default 60 s). */
  lostAfterMs?: number;
  /** A failed look-up of something on screen is asked again after this long (default 30 s). */
  retryFailureAfterMs?: number;
}

export interface StatusStore {
  get(ref: string): RefReport | undefined;
  /** Every report known, by canonical reference. */
  reports(): ReadonlyMap<string, RefReport>;
  rateLimit(): RateLimitReport | null;
  /**
   * Wants `refs`; `visibleFirst` are the ones on screen now, most important first. Without a token only
   * those are looked up: always pass them when you know them. Resolves when the background has answered.
   */
  request(refs: readonly string[], visibleFirst?: readonly string[]): Promise<void>;
  /** Re-checks everything wanted, even what is fresh (without a token: what is on screen). */
  refresh(): Promise<void>;
  stop(): void;
}

/** Failures that asking again would only repeat, until the settings change. */
const FINAL_FAILURES = new Set(['not-found', 'invalid-ref', 'bad-token']);

function backgroundSilent(ref: string, error: unknown, now: number, previous: RefReport | undefined): RefReport {
  const why = error instanceof Error && error.message ? ` (${error.message})` : '';
  return {
    ref,
    status: previous?.status ?? null,
    failure: {
      ref,
      error: 'offline',
      message: `The extension’s background did not answer${why}. Reload the page to try again.`,
      fetchedAt: now,
    },
    pending: false,
    stale: previous?.stale ?? false,
  };
}

/** `refs` in messages the background accepts: those on screen first, at most `MAX_LOOKUP_REFS` a message. */
export function lookupParts(refs: readonly string[], visible: readonly string[] | null): string[][] {
  let ordered = refs;
  if (visible !== null && refs.length > MAX_LOOKUP_REFS) {
    const all = new Set(refs);
    const first = new Set(visible.filter((ref) => all.has(ref)));
    ordered = [...first, ...refs.filter((ref) => !first.has(ref))];
  }
  const parts: string[][] = [];
  for (let i = 0; i < ordered.length; i += MAX_LOOKUP_REFS) parts.push(ordered.slice(i, i + MAX_LOOKUP_REFS));
  return parts;
}

/** Whether two reports say the same (the background sends fresh objects for unchanged news). */
function sameReport(a: RefReport | undefined, b: RefReport): boolean {
  return a !== undefined && a.pending === b.pending && a.stale === b.stale && JSON.stringify(a) === JSON.stringify(b);
}

export function createStatusStore(transport: StatusTransport, options: StatusStoreOptions = {}): StatusStore {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const coalesceMs = options.coalesceMs ?? 30;
  const lostAfterMs = options.lostAfterMs ?? 60_000;
  const retryFailureAfterMs = options.retryFailureAfterMs ?? 30_000;

  const known = new Map<string, RefReport>();
  /** The references whose report may call for asking again at some time: pending, or rate-limited. */
  const timed = new Set<string>();
  /** When each reference last had news (an answer or a broadcast). */
  const news = new Map<string, number>();
  /** References asked at least once. */
  const asked = new Set<string>();
  /** References in a message not answered yet. */
  const inFlight = new Set<string>();
  /** Everything ever wanted, in the order first wanted. */
  const wanted = new Set<string>();
  /** On screen, most important first; null while the caller has never said. */
  let visible: string[] | null = null;
  let rateLimit: RateLimitReport | null = null;
  let stopped = false;

  let batch: { refs: Set<string>; force: boolean; waiters: (() => void)[] } | null = null;
  let batchTimer: unknown = null;
  let wakeTimer: unknown = null;
  let wakeAt = Infinity;

  function canonical(refs: readonly string[]): string[] {
    return refs.map((ref) => canonicalRef(ref)).filter((ref): ref is string => ref !== null);
  }

  /** Whether `ref` should go in the next message. */
  function shouldAsk(ref: string, onScreen: boolean, at: number): boolean {
    if (!asked.has(ref)) return true;
    if (inFlight.has(ref)) return false;
    const report = known.get(ref);
    if (!report) return onScreen;
    if (report.pending) return at - (news.get(ref) ?? 0) >= lostAfterMs;
    const failure = report.failure;
    if (failure) {
      if (FINAL_FAILURES.has(failure.error)) return false;
      const retryAt = failure.until ?? failure.fetchedAt + retryFailureAfterMs;
      return onScreen && at >= retryAt;
    }
    return onScreen && (report.status === null || report.stale);
  }

  function apply(reports: readonly RefReport[]): void {
    const at = now();
    const changed: string[] = [];
    for (const report of reports) {
      if (!wanted.has(report.ref)) continue;
      news.set(report.ref, at);
      // The same news again (an answer repeating a broadcast) changes nothing that is shown.
      if (sameReport(known.get(report.ref), report)) continue;
      known.set(report.ref, report);
      if (report.pending || report.failure?.error === 'rate-limited') timed.add(report.ref);
      else timed.delete(report.ref);
      changed.push(report.ref);
    }
    if (changed.length > 0) options.onChange?.(changed);
    scheduleWake();
  }

  function setRateLimit(next: RateLimitReport | null): void {
    rateLimit = next;
    options.onRateLimit?.(next);
    scheduleWake();
  }

  /** One timer for the next moment something may be worth asking again. */
  function scheduleWake(): void {
    if (stopped) return;
    const at = now();
    let next = Infinity;
    const consider = (time: number | undefined | null): void => {
      if (time !== undefined && time !== null && time > at && time < next) next = time;
    };
    // Only the pending and rate-limited: an agenda's other thousands of reports never wake anything.
    for (const ref of timed) {
      const report = known.get(ref);
      if (report?.pending) consider((news.get(ref) ?? at) + lostAfterMs);
      if (report?.failure?.error === 'rate-limited') consider(report.failure.until);
    }
    consider(rateLimit?.blockedUntil);
    if (next === wakeAt) return;
    if (wakeTimer !== null) clearTimer(wakeTimer);
    wakeTimer = null;
    wakeAt = next;
    if (next === Infinity) return;
    wakeTimer = setTimer(
      () => {
        wakeTimer = null;
        wakeAt = Infinity;
        void ask([...wanted], false);
      },
      next - at + 250,
    );
  }

  async function flush(): Promise<void> {
    const current = batch;
    batch = null;
    batchTimer = null;
    if (!current || stopped) {
      current?.waiters.forEach((resolve) => resolve());
      return;
    }
    try {
      // The background refuses a message of more references than it takes: a long agenda asks in parts,
      // those on screen in the first.
      const parts = lookupParts([...current.refs], visible);
      await Promise.all(parts.map((refs) => send(refs, current.force)));
    } finally {
      current.waiters.forEach((resolve) => resolve());
    }
  }

  async function send(refs: string[], force: boolean): Promise<void> {
    if (refs.length === 0) return;
    const sent = new Set(refs);
    const request: GitHubLookupRequest = { type: 'github/lookup', refs };
    if (visible !== null) request.visibleFirst = visible.filter((ref) => sent.has(ref));
    if (force) request.force = true;
    for (const ref of refs) {
      asked.add(ref);
      inFlight.add(ref);
    }
    let answer: GitHubLookupAnswer;
    try {
      answer = await transport.lookup(request);
    } catch (error) {
      if (stopped) return;
      const at = now();
      for (const ref of refs) inFlight.delete(ref);
      apply(refs.map((ref) => backgroundSilent(ref, error, at, known.get(ref))));
      return;
    }
    if (stopped) return;
    for (const ref of refs) inFlight.delete(ref);
    apply(answer.reports);
    setRateLimit(answer.rateLimit);
  }

  function ask(refs: readonly string[], force: boolean): Promise<void> {
    if (stopped) return Promise.resolve();
    const at = now();
    const onScreen = visible === null ? null : new Set(visible);
    const due = refs.filter(
      (ref) => (force && !inFlight.has(ref)) || shouldAsk(ref, onScreen === null || onScreen.has(ref), at),
    );
    if (due.length === 0 && !batch) return Promise.resolve();
    batch ??= { refs: new Set(), force: false, waiters: [] };
    for (const ref of due) batch.refs.add(ref);
    batch.force ||= force;
    const mine = batch;
    const done = new Promise<void>((resolve) => mine.waiters.push(resolve));
    if (batchTimer === null) batchTimer = setTimer(() => void flush(), coalesceMs);
    return done;
  }

  function onNews(message: GitHubNews): void {
    if (stopped) return;
    if (message.type === 'github/reports') apply(message.reports);
    else if (message.type === 'github/rate-limit') setRateLimit(message.rateLimit);
    else {
      // Another API base or token: what was shown may be wrong, and the old look-ups are gone.
      const all = [...wanted];
      known.clear();
      timed.clear();
      news.clear();
      asked.clear();
      inFlight.clear();
      setRateLimit(null);
      options.onChange?.(all);
      void ask(all, false);
    }
  }

  const unlisten = transport.listen(onNews);

  return {
    get: (ref) => known.get(canonicalRef(ref) ?? ref),
    reports: () => known,
    rateLimit: () => rateLimit,
    request(refs, visibleFirst) {
      const list = canonical(refs);
      for (const ref of list) wanted.add(ref);
      if (visibleFirst !== undefined) {
        visible = canonical(visibleFirst);
        for (const ref of visible) wanted.add(ref);
      }
      if (visible === null || visibleFirst === undefined) return ask(list, false);
      const listed = new Set(list);
      return ask([...list, ...visible.filter((ref) => !listed.has(ref))], false);
    },
    refresh: () => ask([...wanted], true),
    stop() {
      stopped = true;
      unlisten();
      if (batchTimer !== null) clearTimer(batchTimer);
      if (wakeTimer !== null) clearTimer(wakeTimer);
      batch?.waiters.forEach((resolve) => resolve());
      batch = null;
    },
  };
}
