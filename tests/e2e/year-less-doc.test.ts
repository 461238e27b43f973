// A live Google Doc whose headings write no year: SIG Auth's 2019 notes with every "2019" taken out (headings,
// text and links), as the Doc would read in December 2019. Read as its published page on docs.google.com (routed
// to the test) and through the editor's export, the panel lists every meeting with the date the same notes give
// with their years, underlines each inferred year with dots and says once how the years were found. The
// extension's clock is set to 20 December 2019; the answers come from parsing the notes with their years.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { parseAgenda } from '../../lib/agenda/parse';
import { renderGdocsExport } from '../../scripts/render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { launchWithExtension, panelUrl, tabIdOf, type ExtensionBrowser } from '../../scripts/support/chromium';
import { DOC_ID, editorFixtureHtml, mobileBasicFixtureHtml, publishedFixtureHtml } from '../support/docs-fixtures';
import { readFixture } from '../support/fixtures';
import { withoutYears } from '../support/year-less';
import { setContentClock } from './support/clock';
import { grantedExtensionCopy, startDocsServers, type DocsServers } from './support/docs-servers';

const TITLE = 'Kubernetes Sig-auth Meeting Agenda';
const NOTES = readFixture('agendas/sig-auth_archive_meeting-notes-2019.md');
const YEAR_LESS_EXPORT = renderGdocsExport(withoutYears(NOTES, [2019]), { title: TITLE });
const NOW = Date.parse('2019-12-20T17:00:00Z');
const PUB_URL = 'https://docs.google.com/document/d/e/2PACX-1vYearLessSigAuthAgendaForTests/pub';
const MOBILE_URL = `https://docs.google.com/document/d/${DOC_ID}/mobilebasic`;
const EDITOR_PATH = `/document/d/${DOC_ID}/edit`;

/** The meetings' keys, newest first, as the notes with their years give them (the archive's own address). */
async function knownKeys(): Promise<string[]> {
  const window = new Window({
    url: 'https://github.com/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true },
  });
  try {
    const html = renderGithubHtml(NOTES, { title: 'meeting-notes-2019.md' });
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const agenda = parseAgenda(
      doc,
      'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2019.md',
    );
    return agenda.meetings.map((m) => m.key);
  } finally {
    await window.happyDOM.close();
  }
}

let servers: DocsServers;
let browser: ExtensionBrowser;
let copy: ReturnType<typeof grantedExtensionCopy>;
let known: string[];

async function openWithPanel(url: string): Promise<{ page: Page; panel: Page }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser, page);
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width: 400, height: 1600 });
  await panel.goto(panelUrl(browser, tabId));
  await panel.locator('[data-meeting-key], .panel-message, .live-doc').first().waitFor();
  return { page, panel };
}

async function shown(panel: Page): Promise<{ keys: string[]; inferred: number; note: string }> {
  await panel.locator('[data-meeting-key]').first().waitFor();
  return {
    keys: await panel
      .locator('[data-meeting-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-meeting-key') ?? '')),
    inferred: await panel.locator('[data-meeting-key] .inferred-year').count(),
    note: (await panel.locator('.agenda__years').textContent()) ?? '',
  };
}

beforeAll(async () => {
  known = await knownKeys();
  servers = await startDocsServers();
  servers.pages.set(EDITOR_PATH, editorFixtureHtml(TITLE));
  servers.exports.set(DOC_ID, YEAR_LESS_EXPORT);
  copy = grantedExtensionCopy();
  setContentClock(copy.dir, NOW);
  browser = await launchWithExtension({ extensionDir: copy.dir });
  await browser.worker.evaluate(
    (hosts) => chrome.storage.local.set({ 'testing.googleHosts': hosts, 'github.apiBase': 'http://127.0.0.1:9' }),
    { docsOrigin: servers.docsOrigin, contentPatterns: ['http://localhost/*'] },
  );
  // "Publish to web" and /mobilebasic on docs.google.com, answered here: nothing leaves the machine.
  const pages = new Map([
    [PUB_URL, publishedFixtureHtml(TITLE, YEAR_LESS_EXPORT)],
    [MOBILE_URL, mobileBasicFixtureHtml(TITLE, YEAR_LESS_EXPORT)],
  ]);
  await browser.context.route('https://docs.google.com/**', (route) => {
    const body = pages.get(route.request().url());
    return body === undefined
      ? route.fulfill({ status: 404, body: 'Not found' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
});

afterAll(async () => {
  await browser?.close();
  copy?.remove();
  await servers?.close();
});

describe('a year-less live document', () => {
  it('has no year to read: none in the headings, the text or the address', () => {
    expect(YEAR_LESS_EXPORT).not.toContain('2019');
    expect(PUB_URL).not.toMatch(/(19|20)\d\d/);
    expect(known).toHaveLength(26);
    expect(known.every((key) => key.startsWith('2019-'))).toBe(true);
  });

  it('published on docs.google.com: every meeting with its real date, the years marked and explained once', async () => {
    const { page, panel } = await openWithPanel(PUB_URL);
    const { keys, inferred, note } = await shown(panel);
    expect(keys).toEqual(known);
    expect(inferred).toBe(26);
    expect(note).toMatch(/^Years inferred for 26 meetings \(underlined with dots\) from today’s date/);
    expect(note).toBe(
      'Years inferred for 26 meetings (underlined with dots) from today’s date; every meeting falls on a Wednesday.',
    );
    expect(await panel.locator('.agenda__years').count()).toBe(1);
    expect(await panel.locator('.agenda__years--doubt').count()).toBe(0);
    expect(await panel.locator('[data-meeting-key="2019-12-11"] .meeting__date').textContent()).toBe(
      'Wed, Dec 11, 2019 (year inferred)',
    );
    mkdirSync('artifacts', { recursive: true });
    await panel.screenshot({ path: 'artifacts/year-less-panel.png', clip: { x: 0, y: 0, width: 400, height: 520 } });
    await page.close();
    await panel.close();
  });

  it('as /mobilebasic on docs.google.com: the same meetings and dates', async () => {
    const { page, panel } = await openWithPanel(MOBILE_URL);
    const { keys, inferred } = await shown(panel);
    expect(keys).toEqual(known);
    expect(inferred).toBe(26);
    await page.close();
    await panel.close();
  });

  it('in the editor, read through its export: the same meetings and dates', async () => {
    const { page, panel } = await openWithPanel(servers.docsOrigin + EDITOR_PATH);
    const { keys, inferred, note } = await shown(panel);
    expect(keys).toEqual(known);
    expect(inferred).toBe(26);
    expect(note).toMatch(/^Years inferred for 26 meetings \(underlined with dots\) from today’s date/);
    await page.close();
    await panel.close();
  });
});
