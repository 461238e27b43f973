// A page's JavaScript heap, after a garbage collection, through the DevTools protocol. The figure is the whole
// isolate's: on an agenda page that includes the content script's world, in an extension page every extension
// page of the same process.
import type { Page } from 'playwright-core';

/** Bytes in use, or null when the protocol could not be reached. */
export async function jsHeapBytes(page: Page): Promise<number | null> {
  try {
    const session = await page.context().newCDPSession(page);
    try {
      await session.send('HeapProfiler.collectGarbage');
      const usage = await session.send('Runtime.getHeapUsage');
      return usage.usedSize;
    } finally {
      await session.detach().catch(() => undefined);
    }
  } catch {
    return null;
  }
}
