// The records kept in IndexedDB and written to export files. Plain JSON, nothing else.
import type { AnchorTarget, ItemTarget } from '../anchoring/target';

export interface NoteRecord {
  /** Random, made once when the note is first written. */
  id: string;
  /** Identity of the agenda, given by the caller; the same for every rendering of one document. */
  agendaId: string;
  target: AnchorTarget;
  body: string;
  createdAt: number;
  updatedAt: number;
  /** Goes up by one on every committed change; a writer that saw an older one edited concurrently. */
  revision: number;
  /** Texts that lost a concurrent edit of this note, kept so nothing typed is ever lost. */
  conflicts: NoteConflict[];
}

export interface NoteConflict {
  body: string;
  updatedAt: number;
}

export type FollowKind = 'ref' | 'person' | 'phrase';

export interface FollowRecord {
  /** Derived from agenda, kind and value, so following the same thing twice is one follow. */
  id: string;
  agendaId: string;
  kind: FollowKind;
  /** Canonical form used for matching: `owner/repo#n`, a handle or name in lower case, a phrase in lower case. */
  value: string;
  /** As the user wrote it or picked it, for display. */
  label: string;
  createdAt: number;
}

export interface TickRecord {
  /** Derived from agenda and the action item's key when ticked. */
  id: string;
  agendaId: string;
  target: ItemTarget;
  done: boolean;
  updatedAt: number;
}

/** The agenda as the user last saw it, compactly: per meeting a hash, per item a hash. */
export interface SeenSnapshot {
  agendaId: string;
  savedAt: number;
  meetings: Record<string, SeenMeeting>;
}

export interface SeenMeeting {
  /** Hash of the heading, cancellation, recording and the list of item keys. */
  hash: string;
  /** Item key → hash of its text, links and strike-through. */
  items: Record<string, string>;
}
