// The Google Docs editor, imitated on 127.0.0.1: a canvas and the editor's shell, no readable text. The agenda
// comes from the document's export, which redirects to a second local origin as Google's does to
// googleusercontent.com. The panel lists the meetings, jumps by `#heading=`, follows edits, and says in words
// what Google's refusals mean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoAgendaHtml } from '../../scripts/render/seed-demo';
import { launchWithExtension, panelUrl, tabIdOf, type ExtensionBrowser } from '../../scripts/support/chromium';
import {
  DOC_ID,
  editorFixtureHtml,
  exportHeadings,
  mobileBasicFixtureHtml,
  publishedFixtureHtml,
} from '../support/docs-fixtures';
import { checkBothSchemes } from './support/color-schemes';
import { grantedExtensionCopy, startDocsServers, type DocsServers } from './support/docs-servers';

const TITLE = 'Kubernetes Sig-auth Meeting Agenda';
const EXPORT = demoAgendaHtml();
const HEADINGS = exportHeadings(EXPORT);
const EDITOR_PATH = `/document/d/${DOC_ID}/edit`;
const OTHER_ID = 'ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210';

/** A new first meeting, as someone would add it at the top of the document. */
function withNewMeeting(html: string): string {
  return html.replace(
    /(<body[^>]*>)/,
    '$1<h2 class="c10" id="h.newmeeting01"><span class="c11">January 9, 2019, 11a - Noon (Pacific Time)</span></h2>' +
      '<ul class="c2 lst-kix_newmeeting-0 start"><li class="c0 c7 li-bullet-0"><span class="c1">Announcements</span></li></ul>',
  );
}

let servers: DocsServers;
let browser: ExtensionBrowser;
let granted: ReturnType<typeof grantedExtensionCopy>;

async function openWithPanel(path: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(servers.docsOrigin + path);
  const tabId = await tabIdOf(browser, page);
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 1600 });
  await panel.goto(panelUrl(browser, tabId));
  return { page, panel, tabId };
}

async function meetingKeys(panel: Page): Promise<string[]> {
  return panel
    .locator('[data-meeting-key]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-meeting-key') ?? ''));
}

beforeAll(async () => {
  servers = await startDocsServers();
  servers.pages.set(EDITOR_PATH, editorFixtureHtml(TITLE, HEADINGS));
  servers.pages.set(`/document/d/${OTHER_ID}/edit`, editorFixtureHtml('Another agenda'));
  servers.pages.set(`/document/d/${DOC_ID}/pub`, publishedFixtureHtml(TITLE, EXPORT));
  servers.pages.set(`/document/d/${DOC_ID}/mobilebasic`, mobileBasicFixtureHtml(TITLE, EXPORT));
  servers.exports.set(DOC_ID, EXPORT);
  granted = grantedExtensionCopy();
  browser = await launchWithExtension({ extensionDir: granted.dir });
  // No test reaches beyond 127.0.0.1: Google's hosts are the local servers, GitHub a closed local port.
  await browser.worker.evaluate(
    (hosts) => chrome.storage.local.set({ 'testing.googleHosts': hosts, 'github.apiBase': 'http://127.0.0.1:9' }),
    { docsOrigin: servers.docsOrigin, contentPatterns: ['http://localhost/*'] },
  );
});

afterAll(async () => {
  await browser?.close();
  granted?.remove();
  await servers?.close();
});

