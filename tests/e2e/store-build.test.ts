// What the store build asks for and what a new user meets: the manifest (sites, permissions, shortcut,
// minimum versions) and the welcome page opened on install, in the real extension in Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  STORE_EXTENSION_DIR,
  welcomePage,
  type ExtensionBrowser,
} from '../../scripts/support/chromium';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  commands?: Record<string, { suggested_key?: { default?: string }; description?: string }>;
  minimum_chrome_version?: string;
}

const manifestOf = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const LOCAL = /127\.0\.0\.1|localhost/;

it('reads the agenda sites only, and asks for no host at install', () => {
  const manifest = manifestOf(STORE_EXTENSION_DIR);
  expect(manifest.content_scripts?.flatMap((script) => script.matches)).toEqual([
    'https://docs.google.com/document/*',
    'https://github.com/*',
  ]);
  expect(JSON.stringify(manifest)).not.toMatch(LOCAL);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.permissions).toEqual(['storage', 'sidePanel', 'scripting', 'contextMenus', 'activeTab']);
  expect(manifest.minimum_chrome_version).toBe('116');
});

it('the test build reads local pages besides, and nothing else differs', () => {
  const store = manifestOf(STORE_EXTENSION_DIR);
  const test = manifestOf(EXTENSION_DIR);
  expect(test.content_scripts?.flatMap((script) => script.matches)).toEqual([
    ...(store.content_scripts?.flatMap((script) => script.matches) ?? []),
    'http://127.0.0.1/*',
    'http://localhost/*',
  ]);
  expect({ ...test, content_scripts: null }).toEqual({ ...store, content_scripts: null });
});

it('opens the index with a keyboard shortcut the user can change', () => {
  expect(manifestOf(STORE_EXTENSION_DIR).commands).toEqual({
    _execute_action: { suggested_key: { default: 'Alt+Shift+A' }, description: 'Open the agenda index' },
  });
});

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ extensionDir: STORE_EXTENSION_DIR, keepWelcome: true });
});

afterAll(async () => {
  await browser?.close();
});

it('greets a new install with what it does, how to open it and agendas to try', async () => {
  const page = await welcomePage(browser.context);
  await page.getByRole('heading', { name: 'Agenda Overlay is installed' }).waitFor();
  const links = await page
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  expect(links).toContain('https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md');
  expect(links).toContain('https://docs.google.com/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/edit');
  expect(await page.locator('main').textContent()).toContain('Alt+Shift+A');
  // The browser knows the command the shortcut runs (which keys it gets is the browser's and the user's choice).
  const registered = await browser.worker.evaluate(() => chrome.commands.getAll());
  expect(registered.map((c) => c.name)).toContain('_execute_action');
});
