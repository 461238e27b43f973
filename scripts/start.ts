// `npm start`: builds the extension as the store gets it and opens the demo agenda beside it in Chromium.
// The demo is the SIG Auth 2018 agenda as Google Docs publishes it, answered from this machine at a published
// Doc's own address, so the extension reads it exactly as it reads the real site. Without a display it runs
// headless, prints a summary and writes screenshots.
//   npm start                          the built-in demo
//   npm start -- --url URL             any agenda page (a page on 127.0.0.1 or localhost loads the test build)
//   npm start -- --headless            headless even where there is a display
//   npm start -- --github-standin      GitHub statuses from a local stand-in (no network needed; for screenshots)
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { resolve } from 'node:path';
import type { Agenda, Item } from '../lib/agenda/model';
import type { AgendaSnapshot } from '../lib/messaging/protocol';
import {
  EXTENSION_DIR,
  findChromium,
  isBrandedChrome,
  launchWithExtension,
  panelUrl,
  STORE_EXTENSION_DIR,
  tabIdOf,
} from './support/chromium';
import { demoAgendaHtml } from './render/seed-demo';
import { startDemoStatuses } from './support/demo-statuses';

const SCREENSHOT_DIR = resolve(import.meta.dirname, '../artifacts');
/** A "Publish to web" address; the page is answered locally, nothing is fetched from Google. */
export const DEMO_URL = 'https://docs.google.com/document/d/e/2PACX-agenda-overlay-demo/pub';

interface Options {
  url: string | null;
  headless: boolean;
  skipBuild: boolean;
  githubStandIn: boolean;
}

function readOptions(argv: string[]): Options {
  const urlAt = argv.indexOf('--url');
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return {
    url: urlAt >= 0 ? (argv[urlAt + 1] ?? null) : null,
    headless: argv.includes('--headless') || !hasDisplay,
    skipBuild: argv.includes('--no-build'),
    githubStandIn: argv.includes('--github-standin'),
  };
}

function isLocalPage(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...allItems(item.children)]);
}

function busiestRecentMeeting(agenda: Agenda): string | null {
  const refsOf = (meeting: Agenda['meetings'][number]): number =>
    meeting.sections.flatMap((section) => allItems(section.items)).reduce((sum, item) => sum + item.refs.length, 0);
  const recent = agenda.meetings.slice(0, 8);
  return (
    recent.reduce<Agenda['meetings'][number] | null>((best, m) => (!best || refsOf(m) > refsOf(best) ? m : best), null)
      ?.key ?? null
  );
}

function summarise(agenda: Agenda): string {
  const refs = new Set(
    agenda.meetings.flatMap((m) => m.sections.flatMap((s) => allItems(s.items).flatMap((i) => i.refs))),
  );
  const canceled = agenda.meetings.filter((m) => m.canceled).length;
  const newest = agenda.meetings[0]?.date ?? '–';
  const oldest = agenda.meetings.at(-1)?.date ?? '–';
  return [
    `Agenda:   ${agenda.title}`,
    `Meetings: ${agenda.meetings.length} (${newest} back to ${oldest}), ${canceled} canceled`,
    `GitHub references found: ${refs.size}`,
    ...agenda.problems.map((problem) => `Note: ${problem}`),
  ].join('\n');
}

/** The page and the panel side by side, as a user sees them. */
async function writeOverview(
  context: BrowserContext,
  pageShot: Buffer,
  panelShot: Buffer,
  path: string,
): Promise<void> {
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1500, height: 800 });
  const src = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;
  await sheet.setContent(
    `<body style="margin:0;display:flex;background:#d1d9e0;gap:1px">` +
      `<img src="${src(pageShot)}" style="width:1100px;height:800px"><img src="${src(panelShot)}" style="width:400px;height:800px"></body>`,
  );
  await sheet.screenshot({ path });
  await sheet.close();
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const browserPath = findChromium();
  if (isBrandedChrome(browserPath)) {
    console.error(
      `${browserPath} is branded Google Chrome, which ignores --load-extension since version 137.\n` +
        `Load the extension by hand instead: chrome://extensions › Developer mode › Load unpacked › ${STORE_EXTENSION_DIR}\n` +
        'or set CHROME_PATH to Chromium or Chrome for Testing.',
    );
    if (options.headless) process.exit(1);
  }
  // The store build reads the agenda sites only; a local page needs the test build.
  const local = options.url !== null && isLocalPage(options.url);
  if (!options.skipBuild) execSync(local ? 'npx wxt build --mode test' : 'npx wxt build', { stdio: 'inherit' });

  const target = options.url ?? DEMO_URL;
  const browser = await launchWithExtension({
    headless: options.headless,
    extensionDir: local ? EXTENSION_DIR : STORE_EXTENSION_DIR,
  });
  const demoHtml = demoAgendaHtml();
  await browser.context.route(DEMO_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: demoHtml }),
  );
  const statuses = options.githubStandIn ? await startDemoStatuses(browser) : null;
  const page = await browser.context.newPage();
  await page.goto(target);

  if (!options.headless) {
    console.log(
      `Opened ${target}\nClick the Agenda Overlay button in the toolbar to open the index. Close the browser to stop.`,
    );
    await new Promise((done) => browser.context.on('close', done));
    await statuses?.close();
    return;
  }

  const tabId = await tabIdOf(browser, page);
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(panelUrl(browser, tabId));
  await panel.locator('[data-meeting-key], .panel-message').first().waitFor({ timeout: 15_000 });
  const snapshot = (await panel.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'agenda/get' }),
    tabId,
  )) as AgendaSnapshot;
  if (statuses && snapshot.status === 'agenda') {
    // Open the recent meeting with the most references, as a reader following pull requests would.
    const key = busiestRecentMeeting(snapshot.agenda);
    if (key) {
      await panel.locator(`[data-meeting-key="${key}"]`).click();
      await panel.keyboard.press('ArrowRight');
    }
    await statuses.shown(panel);
  }
  console.log(snapshot.status === 'agenda' ? summarise(snapshot.agenda) : `Not an agenda: ${snapshot.reason}`);

  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pageShot = await page.screenshot({ path: `${SCREENSHOT_DIR}/page.png` });
  const panelShot = await panel.screenshot({ path: `${SCREENSHOT_DIR}/panel.png` });
  await writeOverview(browser.context, pageShot, panelShot, `${SCREENSHOT_DIR}/overview.png`);
  console.log(`Screenshots: ${SCREENSHOT_DIR}/page.png, panel.png, overview.png (the two side by side)`);
  await browser.close();
  await statuses?.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
