// The panel's reads and writes of the `history` store. Every write is a put of one whole record: nothing
// stored is ever deleted by a failed load, so the history last read stays usable offline.
import { openAgendaDb, type AgendaDb } from '../store/db';
import type { HistoryRecord } from './history-records';

export interface HistoryDb {
  get<T extends HistoryRecord>(id: T['id']): Promise<T | undefined>;
  put(record: HistoryRecord): Promise<void>;
  close(): void;
}

export function historyDbOf(db: AgendaDb): HistoryDb {
  return {
    get: async <T extends HistoryRecord>(id: T['id']) => (await db.get('history', id)) as T | undefined,
    put: async (record) => void (await db.put('history', record)),
    close: () => db.close(),
  };
}

export async function openHistoryDb(name?: string): Promise<HistoryDb> {
  const db = await openAgendaDb({
    ...(name ? { name } : {}),
    // Another window opened a newer schema: step aside; the next panel opens the new one.
    onVersionChange: () => undefined,
  });
  return historyDbOf(db);
}

/** Memory only: for tests, and when IndexedDB cannot be opened (the history then lasts as long as the panel). */
export function memoryHistoryDb(): HistoryDb {
  const records = new Map<string, HistoryRecord>();
  return {
    get: async <T extends HistoryRecord>(id: T['id']) => structuredClone(records.get(id)) as T | undefined,
    put: async (record) => void records.set(record.id, structuredClone(record)),
    close: () => undefined,
  };
}
