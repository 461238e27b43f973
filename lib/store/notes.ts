// Private notes on meetings and items, saved as the user types.
//
// Concurrency, simply: every save is a read-modify-write of one note inside one transaction, so
// writes to different notes never touch each other. Each note carries a `revision`; a save says
// which revision its editor started from. If the stored revision is still that one, the save
// applies. If another window saved the same note in between, the newer edit (by `updatedAt`) wins
// the body and the other text is kept in `conflicts`, so nothing typed is ever lost.
import type { AnchorTarget } from '../anchoring/target';
import { read, write, type StoreContext } from './context';
import { StoreError } from './errors';
import type { NoteConflict, NoteRecord } from './records';

export interface NoteDraft {
  /** `newNoteId()` for a new note; the caller makes it so it can keep saving the same note. */
  id: string;
  agendaId: string;
  /** Used when the note is created (or re-created after another window deleted it while this one typed). */
  target: AnchorTarget;
  body: string;
  /** The revision the editor started from: 0 for a new note, else the `revision` it last loaded or saved. */
  baseRevision: number;
  /** When the user typed it; defaults to now. Decides which of two concurrent edits wins. */
  editedAt?: number;
}

/**
 * - `created`: a new note.
 * - `saved`: applied on top of the revision the editor had.
 * - `merged`: another window had changed the note; the newer text won and the other is in `conflicts`.
 * - `unchanged`: the stored note already says this.
 */
export type SaveOutcome = 'created' | 'saved' | 'merged' | 'unchanged';

export interface SavedNote {
  /** The note as stored now; its `revision` is the editor's next `baseRevision`. */
  note: NoteRecord;
  outcome: SaveOutcome;
}

export interface NotesApi {
  /** The notes on one agenda, oldest first. */
  list(agendaId: string): Promise<NoteRecord[]>;
  get(id: string): Promise<NoteRecord | undefined>;
  save(draft: NoteDraft): Promise<SavedNote>;
  /** Re-attaches a note (a detached one, typically) to another meeting or item. */
  attach(id: string, target: AnchorTarget): Promise<NoteRecord>;
  remove(id: string): Promise<void>;
  /** Forgets the texts kept from concurrent edits, once the user has looked at them. */
  clearConflicts(id: string): Promise<NoteRecord>;
}

export function newNoteId(): string {
  return globalThis.crypto.randomUUID();
}

export function createNotesApi(ctx: StoreContext): NotesApi {
  return {
    list: (agendaId) =>
      read(ctx, 'read your notes', async (db) => {
        const notes = await db.getAllFromIndex('notes', 'by-agenda', agendaId);
        return notes.sort((a, b) => a.createdAt - b.createdAt || compare(a.id, b.id));
      }),

    get: (id) => read(ctx, 'read this note', (db) => db.get('notes', id)),

    save: (draft) =>
      write(ctx, ['notes'], 'save this note', async (tx) => {
        const store = tx.objectStore('notes');
        const current = await store.get(draft.id);
        const saved = applyDraft(current, draft, ctx.now());
        if (saved.outcome === 'unchanged') return { value: saved, change: null };
        await store.put(saved.note);
        return { value: saved, change: noteChange(saved.note) };
      }),

    attach: (id, target) =>
      updateExisting(ctx, id, 'move this note', (note) => ({
        ...note,
        target,
        updatedAt: ctx.now(),
        revision: note.revision + 1,
      })),

    remove: (id) =>
      write(ctx, ['notes'], 'delete this note', async (tx) => {
        const store = tx.objectStore('notes');
        const current = await store.get(id);
        if (!current) return { value: undefined, change: null };
        await store.delete(id);
        return { value: undefined, change: noteChange(current) };
      }),

    clearConflicts: (id) =>
      updateExisting(ctx, id, 'clear the kept versions of this note', (note) => ({
        ...note,
        conflicts: [],
        revision: note.revision + 1,
      })),
  };
}

