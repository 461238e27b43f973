// The panel's GitHub statuses: signals over the status store (lib/ref-status/ref-statuses.ts), the banner that
// tells what stops look-ups (a refused token, a rate limit, no network), and the pure functions the views
// use: a summary of a set of references ("14 open PRs mentioned this year") and a filter by status.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { RateLimitReport } from '../github/client';
import { canonicalRef } from '../github/refs';
import type { RefReport } from '../github/status';
import { createStatusStore, type StatusStoreOptions, type StatusTransport } from '../ref-status/ref-statuses';

export type { StatusTransport } from '../ref-status/ref-statuses';
export { browserStatusTransport } from '../ref-status/ref-statuses';

// ── The state ───────────────────────────────────────────────────────────────────────────────────

export type BannerKind = 'bad-token' | 'rate-limited' | 'offline' | 'server-error' | 'forbidden' | 'low-quota';

export interface StatusBanner {
  kind: BannerKind;
  tone: 'error' | 'warning' | 'info';
  /** In words, ready to show. */
  message: string;
  /** For rate limits: when look-ups go on (ms since the epoch). */
  until?: number;
  /** Whether the options page (a token, the API address) is the way out. */
  offerOptions: boolean;
}

export interface GitHubStatus {
  /** Every report known, by canonical reference (`owner/repo#123`). */
  reports: ReadonlySignal<ReadonlyMap<string, RefReport>>;
  /** The last rate limit the background reported; null before the first answer. */
  rateLimit: ReadonlySignal<RateLimitReport | null>;
  /** What stops or limits look-ups, in words; null when nothing does. */
  banner: ReadonlySignal<StatusBanner | null>;
  /** True while a refresh is on its way. */
  refreshing: ReadonlySignal<boolean>;
  /**
   * Wants `refs` (say, the whole agenda's); `visibleFirst` are those on screen now, most important first.
   * Without a token only those are looked up: pass them, and call again as the list scrolls. Cheap to call
   * often: only what is missing, stale or newly visible goes to the background.
   */
  request(refs: readonly string[], visibleFirst?: readonly string[]): Promise<void>;
  /** The refresh button: re-checks everything wanted, even what is fresh. */
  refresh(): Promise<void>;
  dispose(): void;
}

export interface GitHubStatusOptions extends Omit<StatusStoreOptions, 'onChange' | 'onRateLimit'> {
  /** The clock the banner reads (tests pass a fixed one). */
  clock?: () => number;
}

export function createGitHubStatus(transport: StatusTransport, options: GitHubStatusOptions = {}): GitHubStatus {
  const reports = signal<ReadonlyMap<string, RefReport>>(new Map());
  /** The reports with a failure, all the banner looks at; a new map only when one of them changes. */
  const failures = signal<ReadonlyMap<string, RefReport>>(new Map());
  const failing = new Map<string, RefReport>();
  const rateLimit = signal<RateLimitReport | null>(null);
  const refreshing = signal(false);
  const clock = options.clock ?? options.now ?? Date.now;
  const store = createStatusStore(transport, {
    ...options,
    onChange: (refs) => {
      let failuresChanged = false;
      for (const ref of refs) {
        const report = store.get(ref);
        if (report?.failure) failing.set(ref, report);
        else if (!failing.delete(ref)) continue;
        failuresChanged = true;
      }
      batch(() => {
        // Every reference of a long agenda has a report: news of a few must not copy them all.
        reports.value = reportsView(store.reports());
        if (failuresChanged) failures.value = new Map(failing);
      });
    },
    onRateLimit: (next) => (rateLimit.value = next),
  });
  const banner = computed(() => bannerOf(failures.value, rateLimit.value, clock()));

  return {
    reports,
    rateLimit,
    banner,
    refreshing,
    request: (refs, visibleFirst) => store.request(refs, visibleFirst),
    async refresh() {
      refreshing.value = true;
      try {
        await store.refresh();
      } finally {
        refreshing.value = false;
      }
    },
    dispose() {
      store.stop();
      failing.clear();
      batch(() => {
        reports.value = new Map();
        failures.value = new Map();
        rateLimit.value = null;
      });
    },
  };
}

/**
 * The store's reports, read through: a new object for each change, so that whatever shows them redraws,
 * without a copy of the store's map.
 */
