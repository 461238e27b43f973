// Instant search over an agenda. Each item gets a haystack once per agenda version: its text in lower case
// (and, for the few items that are not plain ASCII, without diacritics), plus a short second one for its refs
// and any people not written in its text. A query word matches where it starts a word: `indexOf` finds it and
// the character before it must not be a letter or digit, so searching runs no regular expression per item.
// Typing one more letter only re-tests the previous hits, and only for the words not already tested; an item
// none of whose words starts with a query word's letters is passed over without a search (word-starts.ts).
import type { Agenda, Item, Meeting, SectionKind } from '../agenda/model';
import type { Filters } from './filters';
import { personKey } from './people';
import { addWordStarts, wordBits } from './word-starts';

export interface SearchEntry {
  /** Index into agenda.meetings. */
  meetingIndex: number;
  item: Item;
  /** 0 for a section's top-level items. */
  depth: number;
  sectionKind: SectionKind;
  sectionTitle: string;
  /** Lower-cased people of the item. */
  personKeys: string[];
}

export interface SearchIndex {
  agenda: Agenda;
  /**
   * Every item of every meeting, depth first, in document order. Made on first use: searching needs only
   * the columns below, and results hold entry numbers (`entry(i)` gives the same object for an item each time).
   */
  readonly entries: SearchEntry[];
  /** The entry of item number `i` (an index into `entries`). */
  entry(i: number): SearchEntry;
  /** Per entry: the item. */
  items: Item[];
  /** Per entry: its text, lower-cased (see `haystackOf`). */
  haystacks: string[];
  /** Per entry: its refs and any of its people not written in its text, lower-cased; undefined when none. */
  extras: (string | undefined)[];
  /** Per entry: its lower-cased people (one shared empty array for the many that name no one). */
  personKeys: string[][];
  /** Per entry: the index of its meeting in agenda.meetings. */
  meetingOf: Int32Array;
  /** Per entry: 0 for a section's top-level items. */
  depthOf: Int32Array;
  /** Per entry: the index of its section in `sections`. */
  sectionOf: Int32Array;
  /** Per entry: its section's title id (an index into `titles`): equal titles, equal ids. */
  titleOf: Int32Array;
  /** Per entry: the first letters and first pairs of letters of the words of its text and extras (word-starts.ts). */
  firstLetters: Int32Array;
  firstPairs: Int32Array;
  /** Every section of every meeting, in document order: its kind and title, and the index of its title's haystack. */
  sections: { kind: SectionKind; title: string; titleId: number }[];
  /** The distinct section titles as written, by title id. */
  titles: string[];
  /** The distinct section titles, normalised. */
  titleHaystacks: string[];
  /** Per meeting: its title, normalised. */
  meetingHaystacks: string[];
  /** The last answer, to narrow from when the next query only extends it. */
  cache: SearchCache | null;
}

interface SearchCache {
  /** Every filter but the query. */
  key: string;
  words: string[];
  /** Indexes of the entries that matched. */
  hits: Int32Array;
  view: FilteredView;
}

/** One meeting's hits in search results: `hits[from]` up to, not including, `hits[to]` of its view. */
export interface ResultGroup {
  meetingIndex: number;
  from: number;
  to: number;
}

/**
 * Results hold entry numbers, not entries: a broad query has tens of thousands of hits on every keystroke,
 * and only the few rows in view need their entry.
 */
export type FilteredView =
  | { mode: 'browse'; meetingIndexes: number[] }
  | { mode: 'results'; hits: Int32Array; groups: ResultGroup[]; hitCount: number };

export type ResultsView = Extract<FilteredView, { mode: 'results' }>;
export type BrowseView = Extract<FilteredView, { mode: 'browse' }>;

// ---- Normalising text ----------------------------------------------------------------------------------

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "any non-ASCII character", not a control character.
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower case, without diacritics (NFKD, marks stripped), every run of non-letters/digits one space. */
export function normaliseText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ');
  return text.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(SEPARATORS, ' ');
}

