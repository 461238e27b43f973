import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotOf, whatsNew } from '../../../lib/store/whats-new';
import { agenda, keyOf, linked, meeting, type MeetingSpec } from '../../support/agenda-builder';
import { openTestStore, type TestStore } from './helpers';

function base(): MeetingSpec[] {
  return [
    meeting('2018-11-28', {
      discussion: [
        'sig-auth ownership of kube-rbac-proxy',
        linked('node labels', 'https://github.com/kubernetes/community/pull/911'),
      ],
    }),
    meeting('2018-11-14', { other: ['Canceled due to kubecon china and code freeze'] }),
  ];
}

describe('whatsNew (pure)', () => {
  it('marks nothing on a first visit', () => {
    const result = whatsNew(undefined, agenda(base()));
    expect(result).toEqual({ firstVisit: true, meetings: new Map(), items: new Map() });
  });

  it('marks nothing when nothing changed', () => {
    const seen = snapshotOf('a', agenda(base()), 1);
    expect(whatsNew(seen, agenda(base()))).toEqual({ firstVisit: false, meetings: new Map(), items: new Map() });
  });

  it('marks a new meeting and its items, an added item, an edited item and a changed link', () => {
    const before = agenda(base());
    const seen = snapshotOf('a', before, 1);
    const [nov28, nov14] = base() as [MeetingSpec, MeetingSpec];
    const after = agenda([
      meeting('2018-12-12', { discussion: ['TokenRequest API'] }),
      {
        ...nov28,
        sections: {
          discussion: [
            'sig-auth ownership of kube-rbac-proxy (decided: yes)', // edited: a new key
            linked('node labels', 'https://github.com/kubernetes/community/pull/912'), // same text, other link
            'A topic added late',
          ],
        },
      },
      nov14,
    ]);
    const result = whatsNew(seen, after);
    expect(result.firstVisit).toBe(false);
    expect(result.meetings).toEqual(
      new Map([
        ['2018-12-12', 'new'],
        ['2018-11-28', 'changed'],
      ]),
    );
    expect(result.items).toEqual(
      new Map([
        [keyOf(after, '2018-12-12', 'TokenRequest'), 'new'],
        [keyOf(after, '2018-11-28', 'decided'), 'new'],
        [keyOf(after, '2018-11-28', 'node labels'), 'changed'],
        [keyOf(after, '2018-11-28', 'added late'), 'new'],
      ]),
    );
    expect(keyOf(after, '2018-11-28', 'node labels')).toBe(keyOf(before, '2018-11-28', 'node labels'));
  });

  it('marks a meeting changed when it is canceled or its recording appears, even with the same items', () => {
    const seen = snapshotOf('a', agenda(base()), 1);
    const [nov28, nov14] = base() as [MeetingSpec, MeetingSpec];
    const after = agenda([
      { ...nov28, recording: 'https://youtu.be/xfj8wG4aG_0' },
      { ...nov14, canceled: true },
    ]);
    expect(whatsNew(seen, after).meetings).toEqual(
      new Map([
        ['2018-11-28', 'changed'],
        ['2018-11-14', 'changed'],
      ]),
    );
    expect(whatsNew(seen, after).items).toEqual(new Map());
  });

  it('keeps the snapshot compact: keys and 8-digit hashes only', () => {
    const seen = snapshotOf('a', agenda(base()), 1);
    const nov28 = seen.meetings['2018-11-28'];
    expect(nov28?.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(Object.values(nov28?.items ?? {}).every((h) => /^[0-9a-f]{8}$/.test(h))).toBe(true);
    expect(Object.keys(nov28?.items ?? {})).toHaveLength(2);
  });
});

describe('seen snapshots in the store', () => {
  let test: TestStore | null = null;
  afterEach(() => test?.store.close());

  it('remembers the agenda as seen; marks stay until their meeting is seen', async () => {
    test = await openTestStore();
    const { store } = test;
    const before = agenda(base());
    expect((await store.seen.whatsNew('a', before)).firstVisit).toBe(true);
    await store.seen.markSeen('a', before, ['2018-11-28']); // first call: the whole agenda is the baseline
    expect(Object.keys((await store.seen.get('a'))?.meetings ?? {}).sort()).toEqual(['2018-11-14', '2018-11-28']);

    const after = agenda([
      meeting('2018-12-12', { discussion: ['TokenRequest API'] }),
      meeting('2018-12-05', { discussion: ['x'] }),
      ...base(),
    ]);
    expect([...(await store.seen.whatsNew('a', after)).meetings.keys()]).toEqual(['2018-12-12', '2018-12-05']);
    await store.seen.markSeen('a', after, ['2018-12-12']);
    expect([...(await store.seen.whatsNew('a', after)).meetings.keys()]).toEqual(['2018-12-05']);
    await store.seen.markSeen('a', after);
    expect((await store.seen.whatsNew('a', after)).meetings.size).toBe(0);
    expect((await store.seen.whatsNew('another', after)).firstVisit).toBe(true);
  });
});