describe('the editor of the seed agenda', () => {
  let page: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    ({ page, panel, tabId } = await openWithPanel(EDITOR_PATH));
    await panel.locator('[data-meeting-key]').first().waitFor();
  });

  afterAll(async () => {
    await page?.close();
    await panel?.close();
  });

  it('has no readable agenda text in the page itself, only the outline’s headings', async () => {
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Canceled for holidays');
    expect(text).not.toContain('kube-rbac-proxy');
  });

  it('lists the 26 meetings read from the export, newest first, and says how fresh they are', async () => {
    const keys = await meetingKeys(panel);
    expect(keys).toHaveLength(26);
    expect(keys[0]).toBe('2018-12-26');
    expect(keys.at(-1)).toBe('2018-01-10');
    await expect
      .poll(() => panel.locator('.live-doc__age').textContent())
      .toMatch(/^Read from Google Docs (just now|\d+ minutes? ago)\.$/);
    expect(await panel.locator('.agenda__title').textContent()).toBe(TITLE);
  });

  it('jumps by setting the editor’s #heading= fragment to the meeting’s heading id', async () => {
    const march7 = HEADINGS.find((h) => h.text.startsWith('March 7, 2018'));
    expect(march7?.id).toMatch(/^h\.\w+$/);
    await panel.locator('[data-meeting-key="2018-03-07"] .meeting__date').click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#heading=${march7?.id}`);
    expect(new URL(page.url()).pathname).toBe(EDITOR_PATH);
    // The imitation moved its pane, so no fallback and no complaint.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('.kix-appview-editor')?.scrollTop ?? 0))
      .toBeGreaterThan(0);
    expect(await panel.locator('.agenda__notice').count()).toBe(0);

    const dec12 = HEADINGS.find((h) => h.text.startsWith('December 12, 2018'));
    await panel.locator('[data-meeting-key="2018-12-12"] .meeting__date').click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#heading=${dec12?.id}`);
  });

  it('never has two fetches of the document open at once, however often it is asked', async () => {
    const before = servers.exportRequests;
    await browser.worker.evaluate(async (id) => {
      await Promise.all([1, 2, 3].map(() => chrome.tabs.sendMessage(id, { type: 'docs/refresh' })));
    }, tabId);
    await expect.poll(() => servers.exportRequests).toBeGreaterThan(before);
    await expect.poll(() => panel.locator('.live-doc button').textContent()).toBe('Refresh');
    expect(servers.maxConcurrentExports).toBe(1);
  });

  it('shows an edit to the document after the editor saves it', async () => {
    servers.exports.set(DOC_ID, withNewMeeting(EXPORT));
    // What Docs does after an edit: its save indicator says so.
    await page.evaluate(() => {
      const badge = document.getElementById('docs-save-indicator-badge')!;
      badge.textContent = 'Saving…';
      badge.setAttribute('aria-label', 'Saving…');
    });
    await expect.poll(() => meetingKeys(panel).then((keys) => keys[0]), { timeout: 20_000 }).toBe('2019-01-09');
    expect(await meetingKeys(panel)).toHaveLength(27);
  });

  it('says so when Google answers with its sign-in page, and keeps the last good version', async () => {
    servers.mode = 'signed-out';
    await panel.locator('.live-doc button', { hasText: 'Refresh' }).click();
    const banner = panel.locator('.live-doc');
    await expect.poll(() => banner.getAttribute('data-live-problem')).toBe('signed-out');
    expect(await banner.locator('.live-doc__title').textContent()).toBe('Google asks you to sign in');
    expect(await banner.textContent()).toMatch(/sign-in page instead of the document/);
    expect(await banner.locator('.live-doc__age').textContent()).toMatch(
      /^Showing the last good version, (less than a minute|\d+ minutes?) old\.$/,
    );
    // All of the last good version, whether or not the banner leaves room for every row on screen.
    expect(await panel.locator('.agenda__summary').textContent()).toMatch(/^27 meetings · /);
    await checkBothSchemes(panel);
  });

  it('says so when Google answers “too many requests”, and waits as asked', async () => {
    servers.mode = 'too-many-requests';
    await panel.locator('.live-doc button', { hasText: 'Try again' }).click();
    const banner = panel.locator('.live-doc');
    await expect.poll(() => banner.getAttribute('data-live-problem')).toBe('rate-limited');
    expect(await banner.locator('.live-doc__title').textContent()).toBe('Google asks to slow down');
    expect(await banner.textContent()).toMatch(/too many requests.*The index waits 2 minutes, as Google asked/);
    // Nothing to press while Google's wait runs; the last good agenda stays.
    expect(await panel.locator('.live-doc button').count()).toBe(0);
    expect(await meetingKeys(panel)).toHaveLength(27);
    // Asked again meanwhile, the background does not go to Google.
    const requests = servers.exportRequests;
    const after = await browser.worker.evaluate(async (id) => {
      type Snapshot = { live?: { refreshing: boolean; problem: { kind: string } | null } };
      let snapshot = (await chrome.tabs.sendMessage(id, { type: 'docs/refresh' })) as Snapshot;
      while (snapshot.live?.refreshing) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        snapshot = (await chrome.tabs.sendMessage(id, { type: 'agenda/get' })) as Snapshot;
      }
      return snapshot.live?.problem?.kind;
    }, tabId);
    expect(after).toBe('rate-limited');
    expect(servers.exportRequests).toBe(requests);
  });
});

