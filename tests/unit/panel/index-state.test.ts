// The index's derived views: rows for browsing and for results, expansion, keyboard moves, remembered filters.
import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import type { Agenda, Item, Meeting } from '../../../lib/agenda/model';
import { createIndexState } from '../../../lib/panel/index-state';
import { ROW_HEIGHT, allRows, rowAt } from '../../../lib/panel/rows';

function item(key: string, text: string, children: Item[] = [], people: string[] = []): Item {
  return { key, text, links: [], refs: [], people, struck: false, children };
}

function meeting(date: string, canceled = false): Meeting {
  return {
    key: date,
    date,
    title: `${date}, 11a - Noon (Pacific Time)`,
    time: '11a - Noon (Pacific Time)',
    canceled,
    recording: null,
    anchor: {},
    itemCount: 3,
    sections: [
      {
        kind: 'discussion',
        title: 'Discussion topics',
        items: [
          item(`${date}/d/1`, 'TokenRequest rollout', [item(`${date}/d/2`, 'Kubelet side')], ['mikedanese']),
          item(`${date}/d/3`, 'CSR API'),
        ],
      },
    ],
  };
}

const AGENDA: Agenda = {
  id: 'doc',
  title: 'Doc',
  url: 'http://127.0.0.1/doc',
  source: 'generic',
  problems: [],
  meetings: [meeting('2018-03-21'), meeting('2018-03-07', true), meeting('2018-02-21')],
};

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (key: string) => this.data.get(key) ?? null;
  setItem = (key: string, value: string) => void this.data.set(key, value);
  removeItem = (key: string) => void this.data.delete(key);
}

function setup(storage = new MemoryStorage()) {
  const agenda = signal<Agenda | null>(AGENDA);
  const index = createIndexState(agenda, { storage, today: () => '2018-03-01' });
  index.useAgenda(AGENDA.id);
  return { agenda, index, storage };
}

const ids = (index: ReturnType<typeof setup>['index']) => allRows(index.rowList.value!).map((row) => row.id);

describe('index state', () => {
  it('lists meetings collapsed, and an opened meeting shows its section and item tree', () => {
    const { index } = setup();
    expect(ids(index)).toEqual(['2018-03-21', '2018-03-07', '2018-02-21']);
    index.toggle('2018-03-07');
    expect(ids(index)).toEqual([
      '2018-03-21',
      '2018-03-07',
      '2018-03-07::section-0',
      '2018-03-07/d/1',
      '2018-03-07/d/2',
      '2018-03-07/d/3',
      '2018-02-21',
    ]);
    const levels = allRows(index.rowList.value!).map((row) => row.level);
    expect(levels).toEqual([1, 1, 2, 3, 4, 3, 1]);
    // Each row's place among its siblings, which a screen reader cannot count in a virtual list.
    const places = allRows(index.rowList.value!).map((row) => `${row.pos}/${row.size}`);
    expect(places).toEqual(['1/3', '2/3', '1/1', '1/2', '1/1', '2/2', '3/3']);
  });

  it('moves the selection up to the meeting when a collapse hides it', () => {
    const { index } = setup();
    index.toggle('2018-03-07');
    index.activate('2018-03-07/d/2');
    index.toggle('2018-03-07');
    expect(index.activeId.value).toBe('2018-03-07');
    index.activate('2018-03-21');
    index.toggle('2018-02-21');
    index.toggle('2018-02-21');
    expect(index.activeId.value).toBe('2018-03-21');
  });

  it('places rows by their fixed heights', () => {
    const { index } = setup();
    index.toggle('2018-03-21');
    const list = index.rowList.value!;
    expect(list.offsets[1]).toBe(ROW_HEIGHT.meeting);
    expect(list.offsets[2]).toBe(ROW_HEIGHT.meeting + ROW_HEIGHT.section);
    expect(rowAt(list.offsets, list.count, 0)).toBe(0);
    expect(rowAt(list.offsets, list.count, ROW_HEIGHT.meeting + 1)).toBe(1);
    expect(rowAt(list.offsets, list.count, 1e9)).toBe(list.count - 1);
  });

  it('shows only matching items under their meetings while searching, open unless closed', () => {
    const { index } = setup();
    index.updateFilters({ query: 'kubelet' });
    expect(ids(index)).toEqual([
      '2018-03-21',
      '2018-03-21::section-0',
      '2018-03-21/d/2',
      '2018-03-07',
      '2018-03-07::section-0',
      '2018-03-07/d/2',
      '2018-02-21',
      '2018-02-21::section-0',
      '2018-02-21/d/2',
    ]);
    index.toggle('2018-03-07');
    expect(ids(index)).toContain('2018-03-07');
    expect(ids(index)).not.toContain('2018-03-07/d/2');
    expect(index.resultCount.value).toBe(3);
  });

  it('moves the active row with the keyboard, stopping at the ends', () => {
    const { index } = setup();
    index.move(1);
    expect(index.activeId.value).toBe('2018-03-21');
    index.move(5);
    expect(index.activeId.value).toBe('2018-02-21');
    index.move(-Infinity);
    expect(index.activeId.value).toBe('2018-03-21');
    index.move(Infinity);
    expect(index.activeRow()?.id).toBe('2018-02-21');
  });

  it('keeps expansion and selection when the agenda is re-read with a new item', () => {
    const { agenda, index } = setup();
    index.toggle('2018-02-21');
    index.activate('2018-02-21/d/3');
    const edited = structuredClone(AGENDA);
    edited.meetings[2]!.sections[0]!.items.push(item('2018-02-21/d/4', 'A new topic'));
    agenda.value = edited;
    expect(ids(index)).toContain('2018-02-21/d/4');
    expect(index.activeRow()?.id).toBe('2018-02-21/d/3');
  });

  it('remembers filters per agenda and brings them back', () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    first.index.updateFilters({ hideCanceled: true });
    expect(ids(first.index)).toEqual(['2018-03-21', '2018-02-21']);
    expect(storage.data.size).toBe(0); // saved once idle, not on the change
    first.index.flushFilters(); // as the panel does when it goes away
    const second = setup(storage);
    expect(second.index.filters.value.hideCanceled).toBe(true);
    second.index.useAgenda('another-doc');
    expect(second.index.filters.value.hideCanceled).toBe(false);
  });

  it('pins the next meeting that is not canceled', () => {
    // Today is 2018-03-01: 2018-03-07 is canceled, so the next is 2018-03-21, shown in the reader's time.
    const { index } = setup();
    expect(index.upcoming.value?.meeting.key).toBe('2018-03-21');
    expect(index.upcoming.value?.time?.original).toBe('11a - Noon (Pacific Time)');
    const later = createIndexState(signal<Agenda | null>(AGENDA), { today: () => '2019-01-01' });
    expect(later.upcoming.value).toBeNull();
  });
});
