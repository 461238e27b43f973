// Synthetic agendas of N meetings for the benchmark, built from the seed's meetings as templates: the same
// sections, nested items, links and people, with dates going back a week or two at a time from a start date
// (so every meeting key is unique) and, after the first round of templates, fresh issue and pull numbers,
// handles and document ids, so that the references are as diverse as a real archive's.
// Deterministic: the same options give the same Markdown, byte for byte. Markdown first, then the
// project's own renderers turn it into a Google Docs export or GitHub's rendering.
import { renderGdocsExport } from '../../scripts/render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { Random } from '../../scripts/support/random';
import {
  HEADING_DATE,
  BRACKET_TAG,
  MENTION,
  joinAgenda,
  monthName,
  readSeed,
  splitSeed,
  type MeetingTemplate,
  type SeedAgenda,
} from './seed-templates';

export interface GenerateOptions {
  /** How many meetings. */
  meetings: number;
  /** Seeds every random choice; the same seed gives the same document. */
  seed?: number;
  /** The newest meeting's date, `YYYY-MM-DD`. */
  start?: string;
  /** Days between meetings: weekly or every other week. */
  cadenceDays?: 7 | 14;
  /** The templates; the seed agenda by default. */
  templates?: SeedAgenda;
}

export interface GeneratedAgenda {
  markdown: string;
  title: string;
  /** Every meeting's date, `YYYY-MM-DD`, newest first (the document's order). */
  dates: string[];
}

export type Rendering = 'gdocs' | 'github';

export const DEFAULT_START = '2018-12-26';
const DAY_MS = 86_400_000;
/** The parser reads years 1900–2099 only, as agendas write them. */
const OLDEST_YEAR = 1900;

let seedCache: SeedAgenda | undefined;

/** The seed agenda, read and cut once. */
export function seedAgenda(): SeedAgenda {
  seedCache ??= splitSeed(readSeed());
  return seedCache;
}

export function generateAgenda(options: GenerateOptions): GeneratedAgenda {
  const { meetings: count, seed = 1, start = DEFAULT_START, cadenceDays = 7 } = options;
  const templates = options.templates ?? seedAgenda();
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`meetings must be a positive integer, not ${count}`);
  const dates = meetingDates(start, count, cadenceDays);
  const random = new Random(seed);
  const pool = handlePool(templates.people, random);
  const known = new Set(templates.people);
  const meetings: MeetingTemplate[] = [];
  let order: number[] = [];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / templates.meetings.length);
    const slot = i % templates.meetings.length;
    // The first round keeps the seed's order and text; later rounds shuffle the templates and vary them.
    if (slot === 0) order = round === 0 ? templates.meetings.map((_, n) => n) : random.shuffle(order);
    const template = templates.meetings[order[slot] as number] as MeetingTemplate;
    const body = round === 0 ? template.body : varyMeeting(template.body, random, pool, known);
    meetings.push({ heading: redate(template.heading, dates[i] as string), body });
  }
  return { markdown: joinAgenda(templates.preamble, meetings), title: templates.title, dates };
}

/** The Markdown as a page: a Google Docs HTML export, or GitHub's rendering of the file. */
export function renderAgenda(
  agenda: Pick<GeneratedAgenda, 'markdown' | 'title'>,
  rendering: Rendering,
  seed = 1,
): string {
  return rendering === 'gdocs'
    ? renderGdocsExport(agenda.markdown, { title: agenda.title, seed })
    : renderGithubHtml(agenda.markdown, { title: 'meeting-notes.md' });
}

/** `count` dates, newest first, `cadenceDays` apart, starting at `start`. */
export function meetingDates(start: string, count: number, cadenceDays: number): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) throw new RangeError(`start must be YYYY-MM-DD, not ${start}`);
  const first = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const dates: string[] = [];
  for (let i = 0; i < count; i++) dates.push(new Date(first - i * cadenceDays * DAY_MS).toISOString().slice(0, 10));
  const oldest = dates[dates.length - 1] ?? start;
  if (Number(oldest.slice(0, 4)) < OLDEST_YEAR) {
    throw new RangeError(
      `${count} meetings ${cadenceDays} days apart from ${start} go back to ${oldest}, ` +
        `before ${OLDEST_YEAR}; use a later start or a weekly cadence.`,
    );
  }
  return dates;
}

