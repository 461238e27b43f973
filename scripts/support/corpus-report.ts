// What `npm run corpus` says of one parsed agenda: its meetings, their cadence and what breaks it, empty meetings,
// sections by kind, people and references; and the signs that the parser missed something: more date-like
// headings or bold paragraphs than meetings, dates out of order, dates outside the year the file is named for.
import { readBlocks } from '../../lib/agenda/blocks';
import { readDocumentStyles } from '../../lib/agenda/gdocs';
import type { Agenda, Item, Meeting, SectionKind } from '../../lib/agenda/model';
import { contentRoot, detectSource } from '../../lib/agenda/page-kind';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/**
 * A month name and a day, a day and a month name (28 Nov 2023), or a numeric date (2023/12/06, 2023-12-06,
 * 12/18/2018): bounded, linear patterns.
 */
const DATE_LIKE = new RegExp(
  `\\b${MONTH}\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s{1,3}${MONTH}(?=\\s|$|,)|` +
    `\\b\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`,
  'i',
);
/** Longer blocks are prose that mentions a date, not a meeting's heading. */
const MAX_HEADING_LENGTH = 160;
/**
 * A meeting's heading names its date first ("Tue, March 3", "SIG Docs 12/18/2018"); a heading whose first date comes
 * later is a sentence about other days ("Dec [all dates] - meetings canceled, next meeting Jan 2nd 2024").
 */
const MAX_WORDS_BEFORE_DATE = 3;
const MAX_WORDS_AFTER_DATE_LINE = 3;

/**
 * Headings, paragraphs wholly in bold, "Date: | …" table rows, lines under an empty heading and lines that are a date
 * and little else, whose text reads as a date: where meetings usually start. Blocks are read
 * as the parser reads them, so that bold in a Google Docs export (a class in its style sheet) counts as bold.
 */
export function dateLikeBlocks(doc: Document): string[] {
  const kind = detectSource(doc);
  const root = contentRoot(doc, kind);
  if (!root) return [];
  const styles = kind === 'gdocs-html' ? readDocumentStyles(doc) : undefined;
  const found: string[] = [];
  let lastDay = '';
  let lastIndex = -1;
  for (const block of readBlocks(root, styles ? { styles, baseUrl: doc.URL } : { baseUrl: doc.URL })) {
    if (block.kind === 'item') continue;
    // A plain paragraph is read by its first line: "Sep 25, 2024" above "Recording: <link>" in one paragraph.
    const lines = block.kind === 'paragraph' && !block.bold ? block.text.split('\n') : [block.text];
    const text = (lines[0] as string).replace(/\s+/g, ' ').trim();
    if (!text || text.length > MAX_HEADING_LENGTH) continue;
    const date = DATE_LIKE.exec(text);
    if (!date) continue;
    const row = DATE_ROW.test(text);
    // A table row is a meeting's only as "Date: | …" ("Twitter | Sep 19th" is a cell of a table of links).
    if (block.element.tagName === 'TR' && !row) continue;
    const before = wordsIn(text.slice(0, date.index));
    // A heading may name the meeting first ("SIG Docs 12/18/2018"); a line of text opens with its date.
    if (before > (block.kind === 'heading' || row ? MAX_WORDS_BEFORE_DATE : /^\W*date\W/i.test(text) ? 1 : 0)) continue;
    const plain = block.kind === 'paragraph' && !block.bold && !row && !underEmptyHeading(block.element);
    // A plain line counts when it is a date and little else ("Dec. 9 2015"); otherwise it is prose.
    if (plain && wordsIn(text.slice(date.index + date[0].length)) > MAX_WORDS_AFTER_DATE_LINE) continue;
    // "[Jan 31st, 2023](#heading=…)": a link to a meeting elsewhere in the page.
    if (plain && lines.length === 1 && block.element.querySelector('a')) continue;
    if (plain && [...block.element.querySelectorAll('a')].some((a) => a.textContent && text.includes(a.textContent))) {
      continue;
    }
    // "August 8" under "### August 8 (Recording)", "Date: Sept 30, 2015" under "Sept. 30": the same date again.
    const day = date[0]
      .toLowerCase()
      .replace(/[.,\s]+/g, ' ')
      .trim();
    if (plain && day === lastDay && lastIndex === found.length) continue;
    lastDay = day;
    lastIndex = found.length + 1;
    found.push(text);
  }
  return found;
}

/** A table row whose first cell is "Date:", a meeting written as a table. */
const DATE_ROW = /^\s*date\s*:?\s*\|/i;

/** Right below an empty heading ("## " and the date on the next, indented line: a Docs-to-Markdown artefact). */
function underEmptyHeading(element: Element): boolean {
  const box = element.tagName === 'CODE' && element.parentElement?.tagName === 'PRE' ? element.parentElement : element;
  const before = box.previousElementSibling;
  const heading = before?.matches('h1, h2, h3, h4, h5, h6')
    ? before
    : before?.querySelector(':scope.markdown-heading > *');
  return heading !== null && heading !== undefined && /^H[1-6]$/.test(heading.tagName) && !heading.textContent?.trim();
}

