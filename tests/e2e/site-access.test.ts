// The store build reads the agenda sites only; a site the user turns on is read from then on, and stops being
// read once removed. In the real extension in Chromium, against a page on 127.0.0.1 (a site the store build does
// not read): the browser's permission prompt is the one thing no test can answer, so the copy loaded here has
// 127.0.0.1 granted at install, and the site is still off until the user turns it on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAgendaHtml } from '../../scripts/render/seed-demo';
import {
  launchWithExtension,
  panelUrl,
  STORE_EXTENSION_DIR,
  tabIdOf,
  type ExtensionBrowser,
} from '../../scripts/support/chromium';
import { servePages, type PageServer } from '../../scripts/support/static-server';
import { extensionCopyGranting, type ExtensionCopy } from './support/extension-copy';

let copy: ExtensionCopy;
let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({ '/agenda.html': demoAgendaHtml() });
  copy = extensionCopyGranting(STORE_EXTENSION_DIR, ['http://127.0.0.1/*']);
  browser = await launchWithExtension({ extensionDir: copy.dir });
});

afterAll(async () => {
  await browser?.close();
  copy?.remove();
  await server?.close();
});

async function clickCentre(page: Page, selector: string): Promise<void> {
  // As a person would: bring it into sight, then press where it is.
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The agenda page and its panel, the panel reading the page afresh. */
async function openBeside(): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(server.url('/agenda.html'));
  const tabId = await tabIdOf(browser, page);
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(panelUrl(browser, tabId));
  return { page, panel, tabId };
}

const meetingRows = (panel: Page) => panel.locator('[data-meeting-key]');
const cannotRead = (panel: Page) => panel.getByRole('heading', { name: "This page can't be read" });

it('does not read a site the user has not turned on, and says what to do', async () => {
  const { page, panel } = await openBeside();
  await cannotRead(panel).waitFor();
  expect(await meetingRows(panel).count()).toBe(0);
  // The tab's site is known (the extension may see it), so the panel offers to turn it on by name.
  const offer = panel.locator('[data-action="turn-on-site"]');
  await expect.poll(() => offer.textContent()).toBe(`Read agendas on ${new URL(server.url('/')).host}`);
  await expect(panel.getByRole('link', { name: /SIG Auth’s 2018 meetings/ }).getAttribute('href')).resolves.toBe(
    'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md',
  );
  await page.close();
  await panel.close();
});

it('reads the site once turned on from the panel, and stops once it is removed in the options', async () => {
  const { page, panel } = await openBeside();
  await cannotRead(panel).waitFor();
  await clickCentre(panel, '[data-action="turn-on-site"]');
  // The tab is reloaded with the agenda script registered for the site: the panel lists the demo's meetings.
  await expect.poll(() => meetingRows(panel).count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => panel.locator('.agenda__summary').textContent()).toMatch(/^26 meetings · 6 canceled/);

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const origin = new URL(server.url('/')).origin;
  const row = options.locator(`[data-site="${origin}"]`);
  await row.waitFor();
  await clickCentre(options, `[data-site="${origin}"] button`);
  await expect
    .poll(() => options.locator('[data-sites-message]').textContent())
    .toBe(`Removed ${origin}: its pages are no longer read.`);
  await expect.poll(() => row.count()).toBe(0);
  await expect.poll(() => browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);

  await page.reload();
  await panel.reload();
  await cannotRead(panel).waitFor();
  expect(await meetingRows(panel).count()).toBe(0);
  await Promise.all([page.close(), panel.close(), options.close()]);
});

it('adds a site from the options page by its address, and refuses what is not one', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const field = options.locator('#site-address');
  await clickCentre(options, '#site-address');
  await options.keyboard.type('javascript:alert(1)');
  await options.keyboard.press('Enter');
  await expect.poll(() => options.locator('[data-sites-message]').textContent()).toMatch(/is not a site to add/);

  await field.fill('');
  await clickCentre(options, '#site-address');
  const origin = new URL(server.url('/')).origin;
  await options.keyboard.type(`${origin}/some/page.html`);
  await options.keyboard.press('Enter');
  await expect
    .poll(() => options.locator('[data-sites-message]').textContent())
    .toBe(`Added ${origin}. Reload its pages to read their agendas.`);
  await expect
    .poll(() =>
      browser.worker.evaluate(() =>
        chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.matches)),
      ),
    )
    .toEqual([['http://127.0.0.1/*']]);

  const { page, panel } = await openBeside();
  await expect.poll(() => meetingRows(panel).count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await Promise.all([page.close(), panel.close(), options.close()]);
});
