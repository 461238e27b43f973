// How a page tells open panels that its agenda changed. A short agenda comes whole with the news. A long one
// cannot (every extension page, the background too, would get megabytes with each edit): the news carries
// what changed since the version before — the meetings that are new or different, and the order of all of
// them — and a panel that shows that version patches it in place, instead of reading all of it again in parts.
import type { Meeting } from '../agenda/model';
import { sameJson } from './same-snapshot';
import { partRanges } from './agenda-parts';
import type { AgendaChanged, AgendaPatch, AgendaSnapshot } from './protocol';

/** More changed meetings than this (a paste, a re-ordering) and the panel reads the agenda again instead. */
export const MAX_PATCH_MEETINGS = 40;

export interface AnnouncedAgenda {
  snapshot: AgendaSnapshot;
  version: number;
}

/** The news of `next`: whole when it is short, else as a patch on `before` when that is small, else bare. */
export function changeMessage(next: AnnouncedAgenda, before: AnnouncedAgenda | null): AgendaChanged {
  const { snapshot, version } = next;
  if (partRanges(snapshot.agenda?.meetings.length ?? 0).length === 1)
    return { type: 'agenda/changed', version, snapshot };
  const patch = before ? patchBetween(before.snapshot, snapshot, before.version) : null;
  return patch
    ? { type: 'agenda/changed', version, snapshot: null, patch }
    : { type: 'agenda/changed', version, snapshot: null };
}

/** The patch from `before` (version `from`) to `next`, or null when they differ in more than a few meetings. */
export function patchBetween(before: AgendaSnapshot, next: AgendaSnapshot, from: number): AgendaPatch | null {
  if (before.status !== 'agenda' || next.status !== 'agenda' || !sameJson(before.live, next.live)) return null;
  const { meetings, ...agenda } = next.agenda;
  if (agenda.id !== before.agenda.id) return null;
  const known = byKey(before.agenda.meetings);
  const changed: Meeting[] = [];
  for (const meeting of meetings) {
    if (sameJson(known.get(meeting.key), meeting)) continue;
    if (changed.length === MAX_PATCH_MEETINGS) return null;
    changed.push(meeting);
  }
  return { from, agenda, order: meetings.map((m) => m.key), changed };
}

/**
 * `current` with `patch` applied: the meetings that did not change are the same objects as before. Null when
 * `current` is not the agenda the patch was made from (a meeting it names is missing).
 */
export function applyPatch(current: AgendaSnapshot, patch: AgendaPatch): AgendaSnapshot | null {
  if (current.status !== 'agenda' || current.agenda.id !== patch.agenda.id) return null;
  const known = byKey(current.agenda.meetings);
  const changed = byKey(patch.changed);
  const meetings: Meeting[] = [];
  for (const key of patch.order) {
    const meeting = changed.get(key) ?? known.get(key);
    if (!meeting) return null;
    meetings.push(meeting);
  }
  return { ...current, agenda: { ...patch.agenda, meetings } };
}

function byKey(meetings: readonly Meeting[]): Map<string, Meeting> {
  return new Map(meetings.map((meeting) => [meeting.key, meeting]));
}
