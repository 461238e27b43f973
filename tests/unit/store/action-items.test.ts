import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { actionItems } from '../../../lib/store/action-items';
import { tickedKeys } from '../../../lib/store/ticks';
import { agenda, keyOf, meeting, type MeetingSpec } from '../../support/agenda-builder';
import { itemTarget, openTestStore, type TestStore } from './helpers';

function specs(brancz = '@brancz will make issue for review of kube-rbac-proxy'): MeetingSpec[] {
  return [
    meeting('2018-11-28', {
      discussion: ['sig-auth ownership of kube-rbac-proxy', 'AI: @tallclair to write up the summit outline'],
      'action-items': [{ text: brancz, children: ['details, not another action'] }, '.'],
    }),
    meeting('2018-10-31', { 'action-items': ['[Mike] CSR ?'] }),
    meeting('2018-03-07', {
      discussion: [
        { text: 'Charter discussion', children: [{ text: 'Action items:', children: ['Funding', 'Owners'] }] },
      ],
    }),
  ];
}

describe('actionItems', () => {
  it('lists action items across meetings, newest first, with owners and dates', () => {
    const sig = agenda(specs());
    expect(actionItems(sig).map((a) => [a.date, a.text, a.owners])).toEqual([
      ['2018-11-28', 'AI: @tallclair to write up the summit outline', ['tallclair']],
      ['2018-11-28', '@brancz will make issue for review of kube-rbac-proxy', ['brancz']],
      ['2018-10-31', '[Mike] CSR ?', ['Mike']],
      ['2018-03-07', 'Funding', []],
      ['2018-03-07', 'Owners', []],
    ]);
    expect(actionItems(sig)[1]).toMatchObject({
      meetingKey: '2018-11-28',
      itemKey: keyOf(sig, '2018-11-28', '@brancz'),
    });
  });
});

describe('ticks', () => {
  let test: TestStore | null = null;
  afterEach(() => test?.store.close());

  it('stores private ticks that stay on their action item when its text is edited', async () => {
    test = await openTestStore();
    const { store, clock } = test;
    const before = agenda(specs());
    const brancz = keyOf(before, '2018-11-28', '@brancz');
    const mike = keyOf(before, '2018-10-31', '[Mike]');
    await store.ticks.set(before.id, itemTarget(before, brancz), true);
    clock.advance(10);
    await store.ticks.set(before.id, itemTarget(before, mike), true);
    clock.advance(10);
    await store.ticks.set(before.id, itemTarget(before, mike), false);
    await store.ticks.set('another-agenda', itemTarget(before, mike), true);

    const ticks = await store.ticks.list(before.id);
    // By id, which holds the item key, which starts with the date.
    expect(ticks.map((t) => [t.target.quote, t.done])).toEqual([
      ['[Mike] CSR ?', false],
      ['@brancz will make issue for review of kube-rbac-proxy', true],
    ]);
    expect(tickedKeys(before, ticks)).toEqual(new Set([brancz]));

    const edited = agenda(specs('@brancz will make an issue for review of kube-rbac-proxy'));
    const newKey = keyOf(edited, '2018-11-28', '@brancz');
    expect(newKey).not.toBe(brancz);
    expect(tickedKeys(edited, ticks)).toEqual(new Set([newKey]));
  });

  it('lets the latest of two ticks on one item decide', async () => {
    test = await openTestStore();
    const { store, clock } = test;
    const before = agenda(specs());
    const edited = agenda(specs('@brancz will make an issue for review of kube-rbac-proxy'));
    await store.ticks.set(before.id, itemTarget(before, keyOf(before, '2018-11-28', '@brancz')), true);
    clock.advance(10);
    // Unticked after the edit: a second record on the new key, newer than the first.
    await store.ticks.set(before.id, itemTarget(edited, keyOf(edited, '2018-11-28', '@brancz')), false);
    expect(tickedKeys(edited, await store.ticks.list(before.id))).toEqual(new Set());
  });
});
