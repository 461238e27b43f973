// A page built to hurt: script-like text, javascript: links, a huge item, lists nested 50 deep.
// It must parse without harm, and everything of it must show as inert text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSession, type Session } from './support/session';

const NESTED = '<ul><li>level'.repeat(50) + ' bottom' + '</li></ul>'.repeat(50);
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

let session: Session;
let page: Page;
let panel: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await startSession({ '/hostile.html': HOSTILE });
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
  const keys = await panel.locator('[data-meeting-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-meeting-key')));
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
  await panel.locator('[data-meeting-key="2018-03-28"] .meeting__date').click();
  await page.waitForTimeout(300);
  expect(await panel.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

it('counts the huge and deeply nested items', async () => {
  const count = await panel.locator('[data-meeting-key="2018-04-04"]').textContent();
  // click me…, the 100 KB item, and 50 nested levels.
  expect(count).toMatch(/52 items/);
});
