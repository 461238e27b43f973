// Search results as rows: each meeting with hits and, unless the reader closed it, its hits in runs under
// their section titles. A broad query makes 100,000 rows on every keystroke, so the list keeps a few
// numbers a row in typed arrays and makes a row object only when asked: the virtual list asks for the
// rows in view.
import type { Meeting } from '../agenda/model';
import { ROW_HEIGHT, sectionRow, type Row, type RowList } from './rows';
import type { ResultsView, SearchIndex } from './search';

const MEETING = 0;
const SECTION = 1;
const ITEM = 2;

export function resultRows(
  index: SearchIndex,
  view: ResultsView,
  isExpanded: (meetingKey: string) => boolean,
): RowList {
  const { agenda, items, meetingOf, sectionOf, sections, titleOf, titles } = index;
  const { hits, groups } = view;
  /** Hits in a row with the same section title make one run, under that title unless it is empty. */
  const titleAt = (at: number): string => titles[titleOf[hits[at]!]!]!;

  // First count the rows, so that each column is allocated once at its size.
  const open = new Uint8Array(groups.length);
  let count = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const meeting = agenda.meetings[group.meetingIndex];
    if (!meeting) continue;
    count++;
    if (!isExpanded(meeting.key)) continue;
    open[g] = 1;
    count += group.to - group.from + titledRuns(group.from, group.to);
  }
  function titledRuns(from: number, to: number): number {
    let runs = 0;
    let title = -1;
    for (let at = from; at < to; at++) {
      const next = titleOf[hits[at]!]!;
      if (next !== title && titles[next] !== '') runs++;
      title = next;
    }
    return runs;
  }

  const kindOf = new Uint8Array(count);
  /** A meeting row's group; a section or item row's place in `hits` (a section row's: its run's first hit). */
  const atOf = new Int32Array(count);
  const posOf = new Int32Array(count);
  const sizeOf = new Int32Array(count);
  const offsets = new Float64Array(count + 1);
  let row = 0;
  let top = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    if (!agenda.meetings[group.meetingIndex]) continue;
    kindOf[row] = MEETING;
    atOf[row] = g;
    posOf[row] = g + 1;
    sizeOf[row] = groups.length;
    offsets[++row] = top += ROW_HEIGHT.meeting;
    if (open[g] === 0) continue;
    const titled = titledRuns(group.from, group.to);
    let sectionPos = 0;
    for (let start = group.from; start < group.to; ) {
      const title = titleOf[hits[start]!]!;
      let end = start + 1;
      while (end < group.to && titleOf[hits[end]!]! === title) end++;
      if (titles[title] !== '') {
        kindOf[row] = SECTION;
        atOf[row] = start;
        posOf[row] = ++sectionPos;
        sizeOf[row] = titled;
        offsets[++row] = top += ROW_HEIGHT.section;
      }
      for (let at = start; at < end; at++) {
        kindOf[row] = ITEM;
        atOf[row] = at;
        posOf[row] = at - start + 1;
        sizeOf[row] = end - start;
        offsets[++row] = top += ROW_HEIGHT.item;
      }
      start = end;
    }
  }

  const meetingAt = (at: number): Meeting => agenda.meetings[meetingOf[hits[at]!]!]!;
  /** The group holding hit number `at`: groups are in the order of their hits. */
  const groupAt = (at: number): number => {
    let low = 0;
    let high = groups.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (groups[mid]!.from <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  const makeRow = (i: number): Row => {
    const at = atOf[i]!;
    const place = { pos: posOf[i]!, size: sizeOf[i]! };
    if (kindOf[i] === MEETING) {
      const group = groups[at]!;
      const meeting = agenda.meetings[group.meetingIndex]!;
      return {
        kind: 'meeting',
        id: meeting.key,
        level: 1,
        meeting,
        expanded: open[at] === 1,
        hitCount: group.to - group.from,
        ...place,
      };
    }
    const meetingKey = meetingAt(at).key;
    if (kindOf[i] === SECTION) {
      const section = sections[sectionOf[hits[at]!]!]!;
      return sectionRow(meetingKey, at - groups[groupAt(at)]!.from, section.title, section.kind, place);
    }
    const item = items[hits[at]!]!;
    return { kind: 'item', id: item.key, level: titleAt(at) ? 3 : 2, meetingKey, item, ...place };
  };

  /** Whether row `i` has this id, without making the row unless it is a section's. */
  const hasId = (i: number, id: string): boolean => {
    const at = atOf[i]!;
    if (kindOf[i] === ITEM) return items[hits[at]!]!.key === id;
    if (kindOf[i] === MEETING) return agenda.meetings[groups[at]!.meetingIndex]!.key === id;
    return id.includes('::section-') && makeRow(i).id === id;
  };
  let asked: { id: string; at: number } | null = null;

  return {
    count,
    row: makeRow,
    offsets,
    indexOf(id) {
      // A walk over the columns, no map: the list changes on every keystroke and is rarely asked.
      if (asked?.id === id) return asked.at;
      let found = -1;
      for (let i = 0; i < count; i++) {
        if (hasId(i, id)) {
          found = i;
          break;
        }
      }
      asked = { id, at: found };
      return found;
    },
  };
}
