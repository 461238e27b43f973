// What's new since the user last looked: a compact snapshot of the agenda as seen (a hash per meeting
// and per item) and the pure difference between it and the agenda now.
import type { Agenda, Item, Meeting } from '../agenda/model';
import type { SeenMeeting, SeenSnapshot } from './records';

export type Novelty = 'new' | 'changed';

export interface WhatsNew {
  /** No snapshot yet: nothing is marked (everything would be); save a baseline with `seen.markSeen`. */
  firstVisit: boolean;
  /** Meeting key → new (not seen before) or changed (heading, cancellation, recording or items differ). */
  meetings: Map<string, Novelty>;
  /** Item key → new or changed (links or strike-through); an edited text is a new key, so it is new. */
  items: Map<string, Novelty>;
}

export function snapshotOf(agendaId: string, agenda: Agenda, savedAt: number): SeenSnapshot {
  const meetings: Record<string, SeenMeeting> = {};
  for (const meeting of agenda.meetings) meetings[meeting.key] = seenMeeting(meeting);
  return { agendaId, savedAt, meetings };
}

/** Meetings are immutable once parsed: a snapshot and every later comparison with it hash each one once. */
const hashed = new WeakMap<Meeting, SeenMeeting>();

export function seenMeeting(meeting: Meeting): SeenMeeting {
  let seen = hashed.get(meeting);
  if (!seen) {
    seen = hashMeeting(meeting);
    hashed.set(meeting, seen);
  }
  return seen;
}

function hashMeeting(meeting: Meeting): SeenMeeting {
  const items: Record<string, string> = {};
  const keys: string[] = [];
  const visit = (item: Item): void => {
    keys.push(item.key);
    items[item.key] = hash(JSON.stringify([item.text, item.struck, item.links.map((link) => link.href)]));
    item.children.forEach(visit);
  };
  for (const section of meeting.sections) section.items.forEach(visit);
  const hashOfMeeting = hash(
    JSON.stringify([meeting.title, meeting.time ?? '', meeting.canceled, meeting.recording ?? '', keys]),
  );
  return { hash: hashOfMeeting, items };
}

/** Pure. */
export function whatsNew(snapshot: SeenSnapshot | undefined, agenda: Agenda): WhatsNew {
  const result: WhatsNew = { firstVisit: snapshot === undefined, meetings: new Map(), items: new Map() };
  if (!snapshot) return result;
  for (const meeting of agenda.meetings) {
    const before = snapshot.meetings[meeting.key];
    const now = seenMeeting(meeting);
    if (!before) {
      result.meetings.set(meeting.key, 'new');
      for (const key of Object.keys(now.items)) result.items.set(key, 'new');
      continue;
    }
    if (before.hash === now.hash && sameItems(before.items, now.items)) continue;
    result.meetings.set(meeting.key, 'changed');
    for (const [key, itemHash] of Object.entries(now.items)) {
      const seen = before.items[key];
      if (seen === undefined) result.items.set(key, 'new');
      else if (seen !== itemHash) result.items.set(key, 'changed');
    }
  }
  return result;
}

function sameItems(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((key) => a[key] === b[key]);
}

/** FNV-1a, 32-bit, as 8 hex digits: enough to tell "changed" apart, small enough to keep 100k of. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
