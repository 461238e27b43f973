// What the side panel and the content script of an agenda tab tell each other (the requests: calls.ts).
import type { Agenda, Meeting } from '../agenda/model';

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

/** What turns version `from` of a long agenda into the version of the message that carries it (agenda-changes.ts). */
export interface AgendaPatch {
  from: number;
  /** The agenda's own fields as they are now (title, problems, …); its meetings follow `order`. */
  agenda: Omit<Agenda, 'meetings'>;
  /** Every meeting's key, in the agenda's order. */
  order: string[];
  /** The meetings that are new or changed since `from`. */
  changed: Meeting[];
}

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
