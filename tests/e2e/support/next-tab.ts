// The tab a press opens (a meeting of another year opens its archive on GitHub): every address it is sent to,
// from its first, since what loads there is beside the point.
import type { BrowserContext, Page } from 'playwright-core';

export interface NextTab {
  /** The addresses the tab was sent to so far, in order. */
  addresses: string[];
  opened: Promise<Page>;
}

/** Starts watching for the next tab; call it before the press that opens one. */
export function watchNextTab(context: BrowserContext, timeout: number): NextTab {
  const addresses: string[] = [];
  const opened = context.waitForEvent('page', { timeout }).then((tab) => {
    addresses.push(tab.url());
    tab.on('framenavigated', (frame) => {
      if (frame === tab.mainFrame()) addresses.push(frame.url());
    });
    return tab;
  });
  return { addresses, opened };
}
