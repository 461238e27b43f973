// The toolbar button opens the side panel, and the panel page lives where the manifest says.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

it('opens the side panel when the toolbar button is clicked', async () => {
  const behavior = await browser.worker.evaluate(() => chrome.sidePanel.getPanelBehavior());
  expect(behavior.openPanelOnActionClick).toBe(true);
});

it('declares the side panel page and asks for no more than it needs', async () => {
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  expect((manifest as { side_panel?: { default_path?: string } }).side_panel?.default_path).toBe('sidepanel.html');
  // storage: settings and sites; sidePanel: the index; scripting, contextMenus, activeTab: sites the user turns on.
  expect(manifest.permissions).toEqual(['storage', 'sidePanel', 'scripting', 'contextMenus', 'activeTab']);
  expect(manifest.host_permissions ?? []).toEqual([]);
});

it('says there is no tab to read when the panel opens on its own extension page', async () => {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  // Its own tab is the active one, and no content script runs on extension pages.
  await expect(panel.getByRole('heading', { name: "This page can't be read" }).textContent()).resolves.toBeTruthy();
  await panel.close();
});
