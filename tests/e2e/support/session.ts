// One browser with the built extension, a page server, and helpers to open an agenda page beside its panel.
import type { Page } from 'playwright-core';
import { launchWithExtension, panelUrl, tabIdOf, type ExtensionBrowser } from '../../../scripts/support/chromium';
import { servePages, type PageServer } from '../../../scripts/support/static-server';

export interface Session {
  browser: ExtensionBrowser;
  server: PageServer;
  /** Opens `path` from the page server, then the panel for its tab as an ordinary tab. */
  openWithPanel(path: string): Promise<{ page: Page; panel: Page; tabId: number }>;
  close(): Promise<void>;
}

export async function startSession(pages: Record<string, string>): Promise<Session> {
  const server = await servePages(pages);
  const browser = await launchWithExtension();
  // No test reaches beyond 127.0.0.1: GitHub look-ups go to a closed local port unless a test sets its stand-in.
  await browser.worker.evaluate(() => chrome.storage.local.set({ 'github.apiBase': 'http://127.0.0.1:9' }));
  return {
    browser,
    server,
    async openWithPanel(path) {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      const tabId = await tabIdOf(browser, page);
      const panel = await browser.context.newPage();
      // A side panel's width, and tall enough that the seed's 26 meetings all render at once.
      await panel.setViewportSize({ width: 400, height: 1600 });
      await panel.goto(panelUrl(browser, tabId));
      return { page, panel, tabId };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
