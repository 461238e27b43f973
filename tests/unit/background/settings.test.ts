// The GitHub settings: what an API base and a token may be, and how they are read back.
import { describe, expect, it } from 'vitest';
import { readSettings, SETTINGS_KEYS, touchesSettings, validateApiBase, validateToken, writeSettings, type SettingsStorage } from '../../../lib/background/settings';

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
    expect(check).toMatchObject({ ok: true, apiBase: 'http://127.0.0.1:8123', permissionOrigin: 'http://127.0.0.1/*', warnings: [] });
  });

  it('warns when the token could not be sent, or the path looks wrong', () => {
    const check = validateApiBase('http://ghe.example.com/api/v3');
    expect(check.ok && check.warnings).toEqual(['Over plain http the token is never sent: look-ups go without it.']);
    const noPath = validateApiBase('https://ghe.example.com');
    expect(noPath.ok && noPath.warnings).toEqual(['GitHub Enterprise Server’s API is usually at https://your-host/api/v3.']);
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
    expect(validateToken('  ghp_abcdefghijklmnopqrstuvwxyz0123456789 \n')).toEqual({ ok: true, token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' });
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
    expect(await readSettings(memoryStorage())).toEqual({ settings: { apiBase: 'https://api.github.com', token: null }, problem: null });
  });

  it('writes the default as nothing, and reads back what it wrote', async () => {
    const storage = memoryStorage();
    await writeSettings(storage, { apiBase: 'https://ghe.example.com/api/v3', token: 'ghp_secret_token_1' });
    expect(Object.fromEntries(storage.data)).toEqual({ [SETTINGS_KEYS.apiBase]: 'https://ghe.example.com/api/v3', [SETTINGS_KEYS.token]: 'ghp_secret_token_1' });
    expect((await readSettings(storage)).settings).toEqual({ apiBase: 'https://ghe.example.com/api/v3', token: 'ghp_secret_token_1' });
    await writeSettings(storage, { apiBase: 'https://api.github.com', token: null });
    expect(storage.data.size).toBe(0);
  });

  it('never sends an Enterprise token to github.com when the saved address went bad', async () => {
    const storage = memoryStorage({ [SETTINGS_KEYS.apiBase]: 'ftp://ghe.example.com', [SETTINGS_KEYS.token]: 'ghp_enterprise_token' });
    const read = await readSettings(storage);
    expect(read.settings).toEqual({ apiBase: 'https://api.github.com', token: null });
    expect(read.problem).toMatch(/cannot be used .*without the token/);
  });

  it('drops a saved token that is not one, and says so', async () => {
    const read = await readSettings(memoryStorage({ [SETTINGS_KEYS.token]: 'two words here' }));
    expect(read.settings.token).toBeNull();
    expect(read.problem).toMatch(/token cannot be used/);
  });

  it('knows which storage changes are its own', () => {
    expect(touchesSettings(['github.token'])).toBe(true);
    expect(touchesSettings(['notes', 'github.apiBase'])).toBe(true);
    expect(touchesSettings(['notes'])).toBe(false);
  });
});
