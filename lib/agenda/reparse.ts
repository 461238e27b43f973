// Re-reading a page after an edit: only the stretches of the page the edit touched, spliced into the last reading.
// A whole parse of a 5,000-meeting page takes over a second; an edit usually touches one meeting.
//
// The page is cut into stretches of the content root's children, each starting at a meeting heading that opens a
// meeting wherever it stands (a dated h1–h6 no deeper than the page's usual level, first in its child of the root,
// that child being the heading or a `<div>` around it), plus the stretch before the first. What the parser makes of
// one stretch does not depend on the others: each starts its blocks, its meeting candidates and its meetings
// afresh. An edit's mutation records say which stretches changed; those are read again and the rest kept. Whatever
// could reach across stretches sends the page back to a whole parse: a year to infer, a date that repeats elsewhere
// (keys `#2`), a change to the set of people the agenda names, the headings' usual level, the title, the page
// kind, the styles, anything outside the expected shapes. The answer is always the one a whole parse gives.
import { type Block, readBlocksOf, type ReadOptions } from './blocks';
import { isValidDay, parseDateHeading } from './dates';
import { ElementIndex } from './element-index';
import { KeyAllocator } from './keys';
import type { Agenda, Meeting, SourceKind } from './model';
import { agendaId, contentRoot, detectSource, documentTitle } from './page-kind';
import {
  candidatesAtLevel,
  commonLevel,
  datedBlocks,
  levelFromCounts,
  meetingsOf,
  newestFirst,
  parseDocument,
  type ParseOptions,
  type ParseResult,
  type ParseTrace,
  withDatesUnderEmptyHeadings,
} from './parse';
import { addKnownNames, knownPeople } from './people';

/** A reading of a page: the parse result, and what an edit's re-read builds on. */
export interface PageReading {
  result: ParseResult;
  /** Null when the page is read whole each time. */
  readonly state: ReadingState | null;
  /** Whether the last reading was a re-read of the edited stretches only (for tests and measurements). */
  readonly partial: boolean;
}

interface Stretch {
  /** The child of the root where it starts; null for the stretch before the first meeting heading. */
  start: Node | null;
  /** Dated headings by level. */
  levels: Map<number, number>;
  /** Its meetings in page order, as shown (with names known elsewhere added). */
  meetings: Meeting[];
  /** Their dates, and the people their items name as built (lower-cased, once a meeting). */
  dates: string[];
  people: string[];
}

interface ReadingState {
  url: string;
  source: SourceKind | undefined;
  kind: SourceKind;
  title: string;
  root: Element;
  readOptions: ReadOptions;
  level: number;
  stretches: Stretch[];
  /** Lower-cased people of the meetings as built → how many items name them. */
  people: Map<string, number>;
  /** Meeting date → how many meetings have it. */
  dates: Map<string, number>;
  levelCounts: Map<number, number>;
}

/** Reads the whole page, keeping what a later re-read needs. */
export function readPage(doc: Document, url: string, source?: SourceKind, options: ParseOptions = {}): PageReading {
  let trace: ParseTrace | null = null;
  let people: string[][] = [];
  const result = parseDocument(doc, url, source, {
    ...options,
    trace: (read) => {
      trace = read;
      // Before names known elsewhere are added to the items.
      people = read.meetings.map((m) => [...knownPeople([m])]);
    },
  });
  let state: ReadingState | null = null;
  if (trace && result.agenda.problems.length === 0 && result.agenda.meetings.length > 0) {
    try {
      state = stateOf(trace, people, result, url, source);
    } catch {
      state = null;
    }
  }
  return { result, state, partial: false };
}

/**
 * The page after the edits `records` describe (every record since `previous` was read, in order): only the edited
 * stretches are read again when that gives what a whole parse would, else the whole page.
 */
export function rereadPage(
  previous: PageReading,
  doc: Document,
  url: string,
  records: readonly MutationRecord[],
  source?: SourceKind,
  options: ParseOptions = {},
): PageReading {
  const state = previous.state;
  if (state && state.url === url && state.source === source) {
    try {
      const next = reread(state, previous.result, doc, records);
      if (next) return next;
    } catch {
      // Anything unexpected: the whole page, below.
    }
  }
  return readPage(doc, url, source, options);
}

// ---- The first reading -------------------------------------------------------------------------------------

