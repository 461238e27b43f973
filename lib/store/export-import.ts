// Export everything (notes, follows, ticks) as one versioned JSON file, and import such a file by
// merging: what is already here is never duplicated, and a refused file changes nothing.
import { read, write, type StoreContext } from './context';
import { StoreError } from './errors';
import { EXPORT_FORMAT, EXPORT_VERSION, readExportFile, type ExportFile } from './export-format';
import { mergeNotes } from './notes';
import type { StoreName } from './db';
import type { NoteRecord } from './records';

export interface ImportSummary {
  notes: { added: number; merged: number; unchanged: number };
  follows: { added: number; unchanged: number };
  ticks: { added: number; updated: number; unchanged: number };
}

/** Everything, read in one transaction so the file is a consistent picture; records sorted by id. */
export function exportData(ctx: StoreContext): Promise<ExportFile> {
  return read(ctx, 'export your data', async (db) => {
    const tx = db.transaction(['notes', 'follows', 'ticks'], 'readonly');
    // tx.done joins the same Promise.all so that a failed transaction is reported once, not left unheard.
    const [notes, follows, ticks] = await Promise.all([
      tx.objectStore('notes').getAll(),
      tx.objectStore('follows').getAll(),
      tx.objectStore('ticks').getAll(),
      tx.done,
    ]);
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(ctx.now()).toISOString(),
      notes: byId(notes),
      follows: byId(follows),
      ticks: byId(ticks),
    };
  });
}

/**
 * Checks the whole file first (refusing it with a StoreError of kind 'import' whose message says why),
 * then merges it in one transaction: a failure part-way writes nothing.
 * - A note with an id already here is merged (newer text wins, the other is kept in its conflicts);
 *   a note with another id but the same agenda, attachment and text is a duplicate and skipped.
 * - A follow already here is kept as it is.
 * - A tick already here takes the newer of the two.
 */
export async function importData(ctx: StoreContext, text: string): Promise<ImportSummary> {
  const checked = readExportFile(text);
  if (!checked.ok) throw new StoreError('import', checked.reason);
  const file = checked.file;
  const summary: ImportSummary = {
    notes: { added: 0, merged: 0, unchanged: 0 },
    follows: { added: 0, unchanged: 0 },
    ticks: { added: 0, updated: 0, unchanged: 0 },
  };
  return write(ctx, ['notes', 'follows', 'ticks'], 'import this file', async (tx) => {
    const changedIds: string[] = [];
    const agendaIds = new Set<string>();
    const changedStores = new Set<StoreName>();
    const notes = tx.objectStore('notes');
    const sameContent = new Map<string, Set<string>>();
    for (const agendaId of new Set(file.notes.map((note) => note.agendaId))) {
      const existing = await notes.index('by-agenda').getAll(agendaId);
      sameContent.set(agendaId, new Set(existing.map(contentKey)));
    }
    for (const incoming of file.notes) {
      const local = await notes.get(incoming.id);
      if (!local) {
        const seen = sameContent.get(incoming.agendaId);
        if (seen?.has(contentKey(incoming))) {
          summary.notes.unchanged++;
          continue;
        }
        seen?.add(contentKey(incoming));
        await notes.put(incoming);
        summary.notes.added++;
      } else {
        const merged = mergeNotes(local, incoming);
        if (!merged.changed) {
          summary.notes.unchanged++;
          continue;
        }
        await notes.put(merged.note);
        summary.notes.merged++;
      }
      changedIds.push(incoming.id);
      agendaIds.add(incoming.agendaId);
      changedStores.add('notes');
    }

    const follows = tx.objectStore('follows');
    for (const follow of file.follows) {
      if (await follows.get(follow.id)) {
        summary.follows.unchanged++;
        continue;
      }
      await follows.put(follow);
      summary.follows.added++;
      changedIds.push(follow.id);
      agendaIds.add(follow.agendaId);
      changedStores.add('follows');
    }

    const ticks = tx.objectStore('ticks');
    for (const tick of file.ticks) {
      const local = await ticks.get(tick.id);
      if (local && local.updatedAt >= tick.updatedAt) {
        summary.ticks.unchanged++;
        continue;
      }
      await ticks.put(tick);
      if (local) summary.ticks.updated++;
      else summary.ticks.added++;
      changedIds.push(tick.id);
      agendaIds.add(tick.agendaId);
      changedStores.add('ticks');
    }

    const change =
      changedIds.length === 0 ? null : { stores: [...changedStores], agendaIds: [...agendaIds], ids: changedIds };
    return { value: summary, change };
  });
}

/** "Imported 3 notes (1 merged with yours) and 1 tick; 4 were already here." */
export function describeImport(summary: ImportSummary): string {
  const notes = summary.notes.added + summary.notes.merged;
  const follows = summary.follows.added;
  const ticks = summary.ticks.added + summary.ticks.updated;
  const already = summary.notes.unchanged + summary.follows.unchanged + summary.ticks.unchanged;
  if (notes + follows + ticks === 0) {
    return already > 0 ? 'Nothing new: everything in the file was already here.' : 'The file held nothing to import.';
  }
  const merged = summary.notes.merged > 0 ? ` (${summary.notes.merged} merged with yours)` : '';
  const parts = [
    notes > 0 ? count(notes, 'note') + merged : '',
    follows > 0 ? count(follows, 'follow') : '',
    ticks > 0 ? count(ticks, 'tick') : '',
  ].filter((part) => part.length > 0);
  const last = parts.pop() ?? '';
  const listed = parts.length > 0 ? `${parts.join(', ')} and ${last}` : last;
  return `Imported ${listed}${already > 0 ? `; ${already} ${already === 1 ? 'was' : 'were'} already here` : ''}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function contentKey(note: NoteRecord): string {
  const on = note.target.kind === 'meeting' ? note.target.meetingKey : note.target.itemKey;
  return `${note.agendaId}\n${on}\n${note.body}`;
}

function byId<T extends { id: string }>(records: T[]): T[] {
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
