import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CACHE_DB_NAME,
  CACHE_DB_VERSION,
  createMemoryStatusCache,
  DEFAULT_FRESHNESS,
  isFreshStatus,
  openStatusCache,
  type CachedRef,
  type StatusCache,
} from '../../../lib/github/cache';
import type { RefStatus } from '../../../lib/github/status';

const NOW = Date.UTC(2024, 4, 1, 12);
const HOUR = 3_600_000;
let dbCount = 0;
const opened: StatusCache[] = [];

async function freshCache(): Promise<StatusCache> {
  const cache = await openStatusCache(`cache-test-${++dbCount}`);
  opened.push(cache);
  return cache;
}

afterEach(() => {
  for (const cache of opened.splice(0)) cache.close();
});

function status(ref: string, state: RefStatus['state'], fetchedAt = NOW): RefStatus {
  return {
    ref,
    kind: state === 'completed' || state === 'not-planned' ? 'issue' : 'pr',
    state,
    title: `T ${ref}`,
    updatedAt: '2024-04-01T00:00:00Z',
    url: `https://github.com/${ref}`,
    fetchedAt,
  };
}

function entry(base: string, ref: string, value: RefStatus | null, storedAt = NOW): CachedRef {
  return {
    base,
    ref,
    status: value,
    notFound: null,
    etag: `W/"${ref}"`,
    pullEtag: null,
    authenticated: false,
    storedAt,
  };
}

describe('freshness', () => {
  it('keeps open items an hour and settled ones days', () => {
    expect(DEFAULT_FRESHNESS.openMs).toBe(HOUR);
    expect(DEFAULT_FRESHNESS.settledMs).toBeGreaterThanOrEqual(24 * HOUR);
    expect(DEFAULT_FRESHNESS.notFoundMs).toBeLessThan(HOUR);
    for (const state of ['open', 'draft'] as const) {
      expect(isFreshStatus(status('a/b#1', state), NOW + HOUR - 1, DEFAULT_FRESHNESS)).toBe(true);
      expect(isFreshStatus(status('a/b#1', state), NOW + HOUR, DEFAULT_FRESHNESS)).toBe(false);
    }
    for (const state of ['merged', 'closed', 'completed', 'not-planned'] as const) {
      expect(isFreshStatus(status('a/b#1', state), NOW + 2 * HOUR, DEFAULT_FRESHNESS)).toBe(true);
      expect(isFreshStatus(status('a/b#1', state), NOW + DEFAULT_FRESHNESS.settledMs, DEFAULT_FRESHNESS)).toBe(false);
    }
  });
});

describe.each([
  ['IndexedDB', freshCache],
  ['memory', async () => createMemoryStatusCache()],
])('%s status cache', (_name, make) => {
  it('stores and reads entries, keyed by API base and reference', async () => {
    const cache = await make();
    await cache.putMany([
      entry('https://api.github.com', 'a/b#1', status('a/b#1', 'merged')),
      entry('https://api.github.com', 'a/b#2', status('a/b#2', 'open')),
      entry('https://ghe.example/api/v3', 'a/b#1', status('a/b#1', 'closed')),
    ]);
    const got = await cache.getMany('https://api.github.com', ['a/b#1', 'a/b#2', 'a/b#3']);
    expect(got.map((e) => [e.ref, e.status?.state, e.etag])).toEqual([
      ['a/b#1', 'merged', 'W/"a/b#1"'],
      ['a/b#2', 'open', 'W/"a/b#2"'],
    ]);
    const enterprise = await cache.getMany('https://ghe.example/api/v3', ['a/b#1']);
    expect(enterprise.map((e) => e.status?.state)).toEqual(['closed']);
  });

  it('replaces an entry, keeps rate limits, prunes old entries and clears', async () => {
    const cache = await make();
    await cache.putMany([
      entry('b', 'a/b#1', status('a/b#1', 'open'), NOW - 40 * 24 * HOUR),
      entry('b', 'a/b#2', status('a/b#2', 'open')),
    ]);
    await cache.putMany([entry('b', 'a/b#2', status('a/b#2', 'merged'))]);
    expect((await cache.getMany('b', ['a/b#2']))[0]?.status?.state).toBe('merged');

    const limit = { resource: 'core', limit: 60, remaining: 3, used: 57, resetAt: NOW + HOUR, observedAt: NOW };
    await cache.putRateLimit('b', 'anonymous:core', limit);
    expect(await cache.getRateLimit('b', 'anonymous:core')).toEqual(limit);
    expect(await cache.getRateLimit('b', 'token:graphql')).toBeNull();

    expect(await cache.prune(NOW - 30 * 24 * HOUR)).toBe(1);
    expect((await cache.getMany('b', ['a/b#1', 'a/b#2'])).map((e) => e.ref)).toEqual(['a/b#2']);
    await cache.clear();
    expect(await cache.getMany('b', ['a/b#2'])).toEqual([]);
    expect(await cache.getRateLimit('b', 'anonymous:core')).toBeNull();
  });
});

describe('the IndexedDB database', () => {
  it('is a database of its own, versioned, with a refs and a limits store', async () => {
    const cache = await openStatusCache();
    await cache.putMany([entry('b', 'a/b#1', status('a/b#1', 'open'))]);
    cache.close();
    const db = await openDB(CACHE_DB_NAME);
    expect(CACHE_DB_NAME).toBe('agenda-overlay-github');
    expect(db.version).toBe(CACHE_DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['limits', 'refs']);
    expect(await db.count('refs')).toBe(1);
    db.close();
  });
});
