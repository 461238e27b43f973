// What the extension knows about one GitHub reference: the status GitHub users know, or why it is unknown.
// Everything here is plain JSON, so that it can cross from the background to the panel in a message.

export type RefKind = 'pr' | 'issue';

/**
 * The vocabulary of GitHub's own icons: a pull request is open, draft, merged or closed; an issue is open,
 * closed as completed, or closed as not planned.
 */
export type RefState = 'open' | 'draft' | 'merged' | 'closed' | 'completed' | 'not-planned';

export interface RefStatus {
  /** Canonical `owner/repo#123`. */
  ref: string;
  kind: RefKind;
  state: RefState;
  title: string;
  /** GitHub's `updated_at`, ISO 8601. */
  updatedAt: string;
  /** The page on GitHub (`html_url`). */
  url: string;
  /** When GitHub last confirmed this status (ms since the epoch); a 304 counts as a confirmation. */
  fetchedAt: number;
}

export type FailureKind =
  | 'not-found'
  | 'bad-token'
  | 'rate-limited'
  | 'forbidden'
  | 'server-error'
  | 'offline'
  | 'malformed'
  | 'invalid-ref';

export interface RefFailure {
  ref: string;
  error: FailureKind;
  /** In words, for the user. */
  message: string;
  /** When a rate limit lets look-ups go on again (ms since the epoch). */
  until?: number;
  /** When the look-up failed (ms since the epoch). */
  fetchedAt: number;
}

/** The outcome of one look-up. */
export type RefLookup = RefStatus | RefFailure;

export function isFailure(lookup: RefLookup): lookup is RefFailure {
  return 'error' in lookup;
}

/** What the panel shows next to a reference. */
export interface RefReport {
  ref: string;
  /** The last status known, maybe from the cache and maybe stale; null when none is known. */
  status: RefStatus | null;
  /** Why the last look-up failed (or, for a cached not-found, what it found); null after a success. */
  failure: RefFailure | null;
  /** A look-up is queued or in flight: the report will be followed by another. */
  pending: boolean;
  /** The status is older than its freshness window: shown, but due for a re-check. */
  stale: boolean;
}

/** Merged, closed and closed issues change rarely; open ones often. */
export function isSettled(state: RefState): boolean {
  return state === 'merged' || state === 'closed' || state === 'completed' || state === 'not-planned';
}

/** The words GitHub uses for each state. */
export const STATE_LABELS: Readonly<Record<RefState, string>> = {
  open: 'Open',
  draft: 'Draft',
  merged: 'Merged',
  closed: 'Closed',
  completed: 'Closed as completed',
  'not-planned': 'Closed as not planned',
};

/** `pr-merged`, `issue-not-planned` …: one stable key per icon and colour. */
export function statusKey(status: Pick<RefStatus, 'kind' | 'state'>): `${RefKind}-${RefState}` {
  return `${status.kind}-${status.state}`;
}
