// The side panel lists the page's meetings and jumps to them, in the real extension in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { demoAgendaHtml } from '../../scripts/render/seed-demo';
import { startSession, type Session } from './support/session';
import { readSeed } from '../support/fixtures';

const SEED = readSeed();
const CANCELED = ['2018-12-26', '2018-12-12', '2018-11-14', '2018-09-05', '2018-05-02', '2018-03-07'];

const SMALL_AGENDA = `<!doctype html><html><head><title>Team sync</title></head><body>
<h1>Team sync agenda</h1>
<h2 id="m2">March 14, 2018</h2><ul><li>Discussion topics<ul><li>[@alice] Token review</li></ul></li></ul>
<h2 id="m1">March 7, 2018</h2><ul><li>Announcements<ul><li>Release is out</li></ul></li></ul>
</body></html>`;

const NOT_AGENDA = `<!doctype html><html><head><title>Recipes</title></head><body>
<h1>Soup</h1><p>Chop the onions.</p><ul><li>Salt</li><li>Pepper</li></ul></body></html>`;

let session: Session;

beforeAll(async () => {
  session = await startSession({
    '/agenda.html': demoAgendaHtml(),
    '/github.html': renderGithubHtml(SEED, { title: 'meeting-notes-2018.md' }),
    '/small.html': SMALL_AGENDA,
    '/recipes.html': NOT_AGENDA,
  });
});

afterAll(async () => {
  await session?.close();
});

async function meetingKeys(panel: Page): Promise<string[]> {
  return panel
    .locator('[data-meeting-key]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-meeting-key') ?? ''));
}

async function headingTopInViewport(page: Page, text: string): Promise<number | null> {
  return page.evaluate((wanted) => {
    const heading = [...document.querySelectorAll('h1, h2, h3')].find((h) => h.textContent?.includes(wanted));
    if (!heading) return null;
    const { top, bottom } = heading.getBoundingClientRect();
    return bottom > 0 && top < window.innerHeight ? top : null;
  }, text);
}

describe.each([
  ['Google Docs export', '/agenda.html'],
  ['GitHub Markdown view', '/github.html'],
])('the seed agenda as %s', (_name, path) => {
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    ({ page, panel } = await session.openWithPanel(path));
    await panel.locator('[data-meeting-key]').first().waitFor();
  });

  afterAll(async () => {
    await page.close();
    await panel.close();
  });

  it('lists all 26 meetings, newest first', async () => {
    const keys = await meetingKeys(panel);
    expect(keys).toHaveLength(26);
    expect(keys[0]).toBe('2018-12-26');
    expect(keys.at(-1)).toBe('2018-01-10');
    expect([...keys].sort().reverse()).toEqual(keys);
  });

  it('marks the six canceled meetings', async () => {
    const canceled = await panel
      .locator('.meeting--canceled')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-meeting-key')));
    expect(canceled.sort()).toEqual([...CANCELED].sort());
  });

  it('shows item counts and recordings', async () => {
    const row = panel.locator('[data-meeting-key="2018-10-31"]');
    await expect(row.textContent()).resolves.toMatch(/\d+ items/);
    await expect(row.locator('.tag--recording').count()).resolves.toBe(1);
  });

  it('jumps to a meeting far down the page and highlights it', async () => {
    expect(await headingTopInViewport(page, 'March 7, 2018')).toBeNull();
    await panel.locator('[data-meeting-key="2018-03-07"] .meeting__date').click();
    await expect.poll(() => headingTopInViewport(page, 'March 7, 2018')).not.toBeNull();
    await expect.poll(() => page.locator('[data-agenda-overlay="highlight"]').count()).toBe(1);
    // The highlight goes away and leaves the page's text as it was.
    await expect.poll(() => page.locator('[data-agenda-overlay="highlight"]').count(), { timeout: 5000 }).toBe(0);
  });
});

describe('a page that changes after it loaded', () => {
  it('shows a meeting added to the page', async () => {
    const { page, panel } = await session.openWithPanel('/small.html');
    await expect.poll(() => meetingKeys(panel)).toEqual(['2018-03-14', '2018-03-07']);
    await page.evaluate(() => {
      const heading = document.createElement('h2');
      heading.textContent = 'March 21, 2018';
      const list = document.createElement('ul');
      list.innerHTML = '<li>Demos<ul><li>[@bob] New CLI</li></ul></li>';
      document.querySelector('h1')!.after(heading, list);
    });
    await expect.poll(() => meetingKeys(panel)).toEqual(['2018-03-21', '2018-03-14', '2018-03-07']);
    await page.close();
    await panel.close();
  });
});

describe('pages that are no agenda', () => {
  it('says plainly that an ordinary page is not an agenda, and why', async () => {
    const { page, panel } = await session.openWithPanel('/recipes.html');
    await expect(
      panel.getByRole('heading', { name: 'This page is not an agenda' }).textContent(),
    ).resolves.toBeTruthy();
    await expect(panel.locator('.panel-message__body').textContent()).resolves.toMatch(/date/i);
    await expect(panel.locator('[data-meeting-key]').count()).resolves.toBe(0);
    await page.close();
    await panel.close();
  });

  it('says when it cannot read a tab at all', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('data:text/html,<h1>March 7, 2018</h1>');
    const tabId = await session.browser.worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url?.startsWith('data:'))?.id ?? -1;
    });
    const panel = await session.browser.context.newPage();
    await panel.goto(`chrome-extension://${session.browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect(panel.getByRole('heading', { name: "This page can't be read" }).textContent()).resolves.toBeTruthy();
    await page.close();
    await panel.close();
  });
});
