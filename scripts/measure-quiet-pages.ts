// What the content script costs on large github.com-like pages that hold no agenda (a long issue thread, a big
// diff) while they keep changing, as such pages do (new comments, expanded hunks). Each page is loaded, left to
// settle, then changed in 20 separate bursts; the main thread's script time over those bursts, and its longest
// task, are read from Chromium (CDP `Performance.getMetrics`, `longtask` entries).
//   npx tsx scripts/measure-quiet-pages.ts [extension dir]   (default: the test build, .output/chrome-mv3-test)
// Starts a browser: run it under `flock /tmp/browser.lock`.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension } from './support/chromium';
import { servePages } from './support/static-server';
import { bigDiffPage, issueThreadPage } from '../tests/support/quiet-pages';

const BURSTS = 20;
/** Longer than the content script's quiet time (250 ms) before a re-read: each burst is read on its own. */
const BURST_GAP_MS = 400;
/** Past the time a page without an agenda is still watched after it loads (lib/page/agenda-watcher.ts). */
const SETTLE_WAIT_MS = 11_500;

interface Figures {
  page: string;
  htmlKb: number;
  scriptMs: number;
  longestTaskMs: number;
}

type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function scriptSeconds(cdp: Cdp): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? Number.NaN;
}

async function measure(page: Page, name: string, html: string): Promise<Figures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForTimeout(SETTLE_WAIT_MS);
  await page.evaluate(() => {
    const record = { longest: 0 };
    (window as unknown as { __longest: typeof record }).__longest = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longest = Math.max(record.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const before = await scriptSeconds(cdp);
  for (let i = 0; i < BURSTS; i++) {
    await page.evaluate((n) => {
      const note = document.createElement('div');
      note.className = 'timeline-comment';
      note.textContent = `user${n} commented: still failing on node-${n}, see #${2000 + n}`;
      document.body.append(note);
    }, i);
    await page.waitForTimeout(BURST_GAP_MS);
  }
  const after = await scriptSeconds(cdp);
  await cdp.detach();
  const longestTaskMs = await page.evaluate(
    () => (window as unknown as { __longest: { longest: number } }).__longest.longest,
  );
  return {
    page: name,
    htmlKb: Math.round(html.length / 1024),
    scriptMs: Math.round((after - before) * 1000),
    longestTaskMs: Math.round(longestTaskMs),
  };
}

async function main(): Promise<void> {
  const extensionDir = resolve(process.argv[2] ?? EXTENSION_DIR);
  const pages = { '/issue.html': issueThreadPage(1500), '/diff.html': bigDiffPage(20_000) };
  const server = await servePages(pages);
  const browser = await launchWithExtension({ extensionDir });
  await browser.worker.evaluate(() => chrome.storage.local.set({ 'github.apiBase': 'http://127.0.0.1:9' }));
  try {
    const results: Figures[] = [];
    for (const [path, html] of Object.entries(pages)) {
      const page = await browser.context.newPage();
      await page.goto(server.url(path));
      results.push(await measure(page, path, html));
      await page.close();
    }
    console.log(`extension: ${extensionDir}`);
    for (const figures of results) {
      console.log(
        `${figures.page} (${figures.htmlKb} kB): script time over ${BURSTS} bursts ${figures.scriptMs} ms ` +
          `(${(figures.scriptMs / BURSTS).toFixed(1)} ms a burst), longest task ${figures.longestTaskMs} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
