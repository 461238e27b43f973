// The content script's work in a Google Docs editor tab: the agenda comes from the document's export (fetched by
// the background, parsed here), and the panel's requests are answered from it. Kept apart from the HTML pages'
// path: nothing in the editor's canvas is decorated or watched for scrolling.
import { isLiveDocRefresh, type ExportAnswer, type ExportRequest } from '../messaging/live-doc';
import { changeMessage, type AnnouncedAgenda } from '../messaging/agenda-changes';
import { openingOf, partOf } from '../messaging/agenda-parts';
import { isPanelRequest, type AgendaSnapshot } from '../messaging/protocol';
import { sourceForUrl } from '../sources/sources';
import { EDITOR_SHELL } from './editor-shell';
import { watchEditorExport } from './export-watcher';

/**
 * The editor's address on docs.google.com; on this computer (the tests' imitation of the editor) the same
 * address and the editor's shell around a canvas. The background still checks the tab against its Docs host.
 */
export function isEditorTab(doc: Document): boolean {
  const source = sourceForUrl(doc.location.href);
  if (!source.editor) return false;
  return source.kind === 'gdocs-editor' || doc.querySelector(EDITOR_SHELL.scroller) !== null;
}

const NOT_EDITOR =
  'This page has the Google Docs editor’s address, but not on the Google Docs host the extension reads. ' +
  'Open the document on docs.google.com.';

interface EditorTabContext {
  onInvalidated(callback: () => void): void;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

export function startEditorTab(ctx: EditorTabContext, doc: Document = document): void {
  // The watcher reports its first state while it is being made, before `watcher` below exists.
  let versionNow = (): number => 0;
  let told: AnnouncedAgenda | null = null;
  const tell = (snapshot: AgendaSnapshot): void => {
    const now = { snapshot, version: versionNow() };
    const message = changeMessage(now, told);
    told = now;
    // No panel open is the usual case, not an error.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };
  const request: ExportRequest = { type: 'docs/export' };
  let notEditor: AgendaSnapshot | null = null;
  const watcher = watchEditorExport(doc, {
    fetchExport: () => browser.runtime.sendMessage(request) as Promise<ExportAnswer>,
    onChange: tell,
    onNotEditor() {
      notEditor = { status: 'not-agenda', reason: NOT_EDITOR, agenda: null };
      tell(notEditor);
    },
  });
  versionNow = () => watcher.version();
  const snapshot = (): AgendaSnapshot => notEditor ?? watcher.snapshot();
  // A panel that asked before this script was ready learns the state now.
  tell(snapshot());
  ctx.onInvalidated(() => watcher.stop());
  // Docs changes the address when the reader opens another document tab.
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.addressChanged());

  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (isLiveDocRefresh(message)) {
      watcher.refresh();
      sendResponse(snapshot());
      return undefined;
    }
    if (!isPanelRequest(message)) return undefined;
    if (message.type === 'agenda/get') {
      sendResponse(snapshot());
      return undefined;
    }
    if (message.type === 'agenda/open') {
      sendResponse(openingOf(snapshot(), watcher.version()));
      return undefined;
    }
    if (message.type === 'agenda/part') {
      sendResponse(partOf(snapshot(), watcher.version(), message.version, message.part));
      return undefined;
    }
    if (message.type !== 'agenda/jump') return undefined;
    watcher.jump(message.key).then(sendResponse, (error: unknown) => sendResponse({ ok: false, reason: String(error) }));
    return true;
  });
}
