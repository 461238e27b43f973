// Document → Agenda. Pure and deterministic: the DOM is the only browser API used, there are no
// globals, and odd input is reported in `agenda.problems`, never thrown.
import { readBlocks, type Block } from './blocks';
import { isoDate, isValidDay, parseDateHeading, yearIn, yearInAddress, type HeadingDate } from './dates';
import { ElementIndex } from './element-index';
import { readDocumentStyles, type StyleMap } from './gdocs';
import { KeyAllocator } from './keys';
import { buildMeeting, isRecordingLine, type MeetingHead } from './meeting';
import { addKnownNamesAfterDashes } from './people';
import type { Agenda, Meeting, SourceKind, YearNote } from './model';
import { agendaId, contentRoot, detectSource, documentTitle } from './page-kind';
import {
  findFullDates,
  inferHeadingYears,
  MAX_HINTS_PER_MEETING,
  namedWeekday,
  type FullDate,
  type HeadingClue,
  type YearContext,
} from './year-inference';

export interface ParseResult {
  agenda: Agenda;
  /** Meeting key and item key → the element (heading or list item) to scroll to. */
  elements: ElementIndex;
  /** The meetings' keys in the order of their headings in the page (the agenda lists them newest first). */
  pageOrder: string[];
}

export const NO_MEETINGS = 'No date headings found: this page does not look like a meeting agenda.';

/** What the page cannot tell about itself: when it is read, and whether it is a live document. */
export interface ParseOptions {
  /** The reader's clock (epoch ms), for headings without a year. The parser never reads the clock itself. */
  now?: number;
  /** A live document (Google Docs, not an archive): its newest meeting is near `now`. */
  live?: boolean;
  /** Shown what was read, before names known elsewhere in the agenda are added to items: to re-read edits. */
  trace?: (read: ParseTrace) => void;
}

/** What a whole parse read from the page on its way. */
export interface ParseTrace {
  kind: SourceKind;
  title: string;
  root: Element;
  styles: StyleMap | undefined;
  blocks: readonly Block[];
  /** In the order of the page; as built, before `addKnownNamesAfterDashes`. */
  meetings: readonly Meeting[];
}

export function parseAgenda(doc: Document, url: string, source?: SourceKind, options: ParseOptions = {}): Agenda {
  return parseDocument(doc, url, source, options).agenda;
}

