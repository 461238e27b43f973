// Where each note sits in the agenda as it is now. Notes follow their content; a note whose meeting
// or item cannot be found is detached — never dropped — and shown with the text it was written on.
import type { Agenda } from '../agenda/model';
import { placeAll, type Located } from '../anchoring/target';
import type { NoteRecord } from './records';

export interface PlacedNote {
  note: NoteRecord;
  /** Where it sits now, and whether it had to move there (`located.moved`). */
  located: Located;
}

export interface DetachedNote {
  note: NoteRecord;
  /** The text of the meeting heading or item it was attached to. */
  quote: string;
}

export interface NotePlacement {
  /** Meeting key or item key → the notes on it, oldest first. */
  byKey: Map<string, PlacedNote[]>;
  detached: DetachedNote[];
}

/** Pure. Pass the notes of this agenda (`notes.list(agendaId)`). */
export function placeNotes(agenda: Agenda, notes: readonly NoteRecord[]): NotePlacement {
  const placement = placeAll(agenda, notes, (note) => note.target);
  const byKey = new Map<string, PlacedNote[]>();
  for (const [key, entries] of placement.byKey) {
    byKey.set(
      key,
      entries.map(({ entry, located }) => ({ note: entry, located })),
    );
  }
  const detached = placement.detached.map((note) => ({ note, quote: note.target.quote }));
  return { byKey, detached };
}