function stateOf(
  trace: ParseTrace,
  people: readonly string[][],
  result: ParseResult,
  url: string,
  source: SourceKind | undefined,
): ReadingState {
  const { blocks, root } = trace;
  // Every year is written: none was inferred from the rest of the page.
  if (result.agenda.years || result.agenda.meetings.some((m) => m.yearInferred)) throw new Error('inferred years');
  const readOptions: ReadOptions = trace.styles ? { styles: trace.styles, baseUrl: url } : { baseUrl: url };
  const { headings } = datedBlocks(blocks);
  if (headings.length === 0) throw new Error('no date headings');
  const levelCounts = new Map<number, number>();
  for (const h of headings) add(levelCounts, h.block.level, 1);
  const level = commonLevel(headings);
  // The stretch before the first meeting heading (perhaps empty), then one at each.
  const pieces: [number, Node | null][] = [[0, null]];
  for (let i = 0; i < blocks.length; i++) {
    const unit = stretchStart(blocks, i, level, root);
    if (unit) pieces.push([i, unit]);
  }
  const shown = new Map(result.agenda.meetings.map((m) => [m.key, m]));
  const stretches: Stretch[] = [];
  const dates = new Map<string, number>();
  const named = new Map<string, number>();
  let next = 0;
  for (let p = 0; p < pieces.length; p++) {
    const [from, start] = pieces[p] as [number, Node | null];
    const slice = blocks.slice(from, pieces[p + 1]?.[0] ?? blocks.length);
    const candidates = candidatesAtLevel(slice, level);
    if (candidates.some((c) => c.date.year === undefined)) throw new Error('inferred years');
    // Each candidate with a real day is a meeting, in the page's order.
    const count = candidates.filter((c) => isValidDay(c.date.year as number, c.date.month, c.date.day)).length;
    const meetings: Meeting[] = [];
    const stretchPeople: string[] = [];
    for (let m = 0; m < count; m++, next++) {
      const built = trace.meetings[next];
      const meeting = built && shown.get(built.key);
      if (!meeting) throw new Error('meetings outside the stretches');
      meetings.push(meeting);
      stretchPeople.push(...(people[next] ?? []));
    }
    const stretch: Stretch = {
      start,
      levels: levelsOf(slice),
      meetings,
      dates: meetings.map((m) => m.date),
      people: stretchPeople,
    };
    for (const date of stretch.dates) add(dates, date, 1);
    for (const name of stretch.people) add(named, name, 1);
    stretches.push(stretch);
  }
  if (next !== trace.meetings.length) throw new Error('meetings outside the stretches');
  return {
    url,
    source,
    kind: trace.kind,
    title: trace.title,
    root,
    readOptions,
    level,
    stretches,
    people: named,
    dates,
    levelCounts,
  };
}

function levelsOf(blocks: readonly Block[]): Map<number, number> {
  const levels = new Map<number, number>();
  for (const h of datedBlocks(blocks).headings) add(levels, h.block.level, 1);
  return levels;
}

/**
 * The child of `root` where a stretch starts, if block `i` opens one: a dated heading no deeper than `level`,
 * first among the blocks of its child of the root, that child being the heading or a `<div>` around it.
 */
function stretchStart(blocks: readonly Block[], i: number, level: number, root: Element): Node | null {
  const block = blocks[i] as Block;
  if (block.kind !== 'heading' || block.level > level || !/^H[1-6]$/.test(block.element.tagName)) return null;
  if (!parseDateHeading(block.text.replace(/\n/g, ' '))) return null;
  const unit = unitOf(block.element, root);
  if (!unit || (unit !== block.element && unit.nodeName !== 'DIV')) return null;
  const before = blocks[i - 1];
  if (before && unitOf(before.element, root) === unit) return null;
  return unit;
}

/** The child of `root` that holds `node`; null when it is not under `root`. */
function unitOf(node: Node, root: Node): Node | null {
  let at: Node | null = node;
  while (at && at.parentNode !== root) at = at.parentNode;
  return at;
}

function add<K>(map: Map<K, number>, key: K, by: number): void {
  const count = (map.get(key) ?? 0) + by;
  if (count === 0) map.delete(key);
  else map.set(key, count);
}

// ---- A re-read ---------------------------------------------------------------------------------------------

/** How often a run of edited stretches may grow to the stretch before it before the page is read whole. */
const MAX_WIDENINGS = 4;

interface Run {
  from: number;
  to: number;
  nodes: Node[];
  blocks: Block[];
}

