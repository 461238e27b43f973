// A long agenda crosses from the page to the panel in parts. One message of 5,000 meetings is 20 MB of JSON
// and takes seconds; the reader should see the newest meetings at once. The first part is small enough to
// show straight away, the next ones double in size (fewer messages, and fewer times the panel re-derives its
// views), up to a cap that keeps each message short. Parts are slices of `agenda.meetings`, newest first,
// all of one version of the page's agenda: a re-parse in between makes the panel start again.
import type { Meeting } from '../agenda/model';
import type { AgendaOpening, AgendaPart, AgendaSnapshot } from './protocol';

/** Meetings in the first part: more than a panel's height of rows. */
export const FIRST_PART_MEETINGS = 40;
/** No part holds more meetings than this (about 4 MB of JSON for the seed's kind of meeting). */
export const MAX_PART_MEETINGS = 1000;

export interface PartRange {
  start: number;
  end: number;
}

/** Where each part starts and ends in `agenda.meetings`; always at least one part (maybe empty). */
export function partRanges(meetingCount: number, first = FIRST_PART_MEETINGS, max = MAX_PART_MEETINGS): PartRange[] {
  const ranges: PartRange[] = [];
  let start = 0;
  let size = Math.max(1, first);
  do {
    const end = Math.min(meetingCount, start + size);
    ranges.push({ start, end });
    start = end;
    size = Math.min(Math.max(1, max), size * 2);
  } while (start < meetingCount);
  return ranges;
}

/** The answer to `agenda/open`: the snapshot with the first part's meetings only, and how many parts follow. */
export function openingOf(snapshot: AgendaSnapshot, version: number): AgendaOpening {
  const agenda = snapshot.agenda;
  const meetings = agenda?.meetings.length ?? 0;
  const ranges = partRanges(meetings);
  const first = ranges[0] as PartRange;
  if (!agenda || ranges.length === 1) return { snapshot, version, parts: 1, meetings };
  return {
    snapshot: { ...snapshot, agenda: { ...agenda, meetings: agenda.meetings.slice(first.start, first.end) } },
    version,
    parts: ranges.length,
    meetings,
  } as AgendaOpening;
}

/** The answer to `agenda/part`: part `part` of version `version`, or `stale` when the page has moved on since. */
export function partOf(snapshot: AgendaSnapshot, currentVersion: number, version: number, part: number): AgendaPart {
  if (version !== currentVersion) return { stale: true };
  const meetings = snapshot.agenda?.meetings ?? [];
  const range = partRanges(meetings.length)[part];
  if (!range || part === 0) return { stale: true };
  return { stale: false, meetings: meetings.slice(range.start, range.end) };
}

/** The agenda with a further part's meetings added at the end (a new object: the panel's signals see a change). */
export function withPart(snapshot: AgendaSnapshot, meetings: readonly Meeting[]): AgendaSnapshot {
  const agenda = snapshot.agenda;
  if (!agenda || meetings.length === 0) return snapshot;
  return { ...snapshot, agenda: { ...agenda, meetings: agenda.meetings.concat(meetings) } } as AgendaSnapshot;
}
