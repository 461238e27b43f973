// Filters that live outside the agenda (GitHub statuses, the user's notes and follows) narrow the view
// after search and the other filters: only the items that pass, grouped by meeting like search results.
import type { Item } from '../agenda/model';
import type { FilteredView, ResultGroup, ResultsView, SearchIndex } from './search';

export function narrowEntries(
  index: SearchIndex,
  view: FilteredView,
  passes: (item: Item) => boolean,
  /** Meetings kept even with no item passing (a note on the meeting itself). */
  keepMeeting: (meetingIndex: number) => boolean = () => false,
): ResultsView {
  const { items, meetingOf } = index;
  const kept: number[] = [];
  const groups: ResultGroup[] = [];
  const keep = (i: number): void => {
    if (passes(items[i] as Item)) kept.push(i);
  };
  /** Closes the meeting's group, begun at `start` of `kept`. */
  const close = (meetingIndex: number, start: number): void => {
    if (kept.length === start && !keepMeeting(meetingIndex)) return;
    groups.push({ meetingIndex, from: start, to: kept.length });
  };
  if (view.mode === 'results') {
    for (const group of view.groups) {
      const start = kept.length;
      for (let at = group.from; at < group.to; at++) keep(view.hits[at] as number);
      close(group.meetingIndex, start);
    }
  } else {
    // Entries are in document order, so each meeting's are together: find where they start and end.
    const meetingCount = index.agenda.meetings.length;
    const first = new Int32Array(meetingCount).fill(-1);
    const end = new Int32Array(meetingCount);
    for (let i = 0; i < meetingOf.length; i++) {
      const m = meetingOf[i] as number;
      if (first[m] === -1) first[m] = i;
      end[m] = i + 1;
    }
    for (const meetingIndex of view.meetingIndexes) {
      const start = kept.length;
      const from = first[meetingIndex] ?? -1;
      if (from !== -1) for (let i = from; i < (end[meetingIndex] as number); i++) keep(i);
      close(meetingIndex, start);
    }
  }
  return { mode: 'results', hits: Int32Array.from(kept), groups, hitCount: kept.length };
}