function wordsIn(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export interface CorpusFacts {
  file: string;
  meetings: number;
  canceled: number;
  first: string | null;
  last: string | null;
  /** The most common number of days between neighbouring meetings. */
  usualInterval: number | null;
  /** Dates whose gap to the meeting before them is neither the usual interval nor a multiple of it. */
  cadenceBreaks: string[];
  emptyMeetings: string[];
  sections: Partial<Record<SectionKind, number>>;
  people: number;
  references: number;
  dateLikeBlocks: number;
  outOfOrder: string[];
  wrongYear: string[];
  problems: string[];
}

function allItems(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...allItems(item.children)]);
}

function days(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/** The year a file's name gives (meeting-notes-2018.md, 2019-meeting-notes.md), if exactly one. */
export function yearOfFileName(file: string): number | null {
  const years = [...file.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  return years.length === 1 ? (years[0] ?? null) : null;
}

function cadence(meetings: readonly Meeting[]): { usual: number | null; breaks: string[] } {
  const chronological = [...meetings].filter((m) => !m.key.includes('#')).sort((a, b) => a.date.localeCompare(b.date));
  const gaps = chronological.slice(1).map((m, i) => ({ date: m.date, gap: days(m.date, chronological[i]!.date) }));
  const counts = new Map<number, number>();
  for (const { gap } of gaps) if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
  if (usual === null) return { usual, breaks: [] };
  // A gap of twice the usual or more is a break too: a skipped meeting, or one the parser missed.
  const breaks = gaps.filter(({ gap }) => gap <= 0 || gap % usual !== 0 || gap >= 2 * usual);
  return { usual, breaks: breaks.map(({ date }) => date) };
}

export function corpusFacts(file: string, agenda: Agenda, dateLike: readonly string[]): CorpusFacts {
  const meetings = agenda.meetings;
  const items = meetings.flatMap((m) => m.sections.flatMap((s) => allItems(s.items)));
  const sections: Partial<Record<SectionKind, number>> = {};
  for (const section of meetings.flatMap((m) => m.sections)) {
    if (section.items.length > 0) sections[section.kind] = (sections[section.kind] ?? 0) + 1;
  }
  // Newest first, as the model promises; a date later than the one above it is out of order.
  const outOfOrder = meetings
    .slice(1)
    .filter((m, i) => m.date > meetings[i]!.date)
    .map((m) => m.key);
  const year = yearOfFileName(file);
  const wrongYear =
    year === null ? [] : meetings.filter((m) => Math.abs(Number(m.date.slice(0, 4)) - year) > 1).map((m) => m.key);
  const { usual, breaks } = cadence(meetings);
  return {
    file,
    meetings: meetings.length,
    canceled: meetings.filter((m) => m.canceled).length,
    first: meetings.at(-1)?.date ?? null,
    last: meetings[0]?.date ?? null,
    usualInterval: usual,
    cadenceBreaks: breaks,
    emptyMeetings: meetings.filter((m) => m.itemCount === 0 && !m.canceled).map((m) => m.key),
    sections,
    people: new Set(items.flatMap((i) => i.people.map((p) => p.toLowerCase()))).size,
    references: new Set(items.flatMap((i) => i.refs)).size,
    dateLikeBlocks: dateLike.length,
    outOfOrder,
    wrongYear,
    problems: agenda.problems,
  };
}

/** The documents worth a look: the parser may have missed or misread meetings there. */
export function suspicious(facts: readonly CorpusFacts[]): { file: string; why: string }[] {
  const out: { file: string; why: string }[] = [];
  for (const f of facts) {
    if (f.dateLikeBlocks > f.meetings)
      out.push({
        file: f.file,
        why: `${f.dateLikeBlocks} date-like headings or bold paragraphs, ${f.meetings} meetings`,
      });
    for (const problem of f.problems) out.push({ file: f.file, why: problem });
    if (f.outOfOrder.length > 0) out.push({ file: f.file, why: `out of order: ${f.outOfOrder.join(', ')}` });
    if (f.wrongYear.length > 0) out.push({ file: f.file, why: `outside the file's year: ${f.wrongYear.join(', ')}` });
  }
  return out;
}

export function formatFacts(f: CorpusFacts): string {
  const sections =
    Object.entries(f.sections)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ') || 'none';
  const lines = [
    `${f.file}`,
    `  meetings ${f.meetings} (${f.canceled} canceled), ${f.first ?? '–'} to ${f.last ?? '–'}, every ${f.usualInterval ?? '–'} days` +
      (f.cadenceBreaks.length
        ? `; breaks: ${f.cadenceBreaks.slice(0, 8).join(', ')}${f.cadenceBreaks.length > 8 ? ' …' : ''}`
        : ''),
    `  sections: ${sections}`,
    `  people ${f.people}, references ${f.references}, date-like blocks ${f.dateLikeBlocks}`,
  ];
  if (f.emptyMeetings.length)
    lines.push(`  no items: ${f.emptyMeetings.slice(0, 8).join(', ')}${f.emptyMeetings.length > 8 ? ' …' : ''}`);
  for (const problem of f.problems) lines.push(`  problem: ${problem}`);
  return lines.join('\n');
}
