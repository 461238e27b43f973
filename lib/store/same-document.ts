// "Same agenda, any rendering": the Google Doc, its published page and the GitHub archive of a year
// have different addresses, so different agenda ids. They are found as candidates by what they say: item
// keys are derived from content (date, section, text), so two renderings of the same meetings share most
// of them. A page that copies an agenda shares them too, so a candidate is only that: the panel asks the
// user before it shows one's notes on the other (lib/panel/rendering-links.ts). The snapshots of what the
// user has seen hold every agenda's item keys, so finding candidates needs no record of its own.
import type { Agenda } from '../agenda/model';
import type { SeenSnapshot } from './records';

/** At least this many items in common … */
const MIN_SHARED_ITEMS = 5;
/** … and at least this share of the smaller of the two (an archive year is a slice of the live doc). */
const MIN_SHARED_SHARE = 0.5;

/** The ids of the other agendas that are renderings of this one, by the snapshots of them. Pure. */
export function sameDocumentIds(agendaId: string, agenda: Agenda, snapshots: readonly SeenSnapshot[]): string[] {
  const here = itemKeysOf(agenda);
  if (here.size === 0) return [];
  const same: string[] = [];
  for (const snapshot of snapshots) {
    if (snapshot.agendaId === agendaId) continue;
    let there = 0;
    let shared = 0;
    for (const meeting of Object.values(snapshot.meetings)) {
      for (const key of Object.keys(meeting.items)) {
        there++;
        if (here.has(key)) shared++;
      }
    }
    const smaller = Math.min(here.size, there);
    if (shared >= MIN_SHARED_ITEMS && smaller > 0 && shared / smaller >= MIN_SHARED_SHARE) same.push(snapshot.agendaId);
  }
  return same.sort();
}

function itemKeysOf(agenda: Agenda): Set<string> {
  const keys = new Set<string>();
  const stack = agenda.meetings.flatMap((meeting) => meeting.sections.flatMap((section) => section.items));
  while (stack.length > 0) {
    const item = stack.pop()!;
    keys.add(item.key);
    stack.push(...item.children);
  }
  return keys;
}
