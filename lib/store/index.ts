// The private data layer: notes, follows, ticks and what-was-seen in IndexedDB, and the pure views
// over an Agenda that go with them. Import from here.
export { openStore, type AgendaStore, type StoreOptions } from './store';
export { StoreError, toStoreError, type StoreErrorKind } from './errors';
export type { FollowKind, FollowRecord, NoteConflict, NoteRecord, SeenSnapshot, TickRecord } from './records';
export { newNoteId, type NoteDraft, type NotesApi, type SavedNote, type SaveOutcome } from './notes';
export { placeNotes, type DetachedNote, type NotePlacement, type PlacedNote } from './note-placement';
export { canonicalFollow, followId, type FollowsApi } from './follows';
export { followMatcher, followTimeline, followTimelines, type FollowSpec, type TimelineEntry } from './timeline';
export { describeThread, recurringRefs, type Thread } from './threads';
export { actionItems, type ActionItem } from './action-items';
export { tickedKeys, type TicksApi } from './ticks';
export { whatsNew, type Novelty, type WhatsNew } from './whats-new';
export type { SeenApi } from './seen';
export { sameDocumentIds } from './same-document';
export { describeImport, type ImportSummary } from './export-import';
export { EXPORT_FORMAT, EXPORT_VERSION, readExportFile, type ExportFile } from './export-format';
export { notesAsMarkdown } from './notes-markdown';
export { createNoteAutosave, type NoteAutosave, type NoteAutosaveOptions } from './autosave';
export { describePersistence, requestPersistentStorage, storageUsage, type PersistenceState } from './persistence';
export { CHANNEL_NAME, type ChangeListener, type StoreChange } from './sync';
export {
  locate,
  targetFor,
  type AnchorTarget,
  type ItemTarget,
  type Located,
  type MeetingTarget,
} from '../anchoring/target';
export { anchorFor, reattach, type ItemAnchor, type Reattachment } from '../anchoring/anchor';
