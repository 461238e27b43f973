// The panel driven as a person drives it: the mouse pressed and released at a point, the wheel, the keyboard,
// at the sizes a side panel takes. Each press checks, before pressing, which row is under the pointer; after
// it, that this row is the one selected, that it is still under the pointer (the list did not jump), and that
// the agenda page moved to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAgendaHtml } from '../../scripts/render/seed-demo';
import { startSession, type Session } from './support/session';
import {
  clearHighlight,
  lastVisibleRowPoint,
  nearTop,
  placeInPage,
  pressAt,
  selectedRowId,
  settle,
  stableLayout,
  targetAt,
  treeBox,
  type Target,
} from './support/pointer';

const SIZES: ReadonlyArray<readonly [number, number]> = [
  [320, 500],
  [320, 900],
  [400, 500],
  [400, 900],
  [480, 500],
  [480, 900],
];
const PAGE_HEIGHT = 800;

let session: Session;
let page: Page;
let panel: Page;

beforeAll(async () => {
  session = await startSession({ '/agenda.html': demoAgendaHtml() });
  // Recording links lead off this machine: answer them here, so opening one costs nothing.
  await session.browser.context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>elsewhere</title>' }),
  );
  ({ page, panel } = await session.openWithPanel('/agenda.html'));
  await page.setViewportSize({ width: 1000, height: PAGE_HEIGHT });
});

afterAll(async () => {
  await session?.close();
});

/** A panel of this size with nothing selected, the page back at its top. */
async function freshPanel(width: number, height: number): Promise<void> {
  await panel.setViewportSize({ width, height });
  // The panel remembers a search and filters per agenda: start each journey from none.
  await panel.evaluate(() => localStorage.clear());
  await panel.reload();
  await panel.locator('[data-meeting-key]').first().waitFor();
  await settle(panel);
}

/** A point of the list: `fraction` of its height down, at 40% of its width (on a row's text). */
async function listPoint(fraction: number): Promise<{ x: number; y: number }> {
  const box = await treeBox(panel);
  return {
    x: Math.round(box.left + 0.4 * (box.right - box.left)),
    y: Math.round(box.top + fraction * (box.bottom - box.top)),
  };
}

/**
 * Presses at (x, y) and checks that the row under the pointer before the press is selected, is still under the
 * pointer, and that the page scrolled to it.
 */
async function pressRow(x: number, y: number, what: string): Promise<Target> {
  await page.evaluate(() => scrollTo(0, 0));
  await clearHighlight(page);
  await settle(panel);
  const target = await targetAt(panel, x, y);
  expect(target, `a row under the pointer at ${what} (${x}, ${y})`).not.toBeNull();
  await pressAt(panel, x, y);
  await expect.poll(() => selectedRowId(panel), { message: `selected after pressing ${what}` }).toBe(target!.rowId);
  await expect
    .poll(async () => nearTop(await placeInPage(page, target!), PAGE_HEIGHT), {
      message: `the page shows ${target!.rowId}`,
    })
    .toBe(true);
  await settle(panel);
  expect((await targetAt(panel, x, y))?.rowId, `still under the pointer after pressing ${what}`).toBe(target!.rowId);
  return target!;
}

const HEIGHTS: ReadonlyArray<readonly [string, number | 'first' | 'last']> = [
  ['the first row', 'first'],
  ['the middle', 0.5],
  ['75% down', 0.75],
  ['90% down', 0.9],
  ['the last visible row', 'last'],
];

async function heightPoint(at: number | 'first' | 'last'): Promise<{ x: number; y: number }> {
  const { x, y } = await listPoint(0);
  if (at === 'first') return { x, y: y + 20 };
  if (at === 'last') return { x, y: Math.round(await lastVisibleRowPoint(panel)) };
  return listPoint(at);
}

