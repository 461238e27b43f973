import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreChange } from '../../../lib/store/sync';
import { ChangeFeed } from '../../../lib/store/sync';
import { agenda, sigAuth } from '../../support/agenda-builder';
import { openTestStore, target, uniqueName, type TestStore } from './helpers';

const SIG = agenda(sigAuth());
const opened: TestStore[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.store.close()));

/** The next change a store hears, or a failure after a second. */
function nextChange(test: TestStore, origin: StoreChange['origin']): Promise<StoreChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${origin} change within a second`)), 1000);
    const stop = test.store.onChange((change) => {
      if (change.origin !== origin) return;
      clearTimeout(timer);
      stop();
      resolve(change);
    });
  });
}

describe('change notification between windows', () => {
  it('tells a second store instance about a committed note, and the change is readable', async () => {
    const a = await openTestStore();
    const b = await openTestStore({ name: a.name, channelName: a.channelName });
    opened.push(a, b);
    const heardByB = nextChange(b, 'remote');
    const heardByA = nextChange(a, 'local');
    await a.store.notes.save({
      id: 'n1',
      agendaId: SIG.id,
      target: target(SIG, '2018-11-28'),
      body: 'from A',
      baseRevision: 0,
    });
    const change = await heardByB;
    expect(change).toEqual({ stores: ['notes'], agendaIds: [SIG.id], ids: ['n1'], origin: 'remote' });
    expect(await heardByA).toEqual({ ...change, origin: 'local' });
    // The write was committed before the announcement: B reads it at once.
    expect((await b.store.notes.get('n1'))?.body).toBe('from A');
  });

  it('announces follows, ticks, seen snapshots and imports, and nothing for a write that changed nothing', async () => {
    const a = await openTestStore();
    opened.push(a);
    const heard: StoreChange[] = [];
    a.store.onChange((change) => heard.push(change));
    const follow = await a.store.follows.add(SIG.id, 'phrase', 'CSR API');
    await a.store.follows.add(SIG.id, 'phrase', 'csr  api'); // already followed: no write
    await a.store.seen.markSeen(SIG.id, SIG);
    await a.store.follows.remove('not-there');
    await a.store.importJson(await a.store.exportJson()); // all already here: no write
    const b = await openTestStore();
    opened.push(b);
    await b.store.notes.save({
      id: 'from-b',
      agendaId: SIG.id,
      target: target(SIG, '2018-11-28'),
      body: 'x',
      baseRevision: 0,
    });
    await a.store.importJson(await b.store.exportJson());
    expect(heard.map((c) => [c.stores, c.ids])).toEqual([
      [['follows'], [follow.id]],
      [['seen'], [SIG.id]],
      [['notes'], ['from-b']],
    ]);
  });

  it('keeps other channels and stopped listeners out', async () => {
    const a = await openTestStore();
    const elsewhere = await openTestStore({ name: a.name, channelName: uniqueName('other-channel') });
    opened.push(a, elsewhere);
    const heard: StoreChange[] = [];
    elsewhere.store.onChange((change) => heard.push(change));
    const stop = a.store.onChange((change) => heard.push(change));
    stop();
    await a.store.follows.add(SIG.id, 'phrase', 'TokenRequest');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([]);
  });

  it('ignores messages that are not ours, and survives a listener that throws', async () => {
    const name = uniqueName('channel');
    const feed = new ChangeFeed(name);
    const stranger = new BroadcastChannel(name);
    const heard: StoreChange[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      feed.subscribe(() => {
        throw new Error('broken view');
      });
      feed.subscribe((change) => heard.push(change));
      stranger.postMessage({
        type: 'agenda-overlay/changed',
        sender: 'x',
        stores: ['passwords'],
        agendaIds: [],
        ids: [],
      });
      stranger.postMessage('hello');
      stranger.postMessage({
        type: 'agenda-overlay/changed',
        sender: 'x',
        stores: ['notes'],
        agendaIds: ['a'],
        ids: ['n'],
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual([{ stores: ['notes'], agendaIds: ['a'], ids: ['n'], origin: 'remote' }]);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
      stranger.close();
      feed.close();
    }
  });
});
