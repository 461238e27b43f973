// The editor's re-read schedule: slow, slower while nothing changes, backing off after failures, Google's
// Retry-After honoured, and no polling for what only the reader can fix.
import { describe, expect, it } from 'vitest';
import { createRefreshSchedule, REFRESH } from '../../../lib/page/refresh-schedule';

const NOW = 1_000_000;

describe('createRefreshSchedule', () => {
  it('reads again at the base pace after a change, and slows down while nothing changes, up to a limit', () => {
    const schedule = createRefreshSchedule();
    expect(schedule.after({ kind: 'changed' }, NOW)).toBe(REFRESH.baseMs);
    const quiet = Array.from({ length: 6 }, () => schedule.after({ kind: 'unchanged' }, NOW));
    expect(quiet).toEqual([4, 8, 16, 16, 16, 16].map((m) => m * 60_000));
    expect(schedule.after({ kind: 'changed' }, NOW)).toBe(REFRESH.baseMs);
  });

  it('backs off after failures in a row, up to a limit, and starts over after a success', () => {
    const schedule = createRefreshSchedule();
    const failures = Array.from({ length: 7 }, () =>
      schedule.after({ kind: 'failed', problem: { kind: 'offline' } }, NOW),
    );
    expect(failures).toEqual([1, 2, 4, 8, 16, 30, 30].map((m) => m * 60_000));
    schedule.after({ kind: 'changed' }, NOW);
    expect(schedule.after({ kind: 'failed', problem: { kind: 'server-error', status: 503 } }, NOW)).toBe(
      REFRESH.failureBaseMs,
    );
  });

  it('waits at least as long as Google’s Retry-After', () => {
    const schedule = createRefreshSchedule();
    expect(schedule.after({ kind: 'failed', problem: { kind: 'rate-limited', retryAt: NOW + 10 * 60_000 } }, NOW)).toBe(
      10 * 60_000,
    );
    expect(schedule.after({ kind: 'failed', problem: { kind: 'rate-limited', retryAt: NOW + 1000 } }, NOW)).toBe(
      2 * 60_000,
    );
  });

  it('does not poll while the reader has to grant access', () => {
    expect(
      createRefreshSchedule().after({ kind: 'failed', problem: { kind: 'permission', origins: [] } }, NOW),
    ).toBeNull();
  });
});
