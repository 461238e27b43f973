// The messages between the side panel and the content script of an agenda tab.
import type { Agenda } from '../agenda/model';

/** What a tab's content script knows about its page; `live` for the Docs editor, read through its export. */
export type AgendaSnapshot =
  | { status: 'agenda'; agenda: Agenda; live?: import('./live-doc').LiveDocState }
  | { status: 'not-agenda'; reason: string; agenda: Agenda | null; live?: import('./live-doc').LiveDocState };

export type JumpResult = { ok: true } | { ok: false; reason: string };

/** Panel → content script, through `tabs.sendMessage`. */
export type PanelRequest = { type: 'agenda/get' } | { type: 'agenda/jump'; key: string };

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
  return type === 'agenda/get' || (type === 'agenda/jump' && typeof (message as { key?: unknown }).key === 'string');
}

export function isAgendaChanged(message: unknown): message is AgendaChanged {
  return (message as { type?: unknown } | null)?.type === 'agenda/changed';
}
