import { describe, expect, it } from 'vitest';
import { describeThread, recurringRefs } from '../../../lib/store/threads';
import { agenda, linked, meeting } from '../../support/agenda-builder';

const PR911 = 'https://github.com/kubernetes/community/pull/911';
const ISSUE = 'https://github.com/kubernetes/kubernetes/issues/69836';

const SIG = agenda([
  meeting('2018-11-28', {
    discussion: ['Status of kubernetes/community#911', { text: 'CSR follow-up', children: [ISSUE] }],
  }),
  meeting('2018-11-14', {
    pulls: [linked('self-labeling', PR911), 'Again kubernetes/community#911 in the same meeting'],
  }),
  meeting('2018-10-31', {
    discussion: [
      linked('[liggitt] node self-labeling resolution', `${PR911}#issuecomment-434757411`),
      `CSR API ${ISSUE}`,
    ],
    demos: ['https://github.com/brancz/kube-rbac-proxy/pull/1 only once'],
  }),
]);

describe('recurringRefs', () => {
  it('offers references discussed in two or more meetings, most meetings first', () => {
    const threads = recurringRefs(SIG);
    expect(threads).toEqual([
      {
        ref: 'kubernetes/community#911',
        meetingCount: 3,
        itemCount: 4,
        meetingKeys: ['2018-11-28', '2018-11-14', '2018-10-31'],
        latestDate: '2018-11-28',
        earliestDate: '2018-10-31',
      },
      {
        ref: 'kubernetes/kubernetes#69836',
        meetingCount: 2,
        itemCount: 2,
        meetingKeys: ['2018-11-28', '2018-10-31'],
        latestDate: '2018-11-28',
        earliestDate: '2018-10-31',
      },
    ]);
    expect(threads.map(describeThread)).toEqual([
      'kubernetes/community#911 — discussed in 3 meetings',
      'kubernetes/kubernetes#69836 — discussed in 2 meetings',
    ]);
  });

  it('takes another threshold, and lists nothing for an agenda without references', () => {
    expect(recurringRefs(SIG, 3).map((t) => t.ref)).toEqual(['kubernetes/community#911']);
    expect(recurringRefs(SIG, 1).map((t) => t.ref)).toContain('brancz/kube-rbac-proxy#1');
    expect(recurringRefs(agenda([meeting('2018-01-01', { discussion: ['no links'] })]))).toEqual([]);
  });
});

describe('describeThread', () => {
  it('gives the years a thread spans when it crosses a year', () => {
    const history = agenda([
      meeting('2019-02-06', { discussion: [`Again ${ISSUE}`] }),
      meeting('2017-11-29', { discussion: [`First ${ISSUE}`] }),
    ]);
    expect(recurringRefs(history).map(describeThread)).toEqual([
      'kubernetes/kubernetes#69836 — discussed in 2 meetings, 2017–2019',
    ]);
  });
});
