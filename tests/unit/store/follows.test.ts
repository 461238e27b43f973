import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../lib/store/errors';
import { canonicalFollow, followId } from '../../../lib/store/follows';
import { followTimeline, followTimelines } from '../../../lib/store/timeline';
import { agenda, linked, meeting } from '../../support/agenda-builder';
import { openTestStore, type TestStore } from './helpers';

// Written oldest meeting first on purpose: the timeline must sort by date, not trust document order.
const SIG = agenda([
  meeting('2018-06-20', {
    designs: [linked('TokenRequest API design', 'https://github.com/kubernetes/community/pull/1460')],
    discussion: ['[mikedanese] TokenRequest follow-ups'],
  }),
  meeting('2018-10-31', {
    discussion: [
      {
        text: '[klizhentas] Discuss CSR API promotion out of beta https://github.com/kubernetes/kubernetes/issues/69836',
        children: ['Approval flow issues for the csr api'],
      },
      linked(
        '[liggitt] node self-labeling resolution',
        'https://github.com/kubernetes/community/pull/911#issuecomment-434757411',
      ),
    ],
  }),
  meeting('2018-11-28', {
    discussion: [
      'Status of kubernetes/community#911 and CSR APIs',
      '@mikedanese TokenRequest projection to GA',
      'XCSR API is not the CSR one', // "csr api" must match words from their start
    ],
  }),
]);

describe('canonicalFollow', () => {
  it.each([
    ['ref', 'kubernetes/community#911', 'kubernetes/community#911'],
    ['ref', 'Kubernetes/Community#0911', 'kubernetes/community#911'],
    ['ref', 'https://github.com/kubernetes/community/pull/911#issuecomment-1', 'kubernetes/community#911'],
    ['person', '@MikeDanese', 'mikedanese'],
    ['person', '  Saad  Ali ', 'saad ali'],
    ['phrase', '  CSR   API ', 'csr api'],
    ['phrase', 'TokenRequest', 'tokenrequest'],
  ] as const)('%s %j → %j', (kind, raw, value) => {
    expect(canonicalFollow(kind, raw)).toMatchObject({ ok: true, value });
  });

  it.each([
    [
      'ref',
      '#911',
      '“#911” is not a GitHub reference. Write it as owner/repo#123, or paste the address of the issue or pull request.',
    ],
    ['person', '@', 'Write the handle or name of the person to follow.'],
    ['phrase', ' -- ', 'A phrase to follow needs at least one letter or digit.'],
  ] as const)('refuses %s %j', (kind, raw, reason) => {
    expect(canonicalFollow(kind, raw)).toEqual({ ok: false, reason });
  });
});

describe('follows in the store', () => {
  let test: TestStore | null = null;
  afterEach(() => test?.store.close());

  it('adds, lists (oldest first), de-duplicates and removes follows per agenda', async () => {
    test = await openTestStore();
    const { store, clock } = test;
    const ref = await store.follows.add(SIG.id, 'ref', 'https://github.com/kubernetes/community/pull/911');
    expect(ref).toEqual({
      id: followId(SIG.id, 'ref', 'kubernetes/community#911'),
      agendaId: SIG.id,
      kind: 'ref',
      value: 'kubernetes/community#911',
      label: 'kubernetes/community#911',
      createdAt: clock.now(),
    });
    clock.advance(10);
    await store.follows.add(SIG.id, 'phrase', 'CSR API');
    clock.advance(10);
    const again = await store.follows.add(SIG.id, 'ref', 'kubernetes/community#911');
    expect(again).toEqual(ref);
    await store.follows.add('another-agenda', 'person', '@liggitt');
    expect((await store.follows.list(SIG.id)).map((f) => f.label)).toEqual(['kubernetes/community#911', 'CSR API']);
    await store.follows.remove(ref.id);
    expect((await store.follows.list(SIG.id)).map((f) => f.value)).toEqual(['csr api']);
  });

  it('refuses what cannot be followed with a StoreError in words', async () => {
    test = await openTestStore();
    const error = await test.store.follows.add(SIG.id, 'ref', 'CSR API').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'invalid', message: expect.stringContaining('is not a GitHub reference') });
    expect(await test.store.follows.list(SIG.id)).toEqual([]);
  });
});

describe('followTimeline', () => {
  const line = (entries: ReturnType<typeof followTimeline>) => entries.map((e) => [e.date, e.sectionKind, e.text]);

  it('follows a GitHub reference, newest first, whether linked or written out', () => {
    expect(line(followTimeline(SIG, { kind: 'ref', value: 'kubernetes/community#911' }))).toEqual([
      ['2018-11-28', 'discussion', 'Status of kubernetes/community#911 and CSR APIs'],
      ['2018-10-31', 'discussion', '[liggitt] node self-labeling resolution'],
    ]);
  });

  it('follows a person named in tags or mentions, ignoring case', () => {
    expect(line(followTimeline(SIG, { kind: 'person', value: 'mikedanese' }))).toEqual([
      ['2018-11-28', 'discussion', '@mikedanese TokenRequest projection to GA'],
      ['2018-06-20', 'discussion', '[mikedanese] TokenRequest follow-ups'],
    ]);
  });

  it('follows a phrase across nesting, matching words from their start ("CSR APIs" yes, "XCSR API" no)', () => {
    const csr = followTimeline(SIG, { kind: 'phrase', value: 'csr api' });
    expect(csr.map((e) => [e.date, e.depth, e.text.slice(0, 30)])).toEqual([
      ['2018-11-28', 0, 'Status of kubernetes/community'],
      ['2018-10-31', 0, '[klizhentas] Discuss CSR API p'],
      ['2018-10-31', 1, 'Approval flow issues for the c'],
    ]);
  });

  it('gives one timeline per follow in one pass', () => {
    const [token, nobody] = followTimelines(SIG, [
      { kind: 'phrase', value: 'tokenrequest' },
      { kind: 'person', value: 'nobody' },
    ]);
    expect(token?.map((e) => [e.date, e.sectionKind])).toEqual([
      ['2018-11-28', 'discussion'],
      ['2018-06-20', 'designs'],
      ['2018-06-20', 'discussion'],
    ]);
    expect(nobody).toEqual([]);
    expect(token?.[0]).toMatchObject({
      meetingKey: '2018-11-28',
      sectionTitle: 'Discussion topics',
      itemKey: expect.stringMatching(/^2018-11-28\/discussion\//),
    });
  });
});
