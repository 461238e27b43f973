// Firefox ESR with the built Firefox extension, a page server, and helpers to open an agenda page beside its panel
// and to use them as a person does: the mouse where an element is drawn, the keyboard.
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  firefoxTabIdOf,
  launchFirefoxWithExtension,
  openFirefoxPanel,
  type FirefoxExtensionBrowser,
  type FirefoxLaunchOptions,
} from '../../../scripts/support/firefox';
import { servePages, type PageServer } from '../../../scripts/support/static-server';

/** A closed local port: no test reaches beyond 127.0.0.1, so GitHub look-ups go here unless a test sets its stand-in. */
export const NO_GITHUB = 'http://127.0.0.1:9';

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
  const firefox = await launchFirefoxWithExtension(options);
  await firefox.evaluate(
    (apiBase: string) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ 'github.apiBase': apiBase }),
    NO_GITHUB,
  );
  return firefox;
}

export interface FirefoxSession {
  firefox: FirefoxExtensionBrowser;
  server: PageServer;
  /** Opens `path` from the page server, then the panel for its tab as a tab of its own. */
  openWithPanel(path: string): Promise<{ page: Page; panel: Page; tabId: number }>;
  close(): Promise<void>;
}

export async function openBeside(
  firefox: FirefoxExtensionBrowser,
  url: string,
): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await firefox.browser.newPage();
  await page.goto(url);
  const tabId = await firefoxTabIdOf(firefox, page);
  const panel = await openFirefoxPanel(firefox, tabId);
  return { page, panel, tabId };
}

export async function startFirefoxSession(
  pages: Record<string, string>,
  options: FirefoxLaunchOptions = {},
): Promise<FirefoxSession> {
  const server = await servePages(pages);
  const firefox = await launchFirefox(options);
  return {
    firefox,
    server,
    openWithPanel: (path) => openBeside(firefox, server.url(path)),
    async close() {
      await firefox.close();
      await server.close();
    },
  };
}

async function onScreen(page: Page, target: string | ElementHandle<Element>): Promise<ElementHandle<Element>> {
  const element =
    typeof target === 'string' ? await page.waitForSelector(target, { visible: true, timeout: 15_000 }) : target;
  if (!element) throw new Error(`${String(target)} is not on the page`);
  await element.scrollIntoView();
  return element;
}

/** As a person would: bring it into sight, then press the mouse where it is drawn. */
export async function clickAt(page: Page, target: string | ElementHandle<Element>): Promise<void> {
  const element = await onScreen(page, target);
  const box = await element.boundingBox();
  if (!box) throw new Error(`${String(target)} is not drawn`);
  await page.bringToFront();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** As a person would: click into the field, select what is there, and type over it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await clickAt(page, selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Types the API address and the token on the options page and presses "Save and check"; the page stays open. */
export async function saveGitHubSettings(options: Page, apiBase: string, token: string): Promise<void> {
  await typeInto(options, '#api-base', apiBase);
  await typeInto(options, '#token', token);
  const save = await options.waitForFunction(() =>
    [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Save and check'),
  );
  await clickAt(options, save.asElement() as never);
}

/** What the user reads in an element (its rendered text), or null when it is not there. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((wanted) => {
    const element = document.querySelector<HTMLElement>(wanted);
    return element ? element.innerText.trim() : null;
  }, selector);
}

export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((wanted) => document.querySelectorAll(wanted).length, selector);
}

/** The top of the first heading with `text`, when it is in the window; null when it is out of sight. */
export function headingTopInViewport(page: Page, text: string): Promise<number | null> {
  return page.evaluate((wanted) => {
    const heading = [...document.querySelectorAll('h1, h2, h3')].find((h) => h.textContent?.includes(wanted));
    if (!heading) return null;
    const { top, bottom } = heading.getBoundingClientRect();
    return bottom > 0 && top < window.innerHeight ? top : null;
  }, text);
}
