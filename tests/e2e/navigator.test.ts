// Navigating the index in the real panel: search, filters, keyboard, item jumps, scroll-spy, live edits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { startSession, type Session } from './support/session';
import { readSeed } from '../support/fixtures';

const SEED = readSeed();

let session: Session;
let page: Page;
let panel: Page;

beforeAll(async () => {
  session = await startSession({ '/seed.html': renderGithubHtml(SEED, { title: 'meeting-notes-2018.md' }) });
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  ({ page, panel } = await session.openWithPanel('/seed.html'));
  await panel.locator('[data-meeting-key]').first().waitFor();
  // Filters are remembered per agenda: start each test from none.
  await panel.evaluate(() => localStorage.clear());
  await panel.reload();
  await panel.locator('[data-meeting-key]').first().waitFor();
});

function keysOf(selector: string): Promise<string[]> {
  return panel
    .locator(selector)
    .evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-meeting-key') ?? row.getAttribute('data-item-key') ?? ''),
    );
}

function activeRowId(): Promise<string | null> {
  return panel.locator('.tree').getAttribute('aria-activedescendant');
}

describe('search', () => {
  it('finds items by word prefix on every keystroke, marks the match, and clears with Esc', async () => {
    const search = panel.getByRole('searchbox', { name: /search/i });
    await search.pressSequentially('tokenreq');
    await expect
      .poll(() => keysOf('[data-meeting-key]'))
      .toEqual(['2018-10-03', '2018-06-13', '2018-02-21', '2018-01-24', '2018-01-10']);
    await expect(panel.locator('[data-item-key]').count()).resolves.toBe(6);
    await expect(panel.locator('[data-item-key] mark').first().textContent()).resolves.toBe('TokenReq');
    await expect(panel.getByRole('status').filter({ hasText: 'matching' }).textContent()).resolves.toContain(
      '6 matching items',
    );
    // Not an infix match: nothing matches exactly, and the closest readings are offered, marked approximate.
    await search.fill('okenrequest');
    await expect
      .poll(() => panel.locator('.agenda__results--approximate').textContent())
      .toContain('No exact match for “okenrequest”');
    await search.press('Escape');
    await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBe(26);
  });

  it('is reached with "/" from anywhere in the panel', async () => {
    await panel.locator('.tree').focus();
    await panel.keyboard.press('/');
    await expect(panel.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
  });
});

describe('filters', () => {
  it('combine, show as chips, clear one at a time, and are remembered for this agenda', async () => {
    await panel.getByText('Filters').click();
    await panel.getByLabel('Hide canceled meetings').check();
    await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBe(20);
    await expect(panel.locator('.meeting--canceled').count()).resolves.toBe(0);
    await panel.getByLabel('Person').selectOption('liggitt');
    await expect
      .poll(() => keysOf('[data-meeting-key]'))
      .toEqual(['2018-10-31', '2018-10-17', '2018-10-03', '2018-01-10']);
    await expect(panel.getByRole('button', { name: /Clear Person: liggitt/ }).count()).resolves.toBe(1);

    await panel.reload();
    await expect
      .poll(() => keysOf('[data-meeting-key]'))
      .toEqual(['2018-10-31', '2018-10-17', '2018-10-03', '2018-01-10']);

    await panel.getByRole('button', { name: /Clear Person: liggitt/ }).click();
    await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBe(20);
    await panel.getByRole('button', { name: /Clear Hiding canceled/ }).click();
    await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBe(26);
  });

  it('keeps only meetings with a recording in a month range', async () => {
    await panel.getByText('Filters').click();
    await panel.getByLabel('From').selectOption('2018-10');
    await panel.getByLabel('Only meetings with a recording').check();
    await expect.poll(() => keysOf('[data-meeting-key]')).toEqual(['2018-10-31', '2018-10-17', '2018-10-03']);
  });
});

describe('keyboard', () => {
  it('moves with ↓/j and ↑/k, opens and closes with → and ←, and jumps with Enter', async () => {
    await panel.locator('.tree').focus();
    await expect.poll(activeRowId).toBe('row-2018-12-26');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('j');
    await panel.keyboard.press('j');
    await panel.keyboard.press('k');
    await expect.poll(activeRowId).toBe('row-2018-11-28');
    await panel.keyboard.press('ArrowRight');
    await expect(panel.locator('[data-meeting-key="2018-11-28"]').getAttribute('aria-expanded')).resolves.toBe('true');
    await panel.keyboard.press('ArrowRight');
    await panel.keyboard.press('ArrowRight');
    const itemRow = panel.locator('.row--active');
    await expect(itemRow.getAttribute('data-item-key')).resolves.toMatch(/^2018-11-28\//);
    await panel.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-agenda-overlay="highlight"]').count()).toBe(1);
    await panel.keyboard.press('ArrowLeft');
    await expect.poll(activeRowId).toBe('row-2018-11-28');
    await panel.keyboard.press('ArrowLeft');
    await expect(panel.locator('[data-meeting-key="2018-11-28"]').getAttribute('aria-expanded')).resolves.toBe('false');
    // End: the active row exists for assistive technology at once, and says where it stands.
    await panel.keyboard.press('End');
    const activeId = await activeRowId();
    expect(activeId).toBe('row-2018-01-10');
    await expect(panel.locator(`[id="${activeId}"]`).getAttribute('aria-posinset')).resolves.toBe('26');
    await expect(panel.locator(`[id="${activeId}"]`).getAttribute('aria-setsize')).resolves.toBe('26');
  });
});

describe('item jump', () => {
  it('scrolls the page to the item itself, not just its meeting', async () => {
    await panel.locator('[data-meeting-key="2018-10-03"] .meeting__toggle').click();
    const item = panel
      .locator('[data-item-key^="2018-10-03/"]')
      .filter({ hasText: 'Third-Party Security Audit' })
      .first();
    await expect(item.count()).resolves.toBe(1);
    await item.click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const li = [...document.querySelectorAll('li')].find((el) =>
            el.firstChild?.textContent?.includes('Third-Party Security Audit'),
          );
          if (!li) return null;
          const { top } = li.getBoundingClientRect();
          return top > 0 && top < window.innerHeight;
        }),
      )
      .toBe(true);
    await expect(page.locator('[data-agenda-overlay="highlight"]').count()).resolves.toBe(1);
  });
});

