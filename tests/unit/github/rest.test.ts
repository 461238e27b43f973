import { describe, expect, it } from 'vitest';
import { issuePath, pullPath, readIssueAnswer, readPullAnswer } from '../../../lib/github/rest';
import { readSample } from '../../support/github-fixtures/samples';

const NOW = Date.UTC(2025, 0, 1);

function sample(name: string): Record<string, unknown> {
  return readSample(name) as Record<string, unknown>;
}

function mixedList(): Record<string, unknown>[] {
  return readSample('pygithub_GET_issues_list_mixed_prs.json') as Record<string, unknown>[];
}

describe('readIssueAnswer on recorded answers', () => {
  it('reads the recorded closed issue as completed, with title, update time and page', () => {
    expect(
      readIssueAnswer(sample('pygithub_GET_issues_28_closed_completed.json'), 'pygithub/pygithub#28', NOW),
    ).toEqual({
      status: {
        ref: 'pygithub/pygithub#28',
        kind: 'issue',
        state: 'completed',
        title: 'Issue created by PyGithub',
        updatedAt: '2025-08-15T19:35:40Z',
        url: 'https://github.com/PyGithub/PyGithub/issues/28',
        fetchedAt: NOW,
      },
      needsPull: false,
    });
  });

  it('reads the recorded 2016 open issue (no state_reason field at all) as open', () => {
    const reading = readIssueAnswer(sample('octokit.rb_GET_issues_1_open_2016.json'), 'x/y#1', NOW);
    expect('status' in reading && reading.status.state).toBe('open');
    expect('status' in reading && reading.needsPull).toBe(false);
  });

  it('reads pull requests in the recorded issue list: open and draft from `draft`, no pulls request needed', () => {
    const list = mixedList();
    const draft = list.find((item) => item.number === 3034);
    const open = list.find((item) => item.number === 3045);
    const plainIssue = list.find((item) => item.number === 3042);
    expect(readIssueAnswer(draft, 'pygithub/pygithub#3034', NOW)).toMatchObject({
      status: { kind: 'pr', state: 'draft' },
      needsPull: false,
    });
    expect(readIssueAnswer(open, 'pygithub/pygithub#3045', NOW)).toMatchObject({
      status: { kind: 'pr', state: 'open', url: 'https://github.com/PyGithub/PyGithub/pull/3045' },
      needsPull: false,
    });
    expect(readIssueAnswer(plainIssue, 'pygithub/pygithub#3042', NOW)).toMatchObject({
      status: { kind: 'issue', state: 'open' },
    });
  });

  it('says merged from pull_request.merged_at, closed without it', () => {
    const item = mixedList().find((i) => i.pull_request) ?? {};
    const merged = {
      ...item,
      state: 'closed',
      pull_request: { ...(item.pull_request as object), merged_at: '2024-01-01T00:00:00Z' },
    };
    const closed = { ...item, state: 'closed', pull_request: { ...(item.pull_request as object), merged_at: null } };
    expect(readIssueAnswer(merged, 'a/b#1', NOW)).toMatchObject({ status: { state: 'merged' }, needsPull: false });
    expect(readIssueAnswer(closed, 'a/b#1', NOW)).toMatchObject({ status: { state: 'closed' }, needsPull: false });
  });

  it('asks for the pulls endpoint only where the issue answer cannot tell', () => {
    const item = mixedList().find((i) => i.pull_request) ?? {};
    const { draft: _draft, ...withoutDraft } = item;
    expect(readIssueAnswer(withoutDraft, 'a/b#1', NOW)).toMatchObject({ status: { state: 'open' }, needsPull: true });
    const closedNoMergedAt = { ...withoutDraft, state: 'closed', pull_request: { url: 'u' } };
    expect(readIssueAnswer(closedNoMergedAt, 'a/b#1', NOW)).toMatchObject({ needsPull: true });
    const closedNotPlanned = { ...sample('pygithub_GET_issues_28_closed_completed.json'), state_reason: 'not_planned' };
    expect(readIssueAnswer(closedNotPlanned, 'a/b#1', NOW)).toMatchObject({
      status: { state: 'not-planned' },
      needsPull: false,
    });
  });

  it('calls wrong shapes malformed', () => {
    expect(readIssueAnswer([], 'a/b#1', NOW)).toEqual({
      kind: 'malformed',
      detail: { reason: 'the issue answer is not a JSON object' },
    });
    expect(readIssueAnswer({ state: 'open', title: 't' }, 'a/b#1', NOW)).toMatchObject({ kind: 'malformed' });
    expect(
      readIssueAnswer({ ...sample('pygithub_GET_issues_28_closed_completed.json'), state: 'weird' }, 'a/b#1', NOW),
    ).toMatchObject({ kind: 'malformed' });
  });
});

describe('readPullAnswer on recorded answers', () => {
  it.each([
    ['pygithub_GET_pulls_31_merged.json', 'merged', 'https://github.com/PyGithub/PyGithub/pull/31'],
    ['pygithub_GET_pulls_2_draft.json', 'draft', 'https://github.com/didot/PyGithub/pull/2'],
    [
      'octokit.rb_GET_pulls_2_open_2014.json',
      'open',
      'https://github.com/<GITHUB_LOGIN>/<GITHUB_TEST_REPOSITORY>/pull/2',
    ],
  ])('%s is %s', (name, state, url) => {
    expect(readPullAnswer(sample(name), 'a/b#1', NOW)).toMatchObject({ kind: 'pr', state, url, fetchedAt: NOW });
  });

  it('reads a closed, unmerged pull request as closed', () => {
    const closed = { ...sample('pygithub_GET_pulls_31_merged.json'), merged: false, merged_at: null };
    expect(readPullAnswer(closed, 'a/b#1', NOW)).toMatchObject({ state: 'closed' });
  });
});

describe('paths', () => {
  it('builds REST paths from checked parts', () => {
    expect(issuePath({ owner: 'kubernetes', repo: 'kubernetes', number: 1 })).toBe(
      '/repos/kubernetes/kubernetes/issues/1',
    );
    expect(pullPath({ owner: 'o', repo: 'r.js', number: 22 })).toBe('/repos/o/r.js/pulls/22');
  });
});