export function parseDocument(
  doc: Document,
  url: string,
  source?: SourceKind,
  options: ParseOptions = {},
): ParseResult {
  const problems: string[] = [];
  let years: YearNote | undefined;
  const elements = new ElementIndex();
  let kind: SourceKind = source ?? 'generic';
  let title = '';
  let meetings: Meeting[] = [];
  let pageOrder: string[] = [];
  try {
    kind = source ?? detectSource(doc);
    title = documentTitle(doc);
    const root = contentRoot(doc, kind);
    if (root) {
      const styles = kind === 'gdocs-html' ? readDocumentStyles(doc) : undefined;
      const blocks = withDatesUnderEmptyHeadings(
        readBlocks(root, styles ? { styles, baseUrl: url } : { baseUrl: url }),
      );
      const inPage = assembleMeetings(blocks, { title, url, options, note: (n) => (years = n) }, problems, elements);
      options.trace?.({ kind, title, root, styles, blocks, meetings: inPage });
      addKnownNamesAfterDashes(inPage);
      pageOrder = inPage.map((m) => m.key);
      meetings = newestFirst(inPage);
    }
  } catch (error) {
    problems.push(`Part of the page could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (meetings.length === 0 && problems.length === 0) problems.push(NO_MEETINGS);
  const agenda: Agenda = { id: agendaId(url), title, url, source: kind, meetings, problems };
  if (years && meetings.length > 0) agenda.years = years;
  return { agenda, elements, pageOrder };
}

/** Newest first; meetings of one day keep their document order (the sort is stable). */
export function newestFirst(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export interface Candidate {
  index: number;
  block: Block;
  date: HeadingDate;
  /** The meeting's title when it is not the block's whole text (a date line above a recording line). */
  title?: string;
}

interface DocumentContext {
  title: string;
  url: string;
  options: ParseOptions;
  /** Receives what is to be said about inferred years. */
  note(note: YearNote): void;
}

/** The meetings in the order of the page. */
function assembleMeetings(
  blocks: readonly Block[],
  context: DocumentContext,
  problems: string[],
  elements: ElementIndex,
): Meeting[] {
  const candidates = meetingCandidates(blocks);
  if (candidates.length === 0) return [];
  const { years, inferred } = resolveYears(candidates, blocks, context, problems);
  return meetingsOf(blocks, candidates, years, inferred, new KeyAllocator('#'), elements);
}

/**
 * The meetings of `blocks` under their `candidates` (with the years found for them), keyed by `meetingKeys`, in
 * the order of the page. Also reads a stretch of the page that starts at a meeting heading (an edit re-read).
 */
export function meetingsOf(
  blocks: readonly Block[],
  candidates: readonly Candidate[],
  years: readonly (number | undefined)[],
  inferred: readonly boolean[],
  meetingKeys: KeyAllocator,
  elements: ElementIndex,
): Meeting[] {
  const meetings: Meeting[] = [];
  let head: MeetingHead | null = null;
  let headLevel = 0;
  let entries: Block[] = [];
  const flush = (): void => {
    if (!head) return;
    meetings.push(buildMeeting(head, entries, elements));
  };
  let next = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const candidate = candidates[next];
    if (candidate && candidate.index === i) {
      const year = years[next];
      const yearInferred = inferred[next] === true;
      next++;
      flush();
      entries = [];
      headLevel = block.kind === 'heading' ? block.level : 0;
      head = null;
      if (year === undefined || !isValidDay(year, candidate.date.month, candidate.date.day)) continue;
      const date = isoDate(year, candidate.date.month, candidate.date.day);
      head = { block, date: candidate.date, isoDate: date, key: meetingKeys.next(date) };
      if (yearInferred) head.yearInferred = true;
      if (candidate.title) head.title = candidate.title;
      continue;
    }
    // A heading above the meetings' level ("# Archive") ends the meeting; deeper ones are its sections.
    if (block.kind === 'heading' && block.level < headLevel) {
      flush();
      head = null;
      headLevel = 0;
      entries = [];
      continue;
    }
    if (head) entries.push(block);
  }
  flush();
  return meetings;
}

/**
 * "## " with nothing after it, and the date on the next, indented line ("        December 2, 2019 (recording)"):
 * Docs-to-Markdown leaves that, and GitHub shows it as an empty heading above a code block. The date line is then
 * the meeting's heading, at the empty heading's level.
 */
export function withDatesUnderEmptyHeadings(blocks: Block[]): Block[] {
  let joined: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const level = block.kind === 'paragraph' && !block.text.includes('\n') ? emptyHeadingLevelBefore(block.element) : 0;
    if (level > 0 && parseDateHeading(block.text)) {
      joined ??= blocks.slice(0, i);
      joined.push({ ...block, kind: 'heading', level, depth: 0 });
      continue;
    }
    joined?.push(block);
  }
  return joined ?? blocks;
}

/** The level of an empty heading right before `element` (or before the code block it is in); 0 when none. */
function emptyHeadingLevelBefore(element: Element): number {
  const box = element.tagName === 'CODE' && element.parentElement?.tagName === 'PRE' ? element.parentElement : element;
  const before = box.previousElementSibling;
  if (!before) return 0;
  const heading = /^H[1-6]$/.test(before.tagName)
    ? before
    : before.classList.contains('markdown-heading')
      ? before.querySelector('h1, h2, h3, h4, h5, h6')
      : null;
  // "#  \" (a heading with only a hard break left in it) is as empty.
  if (!heading || (heading.textContent ?? '').replace(/\\/g, '').trim() !== '') return 0;
  return Number(heading.tagName.charAt(1));
}

/**
 * Date headings, at the level most of them use (a deeper "### Follow-up from Dec 5" inside a meeting is a section),
 * with the bold date lines and "Date:" table rows beside them. Documents without date headings: those lines, and
 * without those, lines that hold only a date.
 */
export function meetingCandidates(blocks: readonly Block[]): Candidate[] {
  const { headings, bold } = datedBlocks(blocks);
  if (headings.length > 0) {
    return meetingHeadings(blocks, headings, mergeByIndex(bold, dateOnlyLines(blocks)), commonLevel(headings));
  }
  return bold.length > 0 ? bold : dateOnlyLines(blocks);
}

/**
 * The candidates of a stretch of a page that has date headings, as `meetingCandidates` finds them there when the
 * headings' usual level is `level`: the same for a stretch that starts at a meeting heading no deeper than it.
 */
export function candidatesAtLevel(blocks: readonly Block[], level: number): Candidate[] {
  const { headings, bold } = datedBlocks(blocks);
  return meetingHeadings(blocks, headings, mergeByIndex(bold, dateOnlyLines(blocks)), level);
}

/** Headings that hold a date, and bold lines or "Date:" rows that do. */
export function datedBlocks(blocks: readonly Block[]): { headings: Candidate[]; bold: Candidate[] } {
  const headings: Candidate[] = [];
  const bold: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      const date = parseDateHeading(block.text.replace(/\n/g, ' '));
      if (date) headings.push({ index, block, date });
    } else if (block.kind === 'paragraph') {
      // A "Date:" row is read by its first line: a cell may go on with a note on the next ones.
      const firstLine = block.text.split('\n', 1)[0] as string;
      const date = !block.bold
        ? dateRowDate(firstLine)
        : firstLine === block.text
          ? parseDateHeading(block.text)
          : null;
      if (date) bold.push({ index, block, date });
    }
  });
  return { headings, bold };
}

function mergeByIndex(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  return [...a, ...b].sort((x, y) => x.index - y.index);
}

/** A line that opens with its date ("Dec. 9", "Tue, Jan 8", "Date: Sept 30, 2015"), not "From Jan 24th:". */
const STARTS_WITH_DATE = new RegExp(
  '^[\\s*_]*(?:date\\s*:\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?' +
    '(?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)',
  'i',
);
/** What may follow the date on a line that is nothing but a meeting's date ("Dec. 9", "Sept. 30 (canceled)"). */
const MAX_WORDS_AFTER_DATE_LINE = 3;

/** A date line's paragraph, with the lines that may follow the date in it ("Recording: <link>", "Host: Sergey"). */
const MAX_DATE_PARAGRAPH = 400;
const MAX_DATE_LINE = 60;
/** "Hosts:", "Bugs triaging: Anish": a short labelled line of a meeting's head. */
const LABEL_LINE = /^\s*[\p{L}][\p{L} ]{0,24}:/u;
const MAX_LABEL_LINE_WORDS = 8;
/** "[Cancelled for KEP freeze reviews]" after the date: a note on the meeting, not words of a sentence. */
const BRACKETED = /^\s*(?:\[[^\]]{0,80}\]|\([^)]{0,80}\))/;

/** The lines under a date that still belong to the meeting's head: its recording, its hosts. */
function isHeadLine(line: string): boolean {
  if (line.trim() === '' || isRecordingLine(line)) return true;
  return LABEL_LINE.test(line) && (line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= MAX_LABEL_LINE_WORDS;
}

/**
 * A document with neither date headings nor bold dates (SIG Node 2015: "Dec. 9" on a line of its own above each
 * meeting's bullets): its plain paragraphs that hold a date and little else. The date may share its paragraph
 * with the meeting's head on the lines under it (SIG Node CI 2024: "Sep 25, 2024  \nRecording: <link>\nHosts:").
 */
function dateOnlyLines(blocks: readonly Block[]): Candidate[] {
  const out: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph' || block.bold || block.text.length > MAX_DATE_PARAGRAPH) return;
    const lines = block.text.split('\n');
    const first = lines[0] as string;
    if (first.length > MAX_DATE_LINE || !STARTS_WITH_DATE.test(first)) return;
    if (!lines.slice(1).every(isHeadLine)) return;
    // "[Jan 31st, 2023](#heading=…)": a link to a meeting, not one. Links belong to the lines under the date.
    if (lines.length === 1 && (block.links.length > 0 || block.element.querySelector('a'))) return;
    if (
      lines.length > 1 &&
      [...block.element.querySelectorAll('a')].some((a) => first.includes(a.textContent || '\0'))
    ) {
      return;
    }
    const date = parseDateHeading(first);
    if (!date || !isDateOnly({ ...date, rest: date.rest.replace(BRACKETED, '') })) return;
    // "Sept. 30" then "Date: Sept 30, 2015" on the next line: one meeting.
    const before = out[out.length - 1];
    if (before?.index === index - 1 && sameDay(before.date, date)) return;
    out.push(lines.length > 1 ? { index, block, date, title: first.trim() } : { index, block, date });
  });
  return out;
}

/** A table row "Date: | July 16, 2019", cells joined as the block reader joins them. */
const DATE_ROW = /^\s*date\s*:?\s*\|\s*/i;
const MAX_DATE_ROW = 60;

/** The date of a meeting's table row "Date: | July 16, 2019" (the head of a meeting written as a table). */
function dateRowDate(text: string): HeadingDate | null {
  const label = DATE_ROW.exec(text);
  if (!label) return null;
  const rest = text.slice(label[0].length);
  // "Nov. 6, 2018 (Cancelled. Too many people with conflicts …": the date and the first words say enough.
  return rest.includes('|') ? null : parseDateHeading(rest.slice(0, MAX_DATE_ROW));
}

/** Dated blocks inside one meeting that open meetings of their own only when there are at least this many. */
const MIN_RUN_INSIDE = 2;

/**
 * The date headings that open meetings: those at the document's usual level or above, and deeper ones that stand
 * outside any meeting ("### December 27" in a year whose later meetings are "## August 1"). A single deeper date
 * inside a meeting ("### March 1 release" under "## March 7") is part of that meeting; a run of them at one level
 * ("### March 27", "### March 20", … under "## April 3", where a year's early meetings were written deeper) are
 * meetings. Bold date lines ("**12/19/2017**"), table rows "Date: | July 16, 2019" and lines that hold only a date
 * count the same way in a document that also has date headings: one outside a meeting opens one, a run of them inside a meeting are meetings.
 */
function meetingHeadings(
  blocks: readonly Block[],
  dated: readonly Candidate[],
  boldDated: readonly Candidate[],
  level: number,
): Candidate[] {
  const byIndex = new Map(dated.map((c) => [c.index, c]));
  const boldByIndex = new Map(boldDated.map((c) => [c.index, c]));
  const out: Candidate[] = [];
  // The level of the meeting heading whose body we are in; 0 outside every meeting.
  let open = 0;
  let openDate: HeadingDate | null = null;
  // Dated blocks inside the open meeting, by heading level (0 for bold lines).
  let inside = new Map<number, Candidate[]>();
  const closeMeeting = (): void => {
    for (const run of inside.values()) if (run.length >= MIN_RUN_INSIDE) out.push(...run);
    inside = new Map();
  };
  const keepInside = (key: number, candidate: Candidate): void => {
    const run = inside.get(key);
    if (run) run.push(candidate);
    else inside.set(key, [candidate]);
  };
  blocks.forEach((block, index) => {
    const boldLine = boldByIndex.get(index);
    if (boldLine) {
      // Inside a meeting, a line with that meeting's own date repeats its heading ("### August 8 (Recording)",
      // then "August 8"); a line with another date and little else ("Feb 7 2018 (recording)") starts the next.
      if (open === 0 || (openDate !== null && !sameDay(openDate, boldLine.date) && isDateOnly(boldLine.date))) {
        // The meeting it opens is not inside the heading's: lines after it stand outside any heading meeting.
        closeMeeting();
        out.push(boldLine);
        open = 0;
        openDate = null;
      } else keepInside(0, boldLine);
      return;
    }
    if (block.kind !== 'heading') return;
    const candidate = byIndex.get(index);
    if (candidate && (block.level <= level || open === 0 || block.level <= open)) {
      closeMeeting();
      out.push(candidate);
      open = block.level;
      openDate = candidate.date;
    } else if (candidate) {
      keepInside(block.level, candidate);
    } else if (block.level <= open) {
      closeMeeting();
      open = 0;
    }
  });
  closeMeeting();
  return out.sort((a, b) => a.index - b.index);
}

function sameDay(a: HeadingDate, b: HeadingDate): boolean {
  return a.month === b.month && a.day === b.day;
}

function isDateOnly(date: HeadingDate): boolean {
  return (date.rest.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) <= MAX_WORDS_AFTER_DATE_LINE;
}

/** The heading level most date headings share (the shallower one on a tie). */
export function commonLevel(candidates: readonly Candidate[]): number {
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c.block.level, (counts.get(c.block.level) ?? 0) + 1);
  return levelFromCounts(counts);
}

/** The level with the most headings in `counts` (the shallower one on a tie). */
export function levelFromCounts(counts: ReadonlyMap<number, number>): number {
  let best = 6;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount || (count === bestCount && level < best)) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

/** Years for every candidate, and which were inferred; says in `problems` when some could not be found. */
function resolveYears(
  candidates: readonly Candidate[],
  blocks: readonly Block[],
  context: DocumentContext,
  problems: string[],
): { years: (number | undefined)[]; inferred: boolean[] } {
  const dates = candidates.map((c) => c.date);
  if (dates.every((d) => d.year !== undefined))
    return { years: dates.map((d) => d.year), inferred: dates.map(() => false) };
  // Where no heading writes a year, "# 2021" above a run of meetings gives theirs; otherwise the written years do.
  const noneWritten = dates.every((d) => d.year === undefined);
  const underYearHeading = noneWritten ? yearHeadingYears(blocks, candidates) : [];
  const allMissing = noneWritten && underYearHeading.every((y) => y === undefined);
  const clues: HeadingClue[] = candidates.map((c, i) => {
    const clue: HeadingClue = { month: c.date.month, day: c.date.day, hints: [] };
    const year = c.date.year ?? underYearHeading[i];
    if (year !== undefined) clue.year = year;
    const weekday = namedWeekday(c.block.text);
    if (weekday !== undefined) clue.weekday = weekday;
    // Written dates are read only when no heading has a year: they are all there is to go on then.
    if (allMissing) clue.hints = hintsOf(blocks, c.index, candidates[i + 1]?.index ?? blocks.length);
    return clue;
  });
  const yearContext: YearContext = { live: context.options.live === true };
  if (context.options.now !== undefined) yearContext.now = context.options.now;
  const titleYear = yearIn(context.title) ?? yearInLeadingHeadings(blocks, candidates[0]?.index ?? 0);
  const addressYear = yearInAddress(context.url);
  if (titleYear !== undefined) yearContext.named = { year: titleYear, from: 'title' };
  else if (addressYear !== undefined) yearContext.named = { year: addressYear, from: 'address' };
  const answer = inferHeadingYears(clues, yearContext);
  // A year heading's meetings do not write their year either: they count as inferred.
  const inferred = answer.inferred.map(
    (flag, i) => flag || (dates[i]?.year === undefined && answer.years[i] !== undefined),
  );
  const note = answer.note ? { ...answer.note, inferred: inferred.filter(Boolean).length } : yearHeadingNote(inferred);
  if (note) context.note(note);
  const left = answer.years.filter((y) => y === undefined).length;
  if (left > 0) {
    const plural = left === 1 ? 'heading has' : 'headings have';
    problems.push(`${left} date ${plural} no year and none could be inferred; they were left out.`);
  }
  return { years: answer.years, inferred };
}

/** A heading that is a year and nothing else ("# 2021"): the meetings below it, to the next one, are in that year. */
const YEAR_HEADING = /^[\s*_]*((?:19|20)\d\d)[\s*_:]*$/;

/** For each candidate, the year of the year heading above it, if any. */
function yearHeadingYears(blocks: readonly Block[], candidates: readonly Candidate[]): (number | undefined)[] {
  const years: (number | undefined)[] = [];
  let year: number | undefined;
  let next = 0;
  for (let i = 0; i < blocks.length && next < candidates.length; i++) {
    const block = blocks[i] as Block;
    if (candidates[next]?.index === i) {
      years.push(year);
      next++;
      continue;
    }
    if (block.kind !== 'heading' || block.text.length > 12) continue;
    const match = YEAR_HEADING.exec(block.text);
    if (match) year = Number(match[1]);
  }
  return years;
}

function yearHeadingNote(inferred: readonly boolean[]): YearNote | null {
  const count = inferred.filter(Boolean).length;
  return count > 0 ? { inferred: count, method: 'named', how: 'from the year headings above them' } : null;
}

/** Full dates written in a meeting's blocks (heading included) and its links' addresses, a few at most. */
function hintsOf(blocks: readonly Block[], from: number, to: number): FullDate[] {
  const hints: FullDate[] = [];
  for (let i = from; i < to && hints.length < MAX_HINTS_PER_MEETING; i++) {
    const block = blocks[i] as Block;
    hints.push(...findFullDates(block.text, MAX_HINTS_PER_MEETING - hints.length));
    for (const link of block.links) {
      if (hints.length >= MAX_HINTS_PER_MEETING) break;
      hints.push(...findFullDates(link.href, MAX_HINTS_PER_MEETING - hints.length));
    }
  }
  return hints;
}

/** A year in the headings above the first meeting: "Kubernetes Storage SIG Meeting Notes (2017)". */
function yearInLeadingHeadings(blocks: readonly Block[], firstMeeting: number): number | undefined {
  for (let i = 0; i < firstMeeting; i++) {
    const block = blocks[i];
    if (block?.kind !== 'heading') continue;
    const year = yearIn(block.text);
    if (year !== undefined) return year;
  }
  return undefined;
}
