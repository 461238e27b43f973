// The one IndexedDB database of the extension, `agenda-overlay`, and how each version of its schema
// is reached from the one before. To change the schema, append a step to UPGRADES: a browser that
// skipped versions runs every step it missed, in order, inside the one upgrade transaction, so
// nothing saved under an earlier version is lost.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { FollowRecord, NoteRecord, SeenSnapshot, TickRecord } from './records';

export const DB_NAME = 'agenda-overlay';

export interface AgendaDbSchema extends DBSchema {
  notes: { key: string; value: NoteRecord; indexes: { 'by-agenda': string } };
  follows: { key: string; value: FollowRecord; indexes: { 'by-agenda': string } };
  ticks: { key: string; value: TickRecord; indexes: { 'by-agenda': string } };
  seen: { key: string; value: SeenSnapshot };
  /** A group's history (lib/history/history-records.ts says the shapes; the store keeps them by `id`). */
  history: { key: string; value: { id: string } };
}

export type StoreName = 'notes' | 'follows' | 'ticks' | 'seen';
export type AgendaDb = IDBPDatabase<AgendaDbSchema>;

/**
 * One schema step: `UPGRADES[i]` takes the database from version i to i + 1. Steps see the untyped
 * database because each must work on the schema as it was then, not as it is now. A step that moves
 * data returns a promise that awaits only requests on `tx` (anything else would end the transaction).
 */
export type Upgrade = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
) => void | Promise<void>;

export const UPGRADES: readonly Upgrade[] = [
  // Version 1: notes, follows, action-item ticks, and what-was-seen snapshots.
  function toVersion1(db) {
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('by-agenda', 'agendaId');
    db.createObjectStore('follows', { keyPath: 'id' }).createIndex('by-agenda', 'agendaId');
    db.createObjectStore('ticks', { keyPath: 'id' }).createIndex('by-agenda', 'agendaId');
    db.createObjectStore('seen', { keyPath: 'agendaId' });
  },
  // Version 2: a group's history (sigs.yaml, archive listings, parsed archive files). A new store only:
  // every record of version 1 stays as it was.
  function toVersion2(db) {
    db.createObjectStore('history', { keyPath: 'id' });
  },
];

export const DB_VERSION = UPGRADES.length;

export interface OpenDbOptions {
  name?: string;
  /** The schema steps; tests pass a prefix (an older version) or an extra step (a future one). */
  upgrades?: readonly Upgrade[];
  /** Another window opened a newer version: this connection has been closed so that it can proceed. */
  onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?: () => void;
}

export async function openAgendaDb(options: OpenDbOptions = {}): Promise<AgendaDb> {
  const upgrades = options.upgrades ?? UPGRADES;
  // The open itself only says "AbortError" when a step fails; keep the step's own error to report.
  let stepFailure: unknown = null;
  const db = await openDB<AgendaDbSchema>(options.name ?? DB_NAME, upgrades.length, {
    upgrade(database, oldVersion, newVersion, transaction) {
      const tx = transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      // The open request reports an aborted upgrade; this promise would only repeat it, unheard.
      tx.done.catch(() => undefined);
      runUpgrades(
        upgrades,
        database as unknown as IDBPDatabase<unknown>,
        tx,
        oldVersion,
        newVersion ?? upgrades.length,
        (error) => {
          stepFailure = error;
        },
      );
    },
    blocking() {
      // Keeping the old connection open would stall the newer version in the other window forever.
      db.close();
      options.onVersionChange?.();
    },
    terminated() {
      options.onTerminated?.();
    },
  }).catch((error: unknown) => {
    throw stepFailure ?? error;
  });
  return db;
}

/** Runs steps `from` … `to - 1` in order; a step that returns a promise holds back the ones after it. */
function runUpgrades(
  upgrades: readonly Upgrade[],
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  from: number,
  to: number,
  failed: (error: unknown) => void,
): void {
  for (let version = from; version < to; version++) {
    const step = upgrades[version];
    if (!step) throw new Error(`No schema step from version ${version} to ${version + 1}.`);
    const pending = step(db, tx);
    if (pending) {
      pending.then(
        () => runUpgrades(upgrades, db, tx, version + 1, to, failed),
        // A failed data move must not leave a half-upgraded database: abort, and the open fails.
        (error: unknown) => {
          failed(error);
          tx.abort();
        },
      );
      return;
    }
  }
}
