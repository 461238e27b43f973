// A page built to hurt: script-like text, javascript: links, a huge item, lists nested 50 deep; and a page
// of 100,000-character runs of what the parser's rules look for. They must parse without harm, everything of
// them must show as inert text, and the page must stay responsive while the overlay re-reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { repeatTo } from '../support/pathological';
import { startSession, type Session } from './support/session';

const NESTED = `${'<ul><li>level'.repeat(50)} bottom${'</li></ul>'.repeat(50)}`;
const HUGE = 'A'.repeat(100_000);

const HOSTILE = `<!doctype html><html><head><title>Hostile</title></head><body>
<h1>Team agenda</h1>
<h2>April 4, 2018 &lt;img src=x onerror="window.__pwned=1"&gt;</h2>
<ul>
  <li>Discussion topics<ul>
    <li><a href="javascript:window.__pwned=2">click me</a> and &lt;script&gt;window.__pwned=3&lt;/script&gt;</li>
    <li>${HUGE}</li>
    <li>${NESTED}</li>
  </ul></li>
</ul>
<h2>March 28, 2018 <a href="javascript:alert(1)">&lt;b&gt;bold?&lt;/b&gt;</a></h2>
<ul><li>Announcements<ul><li>Nothing</li></ul></li></ul>
</body></html>`;

/** 100,000 characters of `unit` after a word: each of these took one of the parser's rules seconds. */
const RUN_CHARS = 100_000;
const run = (unit: string): string => escapeHtml(`x${repeatTo(unit, RUN_CHARS)}`);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const PATHOLOGICAL = `<!doctype html><html><head><title>Pathological</title></head><body>
<h1>Team agenda</h1>
<h2>May 2, 2018</h2>
<p>${run('(')}</p>
<p>${run(':')}</p>
<ul>
<li><span style="${run('text-decoration:')}">styled</span></li>
<li><a href="https://www.google.com/url?${run('?q=')}">redirect</a></li>
<li id="edited">Edited here</li>
<li>${run('@a')}</li>
<li>${run('o/r#')}</li>
<li>${run('[a')}</li>
<li>${run('1 jan ')}</li>
<li>${run('https://a.io/')}</li>
<li>${run('10:00 - ')}</li>
</ul>
<h2>April 25, 2018</h2>
<ul><li>Announcements<ul><li>Nothing</li></ul></li></ul>
</body></html>`;

let session: Session;
let page: Page;
let panel: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await startSession({ '/hostile.html': HOSTILE, '/pathological.html': PATHOLOGICAL });
  session.browser.context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  ({ page, panel } = await session.openWithPanel('/hostile.html'));
  await panel.locator('[data-meeting-key]').first().waitFor();
});

afterAll(async () => {
  await session?.close();
});

it('parses the meetings', async () => {
  const keys = await panel
    .locator('[data-meeting-key]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-meeting-key')));
  expect(keys).toEqual(['2018-04-04', '2018-03-28']);
});

it('shows markup in the page text as text, never as elements', async () => {
  const title = await panel.locator('[data-meeting-key="2018-04-04"] .meeting__title').textContent();
  expect(title).toContain('<img src=x onerror="window.__pwned=1">');
  // Open the meeting and select the item with the javascript: link and the script-like text.
  await panel.locator('[data-meeting-key="2018-04-04"] .meeting__toggle').click();
  const item = panel.locator('[data-item-key^="2018-04-04/"]').filter({ hasText: 'click me' });
  await item.click();
  await expect(item.textContent()).resolves.toContain('<script>window.__pwned=3</script>');
  await expect(panel.locator('.detail__text').textContent()).resolves.toContain('<script>window.__pwned=3</script>');
  await expect(panel.locator('img, script:not([src]), b').count()).resolves.toBe(0);
  // The javascript: link is neither a link in the panel nor among the item's links.
  await expect(panel.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
  await expect(panel.locator('.detail__links a').count()).resolves.toBe(0);
});

it('runs nothing from the page, in the panel or the page', async () => {
  // The open April meeting's 50-deep list fills the view: wheel down to the March meeting, as a reader would.
  const tree = await panel.locator('.tree').boundingBox();
  if (!tree) throw new Error('no tree on screen');
  await panel.mouse.move(tree.x + tree.width / 2, tree.y + tree.height / 2);
  const march = panel.locator('[data-meeting-key="2018-03-28"] .meeting__date');
  for (let turn = 0; turn < 40 && (await march.count()) === 0; turn++) await panel.mouse.wheel(0, 600);
  await march.click();
  await page.waitForTimeout(300);
  expect(await panel.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

it('counts the huge and deeply nested items', async () => {
  // Back up to the April meeting with the wheel, wherever the list was left.
  const tree = await panel.locator('.tree').boundingBox();
  if (!tree) throw new Error('no tree on screen');
  await panel.mouse.move(tree.x + tree.width / 2, tree.y + tree.height / 2);
  const april = panel.locator('[data-meeting-key="2018-04-04"]');
  for (let turn = 0; turn < 40 && (await april.count()) === 0; turn++) await panel.mouse.wheel(0, -600);
  const count = await april.textContent();
  // click me…, the 100 KB item, and 50 nested levels.
  expect(count).toMatch(/52 items/);
});

describe('a page of 100,000-character pathological blocks', () => {
  let hostilePage: Page;
  let hostilePanel: Page;

  beforeAll(async () => {
    ({ page: hostilePage, panel: hostilePanel } = await session.openWithPanel('/pathological.html'));
  });

  it('is indexed: the panel lists its meetings', async () => {
    await expect
      .poll(
        () =>
          hostilePanel
            .locator('[data-meeting-key]')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-meeting-key'))),
        {
          timeout: 30_000,
        },
      )
      .toEqual(['2018-05-02', '2018-04-25']);
  });

  it('stays responsive while the overlay re-reads it after an edit', async () => {
    // Inside the page: a trivial timer every 10 ms, for 2 s from an edit (the overlay re-reads 250 ms after one).
    const lateness = await hostilePage.evaluate(async () => {
      let worst = 0;
      let last = performance.now();
      const edited = document.getElementById('edited');
      if (!edited) throw new Error('no #edited item');
      edited.textContent = 'Edited here, again';
      const end = last + 2_000;
      while (last < end) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const now = performance.now();
        worst = Math.max(worst, now - last - 10);
        last = now;
      }
      return worst;
    });
    expect(lateness).toBeLessThan(100);
    // And the edit reached the index.
    await hostilePanel.locator('[data-meeting-key="2018-05-02"] .meeting__toggle').click();
    await expect
      .poll(
        () => hostilePanel.locator('[data-item-key^="2018-05-02/"]').filter({ hasText: 'Edited here, again' }).count(),
        { timeout: 10_000 },
      )
      .toBe(1);
  });
});
