// The background's GitHub service against the stand-in, over real HTTP on 127.0.0.1: one client made
// lazily from the settings, broadcasts to pages and to the tabs that asked, settings changes, the
// connection check in words, and the token in no message.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubService, type GitHubService } from '../../../lib/background/github-service';
import type { ConnectionCheck, GitHubNews } from '../../../lib/messaging/github-connection';
import { readSettings, writeSettings, type SettingsStorage } from '../../../lib/background/settings';
import type { TokenVault } from '../../../lib/background/token-vault';
import {
  createMemoryStatusCache,
  STATUS_CACHE_LIMITS,
  type CachedRef,
  type StatusCache,
} from '../../../lib/github/cache';
import type { GitHubLookupAnswer } from '../../../lib/messaging/github-lookup';
import { startGitHubStandIn, type GitHubStandIn, type StandInRef, ALL_STATES } from '../../support/github-standin';
import { memoryTokenVault } from './memory-vault';

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
const STATES = ALL_STATES;

function table(count: number): { refs: string[]; refTable: Record<string, StandInRef> } {
  const refs: string[] = [];
  const refTable: Record<string, StandInRef> = {};
  for (let i = 0; i < count; i++) {
    const ref = `org/repo-${i % 4}#${i + 1}`;
    refs.push(ref);
    refTable[ref] = { ...(STATES[i % STATES.length] as StandInRef), title: `Item ${i + 1}` };
  }
  return { refs, refTable };
}

function memoryStorage(): SettingsStorage {
  const data = new Map<string, unknown>();
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)])),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) => void keys.forEach((k) => data.delete(k)),
  };
}

