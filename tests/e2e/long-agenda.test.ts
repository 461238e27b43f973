// A long agenda reaches the panel in parts: the newest meetings show first, the panel says it is still
// loading, and in the end it has every meeting; a live edit of the page reaches it as the meetings it changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateAgenda, renderAgenda } from '../bench/generate-agenda';
import { prependMeeting } from '../bench/measure-live-edit';
import { startSession, type Session } from './support/session';

const MEETINGS = 300;
const generated = generateAgenda({ meetings: MEETINGS });

let session: Session;
let page: Page;
let panel: Page;

declare global {
  interface Window {
    /** The panel's requests to the page, by type, in order. */
    __asked?: string[];
  }
}

beforeAll(async () => {
  session = await startSession({ '/long.html': renderAgenda(generated, 'gdocs') });
  // Note each request an extension page sends to a tab (the agenda page itself has no tabs API).
  await session.browser.context.addInitScript(() => {
    const tabs = (globalThis as { chrome?: { tabs?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.tabs;
    const send = tabs?.sendMessage;
    if (!tabs || !send) return;
    const asked: string[] = [];
    window.__asked = asked;
    tabs.sendMessage = (...args: unknown[]) => {
      asked.push(String((args[1] as { type?: unknown } | undefined)?.type));
      return send.apply(tabs, args);
    };
  });
  ({ page, panel } = await session.openWithPanel('/long.html'));
  await panel.locator('[data-meeting-key]').first().waitFor();
});

afterAll(async () => {
  await page?.close();
  await panel?.close();
  await session?.close();
});

describe('a long agenda', () => {
  it('shows the newest meeting first and, once the rest has arrived, all of them', async () => {
    expect(await panel.locator('[data-meeting-key]').first().getAttribute('data-meeting-key')).toBe(generated.dates[0]);
    await panel.locator('.agenda__loading').waitFor({ state: 'detached' });
    await expect.poll(() => panel.locator('.agenda__summary').textContent()).toContain(`${MEETINGS} meetings`);
    // The last row is the oldest meeting.
    await panel.locator('.tree').focus();
    await panel.keyboard.press('End');
    await expect
      .poll(() => panel.locator('.row--active').getAttribute('data-meeting-key'))
      .toBe(generated.dates.at(-1));
  });

  it('finds items beyond the first part', async () => {
    await panel.locator('input[type="search"]').fill('token');
    await expect.poll(() => panel.locator('.agenda__results').textContent()).toMatch(/\d+ matching items?/);
    await panel.locator('.tree').focus();
    await panel.keyboard.press('End');
    const last = panel.locator('.row--active');
    const key = (await last.getAttribute('data-item-key')) ?? (await last.getAttribute('data-meeting-key')) ?? '';
    // Older than every meeting of the first part (40 meetings).
    expect(key.slice(0, 10) < generated.dates[39]!).toBe(true);
    await panel.locator('input[type="search"]').fill('');
  });

  it('takes in an edit as the meeting it added, without reading the agenda again or losing the reader’s place', async () => {
    const newest = generated.dates[0]!;
    await panel.locator('.tree').focus();
    await panel.keyboard.press('Home');
    await panel.keyboard.press('ArrowRight');
    const opened = panel.locator(`[data-meeting-key="${newest}"][aria-expanded="true"]`);
    await opened.waitFor();
    const asked = await panel.evaluate(() => window.__asked?.length ?? -1);
    expect(asked).toBeGreaterThan(0);
    await prependMeeting(page, 'January 2, 2019');
    await expect.poll(() => panel.locator('.agenda__summary').textContent()).toContain(`${MEETINGS + 1} meetings`);
    const since = await panel.evaluate((from) => window.__asked?.slice(from) ?? [], asked);
    expect(since.filter((type) => type.startsWith('agenda/') && type !== 'agenda/marks')).toEqual([]);
    expect(await opened.count()).toBe(1);
    expect(await panel.locator('.row--active').getAttribute('data-meeting-key')).toBe(newest);
    await panel.locator('.tree').focus();
    await panel.keyboard.press('Home');
    await expect.poll(() => panel.locator('.row--active').getAttribute('data-meeting-key')).toBe('2019-01-02');
  });
});