/** The re-read of the edited stretches, or null when only a whole parse can tell. */
function reread(
  state: ReadingState,
  previous: ParseResult,
  doc: Document,
  records: readonly MutationRecord[],
): PageReading | null {
  const kind = state.source ?? detectSource(doc);
  const { root } = state;
  if (kind !== state.kind || contentRoot(doc, kind) !== root || documentTitle(doc) !== state.title) return null;
  const dirty = editedStretches(state, records);
  if (!dirty) return null;
  if (dirty.size === 0) return { result: previous, state, partial: true };
  const runs = readRuns(state, dirty);
  if (!runs) return null;
  // The headings' usual level must stay, or stretches elsewhere would start elsewhere.
  const levelCounts = new Map(state.levelCounts);
  for (const { from, to, blocks } of runs) {
    for (let i = from; i <= to; i++) for (const [lv, n] of state.stretches[i]?.levels ?? []) add(levelCounts, lv, -n);
    for (const [lv, n] of levelsOf(blocks)) add(levelCounts, lv, n);
  }
  if (levelCounts.size === 0 || levelFromCounts(levelCounts) !== state.level) return null;
  const dates = new Map(state.dates);
  const people = new Map(state.people);
  const oldDates = new Set<string>();
  const oldPeople = new Set<string>();
  for (const { from, to } of runs) {
    for (let i = from; i <= to; i++) {
      const stretch = state.stretches[i] as Stretch;
      for (const date of stretch.dates) {
        add(dates, date, -1);
        oldDates.add(date);
      }
      for (const name of stretch.people) {
        add(people, name, -1);
        oldPeople.add(name);
      }
    }
  }
  // A date that a kept meeting also has: its key (`#2`) would change there.
  for (const date of oldDates) if (dates.has(date)) return null;
  // The edited stretches' meetings as built, in the page's order; one key allocator, as no kept meeting shares a date.
  const meetingKeys = new KeyAllocator('#');
  const elements = new ElementIndex();
  const replaced: { from: number; to: number; stretches: Stretch[] }[] = [];
  const newPeople = new Set<string>();
  for (const { from, to, blocks } of runs) {
    const pieces: [number, Node | null][] = from === 0 ? [[0, null]] : [];
    for (let i = 0; i < blocks.length; i++) {
      const unit = stretchStart(blocks, i, state.level, root);
      if (unit) pieces.push([i, unit]);
    }
    const stretches: Stretch[] = [];
    for (let p = 0; p < pieces.length; p++) {
      const [at, start] = pieces[p] as [number, Node | null];
      const slice = blocks.slice(at, pieces[p + 1]?.[0] ?? blocks.length);
      const candidates = candidatesAtLevel(slice, state.level);
      if (candidates.some((c) => c.date.year === undefined)) return null;
      const years = candidates.map((c) => c.date.year);
      const meetings = meetingsOf(slice, candidates, years, [], meetingKeys, elements);
      const stretchPeople: string[] = [];
      for (const m of meetings) {
        if (dates.has(m.date)) return null;
        add(dates, m.date, 1);
        for (const name of knownPeople([m])) {
          stretchPeople.push(name);
          add(people, name, 1);
          newPeople.add(name);
        }
      }
      const dated = meetings.map((m) => m.date);
      stretches.push({ start, levels: levelsOf(slice), meetings, dates: dated, people: stretchPeople });
    }
    replaced.push({ from, to, stretches });
  }
  if (dates.size === 0) return null;
  // Names known elsewhere are added to items: the set of everyone named must stay as it was.
  for (const name of oldPeople) if (!people.has(name)) return null;
  for (const name of newPeople) if (!state.people.has(name)) return null;
  const known = new Set(people.keys());
  for (const { stretches } of replaced) {
    for (const stretch of stretches) addKnownNames(stretch.meetings, known);
  }
  // Splice, last run first so that the indices hold.
  const all = [...state.stretches];
  const kept = previous.elements;
  for (let r = replaced.length - 1; r >= 0; r--) {
    const { from, to, stretches } = replaced[r] as { from: number; to: number; stretches: Stretch[] };
    for (let i = from; i <= to; i++) for (const meeting of all[i]?.meetings ?? []) kept.deleteMeeting(meeting.key);
    all.splice(from, to - from + 1, ...stretches);
  }
  kept.addAll(elements);
  const inPage = all.flatMap((s) => s.meetings);
  const agenda: Agenda = {
    id: agendaId(state.url),
    title: state.title,
    url: state.url,
    source: kind,
    meetings: newestFirst(inPage),
    problems: [],
  };
  const result: ParseResult = { agenda, elements: kept, pageOrder: inPage.map((m) => m.key) };
  return { result, state: { ...state, stretches: all, people, dates, levelCounts }, partial: true };
}

