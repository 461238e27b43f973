// "Has notes", "Followed" and "New since last visit": the user's own marks as filters of the index.
import { narrowEntries } from './entry-narrowing';
import type { FilteredView, SearchIndex } from './search';

export type MarkFilter = 'notes' | 'followed' | 'new';

export const MARK_FILTERS: readonly { value: MarkFilter; label: string }[] = [
  { value: 'notes', label: 'Has notes' },
  { value: 'followed', label: 'Followed' },
  { value: 'new', label: 'New or changed' },
];

/** Meeting and item keys carrying each mark. */
export interface MarkSets {
  notes: ReadonlySet<string>;
  followed: ReadonlySet<string>;
  fresh: ReadonlySet<string>;
}

export function narrowByMark(
  index: SearchIndex,
  view: FilteredView,
  filter: MarkFilter,
  marks: MarkSets,
): FilteredView {
  const keys = filter === 'notes' ? marks.notes : filter === 'followed' ? marks.followed : marks.fresh;
  const meetings = index.agenda.meetings;
  return narrowEntries(
    index,
    view,
    (item) => keys.has(item.key),
    (meetingIndex) => keys.has(meetings[meetingIndex]?.key ?? ''),
  );
}