describe('the other renderings of the same document', () => {
  it.each([
    ['published page', `/document/d/${DOC_ID}/pub`],
    ['mobilebasic', `/document/d/${DOC_ID}/mobilebasic`],
  ])('reads the %s from the page itself, without fetching the export', async (_name, path) => {
    const requests = servers.exportRequests;
    const { page, panel } = await openWithPanel(path);
    await panel.locator('[data-meeting-key]').first().waitFor();
    expect(await meetingKeys(panel)).toHaveLength(26);
    expect(await panel.locator('.live-doc').count()).toBe(0);
    expect(servers.exportRequests).toBe(requests);
    await page.close();
    await panel.close();
  });
});

describe('before the reader has allowed access to Google Docs', () => {
  let plain: ExtensionBrowser;

  beforeAll(async () => {
    // As in the store build: docs.google.com and googleusercontent.com are optional, asked for at first use.
    plain = await launchWithExtension();
    await plain.worker.evaluate(
      (hosts) => chrome.storage.local.set({ 'testing.googleHosts': hosts, 'github.apiBase': 'http://127.0.0.1:9' }),
      { docsOrigin: servers.docsOrigin, contentPatterns: ['http://localhost/*'] },
    );
  });

  afterAll(async () => {
    await plain?.close();
  });

  it('explains why access is needed and offers to allow it, without fetching anything', async () => {
    const requests = servers.exportRequests;
    const page = await plain.context.newPage();
    await page.goto(servers.docsOrigin + EDITOR_PATH);
    const tabId = await tabIdOf(plain, page);
    const panel = await plain.context.newPage();
    await panel.goto(panelUrl(plain, tabId));
    const banner = panel.locator('.live-doc');
    await expect.poll(() => banner.getAttribute('data-live-problem')).toBe('permission');
    expect(await banner.locator('.live-doc__title').textContent()).toBe('Allow the index to read this document');
    expect(await banner.textContent()).toMatch(
      /draws its text on a canvas.*docs\.google\.com and googleusercontent\.com/,
    );
    expect(await banner.locator('button').allTextContents()).toEqual(['Allow access']);
    expect(servers.exportRequests).toBe(requests);
  });

  it('explains the access on the options page, and offers it there too', async () => {
    const options = await plain.context.newPage();
    await options.goto(`chrome-extension://${plain.extensionId}/options.html`);
    const state = options.locator('[data-docs-access]');
    await expect.poll(() => state.getAttribute('data-docs-access')).toBe('not-allowed');
    expect(await options.locator('#docs-heading').textContent()).toBe('Google Docs editor');
    expect(await options.locator('section[aria-labelledby="docs-heading"]').textContent()).toMatch(
      /canvas.*docs\.google\.com and\s+googleusercontent\.com/,
    );
    expect(await options.getByRole('button', { name: 'Allow reading Google Docs' }).count()).toBe(1);
    await options.close();
  });
});
