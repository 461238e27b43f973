// An archive added by its GitHub address, in the built extension, in Chromium, against the local contents
// stand-in: an agenda outside Kubernetes (acme/widgets' weekly meeting, rendered as GitHub renders Markdown,
// under 127.0.0.1) asks for no group; the reader opens "Add history" beside its summary with the pointer, types
// addresses with the keyboard, is told in words why a javascript: address and a missing folder cannot be
// added, then adds the notes folder: every year is in the index, searchable, a 2017 meeting opens on GitHub
// at its heading, and after a reload all of it is there again without a request. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { ACME, acmeFiles, sigAuthFiles, type ContentsStandIn } from '../support/contents-standin';
import { openHistorySession, type HistorySession } from './support/history-session';
import { pressOn as pressOnPanel, searchFor, settle } from './support/pointer';
import { checkBothSchemes } from './support/color-schemes';

const PAGE = '/acme/widgets/blob/main/AGENDA.md';
const FOLDER = `https://github.com/${ACME.repo}/tree/${ACME.ref}/${ACME.folder}`;
const WAIT = { timeout: 20_000 };
const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');

/** This year's agenda of a project outside Kubernetes: the archive holds the years before. */
const AGENDA = `# Widgets weekly meeting

## January 15, 2020

- Widgets 2.0 release date (@alice)
- Docs site move, acme/widgets#42

## January 8, 2020

- Planning for the year
- New maintainers
`;

let standIn: ContentsStandIn;
let panel: Page;

let history: HistorySession;

const pressOn = (selector: string) => pressOnPanel(panel, selector);
const search = (query: string) => searchFor(panel, query);

/** Types an address into the field, as a reader replaces what is there, and sends it with Enter. */
async function enterAddress(address: string): Promise<void> {
  await pressOn('.group__add-input');
  await panel.keyboard.press('Control+A');
  await panel.keyboard.type(address);
  await panel.keyboard.press('Enter');
  await settle(panel);
}

beforeAll(async () => {
  history = await openHistorySession(PAGE, renderGithubHtml(AGENDA, { title: 'AGENDA.md' }), {
    files: sigAuthFiles(),
    repos: { [ACME.repo]: acmeFiles() },
  });
  ({ standIn, panel } = history);
}, 60_000);

afterAll(async () => {
  await history?.close();
});

