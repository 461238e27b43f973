// The user's private layer over the agenda shown: notes, follows, ticked action items and what is new since the
// last visit, kept in IndexedDB (lib/store). Put together here from its parts: the records read from the store
// (private-records.ts), note writing (note-drafting.ts), the other writes (private-edits.ts) and the views derived
// from the records (private-views.ts). The index works without it: a store that cannot open is said in words, never
// a blank panel.
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import { newNoteId, toStoreError, type NoteRecord, type PersistenceState } from '../store';
import { createNoteDrafting, type DraftingOptions } from './note-drafting';
import { createPrivateEdits } from './private-edits';
import { createPrivateRecords, type RecordsOptions, type RenderingOffer } from './private-records';
import { createPrivateViews } from './private-views';

export type { NoteSaveState } from './note-drafting';
export type { RenderingOffer } from './private-records';

export interface PrivateOptions extends RecordsOptions, DraftingOptions {}

/** `scope`: the agenda the index shows, the group's whole history when chosen (see createPrivateViews). */
export function createPrivateState(
  agenda: ReadonlySignal<Agenda | null>,
  options: PrivateOptions,
  scope: ReadonlySignal<Agenda | null> = agenda,
) {
  /** The outcome of the user's last action (an import, a failed delete), in words; another agenda clears it. */
  const notice = signal<string | null>(null);
  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      return await action();
    } catch (error) {
      notice.value = toStoreError(error, 'save this').message;
      return null;
    }
  }

  const records = createPrivateRecords(agenda, options, () => (notice.value = null));
  const views = createPrivateViews(
    agenda,
    {
      notes: records.notes,
      follows: records.follows,
      ticks: records.ticks,
      seen: records.seen,
      storeOpen: computed(() => records.store.value !== null),
    },
    scope,
  );
  const drafts = createNoteDrafting(agenda, records, options, attempt);
  const edits = createPrivateEdits(agenda, records, { scope, followed: views.followed, notice, attempt });

  // Views read these; they change only through the actions below.
  return {
    problem: records.problem as ReadonlySignal<string | null>,
    notice: notice as ReadonlySignal<string | null>,
    offers: records.offers as ReadonlySignal<RenderingOffer[]>,
    notes: records.notes as ReadonlySignal<NoteRecord[]>,
    saves: drafts.saves,
    persistence: records.persistence as ReadonlySignal<PersistenceState | null>,
    ...views,
    ready: computed(() => records.store.value !== null && records.seen.value !== null),
    open: (): Promise<void> => records.open(drafts.start, drafts.saveStashed),
    /** The user read the notice and closed it. */
    dismissNotice(): void {
      notice.value = null;
    },
    /** Stops following the agenda and other windows' changes (the panel is going away). */
    dispose: records.dispose,
    answerOffer: records.answerOffer,

    /** The notes on a meeting or item key, oldest first. */
    notesOn(key: string): NoteRecord[] {
      return (views.placement.value?.byKey.get(key) ?? []).map((placed) => placed.note);
    },

    /** A fresh id for a note not written yet; the editor keeps it so every keystroke saves the same note. */
    newNoteId,
    editNote: drafts.editNote,
    unsavedNoteOn: drafts.unsavedNoteOn,
    flush: drafts.flush,
    unsaved: drafts.unsaved,
    deleteNote: drafts.deleteNote,
    reattach: drafts.reattach,

    follow: edits.follow,
    unfollow: edits.unfollow,
    followedAs: edits.followedAs,
    setDone: edits.setDone,
    markSeen: edits.markSeen,
    exportJson: edits.exportJson,
    exportMarkdown: edits.exportMarkdown,
    importJson: edits.importJson,
  };
}

export type PrivateState = ReturnType<typeof createPrivateState>;