describe.each(SIZES)('a panel %i px wide and %i px tall', (width, height) => {
  it('selects the row pressed at any height, with nothing selected before', async () => {
    for (const [what, at] of HEIGHTS) {
      await freshPanel(width, height);
      const { x, y } = await heightPoint(at);
      await pressRow(x, y, what);
    }
  });

  it('selects the row pressed at any height, with another row selected', async () => {
    await freshPanel(width, height);
    const start = await listPoint(0.3);
    await pressRow(start.x, start.y, '30% down');
    for (const [what, at] of HEIGHTS) {
      const { x, y } = await heightPoint(at);
      await pressRow(x, y, what);
    }
  });

  it('selects the row pressed after scrolling with the wheel', async () => {
    await freshPanel(width, height);
    const middle = await listPoint(0.5);
    await panel.mouse.move(middle.x, middle.y);
    await panel.mouse.wheel(0, 400);
    await expect.poll(() => panel.evaluate(() => document.querySelector('.tree')!.scrollTop)).toBeGreaterThan(0);
    await settle(panel);
    const low = await listPoint(0.8);
    await pressRow(low.x, low.y, '80% down after the wheel');
    await panel.mouse.wheel(0, -150);
    await settle(panel);
    const high = await listPoint(0.25);
    await pressRow(high.x, high.y, '25% down after the wheel back');
  });

  it('opens a meeting with its arrow, then selects one of its items', async () => {
    await freshPanel(width, height);
    // The highest closed meeting in view that holds items (the panel may remember meetings opened before): its items
    // open right under it, in view even in a short panel; presses low in the list are the other steps' work.
    const point = await panel.evaluate(() => {
      const tree = document.querySelector('.tree')!.getBoundingClientRect();
      const closed = [...document.querySelectorAll('.meeting:not(.meeting--canceled)[aria-expanded="false"]')]
        .map((row) => row.getBoundingClientRect())
        .filter((r) => r.top >= tree.top && r.bottom <= tree.bottom);
      const rect = closed[0];
      return rect ? { x: Math.round(tree.left + 0.4 * tree.width), y: Math.round(rect.top + rect.height / 2) } : null;
    });
    expect(point, 'a closed meeting in view').not.toBeNull();
    const meeting = await targetAt(panel, point!.x, point!.y);
    expect(meeting?.kind).toBe('meeting');
    const arrow = await panel.evaluate((rowId) => {
      const rect = document.getElementById(rowId)!.querySelector('.meeting__toggle')!.getBoundingClientRect();
      return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + 8) };
    }, meeting!.rowId);
    expect((await targetAt(panel, arrow.x, arrow.y))?.part).toBe('toggle');
    await pressAt(panel, arrow.x, arrow.y);
    await expect.poll(() => panel.locator(`[id="${meeting!.rowId}"]`).getAttribute('aria-expanded')).toBe('true');
    await settle(panel);
    expect((await targetAt(panel, arrow.x, arrow.y))?.rowId, 'the meeting stays under the arrow pressed').toBe(
      meeting!.rowId,
    );
    // Its items are below it; bring one into view with the wheel, as a person would.
    const itemInView = () =>
      panel.evaluate((key) => {
        const tree = document.querySelector('.tree')!.getBoundingClientRect();
        const rows = [...document.querySelectorAll<HTMLElement>(`[data-item-key^="${key}/"]`)];
        const seen = rows
          .map((row) => row.getBoundingClientRect())
          .find((r) => r.top >= tree.top && r.bottom <= tree.bottom);
        return seen ? { x: Math.round(tree.left + 0.4 * tree.width), y: Math.round(seen.top + seen.height / 2) } : null;
      }, meeting!.meetingKey);
    let item = await itemInView();
    for (let turn = 0; !item && turn < 30; turn++) {
      await panel.mouse.wheel(0, 60);
      await settle(panel);
      item = await itemInView();
    }
    expect(item, 'an item of the opened meeting in view').not.toBeNull();
    const picked = await pressRow(item!.x, item!.y, 'an item of the opened meeting');
    expect(picked.kind).toBe('item');
  });

  it('selects a search result and the item of a status badge pressed', async () => {
    await freshPanel(width, height);
    await panel.keyboard.press('/');
    await panel.keyboard.type('kubernetes');
    await expect.poll(() => panel.locator('.agenda__results').textContent()).toMatch(/matching item/);
    await settle(panel);
    const low = await listPoint(0.75);
    await pressRow(low.x, low.y, 'a result 75% down');
    const badgeInView = () =>
      panel.evaluate(() => {
        const tree = document.querySelector('.tree')!.getBoundingClientRect();
        const badges = [...document.querySelectorAll('.tree .ref-badge')].map((b) => b.getBoundingClientRect());
        const seen = badges.filter((r) => r.top >= tree.top && r.bottom <= tree.bottom && r.width > 0).at(-1);
        return seen ? { x: Math.round(seen.left + seen.width / 2), y: Math.round(seen.top + seen.height / 2) } : null;
      });
    let badge = await badgeInView();
    for (let turn = 0; !badge && turn < 10; turn++) {
      await panel.mouse.wheel(0, 60);
      await settle(panel);
      badge = await badgeInView();
    }
    expect(badge, 'a status badge in view').not.toBeNull();
    expect((await targetAt(panel, badge!.x, badge!.y))?.part).toBe('badge');
    await pressRow(badge!.x, badge!.y, 'a status badge');
    // Leave no search behind for the next size (filters are remembered per agenda).
    await panel.keyboard.press('/');
    await panel.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.agenda__results').count()).toBe(0);
  });

  it('opens a recording without moving the list, and moves and jumps with the keyboard', async () => {
    await freshPanel(width, height);
    const first = await listPoint(0.2);
    await pressRow(first.x, first.y, '20% down');
    const recordingInView = () =>
      panel.evaluate(() => {
        const tree = document.querySelector('.tree')!.getBoundingClientRect();
        const rect = [...document.querySelectorAll('.tree .tag--recording')]
          .map((a) => a.getBoundingClientRect())
          .find((r) => r.top >= tree.top && r.bottom <= tree.bottom);
        return rect ? { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) } : null;
      });
    // Few meetings have a recording: wheel down until one shows, as a person looking for it would.
    let link = await recordingInView();
    for (let turn = 0; !link && turn < 8; turn++) {
      await panel.mouse.wheel(0, 150);
      await settle(panel);
      link = await recordingInView();
    }
    expect(link, 'a recording link in view').not.toBeNull();
    const under = await targetAt(panel, link!.x, link!.y);
    expect(under?.part).toBe('recording');
    const opened = session.browser.context.waitForEvent('page');
    await pressAt(panel, link!.x, link!.y);
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url()).toMatch(/^https:\/\/youtu\.be\//);
    await tab.close();
    await settle(panel);
    expect((await targetAt(panel, link!.x, link!.y))?.rowId, 'the list did not move').toBe(under!.rowId);

    await panel.bringToFront();
    const before = await selectedRowId(panel);
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('Enter');
    const after = await selectedRowId(panel);
    expect(after).not.toBe(before);
    const box = await panel.evaluate((id) => document.getElementById(id!)!.getBoundingClientRect().top, after);
    const target = await targetAt(panel, first.x, Math.round(box + 10));
    expect(target?.rowId).toBe(after);
    await expect.poll(async () => nearTop(await placeInPage(page, target!), PAGE_HEIGHT)).toBe(true);
  });

  it('keeps the selection through a resize and selects the row pressed after it', async () => {
    await freshPanel(width, height);
    const start = await listPoint(0.6);
    const selected = await pressRow(start.x, start.y, '60% down');
    await panel.setViewportSize({ width: width === 320 ? 480 : width - 80, height: height === 500 ? 900 : 500 });
    await stableLayout(panel);
    expect(await selectedRowId(panel)).toBe(selected.rowId);
    for (const at of [0.85, 'last'] as const) {
      const { x, y } = await heightPoint(at);
      await pressRow(x, y, `${at} after the resize`);
    }
  });
});
