// Starts Debian's Firefox ESR (or FIREFOX_PATH) with the built Firefox extension installed, for the Firefox leg of
// the end-to-end tests. puppeteer-core drives it over WebDriver BiDi: no driver binary, no browser download.
// The extension is installed as a temporary add-on (as about:debugging does), under a fixed internal UUID so that
// its pages have a known address and its storage is found again when a profile is reused.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from './find-browser';

/** The Firefox store build (`npm run build:firefox`): it reads the agenda sites only. */
export const FIREFOX_STORE_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** The Firefox test build (`wxt build -b firefox --mode test`): the same code, and it also reads pages on 127.0.0.1 and localhost. */
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2-test');

/** The add-on id in the manifest (wxt.config.ts, browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'agenda-overlay@agenda-overlay.dev';
/** The internal UUID the tests give the add-on: its pages are at moz-extension://<this>/. */
export const FIREFOX_EXTENSION_UUID = '6d1b7c3e-2f4a-4e8b-9c5d-0a1b2c3d4e5f';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(candidates: readonly string[] = CANDIDATES): string {
  return findBrowser({
    envVar: 'FIREFOX_PATH',
    candidates,
    missing:
      'Firefox was not found. Install it with `sudo apt-get update && sudo apt-get install -y firefox-esr` ' +
      '(Debian), or set FIREFOX_PATH to a Firefox 140 or later.',
  });
}

/** Preferences for headless runs on a closed network: nothing that calls home, no first-run pages. */
export const FIREFOX_PREFS: Readonly<Record<string, unknown>> = {
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
  // A temporary add-on is removed when Firefox quits; keep its storage (notes, settings) for the next start on the
  // same profile, as an add-on installed from the store keeps it.
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/v1',
};

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on's internal UUID: the host of its moz-extension:// pages. */
  uuid: string;
  profileDir: string;
  /** The address of one of the extension's pages, e.g. `sidepanel.html?tab=3`. */
  url(path: string): string;
  /**
   * Opens one of the extension's pages in a new tab. Firefox lets no driver navigate a tab to a moz-extension://
   * address, so the extension opens it itself (tabs.create, from an extension page).
   */
  openExtensionPage(path: string): Promise<Page>;
  /** Runs `fn` in an extension page, where `browser.*` is the extension's API. */
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The uncaught errors of the extension's own scripts so far, as Firefox reported them. */
  extensionErrors(): string[];
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Reuse a profile (to test what survives a restart); a fresh one otherwise. */
  profileDir?: string;
}

/** A page's real address: puppeteer keeps about:blank as the address of a tab the extension opened. */
export function addressOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => page.url());
}

async function waitForPage(
  browser: Browser,
  known: ReadonlySet<Page>,
  wanted: (href: string) => boolean,
  // A loaded machine can take long to open a tab: this is a wait, not a measure of speed.
  timeout = 45_000,
): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (!known.has(page) && wanted(await addressOf(page))) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The page did not open');
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${extensionDir}: run \`npx wxt build -b firefox --mode test\` (or \`npm run build:firefox\`) first.`,
    );
  }
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'agenda-overlay-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: options.headless ?? true,
    userDataDir: profileDir,
    extraPrefsFirefox: { ...FIREFOX_PREFS },
    // Firefox's own window size: BiDi's setViewport is not in every Firefox the tests run on.
    defaultViewport: null,
  });
  // Firefox reports uncaught errors of the extension's scripts (background, pages, content scripts) on stderr.
  const errors: string[] = [];
  let pending = '';
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (/^JavaScript error: moz-extension:\/\//.test(line)) errors.push(line);
  });
  const uuid = FIREFOX_EXTENSION_UUID;
  const base = `moz-extension://${uuid}/`;
  let helper: Page;
  try {
    const before = new Set(await browser.pages());
    await browser.installExtension(extensionDir);
    // A temporary add-on is installed afresh on every start, and greets the user with its welcome page each time:
    // that page becomes the extension page the tests ask things from.
    helper = await waitForPage(browser, before, (href) => href === `${base}welcome.html`);
    await helper.evaluate(() => {
      location.href = 'options.html';
    });
    await waitForPage(browser, new Set(), (href) => href === `${base}options.html`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const evaluate = <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
    helper.evaluate(fn as never, arg as never) as Promise<T>;
  return {
    browser,
    uuid,
    profileDir,
    url: (path) => base + path.replace(/^\//, ''),
    evaluate,
    extensionErrors: () => [...errors],
    async openExtensionPage(path) {
      const url = base + path.replace(/^\//, '');
      const known = new Set(await browser.pages());
      await evaluate(
        (address: string) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.tabs
            .create({ url: address })
            .then(() => undefined),
        url,
      );
      const page = await waitForPage(browser, known, (href) => href === url);
      await page.waitForFunction(() => document.readyState === 'complete');
      return page;
    },
    async close() {
      await browser.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The id the extension knows the tab of `page` by. The extension may not read tab addresses (no "tabs"
 * permission), so bring the page to the front and ask an extension page for the active tab.
 */
export async function firefoxTabIdOf(firefox: FirefoxExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await firefox.evaluate(async () => {
    const [tab] = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    return tab?.id ?? null;
  }, null);
  if (id === null) throw new Error(`No active tab found for ${await addressOf(page)}`);
  return id;
}

/** The panel for the tab `tabId`, opened as a tab of its own (the sidebar shows the same page). */
export function openFirefoxPanel(firefox: FirefoxExtensionBrowser, tabId: number): Promise<Page> {
  return firefox.openExtensionPage(`sidepanel.html?tab=${tabId}`);
}
