// Connects the GitHub service to the browser: messages in, broadcasts out, settings changes, closed tabs.
// Listeners are added synchronously when the worker starts, as MV3 requires for events to wake it.
import { openStatusCache } from '../github/cache';
import { createGitHubService, type GitHubService, type MessageOrigin } from './github-service';
import { localSettingsStorage, readSettings, touchesSettings } from './settings';
import { indexedDbTokenVault } from './token-vault';

/**
 * Keep `storage.local` out of content scripts where the browser allows it (Chrome lets them read it by default;
 * Firefox has no such switch). The token is not there in any case: it is in the token vault.
 */
function restrictStorageToExtension(): void {
  const area = browser.storage.local as {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  if (typeof area.setAccessLevel === 'function')
    void area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}

/** A content script's tab; an extension page (even one opened in a tab) hears the page broadcasts instead. */
function originOf(sender: { tab?: { id?: number }; url?: string }): MessageOrigin {
  const extensionRoot = browser.runtime.getURL('/');
  if (sender.url?.startsWith(extensionRoot) || sender.tab?.id === undefined) return {};
  return { tabId: sender.tab.id };
}

export function startGitHubWiring(): GitHubService {
  restrictStorageToExtension();
  const storage = localSettingsStorage();
  const vault = indexedDbTokenVault();
  // Reading moves a token an earlier version left in storage.local into the vault: at once, not at the first look-up.
  void readSettings(storage, vault).catch(() => undefined);
  const service = createGitHubService({
    readSettings: () => readSettings(storage, vault),
    openCache: () => openStatusCache(),
    fetch: (url, init) => fetch(url, init),
    // No page open to hear it is the usual case, not an error.
    toExtensionPages: (message) => void browser.runtime.sendMessage(message).catch(() => undefined),
    toTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const answer = service.handle(message, originOf(sender));
    if (!answer) return undefined;
    answer.then(sendResponse, (error: unknown) =>
      sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && touchesSettings(Object.keys(changes))) service.settingsChanged();
  });
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));
  return service;
}
