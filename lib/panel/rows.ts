// The panel's list as flat rows: meetings, their section titles and their items, in the order shown.
// The virtual list renders only the rows in view, so this is the one place that walks the whole agenda.
import type { Agenda, Item, Meeting, SectionKind } from '../agenda/model';
import type { FilteredView, SearchEntry } from './search';

export type Row =
  | { kind: 'meeting'; id: string; level: 1; meeting: Meeting; expanded: boolean; hitCount: number | null }
  | { kind: 'section'; id: string; level: 2; meetingKey: string; title: string; sectionKind: SectionKind }
  | { kind: 'item'; id: string; level: number; meetingKey: string; item: Item };

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
    for (const index of view.meetingIndexes) {
      const meeting = agenda.meetings[index];
      if (meeting) pushMeeting(rows, meeting, isExpanded(meeting.key), null);
    }
  } else {
    for (const group of view.groups) {
      const meeting = agenda.meetings[group.meetingIndex];
      if (!meeting) continue;
      const expanded = isExpanded(meeting.key);
      rows.push({ kind: 'meeting', id: meeting.key, level: 1, meeting, expanded, hitCount: group.hits.length });
      if (expanded) pushHits(rows, meeting, group.hits);
    }
  }
  return withOffsets(rows);
}

function pushMeeting(rows: Row[], meeting: Meeting, expanded: boolean, hitCount: number | null): void {
  rows.push({ kind: 'meeting', id: meeting.key, level: 1, meeting, expanded, hitCount });
  if (!expanded) return;
  meeting.sections.forEach((section, index) => {
    if (section.title) {
      rows.push(sectionRow(meeting.key, index, section.title, section.kind));
    }
    const itemLevel = section.title ? 3 : 2;
    // Depth-first without recursion: agendas nest lists arbitrarily deep.
    const stack: { item: Item; level: number }[] = section.items.map((item) => ({ item, level: itemLevel })).reverse();
    while (stack.length > 0) {
      const { item, level } = stack.pop()!;
      rows.push({ kind: 'item', id: item.key, level, meetingKey: meeting.key, item });
      for (let i = item.children.length - 1; i >= 0; i--) stack.push({ item: item.children[i]!, level: level + 1 });
    }
  });
}

function pushHits(rows: Row[], meeting: Meeting, hits: SearchEntry[]): void {
  let lastSection = '';
  hits.forEach((hit, index) => {
    if (hit.sectionTitle && hit.sectionTitle !== lastSection) {
      rows.push(sectionRow(meeting.key, index, hit.sectionTitle, hit.sectionKind));
    }
    lastSection = hit.sectionTitle;
    rows.push({ kind: 'item', id: hit.item.key, level: 3 + Math.min(hit.depth, 3), meetingKey: meeting.key, item: hit.item });
  });
}

function sectionRow(meetingKey: string, index: number, title: string, sectionKind: SectionKind): Row {
  return { kind: 'section', id: `${meetingKey}::section-${index}`, level: 2, meetingKey, title, sectionKind };
}

function withOffsets(rows: Row[]): RowList {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i]! + ROW_HEIGHT[rows[i]!.kind];
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
