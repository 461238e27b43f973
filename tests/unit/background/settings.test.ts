// The GitHub settings: what an API base and a token may be, and how they are read back.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  readSettings,
  SETTINGS_KEYS,
  touchesSettings,
  validateApiBase,
  validateToken,
  writeSettings,
  type SettingsStorage,
} from '../../../lib/background/settings';
import { indexedDbTokenVault, type TokenVault } from '../../../lib/background/token-vault';
import { memoryTokenVault } from './memory-vault';

let vaults = 0;
/** The real vault, over IndexedDB, in a database no other test uses. */
function freshVault(): TokenVault {
  return indexedDbTokenVault(`vault-test-${process.pid}-${++vaults}`);
}

/** Every value a storage area holds, as one string: the token must not be in it. */
function everything(storage: { data: Map<string, unknown> }): string {
  return JSON.stringify([...storage.data]);
}

function memoryStorage(initial: Record<string, unknown> = {}): SettingsStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((key) => data.has(key)).map((key) => [key, data.get(key)]));
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, value);
    },
    async remove(keys) {
      for (const key of keys) data.delete(key);
    },
  };
}

describe('validateApiBase', () => {
  it('takes empty for api.github.com, which needs no host permission', () => {
    expect(validateApiBase('  ')).toEqual({
      ok: true,
      apiBase: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
      permissionOrigin: null,
      warnings: [],
    });
  });

  it('takes a GitHub Enterprise address, with its GraphQL endpoint and the host to ask for', () => {
    expect(validateApiBase('https://GHE.example.com/api/v3/')).toEqual({
      ok: true,
      apiBase: 'https://ghe.example.com/api/v3',
      graphqlUrl: 'https://ghe.example.com/api/graphql',
      permissionOrigin: 'https://ghe.example.com/*',
      warnings: [],
    });
  });

  it('takes a local stand-in over http, without warnings', () => {
    const check = validateApiBase('http://127.0.0.1:8123');
    expect(check).toMatchObject({
      ok: true,
      apiBase: 'http://127.0.0.1:8123',
      permissionOrigin: 'http://127.0.0.1/*',
      warnings: [],
    });
  });

  it('warns when the token could not be sent, or the path looks wrong', () => {
    const check = validateApiBase('http://ghe.example.com/api/v3');
    expect(check.ok && check.warnings).toEqual(['Over plain http the token is never sent: look-ups go without it.']);
    const noPath = validateApiBase('https://ghe.example.com');
    expect(noPath.ok && noPath.warnings).toEqual([
      'GitHub Enterprise Server’s API is usually at https://your-host/api/v3.',
    ]);
  });

  it.each([
    ['ghe.example.com/api/v3', /whole address, starting with https:\/\//],
    ['ftp://ghe.example.com/', /Only http\(s\)/],
    ['javascript:alert(1)', /Only http\(s\)/],
    ['https://user:secret@ghe.example.com/api/v3', /user name and password/],
    ['https://ghe.example.com/api/v3?x=1', /\?query and #fragment/],
    ['https://github.com', /GitHub’s website\. Its API is at https:\/\/api\.github\.com/],
    ['https://www.github.com/', /GitHub’s website/],
    ['https://exa mple.com', /not a web address/],
  ])('refuses %s with words', (input, words) => {
    const check = validateApiBase(input);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(words);
  });
});

describe('validateToken', () => {
  it('takes empty for none, and trims', () => {
    expect(validateToken('')).toEqual({ ok: true, token: null });
    expect(validateToken('  ghp_abcdefghijklmnopqrstuvwxyz0123456789 \n')).toEqual({
      ok: true,
      token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    });
  });

  it.each([
    ['ghp_abc def', /without spaces/],
    ['ghp_abc\ndef', /without spaces/],
    ['ghp_abcdéfghijk', /letters, digits and _ only/],
    ['short', /too short/],
    ['x'.repeat(256), /too long/],
  ])('refuses %j with words', (input, words) => {
    const check = validateToken(input);
    expect(!check.ok && check.message).toMatch(words);
  });
});

describe('reading and writing the settings', () => {
  it('reads nothing as api.github.com without a token', async () => {
    expect(await readSettings(memoryStorage(), freshVault())).toEqual({
      settings: { apiBase: 'https://api.github.com', token: null },
      problem: null,
    });
  });

  it('writes the default as nothing, the token into the vault only, and reads back what it wrote', async () => {
    const storage = memoryStorage();
    const vault = freshVault();
    await writeSettings(storage, vault, { apiBase: 'https://ghe.example.com/api/v3', token: 'ghp_secret_token_1' });
    expect(storage.data.get(SETTINGS_KEYS.apiBase)).toBe('https://ghe.example.com/api/v3');
    // storage.local is readable by content scripts in Firefox: the token is not in it, in any form.
    expect(everything(storage)).not.toContain('ghp_secret_token_1');
    expect(await vault.read()).toBe('ghp_secret_token_1');
    expect((await readSettings(storage, vault)).settings).toEqual({
      apiBase: 'https://ghe.example.com/api/v3',
      token: 'ghp_secret_token_1',
    });
    await writeSettings(storage, vault, { apiBase: 'https://api.github.com', token: null });
    expect(await vault.read()).toBeNull();
    expect([...storage.data.keys()]).toEqual([SETTINGS_KEYS.tokenChanged]);
    expect(await readSettings(storage, vault)).toEqual({
      settings: { apiBase: 'https://api.github.com', token: null },
      problem: null,
    });
  });

  it('tells storage.onChanged listeners that the token changed, without the token', async () => {
    const storage = memoryStorage();
    const vault = memoryTokenVault();
    await writeSettings(storage, vault, { apiBase: 'https://api.github.com', token: 'ghp_secret_token_1' });
    const first = storage.data.get(SETTINGS_KEYS.tokenChanged);
    expect(typeof first).toBe('string');
    await writeSettings(storage, vault, { apiBase: 'https://api.github.com', token: 'ghp_secret_token_2' });
    const second = storage.data.get(SETTINGS_KEYS.tokenChanged);
    expect(second).not.toBe(first);
    // The same token saved again is no change.
    await writeSettings(storage, vault, { apiBase: 'https://api.github.com', token: 'ghp_secret_token_2' });
    expect(storage.data.get(SETTINGS_KEYS.tokenChanged)).toBe(second);
    expect(everything(storage)).not.toMatch(/ghp_secret/);
  });

  it('moves a token an earlier version kept in storage.local into the vault, losing nothing', async () => {
    const storage = memoryStorage({
      [SETTINGS_KEYS.apiBase]: 'https://ghe.example.com/api/v3',
      [SETTINGS_KEYS.legacyToken]: 'ghp_kept_by_v0_1',
    });
    const vault = freshVault();
    expect(await readSettings(storage, vault)).toEqual({
      settings: { apiBase: 'https://ghe.example.com/api/v3', token: 'ghp_kept_by_v0_1' },
      problem: null,
    });
    expect(storage.data.has(SETTINGS_KEYS.legacyToken)).toBe(false);
    expect(everything(storage)).not.toContain('ghp_kept_by_v0_1');
    expect(await vault.read()).toBe('ghp_kept_by_v0_1');
    expect((await readSettings(storage, vault)).settings.token).toBe('ghp_kept_by_v0_1');
  });

  it('keeps the old copy where it is while the vault cannot take it, and still uses it', async () => {
    const storage = memoryStorage({ [SETTINGS_KEYS.legacyToken]: 'ghp_kept_by_v0_1' });
    const broken: TokenVault = {
      read: async () => null,
      write: async () => Promise.reject(new Error('QuotaExceededError')),
    };
    expect((await readSettings(storage, broken)).settings.token).toBe('ghp_kept_by_v0_1');
    expect(storage.data.get(SETTINGS_KEYS.legacyToken)).toBe('ghp_kept_by_v0_1');
    const working = memoryTokenVault();
    expect((await readSettings(storage, working)).settings.token).toBe('ghp_kept_by_v0_1');
    expect(working.token).toBe('ghp_kept_by_v0_1');
    expect(storage.data.has(SETTINGS_KEYS.legacyToken)).toBe(false);
  });

  it('says in words when the vault cannot be read, and looks up without the token', async () => {
    const unreadable: TokenVault = {
      read: async () => Promise.reject(new Error('The database is closed')),
      write: async () => undefined,
    };
    const read = await readSettings(memoryStorage(), unreadable);
    expect(read.settings).toEqual({ apiBase: 'https://api.github.com', token: null });
    expect(read.problem).toBe(
      'The saved token cannot be read (The database is closed). Looking up without it until it can.',
    );
  });

  it('never sends an Enterprise token to github.com when the saved address went bad', async () => {
    const storage = memoryStorage({ [SETTINGS_KEYS.apiBase]: 'ftp://ghe.example.com' });
    const read = await readSettings(storage, memoryTokenVault('ghp_enterprise_token'));
    expect(read.settings).toEqual({ apiBase: 'https://api.github.com', token: null });
    expect(read.problem).toMatch(/cannot be used .*without the token/);
  });

  it('drops a saved token that is not one, and says so', async () => {
    const read = await readSettings(memoryStorage(), memoryTokenVault('two words here'));
    expect(read.settings.token).toBeNull();
    expect(read.problem).toMatch(/token cannot be used/);
  });

  it('knows which storage changes are its own', () => {
    expect(touchesSettings(['github.token'])).toBe(true);
    expect(touchesSettings(['github.tokenChanged'])).toBe(true);
    expect(touchesSettings(['notes', 'github.apiBase'])).toBe(true);
    expect(touchesSettings(['notes'])).toBe(false);
  });
});
