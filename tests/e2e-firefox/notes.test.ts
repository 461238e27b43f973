// In Firefox ESR, with Firefox's own IndexedDB: a private note typed in the panel is saved as typed, marked beside its
// item in the panel and in the page, and is still there after Firefox is quit and started again on the same profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FirefoxExtensionBrowser } from '../../scripts/support/firefox';
import { servePages, type PageServer } from '../../scripts/support/static-server';
import { clickAt, countOf, launchFirefox, openBeside, textOf } from './support/session';

const AGENDA = `<!doctype html><html><head><title>Team sync</title></head><body>
<h1>Team sync agenda</h1>
<h2>March 14, 2018</h2>
<ul>
  <li>Discussion topics<ul>
    <li id="token">[@alice] Token review for the new API kubernetes/kubernetes#123</li>
    <li id="csr">[@bob] CSR API cleanup</li>
  </ul></li>
</ul>
<h2>March 7, 2018</h2>
<ul><li>Announcements<ul><li>Release is out</li></ul></li></ul>
</body></html>`;

const NOTE = 'Ask Alice whether the review needs a KEP.';

let server: PageServer;
let profileDir: string;
const errors: string[] = [];

beforeAll(async () => {
  server = await servePages({ '/agenda.html': AGENDA });
  profileDir = mkdtempSync(join(tmpdir(), 'agenda-overlay-firefox-notes-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(profileDir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

async function openAgenda(firefox: FirefoxExtensionBrowser): Promise<{ page: Page; panel: Page }> {
  const opened = await openBeside(firefox, server.url('/agenda.html'));
  await expect.poll(() => countOf(opened.panel, '[data-meeting-key]')).toBe(2);
  return opened;
}

/** Opens the meeting of March 14 (▸) and clicks the item whose text has `text`. */
async function selectItem(panel: Page, text: string): Promise<void> {
  const open = await panel.evaluate(() =>
    document.querySelector('[data-meeting-key="2018-03-14"]')?.getAttribute('aria-expanded'),
  );
  if (open !== 'true') await clickAt(panel, '[data-meeting-key="2018-03-14"] .meeting__toggle');
  const row = await panel.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll<HTMLElement>('[role="treeitem"][data-item-key]')].find((item) =>
        item.innerText.includes(wanted),
      ),
    {},
    text,
  );
  await clickAt(panel, row.asElement() as never);
}

function noteMarksOn(panel: Page, text: string): Promise<number> {
  return panel.evaluate(
    (wanted) =>
      [...document.querySelectorAll<HTMLElement>('[role="treeitem"][data-item-key]')]
        .find((item) => item.innerText.includes(wanted))
        ?.querySelectorAll('.row-marks__note').length ?? -1,
    text,
  );
}

it('is saved as typed, and is there after Firefox restarts on the same profile, in the panel and the page', async () => {
  let firefox = await launchFirefox({ profileDir });
  try {
    const { page, panel } = await openAgenda(firefox);
    await selectItem(panel, 'Token review for the new API');
    await clickAt(panel, '.detail .note__text');
    await panel.keyboard.type(NOTE);
    await expect.poll(() => textOf(panel, '.detail .note__status')).toBe('Saved');
    await expect.poll(() => noteMarksOn(panel, 'Token review for the new API')).toBe(1);
    // A marker beside the item in the page, and only there.
    await expect.poll(() => countOf(page, '#token agenda-overlay-mark')).toBe(1);
    expect(await countOf(page, 'agenda-overlay-mark')).toBe(1);
  } finally {
    errors.push(...firefox.extensionErrors());
    await firefox.close();
  }

  firefox = await launchFirefox({ profileDir });
  try {
    const { page, panel } = await openAgenda(firefox);
    await expect.poll(() => countOf(page, '#token agenda-overlay-mark')).toBe(1);
    await selectItem(panel, 'Token review for the new API');
    await expect
      .poll(() => panel.$eval('.detail .note__text', (editor) => (editor as HTMLTextAreaElement).value))
      .toBe(NOTE);
    expect(await noteMarksOn(panel, 'Token review for the new API')).toBe(1);
    // The Notes page lists it.
    const notesTab = await panel.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => /Notes/.test(tab.innerText)),
    );
    await clickAt(panel, notesTab.asElement() as never);
    await expect
      .poll(() => panel.$$eval('.note-card__body', (cards) => cards.map((card) => (card as HTMLElement).innerText)))
      .toEqual([NOTE]);
  } finally {
    errors.push(...firefox.extensionErrors());
    await firefox.close();
  }
});