function updateExisting(
  ctx: StoreContext,
  id: string,
  action: string,
  change: (note: NoteRecord) => NoteRecord,
): Promise<NoteRecord> {
  return write(ctx, ['notes'], action, async (tx) => {
    const store = tx.objectStore('notes');
    const current = await store.get(id);
    if (!current) throw new StoreError('not-found', `Could not ${action}: it was deleted, perhaps in another window.`);
    const next = change(current);
    await store.put(next);
    return { value: next, change: noteChange(next) };
  });
}

/** The note after a save, given what is stored now. Pure. */
export function applyDraft(current: NoteRecord | undefined, draft: NoteDraft, now: number): SavedNote {
  const editedAt = draft.editedAt ?? now;
  if (!current) {
    // Also the case when another window deleted the note while this one was typing: typing wins.
    const note: NoteRecord = {
      id: draft.id,
      agendaId: draft.agendaId,
      target: draft.target,
      body: draft.body,
      createdAt: editedAt,
      updatedAt: editedAt,
      revision: 1,
      conflicts: [],
    };
    return { note, outcome: 'created' };
  }
  if (current.body === draft.body) return { note: current, outcome: 'unchanged' };
  if (current.revision === draft.baseRevision) {
    return {
      note: { ...current, body: draft.body, updatedAt: editedAt, revision: current.revision + 1 },
      outcome: 'saved',
    };
  }
  // Someone else saved this note since the editor loaded it: last writer wins, the other text is kept.
  const draftWins = editedAt >= current.updatedAt;
  const winner = draftWins
    ? { body: draft.body, updatedAt: editedAt }
    : { body: current.body, updatedAt: current.updatedAt };
  const loser = draftWins
    ? { body: current.body, updatedAt: current.updatedAt }
    : { body: draft.body, updatedAt: editedAt };
  const note: NoteRecord = {
    ...current,
    body: winner.body,
    updatedAt: winner.updatedAt,
    revision: current.revision + 1,
    conflicts: keepConflicts([...current.conflicts, loser], winner.body),
  };
  return { note, outcome: 'merged' };
}

/**
 * Two copies of one note (this store's and an imported one) as one: the newer body wins, the other
 * body joins `conflicts`. `changed` is false when the result is what `local` already holds. Pure.
 */
export function mergeNotes(local: NoteRecord, incoming: NoteRecord): { note: NoteRecord; changed: boolean } {
  const incomingWins =
    incoming.updatedAt > local.updatedAt ||
    (incoming.updatedAt === local.updatedAt && incoming.revision > local.revision);
  const [winner, loser] = incomingWins ? [incoming, local] : [local, incoming];
  const conflicts = keepConflicts(
    [...local.conflicts, ...incoming.conflicts, { body: loser.body, updatedAt: loser.updatedAt }],
    winner.body,
  );
  const candidate: NoteRecord = {
    ...winner,
    createdAt: Math.min(local.createdAt, incoming.createdAt),
    revision: Math.max(local.revision, incoming.revision),
    conflicts,
  };
  if (sameNote(candidate, local)) return { note: local, changed: false };
  return { note: { ...candidate, revision: candidate.revision + 1 }, changed: true };
}

/** Each lost text once, newest first, without the winning text and without empty texts. */
function keepConflicts(conflicts: readonly NoteConflict[], winningBody: string): NoteConflict[] {
  const byBody = new Map<string, NoteConflict>();
  for (const conflict of conflicts) {
    if (conflict.body === winningBody || conflict.body.trim().length === 0) continue;
    const known = byBody.get(conflict.body);
    if (!known || known.updatedAt < conflict.updatedAt) byBody.set(conflict.body, conflict);
  }
  return [...byBody.values()].sort((a, b) => b.updatedAt - a.updatedAt || compare(a.body, b.body));
}

function sameNote(a: NoteRecord, b: NoteRecord): boolean {
  return (
    a.body === b.body &&
    a.agendaId === b.agendaId &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    JSON.stringify(a.target) === JSON.stringify(b.target) &&
    JSON.stringify(a.conflicts) === JSON.stringify(b.conflicts)
  );
}

function noteChange(note: NoteRecord) {
  return { stores: ['notes' as const], agendaIds: [note.agendaId], ids: [note.id] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