/** The heading with its date replaced, in the same style (`August 08, 2018` keeps its leading zero). */
function redate(heading: string, iso: string): string {
  const match = HEADING_DATE.exec(heading);
  if (!match) throw new Error(`no date in the template heading "${heading}"`);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const padded = (match[2] ?? '').length === 2 && (match[2] ?? '').startsWith('0');
  const dayText = padded ? String(day).padStart(2, '0') : String(day);
  return heading.replace(HEADING_DATE, `${monthName(month)} ${dayText}, ${year}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Variation: one meeting's text with other numbers, people and ids, consistent within the meeting (the link
// text `#69848` and its target `/pull/69848` still agree).

const GITHUB_NUMBER = /(github\.com\/[\w.-]+\/[\w.-]+\/(?:pull|pulls|issues)\/)(\d+)/g;
const YOUTUBE = /(youtu\.be\/|youtube\.com\/watch\?v=)([\w-]{6,})/g;
const DOCS = /(docs\.google\.com\/document\/d\/)([\w-]{20,})/g;
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function varyMeeting(body: string, random: Random, pool: readonly string[], known: ReadonlySet<string>): string {
  return varyPeople(varyIds(varyNumbers(body, random), random), random, pool, known);
}

function varyNumbers(body: string, random: Random): string {
  const numbers = new Map<string, string>();
  for (const m of body.matchAll(GITHUB_NUMBER)) {
    const old = m[2] as string;
    if (!numbers.has(old)) numbers.set(old, String(random.int(1000, 130_000)));
  }
  if (numbers.size === 0) return body;
  return (
    body
      .replace(GITHUB_NUMBER, (_, prefix: string, old: string) => prefix + (numbers.get(old) ?? old))
      // The same number written in the text: `[#69848](…)`, `[600: Dynamic Audit Configuration](…)`.
      .replace(/(^|[^\w./-])(#?)(\d{3,9})(?!\w)/gm, (all, before: string, hash: string, old: string) => {
        const next = numbers.get(old);
        return next === undefined ? all : before + hash + next;
      })
  );
}

function varyIds(body: string, random: Random): string {
  return body
    .replace(YOUTUBE, (_, prefix: string) => prefix + random.string(ID_ALPHABET, 11))
    .replace(DOCS, (_, prefix: string) => prefix + random.string(ID_ALPHABET, 44));
}

/** Mentions anywhere, and the seed's names in bracketed tags, each replaced by a handle from the pool. */
function varyPeople(body: string, random: Random, pool: readonly string[], known: ReadonlySet<string>): string {
  const people = new Map<string, string>();
  const swap = (name: string): string => {
    let next = people.get(name);
    if (next === undefined) {
      next = random.pick(pool);
      // "Clayton" stays a capitalised name, "liggitt" a lower-case handle.
      if (/^[A-Z]/.test(name)) next = next.charAt(0).toUpperCase() + next.slice(1);
      people.set(name, next);
    }
    return next;
  };
  return body
    .replace(MENTION, (_, before: string, handle: string) => `${before}@${swap(handle)}`)
    .replace(BRACKET_TAG, (all, inner: string) => {
      const parts = inner.split(',').map((part) => {
        const name = part.trim();
        return known.has(name) ? part.replace(name, swap(name)) : part;
      });
      return parts.join(',') === inner ? all : `[${parts.join(',')}]`;
    });
}

const SYLLABLES = [
  'ka',
  'li',
  'mo',
  'ra',
  'te',
  'su',
  'no',
  'vi',
  'de',
  'ha',
  'jo',
  'pe',
  'za',
  'bu',
  'ri',
  'an',
  'el',
  'or',
];

/** The seed's own people and as many made-up handles again, several times over. */
function handlePool(seedPeople: readonly string[], random: Random): string[] {
  const pool = new Set(seedPeople.map((p) => p.toLowerCase()));
  const target = Math.max(200, pool.size * 8);
  while (pool.size < target) {
    const length = random.int(2, 4);
    let handle = '';
    for (let i = 0; i < length; i++) handle += random.pick(SYLLABLES);
    if (random.chance(0.3)) handle += String(random.int(1, 100));
    pool.add(handle);
  }
  return [...pool];
}
