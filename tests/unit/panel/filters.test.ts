// Filters: whether any is active, their chips, and clearing them one by one.
import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  SECTION_KIND_LABELS,
  clearFilter,
  filterChips,
  isFiltering,
  type Filters,
} from '../../../lib/panel/filters';

const ALL: Filters = {
  query: ' token ',
  kinds: ['pulls', 'discussion'],
  person: 'liggitt',
  from: '2018-03',
  to: '2018-06',
  hideCanceled: true,
  hasRecording: true,
};

describe('isFiltering', () => {
  it.each<[string, Partial<Filters>, boolean]>([
    ['no filters', {}, false],
    ['a blank query', { query: '   ' }, false],
    ['a query', { query: 'token' }, true],
    ['a query of punctuation only', { query: '#' }, true],
    ['a kind', { kinds: ['pulls'] }, true],
    ['a person', { person: 'liggitt' }, true],
    ['a start month', { from: '2018-03' }, true],
    ['an end month', { to: '2018-06' }, true],
    ['hiding canceled', { hideCanceled: true }, true],
    ['with recording', { hasRecording: true }, true],
  ])('%s → %s', (_, filters, expected) => {
    expect(isFiltering({ ...NO_FILTERS, ...filters })).toBe(expected);
  });

  it('NO_FILTERS cannot be changed by accident', () => {
    expect(Object.isFrozen(NO_FILTERS)).toBe(true);
    expect(Object.isFrozen(NO_FILTERS.kinds)).toBe(true);
  });
});

describe('filterChips', () => {
  it('shows every active filter, in a fixed order', () => {
    expect(filterChips(ALL)).toEqual([
      { id: 'query', label: '“token”' },
      { id: 'kind:pulls', label: 'Section: Pulls of note' },
      { id: 'kind:discussion', label: 'Section: Discussion topics' },
      { id: 'person', label: 'Person: liggitt' },
      { id: 'range', label: '2018-03 – 2018-06' },
      { id: 'hideCanceled', label: 'Hiding canceled' },
      { id: 'hasRecording', label: 'With recording' },
    ]);
  });

  it.each<[string, Partial<Filters>, { id: string; label: string }[]]>([
    ['none', {}, []],
    ['a blank query', { query: ' ' }, []],
    ['from only', { from: '2018-03' }, [{ id: 'range', label: 'From 2018-03' }]],
    ['to only', { to: '2018-06' }, [{ id: 'range', label: 'Until 2018-06' }]],
    ['one month', { from: '2018-03', to: '2018-03' }, [{ id: 'range', label: '2018-03' }]],
    ['needs review', { kinds: ['needs-review'] }, [{ id: 'kind:needs-review', label: 'Section: Needs review' }]],
  ])('%s', (_, filters, chips) => {
    expect(filterChips({ ...NO_FILTERS, ...filters })).toEqual(chips);
  });

  it('labels every section kind', () => {
    expect(SECTION_KIND_LABELS).toEqual({
      pulls: 'Pulls of note',
      designs: 'Designs of note',
      discussion: 'Discussion topics',
      'action-items': 'Action items',
      'needs-review': 'Needs review',
      announcements: 'Announcements',
      demos: 'Demos',
      other: 'Other',
    });
  });
});

describe('clearFilter', () => {
  it.each<[string, Partial<Filters>]>([
    ['query', { query: '' }],
    ['kind:pulls', { kinds: ['discussion'] }],
    ['kind:discussion', { kinds: ['pulls'] }],
    ['person', { person: null }],
    ['range', { from: null, to: null }],
    ['hideCanceled', { hideCanceled: false }],
    ['hasRecording', { hasRecording: false }],
  ])('%s clears that filter and no other', (id, changed) => {
    const cleared = clearFilter(ALL, id);
    expect(cleared).toEqual({ ...ALL, ...changed });
    expect(filterChips(cleared).map((c) => c.id)).not.toContain(id);
    expect(filterChips(cleared)).toHaveLength(filterChips(ALL).length - 1);
    expect(ALL.kinds).toEqual(['pulls', 'discussion']); // not mutated
  });

  it('clearing every chip in turn leaves no filter', () => {
    let f = ALL;
    for (const chip of filterChips(ALL)) f = clearFilter(f, chip.id);
    expect(isFiltering(f)).toBe(false);
    expect(filterChips(f)).toEqual([]);
  });

  it.each(['nonsense', 'kind:demos', 'kind:', ''])('an unknown chip id %j changes nothing', (id) => {
    expect(clearFilter(ALL, id)).toBe(ALL);
  });
});
