// What a note or a tick is attached to — a meeting or an item — and finding it again in an agenda.
import type { Agenda } from '../agenda/model';
import { indexAgenda, type AnchorIndex, type ItemAnchor } from './anchor';

export type AnchorTarget = MeetingTarget | ItemTarget;

export interface MeetingTarget {
  kind: 'meeting';
  /** The key it had when attached: `YYYY-MM-DD`, maybe with `#2`. */
  meetingKey: string;
  meetingDate: string;
  /** The meeting's heading as written, shown when the meeting cannot be found. */
  quote: string;
}

export interface ItemTarget {
  kind: 'item';
  /** The key it had when last attached; a hint, the anchor decides. */
  itemKey: string;
  anchor: ItemAnchor;
  /** The item's text as written, shown when the item cannot be found. */
  quote: string;
}

export interface Located {
  /** The meeting key or item key it sits on now. */
  key: string;
  /** 1 for the very same content; lower when found by similarity. */
  score: number;
  /** True when the key differs from the one remembered: the content was edited or moved. */
  moved: boolean;
}

/** The target for a meeting key or an item key in this agenda, or null when there is no such key. */
export function targetFor(agenda: Agenda, key: string): AnchorTarget | null {
  const meeting = agenda.meetings.find((m) => m.key === key);
  if (meeting) return { kind: 'meeting', meetingKey: meeting.key, meetingDate: meeting.date, quote: meeting.title };
  const index = indexAgenda(agenda);
  const flat = index.flat(key);
  const anchor = index.anchorFor(key);
  if (!flat || !anchor) return null;
  return { kind: 'item', itemKey: key, anchor, quote: flat.item.text };
}

/** Where the target is in this agenda now, or null when it cannot be found (it is then "detached"). */
export function locate(agenda: Agenda, target: AnchorTarget): Located | null {
  return locateIn(indexAgenda(agenda), target);
}

export function locateIn(index: AnchorIndex, target: AnchorTarget): Located | null {
  if (target.kind === 'meeting') return locateMeeting(index.agenda, target);
  const found = index.reattach(target.anchor, target.itemKey);
  return found ? { key: found.itemKey, score: found.score, moved: found.itemKey !== target.itemKey } : null;
}

/** A meeting is its date: the same key, else the only meeting on that date. */
function locateMeeting(agenda: Agenda, target: MeetingTarget): Located | null {
  if (agenda.meetings.some((m) => m.key === target.meetingKey)) {
    return { key: target.meetingKey, score: 1, moved: false };
  }
  const sameDate = agenda.meetings.filter((m) => m.date === target.meetingDate);
  const only = sameDate.length === 1 ? sameDate[0] : undefined;
  return only ? { key: only.key, score: 1, moved: true } : null;
}

export interface Placement<T> {
  /** Entries found, by the key they sit on now, in the order given. */
  byKey: Map<string, { entry: T; located: Located }[]>;
  /** Entries that could not be found: never dropped, shown to the user to re-attach or delete. */
  detached: T[];
}

/** Places many entries at once, sharing one index of the agenda. */
export function placeAll<T>(agenda: Agenda, entries: readonly T[], targetOf: (entry: T) => AnchorTarget): Placement<T> {
  const index = indexAgenda(agenda);
  const byKey: Placement<T>['byKey'] = new Map();
  const detached: T[] = [];
  for (const entry of entries) {
    const located = locateIn(index, targetOf(entry));
    if (!located) {
      detached.push(entry);
      continue;
    }
    const here = byKey.get(located.key);
    if (here) here.push({ entry, located });
    else byKey.set(located.key, [{ entry, located }]);
  }
  return { byKey, detached };
}
