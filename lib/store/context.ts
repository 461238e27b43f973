// What every part of the store shares: the connection, the clock, the change feed —
// and the one way to write: read-modify-write inside a single transaction, announced after commit.
import type { IDBPTransaction } from 'idb';
import type { AgendaDb, AgendaDbSchema, StoreName } from './db';
import { toStoreError } from './errors';
import type { ChangeFeed, StoreChange } from './sync';

export interface StoreContext {
  /** The open database; rejects with a StoreError when it was closed for a newer version. */
  db(): Promise<AgendaDb>;
  now(): number;
  changes: ChangeFeed;
}

export type WriteTx<Names extends StoreName> = IDBPTransaction<AgendaDbSchema, Names[], 'readwrite'>;
export type Announcement = Omit<StoreChange, 'origin'>;

export interface WriteResult<T> {
  value: T;
  /** What to tell other windows once committed; null when nothing was written. */
  change: Announcement | null;
}

/**
 * Runs `work` in one readwrite transaction over `stores`. Inside `work`, await only requests on `tx`:
 * awaiting anything else lets the transaction commit early. Any failure aborts the whole transaction
 * (nothing half-written) and rejects with a StoreError in words; it is never swallowed.
 */
export async function write<T, Names extends StoreName>(
  ctx: StoreContext,
  stores: Names[],
  action: string,
  work: (tx: WriteTx<Names>) => Promise<WriteResult<T>>,
): Promise<T> {
  let tx: WriteTx<Names> | undefined;
  let result: WriteResult<T>;
  try {
    const db = await ctx.db();
    tx = db.transaction(stores, 'readwrite');
    result = await work(tx);
    await tx.done;
  } catch (error) {
    if (tx) abortQuietly(tx);
    throw toStoreError(error, action);
  }
  if (result.change) ctx.changes.announce(result.change);
  return result.value;
}

/** A read; failures reject with a StoreError in words. */
export async function read<T>(ctx: StoreContext, action: string, work: (db: AgendaDb) => Promise<T>): Promise<T> {
  try {
    return await work(await ctx.db());
  } catch (error) {
    throw toStoreError(error, action);
  }
}

function abortQuietly<Names extends StoreName>(tx: WriteTx<Names>): void {
  // The failure is reported by the caller; the transaction's own rejection would only be a duplicate.
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already committed or aborted by the browser: nothing more to undo.
  }
}
