// Private notes and follows in the real extension, with Chromium's own IndexedDB: a note outlives the
// browser, follows its item through edits, is kept as detached when its item is deleted, and two panels
// see each other's changes. Follows show in the Following page and as markers in the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, panelUrl, tabIdOf, type ExtensionBrowser } from '../../scripts/support/chromium';
import { servePages, type PageServer } from '../../scripts/support/static-server';
import { renderGdocsExport } from '../../scripts/render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { readSeed } from '../support/fixtures';

const SEED = readSeed();

const AGENDA = `<!doctype html><html><head><title>Team sync</title></head><body>
<h1>Team sync agenda</h1>
<h2>March 14, 2018</h2>
<ul>
  <li>Discussion topics<ul>
    <li id="token">[@alice] Token review for the new API kubernetes/kubernetes#123</li>
    <li id="csr">[@bob] CSR API cleanup</li>
    <li id="retro">Release retro</li>
  </ul></li>
  <li>Action items<ul><li id="action">@alice will write the design doc</li></ul></li>
</ul>
<h2>March 7, 2018</h2>
<ul><li>Announcements<ul><li>Release is out</li><li>[@bob] Token review follow-up kubernetes/kubernetes#123</li></ul></li></ul>
</body></html>`;

const NOTE = 'Ask Alice whether the review needs a KEP.';

let server: PageServer;
let profileDir: string;

beforeAll(async () => {
  server = await servePages({
    '/agenda.html': AGENDA,
    // The same agenda as a Google Docs export and as GitHub renders its archive: two addresses, one document.
    '/docs/seed.html': renderGdocsExport(SEED, { title: 'Kubernetes Sig-auth Meeting Agenda' }),
    '/github/meeting-notes-2018.md.html': renderGithubHtml(SEED, { title: 'meeting-notes-2018.md' }),
  });
  profileDir = mkdtempSync(join(tmpdir(), 'agenda-overlay-notes-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

/** The first test restarts the browser on one profile; the others start with a fresh one each. */
async function launch(profile: string | undefined = undefined): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension(profile ? { profileDir: profile } : {});
  // No test reaches beyond 127.0.0.1.
  await browser.worker.evaluate(() => chrome.storage.local.set({ 'github.apiBase': 'http://127.0.0.1:9' }));
  return browser;
}

async function openAgenda(
  browser: ExtensionBrowser,
  path = '/agenda.html',
  meetings = 2,
): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  const tabId = await tabIdOf(browser, page);
  const panel = await openPanel(browser, tabId, meetings);
  return { page, panel, tabId };
}

async function openPanel(browser: ExtensionBrowser, tabId: number, meetings = 2): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 1600 });
  await panel.goto(panelUrl(browser, tabId));
  // The count the panel says, not the rows drawn: only the rows in view are in the page, and a banner above the
  // list (the offer of another page's notes) leaves room for fewer.
  await expect
    .poll(() => panel.locator('.agenda__summary').textContent())
    .toMatch(new RegExp(`^${meetings} meetings? · `));
  await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBeGreaterThan(0);
  return panel;
}

/** Opens the meeting of March 14 and selects the item whose text has `text`. */
async function selectItem(panel: Page, text: string): Promise<Locator> {
  const meeting = panel.locator('[data-meeting-key="2018-03-14"]');
  if ((await meeting.getAttribute('aria-expanded')) !== 'true') await meeting.locator('.meeting__toggle').click();
  const row = itemRow(panel, text);
  await row.click();
  return row;
}

function itemRow(panel: Page, text: string): Locator {
  return panel.locator('[role="treeitem"][data-item-key]', { hasText: text });
}

async function noteEditor(panel: Page): Promise<Locator> {
  const editor = panel.locator('.detail .note__text').first();
  await editor.waitFor();
  return editor;
}

function savedStatus(panel: Page): Promise<string> {
  return panel.locator('.detail .note__status').first().innerText();
}

