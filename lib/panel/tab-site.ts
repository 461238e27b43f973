// What the panel can do for a tab it cannot read: learn the tab's site (the browser tells only when the
// extension may see the tab, as after a click on its toolbar button), and turn reading on for that site.
import { CUSTOM_SITES_KEY, customSiteOrigin, customSitesFrom, originPattern, withSite } from '../sources/custom-sites';

/** The site of the tab, if the browser lets the extension see its address and it is one that can be turned on. */
export async function tabSite(tabId: number): Promise<string | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab?.url ? customSiteOrigin(tab.url) : null;
}

/** Asks for the site (call it straight from a click), stores it, and reloads the tab so the agenda is read. */
export async function turnOnSite(tabId: number, origin: string): Promise<boolean> {
  const allowed = await browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
  if (!allowed) return false;
  const stored = customSitesFrom((await browser.storage.local.get(CUSTOM_SITES_KEY))[CUSTOM_SITES_KEY]);
  await browser.storage.local.set({ [CUSTOM_SITES_KEY]: withSite(stored, origin) });
  // The background registers the agenda script when the list changes; give it that moment before the reload.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await browser.tabs.reload(tabId).catch(() => undefined);
  return true;
}
