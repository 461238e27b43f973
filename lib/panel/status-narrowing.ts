// The status filter ("open PRs") on top of search and filters: only items whose references have that
// status, grouped by meeting like search results. Statuses live outside the agenda, so this runs after.
import type { RefReport } from '../github/status';
import { narrowEntries } from './entry-narrowing';
import { matchesStatusFilter, type StatusFilter } from './github-status';
import type { FilteredView, SearchIndex } from './search';

export function narrowByStatus(
  index: SearchIndex,
  view: FilteredView,
  filter: StatusFilter,
  reports: ReadonlyMap<string, RefReport>,
): FilteredView {
  return narrowEntries(index, view, (item) => item.refs.length > 0 && matchesStatusFilter(filter, reports, item.refs));
}
