// Turns the parser's answer for a page into what the panel shows: an agenda, or the reason there is none.
import type { Agenda } from '../agenda/model';
import type { AgendaSnapshot } from '../messaging/protocol';

export function snapshotOf(agenda: Agenda): AgendaSnapshot {
  if (agenda.meetings.length > 0) return { status: 'agenda', agenda };
  const reason =
    agenda.problems[0] ?? 'No meeting dates were found on this page, so it does not look like a meeting agenda.';
  return { status: 'not-agenda', reason, agenda };
}

export function unreadableSnapshot(reason: string): AgendaSnapshot {
  return { status: 'not-agenda', reason, agenda: null };
}
