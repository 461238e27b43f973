// Reads the agenda on the pages we understand and answers the side panel.
import { changeMessage, type AnnouncedAgenda } from '@/lib/messaging/agenda-changes';
import { openingOf, partOf } from '@/lib/messaging/agenda-parts';
import { isPanelRequest, type AgendaSnapshot, type PanelRequest, type VisibleMeeting } from '@/lib/messaging/protocol';
import { watchAgenda } from '@/lib/page/agenda-watcher';
import { startPrivateMarks } from '@/lib/page/private-marks';
import { startRefBadges } from '@/lib/page/ref-badges';
import { watchReadingPosition, type ReadingPosition } from '@/lib/page/scroll-spy';
import { isEditorTab, startEditorTab } from '@/lib/page/editor-tab';
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
    let announced: AnnouncedAgenda | null = null;
    const announce = (snapshot: AgendaSnapshot): void => {
      badges.follow(snapshot);
      marks.follow(snapshot);
      const now = { snapshot, version: watcher.version() };
      const message = changeMessage(now, announced);
      announced = now;
      // No panel open is the usual case, not an error.
      browser.runtime.sendMessage(message).catch(() => undefined);
      readingPosition?.recheck();
    };
    const watcher = watchAgenda(document, announce);
    // A panel that asked before this script was ready learns the agenda now.
    announce(watcher.snapshot());
    readingPosition = watchReadingPosition(window, () => watcher.meetingElements(), (meetingKey) => {
      const message: VisibleMeeting = { type: 'agenda/visible', meetingKey };
      browser.runtime.sendMessage(message).catch(() => undefined);
    });
    ctx.onInvalidated(() => {
      watcher.stop();
      readingPosition?.stop();
      badges.stop();
      marks.stop();
    });
    // GitHub moves between files without a reload.
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.refresh());

    const answer = (message: PanelRequest): unknown => {
      switch (message.type) {
        case 'agenda/get':
          return watcher.snapshot();
        case 'agenda/open':
          return openingOf(watcher.snapshot(), watcher.version());
        case 'agenda/part':
          return partOf(watcher.snapshot(), watcher.version(), message.version, message.part);
        case 'agenda/jump':
          return watcher.jump(message.key);
        case 'agenda/marks':
          marks.show(message.marks);
          return { ok: true };
      }
    };
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isPanelRequest(message)) return;
      sendResponse(answer(message));
      // A panel that just asked for the agenda also wants to know where the reader is.
      if (message.type === 'agenda/get' || message.type === 'agenda/open') setTimeout(() => readingPosition?.repeat(), 0);
    });
  },
});