/**
 * What an item's words are searched in. ASCII text (nearly all of an agenda) is only lower-cased: its
 * separators stay as written, and `hasWordStartingWith` treats any ASCII non-letter/digit as one. Other text
 * is normalised in full, so that every separator left in it is a space.
 */
export function haystackOf(text: string): string {
  return NON_ASCII.test(text) ? normaliseText(text) : text.toLowerCase();
}

/** Whether some word of the haystack starts with `word` (a normalised query word). */
export function hasWordStartingWith(haystack: string, word: string): boolean {
  let at = haystack.indexOf(word);
  while (at !== -1) {
    if (at === 0) return true;
    const before = haystack.charCodeAt(at - 1);
    // In a haystack, any character that is not ASCII is a letter or digit (see haystackOf).
    const letterOrDigit = (before >= 48 && before <= 57) || (before >= 97 && before <= 122) || before >= 128;
    if (!letterOrDigit) return true;
    at = haystack.indexOf(word, at + 1);
  }
  return false;
}

/** The normalised words of a query, each once, in order: `"Token  request"` → `['token', 'request']`, `#911` → `['911']`. */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  for (const word of normaliseText(query).split(' ')) {
    if (word !== '' && !words.includes(word)) words.push(word);
  }
  return words;
}

/** The words that decide a match: a word that starts another adds nothing (`tok token` = `token`). Longest first. */
function decisiveWords(words: readonly string[]): string[] {
  return words
    .filter((w, i) => !words.some((other, j) => j !== i && other.length > w.length && other.startsWith(w)))
    .sort((a, b) => b.length - a.length);
}

// ---- Building the index --------------------------------------------------------------------------------

/** Shared by every entry that names no one; never written to. */
const NO_PEOPLE: string[] = Object.freeze([]) as unknown as string[];

/**
 * Once per agenda version. One haystack string per item, columns of numbers, and no object per item: the
 * entries are made when asked for. Arrays are sized up front from the meetings' item counts, since growing
 * 80,000-slot arrays push by push (and the garbage collector copying them as they grow) cost as much as the
 * lower-casing.
 */
