// @vitest-environment happy-dom
// Search results as rows made on demand: every row known by hand on a small agenda, and, on the seed,
// the same rows as making one object a hit would give.
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { NO_FILTERS } from '../../../lib/panel/filters';
import { narrowEntries } from '../../../lib/panel/entry-narrowing';
import { resultRows } from '../../../lib/panel/result-rows';
import { ROW_HEIGHT, allRows, sectionRow, type Row } from '../../../lib/panel/rows';
import {
  buildSearchIndex,
  filterAgenda,
  groupEntries,
  type FilteredView,
  type ResultsView,
  type SearchIndex,
} from '../../../lib/panel/search';
import { exactAgenda as agenda, exactMeeting as meeting, exactSection as section } from '../../support/agenda-builder';
import { parseSeed } from './helpers';

const small: Agenda = agenda([
  meeting({
    date: '2018-11-28',
    sections: [
      section('announcements', 'Announcements', [
        'token one',
        { text: 'token two', children: [{ text: 'token child' }] },
      ]),
      section('other', '', ['token untitled']),
      section('discussion', 'Discussion topics', ['no match here', 'token three']),
    ],
  }),
  meeting({ date: '2018-10-31', sections: [section('other', '', ['nothing'])] }),
  meeting({ date: '2018-10-17', sections: [section('demos', 'Demos', ['token demo'])] }),
]);

function results(index: SearchIndex, query: string): ResultsView {
  const view = filterAgenda(index, { ...NO_FILTERS, query });
  if (view.mode !== 'results') throw new Error('expected results');
  return view;
}

const summary = (row: Row): string => `${row.kind} ${row.id} L${row.level} ${row.pos}/${row.size}`;

describe('resultRows', () => {
  const index = buildSearchIndex(small);
  const keyOf = (text: string): string => index.items.find((item) => item.text === text)!.key;

  it('lists each meeting with hits, then its hits in runs under their section titles', () => {
    const list = resultRows(index, results(index, 'token'), () => true);
    expect(allRows(list).map(summary)).toEqual([
      'meeting 2018-11-28 L1 1/2',
      'section 2018-11-28::section-0 L2 1/2',
      `item ${keyOf('token one')} L3 1/3`,
      `item ${keyOf('token two')} L3 2/3`,
      `item ${keyOf('token child')} L3 3/3`,
      `item ${keyOf('token untitled')} L2 1/1`,
      'section 2018-11-28::section-4 L2 2/2',
      `item ${keyOf('token three')} L3 1/1`,
      'meeting 2018-10-17 L1 2/2',
      'section 2018-10-17::section-0 L2 1/1',
      `item ${keyOf('token demo')} L3 1/1`,
    ]);
    const first = list.row(0);
    expect(first.kind === 'meeting' && [first.expanded, first.hitCount]).toEqual([true, 5]);
    const demos = list.row(9);
    expect(demos.kind === 'section' && [demos.title, demos.sectionKind, demos.meetingKey]).toEqual([
      'Demos',
      'demos',
      '2018-10-17',
    ]);
    const demo = list.row(10);
    expect(demo.kind === 'item' && [demo.item.text, demo.meetingKey]).toEqual(['token demo', '2018-10-17']);
  });

  it('places rows by their fixed heights', () => {
    const list = resultRows(index, results(index, 'demo'), () => true);
    expect(list.count).toBe(3);
    expect([...list.offsets]).toEqual([
      0,
      ROW_HEIGHT.meeting,
      ROW_HEIGHT.meeting + ROW_HEIGHT.section,
      ROW_HEIGHT.meeting + ROW_HEIGHT.section + ROW_HEIGHT.item,
    ]);
  });

  it('shows a closed meeting alone, with its count of hits', () => {
    const list = resultRows(index, results(index, 'token'), (key) => key !== '2018-11-28');
    expect(allRows(list).map((row) => row.id)).toEqual([
      '2018-11-28',
      '2018-10-17',
      '2018-10-17::section-0',
      keyOf('token demo'),
    ]);
    const closed = list.row(0);
    expect(closed.kind === 'meeting' && [closed.expanded, closed.hitCount]).toEqual([false, 5]);
  });

  it('finds a row by its id, and answers -1 for one not listed', () => {
    const list = resultRows(index, results(index, 'token'), () => true);
    expect(list.indexOf('2018-10-17')).toBe(8);
    expect(list.indexOf('2018-11-28::section-4')).toBe(6);
    expect(list.indexOf(keyOf('token child'))).toBe(4);
    expect(list.indexOf(keyOf('token child'))).toBe(4);
    expect(list.indexOf(keyOf('no match here'))).toBe(-1);
    expect(list.indexOf('2018-10-31')).toBe(-1);
  });

  it('keeps a meeting a narrowing filter keeps without hits, as a meeting row with none', () => {
    const view = narrowEntries(
      index,
      results(index, 'token'),
      () => false,
      (m) => m === 2,
    );
    const list = resultRows(index, view, () => true);
    expect(allRows(list).map(summary)).toEqual(['meeting 2018-10-17 L1 1/1']);
    const only = list.row(0);
    expect(only.kind === 'meeting' && only.hitCount).toBe(0);
  });
});

/** The rows as they were made before: one object a hit, from the hits' entries. */
function rowsFromEntries(index: SearchIndex, view: FilteredView): Row[] {
  if (view.mode !== 'results') throw new Error('expected results');
  const rows: Row[] = [];
  view.groups.forEach((group, at) => {
    const meeting = index.agenda.meetings[group.meetingIndex]!;
    const hits = groupEntries(index, view, group);
    rows.push({
      kind: 'meeting',
      id: meeting.key,
      level: 1,
      meeting,
      expanded: true,
      hitCount: hits.length,
      pos: at + 1,
      size: view.groups.length,
    });
    const runs: { start: number; end: number; title: string }[] = [];
    for (let start = 0; start < hits.length; ) {
      let end = start;
      while (end < hits.length && hits[end]!.sectionTitle === hits[start]!.sectionTitle) end++;
      runs.push({ start, end, title: hits[start]!.sectionTitle });
      start = end;
    }
    const titled = runs.filter((run) => run.title).length;
    let sectionPos = 0;
    for (const { start, end, title } of runs) {
      if (title)
        rows.push(sectionRow(meeting.key, start, title, hits[start]!.sectionKind, { pos: ++sectionPos, size: titled }));
      for (let i = start; i < end; i++) {
        const item = hits[i]!.item;
        rows.push({
          kind: 'item',
          id: item.key,
          level: title ? 3 : 2,
          meetingKey: meeting.key,
          item,
          pos: i - start + 1,
          size: end - start,
        });
      }
    }
  });
  return rows;
}

describe('resultRows on the seed', () => {
  const seed = parseSeed();
  const index = buildSearchIndex(seed);

  it.each(['t', 'token', 'token request', 'audit', 'mikedanese', 'kubernetes', 'zzz'])(
    '%j: the rows one object a hit would give',
    (query) => {
      index.cache = null;
      const view = filterAgenda(index, { ...NO_FILTERS, query });
      const list = resultRows(index, view as ResultsView, () => true);
      const expected = rowsFromEntries(index, view);
      expect(list.count).toBe(expected.length);
      expect(allRows(list)).toEqual(expected);
      if (expected.length > 0)
        for (const at of [0, expected.length >> 1, expected.length - 1])
          expect(list.indexOf(expected[at]!.id)).toBe(at);
    },
  );
});
