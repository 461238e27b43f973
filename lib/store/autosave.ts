// Saving a note as the user types: waits for a pause, keeps at most one save per note in flight (so a
// window never races itself into a conflict), carries the revision forward from save to save, and on
// failure keeps the unsaved text and reports the error in words.
import { toStoreError, type StoreError } from './errors';
import type { NoteDraft, NotesApi, SavedNote } from './notes';

export interface NoteAutosaveOptions {
  /** Quiet time after the last keystroke before saving; 400 ms by default. */
  delayMs?: number;
  /** `draft` is what was sent: its body may have lost to another window's newer text in `saved`. */
  onSaved?: (saved: SavedNote, draft: NoteDraft) => void;
  /** The text is still kept (`unsaved(id)`); the next edit or `flush()` tries again. */
  onError?: (error: StoreError, draft: NoteDraft) => void;
  now?: () => number;
}

export interface NoteAutosave {
  /** The user typed. `baseRevision` is the revision the editor loaded (0 for a new note). */
  edit(draft: NoteDraft): void;
  /** Saves everything waiting, now (on blur, on closing the panel); rejects with the first StoreError. */
  flush(): Promise<void>;
  /** Text typed but not yet saved, if any. */
  unsaved(id: string): string | undefined;
  /** Whether a note has text waiting or being saved. */
  busy(id: string): boolean;
  /** Forgets text waiting for a note (it is being deleted); a save already under way still completes first. */
  discard(id: string): void;
  /** Stops the timers; call `flush()` first to keep what is waiting. */
  dispose(): void;
}

interface NoteState {
  waiting: NoteDraft | null;
  timer: ReturnType<typeof setTimeout> | null;
  draining: Promise<void> | null;
  /** The last revision this window saved or was given. */
  revision: number;
}

export function createNoteAutosave(notes: Pick<NotesApi, 'save'>, options: NoteAutosaveOptions = {}): NoteAutosave {
  const delayMs = options.delayMs ?? 400;
  const now = options.now ?? Date.now;
  const states = new Map<string, NoteState>();

  function stateOf(id: string): NoteState {
    let state = states.get(id);
    if (!state) {
      state = { waiting: null, timer: null, draining: null, revision: 0 };
      states.set(id, state);
    }
    return state;
  }

  /** Saves what is waiting, one save at a time per note, until nothing is waiting or a save fails. */
  function saveWaiting(id: string): Promise<void> {
    const state = stateOf(id);
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    // A second caller joins the run in progress; that run picks up text typed while it saves.
    if (state.draining) return state.draining;
    if (!state.waiting) return Promise.resolve();
    const run = drain(state);
    state.draining = run;
    run
      .finally(() => {
        if (state.draining === run) state.draining = null;
      })
      .catch(() => undefined);
    return run;
  }

  async function drain(state: NoteState): Promise<void> {
    while (state.waiting) {
      const draft = state.waiting;
      state.waiting = null;
      try {
        const saved = await notes.save({ ...draft, baseRevision: state.revision });
        state.revision = saved.note.revision;
        options.onSaved?.(saved, draft);
      } catch (error) {
        const failure = toStoreError(error, 'save this note');
        // Keep the text unless newer text arrived meanwhile.
        state.waiting ??= draft;
        options.onError?.(failure, draft);
        throw failure;
      }
    }
  }

  return {
    edit(draft) {
      const state = stateOf(draft.id);
      state.revision = Math.max(state.revision, draft.baseRevision);
      state.waiting = { ...draft, editedAt: draft.editedAt ?? now() };
      if (state.timer) clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = null;
        // Failures reach the caller through onError; this promise has no one else to tell.
        saveWaiting(draft.id).catch(() => undefined);
      }, delayMs);
    },

    async flush() {
      const results = await Promise.allSettled([...states.keys()].map((id) => saveWaiting(id)));
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw toStoreError(failed.reason, 'save this note');
    },

    unsaved(id) {
      const state = states.get(id);
      return state?.waiting?.body;
    },

    busy(id) {
      const state = states.get(id);
      return Boolean(state && (state.waiting || state.draining));
    },

    discard(id) {
      const state = states.get(id);
      if (!state) return;
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      state.waiting = null;
    },

    dispose() {
      for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
      states.clear();
    },
  };
}
