// The status filter ("open PRs") on top of search and filters: only items whose references have that
// status, grouped by meeting like search results. Statuses live outside the agenda, so this runs after.
import type { RefReport } from '../github/status';
import { matchesStatusFilter, type StatusFilter } from './github-status';
import type { FilteredView, SearchEntry, SearchIndex } from './search';

export function narrowByStatus(
  index: SearchIndex,
  view: FilteredView,
  filter: StatusFilter,
  reports: ReadonlyMap<string, RefReport>,
): FilteredView {
  const passes = (entry: SearchEntry): boolean =>
    entry.item.refs.length > 0 && matchesStatusFilter(filter, reports, entry.item.refs);
  const groups: { meetingIndex: number; hits: SearchEntry[] }[] = [];
  let hitCount = 0;
  const add = (meetingIndex: number, hits: SearchEntry[]): void => {
    if (hits.length === 0) return;
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
