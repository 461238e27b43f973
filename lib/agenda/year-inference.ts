// Years for date headings that do not write one ("## December 11, 11a - Noon", "### March 27 (Recording)").
//
// A live document rarely writes the year: its address and title name none, and recent meetings neither. What
// the document does give, and how it is weighed:
// - the month wrapping between neighbours (December after January in a newest-first document) gives every
//   heading's year relative to the first one; only one year is left to find, the first heading's;
// - the cadence: a group meets on one weekday. Which weekday is not known beforehand, so the cadence is the
//   share of meetings on the commonest weekday, per candidate year; it tells leap years and year wraps apart.
//   A weekday named in a heading ("Tue, Jan 8") pins it;
// - what the document writes: full dates in a meeting ("Agenda (2020-12-10)", a link to
//   `…/blog/2019/07/31/…`, "issues since 2019-01-01"), a year in the title or the address;
// - for a live document only, today: its newest meeting is the latest, or the next one, never far ahead.
// Everything here is linear in the input: a fixed range of candidate years times the meetings and their hints.
// The clock is passed in (`now`), never read here.
import { inferYears, isValidDay, MONTH, MONTHS, type PartialDate } from './dates';
import type { YearMethod, YearNote } from './model';

export interface FullDate {
  year: number;
  month: number;
  day: number;
}

export interface HeadingClue extends PartialDate {
  /** The weekday the heading names ("Tue, Jan 8"), 0 = Sunday. */
  weekday?: number;
  /** Full dates written in the meeting (its heading, its items, its links' addresses). */
  hints: readonly FullDate[];
}

export interface YearContext {
  /** The reader's clock (epoch ms). Without it, today is no evidence and nothing may be in the future. */
  now?: number;
  /** A live document (Google Docs): its newest meeting is near today. An archive's is not. */
  live: boolean;
  /** A year in the document's title or its address. */
  named?: { year: number; from: 'title' | 'address' };
}

export interface YearAnswer {
  /** One per heading; undefined where no year could be found. */
  years: (number | undefined)[];
  /** True where the year was inferred, not written in the heading. */
  inferred: boolean[];
  note: YearNote | null;
}

/** How far ahead of today a live document's newest meeting may be: the next meeting, prepared early. */
export const FUTURE_DAYS = 60;
/** A full date written in a meeting speaks for the meeting's year when it is this close to the meeting. */
export const HINT_DAYS = 100;
/** How many years back from today (or from the years the document names) are candidates. */
const SPAN_YEARS = 60;
/** A cadence counts when at least this share of meetings falls on one weekday, and there are enough of them. */
const CADENCE_SHARE = 0.5;
const CADENCE_MIN_MEETINGS = 3;
export const MAX_HINTS_PER_MEETING = 8;

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

interface Scored {
  base: number;
  /** Meetings on the commonest weekday, and which weekday that is. */
  cadence: number;
  weekday: number;
  /** Headings whose named weekday matches, and those whose does not. */
  namedMatch: number;
  namedMiss: number;
  /** Meetings with a written full date near them. */
  hinted: number;
  /** Meetings in the year the title or address names, and whether the first heading is one. */
  inNamedYear: number;
  firstInNamedYear: boolean;
}

export function inferHeadingYears(clues: readonly HeadingClue[], context: YearContext): YearAnswer {
  const written = clues.map((c) => c.year);
  const missing = written.filter((y) => y === undefined).length;
  if (missing === 0) return { years: written, inferred: clues.map(() => false), note: null };
  if (written.some((y) => y !== undefined)) {
    const years = inferYears(clues);
    const note: YearNote = {
      inferred: countInferred(clues, years),
      method: 'neighbours',
      how: 'from the dated headings around them',
    };
    return { years, inferred: inferredFlags(clues, years), note: note.inferred > 0 ? note : null };
  }
  // No heading writes a year: the month wrapping gives each one's year relative to the first heading.
  const offsets = inferYears(clues, 0).map((y) => y ?? 0);
  const chosen = chooseBase(clues, offsets, context);
  if (!chosen) return { years: clues.map(() => undefined), inferred: clues.map(() => false), note: null };
  const years = offsets.map((offset) => chosen.base + offset);
  return { years, inferred: inferredFlags(clues, years), note: { ...chosen.note, inferred: missing } };
}

