// Document → Agenda. Pure and deterministic: the DOM is the only browser API used, there are no
// globals, and odd input is reported in `agenda.problems`, never thrown.
import { readBlocks, type Block } from './blocks';
import { inferYears, isoDate, isValidDay, parseDateHeading, yearIn, yearInAddress, type HeadingDate } from './dates';
import { readDocumentStyles } from './gdocs';
import { KeyAllocator } from './keys';
import { buildMeeting, type MeetingHead } from './meeting';
import { addKnownNamesAfterDashes } from './people';
import type { Agenda, Meeting, SourceKind } from './model';
import { agendaId, contentRoot, detectSource, documentTitle } from './source';

export interface ParseResult {
  agenda: Agenda;
  /** Meeting key and item key → the element (heading or list item) to scroll to. */
  elements: Map<string, Element>;
  /** The meetings' keys in the order of their headings in the page (the agenda lists them newest first). */
  pageOrder: string[];
}

export const NO_MEETINGS = 'No date headings found: this page does not look like a meeting agenda.';

export function parseAgenda(doc: Document, url: string, source?: SourceKind): Agenda {
  return parseDocument(doc, url, source).agenda;
}

export function parseDocument(doc: Document, url: string, source?: SourceKind): ParseResult {
  const problems: string[] = [];
  const elements = new Map<string, Element>();
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
      const blocks = readBlocks(root, styles ? { styles, baseUrl: url } : { baseUrl: url });
      const inPage = assembleMeetings(blocks, { title, url }, problems, elements);
      addKnownNamesAfterDashes(inPage);
      pageOrder = inPage.map((m) => m.key);
      meetings = newestFirst(inPage);
    }
  } catch (error) {
    problems.push(`Part of the page could not be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (meetings.length === 0 && problems.length === 0) problems.push(NO_MEETINGS);
  return { agenda: { id: agendaId(url), title, url, source: kind, meetings, problems }, elements, pageOrder };
}

/** Newest first; meetings of one day keep their document order (the sort is stable). */
function newestFirst(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

interface Candidate {
  index: number;
  block: Block;
  date: HeadingDate;
}

interface DocumentContext {
  title: string;
  url: string;
}

/** The meetings in the order of the page. */
function assembleMeetings(
  blocks: readonly Block[],
  context: DocumentContext,
  problems: string[],
  elements: Map<string, Element>,
): Meeting[] {
  const candidates = meetingCandidates(blocks);
  if (candidates.length === 0) return [];
  const years = resolveYears(candidates, blocks, context, problems);
  const meetingKeys = new KeyAllocator('#');
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
      next++;
      flush();
      entries = [];
      headLevel = block.kind === 'heading' ? block.level : 0;
      head = null;
      if (year === undefined || !isValidDay(year, candidate.date.month, candidate.date.day)) continue;
      const date = isoDate(year, candidate.date.month, candidate.date.day);
      head = { block, date: candidate.date, isoDate: date, key: meetingKeys.next(date) };
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
 * Date headings, at the level most of them use (a deeper "### Follow-up from Dec 5" inside a
 * meeting is a section). Documents that use bold lines instead of headings: their bold dates.
 */
function meetingCandidates(blocks: readonly Block[]): Candidate[] {
  const headings: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    const date = parseDateHeading(block.text.replace(/\n/g, ' '));
    if (date) headings.push({ index, block, date });
  });
  if (headings.length > 0) {
    const level = commonLevel(headings);
    return headings.filter((c) => c.block.level <= level);
  }
  const bold: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph' || !block.bold || block.text.includes('\n')) return;
    const date = parseDateHeading(block.text);
    if (date) bold.push({ index, block, date });
  });
  return bold;
}

/** The heading level most date headings share (the shallower one on a tie). */
function commonLevel(candidates: readonly Candidate[]): number {
  const counts = new Map<number, number>();
  for (const c of candidates) counts.set(c.block.level, (counts.get(c.block.level) ?? 0) + 1);
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

/** Years for every candidate; reports in `problems` how many had to be inferred or guessed, and from what. */
function resolveYears(
  candidates: readonly Candidate[],
  blocks: readonly Block[],
  context: DocumentContext,
  problems: string[],
): (number | undefined)[] {
  const dates = candidates.map((c) => c.date);
  const missing = dates.filter((d) => d.year === undefined).length;
  if (missing === 0) return dates.map((d) => d.year);
  const plural = missing === 1 ? 'heading' : 'headings';
  if (dates.some((d) => d.year !== undefined)) {
    problems.push(`Year of ${missing} ${plural} without one inferred from the dated headings around them.`);
    return inferYears(dates);
  }
  const titleYear = yearIn(context.title) ?? yearInLeadingHeadings(blocks, candidates[0]?.index ?? 0);
  const addressYear = yearInAddress(context.url);
  const fallback = titleYear ?? addressYear;
  if (fallback === undefined) {
    problems.push(`${missing} date ${plural} have no year and none could be inferred; they were left out.`);
    return dates.map(() => undefined);
  }
  const source = titleYear !== undefined ? "the document's title" : 'the page address';
  problems.push(`Year of ${missing} ${plural} guessed as ${fallback} from ${source}.`);
  return inferYears(dates, fallback);
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