/**
 * The edited stretches read again, as runs of neighbours, each from its start to the next kept stretch's. A run
 * whose first heading no longer opens a stretch takes in the stretch before it. Null when the page's order of
 * stretches is not what it was.
 */
function readRuns(state: ReadingState, edited: ReadonlySet<number>): Run[] | null {
  const { root, stretches } = state;
  const dirty = new Set(edited);
  const starts = new Map<Node, number>();
  stretches.forEach((s, i) => {
    if (s.start) starts.set(s.start, i);
  });
  for (let attempt = 0; attempt <= MAX_WIDENINGS; attempt++) {
    const order = [...dirty].sort((a, b) => a - b);
    const runs: Run[] = [];
    for (const index of order) {
      const last = runs[runs.length - 1];
      if (last && last.to === index - 1) last.to = index;
      else runs.push({ from: index, to: index, nodes: [], blocks: [] });
    }
    let widened = false;
    for (const run of runs) {
      const first = run.from === 0 ? root.firstChild : stretches[run.from]?.start;
      const stop = stretches[run.to + 1]?.start ?? null;
      for (let node = first ?? null; node !== stop; node = node.nextSibling) {
        if (!node) return null;
        const owner = starts.get(node);
        if (owner !== undefined && (owner < run.from || owner > run.to)) return null;
        run.nodes.push(node);
      }
      run.blocks = withDatesUnderEmptyHeadings(readBlocksOf(root, run.nodes, state.readOptions));
      if (run.from > 0 && stretchStart(run.blocks, 0, state.level, root) !== run.nodes[0]) {
        dirty.add(run.from - 1);
        widened = true;
      }
    }
    if (!widened) return runs;
  }
  return null;
}

/**
 * The indices of the stretches the records touched (an empty set when none), or null when the edit reaches beyond
 * what a re-read of stretches can tell: a style sheet, the root itself.
 */
function editedStretches(state: ReadingState, records: readonly MutationRecord[]): Set<number> | null {
  const { root, stretches } = state;
  const starts = new Map<Node, number>();
  stretches.forEach((s, i) => {
    if (s.start) starts.set(s.start, i);
  });
  const dirty = new Set<number>();
  const mark = (i: number): void => {
    if (i >= 0 && i < stretches.length) dirty.add(i);
  };
  /** The stretch a child of the root is in now: that of the nearest stretch start at or before it. */
  const stretchOf = (unit: Node): number => {
    for (let at: Node | null = unit; at; at = at.previousSibling) {
      const index = starts.get(at);
      if (index !== undefined) return index;
    }
    return 0;
  };
  for (const record of records) {
    if (touchesStyle(record)) return null;
    const target = record.target;
    if (target === root) {
      if (record.type !== 'childList') return null;
      for (const sibling of [record.previousSibling, record.nextSibling]) {
        if (!sibling) continue;
        if (sibling.parentNode !== root) return null;
        mark(stretchOf(sibling));
      }
      if (!record.previousSibling) mark(0);
      for (const node of [...record.addedNodes, ...record.removedNodes]) {
        const own = starts.get(node);
        if (own !== undefined) {
          mark(own);
          mark(own - 1);
        }
        // Where it stands now: in the stretch of what comes before it (a stretch's heading moved there splits it).
        if (node.parentNode !== root) continue;
        const before = node.previousSibling;
        mark(before ? stretchOf(before) : 0);
      }
      continue;
    }
    if (target.contains(root)) {
      // Around the root: the root itself is checked again; a change beside it is none of the agenda's.
      continue;
    }
    if (!root.contains(target)) continue;
    const unit = unitOf(target, root);
    if (!unit) return null;
    mark(stretchOf(unit));
  }
  // A stretch whose first heading left the root: what followed it now belongs to the stretch before.
  for (let i = 1; i < stretches.length; i++) {
    if (stretches[i]?.start?.parentNode !== root) {
      mark(i);
      mark(i - 1);
    }
  }
  return dirty;
}

/** A `<style>` changed, came or went: Docs' class styles are read once, from every style sheet. */
function touchesStyle(record: MutationRecord): boolean {
  const target = record.target;
  const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (element?.closest('style')) return true;
  for (const node of [...record.addedNodes, ...record.removedNodes]) {
    if (node.nodeName === 'STYLE') return true;
    if (node.nodeType === 1 && (node as Element).querySelector('style')) return true;
  }
  return false;
}
