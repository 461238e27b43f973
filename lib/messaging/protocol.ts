// The messages between the side panel and the content script of an agenda tab.
import type { Agenda } from '../agenda/model';

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

/** Panel → content script, through `tabs.sendMessage`. `agenda/marks` replaces the marks drawn before. */
export type PanelRequest =
  | { type: 'agenda/get' }
  | { type: 'agenda/jump'; key: string }
  | { type: 'agenda/marks'; marks: PageMarks };

/** Content script → every extension page, through `runtime.sendMessage`, after the page's agenda changed. */
export interface AgendaChanged {
  type: 'agenda/changed';
  snapshot: AgendaSnapshot;
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
  const type = (message as { type?: unknown } | null)?.type;
  if (type === 'agenda/get') return true;
  if (type === 'agenda/jump') return typeof (message as { key?: unknown }).key === 'string';
  if (type === 'agenda/marks') return isPageMarks((message as { marks?: unknown }).marks);
  return false;
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