interface Rig {
  server: GitHubStandIn;
  storage: SettingsStorage;
  vault: TokenVault;
  cache: StatusCache;
  service: GitHubService;
  pages: GitHubNews[];
  tabs: Map<number, GitHubNews[]>;
  closedTabs: Set<number>;
  /** Every message and answer that crossed, as JSON. */
  wire: string[];
  restart(): GitHubService;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(options: { token?: string | null; refs?: Record<string, StandInRef> } = {}): Promise<Rig> {
  const server = await startGitHubStandIn({ refs: options.refs ?? {}, token: TOKEN });
  cleanups.push(() => server.close());
  const storage = memoryStorage();
  const vault = memoryTokenVault();
  await writeSettings(storage, vault, {
    apiBase: server.apiBase,
    token: options.token === undefined ? TOKEN : options.token,
  });
  const cache = createMemoryStatusCache();
  const pages: GitHubNews[] = [];
  const tabs = new Map<number, GitHubNews[]>();
  const closedTabs = new Set<number>();
  const wire: string[] = [];
  const make = (): GitHubService => {
    const service = createGitHubService({
      readSettings: () => readSettings(storage, vault),
      openCache: async () => cache,
      fetch: (url, init) => fetch(url, init),
      toExtensionPages: (message) => {
        wire.push(JSON.stringify(message));
        pages.push(message);
      },
      toTab: async (tabId, message) => {
        wire.push(JSON.stringify(message));
        if (closedTabs.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
        tabs.set(tabId, [...(tabs.get(tabId) ?? []), message]);
      },
      clientOptions: { retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 } },
    });
    cleanups.push(() => service.dispose());
    return service;
  };
  const r: Rig = {
    server,
    storage,
    vault,
    cache,
    service: make(),
    pages,
    tabs,
    closedTabs,
    wire,
    restart: () => (r.service = make()),
  };
  return r;
}

async function lookup(r: Rig, message: unknown, tabId?: number): Promise<GitHubLookupAnswer> {
  wire(r, message);
  const answer = (await r.service.handle(message, tabId === undefined ? {} : { tabId })) as GitHubLookupAnswer;
  wire(r, answer);
  return answer;
}

function wire(r: Rig, value: unknown): void {
  r.wire.push(JSON.stringify(value));
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function reportsIn(messages: readonly GitHubNews[]): string[] {
  return messages.flatMap((m) =>
    m.type === 'github/reports' ? m.reports.filter((r) => r.status).map((r) => r.ref) : [],
  );
}

describe('the background GitHub service', () => {
  it('with a token: 250 references in 3 queries, told to the pages, and to each tab only what it asked', async () => {
    const { refs, refTable } = table(250);
    const r = await rig({ refs: refTable });
    const first = await lookup(r, { type: 'github/lookup', refs: refs.slice(0, 200) }, 7);
    expect(first.reports.every((report) => report.pending)).toBe(true);
    await lookup(r, { type: 'github/lookup', refs: refs.slice(200) }, 8);
    await until(() => reportsIn(r.pages).length === 250);
    expect(r.server.count('graphql')).toBe(3);
    expect(r.server.count()).toBe(3);
    expect(new Set(reportsIn(r.tabs.get(7) ?? []))).toEqual(new Set(refs.slice(0, 200)));
    expect(new Set(reportsIn(r.tabs.get(8) ?? []))).toEqual(new Set(refs.slice(200)));
  });

  it('shares look-ups in flight between the panel and the page, and is warm afterwards, across a worker restart', async () => {
    const { refs, refTable } = table(30);
    const r = await rig({ refs: refTable });
    r.server.setDelay(100);
    await Promise.all([
      lookup(r, { type: 'github/lookup', refs }, 3),
      lookup(r, { type: 'github/lookup', refs: refs.slice(0, 10) }),
    ]);
    await until(() => reportsIn(r.pages).length === 30);
    expect(r.server.count()).toBe(1);
    const warm = await lookup(r, { type: 'github/lookup', refs }, 3);
    expect(warm.reports.every((report) => report.status && !report.pending)).toBe(true);
    // The worker stopped and started again: a new service, the same IndexedDB cache.
    r.restart();
    const restarted = await lookup(r, { type: 'github/lookup', refs });
    expect(restarted.reports.every((report) => report.status !== null && !report.pending)).toBe(true);
    expect(r.server.count()).toBe(1);
  });

  it('without a token: one REST request per reference on screen, nothing for the rest', async () => {
    const { refs, refTable } = table(12);
    const r = await rig({ token: null, refs: refTable });
    const visible = [refs[4]!, refs[0]!, refs[7]!];
    await lookup(r, { type: 'github/lookup', refs, visibleFirst: visible }, 1);
    await until(() => reportsIn(r.pages).length === 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = new Set(r.server.requests.flatMap((request) => request.refs));
    expect(asked).toEqual(new Set(visible));
    expect(r.server.count('graphql')).toBe(0);
    expect(r.server.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  it('forgets a tab whose page went away', async () => {
    const { refs, refTable } = table(3);
    const r = await rig({ refs: refTable });
    r.closedTabs.add(5);
    await lookup(r, { type: 'github/lookup', refs: refs.slice(0, 1) }, 5);
    await until(() => reportsIn(r.pages).length === 1);
    r.closedTabs.delete(5);
    await lookup(r, { type: 'github/lookup', refs: refs.slice(1) });
    await until(() => reportsIn(r.pages).length === 3);
    expect(r.tabs.get(5)).toBeUndefined();
  });

  it('after a settings change: tells everyone to ask again, and looks up with the new token', async () => {
    const { refs, refTable } = table(3);
    const r = await rig({ refs: refTable });
    await lookup(r, { type: 'github/lookup', refs }, 2);
    await until(() => reportsIn(r.pages).length === 3);
    await writeSettings(r.storage, r.vault, { apiBase: r.server.apiBase, token: 'ghp_not_the_right_token_at_all' });
    r.service.settingsChanged();
    expect(r.pages.at(-1)).toEqual({ type: 'github/reset' });
    expect(r.tabs.get(2)?.at(-1)).toEqual({ type: 'github/reset' });
    await lookup(r, { type: 'github/lookup', refs, force: true }, 2);
    await until(() =>
      r.pages.some(
        (m) => m.type === 'github/reports' && m.reports.some((report) => report.failure?.error === 'bad-token'),
      ),
    );
    const state = await r.service.state();
    expect(state.authenticated).toBe(true);
    expect(state.problem).toMatch(/^GitHub did not accept the token \(HTTP 401\)\. Replace it in the options/);
  });

  it('statuses fetched with a token are not shown once the token is removed, and are dropped', async () => {
    const { refs, refTable } = table(3);
    for (const ref of refs) refTable[ref] = { ...refTable[ref]!, private: true, title: `Secret plan ${ref}` };
    const r = await rig({ refs: refTable });
    await lookup(r, { type: 'github/lookup', refs }, 2);
    await until(() => reportsIn(r.pages).length === 3);
    await writeSettings(r.storage, r.vault, { apiBase: r.server.apiBase, token: null });
    r.service.settingsChanged();
    const answer = await lookup(r, { type: 'github/lookup', refs, visibleFirst: refs }, 2);
    expect(answer.reports.filter((report) => report.status !== null)).toEqual([]);
    await r.service.state();
    expect((await r.cache.getMany(r.server.apiBase, refs)).filter((entry) => entry.authenticated)).toEqual([]);
    // Nor after the worker starts again.
    r.restart();
    const later = await lookup(r, { type: 'github/lookup', refs, visibleFirst: refs }, 2);
    expect(JSON.stringify(later)).not.toContain('Secret plan');
  });

  it('keeps no cached status longer than its age limit, nor more than its size limit', async () => {
    const r = await rig();
    const now = Date.now();
    const entry = (ref: string, storedAt: number): CachedRef => ({
      base: r.server.apiBase,
      ref,
      status: null,
      notFound: null,
      etag: null,
      pullEtag: null,
      authenticated: false,
      storedAt,
    });
    const old = entry('old/one#1', now - STATUS_CACHE_LIMITS.maxAgeMs - 1000);
    const many = Array.from({ length: STATUS_CACHE_LIMITS.maxEntries + 10 }, (_, i) =>
      entry(`o/r#${i + 1}`, now - 1000 + i / 100),
    );
    await r.cache.putMany([old, ...many]);
    await r.service.state();
    expect(await r.cache.getMany(r.server.apiBase, ['old/one#1'])).toEqual([]);
    expect(await r.cache.count()).toBeLessThanOrEqual(STATUS_CACHE_LIMITS.maxEntries);
    // The newest stay.
    expect(await r.cache.getMany(r.server.apiBase, [`o/r#${many.length}`])).toHaveLength(1);
  });

  it('settings changed while the client was being made: the look-up goes with the new ones', async () => {
    const { refs, refTable } = table(3);
    const r = await rig({ refs: refTable });
    const asked = lookup(r, { type: 'github/lookup', refs }, 1);
    await writeSettings(r.storage, r.vault, { apiBase: r.server.apiBase, token: null });
    r.service.settingsChanged();
    await asked;
    await until(() => reportsIn(r.pages).length === 3);
    expect(r.server.count('graphql')).toBe(0);
    expect(r.server.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
    expect((await r.service.state()).authenticated).toBe(false);
  });

  it('tells a rate limit, and until when', async () => {
    const { refs, refTable } = table(3);
    const r = await rig({ refs: refTable });
    r.server.failWith({ kind: 'rate-limit' });
    await lookup(r, { type: 'github/lookup', refs });
    await until(() => r.pages.some((m) => m.type === 'github/rate-limit' && m.rateLimit.blockedUntil !== null));
    const state = await r.service.state();
    expect(state.rateLimit?.blockedUntil).toBeGreaterThan(Date.now());
    expect(state.rateLimit?.message).toMatch(/^GitHub's rate limit is used up\. Looking up again in \d+ min\.$/);
  });

  it('answers only its own messages', () => {
    return rig().then((r) => {
      expect(r.service.handle({ type: 'agenda/get' }, {})).toBeUndefined();
      expect(r.service.handle({ type: 'github/lookup', refs: 'a/b#1' }, {})).toBeUndefined();
      expect(r.service.handle(null, {})).toBeUndefined();
    });
  });

  it('tells how the connection stands, and checks it, to extension pages only, never to a content script', async () => {
    const r = await rig();
    expect(r.service.handle({ type: 'github/state' }, { tabId: 4 })).toBeUndefined();
    expect(r.service.handle({ type: 'github/check' }, { tabId: 4 })).toBeUndefined();
    expect(r.server.requests).toHaveLength(0);
    await expect(r.service.handle({ type: 'github/state' }, {})).resolves.toMatchObject({ authenticated: true });
  });

  it('puts the token in no message and no answer', async () => {
    const { refs, refTable } = table(5);
    const r = await rig({ refs: refTable });
    await lookup(r, { type: 'github/lookup', refs }, 1);
    await until(() => reportsIn(r.pages).length === 5);
    wire(r, await r.service.state());
    wire(r, await r.service.check());
    r.service.settingsChanged();
    expect(r.server.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(r.wire.length).toBeGreaterThan(5);
    expect(r.wire.filter((json) => json.includes(TOKEN))).toEqual([]);
  });
});

describe('the connection check', () => {
  async function check(r: Rig): Promise<ConnectionCheck> {
    return r.service.check();
  }

  it('says connected, how, and how much quota is left', async () => {
    const r = await rig();
    const result = await check(r);
    expect(result).toMatchObject({ ok: true, kind: 'ok' });
    expect(result.message).toMatch(
      new RegExp(`^Connected to ${r.server.origin.replace('http://', '')} with the token\\. `),
    );
    const anonymous = await rig({ token: null });
    expect((await check(anonymous)).message).toMatch(
      /without a token\. .*\d+ of 60 look-ups left this hour .*A token raises this to 5,000\./,
    );
  });

  it('says a bad token in words', async () => {
    const r = await rig({ token: 'ghp_wrong_token_wrong_token' });
    expect(await check(r)).toMatchObject({
      ok: false,
      kind: 'bad-token',
      message: expect.stringMatching(/^GitHub did not accept the token \(HTTP 401\)/),
    });
    expect((await r.service.state()).problem).toMatch(/did not accept the token/);
  });

  it('says a spent quota in words: reachable, but look-ups wait', async () => {
    const r = await rig({ token: null });
    r.server.setLimit('core', { remaining: 0 });
    expect(await check(r)).toMatchObject({
      ok: false,
      kind: 'rate-limited',
      message: expect.stringMatching(
        /^GitHub's rate limit is used up\. Looking up again in \d+ min\. A token raises the limit\.$/,
      ),
    });
  });

  it('says a server error and a secondary rate limit in words', async () => {
    let answer: { status: number; headers: Record<string, string> } = { status: 502, headers: {} };
    const plain = createServer((_request, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(
        JSON.stringify({
          message: answer.status === 502 ? 'Server Error' : 'You have exceeded a secondary rate limit.',
        }),
      );
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => plain.close(() => resolve())));
    const r = await rig();
    await writeSettings(r.storage, r.vault, {
      apiBase: `http://127.0.0.1:${(plain.address() as AddressInfo).port}`,
      token: TOKEN,
    });
    expect(await check(r)).toMatchObject({
      ok: false,
      kind: 'server-error',
      message: expect.stringMatching(/^GitHub had a server error \(HTTP 502\)/),
    });
    answer = { status: 429, headers: { 'retry-after': '120' } };
    expect(await check(r)).toMatchObject({
      ok: false,
      kind: 'rate-limited',
      message: expect.stringMatching(/secondary rate limit\)\. Looking up again in 2 min\./),
    });
  });

  it('tells an address where no GitHub API answers', async () => {
    const plain = createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not here</h1>');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => plain.close(() => resolve())));
    const r = await rig();
    await writeSettings(r.storage, r.vault, {
      apiBase: `http://127.0.0.1:${(plain.address() as AddressInfo).port}/api/v3`,
      token: null,
    });
    expect(await check(r)).toMatchObject({
      ok: false,
      kind: 'not-github',
      message: expect.stringMatching(/has no GitHub API at/),
    });
  });

  it('tells an unreachable host', async () => {
    const r = await rig();
    await r.server.close();
    cleanups.splice(0, 1);
    expect(await check(r)).toMatchObject({
      ok: false,
      kind: 'offline',
      message: expect.stringMatching(/^Could not reach 127\.0\.0\.1:\d+: offline, or the API address is wrong\./),
    });
  });
});
