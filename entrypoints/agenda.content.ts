// Reads the agenda on the pages we understand and answers the side panel.
import type { AgendaSnapshot, VisibleMeeting } from '@/lib/messaging/protocol';
import { watchAgenda } from '@/lib/page/agenda-watcher';
import { isEditorTab, startEditorTab } from '@/lib/page/editor-tab';
import { startPrivateMarks } from '@/lib/page/private-marks';
import { startRefBadges } from '@/lib/page/ref-badges';
import { watchReadingPosition, type ReadingPosition } from '@/lib/page/scroll-spy';
import { agendaAnnouncer, respondToPanel } from '@/lib/page/tab-responder';
import { AGENDA_SITE_MATCHES } from '@/lib/sources/build-modes';

export default defineContentScript({
  // The agenda sites. Other sites are read once the user turns them on (lib/background/site-scripts.ts); the
  // test build adds pages on 127.0.0.1 and localhost (wxt.config.ts).
  matches: AGENDA_SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // The Docs editor draws on a canvas: its agenda comes from the document's export instead.
    if (isEditorTab(document)) return startEditorTab(ctx);
    // GitHub status icons after the agenda's links, while the page is an agenda.
    const badges = startRefBadges(document);
    // The user's note and follow markers, as the panel sends them.
    const marks = startPrivateMarks(document, (key) => watcher.element(key), { reread: () => watcher.refresh() });
    let readingPosition: ReadingPosition | null = null;
    const tellPanels = agendaAnnouncer(() => watcher.version());
    const announce = (snapshot: AgendaSnapshot): void => {
      // The panels first: their news leaves before the page's badges and marks are placed again, which on a long
      // agenda takes longer than the news itself.
      tellPanels(snapshot);
      badges.follow(snapshot);
      marks.follow(snapshot);
      readingPosition?.recheck();
    };
    const watcher = watchAgenda(document, announce);
    // A panel that asked before this script was ready learns the agenda now.
    announce(watcher.snapshot());
    readingPosition = watchReadingPosition(
      window,
      () => watcher.meetingElements(),
      (meetingKey) => {
        const message: VisibleMeeting = { type: 'agenda/visible', meetingKey };
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    );
    // A page no longer watched (it held no agenda) is read again when the panel asks about it.
    const snapshotForPanel = (): AgendaSnapshot => {
      if (watcher.snapshot().status !== 'agenda') watcher.wake();
      return watcher.snapshot();
    };
    const stopResponding = respondToPanel(
      { ...watcher, snapshot: snapshotForPanel, showMarks: (pageMarks) => marks.show(pageMarks) },
      // A panel that just asked for the agenda also wants to know where the reader is.
      { onOpened: () => readingPosition?.repeat() },
    );
    ctx.onInvalidated(() => {
      stopResponding();
      watcher.stop();
      readingPosition?.stop();
      badges.stop();
      marks.stop();
    });
    // GitHub moves between files without a reload: a page that held no agenda may hold one now, or soon.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.wake());
  },
});