export function buildSearchIndex(agenda: Agenda): SearchIndex {
  let capacity = Math.max(
    16,
    agenda.meetings.reduce((sum, m) => sum + Math.max(0, m.itemCount | 0), 0),
  );
  const items: Item[] = new Array(capacity);
  const haystacks: string[] = new Array(capacity);
  const extras: (string | undefined)[] = new Array(capacity);
  const personKeys: string[][] = new Array(capacity);
  let meetingOf = new Int32Array(capacity);
  let depthOf = new Int32Array(capacity);
  let sectionOf = new Int32Array(capacity);
  let titleOf = new Int32Array(capacity);
  let firstLetters = new Int32Array(capacity);
  let firstPairs = new Int32Array(capacity);
  const masks: [number, number] = [0, 0];
  let count = 0;
  const sections: { kind: SectionKind; title: string; titleId: number }[] = [];
  const titles: string[] = [];
  const titleHaystacks: string[] = [];
  const titleIds = new Map<string, number>();
  const meetingHaystacks: string[] = [];

  const grow = (): void => {
    capacity *= 2;
    const larger = (column: Int32Array) => {
      const bigger = new Int32Array(capacity);
      bigger.set(column);
      return bigger;
    };
    meetingOf = larger(meetingOf);
    depthOf = larger(depthOf);
    sectionOf = larger(sectionOf);
    titleOf = larger(titleOf);
    firstLetters = larger(firstLetters);
    firstPairs = larger(firstPairs);
  };

  const add = (item: Item, meetingIndex: number, depth: number, sectionIndex: number): void => {
    let keys = NO_PEOPLE;
    // People and refs go into a second, short haystack, so that the text is not copied to join them.
    // The parser finds people in the text, so they are usually there already.
    let extra = '';
    if (item.people.length > 0) {
      keys = [];
      for (const person of item.people) {
        const key = personKey(person);
        if (key === '' || keys.includes(key)) continue;
        keys.push(key);
        if (!item.text.includes(person)) extra += ` ${person}`;
      }
    }
    for (const ref of item.refs) extra += ` ${ref}`;
    if (count === capacity) grow(); // only when an item count was wrong
    items[count] = item;
    const haystack = haystackOf(item.text);
    haystacks[count] = haystack;
    masks[0] = masks[1] = 0;
    addWordStarts(haystack, masks);
    if (extra !== '') {
      const extraHaystack = haystackOf(extra);
      extras[count] = extraHaystack;
      addWordStarts(extraHaystack, masks);
    }
    firstLetters[count] = masks[0];
    firstPairs[count] = masks[1];
    personKeys[count] = keys;
    meetingOf[count] = meetingIndex;
    depthOf[count] = depth;
    sectionOf[count] = sectionIndex;
    titleOf[count] = sections[sectionIndex]!.titleId;
    count++;
    for (const child of item.children) add(child, meetingIndex, depth + 1, sectionIndex);
  };

  agenda.meetings.forEach((meeting: Meeting, meetingIndex) => {
    meetingHaystacks.push(normaliseText(meeting.title));
    for (const section of meeting.sections) {
      let titleId = titleIds.get(section.title);
      if (titleId === undefined) {
        titleId = titleHaystacks.length;
        titles.push(section.title);
        titleHaystacks.push(normaliseText(section.title));
        titleIds.set(section.title, titleId);
      }
      const sectionIndex = sections.length;
      sections.push({ kind: section.kind, title: section.title, titleId });
      for (const item of section.items) add(item, meetingIndex, 0, sectionIndex);
    }
  });
  items.length = count;
  haystacks.length = count;
  extras.length = count;
  personKeys.length = count;
  meetingOf = meetingOf.subarray(0, count);
  depthOf = depthOf.subarray(0, count);
  sectionOf = sectionOf.subarray(0, count);
  titleOf = titleOf.subarray(0, count);
  firstLetters = firstLetters.subarray(0, count);
  firstPairs = firstPairs.subarray(0, count);

  // A plain object, methods included, so that a spread copy (`{ ...index }`) still works.
  const made: (SearchEntry | undefined)[] = [];
  let all: SearchEntry[] | null = null;
  const entry = (i: number): SearchEntry => {
    let e = made[i];
    if (!e) {
      const section = sections[sectionOf[i] as number];
      e = {
        meetingIndex: meetingOf[i] as number,
        item: items[i] as Item,
        depth: depthOf[i] as number,
        sectionKind: section?.kind ?? 'other',
        sectionTitle: section?.title ?? '',
        personKeys: personKeys[i] ?? NO_PEOPLE,
      };
      made[i] = e;
    }
    return e;
  };
  return {
    agenda,
    get entries(): SearchEntry[] {
      if (!all) all = Array.from(items, (_, i) => entry(i));
      return all;
    },
    entry,
    items,
    haystacks,
    extras,
    personKeys,
    meetingOf,
    depthOf,
    sectionOf,
    firstLetters,
    firstPairs,
    sections,
    titleOf,
    titles,
    titleHaystacks,
    meetingHaystacks,
    cache: null,
  };
}

// ---- Filtering -----------------------------------------------------------------------------------------

/**
 * Browse mode when there is no query word and no item-level filter (kinds, person): the meetings that pass
 * the meeting-level filters (range, canceled, recording). Otherwise the items matching every query word,
 * the kinds and the person, in those meetings, grouped by meeting, in document order.
 * Each query word must start a word of the item's text, people or refs, of its section's title or of its
 * meeting's title.
 */
