// The content script's work in a Google Docs editor tab: the agenda comes from the document's export (fetched by
// the background, parsed here), and the panel's requests are answered from it. Kept apart from the HTML pages'
// path: nothing in the editor's canvas is decorated or watched for scrolling.
import type { AgendaSnapshot } from '../messaging/protocol';
import { callBackground } from '../messaging/send';
import { sourceForUrl } from '../sources/page-address';
import { EDITOR_SHELL } from './editor-shell';
import { watchEditorExport } from './export-watcher';
import { agendaAnnouncer, respondToPanel } from './tab-responder';

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
  const tell = agendaAnnouncer(() => versionNow());
  let notEditor: AgendaSnapshot | null = null;
  const watcher = watchEditorExport(doc, {
    fetchExport: () => callBackground({ type: 'docs/export' }),
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
  // Nothing is drawn on the editor's canvas: the marks are not shown there.
  const stopResponding = respondToPanel({ ...watcher, snapshot, showMarks: () => undefined });
  ctx.onInvalidated(() => {
    stopResponding();
    watcher.stop();
  });
  // Docs changes the address when the reader opens another document tab.
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.addressChanged());
}
