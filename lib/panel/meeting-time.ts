// When a meeting happens in the reader's own time zone. Agendas write the time once, in the organisers'
// zone ('11a - Noon (Pacific Time)', '10am PT', '9:00-10:00 Pacific'); the panel shows it in the reader's,
// for that meeting's date, so daylight saving time on either side is accounted for.
import type { Agenda, Meeting } from '../agenda/model';

export interface MeetingTime {
  /** The text as written. */
  original: string;
  /** IANA zone inferred ('America/Los_Angeles' for Pacific/PT/PST/PDT). */
  sourceZone: string;
  start: Date;
  end: Date | null;
  /** start–end in the reader's zone, with the zone's short name: '20:00–21:00 CET', '7:00 – 8:00 PM PDT'. */
  local: string;
  /** The reader's zone shows the same wall-clock time as the source's. */
  sameZone: boolean;
  /** The reader's calendar day of the start minus the meeting's date: -1, 0 or +1 (e.g. +1 in Tokyo for 5pm PT). */
  dayOffset: number;
}

// ---- Zones ---------------------------------------------------------------------------------------------

interface ZoneRule {
  zone: string;
  /** Names, in any case. */
  names?: RegExp;
  /** Abbreviations, upper case only (so that 'et', 'pt' or 'ist' in words are not zones). */
  abbreviations?: RegExp;
}

const ZONES: readonly ZoneRule[] = [
  { zone: 'America/Los_Angeles', names: /\bpacific\b/i, abbreviations: /\b(?:PT|PST|PDT)\b/ },
  { zone: 'America/Denver', names: /\bmountain\b/i, abbreviations: /\b(?:MT|MST|MDT)\b/ },
  { zone: 'America/Chicago', names: /\bcentral\b(?!\s*europe)/i, abbreviations: /\b(?:CT|CST|CDT)\b/ },
  { zone: 'America/New_York', names: /\beastern\b/i, abbreviations: /\b(?:ET|EST|EDT)\b/ },
  { zone: 'Europe/Berlin', names: /\bcentral\s*europe(?:an)?\b/i, abbreviations: /\b(?:CET|CEST)\b/ },
  { zone: 'Europe/London', names: /\bbritish\b/i, abbreviations: /\bBST\b/ },
  { zone: 'Asia/Kolkata', names: /\bindia(?:n)?\b/i, abbreviations: /\bIST\b/ },
  { zone: 'Asia/Tokyo', names: /\bjapan(?:ese)?\b/i, abbreviations: /\bJST\b/ },
  { zone: 'UTC', abbreviations: /\b(?:UTC|GMT)\b/i },
];

