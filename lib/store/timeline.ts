// The Following view: for one followed reference, person or phrase, every item that mentions it,
// as a timeline across meetings, newest first.
import type { Agenda, Item, SectionKind } from '../agenda/model';
import { flattenAgenda } from '../anchoring/flat-items';
import { normaliseForAnchor } from '../anchoring/similarity';
import type { FollowRecord } from './records';

export type FollowSpec = Pick<FollowRecord, 'kind' | 'value'>;

export interface TimelineEntry {
  meetingKey: string;
  date: string;
  sectionKind: SectionKind;
  sectionTitle: string;
  itemKey: string;
  text: string;
  /** 0 for an item directly under its section. */
  depth: number;
}

/** Whether an item mentions the follow. `value` is canonical (see `canonicalFollow`). */
export function followMatcher(follow: FollowSpec): (item: Item) => boolean {
  switch (follow.kind) {
    case 'ref':
      return (item) => item.refs.includes(follow.value);
    case 'person':
      return (item) => item.people.some((person) => person.toLowerCase() === follow.value);
    case 'phrase': {
      // Words are matched from their start: "csr api" finds "CSR APIs" but not "XCSR API".
      const needle = ` ${follow.value}`;
      return (item) => ` ${normaliseForAnchor(item.text)} `.includes(needle);
    }
  }
}

export function followTimeline(agenda: Agenda, follow: FollowSpec): TimelineEntry[] {
  return followTimelines(agenda, [follow])[0] ?? [];
}

/** One timeline per follow, in the order given, with one walk over the agenda. */
export function followTimelines(agenda: Agenda, follows: readonly FollowSpec[]): TimelineEntry[][] {
  const matchers = follows.map(followMatcher);
  const timelines: TimelineEntry[][] = follows.map(() => []);
  for (const { item, meeting, section, depth } of flattenAgenda(agenda)) {
    matchers.forEach((matches, index) => {
      if (!matches(item)) return;
      timelines[index]?.push({
        meetingKey: meeting.key,
        date: meeting.date,
        sectionKind: section.kind,
        sectionTitle: section.title,
        itemKey: item.key,
        text: item.text,
        depth,
      });
    });
  }
  // Documents are usually newest first, but not all: sort by date, keeping document order within a day.
  return timelines.map((entries) => stableSortBy(entries, (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)));
}

function stableSortBy<T>(values: T[], compare: (a: T, b: T) => number): T[] {
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => compare(a.value, b.value) || a.index - b.index)
    .map(({ value }) => value);
}