describe('where am I', () => {
  it('marks the meeting at the top of the page as the reader scrolls, without taking focus', async () => {
    await page.bringToFront();
    await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('June 13, 2018'));
      heading?.scrollIntoView({ block: 'start' });
    });
    await expect.poll(() => keysOf('.meeting--current')).toEqual(['2018-06-13']);
    // A panel opened after the reader scrolled learns where they are at once.
    await panel.reload();
    await expect.poll(() => keysOf('.meeting--current')).toEqual(['2018-06-13']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => keysOf('.meeting--current')).toEqual(['2018-12-26']);
    // The index follows on its own: the row of the meeting reached is in the panel's view.
    await page.evaluate(() =>
      [...document.querySelectorAll('h2')]
        .find((h) => h.textContent?.startsWith('January 10, 2018'))
        ?.scrollIntoView({ block: 'start' }),
    );
    await expect.poll(() => keysOf('.meeting--current')).toEqual(['2018-01-10']);
    await expect(panel.evaluate(() => document.activeElement === document.body)).resolves.toBe(true);
  });
});

describe('a live document', () => {
  it('shows a topic added to a meeting and keeps expansion, selection and scroll', async () => {
    await panel.locator('[data-meeting-key="2018-10-31"] .meeting__toggle').click();
    await panel.locator('[data-meeting-key="2018-10-17"] .meeting__date').click();
    // The row under the pointer (the one just clicked) must not move on screen when the page changes above it.
    const rowTop = () =>
      panel.locator('[data-meeting-key="2018-10-17"]').evaluate((row) => row.getBoundingClientRect().top);
    const before = await rowTop();
    const itemsBefore = await panel.locator('[data-item-key^="2018-10-31/"]').count();
    await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('October 31, 2018'));
      const discussion = [
        ...(heading?.closest('.markdown-heading')?.nextElementSibling?.querySelectorAll(':scope > li') ?? []),
      ].find((li) => li.firstChild?.textContent?.trim() === 'Discussion topics');
      const topic = document.createElement('li');
      topic.textContent = '[@newcomer] Brand new topic about webhooks';
      discussion?.querySelector('ul')?.append(topic);
    });
    await expect
      .poll(() => panel.locator('[data-item-key^="2018-10-31/"]').count(), { timeout: 2000 })
      .toBe(itemsBefore + 1);
    await expect(panel.getByText('Brand new topic about webhooks').count()).resolves.toBe(1);
    await expect(panel.locator('[data-meeting-key="2018-10-31"]').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(panel.locator('.row--active').getAttribute('data-meeting-key')).resolves.toBe('2018-10-17');
    await expect.poll(async () => Math.abs((await rowTop()) - before)).toBeLessThan(1);
  });
});
