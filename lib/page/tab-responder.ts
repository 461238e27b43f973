// One way in and out of an agenda tab, whatever reads its agenda: the panel's requests are answered from a reader,
// and the reader's changes are announced to the extension's pages. The HTML page (agenda-watcher.ts) and the Docs
// editor (export-watcher.ts, through its export) are the two readers; a new kind of page is one more.
import { changeMessage, type AnnouncedAgenda } from '../messaging/agenda-changes';
import { openingOf, partOf } from '../messaging/agenda-parts';
import { isTabRequest, type TabAnswer, type TabCall, type TabRequest } from '../messaging/calls';
import type { AgendaSnapshot, JumpResult, PageMarks } from '../messaging/protocol';

export interface AgendaReader {
  snapshot(): AgendaSnapshot;
  /** Counts the agenda's real changes: parts read for one version belong together. */
  version(): number;
  jump(key: string): JumpResult | Promise<JumpResult>;
  /** Draws the user's note and follow marks; a page that cannot show them ignores them. */
  showMarks(marks: PageMarks): void;
  /** Reads the page (or the export) again now. */
  refresh(): void;
}

type TabHandlers = { [K in TabCall]: (request: TabRequest<K>) => TabAnswer<K> | Promise<TabAnswer<K>> };

/** What each of the panel's requests is answered with. */
export function tabHandlers(reader: AgendaReader): TabHandlers {
  return {
    'agenda/get': () => reader.snapshot(),
    'agenda/open': () => openingOf(reader.snapshot(), reader.version()),
    'agenda/part': (request) => partOf(reader.snapshot(), reader.version(), request.version, request.part),
    'agenda/jump': (request) => reader.jump(request.key),
    'agenda/marks': (request) => {
      reader.showMarks(request.marks);
      return { ok: true };
    },
    'docs/refresh': () => {
      reader.refresh();
      return reader.snapshot();
    },
  };
}

/** Answers a well-formed request from `handlers`; a rejected answer becomes `{ ok: false, reason }`. */
export async function answerTabRequest(handlers: TabHandlers, request: TabRequest): Promise<unknown> {
  const handle = handlers[request.type] as (request: TabRequest) => unknown;
  try {
    return await handle(request);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export interface TabResponderOptions {
  /** After a panel asked for the agenda (it then wants to know where the reader is, too). */
  onOpened?: () => void;
}

/** Listens for the panel's requests to this tab and answers them from `reader`; returns a function that stops. */
export function respondToPanel(reader: AgendaReader, options: TabResponderOptions = {}): () => void {
  const handlers = tabHandlers(reader);
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): true | undefined => {
    if (!isTabRequest(message)) return undefined;
    void answerTabRequest(handlers, message).then(sendResponse);
    if (message.type === 'agenda/get' || message.type === 'agenda/open') setTimeout(() => options.onOpened?.(), 0);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Tells the extension's pages of each change: the whole agenda when it is short, else what changed since the last
 * news (see agenda-changes.ts). `version` is read when told, so the reader may be made after this.
 */
export function agendaAnnouncer(version: () => number): (snapshot: AgendaSnapshot) => void {
  let told: AnnouncedAgenda | null = null;
  return (snapshot) => {
    const now = { snapshot, version: version() };
    const message = changeMessage(now, told);
    told = now;
    // No panel open is the usual case, not an error.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
}