function reportsView(live: ReadonlyMap<string, RefReport>): ReadonlyMap<string, RefReport> {
  const view: ReadonlyMap<string, RefReport> = {
    get: (ref) => live.get(ref),
    has: (ref) => live.has(ref),
    get size() {
      return live.size;
    },
    forEach: (each, thisArg) => live.forEach((report, ref) => each.call(thisArg, report, ref, view)),
    entries: () => live.entries(),
    keys: () => live.keys(),
    values: () => live.values(),
    [Symbol.iterator]: () => live[Symbol.iterator](),
  };
  return view;
}

function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The one problem worth a banner, most serious first; per-reference failures (not found) stay on their badges. */
export function bannerOf(
  reports: ReadonlyMap<string, RefReport>,
  rateLimit: RateLimitReport | null,
  now: number,
): StatusBanner | null {
  const latest = new Map<string, RefReport['failure']>();
  for (const report of reports.values()) {
    const failure = report.failure;
    if (!failure) continue;
    const seen = latest.get(failure.error);
    if (!seen || failure.fetchedAt > seen.fetchedAt) latest.set(failure.error, failure);
  }
  const badToken = latest.get('bad-token');
  if (badToken) return { kind: 'bad-token', tone: 'error', message: badToken.message, offerOptions: true };
  if (rateLimit?.blockedUntil && rateLimit.blockedUntil > now && rateLimit.message) {
    return {
      kind: 'rate-limited',
      tone: 'warning',
      message: rateLimit.message,
      until: rateLimit.blockedUntil,
      offerOptions: !rateLimit.authenticated,
    };
  }
  const limited = latest.get('rate-limited');
  if (limited && (limited.until ?? 0) > now) {
    return {
      kind: 'rate-limited',
      tone: 'warning',
      message: limited.message,
      ...(limited.until ? { until: limited.until } : {}),
      offerOptions: !rateLimit?.authenticated,
    };
  }
  for (const kind of ['offline', 'server-error', 'forbidden'] as const) {
    const failure = latest.get(kind);
    if (failure) return { kind, tone: 'warning', message: failure.message, offerOptions: kind === 'offline' };
  }
  const limit = rateLimit?.limit;
  if (
    rateLimit &&
    !rateLimit.authenticated &&
    limit &&
    limit.resetAt > now &&
    limit.remaining <= Math.min(10, limit.limit / 4)
  ) {
    return {
      kind: 'low-quota',
      tone: 'info',
      message: `Without a token: ${limit.remaining} of ${limit.limit} look-ups left this hour (renews at ${clockTime(limit.resetAt)}). A token raises this to 5,000.`,
      offerOptions: true,
    };
  }
  return null;
}

// ── Which references ────────────────────────────────────────────────────────────────────────────

export { refsOfAgenda, refsOfItems, refsOfMeeting } from '../agenda/refs';

// ── Status of one reference ─────────────────────────────────────────────────────────────────────

export type SummaryKey =
  | 'pr-open'
  | 'pr-draft'
  | 'pr-merged'
  | 'pr-closed'
  | 'issue-open'
  | 'issue-completed'
  | 'issue-not-planned';

/** A known status, or why there is none. */
export type RefStatusKey = SummaryKey | 'pending' | 'failed' | 'unknown';

export const SUMMARY_KEYS: readonly SummaryKey[] = [
  'pr-open',
  'pr-draft',
  'pr-merged',
  'pr-closed',
  'issue-open',
  'issue-completed',
  'issue-not-planned',
];

function reportOf(reports: ReadonlyMap<string, RefReport>, ref: string): RefReport | undefined {
  return reports.get(ref) ?? reports.get(canonicalRef(ref) ?? ref);
}

export function refStatusKey(reports: ReadonlyMap<string, RefReport>, ref: string): RefStatusKey {
  const report = reportOf(reports, ref);
  const status = report?.status;
  if (status) {
    if (status.kind === 'pr') {
      if (status.state === 'open' || status.state === 'draft' || status.state === 'merged') return `pr-${status.state}`;
      return 'pr-closed';
    }
    if (status.state === 'open' || status.state === 'draft') return 'issue-open';
    return status.state === 'not-planned' ? 'issue-not-planned' : 'issue-completed';
  }
  if (report?.pending) return 'pending';
  if (report?.failure) return 'failed';
  return 'unknown';
}

// ── Summary ─────────────────────────────────────────────────────────────────────────────────────

