// The panel's list as flat rows: meetings, their section titles and their items, in the order shown.
// The virtual list renders only the rows in view, so this is the one place that walks the whole agenda.
import type { Agenda, Item, Meeting, SectionKind } from '../agenda/model';
import type { FilteredView, SearchEntry } from './search';

/** `pos` of `size`: the row's place among its siblings, for screen readers ("3 of 26"). */
interface Place {
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

export interface RowList {
  rows: Row[];
  /** offsets[i] is the top of row i; offsets[rows.length] is the total height. */
  offsets: Float64Array;
  readonly indexOf: Map<string, number>;
}

export function buildRows(agenda: Agenda, view: FilteredView, isExpanded: (meetingKey: string) => boolean): RowList {
  const rows: Row[] = [];
  if (view.mode === 'browse') {
    const size = view.meetingIndexes.length;
    view.meetingIndexes.forEach((index, at) => {
      const meeting = agenda.meetings[index];
      if (meeting) pushMeeting(rows, meeting, isExpanded(meeting.key), { pos: at + 1, size });
    });
  } else {
    const size = view.groups.length;
    view.groups.forEach((group, at) => {
      const meeting = agenda.meetings[group.meetingIndex];
      if (!meeting) return;
      const expanded = isExpanded(meeting.key);
      rows.push({ kind: 'meeting', id: meeting.key, level: 1, meeting, expanded, hitCount: group.hits.length, pos: at + 1, size });
      if (expanded) pushHits(rows, meeting, group.hits);
    });
  }
  return withOffsets(rows);
}

function pushMeeting(rows: Row[], meeting: Meeting, expanded: boolean, place: Place): void {
  rows.push({ kind: 'meeting', id: meeting.key, level: 1, meeting, expanded, hitCount: null, pos: place.pos, size: place.size });
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

/** Search results: the hits of a meeting under their section titles, as one flat list a section. */
function pushHits(rows: Row[], meeting: Meeting, hits: SearchEntry[]): void {
  const runs: { start: number; end: number; title: string }[] = [];
  for (let start = 0; start < hits.length; ) {
    const title = hits[start]!.sectionTitle;
    let end = start;
    while (end < hits.length && hits[end]!.sectionTitle === title) end++;
    runs.push({ start, end, title });
    start = end;
  }
  const titled = runs.filter((run) => run.title).length;
  let sectionPos = 0;
  for (const { start, end, title } of runs) {
    if (title) rows.push(sectionRow(meeting.key, start, title, hits[start]!.sectionKind, { pos: ++sectionPos, size: titled }));
    // A broad query has tens of thousands of hits: one plain literal each, no spread (this runs per keystroke).
    const level = title ? 3 : 2;
    const size = end - start;
    for (let i = start; i < end; i++) {
      const item = hits[i]!.item;
      rows.push({ kind: 'item', id: item.key, level, meetingKey: meeting.key, item, pos: i - start + 1, size });
    }
  }
}

function sectionRow(meetingKey: string, index: number, title: string, sectionKind: SectionKind, place: Place): Row {
  return { kind: 'section', id: `${meetingKey}::section-${index}`, level: 2, meetingKey, title, sectionKind, pos: place.pos, size: place.size };
}

function withOffsets(rows: Row[]): RowList {
  const offsets = new Float64Array(rows.length + 1);
  const { meeting, section, item } = ROW_HEIGHT;
  let top = 0;
  for (let i = 0; i < rows.length; i++) {
    const kind = rows[i]!.kind;
    top += kind === 'item' ? item : kind === 'meeting' ? meeting : section;
    offsets[i + 1] = top;
  }
  let indexOf: Map<string, number> | null = null;
  return {
    rows,
    offsets,
    // Built on first use: a keystroke that only re-filters should not pay for a map of every row.
    get indexOf() {
      if (!indexOf) {
        indexOf = new Map();
        for (let i = 0; i < rows.length; i++) indexOf.set(rows[i]!.id, i);
      }
      return indexOf;
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
