// @vitest-environment happy-dom
// Not a timed test: it prints how long the search takes on a synthetic 80,000-item agenda (the seed's
// meetings repeated with fresh numbers and handles) and asserts only the answers, never the times.
// Budgets, in Chromium: buildSearchIndex ≤ 60 ms, filterAgenda ≤ 8 ms for a typical query.
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../../lib/panel/filters';
import { buildSearchIndex, filterAgenda, type FilteredView } from '../../../lib/panel/search';
import { parseSeed } from './helpers';
import { syntheticAgenda } from './synthetic';

const ITEMS = 80_000;
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

function hitCount(view: FilteredView): number {
  return view.mode === 'results' ? view.hitCount : -1;
}

describe(`search on ${ITEMS.toLocaleString('en')} items`, () => {
  it('prints build and filter times, and answers the same incrementally as afresh', () => {
    const agenda = syntheticAgenda(parseSeed(), ITEMS);
    const items = agenda.meetings.reduce((sum, m) => sum + m.itemCount, 0);
    expect(items).toBeGreaterThanOrEqual(ITEMS);

    const build: number[] = [];
    const fresh: number[] = [];
    const keystroke: number[] = [];
    const query: Filters = { ...NO_FILTERS, query: 'token request' };
    let hits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const [index, built] = timed(() => buildSearchIndex(agenda));
      build.push(built);
      const [view, filtered] = timed(() => filterAgenda(index, query));
      fresh.push(filtered);
      hits = hitCount(view);
      // Typing 'token request' letter by letter: each step narrows the previous hits.
      const typed = 'token request';
      for (let n = 1; n <= typed.length; n++) {
        const [, step] = timed(() => filterAgenda(index, { ...NO_FILTERS, query: typed.slice(0, n) }));
        keystroke.push(step);
      }
      expect(hitCount(filterAgenda(index, query))).toBe(hits);
    }
    expect(hits).toBeGreaterThan(0);
    console.log(
      `[panel search, ${items} items] buildSearchIndex median ${median(build).toFixed(1)} ms ` +
        `(min ${Math.min(...build).toFixed(1)}); filterAgenda "token request" from scratch median ` +
        `${median(fresh).toFixed(1)} ms (min ${Math.min(...fresh).toFixed(1)}), ${hits} hits; ` +
        `per keystroke while typing it median ${median(keystroke).toFixed(1)} ms`,
    );
  }, 120_000);
});
