// In Firefox ESR, where content scripts may read `storage.local`: the GitHub token is out of a content script's
// reach. The copy of the test build installed here carries one more content script, a probe, beside the
// extension's own: it runs with exactly the reach a content script of this extension has, reads everything
// storage.local holds and the token vault's database by name, and writes what it saw into the page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIREFOX_EXTENSION_DIR } from '../../scripts/support/firefox';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-standin';
import { saveGitHubSettings, startFirefoxSession, textOf, type FirefoxSession } from './support/session';

const TOKEN = 'ghp_FirefoxReachToken0123456789abcdefghij';
const OLD_TOKEN = 'ghp_KeptByAnEarlierVersion0123456789abcd';

const PAGE = '<!doctype html><html><head><title>Plain page</title></head><body><p>Nothing to read.</p></body></html>';

/** Runs as a content script of the extension: what it can reach, as JSON on the page's root element. */
const PROBE = `(async () => {
  const seen = {};
  try {
    seen.storage = JSON.stringify(await browser.storage.local.get(null));
  } catch (error) {
    seen.storage = 'refused: ' + error.message;
  }
  seen.vault = await new Promise((resolve) => {
    const request = indexedDB.open('agenda-overlay-credentials');
    request.onerror = () => resolve('refused: ' + request.error);
    request.onsuccess = () => {
      const db = request.result;
      const stores = [...db.objectStoreNames];
      if (!stores.includes('secrets')) {
        db.close();
        resolve('no store: ' + JSON.stringify(stores));
        return;
      }
      const all = db.transaction('secrets').objectStore('secrets').getAll();
      all.onsuccess = () => resolve(JSON.stringify(all.result));
      all.onerror = () => resolve('refused: ' + all.error);
    };
  });
  document.documentElement.setAttribute('data-probe', JSON.stringify(seen));
})();`;

let copyDir: string;
let standIn: GitHubStandIn;
let session: FirefoxSession;

/** The test build with the probe added to its content scripts. */
function copyWithProbe(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-overlay-firefox-probe-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'token-probe.js'), PROBE);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: unknown[] };
  manifest.content_scripts = [
    ...(manifest.content_scripts ?? []),
    { matches: ['http://127.0.0.1/*'], js: ['token-probe.js'], run_at: 'document_idle' },
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  standIn = await startGitHubStandIn({ token: TOKEN, refs: {} });
  copyDir = copyWithProbe();
  session = await startFirefoxSession({ '/plain.html': PAGE }, { extensionDir: copyDir });
});

afterAll(async () => {
  expect(session?.firefox.extensionErrors() ?? []).toEqual([]);
  await session?.close();
  await standIn?.close();
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});

interface Probe {
  storage: string;
  vault: string;
}

async function probe(): Promise<Probe> {
  const page = await session.firefox.browser.newPage();
  await page.goto(session.server.url('/plain.html'));
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-probe'), { timeout: 15_000 });
  const seen = JSON.parse((await page.evaluate(() => document.documentElement.getAttribute('data-probe')))!) as Probe;
  await page.close();
  return seen;
}

/** Replaces what a field holds, from the keyboard. */
/** How the background stands, asked from an extension page. */
function serviceState(): Promise<{ apiBase: string; authenticated: boolean }> {
  return session.firefox.evaluate(
    () => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: 'github/state' }),
    null,
  );
}

it('a token saved on the options page is used, and no content script can read it', async () => {
  const options = await session.firefox.openExtensionPage('options.html');
  await saveGitHubSettings(options, standIn.apiBase, TOKEN);
  await expect.poll(() => textOf(options, '[data-check="ok"]'), { timeout: 15_000 }).toMatch(/ with the token\./);
  await options.close();
  // The stand-in saw the token, sent to it alone.
  expect(standIn.requests.some((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);

  const seen = await probe();
  // The probe does read storage.local, as any content script may in Firefox: it sees the API address there …
  expect(seen.storage).toContain(standIn.apiBase);
  // … and not the token, in storage.local nor in the vault, whose database name it opens in the page's origin.
  expect(seen.storage).not.toContain(TOKEN);
  expect(seen.vault).not.toContain(TOKEN);
  // The database the probe opened is the page origin's own, new and empty: the extension's is out of its reach.
  expect(seen.vault).toBe('no store: []');
});

it('moves a token an earlier version left in storage.local out of the content scripts’ reach, and keeps using it', async () => {
  await session.firefox.evaluate(
    (token: string) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ 'github.token': token }),
    OLD_TOKEN,
  );
  const left = (): Promise<unknown> =>
    session.firefox.evaluate(async () => {
      const items = await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(
        'github.token',
      );
      return items['github.token'] ?? null;
    }, null);
  await expect.poll(left, { timeout: 15_000 }).toBeNull();
  await expect.poll(async () => (await serviceState()).authenticated, { timeout: 15_000 }).toBe(true);
  standIn.clearRequests();
  const check = await session.firefox.evaluate(
    () => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: 'github/check' }),
    null,
  );
  // The stand-in knows one token only: the old one went with the check, and was refused by name.
  expect((check as { kind: string }).kind).toBe('bad-token');
  expect(standIn.requests.at(-1)?.headers.authorization).toBe(`Bearer ${OLD_TOKEN}`);

  const seen = await probe();
  expect(seen.storage).toContain(standIn.apiBase);
  expect(seen.storage).not.toContain(OLD_TOKEN);
  expect(seen.vault).not.toContain(OLD_TOKEN);
});
