// A group's whole history in the built extension, in Chromium, against the local contents stand-in: the SIG
// Auth 2018 archive opens, the panel names its group, one press loads every year, a 2017 meeting is found by
// search and opens on GitHub at its heading, a reference followed across years shows when it was first and last
// discussed, and after a reload all of it is there again without a single request. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { readSeed } from '../support/fixtures';
import { sigAuthFiles, type ContentsStandIn } from '../support/contents-standin';
import { openHistorySession, type HistorySession } from './support/history-session';
import { pressAt, pressOn as pressOnPanel, searchFor, settle, treeBox } from './support/pointer';
import { checkBothSchemes } from './support/color-schemes';

const PAGE = '/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md';
const WAIT = { timeout: 20_000 };
const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');

let history: HistorySession;
let standIn: ContentsStandIn;
let panel: Page;

const pressOn = (selector: string) => pressOnPanel(panel, selector);
const search = (query: string) => searchFor(panel, query);

beforeAll(async () => {
  history = await openHistorySession(PAGE, renderGithubHtml(readSeed(), { title: 'meeting-notes-2018.md' }), {
    files: sigAuthFiles(),
  });
  ({ standIn, panel } = history);
}, 60_000);

afterAll(async () => {
  await history?.close();
});

describe('a group history', () => {
  it('names the group of the archive, its regular meeting in the reader zone, links and chairs', async () => {
    await panel.locator('.group').waitFor(WAIT);
    const header = (await panel.locator('.group').innerText()).replace(/\s+/g, ' ');
    expect(header).toMatch(/^SIG Auth · (Wednesday|Thursday) .+ · biweekly/);
    expect(header).toContain('Chairs: Anish Ramasekar, Micah Hausler, Rita Zhang');
    expect(await panel.locator('.group a', { hasText: 'Join' }).getAttribute('href')).toBe(
      'https://zoom.us/j/264572674?pwd=NHVXTm14VktMRi8zRmU0aUt1NE9uQT09',
    );
    expect(await panel.locator('.group a', { hasText: 'Recordings' }).getAttribute('href')).toBe(
      'https://www.youtube.com/playlist?list=PL69nYSiGNLP0VMOZ-V7-5AchXTHAQFzJw',
    );
    expect(standIn.requests.map((r) => r.path)).toEqual(['sigs.yaml']);
  });

  it('loads every year with one press: files + listings + 1 requests', async () => {
    await pressOn('.group button:has-text("Load the group’s history")');
    await panel.locator('.group__choice--on', { hasText: 'Whole history (2016–2019)' }).waitFor(WAIT);
    expect(standIn.requests.map((r) => r.path)).toEqual([
      'sigs.yaml',
      'sig-auth/archive',
      'sig-auth/archive/meeting-notes-2016.md',
      'sig-auth/archive/meeting-notes-2017.md',
      'sig-auth/archive/meeting-notes-2018.md',
      'sig-auth/archive/meeting-notes-2019.md',
    ]);
    expect(await panel.locator('.group__age').innerText()).toMatch(/^\d+ meetings, checked with GitHub just now\.$/);
    // Newest first, with each year's first meeting marked.
    const first = await panel.locator('[data-meeting-key]').first().getAttribute('data-meeting-key');
    expect(first?.startsWith('2019-')).toBe(true);
    expect(await panel.locator('[data-year-start="2019"]').count()).toBe(1);
  });

  it('finds a 2017 meeting by search, and opens it on GitHub at its heading', async () => {
    const wanted =
      'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2017.md#november-1-2017-11a---noon-pacific-time';
    const opened = await history.openFound('short-circuit denies', '2017-11-01');
    await expect.poll(() => opened.addresses, WAIT).toContain(wanted);
    await opened.tab.close();
  });

  it('follows a reference across years, first and last discussed', async () => {
    await search('');
    await pressOn('[role="tab"]:has-text("Following")');
    await panel.locator('.follow-form select').selectOption('ref');
    await pressOn('.follow-form__text');
    await panel.keyboard.type('kubernetes/community#911');
    await panel.keyboard.press('Enter');
    const span = panel.locator('.topic__span');
    await span.waitFor(WAIT);
    expect(await span.innerText()).toMatch(/^First discussed .*2017 · last discussed .*Oct 31, 2018$/);
    const dates = await panel.locator('.timeline__when').allInnerTexts();
    expect(dates.some((d) => d.includes('2017'))).toBe(true);
    expect(dates.some((d) => d.includes('2018'))).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await panel.screenshot({
      path: `${SHOTS}/group-history-following.png`,
      clip: { x: 0, y: 0, width: 360, height: 640 },
    });
  });

  it('suggests threads and lists action items of every year, and ticks one of 2017', async () => {
    const title = panel.locator('#threads-title');
    await title.waitFor(WAIT);
    expect(await title.textContent()).toBe('Threads across the group’s history');
    const threads = await panel.locator('.thread__text').allInnerTexts();
    expect(threads.some((text) => /, 2017–2018$/.test(text))).toBe(true);

    await pressOn('[role="tab"]:has-text("Action")');
    const old = panel.locator('.action', { hasText: '2017' }).first();
    await old.waitFor(WAIT);
    // The oldest items are at the end of the list: the wheel brings one into view, as a person would.
    const checkbox = old.locator('input[type="checkbox"]');
    const viewport = panel.viewportSize()!;
    await panel.mouse.move(viewport.width / 2, viewport.height / 2);
    for (let turns = 0; turns < 100; turns++) {
      const seen = (await checkbox.boundingBox())!;
      if (seen.y >= 0 && seen.y + seen.height <= viewport.height) break;
      await panel.mouse.wheel(0, seen.y < 0 ? -300 : 300);
      await settle(panel);
    }
    const box = (await checkbox.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await pressAt(panel, box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => checkbox.isChecked(), WAIT).toBe(true);
    expect(await old.getAttribute('class')).toContain('action--done');
  });

  it('looks right at 360 px, light and dark', async () => {
    await pressOn('[role="tab"]:has-text("Index")');
    // A search whose meetings span two years: both years' marks are in view.
    await search('community#911');
    await panel.locator('[data-year-start="2017"]').waitFor(WAIT);
    // The list keeps the 2017 meeting opened earlier in view: the wheel takes it back to its top, as a person would.
    const tree = await treeBox(panel);
    await panel.mouse.move((tree.left + tree.right) / 2, (tree.top + tree.bottom) / 2);
    await panel.mouse.wheel(0, -10_000);
    await settle(panel);
    expect(await panel.locator('[data-year-start]').evaluateAll((marks) => marks.map((m) => m.textContent))).toEqual([
      '2018',
      '2017',
    ]);
    await checkBothSchemes(panel, {
      path: `${SHOTS}/group-history`,
      clip: { x: 0, y: 0, width: 360, height: 640 },
    });
  });

  it('after a reload has it all again without a request', async () => {
    const before = standIn.requests.length;
    await panel.reload();
    await panel.locator('.group__choice--on', { hasText: 'Whole history' }).waitFor(WAIT);
    await search('short-circuit denies');
    await panel.locator('[data-meeting-key="2017-11-01"]').waitFor(WAIT);
    await pressOn('[role="tab"]:has-text("Following")');
    await panel.locator('.topic__span').waitFor(WAIT);
    expect(standIn.requests.length).toBe(before);
  });
});
