// The seed agenda (tests/fixtures/agendas/sig-auth_archive_meeting-notes-2018.md) cut into the pieces the
// synthetic-agenda generator reuses: the preamble above the first meeting, one template per meeting (its
// date heading and everything under it, blank lines included), and the people it names.
import { readFileSync } from 'node:fs';

import { SEED_PATH } from '../support/fixtures';

export interface MeetingTemplate {
  /** The heading line as written: `## ~~March 7, 2018, 11a - Noon (Pacific Time)~~`. */
  heading: string;
  /** Everything after the heading line up to the next meeting, with its trailing blank lines. */
  body: string;
}

export interface SeedAgenda {
  /** The text above the first meeting (`# Kubernetes Sig-auth Meeting Agenda` and blank lines). */
  preamble: string;
  /** The document's title: the text of its leading `# heading`. */
  title: string;
  meetings: MeetingTemplate[];
  /** Handles and names the seed tags people with (`pbarker`, `Clayton`), without `@`. */
  people: string[];
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "December 26, 2018" / "August 08, 2018" inside a heading: month, day as written, year. */
export const HEADING_DATE = new RegExp(`\\b(${MONTH_NAMES.join('|')}) (\\d{1,2}), (\\d{4})\\b`);

/** `@handle` after a non-word character, as a mention (not an e-mail address). */
export const MENTION = /(^|[^\w@.])@([A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9]))*)/g;

/** A bracketed tag (not a link's text): `[@cjcullen,@tallclair] …`, `[Clayton] …`, `… [ericchiang]`. */
export const BRACKET_TAG = /\[([^\]\n]+)\](?!\()/g;

/** Bracketed words that open items without naming anyone. */
const NOT_PEOPLE = new Set(['update', 'wip', 'draft', 'note', 'ai']);

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`no month ${month}`);
  return name;
}

export function monthNumber(name: string): number {
  return MONTH_NAMES.indexOf(name) + 1;
}

export function readSeed(path: string = SEED_PATH): string {
  return readFileSync(path, 'utf8');
}

/** Cuts a Markdown agenda at its `## <date>` headings. Lossless: joining the pieces gives the input back. */
export function splitSeed(markdown: string): SeedAgenda {
  const lines = markdown.split('\n');
  const starts: number[] = [];
  lines.forEach((line, index) => {
    if (/^## /.test(line) && HEADING_DATE.test(line)) starts.push(index);
  });
  if (starts.length === 0) throw new Error('The seed has no `## <Month D, YYYY>` meeting headings.');
  const first = starts[0] as number;
  const meetings = starts.map((start, n) => {
    const end = starts[n + 1] ?? lines.length;
    return { heading: lines[start] as string, body: lines.slice(start + 1, end).join('\n') };
  });
  const preamble = lines.slice(0, first).join('\n');
  const title = /^# (.+)$/m.exec(preamble)?.[1]?.trim() ?? 'Agenda';
  return { preamble, title, meetings, people: peopleOf(meetings) };
}

/** Joins a preamble and meetings back into one Markdown document (the inverse of `splitSeed`). */
export function joinAgenda(preamble: string, meetings: readonly MeetingTemplate[]): string {
  const parts = [preamble];
  for (const meeting of meetings) parts.push(meeting.heading, meeting.body);
  return parts.join('\n');
}

function peopleOf(meetings: readonly MeetingTemplate[]): string[] {
  const people = new Set<string>();
  for (const { body } of meetings) {
    for (const m of body.matchAll(MENTION)) if (m[2]) people.add(m[2]);
    for (const m of body.matchAll(BRACKET_TAG)) {
      for (const part of (m[1] ?? '').split(',')) {
        const name = part.trim().replace(/^@/, '');
        if (/^[A-Za-z][\w-]{2,}$/.test(name) && !NOT_PEOPLE.has(name.toLowerCase())) people.add(name);
      }
    }
  }
  return [...people].sort();
}
