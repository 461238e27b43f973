// The set-up both group-history journeys share: the contents stand-in as the GitHub API, one agenda page, every
// address beyond 127.0.0.1 answered locally (a meeting opened on github.com reaches nobody), and the panel open
// beside the page at 360 px.
import type { Page } from 'playwright-core';
import {
  startContentsStandIn,
  type ContentsStandIn,
  type ContentsStandInOptions,
} from '../../support/contents-standin';
import { watchNextTab } from './next-tab';
import { pressAt, searchFor } from './pointer';
import { startSession, type Session } from './session';

export interface HistorySession {
  session: Session;
  standIn: ContentsStandIn;
  panel: Page;
  /**
   * Searches, presses the found meeting's row where a hand would, and gives the tab that opened with every address
   * it was sent to.
   */
  openFound(query: string, meetingKey: string): Promise<{ tab: Page; addresses: string[] }>;
  close(): Promise<void>;
}

const WAIT_MS = 20_000;

export async function openHistorySession(
  path: string,
  html: string,
  contents: ContentsStandInOptions,
): Promise<HistorySession> {
  const standIn = await startContentsStandIn(contents);
  const session = await startSession({ [path]: html });
  await session.browser.worker.evaluate(
    (apiBase) => chrome.storage.local.set({ 'github.apiBase': apiBase }),
    standIn.apiBase,
  );
  await session.browser.context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }),
  );
  const { panel } = await session.openWithPanel(path);
  await panel.setViewportSize({ width: 360, height: 900 });
  return {
    session,
    standIn,
    panel,
    async openFound(query, meetingKey) {
      await searchFor(panel, query);
      const row = panel.locator(`[data-meeting-key="${meetingKey}"]`);
      await row.waitFor({ timeout: WAIT_MS });
      const next = watchNextTab(session.browser.context, WAIT_MS);
      const box = (await row.boundingBox())!;
      await pressAt(panel, box.x + box.width / 2, box.y + 10);
      return { tab: await next.opened, addresses: next.addresses };
    },
    async close() {
      await session.close();
      await standIn.close();
    },
  };
}