function countInferred(clues: readonly HeadingClue[], years: readonly (number | undefined)[]): number {
  return inferredFlags(clues, years).filter(Boolean).length;
}

function inferredFlags(clues: readonly HeadingClue[], years: readonly (number | undefined)[]): boolean[] {
  return clues.map((c, i) => c.year === undefined && years[i] !== undefined);
}

interface Choice {
  base: number;
  note: Omit<YearNote, 'inferred'>;
}

/** The first heading's year, and how it was found; null when nothing can tell. */
function chooseBase(clues: readonly HeadingClue[], offsets: readonly number[], context: YearContext): Choice | null {
  const range = candidateRange(clues, offsets, context);
  if (!range) return null;
  const today = context.now === undefined ? undefined : Math.floor(context.now / DAY_MS);
  const feasible: Scored[] = [];
  for (let base = range.high; base >= range.low; base--) {
    const scored = score(clues, offsets, base, context, today);
    if (scored) feasible.push(scored);
  }
  if (feasible.length === 0) return null;
  // Latest first, so that every "first best" below is the latest year among equals.
  const n = clues.length;
  const best = (values: readonly Scored[], key: (s: Scored) => number): Scored[] => {
    let top = Number.NEGATIVE_INFINITY;
    for (const s of values) top = Math.max(top, key(s));
    return values.filter((s) => key(s) === top);
  };
  // The cadence: named weekdays first, then the most meetings on one weekday; only when it says something.
  const cadenceKey = (s: Scored): number => (s.namedMatch - s.namedMiss) * (n + 1) + s.cadence;
  const byCadence = best(feasible, cadenceKey);
  const top = byCadence[0] as Scored;
  const cadenceCounts = top.namedMatch > 0 || (n >= CADENCE_MIN_MEETINGS && top.cadence >= CADENCE_SHARE * n);
  const fitting = cadenceCounts ? byCadence : feasible;
  const newest = (s: Scored): number => s.base + newestOffset(offsets);
  const finish = (pick: Scored, method: YearMethod, how: string, doubt?: string): Choice => {
    const note: Choice['note'] = { method, how: cadenceCounts ? `${how}; ${cadenceWords(pick, n)}` : how };
    const misses = namedMisses(pick);
    const doubts = [doubt, misses].filter(Boolean).join(' ');
    if (doubts) note.doubt = doubts;
    return { base: pick.base, note };
  };

  // What the document writes: dates near meetings, the year of its title or address (on a tie, the year the
  // first heading is in, as the title of an archive names the year it starts with).
  const evidence = (s: Scored): number => s.hinted + s.inNamedYear + (s.firstInNamedYear ? 0.5 : 0);
  const bestWritten = best(feasible, evidence)[0] as Scored;
  if (evidence(bestWritten) > 0) {
    const inFitting = best(fitting, evidence)[0] as Scored;
    const pick = evidence(inFitting) === evidence(bestWritten) ? inFitting : bestWritten;
    const source = writtenSource(pick, context);
    const method: YearMethod = pick.inNamedYear >= pick.hinted ? 'named' : 'hints';
    const doubt =
      pick !== inFitting
        ? `The meetings’ weekdays fit ${newest(inFitting)} better; ${source.short} says ${newest(pick)}, which is used.`
        : conflictingHints(pick, feasible);
    return finish(pick, method, source.words, doubt);
  }
  const pick = fitting[0] as Scored;
  if (context.live && today !== undefined) {
    return finish(pick, 'today', 'from today’s date');
  }
  if (today === undefined) return null;
  // An archive that names no year anywhere: the latest year whose calendar fits, said to be a guess.
  const others = fitting.slice(1, 3).map(newest).join(' and ');
  return finish(
    pick,
    'calendar',
    'as a guess: nothing in the document names a year, so the latest one that fits is used',
    others ? `The dates fit ${others} as well.` : undefined,
  );
}