export function filterAgenda(index: SearchIndex, f: Filters): FilteredView {
  const words = queryWords(f.query);
  if (!searchesItems(f)) return browseView(index.agenda.meetings, f);
  const meetingOk = meetingPasses(index.agenda.meetings, f);

  const key = JSON.stringify([[...f.kinds].sort(), f.person, f.from, f.to, f.hideCanceled, f.hasRecording]);
  const decisive = decisiveWords(words);
  const cache = index.cache;
  let candidates: Int32Array | null = null;
  if (cache && cache.key === key) {
    if (sameWords(cache.words, decisive)) return cache.view;
    // Every old word starts a new one: whatever the new words match, the old ones matched too.
    if (cache.words.every((old) => decisive.some((w) => w.startsWith(old)))) candidates = cache.hits;
  }

  // The candidates matched every old word: a word typed before ('token' in 'token r') needs no test again.
  const tested = candidates ? decisive.filter((w) => !cache!.words.includes(w)) : decisive;
  const hits = matchingEntries(index, tested, candidates, meetingOk, f);
  // One more letter often matches the very same items: then it is the same view, and nothing after it
  // (rows, offsets, the list's rendering) has to be made again.
  const view = cache && cache.key === key && sameHits(cache.hits, hits) ? cache.view : groupByMeeting(index, hits);
  index.cache = { key, words: decisive, hits, view };
  return view;
}

/** Whether the filters look at items (a query word, kinds, a person); if not, browsing needs no search index. */
export function searchesItems(f: Filters): boolean {
  return f.kinds.length > 0 || f.person !== null || queryWords(f.query).length > 0;
}

/** Browse mode: the meetings that pass the meeting-level filters (range, canceled, recording). */
export function browseView(meetings: readonly Meeting[], f: Filters): FilteredView {
  const meetingOk = meetingPasses(meetings, f);
  const meetingIndexes: number[] = [];
  for (let i = 0; i < meetings.length; i++) if (!meetingOk || meetingOk[i] === 1) meetingIndexes.push(i);
  return { mode: 'browse', meetingIndexes };
}

