// Writing notes: each keystroke kept in the stash, saved after a pause, its save state shown; another window's newer
// save merged, not overwritten; deleting and moving notes. The records it writes are private-records.ts's.
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import { createNoteAutosave, targetFor, type AgendaStore, type AnchorTarget, type NoteAutosave } from '../store';
import type { DraftStash } from './draft-stash';
import type { RecordsState } from './private-records';

export type NoteSaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

export interface DraftingOptions {
  /** Unsaved keystrokes kept synchronously (localStorage), so closing the panel loses none. */
  stash?: DraftStash;
  /** Quiet time after typing before a note is saved. */
  autosaveDelayMs?: number;
  now?: () => number;
}

/** `attempt` runs a store write, saying in the panel's notice why it failed (null then). */
export function createNoteDrafting(
  agenda: ReadonlySignal<Agenda | null>,
  records: Pick<RecordsState, 'store' | 'notes' | 'agendaIds' | 'upsertNote'>,
  options: DraftingOptions,
  attempt: <T>(action: () => Promise<T>) => Promise<T | null>,
) {
  const { store, notes } = records;
  const saves = signal<ReadonlyMap<string, NoteSaveState>>(new Map());
  let autosave: NoteAutosave | null = null;
  const now = options.now ?? Date.now;
  /** Notes being written that are not in the store yet: where they go, kept from the first keystroke. */
  const drafting = new Map<string, { key: string; agendaId: string; target: AnchorTarget }>();

  function setSave(id: string, state: NoteSaveState): void {
    saves.value = new Map(saves.value).set(id, state);
  }

  return {
    saves: saves as ReadonlySignal<ReadonlyMap<string, NoteSaveState>>,

    /** The store opened: keystrokes are saved from now on. */
    start(opened: AgendaStore): void {
      autosave = createNoteAutosave(opened.notes, {
        delayMs: options.autosaveDelayMs ?? 400,
        onSaved: (saved, draft) => {
          options.stash?.drop(draft.id, draft.body);
          batch(() => {
            if (records.agendaIds.value.includes(saved.note.agendaId)) records.upsertNote(saved.note);
            // Newer text waits for its own save: still "Saving…".
            if (autosave?.unsaved(saved.note.id) !== undefined) return;
            drafting.delete(saved.note.id);
            setSave(saved.note.id, { state: 'saved' });
          });
        },
        onError: (error, draft) => setSave(draft.id, { state: 'failed', message: error.message }),
      });
    },

    /** Text a closed panel had not saved yet: saved now, with the time it was typed. */
    saveStashed(): void {
      for (const draft of options.stash?.pending() ?? []) autosave?.edit(draft);
    },

    /**
     * The user typed in a note's editor; saved after a pause, kept in the stash until then. `baseRevision`
     * is the revision of the note the editor's text started from: another window's newer save is then
     * merged, not overwritten.
     */
    editNote(id: string, key: string, body: string, baseRevision: number): void {
      const current = agenda.value;
      if (!autosave || !current) return;
      const existing = notes.value.find((note) => note.id === id);
      let draftOf = drafting.get(id);
      if (!existing && !draftOf) {
        // Where a new note goes is decided at its first keystroke: a re-parse while typing must not lose it.
        const target = targetFor(current, key);
        if (!target) {
          setSave(id, {
            state: 'failed',
            message:
              'This row is no longer in the agenda, so the note has nowhere to go. Copy your text, then pick the row again.',
          });
          return;
        }
        draftOf = { key, agendaId: current.id, target };
        drafting.set(id, draftOf);
      }
      const draft = {
        id,
        agendaId: existing?.agendaId ?? draftOf!.agendaId,
        target: existing?.target ?? draftOf!.target,
        body,
        baseRevision,
        editedAt: now(),
      };
      options.stash?.keep(draft);
      setSave(id, { state: 'saving' });
      autosave.edit(draft);
    },

    /** The id of a new note on this key whose text is not saved yet (a failed save, a row switch while saving). */
    unsavedNoteOn(key: string): string | null {
      for (const [id, draftOf] of drafting) if (draftOf.key === key && autosave?.unsaved(id) !== undefined) return id;
      return null;
    },

    /** Saves every note waiting now (the editor lost focus, the panel is closing). */
    async flush(): Promise<void> {
      await autosave?.flush().catch(() => undefined);
    },

    /** Text typed in this window that is not saved yet. */
    unsaved: (id: string): string | undefined => autosave?.unsaved(id),

    async deleteNote(id: string): Promise<void> {
      const opened = store.value;
      if (!opened) return;
      // Text still waiting would re-create the note after it is gone.
      autosave?.discard(id);
      options.stash?.forget(id);
      drafting.delete(id);
      if ((await attempt(() => opened.notes.remove(id))) === null) return;
      notes.value = notes.value.filter((note) => note.id !== id);
      // A deleted note has no save to tell of: its empty box says nothing.
      if (saves.value.has(id)) {
        const left = new Map(saves.value);
        left.delete(id);
        saves.value = left;
      }
    },

    /** Puts a detached (or misplaced) note on another meeting or item. */
    async reattach(id: string, key: string): Promise<void> {
      const opened = store.value;
      const target = agenda.value ? targetFor(agenda.value, key) : null;
      if (!opened || !target) return;
      const moved = await attempt(() => opened.notes.attach(id, target));
      if (moved) records.upsertNote(moved);
    },
  };
}

export type NoteDrafting = ReturnType<typeof createNoteDrafting>;
