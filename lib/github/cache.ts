// The status cache: IndexedDB in a database of its own, keyed by API base and reference, so that what is
// known shows at once. Freshness rules live here too: open items change often, settled ones rarely,
// and failures are never kept, except a not-found, briefly (a typo'd reference should not cost a request
// on every look, but a repository made public should show soon).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RateLimit } from './rate-limit';
import { isSettled, type RefFailure, type RefStatus } from './status';

export interface CachedRef {
  /** The API base the status came from: the same `owner/repo#1` differs between github.com and an Enterprise host. */
  base: string;
  ref: string;
  status: RefStatus | null;
  /** Only one failure is ever cached: not-found. */
  notFound: RefFailure | null;
  /** The issue answer's ETag, for `If-None-Match` (REST only). */
  etag: string | null;
  /** The pulls answer's ETag, when the pulls endpoint had to be asked. */
  pullEtag: string | null;
  /** Whether a token was used: an anonymous not-found may be a private repository a token can see. */
  authenticated: boolean;
  /**
   * Which credential fetched it (lib/github/credential.ts): what a token saw is served only with that token.
   * Entries stored before this was recorded have none, and are not served to anyone with a token's rights.
   */
  credential?: string;
  storedAt: number;
}

/** How long and how many statuses are kept: the cache is pruned to these whenever a client is made. */
export const STATUS_CACHE_LIMITS = {
  /** Settled statuses are fresh for days; past a month an entry is worth no more than its ETag. */
  maxAgeMs: 30 * 24 * 60 * 60 * 1000,
  /** A few of the longest agendas. */
  maxEntries: 50_000,
};

/** Whether an entry may be served to a client using `credential`: anonymous answers are public, others are its own. */
export function servesCredential(entry: CachedRef, credential: string): boolean {
  return !entry.authenticated || entry.credential === credential;
}

export interface StoredRateLimit {
  base: string;
  /** `anonymous:core`, `token:graphql` … */
  key: string;
  limit: RateLimit;
}

export interface StatusCache {
  getMany(base: string, refs: readonly string[]): Promise<CachedRef[]>;
  putMany(entries: readonly CachedRef[]): Promise<void>;
  getRateLimit(base: string, key: string): Promise<RateLimit | null>;
  putRateLimit(base: string, key: string, limit: RateLimit): Promise<void>;
  /** Drops entries stored before `before` (ms since the epoch); returns how many. */
  prune(before: number): Promise<number>;
  /** Drops what a token other than `credential` fetched (everything a token fetched, when anonymous); returns how many. */
  forgetOtherCredentials(credential: string): Promise<number>;
  /** Drops the oldest entries beyond `maxEntries`; returns how many. */
  trim(maxEntries: number): Promise<number>;
  count(): Promise<number>;
  clear(): Promise<void>;
  close(): void;
}

export interface Freshness {
  /** Open issues and pull requests (drafts included). */
  openMs: number;
  /** Merged, closed, completed and not-planned ones. */
  settledMs: number;
  /** A cached not-found. */
  notFoundMs: number;
  /** Any other failure, kept in memory only: how long before a plain look-up tries again. */
  failureRetryMs: number;
}

export const DEFAULT_FRESHNESS: Freshness = {
  openMs: 60 * 60 * 1000,
  settledMs: 3 * 24 * 60 * 60 * 1000,
  notFoundMs: 10 * 60 * 1000,
  failureRetryMs: 30 * 1000,
};

/** Whether a status is still within its freshness window. */
export function isFreshStatus(status: RefStatus, now: number, freshness: Freshness): boolean {
  const maxAge = isSettled(status.state) ? freshness.settledMs : freshness.openMs;
  return now - status.fetchedAt < maxAge;
}

export const CACHE_DB_NAME = 'agenda-overlay-github';
/** Bump with an upgrade step when the shape of what is stored changes. */
export const CACHE_DB_VERSION = 1;

interface CacheSchema extends DBSchema {
  refs: { key: [string, string]; value: CachedRef; indexes: { storedAt: number } };
  limits: { key: [string, string]; value: StoredRateLimit };
}