export interface StatusSummary {
  counts: Record<SummaryKey, number>;
  /** Being looked up, with nothing known yet. */
  pending: number;
  /** The look-up failed (not found, private, or a problem the banner tells). */
  failed: number;
  /** Not looked up (without a token: not yet on screen). */
  unknown: number;
  /** Distinct references. */
  total: number;
}

/** Counts of `refs` (each once) by status. */
export function summarise(reports: ReadonlyMap<string, RefReport>, refs: Iterable<string>): StatusSummary {
  const counts = Object.fromEntries(SUMMARY_KEYS.map((key) => [key, 0])) as Record<SummaryKey, number>;
  const summary: StatusSummary = { counts, pending: 0, failed: 0, unknown: 0, total: 0 };
  const seen = new Set<string>();
  for (const raw of refs) {
    const ref = canonicalRef(raw) ?? raw;
    if (seen.has(ref)) continue;
    seen.add(ref);
    summary.total++;
    const key = refStatusKey(reports, ref);
    if (key === 'pending' || key === 'failed' || key === 'unknown') summary[key]++;
    else counts[key]++;
  }
  return summary;
}

const WORDS: Readonly<Record<SummaryKey, [one: string, many: string]>> = {
  'pr-open': ['open PR', 'open PRs'],
  'pr-draft': ['draft PR', 'draft PRs'],
  'pr-merged': ['merged PR', 'merged PRs'],
  'pr-closed': ['closed PR', 'closed PRs'],
  'issue-open': ['open issue', 'open issues'],
  'issue-completed': ['closed issue', 'closed issues'],
  'issue-not-planned': ['issue not planned', 'issues not planned'],
};

export interface SummaryPart {
  key: SummaryKey;
  count: number;
  /** `14 open PRs` */
  text: string;
}

/** The non-zero counts, in GitHub's order: pull requests open, draft, merged, closed; then issues. */
export function summaryParts(summary: StatusSummary): SummaryPart[] {
  return SUMMARY_KEYS.filter((key) => summary.counts[key] > 0).map((key) => {
    const count = summary.counts[key];
    const [one, many] = WORDS[key];
    return { key, count, text: `${count} ${count === 1 ? one : many}` };
  });
}

function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The summary in one sentence: `describeSummary(s, 'this year')` → "14 open PRs and 3 merged PRs mentioned
 * this year; 5 not known yet".
 */
export function describeSummary(summary: StatusSummary, scope?: string): string {
  const where = scope ? ` ${scope}` : '';
  if (summary.total === 0) return `No GitHub pull requests or issues mentioned${where}`;
  const parts = summaryParts(summary).map((part) => part.text);
  const notKnown = summary.pending + summary.failed + summary.unknown;
  if (parts.length === 0) {
    return `${summary.total} GitHub ${summary.total === 1 ? 'reference' : 'references'} mentioned${where}; status not known yet`;
  }
  return `${listInWords(parts)} mentioned${where}${notKnown > 0 ? `; ${notKnown} not known yet` : ''}`;
}

// ── Filter ──────────────────────────────────────────────────────────────────────────────────────

/** What a status filter can ask for: one state, all open ones, or those not known. */
export type StatusFilter = SummaryKey | 'open' | 'unknown';

export const STATUS_FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'open', label: 'Open (pull requests, drafts, issues)' },
  { value: 'pr-open', label: 'Open pull requests' },
  { value: 'pr-draft', label: 'Draft pull requests' },
  { value: 'pr-merged', label: 'Merged pull requests' },
  { value: 'pr-closed', label: 'Closed pull requests' },
  { value: 'issue-open', label: 'Open issues' },
  { value: 'issue-completed', label: 'Closed issues' },
  { value: 'issue-not-planned', label: 'Issues closed as not planned' },
  { value: 'unknown', label: 'Status not known' },
];

function keyMatches(filter: StatusFilter, key: RefStatusKey): boolean {
  if (filter === 'open') return key === 'pr-open' || key === 'pr-draft' || key === 'issue-open';
  if (filter === 'unknown') return key === 'pending' || key === 'failed' || key === 'unknown';
  return filter === key;
}

/**
 * Whether something with these references passes the filter: one of them has the status asked for.
 * No filter passes everything; nothing with no references passes a filter.
 */
export function matchesStatusFilter(
  filter: StatusFilter | null,
  reports: ReadonlyMap<string, RefReport>,
  refs: readonly string[],
): boolean {
  if (filter === null) return true;
  return refs.some((ref) => keyMatches(filter, refStatusKey(reports, ref)));
}
