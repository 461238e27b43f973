// The messages between the side panel and the content script of an agenda tab.
import type { Agenda, Meeting } from '../agenda/model';
import type { AgendaPatch } from './agenda-changes';

/** What a tab's content script knows about its page; `live` for the Docs editor, read through its export. */
export type AgendaSnapshot =
  | { status: 'agenda'; agenda: Agenda; live?: import('./live-doc').LiveDocState }
  | { status: 'not-agenda'; reason: string; agenda: Agenda | null; live?: import('./live-doc').LiveDocState };

export type JumpResult = { ok: true } | { ok: false; reason: string };

/**
 * The user's private marks for the page, computed by the panel from its store: which meetings and
 * items carry a note, and which items mention something the user follows. Keys are the agenda's
 * own meeting and item keys. The content script only draws them; it never sees the notes' text.
 */
export interface PageMarks {
  agendaId: string;
  /** Meeting or item keys with at least one note. */
  notes: string[];
  /** Item keys that mention a followed reference, person or phrase. */
  follows: string[];
}

/**
 * Panel → content script, through `tabs.sendMessage`. `agenda/get` answers the whole agenda at once;
 * the panel reads it in parts instead (`agenda/open`, then `agenda/part` 1, 2, … of that version), so that a
 * long agenda shows its newest meetings before the rest has crossed (see agenda-parts.ts).
 * `agenda/marks` replaces the marks drawn before.
 */
export type PanelRequest =
  | { type: 'agenda/get' }
  | { type: 'agenda/open' }
  | { type: 'agenda/part'; version: number; part: number }
  | { type: 'agenda/jump'; key: string }
  | { type: 'agenda/marks'; marks: PageMarks };

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
 * The snapshot comes along only when the agenda fits in one part; for a longer one, what changed since the
 * version before, when that is little; else nothing, and the panel reads it again in parts (every extension
 * page, the background too, would otherwise get megabytes with each edit). See agenda-changes.ts.
 */
export interface AgendaChanged {
  type: 'agenda/changed';
  version: number;
  snapshot: AgendaSnapshot | null;
  patch?: AgendaPatch;
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
    case 'agenda/marks':
      return isPageMarks((message as { marks?: unknown }).marks);
    default:
      return false;
  }
}

function isPageMarks(value: unknown): value is PageMarks {
  const marks = value as Partial<PageMarks> | null;
  return (
    typeof marks?.agendaId === 'string' &&
    Array.isArray(marks.notes) &&
    marks.notes.every((key) => typeof key === 'string') &&
    Array.isArray(marks.follows) &&
    marks.follows.every((key) => typeof key === 'string')
  );
}

export function isAgendaChanged(message: unknown): message is AgendaChanged {
  return (message as { type?: unknown } | null)?.type === 'agenda/changed';
}