/** Candidate first-heading years: back from today (or from the years the document writes). */
function candidateRange(
  clues: readonly HeadingClue[],
  offsets: readonly number[],
  context: YearContext,
): { low: number; high: number } | null {
  let minOffset = 0;
  let maxOffset = 0;
  for (const o of offsets) {
    minOffset = Math.min(minOffset, o);
    maxOffset = Math.max(maxOffset, o);
  }
  if (context.now !== undefined) {
    const high = new Date(context.now).getUTCFullYear() + 1 - maxOffset;
    return { low: high - SPAN_YEARS, high };
  }
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const take = (year: number): void => {
    low = Math.min(low, year - 1 - maxOffset);
    high = Math.max(high, year + 1 - minOffset);
  };
  if (context.named) take(context.named.year);
  for (const clue of clues) for (const hint of clue.hints) take(hint.year);
  if (low > high) return null;
  return { low: Math.max(low, high - SPAN_YEARS), high };
}

/** The year of the newest heading relative to the first one's (0 in a newest-first document). */
function newestOffset(offsets: readonly number[]): number {
  let max = 0;
  for (const o of offsets) max = Math.max(max, o);
  return max;
}

function score(
  clues: readonly HeadingClue[],
  offsets: readonly number[],
  base: number,
  context: YearContext,
  today: number | undefined,
): Scored | null {
  const perWeekday = [0, 0, 0, 0, 0, 0, 0];
  let namedMatch = 0;
  let namedMiss = 0;
  let hinted = 0;
  let inNamedYear = 0;
  let firstInNamedYear = false;
  let newest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < clues.length; i++) {
    const clue = clues[i] as HeadingClue;
    const year = base + (offsets[i] ?? 0);
    // 29 February of a year that has none: this year is impossible.
    if (!isValidDay(year, clue.month, clue.day)) return null;
    const day = dayNumber(year, clue.month, clue.day);
    newest = Math.max(newest, day);
    const weekday = weekdayOf(day);
    perWeekday[weekday] = (perWeekday[weekday] ?? 0) + 1;
    if (clue.weekday !== undefined) {
      if (clue.weekday === weekday) namedMatch++;
      else namedMiss++;
    }
    if (context.named && context.named.year === year) {
      inNamedYear++;
      if (i === 0) firstInNamedYear = true;
    }
    for (const hint of clue.hints) {
      if (Math.abs(dayNumber(hint.year, hint.month, hint.day) - day) <= HINT_DAYS) {
        hinted++;
        break;
      }
    }
  }
  // Nothing is in the future beyond a live document's next meeting; an archive's meetings are all past.
  if (today !== undefined && newest > today + (context.live ? FUTURE_DAYS : 0)) return null;
  let weekday = 0;
  for (let d = 1; d < 7; d++) if ((perWeekday[d] ?? 0) > (perWeekday[weekday] ?? 0)) weekday = d;
  return {
    base,
    cadence: perWeekday[weekday] ?? 0,
    weekday,
    namedMatch,
    namedMiss,
    hinted,
    inNamedYear,
    firstInNamedYear,
  };
}

function cadenceWords(s: Scored, n: number): string {
  const day = WEEKDAYS[s.weekday];
  return s.cadence === n ? `every meeting falls on a ${day}` : `${s.cadence} of ${n} meetings fall on a ${day}`;
}

function writtenSource(pick: Scored, context: YearContext): { words: string; short: string } {
  if (context.named && pick.inNamedYear >= pick.hinted) {
    const where = context.named.from === 'title' ? 'the document’s title' : 'the page address';
    return { words: `from the year in ${where} (${context.named.year})`, short: where };
  }
  const meetings = pick.hinted === 1 ? 'meeting' : 'meetings';
  return { words: `from full dates written in ${pick.hinted} ${meetings}`, short: 'what is written' };
}