/** 'UTC+2', 'GMT -5': whole hours only, as the Etc zones have them. */
const UTC_OFFSET = /\b(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/i;

/** The zone the text names, the earliest mention winning; null when it names none. */
export function zoneOf(text: string): string | null {
  const offset = UTC_OFFSET.exec(text);
  if (offset) {
    const hours = Number(offset[2]);
    if (offset[3] && Number(offset[3]) !== 0) return null;
    if (hours > 14) return null;
    if (hours === 0) return 'UTC';
    // The Etc zones' signs are POSIX's, the opposite of ISO's: UTC+2 is Etc/GMT-2.
    return `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
  }
  let best: { zone: string; at: number } | null = null;
  for (const rule of ZONES) {
    for (const pattern of [rule.names, rule.abbreviations]) {
      const found = pattern?.exec(text);
      if (found && (!best || found.index < best.at)) best = { zone: rule.zone, at: found.index };
    }
  }
  return best?.zone ?? null;
}

// ---- Clock times ---------------------------------------------------------------------------------------

type Suffix = 'am' | 'pm' | null;

interface Clock {
  hour: number;
  minute: number;
  suffix: Suffix;
  /** 'noon' or 'midnight', written as a word. */
  word: 'noon' | 'midnight' | null;
  /** Says on its own that it is a time: minutes, am/pm or a word. A bare '11' does not. */
  strong: boolean;
}

const CLOCK = String.raw`(?:(noon|midday|midnight)|(\d{1,2})(?::([0-5]\d))?\s*(a\.\s?m\.|p\.\s?m\.|am|pm|a|p)?)`;
const RANGE = new RegExp(
  String.raw`(?<![\w:.])${CLOCK}(?![\w:])(?:\s*(?:-|–|—|to|until|till)\s*${CLOCK}(?![\w:]))?`,
  'giu',
);

function clockOf(
  word: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  suffix: string | undefined,
): Clock | null {
  if (word) {
    const w = word.toLowerCase() === 'midnight' ? 'midnight' : 'noon';
    return { hour: w === 'noon' ? 12 : 0, minute: 0, suffix: null, word: w, strong: true };
  }
  if (hour === undefined) return null;
  const s: Suffix = suffix ? (suffix.toLowerCase().startsWith('a') ? 'am' : 'pm') : null;
  const h = Number(hour);
  if (s ? h < 1 || h > 12 : h > 24) return null;
  return {
    hour: h,
    minute: minute ? Number(minute) : 0,
    suffix: s,
    word: null,
    strong: s !== null || minute !== undefined,
  };
}

/** Minutes after midnight of a clock that says what it means: 24-hour, or with am/pm, or a word. */
function minutesOf(clock: Clock): number {
  if (clock.word === 'noon') return 720;
  if (clock.word === 'midnight') return 0;
  if (clock.suffix === 'am') return (clock.hour % 12) * 60 + clock.minute;
  if (clock.suffix === 'pm') return ((clock.hour % 12) + 12) * 60 + clock.minute;
  return clock.hour * 60 + clock.minute;
}

/** A bare hour beside a clearer one: '11-12pm' is 11am, '1-2pm' 1pm, '11am-12' noon. */
function besideOther(clock: Clock, other: number, before: boolean): number {
  if (clock.suffix !== null || clock.word !== null || clock.hour > 12) return minutesOf(clock);
  const am = (clock.hour % 12) * 60 + clock.minute;
  const pm = am + 720;
  if (before) return pm < other ? pm : am; // the latest start before the end
  // The earliest end after the start, the next morning included ('11pm-1' ends at 1am).
  return [am, pm, am + 1440].find((end) => end > other) ?? pm;
}

interface WallTimes {
  start: number;
  /** Minutes after the meeting date's midnight; past 1440 when the meeting ends the next day. */
  end: number | null;
}

/** The first time or time range in the text that says clearly that it is one. */
export function wallTimesOf(text: string): WallTimes | null {
  for (const found of text.matchAll(RANGE)) {
    const start = clockOf(found[1], found[2], found[3], found[4]);
    const end = clockOf(found[5], found[6], found[7], found[8]);
    if (!start) continue;
    if (!end) {
      if (!start.strong || start.hour === 24) continue;
      return { start: minutesOf(start), end: null };
    }
    if (!start.strong && !end.strong) continue;
    let startMinutes: number;
    let endMinutes: number;
    if (start.strong) {
      startMinutes = minutesOf(start);
      endMinutes = besideOther(end, startMinutes, false);
    } else {
      endMinutes = minutesOf(end);
      if (end.word === 'midnight' || endMinutes === 0) endMinutes = 1440;
      startMinutes = besideOther(start, endMinutes, true);
    }
    if (startMinutes >= 1440) continue;
    if (endMinutes <= startMinutes) endMinutes += 1440;
    return { start: startMinutes, end: endMinutes };
  }
  return null;
}

// ---- Instants ------------------------------------------------------------------------------------------

const PARTS = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = PARTS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    PARTS.set(zone, format);
  }
  return format;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallIn(zone: string, instant: number): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormat(zone).formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof Wall] = Number(part.value);
  }
  if (wall.hour === 24) wall.hour = 0;
  return wall;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(zone: string, instant: number): number {
  const w = wallIn(zone, instant);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant when the zone's clocks show `minutes` after midnight of the date (DST-aware). */
function instantOf(date: { year: number; month: number; day: number }, minutes: number, zone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = asUtc - offsetAt(zone, asUtc);
  const second = asUtc - offsetAt(zone, first);
  return second;
}

function isZone(zone: string): boolean {
  try {
    partsFormat(zone);
    return true;
  } catch {
    return false;
  }
}

let readerZone: string | null = null;

/** The reader's zone. Read once: a formatter is slow to make, and every meeting row asks. */
export function defaultZone(): string {
  readerZone ??= new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return readerZone;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The meeting's time as an instant, and as the reader's clock shows it. Null when the text has no clear
 * time or no zone, or the date is not a date.
 */
export function meetingTime(
  date: string,
  timeText: string | undefined,
  userZone?: string,
  locale?: string,
): MeetingTime | null {
  if (!timeText) return null;
  // Rows ask again on every render (each keystroke): remember the answers, a few thousand at most.
  const key = `${date}\n${timeText}\n${userZone ?? ''}\n${locale ?? ''}`;
  const known = TIMES.get(key);
  if (known !== undefined) return known;
  if (TIMES.size >= MAX_TIMES) TIMES.clear();
  const time = computeMeetingTime(date, timeText, userZone, locale);
  TIMES.set(key, time);
  return time;
}

const TIMES = new Map<string, MeetingTime | null>();
const MAX_TIMES = 20_000;

function computeMeetingTime(date: string, timeText: string, userZone?: string, locale?: string): MeetingTime | null {
  const day = DATE.exec(date);
  if (!day) return null;
  const ymd = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > 31) return null;
  const sourceZone = zoneOf(timeText);
  if (!sourceZone || !isZone(sourceZone)) return null;
  const wall = wallTimesOf(timeText);
  if (!wall) return null;
  const zone = userZone && isZone(userZone) ? userZone : defaultZone();

  const start = instantOf(ymd, wall.start, sourceZone);
  const end = wall.end === null ? null : instantOf(ymd, wall.end, sourceZone);
  const userWall = wallIn(zone, start);
  const dayOffset = Math.round(
    (Date.UTC(userWall.year, userWall.month - 1, userWall.day) - Date.UTC(ymd.year, ymd.month - 1, ymd.day)) /
      86_400_000,
  );
  return {
    original: timeText,
    sourceZone,
    start: new Date(start),
    end: end === null ? null : new Date(end),
    local: formatLocal(start, end, zone, locale),
    sameZone: offsetAt(zone, start) === offsetAt(sourceZone, start),
    dayOffset,
  };
}

/** Formatters by locale and zone: making one costs far more than using it. */
const LOCAL_FORMATS = new Map<string, { format: Intl.DateTimeFormat; clock: Intl.DateTimeFormat | null }>();

function localFormats(
  zone: string,
  locale: string | undefined,
): { format: Intl.DateTimeFormat; clock: Intl.DateTimeFormat | null } {
  const key = `${locale ?? ''}\n${zone}`;
  let formats = LOCAL_FORMATS.get(key);
  if (!formats) {
    const options: Intl.DateTimeFormatOptions = {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    };
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formats = { format, clock: null };
    LOCAL_FORMATS.set(key, formats);
  }
  return formats;
}

function formatLocal(start: number, end: number | null, zone: string, locale: string | undefined): string {
  const formats = localFormats(zone, locale);
  const format = formats.format;
  if (end === null) return format.format(start);
  const startDay = wallIn(zone, start);
  const endDay = wallIn(zone, end);
  if (startDay.day === endDay.day && startDay.month === endDay.month) return format.formatRange(start, end);
  // Past midnight in the reader's zone formatRange would add both dates; the times alone read better.
  if (!formats.clock) {
    const { locale: resolved, hourCycle } = format.resolvedOptions();
    formats.clock = new Intl.DateTimeFormat(resolved, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
      hourCycle,
    });
  }
  return `${formats.clock.format(start)}\u2009–\u2009${format.format(end)}`;
}

// ---- The next meeting ----------------------------------------------------------------------------------

/** Today's date, 'YYYY-MM-DD', in the zone (the reader's by default). */
export function todayIn(zone?: string, now: Date = new Date()): string {
  const w = wallIn(zone && isZone(zone) ? zone : defaultZone(), now.getTime());
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The earliest meeting that is not canceled on or after today (a date in the reader's zone), else null. */
export function nextMeeting(agenda: Agenda, today: string): Meeting | null {
  let next: Meeting | null = null;
  for (const meeting of agenda.meetings) {
    if (meeting.canceled || meeting.date < today) continue;
    if (!next || meeting.date < next.date) next = meeting;
  }
  return next;
}
