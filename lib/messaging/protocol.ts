// The messages between the side panel and the content script of an agenda tab.
import type { Agenda, Meeting } from '../agenda/model';

/** What a tab's content script knows about its page. */
export type AgendaSnapshot =
  | { status: 'agenda'; agenda: Agenda }
  | { status: 'not-agenda'; reason: string; agenda: Agenda | null };

export type JumpResult = { ok: true } | { ok: false; reason: string };

/**
 * Panel → content script, through `tabs.sendMessage`. `agenda/get` answers the whole agenda at once;
 * the panel reads it in parts instead (`agenda/open`, then `agenda/part` 1, 2, … of that version), so that a
 * long agenda shows its newest meetings before the rest has crossed (see agenda-parts.ts).
 */
export type PanelRequest =
  | { type: 'agenda/get' }
  | { type: 'agenda/open' }
  | { type: 'agenda/part'; version: number; part: number }
  | { type: 'agenda/jump'; key: string };

/** The answer to `agenda/open`: the snapshot holding the first part's meetings, of `meetings` in `parts` parts. */
export interface AgendaOpening {
  snapshot: AgendaSnapshot;
  /** Which parse of the page the parts belong to. */
  version: number;
  parts: number;
  /** Meetings in the whole agenda. */
  meetings: number;
}

/** The answer to `agenda/part`: its meetings, or `stale` when the page was re-read since `agenda/open`. */
export type AgendaPart = { stale: false; meetings: Meeting[] } | { stale: true };

/**
 * Content script → every extension page, through `runtime.sendMessage`, after the page's agenda changed.
 * The snapshot comes along only when the agenda fits in one part; a longer one is read again in parts
 * (every extension page, the background too, would otherwise get megabytes with each edit).
 */
export interface AgendaChanged {
  type: 'agenda/changed';
  version: number;
  snapshot: AgendaSnapshot | null;
}

/** Content script → extension pages: the meeting at the top of the page's viewport changed. */
export interface VisibleMeeting {
  type: 'agenda/visible';
  meetingKey: string | null;
}

export function isVisibleMeeting(message: unknown): message is VisibleMeeting {
  return (message as { type?: unknown } | null)?.type === 'agenda/visible';
}

export function isPanelRequest(message: unknown): message is PanelRequest {
  const m = message as { type?: unknown; key?: unknown; version?: unknown; part?: unknown } | null;
  switch (m?.type) {
    case 'agenda/get':
    case 'agenda/open':
      return true;
    case 'agenda/part':
      return Number.isInteger(m.version) && Number.isInteger(m.part);
    case 'agenda/jump':
      return typeof m.key === 'string';
    default:
      return false;
  }
}

export function isAgendaChanged(message: unknown): message is AgendaChanged {
  return (message as { type?: unknown } | null)?.type === 'agenda/changed';
}
