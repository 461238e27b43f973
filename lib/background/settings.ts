// The GitHub settings: the API base, kept in `storage.local`, and the token, kept in the token vault
// (./token-vault.ts) where no content script reaches; and the rules a saved value must meet. Pure checks plus
// a thin reader and writer over any storage area and vault, so that the options page, the background and the
// tests share them.
import { DEFAULT_API_BASE, graphqlUrlFor } from '../github/client';
import type { TokenVault } from './token-vault';

export const SETTINGS_KEYS = {
  apiBase: 'github.apiBase',
  /** Where earlier versions kept the token: moved into the vault when found there. */
  legacyToken: 'github.token',
  /** A random value written when the token changes, so that `storage.onChanged` tells the background. */
  tokenChanged: 'github.tokenChanged',
} as const;
const ALL_KEYS: string[] = Object.values(SETTINGS_KEYS);

export interface GitHubSettings {
  /** Normalised: `https://host/path`, no trailing slash. */
  apiBase: string;
  token: string | null;
}

/** What of `browser.storage.local` the settings use; tests pass a map. */
export interface SettingsStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export type ApiBaseCheck =
  | {
      ok: true;
      apiBase: string;
      graphqlUrl: string;
      /** The match pattern for an optional host permission; null for api.github.com (it answers CORS with `*`). */
      permissionOrigin: string | null;
      /** Allowed, but worth knowing. */
      warnings: string[];
    }
  | { ok: false; message: string };

export type TokenCheck = { ok: true; token: string | null } | { ok: false; message: string };

const EXAMPLE = 'https://api.github.com, or https://github.example.com/api/v3 for GitHub Enterprise';

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** Whether a value is a usable API base, and what it means; an empty value is the default. */
export function validateApiBase(input: string): ApiBaseCheck {
  const text = input.trim();
  if (text === '') return validateApiBase(DEFAULT_API_BASE);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    return { ok: false, message: `Write the whole address, starting with https:// (${EXAMPLE}).` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `That is not a web address. Use ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Only http(s) addresses can be an API base (${EXAMPLE}).` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address: the token has its own field.' };
  }
  if (url.search || url.hash) {
    return { ok: false, message: 'Leave ?query and #fragment out of the address: give the API’s root only.' };
  }
  const host = url.hostname.toLowerCase();
  if (host === 'github.com' || host === 'www.github.com') {
    return { ok: false, message: 'That is GitHub’s website. Its API is at https://api.github.com.' };
  }
  const apiBase = url.href.replace(/\/+$/, '');
  const warnings: string[] = [];
  const loopback = isLoopback(host);
  if (url.protocol === 'http:' && !loopback) {
    warnings.push('Over plain http the token is never sent: look-ups go without it.');
  }
  if (host !== 'api.github.com' && !loopback && !/\/api\/v3$/i.test(url.pathname.replace(/\/+$/, ''))) {
    warnings.push('GitHub Enterprise Server’s API is usually at https://your-host/api/v3.');
  }
  return {
    ok: true,
    apiBase,
    graphqlUrl: graphqlUrlFor(apiBase),
    permissionOrigin: host === 'api.github.com' ? null : `${url.protocol}//${url.hostname}/*`,
    warnings,
  };
}

/** Whether a value can be a token; an empty value means none (anonymous look-ups). */
export function validateToken(input: string): TokenCheck {
  const token = input.trim();
  if (token === '') return { ok: true, token: null };
  if (/\s/.test(token))
    return { ok: false, message: 'A token is one word, without spaces or line breaks: paste it again.' };
  if (!/^[\x21-\x7e]+$/.test(token))
    return { ok: false, message: 'A token has letters, digits and _ only: paste it again.' };
  if (token.length < 8) return { ok: false, message: 'That is too short to be a GitHub token.' };
  if (token.length > 255) return { ok: false, message: 'That is too long to be a GitHub token.' };
  return { ok: true, token };
}

