// The summary of a set of references and the filter by status: pure functions over the reports.
import { describe, expect, it } from 'vitest';
import type { Item, Meeting } from '../../../lib/agenda/model';
import type { RefReport } from '../../../lib/github/status';
import {
  describeSummary,
  matchesStatusFilter,
  refStatusKey,
  refsOfMeeting,
  STATUS_FILTERS,
  summarise,
  summaryParts,
} from '../../../lib/panel/github-status';
import { failed, pending, status, unknown } from '../../support/status-transport';

const REPORTS: ReadonlyMap<string, RefReport> = new Map(
  [
    status('k/k#1', 'pr', 'open'),
    status('k/k#2', 'pr', 'open'),
    status('k/k#3', 'pr', 'draft'),
    status('k/k#4', 'pr', 'merged'),
    status('k/k#5', 'pr', 'closed'),
    status('k/k#6', 'issue', 'open'),
    status('k/k#7', 'issue', 'completed'),
    status('k/k#8', 'issue', 'not-planned'),
    status('k/k#9', 'pr', 'merged', { stale: true, pending: true }),
    pending('k/k#10'),
    failed('k/k#11', 'not-found'),
    unknown('k/k#12'),
  ].map((report) => [report.ref, report]),
);

describe('status of one reference', () => {
  it.each([
    ['k/k#1', 'pr-open'],
    ['k/k#3', 'pr-draft'],
    ['k/k#4', 'pr-merged'],
    ['k/k#5', 'pr-closed'],
    ['k/k#6', 'issue-open'],
    ['k/k#7', 'issue-completed'],
    ['k/k#8', 'issue-not-planned'],
    ['k/k#9', 'pr-merged'],
    ['k/k#10', 'pending'],
    ['k/k#11', 'failed'],
    ['k/k#12', 'unknown'],
    ['k/k#99', 'unknown'],
    ['K/K#1', 'pr-open'],
  ])('%s is %s', (ref, key) => {
    expect(refStatusKey(REPORTS, ref)).toBe(key);
  });
});

describe('summarise', () => {
  it('counts each reference once, by status', () => {
    const summary = summarise(REPORTS, [...REPORTS.keys(), 'k/k#1', 'K/K#2', 'k/k#99']);
    expect(summary).toEqual({
      counts: {
        'pr-open': 2,
        'pr-draft': 1,
        'pr-merged': 2,
        'pr-closed': 1,
        'issue-open': 1,
        'issue-completed': 1,
        'issue-not-planned': 1,
      },
      pending: 1,
      failed: 1,
      unknown: 2,
      total: 13,
    });
  });

  it('says it in words, in GitHub’s order', () => {
    const summary = summarise(REPORTS, ['k/k#1', 'k/k#2', 'k/k#4', 'k/k#6']);
    expect(summaryParts(summary).map((part) => part.text)).toEqual(['2 open PRs', '1 merged PR', '1 open issue']);
    expect(describeSummary(summary, 'this year')).toBe('2 open PRs, 1 merged PR and 1 open issue mentioned this year');
    expect(describeSummary(summarise(REPORTS, ['k/k#1', 'k/k#10', 'k/k#12']), 'in this meeting')).toBe(
      '1 open PR mentioned in this meeting; 2 not known yet',
    );
    expect(describeSummary(summarise(REPORTS, ['k/k#10']))).toBe('1 GitHub reference mentioned; status not known yet');
    expect(describeSummary(summarise(REPORTS, []), 'this year')).toBe(
      'No GitHub pull requests or issues mentioned this year',
    );
  });

  it('reads “14 open PRs mentioned this year”', () => {
    const many = new Map(
      Array.from({ length: 14 }, (_, i) => status(`o/r#${i + 1}`, 'pr', 'open')).map((r) => [r.ref, r]),
    );
    expect(describeSummary(summarise(many, many.keys()), 'this year')).toBe('14 open PRs mentioned this year');
  });
});

describe('filter by status', () => {
  it('passes something when one of its references has the status', () => {
    expect(matchesStatusFilter('pr-merged', REPORTS, ['k/k#1', 'k/k#4'])).toBe(true);
    expect(matchesStatusFilter('pr-merged', REPORTS, ['k/k#1', 'k/k#5'])).toBe(false);
    expect(matchesStatusFilter('issue-not-planned', REPORTS, ['k/k#8'])).toBe(true);
  });

  it('“open” is every open thing: pull requests, drafts and issues', () => {
    expect(matchesStatusFilter('open', REPORTS, ['k/k#3'])).toBe(true);
    expect(matchesStatusFilter('open', REPORTS, ['k/k#6'])).toBe(true);
    expect(matchesStatusFilter('open', REPORTS, ['k/k#4', 'k/k#5', 'k/k#7', 'k/k#8'])).toBe(false);
  });

  it('“unknown” is pending, failed and never looked up', () => {
    expect(matchesStatusFilter('unknown', REPORTS, ['k/k#10'])).toBe(true);
    expect(matchesStatusFilter('unknown', REPORTS, ['k/k#11'])).toBe(true);
    expect(matchesStatusFilter('unknown', REPORTS, ['k/k#99'])).toBe(true);
    expect(matchesStatusFilter('unknown', REPORTS, ['k/k#1'])).toBe(false);
  });

  it('no filter passes everything; a filter passes nothing without references', () => {
    expect(matchesStatusFilter(null, REPORTS, [])).toBe(true);
    expect(matchesStatusFilter('open', REPORTS, [])).toBe(false);
  });

  it('offers every filter once, with a label', () => {
    const values = STATUS_FILTERS.map((f) => f.value);
    expect(new Set(values).size).toBe(values.length);
    expect(STATUS_FILTERS.every((f) => f.label.length > 0)).toBe(true);
  });
});

describe('references of a meeting', () => {
  function item(refs: string[], children: Item[] = []): Item {
    return { key: refs.join(), text: '', links: [], refs, people: [], struck: false, children };
  }

  it('collects items and their children, each once, in order', () => {
    const meeting: Meeting = {
      key: '2018-01-10',
      date: '2018-01-10',
      title: 'January 10, 2018',
      canceled: false,
      recording: null,
      anchor: {},
      itemCount: 4,
      sections: [
        { kind: 'pulls', title: 'Pulls of note', items: [item(['a/b#1'], [item(['a/b#2', 'a/b#1'])])] },
        { kind: 'discussion', title: 'Discussion', items: [item(['a/b#3', 'a/b#2'])] },
      ],
    };
    expect(refsOfMeeting(meeting)).toEqual(['a/b#1', 'a/b#2', 'a/b#3']);
  });
});