/** The IndexedDB cache. In the extension, open it in the background only: it owns the GitHub state. */
export async function openStatusCache(name: string = CACHE_DB_NAME): Promise<StatusCache> {
  const db: IDBPDatabase<CacheSchema> = await openDB<CacheSchema>(name, CACHE_DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const refs = database.createObjectStore('refs', { keyPath: ['base', 'ref'] });
        refs.createIndex('storedAt', 'storedAt');
        database.createObjectStore('limits', { keyPath: ['base', 'key'] });
      }
    },
  });
  return {
    async getMany(base, refs) {
      const tx = db.transaction('refs', 'readonly');
      const found = await Promise.all(refs.map((ref) => tx.store.get([base, ref])));
      await tx.done;
      return found.filter((entry): entry is CachedRef => entry !== undefined);
    },
    async putMany(entries) {
      if (entries.length === 0) return;
      const tx = db.transaction('refs', 'readwrite');
      await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
    },
    async getRateLimit(base, key) {
      return (await db.get('limits', [base, key]))?.limit ?? null;
    },
    async putRateLimit(base, key, limit) {
      await db.put('limits', { base, key, limit });
    },
    async prune(before) {
      const tx = db.transaction('refs', 'readwrite');
      let removed = 0;
      let cursor = await tx.store.index('storedAt').openCursor(IDBKeyRange.upperBound(before, true));
      while (cursor) {
        await cursor.delete();
        removed++;
        cursor = await cursor.continue();
      }
      await tx.done;
      return removed;
    },
    async forgetOtherCredentials(credential) {
      const tx = db.transaction('refs', 'readwrite');
      let removed = 0;
      for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
        if (servesCredential(cursor.value, credential)) continue;
        await cursor.delete();
        removed++;
      }
      await tx.done;
      return removed;
    },
    async trim(maxEntries) {
      const tx = db.transaction('refs', 'readwrite');
      let excess = (await tx.store.count()) - maxEntries;
      let removed = 0;
      // Oldest first, through the storedAt index.
      for (
        let cursor = await tx.store.index('storedAt').openCursor();
        cursor && excess > 0;
        cursor = await cursor.continue()
      ) {
        await cursor.delete();
        excess--;
        removed++;
      }
      await tx.done;
      return removed;
    },
    count() {
      return db.count('refs');
    },
    async clear() {
      const tx = db.transaction(['refs', 'limits'], 'readwrite');
      await Promise.all([tx.objectStore('refs').clear(), tx.objectStore('limits').clear(), tx.done]);
    },
    close() {
      db.close();
    },
  };
}

/** The same cache in memory: for a client that should not persist anything, and for tests. */
export function createMemoryStatusCache(): StatusCache {
  const refs = new Map<string, CachedRef>();
  const limits = new Map<string, RateLimit>();
  const key = (base: string, ref: string): string => `${base}\u0000${ref}`;
  return {
    async getMany(base, wanted) {
      return wanted.map((ref) => refs.get(key(base, ref))).filter((entry): entry is CachedRef => entry !== undefined);
    },
    async putMany(entries) {
      for (const entry of entries) refs.set(key(entry.base, entry.ref), structuredClone(entry));
    },
    async getRateLimit(base, name) {
      return limits.get(key(base, name)) ?? null;
    },
    async putRateLimit(base, name, limit) {
      limits.set(key(base, name), { ...limit });
    },
    async prune(before) {
      let removed = 0;
      for (const [k, entry] of refs) {
        if (entry.storedAt < before) {
          refs.delete(k);
          removed++;
        }
      }
      return removed;
    },
    async forgetOtherCredentials(credential) {
      let removed = 0;
      for (const [k, entry] of refs) {
        if (servesCredential(entry, credential)) continue;
        refs.delete(k);
        removed++;
      }
      return removed;
    },
    async trim(maxEntries) {
      const excess = refs.size - maxEntries;
      if (excess <= 0) return 0;
      const oldest = [...refs].sort(([, a], [, b]) => a.storedAt - b.storedAt).slice(0, excess);
      for (const [k] of oldest) refs.delete(k);
      return oldest.length;
    },
    async count() {
      return refs.size;
    },
    async clear() {
      refs.clear();
      limits.clear();
    },
    close() {},
  };
}
