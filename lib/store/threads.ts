// Threads: GitHub references that come back in several meetings, offered to the user to follow.
import type { Agenda } from '../agenda/model';
import { flattenAgenda } from '../anchoring/flat-items';

export interface Thread {
  ref: string;
  /** Meetings that mention it. */
  meetingCount: number;
  /** Items that mention it, across those meetings. */
  itemCount: number;
  /** Newest first. */
  meetingKeys: string[];
  latestDate: string;
  earliestDate: string;
}

/** References mentioned in at least `minMeetings` meetings; most meetings first, then most recent. */
export function recurringRefs(agenda: Agenda, minMeetings = 2): Thread[] {
  const byRef = new Map<string, { meetings: Map<string, string>; items: number }>();
  for (const { item, meeting } of flattenAgenda(agenda)) {
    for (const ref of new Set(item.refs)) {
      let seen = byRef.get(ref);
      if (!seen) {
        seen = { meetings: new Map(), items: 0 };
        byRef.set(ref, seen);
      }
      seen.items++;
      seen.meetings.set(meeting.key, meeting.date);
    }
  }
  const threads: Thread[] = [];
  for (const [ref, seen] of byRef) {
    if (seen.meetings.size < minMeetings) continue;
    const meetings = [...seen.meetings.entries()].sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
    threads.push({
      ref,
      meetingCount: meetings.length,
      itemCount: seen.items,
      meetingKeys: meetings.map(([key]) => key),
      latestDate: meetings[0]?.[1] ?? '',
      earliestDate: meetings[meetings.length - 1]?.[1] ?? '',
    });
  }
  return threads.sort(
    (a, b) =>
      b.meetingCount - a.meetingCount ||
      (a.latestDate < b.latestDate ? 1 : a.latestDate > b.latestDate ? -1 : 0) ||
      (a.ref < b.ref ? -1 : 1),
  );
}

/** "kubernetes/community#911 — discussed in 3 meetings", and ", 2017–2019" when it spans years. */
export function describeThread(thread: Thread): string {
  const meetings = `${thread.meetingCount} meeting${thread.meetingCount === 1 ? '' : 's'}`;
  const first = thread.earliestDate.slice(0, 4);
  const last = thread.latestDate.slice(0, 4);
  return `${thread.ref} — discussed in ${meetings}${first && first !== last ? `, ${first}–${last}` : ''}`;
}
