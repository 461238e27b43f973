// The panel's list as flat rows: meetings, their section titles and their items, in the order shown.
// The virtual list renders only the rows in view, so this is the one place that walks the whole agenda
// while browsing (search results have their own list: result-rows.ts).
import type { Agenda, Item, Meeting, SectionKind } from '../agenda/model';
import type { BrowseView } from './search';

/** `pos` of `size`: the row's place among its siblings, for screen readers ("3 of 26"). */
export interface Place {
  pos: number;
  size: number;
}

export type Row = Place &
  (
    | { kind: 'meeting'; id: string; level: 1; meeting: Meeting; expanded: boolean; hitCount: number | null }
    | { kind: 'section'; id: string; level: 2; meetingKey: string; title: string; sectionKind: SectionKind }
    | { kind: 'item'; id: string; level: number; meetingKey: string; item: Item }
  );

/** Pixel height of each kind of row: fixed, so positions are sums and nothing is measured. */
export const ROW_HEIGHT: Record<Row['kind'], number> = { meeting: 46, section: 24, item: 26 };

/**
 * The rows of the list, with their positions. Rows are made when asked for: search results can run to
 * 100,000 rows, and only the few in view are drawn.
 */
export interface RowList {
  readonly count: number;
  /** Row `i`, for 0 ≤ i < count. */
  row(i: number): Row;
  /** offsets[i] is the top of row i; offsets[count] is the total height. */
  offsets: Float64Array;
  /** The index of the row with this id; -1 when there is none. */
  indexOf(id: string): number;
}

/** Browsing: every meeting that passes the filters, the open ones with their sections and items. */
export function browseRows(agenda: Agenda, view: BrowseView, isExpanded: (meetingKey: string) => boolean): RowList {
  const rows: Row[] = [];
  const size = view.meetingIndexes.length;
  view.meetingIndexes.forEach((index, at) => {
    const meeting = agenda.meetings[index];
    if (meeting) pushMeeting(rows, meeting, isExpanded(meeting.key), { pos: at + 1, size });
  });
  return listOf(rows);
}

function pushMeeting(rows: Row[], meeting: Meeting, expanded: boolean, place: Place): void {
  rows.push({
    kind: 'meeting',
    id: meeting.key,
    level: 1,
    meeting,
    expanded,
    hitCount: null,
    pos: place.pos,
    size: place.size,
  });
  if (!expanded) return;
  const titled = meeting.sections.filter((section) => section.title).length;
  let sectionPos = 0;
  meeting.sections.forEach((section, index) => {
    if (section.title) {
      rows.push(sectionRow(meeting.key, index, section.title, section.kind, { pos: ++sectionPos, size: titled }));
    }
    const itemLevel = section.title ? 3 : 2;
    // Depth-first without recursion: agendas nest lists arbitrarily deep.
    const siblings = (items: readonly Item[], level: number) =>
      items.map((item, at) => ({ item, level, pos: at + 1, size: items.length })).reverse();
    const stack = siblings(section.items, itemLevel);
    while (stack.length > 0) {
      const { item, level, pos, size } = stack.pop()!;
      rows.push({ kind: 'item', id: item.key, level, meetingKey: meeting.key, item, pos, size });
      stack.push(...siblings(item.children, level + 1));
    }
  });
}

export function sectionRow(
  meetingKey: string,
  index: number,
  title: string,
  sectionKind: SectionKind,
  place: Place,
): Row {
  return {
    kind: 'section',
    id: `${meetingKey}::section-${index}`,
    level: 2,
    meetingKey,
    title,
    sectionKind,
    pos: place.pos,
    size: place.size,
  };
}

/** A few thousand rows at most (browsing), made up front. */
function listOf(rows: Row[]): RowList {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i]! + ROW_HEIGHT[rows[i]!.kind];
  let indexOf: Map<string, number> | null = null;
  return {
    count: rows.length,
    row: (i) => rows[i]!,
    offsets,
    indexOf(id) {
      // Built on first use: most lists are never asked.
      if (!indexOf) {
        indexOf = new Map();
        for (let i = 0; i < rows.length; i++) indexOf.set(rows[i]!.id, i);
      }
      return indexOf.get(id) ?? -1;
    },
  };
}

/** The first row whose bottom is below `top`: a binary search over the offsets. */
export function rowAt(offsets: Float64Array, rowCount: number, top: number): number {
  let low = 0;
  let high = rowCount - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! <= top) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

/** Every row of the list, made: for small lists and tests, never on a keystroke. */
export function allRows(list: RowList): Row[] {
  return Array.from({ length: list.count }, (_, i) => list.row(i));
}
