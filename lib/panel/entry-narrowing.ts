// Filters that live outside the agenda (GitHub statuses, the user's notes and follows) narrow the view
// after search and the other filters: only the items that pass, grouped by meeting like search results.
import type { FilteredView, SearchEntry, SearchIndex } from './search';

export function narrowEntries(
  index: SearchIndex,
  view: FilteredView,
  passes: (entry: SearchEntry) => boolean,
  /** Meetings kept even with no item passing (a note on the meeting itself). */
  keepMeeting: (meetingIndex: number) => boolean = () => false,
): FilteredView {
  const groups: { meetingIndex: number; hits: SearchEntry[] }[] = [];
  let hitCount = 0;
  const add = (meetingIndex: number, hits: SearchEntry[]): void => {
    if (hits.length === 0 && !keepMeeting(meetingIndex)) return;
    groups.push({ meetingIndex, hits });
    hitCount += hits.length;
  };
  if (view.mode === 'results') {
    for (const group of view.groups) add(group.meetingIndex, group.hits.filter(passes));
  } else {
    const byMeeting = new Map<number, SearchEntry[]>();
    for (const entry of index.entries) {
      if (!passes(entry)) continue;
      const hits = byMeeting.get(entry.meetingIndex);
      if (hits) hits.push(entry);
      else byMeeting.set(entry.meetingIndex, [entry]);
    }
    for (const meetingIndex of view.meetingIndexes) add(meetingIndex, byMeeting.get(meetingIndex) ?? []);
  }
  return { mode: 'results', groups, hitCount };
}