/** Written dates that also speak for another year, in numbers that matter: say so. */
function conflictingHints(pick: Scored, feasible: readonly Scored[]): string | undefined {
  let rival: Scored | undefined;
  for (const s of feasible) {
    if (s === pick || s.hinted === 0) continue;
    if (!rival || s.hinted > rival.hinted) rival = s;
  }
  if (!rival || rival.hinted * 2 < pick.hinted) return undefined;
  return `Dates written in the meetings also point to other years (${rival.hinted} meetings against ${pick.hinted}).`;
}

function namedMisses(pick: Scored): string | undefined {
  if (pick.namedMiss === 0) return undefined;
  const headings = pick.namedMiss === 1 ? 'heading names a weekday' : 'headings name a weekday';
  return `${pick.namedMiss} ${headings} its date does not fall on.`;
}

/** Days since 1970-01-01 (UTC) of a calendar day. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** 0 = Sunday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// ---- What the text gives ---------------------------------------------------------------------

const WEEKDAY_WORDS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
const WEEKDAY_WORD = /\b(?:sun|mon|tue|wed|thu|fri|sat)[a-z]{0,6}\b/gi;

/** The weekday a heading names ("Tue, Jan 8", "Monitoring sync, Wednesday December 11"), 0 = Sunday. */
export function namedWeekday(heading: string): number | undefined {
  WEEKDAY_WORD.lastIndex = 0;
  for (let m = WEEKDAY_WORD.exec(heading); m; m = WEEKDAY_WORD.exec(heading)) {
    const weekday = WEEKDAY_WORDS[m[0].toLowerCase()];
    if (weekday !== undefined) return weekday;
  }
  return undefined;
}

// Each pattern is a sequence of bounded pieces (no nested or overlapping quantifiers), run with /g over one
// block's text at a time: linear in the text.
/** "2019-12-11", "2019/07/31" (in blog addresses), the same separator twice. */
const ISO_LIKE = /(?<!\d)((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
/** "December 11, 2019", "Dec 11 2019", "Mar 12th, 2019". */
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\.? {0,3}(\\d{1,2})(?:st|nd|rd|th)?,? {1,3}((?:19|20)\\d{2})(?!\\d)`,
  'gi',
);
/** "11 December 2019". */
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)? {1,3}${MONTH}\\.?,? {1,3}((?:19|20)\\d{2})(?!\\d)`,
  'gi',
);
/** "12/11/2019": month first, as the US-based groups write it. */
const NUMERIC = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/g;
/** "20191211" in recording titles and file names. */
const COMPACT = /(?<![\w])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\w])/g;

/**
 * Full dates written in a piece of text, up to `limit`. Text that holds no "19" or "20" is skipped at once.
 */
export function findFullDates(text: string, limit = MAX_HINTS_PER_MEETING): FullDate[] {
  const found: FullDate[] = [];
  if (limit <= 0 || (!text.includes('19') && !text.includes('20'))) return found;
  const add = (year: number, month: number | undefined, day: number): boolean => {
    if (month !== undefined && isValidDay(year, month, day)) found.push({ year, month, day });
    return found.length >= limit;
  };
  const run = (pattern: RegExp, read: (m: RegExpExecArray) => [number, number | undefined, number]): boolean => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const [year, month, day] = read(m);
      if (add(year, month, day)) return true;
    }
    return false;
  };
  if (run(ISO_LIKE, (m) => [Number(m[1]), Number(m[3]), Number(m[4])])) return found;
  if (run(MONTH_DAY_YEAR, (m) => [Number(m[3]), MONTHS[(m[1] ?? '').toLowerCase()], Number(m[2])])) return found;
  if (run(DAY_MONTH_YEAR, (m) => [Number(m[3]), MONTHS[(m[2] ?? '').toLowerCase()], Number(m[1])])) return found;
  if (run(NUMERIC, (m) => [Number(m[3]), Number(m[1]), Number(m[2])])) return found;
  run(COMPACT, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
  return found;
}
