// In Firefox ESR, the store build reads the agenda sites only; a site the user turns on is read from then on, and
// stops being read once removed. Against a page on 127.0.0.1 (a site the store build does not read): Firefox's
// permission prompt is the one thing no test can answer, so the copy installed here has 127.0.0.1 granted at install
// (in MV2, host permissions go in `permissions`), and the site is still off until the user turns it on.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { demoAgendaHtml } from '../../scripts/render/seed-demo';
import { FIREFOX_STORE_EXTENSION_DIR, type FirefoxExtensionBrowser } from '../../scripts/support/firefox';
import { servePages, type PageServer } from '../../scripts/support/static-server';
import { clickAt, countOf, launchFirefox, openBeside, textOf } from './support/session';

let copyDir: string;
let firefox: FirefoxExtensionBrowser;
let server: PageServer;

/** A copy of the Firefox store build whose manifest grants `hosts` at install, as if the reader had allowed them. */
function firefoxCopyGranting(sourceDir: string, hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-overlay-firefox-granted-'));
  cpSync(sourceDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions?: string[] };
  manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  server = await servePages({ '/agenda.html': demoAgendaHtml() });
  copyDir = firefoxCopyGranting(FIREFOX_STORE_EXTENSION_DIR, ['http://127.0.0.1/*']);
  firefox = await launchFirefox({ extensionDir: copyDir });
});

afterAll(async () => {
  expect(firefox?.extensionErrors() ?? []).toEqual([]);
  await firefox?.close();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  await server?.close();
});

const cannotRead = (panel: Page): Promise<boolean> =>
  panel.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent === "This page can't be read"),
  );

const registeredScripts = (): Promise<string[][]> =>
  firefox.evaluate(async () => {
    const scripts = await (
      globalThis as unknown as { browser: typeof chrome }
    ).browser.scripting.getRegisteredContentScripts();
    return scripts.map((script) => script.matches ?? []);
  }, null);

it('does not read a site the user has not turned on, and offers to turn it on by name', async () => {
  const { page, panel } = await openBeside(firefox, server.url('/agenda.html'));
  await expect.poll(() => cannotRead(panel)).toBe(true);
  expect(await countOf(panel, '[data-meeting-key]')).toBe(0);
  await expect
    .poll(() => textOf(panel, '[data-action="turn-on-site"]'))
    .toBe(`Read agendas on ${new URL(server.origin).host}`);
  // Firefox asks in a prompt of its own: the panel says so before the click.
  expect(await textOf(panel, '[data-hint="site-ask"]')).toBe(
    'Firefox then asks you, in a prompt under the toolbar, to allow the extension on this site.',
  );
  await page.close();
  await panel.close();
});

it('reads the site once turned on from the panel, and stops once it is removed on the options page', async () => {
  const { page, panel } = await openBeside(firefox, server.url('/agenda.html'));
  await expect.poll(() => cannotRead(panel)).toBe(true);
  await clickAt(panel, '[data-action="turn-on-site"]');
  // The tab is reloaded with the agenda script registered for the site: the panel lists the demo's meetings.
  await expect.poll(() => textOf(panel, '.agenda__summary'), { timeout: 20_000 }).toMatch(/^26 meetings · 6 canceled/);
  expect(await registeredScripts()).toEqual([['http://127.0.0.1/*']]);

  const options = await firefox.openExtensionPage('options.html');
  const origin = server.origin;
  await options.waitForSelector(`[data-site="${origin}"]`);
  // Where Firefox lists the access given.
  expect(await textOf(options, '[data-hint="site-access-place"]')).toBe('about:addons › Agenda Overlay › Permissions');
  await clickAt(options, `[data-site="${origin}"] button`);
  await expect
    .poll(() => textOf(options, '[data-sites-message]'))
    .toBe(`Removed ${origin}: its pages are no longer read.`);
  await expect.poll(() => countOf(options, `[data-site="${origin}"]`)).toBe(0);
  await expect.poll(() => registeredScripts()).toEqual([]);

  await page.reload();
  await panel.evaluate(() => location.reload());
  await expect.poll(() => cannotRead(panel)).toBe(true);
  expect(await countOf(panel, '[data-meeting-key]')).toBe(0);
  await Promise.all([page.close(), panel.close(), options.close()]);
});

it('adds a site from the options page by its address, and refuses what is not one', async () => {
  const options = await firefox.openExtensionPage('options.html');
  await clickAt(options, '#site-address');
  await options.keyboard.type('javascript:alert(1)');
  await options.keyboard.press('Enter');
  await expect.poll(() => textOf(options, '[data-sites-message]')).toMatch(/is not a site to add/);

  await clickAt(options, '#site-address');
  await options.keyboard.down('Control');
  await options.keyboard.press('KeyA');
  await options.keyboard.up('Control');
  await options.keyboard.press('Backspace');
  const origin = server.origin;
  await options.keyboard.type(`${origin}/some/page.html`);
  await options.keyboard.press('Enter');
  await expect
    .poll(() => textOf(options, '[data-sites-message]'))
    .toBe(`Added ${origin}. Reload its pages to read their agendas.`);
  await expect.poll(() => registeredScripts()).toEqual([['http://127.0.0.1/*']]);

  const { page, panel } = await openBeside(firefox, server.url('/agenda.html'));
  await expect.poll(() => textOf(panel, '.agenda__summary'), { timeout: 20_000 }).toMatch(/^26 meetings/);
  await Promise.all([page.close(), panel.close(), options.close()]);
});