describe('an archive added by its GitHub address', () => {
  it('offers "Add history" beside the summary, taking no line, and asks GitHub nothing outside Kubernetes', async () => {
    const summary = panel.locator('.agenda__summary', { hasText: '2 meetings' });
    await summary.waitFor(WAIT);
    expect(await summary.innerText()).toBe('2 meetings · 0 canceled · 4 items · Add history');
    expect(await panel.locator('.history-add-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await panel.locator('.group').count()).toBe(0);
    expect(await panel.locator('.group__add-input').count()).toBe(0);
    expect(standIn.requests).toEqual([]);
  });

  it('opens with the pointer, closes with Escape, and says in words what is not a GitHub address', async () => {
    await pressOn('.history-add-toggle');
    // Opened by a press: the keyboard goes on in the field.
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('archive-address');
    expect(await panel.locator('.history-add-toggle').getAttribute('aria-expanded')).toBe('true');
    await panel.keyboard.press('Escape');
    await settle(panel);
    expect(await panel.locator('.group__add-input').count()).toBe(0);
    expect(await panel.evaluate(() => document.activeElement?.className)).toContain('history-add-toggle');
    // Enter on the button opens it again.
    await panel.keyboard.press('Enter');
    await settle(panel);
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('archive-address');
    await panel.keyboard.type('javascript:alert(document.domain)');
    await panel.keyboard.press('Enter');
    const problem = panel.locator('#archive-address-problem');
    await problem.waitFor(WAIT);
    expect(await problem.innerText()).toBe('Only http(s) addresses can be added; that one is a javascript: address.');
    expect(await panel.locator('.group__add-input').getAttribute('aria-invalid')).toBe('true');
    // The field keeps the text and the focus, to be put right.
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('archive-address');

    await enterAddress('https://gitlab.com/acme/widgets/-/tree/main/meetings');
    expect(await problem.innerText()).toBe('gitlab.com is not GitHub. Paste an address on github.com.');
    expect(standIn.requests).toEqual([]);

    await checkBothSchemes(panel, {
      path: `${SHOTS}/archive-address-problem`,
      clip: { x: 0, y: 0, width: 360, height: 420 },
    });
  });

  it('names a folder that is not there (404), and keeps nothing of it', async () => {
    await enterAddress(`https://github.com/${ACME.repo}/tree/${ACME.ref}/meetings/minutes`);
    const problem = panel.locator('#archive-address-problem');
    await problem.waitFor(WAIT);
    await expect
      .poll(() => problem.innerText(), WAIT)
      .toBe(
        'acme/widgets has no meetings/minutes at main, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.',
      );
    expect(standIn.requests.map((r) => [r.repo, r.path, r.ref, r.status])).toEqual([
      ['acme/widgets', 'meetings/minutes', 'main', 404],
    ]);
    expect(await panel.locator('.group__source').count()).toBe(0);
  });

  it('adds the notes folder: every year in the index, with one listing and one request a file', async () => {
    await pressOn('.group__add-input');
    await panel.keyboard.press('Control+A');
    await panel.keyboard.type(FOLDER);
    // Sent with the pointer this time.
    await pressOn('.group__add-form button[type="submit"]');
    await panel.locator('.group__choice--on', { hasText: 'Whole history (2016–2020)' }).waitFor(WAIT);
    expect(standIn.requests.slice(1).map((r) => [r.repo, r.path, r.ref, r.status])).toEqual([
      ['acme/widgets', 'meetings/notes', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2016.md', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2017.md', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2018.md', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2019.md', 'main', 200],
    ]);
    // No group is looked for: sigs.yaml is not asked.
    expect(standIn.requests.some((r) => r.path === 'sigs.yaml')).toBe(false);
    const source = panel.locator('.group__source');
    expect((await source.innerText()).replace(/\s+/g, ' ')).toBe('acme/widgets › meetings/notes 4 files Remove');
    expect(await source.locator('a').getAttribute('href')).toBe(FOLDER);
    expect(await panel.locator('.group__age').innerText()).toMatch(/^\d+ meetings, checked with GitHub just now\.$/);
    expect(await panel.locator('.group__add-input').count()).toBe(0);
    const first = await panel.locator('[data-meeting-key]').first().getAttribute('data-meeting-key');
    expect(first).toBe('2020-01-15');
    expect(await panel.locator('[data-year-start="2020"]').count()).toBe(1);
    await checkBothSchemes(panel, {
      path: `${SHOTS}/archive-address-added`,
      clip: { x: 0, y: 0, width: 360, height: 420 },
    });
  });

  it('says an archive added already is added already, asking nothing', async () => {
    const before = standIn.requests.length;
    // Beside "Check again" now: the summary has no button once there is a history.
    expect(await panel.locator('.agenda__summary').innerText()).toBe('2 meetings · 0 canceled · 4 items');
    await pressOn('.group__scope .history-add-toggle');
    await enterAddress(`${FOLDER}/`);
    expect(await panel.locator('#archive-address-problem').innerText()).toBe(
      'acme/widgets › meetings/notes is added already.',
    );
    expect(standIn.requests.length).toBe(before);
    await pressOn('.group__add-cancel');
    expect(await panel.locator('#archive-address-problem').count()).toBe(0);
    expect(await panel.locator('.group__add-input').count()).toBe(0);
  });

  it('finds a 2017 meeting by search, and opens it on GitHub at its heading', async () => {
    const wanted =
      'https://github.com/acme/widgets/blob/main/meetings/notes/weekly-2017.md#november-1-2017-11a---noon-pacific-time';
    const opened = await history.openFound('short-circuit denies', '2017-11-01');
    await expect.poll(() => opened.addresses, WAIT).toContain(wanted);
    await opened.tab.close();
  });

  it('after a reload has it all again without a request', async () => {
    const before = standIn.requests.length;
    await panel.reload();
    await panel.locator('.group__choice--on', { hasText: 'Whole history (2016–2020)' }).waitFor(WAIT);
    expect((await panel.locator('.group__source').innerText()).replace(/\s+/g, ' ')).toBe(
      'acme/widgets › meetings/notes 4 files Remove',
    );
    await search('short-circuit denies');
    await panel.locator('[data-meeting-key="2017-11-01"]').waitFor(WAIT);
    expect(standIn.requests.length).toBe(before);
    await search('');
  });

  it('removes the archive with the keyboard: the page alone again, and still after a reload', async () => {
    const remove = panel.locator('.group__remove');
    await remove.focus();
    await panel.keyboard.press('Enter');
    await panel.locator('.group__source').waitFor({ state: 'detached', ...WAIT });
    expect(await panel.locator('.group__choice').count()).toBe(0);
    await expect.poll(() => panel.locator('[data-meeting-key]').count(), WAIT).toBe(2);
    const before = standIn.requests.length;
    await panel.reload();
    await panel.locator('.history-add-toggle').waitFor(WAIT);
    await settle(panel);
    expect(await panel.locator('.group__source').count()).toBe(0);
    expect(await panel.locator('[data-meeting-key]').count()).toBe(2);
    expect(standIn.requests.length).toBe(before);
  });
});
