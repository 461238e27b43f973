// In Firefox ESR, the Firefox build lists the meetings of the SIG Auth 2018 agenda, as GitHub renders its archive and as
// Google Docs exports it, and jumps to them: by a click on a row, and from the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { demoAgendaHtml } from '../../scripts/render/seed-demo';
import { readSeed } from '../support/fixtures';
import {
  clickAt,
  countOf,
  headingTopInViewport,
  startFirefoxSession,
  textOf,
  type FirefoxSession,
} from './support/session';

let session: FirefoxSession;

beforeAll(async () => {
  session = await startFirefoxSession({
    '/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md': renderGithubHtml(readSeed(), {
      title: 'meeting-notes-2018.md',
    }),
    '/document/d/seed/pub': demoAgendaHtml(),
  });
});

afterAll(async () => {
  // Nothing the extension ran in Firefox threw along the way (background, pages, content scripts).
  expect(session?.firefox.extensionErrors() ?? []).toEqual([]);
  await session?.close();
});

/** The meeting rows the panel draws, top to bottom, with what they say. */
function meetingRows(panel: Page): Promise<{ key: string; text: string }[]> {
  return panel.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-meeting-key]')].map((row) => ({
      key: row.getAttribute('data-meeting-key') ?? '',
      text: row.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );
}

describe.each([
  [
    'GitHub’s rendering of the Markdown archive',
    '/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md',
  ],
  ['a Google Docs export', '/document/d/seed/pub'],
])('the SIG Auth 2018 agenda as %s', (_name, path) => {
  let page: Page;
  let panel: Page;

  beforeAll(async () => {
    ({ page, panel } = await session.openWithPanel(path));
  });

  afterAll(async () => {
    await page?.close();
    await panel?.close();
  });

  it('shows the index: 26 meetings, newest first, the canceled ones marked', async () => {
    await expect.poll(() => textOf(panel, '.agenda__summary')).toMatch(/^26 meetings · 6 canceled · \d+ items/);
    const rows = await meetingRows(panel);
    expect(rows.map((row) => row.key).slice(0, 3)).toEqual(['2018-12-26', '2018-12-12', '2018-11-28']);
    expect(rows[0]!.text).toMatch(/Dec 26, 2018.*Canceled/);
    expect(rows[2]!.text).not.toMatch(/Canceled/);
    expect(rows[2]!.text).toMatch(/\d+ items/);
  });

  it('jumps to a meeting down the page when its row is clicked, and highlights it', async () => {
    // The lowest meeting row the list shows without scrolling it (the detail pane holds the space below the list).
    const key = await panel.evaluate(() => {
      const list = document.querySelector('.tree')!.getBoundingClientRect();
      const visible = [...document.querySelectorAll<HTMLElement>('[data-meeting-key]')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= list.top && box.bottom <= list.bottom;
      });
      return visible.at(-1)?.getAttribute('data-meeting-key') ?? null;
    });
    expect(key).not.toBeNull();
    const heading = new Date(`${key}T12:00:00Z`).toLocaleDateString('en-US', {
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    const wanted = key === '2018-08-08' ? 'August 08' : heading;
    expect(await headingTopInViewport(page, wanted)).toBeNull();
    await clickAt(panel, `[data-meeting-key="${key}"] .meeting__date`);
    await expect.poll(() => headingTopInViewport(page, wanted)).not.toBeNull();
    await expect.poll(() => countOf(page, '[data-agenda-overlay="highlight"]')).toBe(1);
    // The highlight goes, and the page is as it was.
    await expect.poll(() => countOf(page, '[data-agenda-overlay="highlight"]'), { timeout: 6000 }).toBe(0);
  });

  it('jumps from the keyboard: End goes to the oldest meeting, Enter scrolls the page to it', async () => {
    // Back to the top of the list with the wheel, wherever it was left.
    const list = await panel.evaluate(() => {
      const box = document.querySelector('.tree')!.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await panel.mouse.move(list.x, list.y);
    for (let turn = 0; turn < 20 && (await countOf(panel, '[data-meeting-key="2018-12-26"]')) === 0; turn++) {
      await panel.mouse.wheel({ deltaY: -2000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await clickAt(panel, '[data-meeting-key="2018-12-26"] .meeting__date');
    await expect.poll(() => headingTopInViewport(page, 'December 26, 2018')).not.toBeNull();
    await panel.bringToFront();
    await panel.keyboard.press('End');
    await expect
      .poll(() =>
        panel.evaluate(() => document.querySelector('.row--active')?.getAttribute('data-meeting-key') ?? null),
      )
      .toBe('2018-01-10');
    expect(await headingTopInViewport(page, 'January 10, 2018')).toBeNull();
    await panel.keyboard.press('Enter');
    await expect.poll(() => headingTopInViewport(page, 'January 10, 2018')).not.toBeNull();
  });
});
