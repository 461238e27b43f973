// The search index is built for searching only: browsing a long agenda, and every part of it that arrives, must
// not pay for one (the panel's first rows wait on whatever runs before them).
import { describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import type { Agenda, Meeting } from '../../../lib/agenda/model';
import { createIndexState } from '../../../lib/panel/index-state';
import { allRows } from '../../../lib/panel/rows';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/panel/search', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/panel/search')>();
  return {
    ...real,
    buildSearchIndex: (agenda: Agenda) => {
      built.count++;
      return real.buildSearchIndex(agenda);
    },
  };
});

function meeting(date: string): Meeting {
  const item = {
    key: `${date}/d/1`,
    text: 'TokenRequest rollout',
    links: [],
    refs: [],
    people: [],
    struck: false,
    children: [],
  };
  return {
    key: date,
    date,
    title: date,
    canceled: false,
    recording: null,
    anchor: {},
    itemCount: 1,
    sections: [{ kind: 'discussion', title: 'Discussion topics', items: [item] }],
  };
}

function agendaOf(dates: string[]): Agenda {
  return {
    id: 'doc',
    title: 'Doc',
    url: 'http://127.0.0.1/doc',
    source: 'generic',
    problems: [],
    meetings: dates.map(meeting),
  };
}

describe('the search index', () => {
  it('is not built while the reader browses, however often the agenda grows', () => {
    built.count = 0;
    const agenda = signal<Agenda | null>(agendaOf(['2018-01-03']));
    const index = createIndexState(agenda, {
      reports: signal(new Map()),
      marks: signal({ notes: new Set(), followed: new Set(), fresh: new Set() }),
    });
    // What the index's list reads to draw its rows and their highlighted words.
    expect(allRows(index.rowList.value!).filter((row) => row.kind === 'meeting')).toHaveLength(
      agenda.value!.meetings.length,
    );
    expect(index.words.value).toEqual([]);
    agenda.value = agendaOf(['2018-01-10', '2018-01-03']);
    expect(allRows(index.rowList.value!).filter((row) => row.kind === 'meeting')).toHaveLength(
      agenda.value!.meetings.length,
    );
    expect(index.words.value).toEqual([]);
    expect(built.count).toBe(0);
  });

  it('is built once a query searches the items, and its results shown', () => {
    built.count = 0;
    const agenda = signal<Agenda | null>(agendaOf(['2018-01-10', '2018-01-03']));
    const index = createIndexState(agenda);
    index.updateFilters({ query: 'tokenrequest' });
    expect(allRows(index.rowList.value!).filter((row) => row.kind === 'meeting')).toHaveLength(2);
    expect(index.words.value).toEqual(['tokenrequest']);
    expect(built.count).toBe(1);
  });
});
