// The options page's line to the browser: the saved settings (it is an extension page, so it reads and
// writes storage.local and the token vault itself), the background's view of the connection, and host permissions.
import type { ConnectionCheck, GitHubServiceState } from '@/lib/messaging/github-connection';
import { isNews } from '@/lib/messaging/news';
import { callBackground } from '@/lib/messaging/send';
import {
  localSettingsStorage,
  readSettings,
  writeSettings,
  type GitHubSettings,
  type StoredSettings,
} from '@/lib/background/settings';
import { indexedDbTokenVault } from '@/lib/background/token-vault';

export interface OptionsLink {
  read(): Promise<StoredSettings>;
  write(settings: GitHubSettings): Promise<void>;
  state(): Promise<GitHubServiceState>;
  check(): Promise<ConnectionCheck>;
  /** Must be called straight from a click: browsers ask the user only within a gesture. */
  requestHost(origin: string): Promise<boolean>;
  hasHost(origin: string): Promise<boolean>;
  /** Calls back when the background has news about the connection (a rate limit, new settings). */
  onNews(listener: () => void): void;
}

export function browserOptionsLink(): OptionsLink {
  const storage = localSettingsStorage();
  const vault = indexedDbTokenVault();
  return {
    read: () => readSettings(storage, vault),
    write: (settings) => writeSettings(storage, vault, settings),
    state: (): Promise<GitHubServiceState> => callBackground({ type: 'github/state' }),
    check: (): Promise<ConnectionCheck> => callBackground({ type: 'github/check' }),
    requestHost: (origin) => browser.permissions.request({ origins: [origin] }),
    hasHost: (origin) => browser.permissions.contains({ origins: [origin] }),
    onNews(listener) {
      // Reports come in batches while look-ups run: one update for a burst of them.
      let timer: ReturnType<typeof setTimeout> | undefined;
      browser.runtime.onMessage.addListener((message: unknown, sender) => {
        if (sender.tab !== undefined || !isNews(message, 'github/reports', 'github/rate-limit', 'github/reset'))
          return undefined;
        clearTimeout(timer);
        timer = setTimeout(listener, 300);
        return undefined;
      });
    },
  };
}
