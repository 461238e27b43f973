// @vitest-environment happy-dom
// The typo-tolerant fallback: distances known by hand, and over the seed, the items its corrected query finds.
import { describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import type { Agenda } from '../../../lib/agenda/model';
import { NO_FILTERS } from '../../../lib/panel/filters';
import {
  allowedEdits,
  approximateSearch,
  prefixDistance,
  readingsOf,
  vocabularyOf,
} from '../../../lib/panel/approximate-search';
import { createIndexState } from '../../../lib/panel/index-state';
import { buildSearchIndex, filterAgenda, type FilteredView } from '../../../lib/panel/search';
import { exactAgenda as agenda, exactMeeting as meeting, exactSection as section } from '../../support/agenda-builder';
import { parseSeed } from './helpers';

const seed = parseSeed();

function hitsOf(view: FilteredView | undefined): number[] {
  return view?.mode === 'results' ? [...view.hits] : [];
}

describe('prefixDistance', () => {
  it('counts the edits to the closest start of the word', () => {
    expect(prefixDistance('certficate', 'certificate', 2)).toBe(1); // a letter left out
    expect(prefixDistance('kubelte', 'kubelet', 1)).toBe(1); // two neighbours swapped
    expect(prefixDistance('tokenreqest', 'tokenrequests', 2)).toBe(1); // a start of a longer word
    expect(prefixDistance('token', 'token', 1)).toBe(0);
    expect(prefixDistance('rbac', 'rback', 1)).toBe(0);
    expect(prefixDistance('webhook', 'network', 2)).toBe(3); // over the limit: limit + 1
    expect(prefixDistance('certificate', 'cert', 2)).toBe(3); // a word too short to be read as it
  });

  it('allows no edit in short words, one in middling ones, two in long ones', () => {
    expect(['rbac', 'csr', 'token', 'kubelet', 'certficate'].map(allowedEdits)).toEqual([1, 0, 1, 1, 2]);
  });
});

describe('over the SIG Auth 2018 agenda', () => {
  const index = buildSearchIndex(seed);

  it('reads a misspelt word as the agenda word it is closest to', () => {
    expect(readingsOf('certficate', vocabularyOf(index))).toEqual([['certificate']]);
  });

  it('finds for "kubelet certficate" what "kubelet certificate" finds, and says how it read it', () => {
    const exact = filterAgenda(index, { ...NO_FILTERS, query: 'kubelet certificate' });
    expect(hitsOf(exact).length).toBeGreaterThan(0);
    expect(hitsOf(filterAgenda(index, { ...NO_FILTERS, query: 'kubelet certficate' }))).toEqual([]);
    const near = approximateSearch(index, { ...NO_FILTERS, query: 'kubelet certficate' });
    expect(hitsOf(near?.view)).toEqual(hitsOf(exact));
    expect(near?.readings).toEqual([
      { typed: 'kubelet', closest: ['kubelet'] },
      { typed: 'certficate', closest: ['certificate'] },
    ]);
  });

  it('finds TokenRequest for "tokenreqest"', () => {
    const near = approximateSearch(index, { ...NO_FILTERS, query: 'tokenreqest' });
    const texts = hitsOf(near?.view).map((i) => index.items[i]!.text);
    expect(texts.length).toBe(hitsOf(filterAgenda(index, { ...NO_FILTERS, query: 'tokenrequest' })).length);
    expect(texts.every((text) => /tokenrequest/i.test(text))).toBe(true);
  });

  it('keeps the other filters: only the meetings of the month range', () => {
    const near = approximateSearch(index, { ...NO_FILTERS, query: 'tokenreqest', from: '2018-01', to: '2018-01' });
    const months = hitsOf(near?.view).map((i) => seed.meetings[index.meetingOf[i]!]!.date.slice(0, 7));
    expect(months.length).toBeGreaterThan(0);
    expect(new Set(months)).toEqual(new Set(['2018-01']));
  });

  it('offers nothing when nothing is near', () => {
    expect(approximateSearch(index, { ...NO_FILTERS, query: 'zyxwvut' })).toBeNull();
    expect(approximateSearch(index, { ...NO_FILTERS, query: 'qz' })).toBeNull();
  });
});

describe('two words run together', () => {
  const written: Agenda = agenda([
    meeting({
      date: '2019-03-06',
      sections: [section('discussion', 'Discussion topics', ['Token request for kubelets', 'CSR API review'])],
    }),
  ]);

  it('reads "tokenrequest" as "token request" when the agenda writes it apart', () => {
    const index = buildSearchIndex(written);
    const near = approximateSearch(index, { ...NO_FILTERS, query: 'tokenrequest' });
    expect(hitsOf(near?.view).map((i) => index.items[i]!.text)).toEqual(['Token request for kubelets']);
    expect(near?.readings).toEqual([{ typed: 'tokenrequest', closest: ['token request'] }]);
  });
});

describe('in the index state', () => {
  it('runs only when the search as typed finds nothing, and marks the words it read', () => {
    const state = createIndexState(signal<Agenda | null>(seed));
    state.setFilters({ ...NO_FILTERS, query: 'certificate' });
    expect(state.approximate.value).toBeNull();
    const exactCount = state.resultCount.value;
    expect(exactCount).toBeGreaterThan(0);

    state.setFilters({ ...NO_FILTERS, query: 'certficate' });
    expect(state.approximate.value).toEqual([{ typed: 'certficate', closest: ['certificate'] }]);
    expect(state.resultCount.value).toBe(exactCount);
    expect(state.words.value).toEqual(['certificate']);

    state.setFilters({ ...NO_FILTERS, query: 'zyxwvut' });
    expect(state.approximate.value).toBeNull();
    expect(state.resultCount.value).toBe(0);
  });
});
