// A person's hand on the panel: what is under the pointer before they press, a real press and release
// there, and where the agenda page ended up. Coordinates only: a locator's click() scrolls its element into
// view and aims at its centre, which hides a layout that moves under the pointer between press and release.
import type { Page } from 'playwright-core';

/** What a press at a point would land on, read before pressing. */
export interface Target {
  /** The row's DOM id (`row-…`). */
  rowId: string;
  kind: 'meeting' | 'section' | 'item';
  meetingKey: string;
  /** A meeting's heading or an item's text, as the panel holds it. */
  text: string;
  /** The part of the row hit: the expand arrow, the recording link, a status badge, or the row itself. */
  part: 'toggle' | 'recording' | 'badge' | 'row';
}

/** How long a person holds the button: long enough for a layout change to land between press and release. */
const HOLD_MS = 80;

export async function targetAt(panel: Page, x: number, y: number): Promise<Target | null> {
  return panel.evaluate(
    ([px, py]) => {
      const hit = document.elementFromPoint(px!, py!);
      const row = hit?.closest<HTMLElement>('[role="treeitem"]');
      if (!hit || !row) return null;
      const kind = row.classList.contains('meeting')
        ? 'meeting'
        : row.classList.contains('section')
          ? 'section'
          : 'item';
      const meetingKey =
        row.dataset.meetingKey ?? row.dataset.itemKey?.split('/')[0] ?? row.id.replace(/^row-/, '').split('::')[0]!;
      const text =
        kind === 'meeting'
          ? (row.querySelector('.meeting__title')?.getAttribute('title') ?? '')
          : (row.getAttribute('title') ?? row.textContent ?? '');
      const part = hit.closest('.meeting__toggle')
        ? 'toggle'
        : hit.closest('.tag--recording')
          ? 'recording'
          : hit.closest('.ref-badge')
            ? 'badge'
            : 'row';
      return { rowId: row.id, kind, meetingKey, text, part } as const;
    },
    [x, y],
  );
}

/** Moves there, presses, holds a moment as a hand does, releases. */
export async function pressAt(panel: Page, x: number, y: number): Promise<void> {
  await panel.mouse.move(x, y);
  await panel.mouse.down();
  await panel.waitForTimeout(HOLD_MS);
  await panel.mouse.up();
}

/** The selected row's DOM id, or null. */
export async function selectedRowId(panel: Page): Promise<string | null> {
  return panel.evaluate(() => document.querySelector('[role="treeitem"][aria-selected="true"]')?.id ?? null);
}

/** The list's box on screen. */
export async function treeBox(panel: Page): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return panel.evaluate(() => {
    const rect = document.querySelector('.tree')!.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
  });
}

/** The middle of the visible part of the last row the list shows. */
export async function lastVisibleRowPoint(panel: Page): Promise<number> {
  return panel.evaluate(() => {
    const tree = document.querySelector('.tree')!.getBoundingClientRect();
    let best: { top: number; bottom: number } | null = null;
    for (const row of document.querySelectorAll('[role="treeitem"]')) {
      const rect = row.getBoundingClientRect();
      const top = Math.max(rect.top, tree.top);
      const bottom = Math.min(rect.bottom, tree.bottom);
      if (bottom - top >= 4 && (!best || top > best.top)) best = { top, bottom };
    }
    return best ? (best.top + best.bottom) / 2 : tree.top + 10;
  });
}

/** Lets a press's consequences (renders, scrolling, the page's answer) settle: two frames and a moment. */
export async function settle(panel: Page): Promise<void> {
  await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await panel.waitForTimeout(60);
}

/**
 * Waits until the list has stopped moving: after a resize the panel lays out again over a few frames (later on a
 * busy machine), and a person presses what they see once it holds still.
 */
export async function stableLayout(panel: Page): Promise<void> {
  const layout = () =>
    panel.evaluate(() => {
      const tree = document.querySelector('.tree');
      const first = tree?.querySelector('[role="treeitem"]');
      return `${tree?.getBoundingClientRect().height}:${tree?.scrollTop}:${first?.getBoundingClientRect().top}:${first?.id}`;
    });
  let last = await layout();
  for (let tries = 0; tries < 30; tries++) {
    await settle(panel);
    await panel.waitForTimeout(100);
    const now = await layout();
    if (now === last) return;
    last = now;
  }
}

/** Removes the page's last jump highlight, so that the next one is known to come from the next press. */
export async function clearHighlight(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelectorAll('[data-agenda-overlay="highlight"]').forEach((box) => box.remove()),
  );
}

/**
 * Where the page shows the target: for a meeting or a section, its meeting's heading; for an item, the jump's
 * highlight, which must sit in that item's meeting (under its heading). Null when it is not there; else its
 * top in the viewport, and whether the page cannot scroll further.
 */
export async function placeInPage(page: Page, target: Target): Promise<{ top: number; atBottom: boolean } | null> {
  return page.evaluate((wanted) => {
    const MONTHS = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    const keyOf = (text: string): string | null => {
      const m = /([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(text);
      const month = m ? MONTHS.indexOf(m[1]!) : -1;
      return m && month !== -1 ? `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
    };
    const headings = [...document.querySelectorAll('h1, h2, h3, h4')];
    const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    if (wanted.kind !== 'item') {
      const heading = headings.find((h) => keyOf(h.textContent ?? '') === wanted.meetingKey);
      return heading ? { top: heading.getBoundingClientRect().top, atBottom } : null;
    }
    const highlight = document.querySelector('[data-agenda-overlay="highlight"]');
    if (!highlight) return null;
    const box = highlight.getBoundingClientRect();
    const element = document.elementFromPoint(box.left + 12, box.top + Math.min(8, box.height / 2));
    if (!element) return null;
    const above = headings.filter((h) => h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    const meetingHeading = [...above].reverse().find((h) => keyOf(h.textContent ?? '') !== null);
    if (!meetingHeading || keyOf(meetingHeading.textContent ?? '') !== wanted.meetingKey) return null;
    return { top: box.top + 2, atBottom };
  }, target);
}

/** Whether the page shows the target near the top of its viewport (or as near as the page can scroll). */
export function nearTop(place: { top: number; atBottom: boolean } | null, viewportHeight: number): boolean {
  if (!place) return false;
  return place.top >= -2 && (place.top <= 160 || (place.atBottom && place.top < viewportHeight));
}

/** Presses the middle of the first thing `selector` finds, as a hand would, and lets it settle. */
export async function pressOn(panel: Page, selector: string): Promise<void> {
  const box = await panel.locator(selector).first().boundingBox();
  if (!box) throw new Error(`Nothing to press at ${selector}`);
  await pressAt(panel, box.x + box.width / 2, box.y + box.height / 2);
  await settle(panel);
}

/** Types `query` over whatever the search box holds, as a reader does; an empty query clears it. */
export async function searchFor(panel: Page, query: string): Promise<void> {
  await pressOn(panel, '.search__input');
  await panel.keyboard.press('Control+A');
  if (query) await panel.keyboard.type(query);
  else await panel.keyboard.press('Backspace');
  await settle(panel);
}