export interface StoredSettings {
  settings: GitHubSettings;
  /** Why the saved values are not used as saved; null when they are. */
  problem: string | null;
}

/**
 * The saved token. One still in `storage.local` (written by an earlier version) is moved into the vault, and
 * leaves `storage.local` only once the vault holds it: a vault that cannot be written keeps it where it was.
 */
async function readToken(storage: SettingsStorage, vault: TokenVault, legacy: unknown): Promise<unknown> {
  if (typeof legacy !== 'string') return vault.read();
  try {
    await vault.write(legacy);
    if ((await vault.read()) === legacy) await storage.remove([SETTINGS_KEYS.legacyToken]);
  } catch {
    // Used from where it is; moved at the next read.
  }
  return legacy;
}

/**
 * The settings to use. A saved API base that is no longer valid falls back to api.github.com *without*
 * the token: a token meant for an Enterprise host must never go to github.com.
 */
export async function readSettings(storage: SettingsStorage, vault: TokenVault): Promise<StoredSettings> {
  const stored = await storage.get([SETTINGS_KEYS.apiBase, SETTINGS_KEYS.legacyToken]);
  const rawBase = stored[SETTINGS_KEYS.apiBase];
  let rawToken: unknown;
  try {
    rawToken = await readToken(storage, vault, stored[SETTINGS_KEYS.legacyToken]);
  } catch (error) {
    const base = validateApiBase(typeof rawBase === 'string' ? rawBase : '');
    const why = error instanceof Error ? error.message : String(error);
    return {
      settings: { apiBase: base.ok ? base.apiBase : DEFAULT_API_BASE, token: null },
      problem: `The saved token cannot be read (${why}). Looking up without it until it can.`,
    };
  }
  const token = typeof rawToken === 'string' ? validateToken(rawToken) : { ok: true as const, token: null };
  const base = typeof rawBase === 'string' ? validateApiBase(rawBase) : validateApiBase('');
  if (!base.ok) {
    const fallback = validateApiBase('');
    return {
      settings: { apiBase: fallback.ok ? fallback.apiBase : DEFAULT_API_BASE, token: null },
      problem: `The saved API address cannot be used (${base.message}) Looking up on api.github.com without the token until it is fixed.`,
    };
  }
  if (!token.ok) {
    return {
      settings: { apiBase: base.apiBase, token: null },
      problem: `The saved token cannot be used: ${token.message}`,
    };
  }
  return { settings: { apiBase: base.apiBase, token: token.token }, problem: null };
}

/**
 * Saves checked values; the default API base and an empty token are stored as nothing. The token goes into
 * the vault first: a copy an earlier version left in `storage.local` is removed only after.
 */
export async function writeSettings(
  storage: SettingsStorage,
  vault: TokenVault,
  settings: GitHubSettings,
): Promise<void> {
  const before = await vault.read().catch(() => undefined);
  await vault.write(settings.token || null);
  const set: Record<string, unknown> = {};
  const remove: string[] = [SETTINGS_KEYS.legacyToken];
  if (settings.apiBase === DEFAULT_API_BASE) remove.push(SETTINGS_KEYS.apiBase);
  else set[SETTINGS_KEYS.apiBase] = settings.apiBase;
  if (before !== (settings.token || null)) set[SETTINGS_KEYS.tokenChanged] = crypto.randomUUID();
  if (Object.keys(set).length > 0) await storage.set(set);
  await storage.remove(remove);
}

/** `browser.storage.local` as the settings read it (extension pages and the background only). */
export function localSettingsStorage(): SettingsStorage {
  const area = browser.storage.local;
  return {
    get: (keys) => area.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/** Whether a `storage.onChanged` event touches the GitHub settings. */
export function touchesSettings(changedKeys: Iterable<string>): boolean {
  for (const key of changedKeys) if (ALL_KEYS.includes(key)) return true;
  return false;
}
