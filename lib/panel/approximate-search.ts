// When a search finds nothing: the closest words the agenda does hold, for a typo ("kubelet certficate") or
// two words run together ("tokenreqest"). Each query word is compared with the agenda's distinct words (built
// once per agenda version, only when first needed) by a bounded edit distance, so one pass over the vocabulary
// per word; the search itself is then the exact one, run with the words found.
import type { Filters } from './filters';
import { filterAgenda, groupByMeeting, queryWords, type ResultsView, type SearchIndex } from './search';

/** A query word and what it was read as: each reading one agenda word, or two (`token request`). */
export interface Reading {
  typed: string;
  closest: string[];
}

export interface ApproximateResults {
  view: ResultsView;
  /** The query words as read, for the panel to say so and to mark them. */
  readings: Reading[];
}

/** How many letters may differ: none under four letters (too many short words are close), then one, then two. */
export function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

/** At most this many readings of each word, and of the whole query, are searched. */
const READINGS_PER_WORD = 3;
const QUERIES = 9;

interface Vocabulary {
  words: string[];
  /** How often each word occurs: a common word is the likelier reading. */
  counts: number[];
  known: Set<string>;
}

const vocabularies = new WeakMap<SearchIndex, Vocabulary>();

const WORDS = /[a-z0-9\u0080-\uffff]+/g;

/** Every distinct word of the agenda's items, their people and refs, and its section and meeting titles. */
export function vocabularyOf(index: SearchIndex): Vocabulary {
  const cached = vocabularies.get(index);
  if (cached) return cached;
  const counts = new Map<string, number>();
  const add = (haystack: string | undefined): void => {
    if (!haystack) return;
    for (const [word] of haystack.matchAll(WORDS)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  index.haystacks.forEach(add);
  index.extras.forEach(add);
  index.titleHaystacks.forEach(add);
  index.meetingHaystacks.forEach(add);
  const vocabulary = { words: [...counts.keys()], counts: [...counts.values()], known: new Set(counts.keys()) };
  vocabularies.set(index, vocabulary);
  return vocabulary;
}

/**
 * The edit distance (insertions, deletions, substitutions, and two neighbours swapped) between `typed` and the
 * closest start of `word`, since search matches the starts of words; more than `limit` when it is over the limit.
 */
export function prefixDistance(typed: string, word: string, limit: number): number {
  const n = typed.length;
  const m = Math.min(word.length, n + limit);
  if (m < n - limit) return limit + 1;
  // Three rows of the table: the row before last is needed for a swap.
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = typed.charCodeAt(i - 1) === word.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  // `previous` is the last row: the best start of `word` to stop at.
  let best = limit + 1;
  for (let j = Math.max(0, n - limit); j <= m; j++) best = Math.min(best, previous[j]!);
  return best;
}

/** The likeliest readings of one query word: the agenda's closest words, or two of its words run together. */
export function readingsOf(typed: string, vocabulary: Vocabulary): string[][] {
  const limit = allowedEdits(typed);
  const found: { words: string[]; distance: number; count: number }[] = [];
  if (limit > 0) {
    vocabulary.words.forEach((word, i) => {
      if (word.length < typed.length - limit) return;
      const distance = prefixDistance(typed, word, limit);
      if (distance <= limit) found.push({ words: [word], distance, count: vocabulary.counts[i]! });
    });
  }
  // "tokenrequest" for "token request": split where both halves are words of the agenda (or close to one).
  for (let at = 3; at <= typed.length - 3; at++) {
    const left = typed.slice(0, at);
    const right = typed.slice(at);
    if (!vocabulary.known.has(left)) continue;
    const rights = vocabulary.known.has(right) ? [right] : (readingsOf(right, vocabulary)[0] ?? []);
    if (rights.length === 1) found.push({ words: [left, rights[0]!], distance: right === rights[0] ? 1 : 2, count: 0 });
  }
  found.sort(
    (a, b) => a.distance - b.distance || b.count - a.count || a.words.join(' ').localeCompare(b.words.join(' ')),
  );
  const best = found[0]?.distance;
  const closest = found.filter((f) => f.distance === best).map((f) => f.words);
  // Search matches starts of words: "certificate" finds "certificates" too, so the longer one adds nothing.
  const phrase = (words: string[]): string => words.join(' ');
  const needed = closest.filter(
    (words) =>
      !closest.some(
        (other) => other !== words && phrase(words).startsWith(phrase(other)) && phrase(words) !== phrase(other),
      ),
  );
  return needed.slice(0, READINGS_PER_WORD);
}

/**
 * The items matching the closest readings of the query, or null when there is none (a query of short words, or
 * nothing near). Meant for when the exact search found nothing; the other filters apply as they are.
 */
export function approximateSearch(index: SearchIndex, filters: Filters): ApproximateResults | null {
  const typed = queryWords(filters.query);
  if (typed.length === 0) return null;
  const vocabulary = vocabularyOf(index);
  // Words the agenda holds are kept as typed; only the others are read as something else.
  const perWord = typed.map((word) => (vocabulary.known.has(word) ? [[word]] : readingsOf(word, vocabulary)));
  if (perWord.some((readings) => readings.length === 0)) return null;
  let queries: string[][] = [[]];
  for (const readings of perWord) {
    queries = queries.flatMap((query) => readings.map((reading) => [...query, ...reading])).slice(0, QUERIES);
  }
  // The exact search, once a reading; its answer cache is the typed query's, so put it back after.
  const cache = index.cache;
  const hits = new Set<number>();
  for (const words of queries) {
    const view = filterAgenda(index, { ...filters, query: words.join(' ') });
    if (view.mode === 'results') for (const hit of view.hits) hits.add(hit);
  }
  index.cache = cache;
  if (hits.size === 0) return null;
  const sorted = Int32Array.from(hits).sort();
  return {
    view: groupByMeeting(index, sorted),
    readings: typed.map((word, i) => ({ typed: word, closest: perWord[i]!.map((words) => words.join(' ')) })),
  };
}
