import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openAgendaDb, UPGRADES, type Upgrade } from '../../../lib/store/db';
import { StoreError } from '../../../lib/store/errors';
import { openStore } from '../../../lib/store/store';
import { createDatabaseAtVersion, dumpDatabase, openTestStore, SAMPLE_DATA, uniqueName } from './helpers';

/** A stand-in for the next version: a new store, and a data move over every note. */
const toVersion3: Upgrade = async (db, tx) => {
  db.createObjectStore('status-cache', { keyPath: 'ref' });
  let cursor = await tx.objectStore('notes').openCursor();
  while (cursor) {
    await cursor.update({ ...(cursor.value as object), pinned: false });
    cursor = await cursor.continue();
  }
};

describe('schema', () => {
  it('is the agenda-overlay database, at version 2 for now', () => {
    expect(DB_NAME).toBe('agenda-overlay');
    expect(DB_VERSION).toBe(2);
    expect(UPGRADES).toHaveLength(DB_VERSION);
  });

  it('creates every store with its index on a fresh profile', async () => {
    const name = uniqueName();
    const db = await openAgendaDb({ name });
    expect([...db.objectStoreNames].sort()).toEqual(['follows', 'history', 'notes', 'seen', 'ticks']);
    const tx = db.transaction(['notes', 'follows', 'ticks'], 'readonly');
    for (const store of ['notes', 'follows', 'ticks'] as const)
      expect([...tx.objectStore(store).indexNames]).toEqual(['by-agenda']);
    db.close();
  });

  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))(
    'opens a database made at version %i without losing anything',
    async (version) => {
      const name = uniqueName();
      await createDatabaseAtVersion(name, version);
      const before = await dumpDatabase(name);
      const { store } = await openTestStore({ name });
      const sample = SAMPLE_DATA[version] ?? {};
      expect(await store.notes.list('sig-auth-2018')).toEqual(sample.notes);
      expect(await store.follows.list('sig-auth-2018')).toEqual(sample.follows);
      expect(await store.ticks.list('sig-auth-2018')).toEqual(sample.ticks);
      expect(await store.seen.get('sig-auth-2018')).toEqual(sample.seen?.[0]);
      store.close();
      const after = await dumpDatabase(name);
      for (const [storeName, records] of Object.entries(before)) expect(after[storeName]).toEqual(records);
    },
  );

  it('upgrades a version-1 database to the history store, keeping every record', async () => {
    const name = uniqueName();
    await createDatabaseAtVersion(name, 1);
    const before = await dumpDatabase(name);
    const db = await openAgendaDb({ name });
    expect(db.version).toBe(2);
    expect(await db.getAll('history')).toEqual([]);
    db.close();
    const after = await dumpDatabase(name);
    expect(after).toEqual({ ...before, history: [] });
  });

  it('upgrades a version-1 database through a later step, keeping and moving the data', async () => {
    const name = uniqueName();
    await createDatabaseAtVersion(name, 1);
    const db = await openAgendaDb({ name, upgrades: [...UPGRADES, toVersion3] });
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames]).toContain('status-cache');
    const notes = (await db.getAll('notes')) as unknown as Record<string, unknown>[];
    expect(notes.map((n) => [n.id, n.body, n.pinned])).toEqual([
      ['note-v1-item', 'Ask about kubelet labels', false],
      ['note-v1-meeting', 'Missed this one', false],
    ]);
    expect(await db.getAll('follows')).toEqual(SAMPLE_DATA[1]?.follows);
    db.close();
  });

  it('leaves the database as it was when a later step fails', async () => {
    const name = uniqueName();
    await createDatabaseAtVersion(name, 1);
    const failing: Upgrade = async (db, tx) => {
      db.createObjectStore('status-cache');
      await tx.objectStore('notes').put({ id: 'half-written' });
      throw new Error('step failed');
    };
    await expect(openAgendaDb({ name, upgrades: [...UPGRADES, failing] })).rejects.toThrow('step failed');
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames]).not.toContain('history');
    expect([...raw.objectStoreNames]).not.toContain('status-cache');
    expect(await raw.getAllKeys('notes')).toEqual(['note-v1-item', 'note-v1-meeting']);
    raw.close();
  });

  it('steps aside when a newer version opens in another window, and says so on the next write', async () => {
    const { store, name } = await openTestStore();
    await store.follows.add('a', 'phrase', 'CSR API');
    const newer = await openAgendaDb({ name, upgrades: [...UPGRADES, toVersion3] });
    expect(newer.version).toBe(3);
    const error = await store.follows.add('a', 'phrase', 'TokenRequest').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({
      kind: 'closed',
      message:
        'A newer version of the extension is now using your saved notes. Close this panel and open it again to keep saving.',
    });
    expect((await newer.getAll('follows')).map((f) => f.value)).toEqual(['csr api']);
    newer.close();
    store.close();
  });

  it('refuses, in words, to open data written by a newer version', async () => {
    const name = uniqueName();
    const newer = await openAgendaDb({ name, upgrades: [...UPGRADES, toVersion3] });
    newer.close();
    const error = await openStore({ name, channelName: uniqueName() }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'version',
      message:
        'Could not open your saved notes: your saved notes were written by a newer version of this extension. Update the extension and try again.',
    });
  });
});