describe('private notes', () => {
  it('are saved as typed and are there after the browser restarts, beside their item in panel and page', async () => {
    let browser = await launch(profileDir);
    try {
      const { page, panel } = await openAgenda(browser);
      await selectItem(panel, 'Token review for the new API');
      await (await noteEditor(panel)).pressSequentially(NOTE);
      await expect.poll(() => savedStatus(panel)).toBe('Saved');
      await expect
        .poll(() => itemRow(panel, 'Token review for the new API').locator('.row-marks__note').count())
        .toBe(1);
      // The page shows a marker beside the item, and only there.
      await expect.poll(() => page.locator('#token agenda-overlay-mark').count()).toBe(1);
      expect(await page.locator('agenda-overlay-mark').count()).toBe(1);
    } finally {
      await browser.close();
    }

    browser = await launch(profileDir);
    try {
      const { panel } = await openAgenda(browser);
      await selectItem(panel, 'Token review for the new API');
      await expect.poll(async () => (await noteEditor(panel)).inputValue()).toBe(NOTE);
      expect(await itemRow(panel, 'Token review for the new API').locator('.row-marks__note').count()).toBe(1);
      await panel.getByRole('tab', { name: /Notes/ }).click();
      expect(await panel.locator('.note-card__body').allInnerTexts()).toEqual([NOTE]);
    } finally {
      await browser.close();
    }
  });

  it('follows its item when the page is edited, and is kept as detached when the item is deleted', async () => {
    const browser = await launch();
    try {
      const { page, panel } = await openAgenda(browser);
      await selectItem(panel, 'Token review for the new API');
      await (await noteEditor(panel)).pressSequentially(NOTE);
      await expect.poll(() => savedStatus(panel)).toBe('Saved');
      // A meeting added above, the items reordered, and the item's text edited a little.
      await page.evaluate(() => {
        const token = document.getElementById('token')!;
        token.parentElement!.appendChild(token);
        token.firstChild!.textContent = '[@alice] Token review for the new APIs ';
        const heading = document.createElement('h2');
        heading.textContent = 'March 21, 2018';
        const list = document.createElement('ul');
        list.innerHTML = '<li>Announcements<ul><li>Nothing yet</li></ul></li>';
        document.querySelector('h1')!.after(heading, list);
      });
      await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBe(3);
      await expect
        .poll(() => itemRow(panel, 'Token review for the new APIs').locator('.row-marks__note').count())
        .toBe(1);
      await selectItem(panel, 'Token review for the new APIs');
      expect(await (await noteEditor(panel)).inputValue()).toBe(NOTE);
      await expect.poll(() => page.locator('#token agenda-overlay-mark').count()).toBe(1);

      await page.evaluate(() => document.getElementById('token')!.remove());
      await expect.poll(() => itemRow(panel, 'Token review for the new APIs').count()).toBe(0);
      await panel.getByRole('tab', { name: /Notes/ }).click();
      await expect.poll(() => panel.locator('.note-card--detached').count()).toBe(1);
      const detached = panel.locator('.note-card--detached');
      expect(await detached.locator('.note-card__body').innerText()).toBe(NOTE);
      expect(await detached.locator('q').innerText()).toContain('Token review for the new API');
      expect(await page.locator('agenda-overlay-mark').count()).toBe(0);

      // Re-attached to another item by the user, it is a note there again.
      await panel.getByRole('tab', { name: /Index/ }).click();
      await selectItem(panel, 'Release retro');
      await panel.getByRole('tab', { name: /Notes/ }).click();
      await panel.getByRole('button', { name: 'Attach to the selected row' }).click();
      await expect.poll(() => panel.locator('.note-card--detached').count()).toBe(0);
      await expect.poll(() => page.locator('#retro agenda-overlay-mark').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it('keeps what was typed when the panel is closed before the save', async () => {
    const browser = await launch();
    try {
      const { panel, tabId } = await openAgenda(browser);
      await selectItem(panel, 'Release retro');
      const editor = await noteEditor(panel);
      await editor.pressSequentially('Closed mid-sentence');
      // Straight away: the save waits for a pause in typing that never comes.
      await panel.close();
      const next = await openPanel(browser, tabId);
      await selectItem(next, 'Release retro');
      await expect.poll(async () => (await noteEditor(next)).inputValue()).toBe('Closed mid-sentence');
      await expect.poll(() => itemRow(next, 'Release retro').locator('.row-marks__note').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it('written in one panel shows in another panel within a second', async () => {
    const browser = await launch();
    try {
      const { panel, tabId } = await openAgenda(browser);
      const other = await openPanel(browser, tabId);
      await other.getByRole('tab', { name: /Notes/ }).click();
      await selectItem(panel, 'CSR API cleanup');
      await (await noteEditor(panel)).pressSequentially('Two windows, one note');
      await expect
        .poll(
          () => other.locator('.note-card', { hasText: 'CSR API cleanup' }).locator('.note-card__body').allInnerTexts(),
          {
            timeout: 3000,
          },
        )
        .toEqual(['Two windows, one note']);
    } finally {
      await browser.close();
    }
  });
});

describe('one document, two renderings', () => {
  it('shows a note written on the Google Doc on its GitHub archive, beside the same item, once the user says they are one', async () => {
    const browser = await launch();
    try {
      const docs = await openAgenda(browser, '/docs/seed.html', 26);
      const meeting = docs.panel.locator('[data-meeting-key="2018-10-31"]');
      await meeting.locator('.meeting__toggle').click();
      await itemRow(docs.panel, 'node self-labeling').first().click();
      await (await noteEditor(docs.panel)).pressSequentially('Follow up on kubelet labels');
      await expect.poll(() => savedStatus(docs.panel)).toBe('Saved');

      const github = await openAgenda(browser, '/github/meeting-notes-2018.md.html', 26);
      // Shared content proves nothing (any page can copy an agenda): the panel asks, and until then the page gets
      // no mark.
      const offer = github.panel.getByRole('group', { name: 'Notes from another page' });
      await expect
        .poll(() => offer.innerText())
        .toMatch(/^This page shares \d+ items with 127\.0\.0\.1:\d+\/docs\/seed\.html, where you keep 1 note\./);
      expect(await github.page.locator('agenda-overlay-mark').count()).toBe(0);
      await offer.getByRole('button', { name: 'Same document: show them here' }).click();
      expect(await offer.count()).toBe(0);
      await github.panel.getByRole('tab', { name: /Notes/ }).click();
      await expect
        .poll(() => github.panel.locator('.note-card__body').allInnerTexts())
        .toEqual(['Follow up on kubelet labels']);
      expect(await github.panel.locator('.note-card__where').innerText()).toContain('node self-labeling');
      await expect.poll(() => github.page.locator('agenda-overlay-mark').count()).toBe(1);
    } finally {
      await browser.close();
    }
  });
});

describe('follows and action items', () => {
  it('follow a reference across meetings, mark it in the page, and tick an action item off', async () => {
    const browser = await launch();
    try {
      const { page, panel } = await openAgenda(browser);
      await selectItem(panel, 'CSR API cleanup');
      await panel.getByRole('tab', { name: /Following/ }).click();
      await panel.getByLabel('What to follow').fill('csr api');
      await panel.locator('.follow-form').getByRole('button', { name: 'Follow' }).click();
      const topic = panel.locator('.topic', { hasText: 'csr api' });
      await expect.poll(() => topic.locator('.timeline__text').allInnerTexts()).toEqual(['[@bob] CSR API cleanup']);

      // The reference that recurs is offered as a thread, and following it lists both meetings, newest first.
      const thread = panel.locator('.thread', { hasText: 'kubernetes/kubernetes#123 — discussed in 2 meetings' });
      await thread.getByRole('button', { name: 'Follow' }).click();
      const refTopic = panel.locator('.topic', { hasText: 'kubernetes/kubernetes#123' });
      await expect
        .poll(() => refTopic.locator('.timeline__when').allInnerTexts())
        .toEqual([expect.stringMatching(/^Wed, Mar 14, 2018/), expect.stringMatching(/^Wed, Mar 7, 2018/)]);
      await expect.poll(() => page.locator('#csr agenda-overlay-mark').count()).toBe(1);
      await expect.poll(() => page.locator('#token agenda-overlay-mark').count()).toBe(1);

      await panel.getByRole('tab', { name: /Action items/ }).click();
      const action = panel.getByRole('checkbox', { name: /Done: @alice will write the design doc/ });
      await action.check();
      await expect.poll(() => panel.locator('.action--done').count()).toBe(1);
      await panel.reload();
      await panel.getByRole('tab', { name: /Action items/ }).click();
      await expect.poll(() => panel.getByRole('checkbox', { name: /Done: @alice/ }).isChecked()).toBe(true);

      // A file that is not ours is refused in words.
      await panel.getByRole('tab', { name: /Notes/ }).click();
      await panel.locator('input[type="file"]').setInputFiles({
        name: 'other.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"settings": true}'),
      });
      await expect.poll(() => panel.locator('.agenda__outcome').innerText()).toMatch(/not an agenda overlay export/);
    } finally {
      await browser.close();
    }
  });
});