function sameHits(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

/** Which meetings pass the meeting-level filters; null when there are none (every meeting passes). */
function meetingPasses(meetings: readonly Meeting[], f: Filters): Uint8Array | null {
  if (f.from === null && f.to === null && !f.hideCanceled && !f.hasRecording) return null;
  let from = f.from;
  let to = f.to;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const ok = new Uint8Array(meetings.length);
  meetings.forEach((m, i) => {
    const month = m.date.slice(0, 7);
    if (from !== null && month < from) return;
    if (to !== null && month > to) return;
    if (f.hideCanceled && m.canceled) return;
    if (f.hasRecording && !m.recording) return;
    ok[i] = 1;
  });
  return ok;
}

function matchingEntries(
  index: SearchIndex,
  words: readonly string[],
  candidates: Int32Array | null,
  meetingOk: Uint8Array | null,
  f: Filters,
): Int32Array {
  const { haystacks, extras, personKeys, meetingOf, sectionOf, sections, firstLetters, firstPairs } = index;
  // A word found in a section's or a meeting's title matches every item under it.
  const inSection = words.map((w) => {
    const inTitle = index.titleHaystacks.map((h) => hasWordStartingWith(h, w));
    const marks = new Uint8Array(sections.length);
    for (let s = 0; s < sections.length; s++) if (inTitle[sections[s]!.titleId]) marks[s] = 1;
    return marks;
  });
  const inMeeting = words.map((w) => meetingsWith(index.meetingHaystacks, w));
  const bits = words.map(wordBits);
  const kindOk = f.kinds.length > 0 ? Uint8Array.from(sections, (s) => (f.kinds.includes(s.kind) ? 1 : 0)) : null;
  const person = f.person === null ? null : personKey(f.person);

  const total = candidates ? candidates.length : haystacks.length;
  const out = new Int32Array(total);
  let count = 0;
  for (let c = 0; c < total; c++) {
    const i = candidates ? (candidates[c] as number) : c;
    const meeting = meetingOf[i] as number;
    const section = sectionOf[i] as number;
    if (meetingOk && meetingOk[meeting] === 0) continue;
    if (kindOk && kindOk[section] === 0) continue;
    if (person !== null && !(personKeys[i] as string[]).includes(person)) continue;
    let all = true;
    for (let w = 0; w < words.length; w++) {
      if ((inMeeting[w] as Uint8Array)[meeting] === 1) continue;
      if ((inSection[w] as Uint8Array)[section] === 1) continue;
      const [first, pair] = bits[w]!;
      // No word of the text or extras starts with these letters: no need to search them.
      if ((firstLetters[i]! & first) === 0 || (firstPairs[i]! & pair) !== pair) {
        all = false;
        break;
      }
      const word = words[w] as string;
      if (hasWordStartingWith(haystacks[i] as string, word)) continue;
      const extra = extras[i];
      if (extra !== undefined && hasWordStartingWith(extra, word)) continue;
      all = false;
      break;
    }
    if (all) out[count++] = i;
  }
  return out.slice(0, count);
}

/** Per agenda (by its meeting titles), which meetings' titles have a word, for the last few query words. */
const meetingMatches = new WeakMap<readonly string[], Map<string, Uint8Array>>();

/**
 * Marks the meetings whose title has a word starting with `word`. Only those a shorter query word found
 * need a look ('tok' after 'to'): thousands of titles were searched again on every keystroke.
 */
function meetingsWith(haystacks: readonly string[], word: string): Uint8Array {
  let known = meetingMatches.get(haystacks);
  if (!known) {
    known = new Map();
    meetingMatches.set(haystacks, known);
  }
  const answer = known.get(word);
  if (answer) return answer;
  let shorter: Uint8Array | undefined;
  for (let end = word.length - 1; end > 0 && !shorter; end--) shorter = known.get(word.slice(0, end));
  const marks = new Uint8Array(haystacks.length);
  for (let m = 0; m < haystacks.length; m++) {
    if ((!shorter || shorter[m] === 1) && hasWordStartingWith(haystacks[m] as string, word)) marks[m] = 1;
  }
  if (known.size >= 64) known.clear();
  known.set(word, marks);
  return marks;
}

/** The hits (in document order, so each meeting's are together) as one group a meeting. */
export function groupByMeeting(index: SearchIndex, hits: Int32Array): ResultsView {
  const { meetingOf } = index;
  const groups: ResultGroup[] = [];
  let group: ResultGroup | undefined;
  for (let at = 0; at < hits.length; at++) {
    const meetingIndex = meetingOf[hits[at] as number] as number;
    if (group && group.meetingIndex === meetingIndex) continue;
    if (group) group.to = at;
    group = { meetingIndex, from: at, to: hits.length };
    groups.push(group);
  }
  return { mode: 'results', hits, groups, hitCount: hits.length };
}

/** The entries of a group's hits. Made on demand: only narrowing filters and tests need them all. */
export function groupEntries(index: SearchIndex, view: ResultsView, group: ResultGroup): SearchEntry[] {
  return Array.from(view.hits.subarray(group.from, group.to), (i) => index.entry(i));
}

// ---- Highlighting --------------------------------------------------------------------------------------

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const LEADING_MARKS = /^\p{M}+/u;

/**
 * `text` cut into segments for highlighting: `match` marks the start of a word that a query word is a
 * prefix of (case and diacritics ignored), as far as the longest such query word reaches.
 */
export function markMatches(text: string, words: string[]): { text: string; match: boolean }[] {
  const segments: { text: string; match: boolean }[] = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += part;
    else segments.push({ text: part, match });
  };
  const wanted = words.flatMap((w) => queryWords(w));
  let done = 0;
  if (wanted.length > 0) {
    for (const found of text.matchAll(WORD)) {
      const word = found[0];
      const start = found.index ?? 0;
      const normalised = normaliseText(word).trimStart();
      let longest = 0;
      for (const w of wanted) if (w.length > longest && normalised.startsWith(w)) longest = w.length;
      if (longest === 0) continue;
      const end = start + originalLength(word, longest);
      push(text.slice(done, start), false);
      push(text.slice(start, end), true);
      done = end;
    }
  }
  push(text.slice(done), false);
  return segments;
}

/** How many characters of `word` normalise to its first `length` characters, with any marks that follow. */
function originalLength(word: string, length: number): number {
  if (!NON_ASCII.test(word)) return length;
  let end = 0;
  for (const ch of word) {
    end += ch.length;
    if (normaliseText(word.slice(0, end)).trimStart().length >= length) break;
  }
  const marks = LEADING_MARKS.exec(word.slice(end));
  return end + (marks ? marks[0].length : 0);
}
