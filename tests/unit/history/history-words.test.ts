// The history's state in words: progress, age, a rate limit with when it goes on, offline with what is kept.
import { describe, expect, it } from 'vitest';
import { ageInWords, failureWords, groupTitle, progressWords } from '../../../lib/history/history-words';
import type { HistoryLoad } from '../../../lib/history/loader';
import type { Agenda } from '../../../lib/agenda/model';

const NOW = Date.UTC(2026, 11, 2, 12, 0);
const AGENDA = { meetings: [] } as unknown as Agenda;

function load(failure: HistoryLoad['failure'], stored: number, checkedAt: number | null): HistoryLoad {
  const files = Array.from({ length: 3 }, (_, i) => ({
    path: `sig-auth/archive/meeting-notes-${2016 + i}.md`,
    url: `https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-${2016 + i}.md`,
    label: String(2016 + i),
    agenda: i < stored ? AGENDA : null,
    problem: null,
  }));
  return { files, checkedAt, failure, requests: 0 };
}

describe('history words', () => {
  it('says progress in years and age in plain units', () => {
    expect(progressWords(3, 5)).toBe('3 of 5 years');
    expect(progressWords(0, 0)).toBe('Reading the archive folder…');
    expect(ageInWords(NOW - 30_000, NOW)).toBe('just now');
    expect(ageInWords(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago');
    expect(ageInWords(NOW - 2 * 86_400_000, NOW)).toBe('2 days ago');
  });

  it('names the group as people say it', () => {
    expect(groupTitle({ dir: 'sig-auth', name: 'Auth', kind: 'sig', chairs: [], meetings: [] })).toBe('SIG Auth');
    expect(groupTitle({ dir: 'wg-batch', name: 'Batch', kind: 'workinggroup', chairs: [], meetings: [] })).toBe(
      'WG Batch',
    );
    expect(
      groupTitle({ dir: 'committee-steering', name: 'Steering', kind: 'committee', chairs: [], meetings: [] }),
    ).toBe('Steering Committee');
  });

  it('says when a rate-limited load goes on, and what is still shown', () => {
    const until = Date.UTC(2026, 11, 2, 13, 5);
    const words = failureWords(
      load({ kind: 'rate-limited', message: 'x', until }, 2, NOW - 2 * 86_400_000),
      NOW,
      'en-GB',
    );
    const local = new Date(until).toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit' });
    expect(words).toBe(
      `GitHub's rate limit stopped the load. It can go on at ${local}. Showing the history stored 2 days ago (2 files).`,
    );
  });

  it('offline: the stored history with its age, or that nothing is stored', () => {
    const offline = {
      kind: 'offline' as const,
      message: 'Could not reach api.github.com: offline, or the API address is wrong.',
    };
    expect(failureWords(load(offline, 3, NOW - 5 * 3_600_000), NOW)).toBe(
      'Offline: Could not reach api.github.com: offline, or the API address is wrong. Showing the history stored 5 h ago (3 files).',
    );
    expect(failureWords(load(offline, 0, null), NOW)).toBe(
      'Offline: Could not reach api.github.com: offline, or the API address is wrong. Nothing is stored yet.',
    );
    expect(failureWords(load(null, 3, NOW), NOW)).toBeNull();
  });
});
