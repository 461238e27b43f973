// The background's side of the sites a user turns on: the agenda content script is registered for exactly the
// stored sites whose host permission the browser has granted, kept so when the list or the permissions change,
// and the toolbar button's menu turns the current tab's site on or off.
import {
  CUSTOM_SITES_KEY,
  customSiteOrigin,
  customSitesFrom,
  originPattern,
  withSite,
  withoutSite,
} from '../sources/custom-sites';

const SCRIPT_ID = 'agenda-custom-sites';
const MENU_ID = 'agenda-custom-site';

async function storedSites(): Promise<string[]> {
  return customSitesFrom((await browser.storage.local.get(CUSTOM_SITES_KEY))[CUSTOM_SITES_KEY]);
}

async function granted(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);
}

/**
 * A manifest script path as `scripting.registerContentScripts` takes it: relative to the extension's root. Firefox's
 * `runtime.getManifest()` gives content scripts as whole moz-extension:// addresses, which it then refuses there.
 */
export function extensionRelativePath(file: string, extensionRoot: string): string {
  const root = extensionRoot.endsWith('/') ? extensionRoot : `${extensionRoot}/`;
  return (file.startsWith(root) ? file.slice(root.length) : file).replace(/^\/+/, '');
}

/** The manifest's own agenda script, so a site turned on runs exactly what the agenda sites run. */
function agendaScriptFiles(): string[] {
  const root = browser.runtime.getURL('/');
  return (browser.runtime.getManifest().content_scripts?.[0]?.js ?? []).map((file) =>
    extensionRelativePath(file, root),
  );
}

/** Registers the agenda script for the stored, granted sites; unregisters it when there are none. */
export async function syncSiteScripts(): Promise<string[]> {
  const sites = await storedSites();
  const readable: string[] = [];
  for (const site of sites) if (await granted(site)) readable.push(site);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (readable.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        js: agendaScriptFiles(),
        matches: [...new Set(readable.map(originPattern))],
        runAt: 'document_idle',
      },
    ]);
  }
  return readable;
}

/** Adds or removes a site in the stored list; the storage listener re-registers. */
export async function setSiteStored(origin: string, on: boolean): Promise<void> {
  const sites = await storedSites();
  await browser.storage.local.set({ [CUSTOM_SITES_KEY]: on ? withSite(sites, origin) : withoutSite(sites, origin) });
}

/** The toolbar button's menu item, checked when the tab's site is on. */
async function showMenuFor(url: string | undefined): Promise<void> {
  // Without access to the tab the browser hides its address: such a site is not on, and can be turned on.
  const origin = url ? customSiteOrigin(url) : null;
  const on = origin !== null && (await storedSites()).includes(origin) && (await granted(origin));
  const readable = url === undefined || origin !== null;
  await browser.contextMenus.update(MENU_ID, { enabled: readable, checked: on }).catch(() => undefined);
}

/** Turns the clicked tab's site on (asking for its host permission, within the click) or off. */
async function toggleFromMenu(url: string | undefined, checked: boolean): Promise<void> {
  const origin = url ? customSiteOrigin(url) : null;
  if (!origin) return;
  if (checked) {
    // Asked first, within the click: the browser only shows its prompt during a user action.
    const allowed = await browser.permissions.request({ origins: [originPattern(origin)] });
    if (allowed) await setSiteStored(origin, true);
  } else {
    await setSiteStored(origin, false);
  }
  await showMenuFor(url);
}

export function startSiteScripts(): void {
  void syncSiteScripts();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CUSTOM_SITES_KEY in changes) void syncSiteScripts();
  });
  // Access taken back in the browser's own settings stops the reading too.
  browser.permissions.onRemoved.addListener(() => void syncSiteScripts());
  browser.permissions.onAdded.addListener(() => void syncSiteScripts());

  const menus = browser.contextMenus;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({
      id: MENU_ID,
      type: 'checkbox',
      title: 'Read agendas on this site',
      contexts: [import.meta.env.FIREFOX ? 'browser_action' : 'action'],
    });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void toggleFromMenu(tab?.url, Boolean(info.checked));
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then(
      (tab) => showMenuFor(tab.url),
      () => undefined,
    );
  });
}
