// Where a year begins in the index's rows: a meeting whose year differs from the meeting row before it.
import type { RowList } from '../panel/rows';

/** How far back to look for the meeting before (an open meeting's items lie between); beyond it, no mark. */
const LOOK_BACK = 5_000;

/** The year the meeting row at `at` starts, or undefined when the meeting before it is of the same year. */
export function yearStartOf(list: RowList, at: number): string | undefined {
  const row = list.row(at);
  if (row.kind !== 'meeting') return undefined;
  const year = row.meeting.date.slice(0, 4);
  for (let i = at - 1; i >= Math.max(0, at - LOOK_BACK); i--) {
    const before = list.row(i);
    if (before.kind === 'meeting') return before.meeting.date.slice(0, 4) === year ? undefined : year;
  }
  return at <= LOOK_BACK ? year : undefined;
}
