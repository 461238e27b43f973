// When to fetch an editor's export again, without hammering Google: a slow pace that slows further while
// nothing changes, a back-off after failures, Google's own Retry-After, and none at all for what only the
// reader can fix (a permission to grant). Pure: the watcher owns the timer.
import type { ExportProblem } from '../messaging/live-doc';

export const REFRESH = {
  /** After a change, or the first read. */
  baseMs: 2 * 60_000,
  /** While the export stays the same, the pace halves each time down to this. */
  quietMaxMs: 16 * 60_000,
  /** After a failure; doubles per failure in a row. */
  failureBaseMs: 60_000,
  failureMaxMs: 30 * 60_000,
  /** After the editor saved an edit: the export lags the save a little. */
  afterEditMs: 4_000,
  /** Edits keep coming while someone types: read at the latest this long after the first one. */
  afterEditMaxMs: 30_000,
} as const;

export type RefreshOutcome = { kind: 'changed' } | { kind: 'unchanged' } | { kind: 'failed'; problem: ExportProblem };

export interface RefreshSchedule {
  /** Milliseconds until the next fetch after this outcome; null: wait for the reader (a grant, a click). */
  after(outcome: RefreshOutcome, now: number): number | null;
}

export function createRefreshSchedule(): RefreshSchedule {
  let quiet = 0;
  let failures = 0;
  return {
    after(outcome, now) {
      if (outcome.kind === 'changed') {
        quiet = 0;
        failures = 0;
        return REFRESH.baseMs;
      }
      if (outcome.kind === 'unchanged') {
        failures = 0;
        quiet++;
        return Math.min(REFRESH.baseMs * 2 ** quiet, REFRESH.quietMaxMs);
      }
      if (outcome.problem.kind === 'permission') return null;
      const backOff = Math.min(REFRESH.failureBaseMs * 2 ** failures, REFRESH.failureMaxMs);
      failures++;
      const retryAt = outcome.problem.retryAt;
      return retryAt === undefined ? backOff : Math.max(backOff, retryAt - now);
    },
  };
}
