// The options page's line to the browser: the saved settings (it is an extension page, so it reads and
// writes storage.local itself), the background's view of the connection, and host permissions.
import { isGitHubBroadcast } from '@/lib/github/messages';
import {
  isGitHubReset,
  type ConnectionCheck,
  type GitHubCheckRequest,
  type GitHubServiceState,
  type GitHubStateRequest,
} from '@/lib/background/protocol';
import { localSettingsStorage, readSettings, writeSettings, type GitHubSettings, type StoredSettings } from '@/lib/background/settings';

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

async function ask<T>(message: GitHubStateRequest | GitHubCheckRequest): Promise<T> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  const error = (answer as { error?: unknown } | null)?.error;
  if (answer === undefined || typeof error === 'string') throw new Error(typeof error === 'string' ? error : 'The extension’s background did not answer.');
  return answer as T;
}

export function browserOptionsLink(): OptionsLink {
  const storage = localSettingsStorage();
  return {
    read: () => readSettings(storage),
    write: (settings) => writeSettings(storage, settings),
    state: () => ask<GitHubServiceState>({ type: 'github/state' }),
    check: () => ask<ConnectionCheck>({ type: 'github/check' }),
    requestHost: (origin) => browser.permissions.request({ origins: [origin] }),
    hasHost: (origin) => browser.permissions.contains({ origins: [origin] }),
    onNews(listener) {
      // Reports come in batches while look-ups run: one update for a burst of them.
      let timer: ReturnType<typeof setTimeout> | undefined;
      browser.runtime.onMessage.addListener((message: unknown, sender) => {
        if (sender.tab !== undefined || !(isGitHubBroadcast(message) || isGitHubReset(message))) return undefined;
        clearTimeout(timer);
        timer = setTimeout(listener, 300);
        return undefined;
      });
    },
  };
}
