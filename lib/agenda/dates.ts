// Dates as agendas write them in headings: "November 28, 2018, 11a - Noon (Pacific Time)",
// "August 08, 2018", "Jan 08", "Mar 12th", "Tue, Jan 8", "Sept 23", "December 24 & 31, 2019",
// "Agenda (2020-12-10)", "2023/12/06", "9/23/2019", "23 September 2019". Years may be missing; inferYears fills them.

export interface PartialDate {
  year?: number;
  month: number; // 1-12
  day: number; // 1-31
}

export interface DateMatch extends PartialDate {
  /** Where the date starts and ends in the text it was found in. */
  start: number;
  end: number;
}

export interface HeadingDate extends PartialDate {
  /** The meeting time as written after the date ('11a - Noon (Pacific Time)'), if any. */
  time?: string;
  /** The text around the date, without it and without the time: where "CANCELLED" would be. */
  rest: string;
}

/** Month names and their usual abbreviations, lower case → 1–12. */
export const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** A month name or abbreviation, as a capturing group. */
export const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)';
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

/** "November 28, 2018", "Jan 08", "December 24 & 31, 2019", "Mar 12th". */
const MONTH_DAY = new RegExp(
  `\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL}(?![\\d:])(?:\\s*(?:&|and|-|–|\\/)\\s*\\d{1,2}${ORDINAL}(?![\\d:]))?(?:,?\\s+${YEAR}(?!\\d))?`,
  'i',
);
/** "23 September 2019", "5th of March". */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+${YEAR}(?!\\d))?`, 'i');
/** "2020-12-16", "2023/12/06", "2023.12.06": one separator throughout. */
const ISO = /\b((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]\d)/;
/** "9/23/2019", "9/23/19" (month first, as the US-based groups write it). */
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)?\d{2})(?![\d/])/;

/** The first complete date (month and day, year optional) in the text, or null. */
export function findDate(text: string): DateMatch | null {
  let best: DateMatch | null = null;
  for (const candidate of [matchMonthDay(text), matchDayMonth(text), matchIso(text), matchNumeric(text)]) {
    if (candidate && (!best || candidate.start < best.start)) best = candidate;
  }
  return best;
}

function matchMonthDay(text: string): DateMatch | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  return validMatch(m, MONTHS[(m[1] ?? '').toLowerCase()], Number(m[2]), m[3] ? Number(m[3]) : undefined);
}

function matchDayMonth(text: string): DateMatch | null {
  const m = DAY_MONTH.exec(text);
  if (!m) return null;
  return validMatch(m, MONTHS[(m[2] ?? '').toLowerCase()], Number(m[1]), m[3] ? Number(m[3]) : undefined);
}

function matchIso(text: string): DateMatch | null {
  const m = ISO.exec(text);
  if (!m) return null;
  return validMatch(m, Number(m[3]), Number(m[4]), Number(m[1]));
}

function matchNumeric(text: string): DateMatch | null {
  const m = NUMERIC.exec(text);
  if (!m) return null;
  const rawYear = Number(m[3]);
  const year = rawYear < 100 ? 2000 + rawYear : rawYear;
  return validMatch(m, Number(m[1]), Number(m[2]), year);
}

function validMatch(
  m: RegExpExecArray,
  month: number | undefined,
  day: number,
  year: number | undefined,
): DateMatch | null {
  if (month === undefined || !isValidDay(year ?? 2000, month, day)) return null;
  const match: DateMatch = { month, day, start: m.index, end: m.index + m[0].length };
  if (year !== undefined) match.year = year;
  return match;
}

/** True when the day exists in that month (29 February only in leap years). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Words allowed before the date for a heading to still count as a date heading ("(CANCELLED) Agenda (…)"). */
const MAX_WORDS_BEFORE_DATE = 4;
const MAX_HEADING_LENGTH = 160;

/**
 * Reads a heading that names a meeting by its date. A heading whose date comes late in a sentence
 * ("Notes on the release due December 3, 2018") or that has none ("Agenda", the title) is not one.
 */
export function parseDateHeading(text: string): HeadingDate | null {
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return null;
  const found = findDate(text);
  if (!found) return null;
  const before = text.slice(0, found.start);
  if (countWords(before) > MAX_WORDS_BEFORE_DATE) return null;
  const after = text.slice(found.end);
  const time = extractTime(after);
  const afterTime = time ? after.slice(after.indexOf(time) + time.length) : after;
  const heading: HeadingDate = { month: found.month, day: found.day, rest: `${before} ${afterTime}`.trim() };
  if (found.year !== undefined) heading.year = found.year;
  if (time) heading.time = time;
  return heading;
}

function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  return words ? words.length : 0;
}

// Case-sensitive on purpose: the zone is an upper-case abbreviation ("PT"), never a word ("with").
const CLOCK =
  '(?:\\d{1,2}(?::\\d{2})?\\s*(?:[aApP]\\.?[mM]\\.?|[aApP])(?![a-zA-Z])|\\d{1,2}:\\d{2}|[nN]oon|NOON|[mM]idnight)';
const TIME = new RegExp(
  `^${CLOCK}(?:\\s*(?:-|–|—|to)\\s*${CLOCK})?(?:\\s*\\([^)]{1,40}\\)|\\s+(?:[A-Z]{2,5}|UTC|GMT)(?:[+-]\\d{1,2})?(?![\\w]))?`,
);

/** The time written just after a date: "11a - Noon (Pacific Time)", "10:00am PT", "9am-10am". */
export function extractTime(afterDate: string): string | undefined {
  const lead = /^[\s,;:@\-–—]*(?:at\s+)?/i.exec(afterDate);
  const rest = afterDate.slice(lead ? lead[0].length : 0);
  const m = TIME.exec(rest);
  return m ? m[0].trim() : undefined;
}

/** `YYYY-MM-DD`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A year written on its own in a title, heading or address: "meeting-notes-2018.md", "Notes (2017)". */
export function yearIn(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** A year in a URL's path, between separators, so that document ids full of digits do not count. */
export function yearInAddress(url: string): number | undefined {
  let path = url;
  try {
    const parsed = new URL(url);
    if (/(^|\.)docs\.google\.com$/.test(parsed.hostname)) return undefined;
    path = decodeURIComponent(parsed.pathname);
  } catch {
    // Not a URL: read it as a path.
  }
  const m = /(?:^|[/_.\- ])((?:19|20)\d{2})(?=$|[/_.\- ])/.exec(path);
  return m ? Number(m[1]) : undefined;
}

// ---- Year inference ------------------------------------------------------------------------

/** How far a date may go "the wrong way" before it counts as a new year rather than a slip. */
const WRAP_DAYS = 60;

export type Direction = 'newest-first' | 'oldest-first';

/**
 * Fills in missing years from the dated headings around them, walking the document and starting
 * a new year when the month wraps (December after January in a newest-first document). With no
 * year anywhere, `fallbackYear` is given to the first heading. Returns one year per date, or
 * undefined where none could be found.
 */
export function inferYears(dates: readonly PartialDate[], fallbackYear?: number): (number | undefined)[] {
  const years: (number | undefined)[] = dates.map((d) => d.year);
  if (dates.length === 0) return years;
  if (!years.some((y) => y !== undefined)) {
    if (fallbackYear === undefined) return years;
    years[0] = fallbackYear;
  }
  const direction = detectDirection(dates);
  // Downward: each missing year from the one above it.
  for (let i = 1; i < dates.length; i++) {
    const prev = years[i - 1];
    const cur = dates[i];
    const prevDate = dates[i - 1];
    if (years[i] !== undefined || prev === undefined || !cur || !prevDate) continue;
    years[i] = stepYear(prev, prevDate, cur, direction === 'newest-first' ? 'back' : 'forward');
  }
  // Upward: the missing years above the first known one.
  for (let i = dates.length - 2; i >= 0; i--) {
    const next = years[i + 1];
    const cur = dates[i];
    const nextDate = dates[i + 1];
    if (years[i] !== undefined || next === undefined || !cur || !nextDate) continue;
    years[i] = stepYear(next, nextDate, cur, direction === 'newest-first' ? 'forward' : 'back');
  }
  return years;
}

/** The year of `cur`, seen from `known` (year `year`), moving back or forward in time. */
function stepYear(year: number, known: PartialDate, cur: PartialDate, time: 'back' | 'forward'): number {
  const diff = dayOfYear(cur) - dayOfYear(known);
  if (time === 'back' && diff > WRAP_DAYS) return year - 1;
  if (time === 'forward' && diff < -WRAP_DAYS) return year + 1;
  return year;
}

function dayOfYear(d: PartialDate): number {
  return (d.month - 1) * 31 + d.day;
}

/** Newest first unless the dates mostly go up. Uses full dates where years are known. */
export function detectDirection(dates: readonly PartialDate[]): Direction {
  let up = 0;
  let down = 0;
  const dated = dates.filter((d) => d.year !== undefined);
  const sample = dated.length >= 2 ? dated : dates;
  for (let i = 1; i < sample.length; i++) {
    const a = sample[i - 1];
    const b = sample[i];
    if (!a || !b) continue;
    const diff = ordinal(b) - ordinal(a);
    if (diff > 0) up++;
    else if (diff < 0) down++;
  }
  return up > down ? 'oldest-first' : 'newest-first';
}

function ordinal(d: PartialDate): number {
  return (d.year ?? 0) * 400 + dayOfYear(d);
}
