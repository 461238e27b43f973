// The set-up both group-history journeys share: the contents stand-in as the GitHub API, one agenda page, every
// address beyond 127.0.0.1 answered locally (a meeting opened on github.com reaches nobody), and the panel open
// beside the page at 360 px.
import type { Page } from 'playwright-core';
import {
  startContentsStandIn,
  type ContentsStandIn,
  type ContentsStandInOptions,
} from '../../support/contents-standin';
import { startSession, type Session } from './session';

export interface HistorySession {
  session: Session;
  standIn: ContentsStandIn;
  panel: Page;
  close(): Promise<void>;
}

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
    async close() {
      await session.close();
      await standIn.close();
    },
  };
}
