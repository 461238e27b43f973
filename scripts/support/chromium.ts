// Starts Debian's Chromium (or CHROME_PATH) with the built extension loaded, for tests, `npm start` and benchmarks.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser';

/** The store build (`npm run build`): it reads the agenda sites only. */
export const STORE_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The test build (`npm run build:test`): the same code, and it also reads pages on 127.0.0.1 and localhost. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-test');

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(candidates: readonly string[] = CANDIDATES): string {
  return findBrowser({
    envVar: 'CHROME_PATH',
    candidates,
    missing:
      'Chromium was not found. Install it with `sudo apt-get update && sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome for Testing binary.',
  });
}

/** Branded Google Chrome 137+ ignores --load-extension; Chromium and Chrome for Testing honour it. */
export function isBrandedChrome(path: string): boolean {
  return /google[-_ ]?chrome/i.test(path) && !/for testing|chrome-for-testing/i.test(path);
}

/** Flags for headless runs on a closed network: no sandbox as root, no GPU, nothing that calls home. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profileDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionDir?: string;
  /** Reuse a profile (to test what survives a restart); a fresh one otherwise. */
  profileDir?: string;
  colorScheme?: 'light' | 'dark';
  /** Leave open the welcome page a new install shows (closed by default: tests and the demo start from the agenda). */
  keepWelcome?: boolean;
}

/** The welcome page a fresh profile opens on install, once it is there. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (page: Page): boolean => page.url().endsWith('/welcome.html');
  return (
    context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 20_000 }))
  );
}

async function closeWelcome(context: BrowserContext): Promise<void> {
  const page = await welcomePage(context).catch(() => null);
  await page?.close();
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:test\` (or \`npm run build\`) first.`);
  }
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'agenda-overlay-profile-'));
  // The extension is installed, and greets the user, only in a profile that has never run.
  const freshProfile = !existsSync(profileDir) || readdirSync(profileDir).length === 0;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1100, height: 800 },
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CHROMIUM_FLAGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  if (freshProfile && !options.keepWelcome) await closeWelcome(context);
  return {
    context,
    extensionId,
    worker,
    profileDir,
    async close() {
      await context.close();
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension's id for the tab of `page`. The extension may not read tab URLs (no "tabs"
 * permission), so bring the page to the front and ask for the active tab.
 */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  if (id === null) throw new Error(`No active tab found for ${page.url()}`);
  return id;
}

export function panelUrl(browser: ExtensionBrowser, tabId: number): string {
  return `chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`;
}
