// Where the GitHub token is kept: IndexedDB of the extension's own origin. Extension pages and the background
// share that origin; a content script runs in the page's origin, so its `indexedDB` opens the page's databases,
// in Chrome and in Firefox alike. `storage.local` is no place for it: Firefox lets content scripts read it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The token's keeper; tests pass one in memory. */
export interface TokenVault {
  read(): Promise<string | null>;
  /** Null removes it. */
  write(token: string | null): Promise<void>;
}

export const TOKEN_DB_NAME = 'agenda-overlay-credentials';
const TOKEN_DB_VERSION = 1;
const STORE = 'secrets';
const TOKEN_KEY = 'github.token';

interface VaultSchema extends DBSchema {
  secrets: { key: string; value: string };
}

function openVault(name: string): Promise<IDBPDatabase<VaultSchema>> {
  return openDB<VaultSchema>(name, TOKEN_DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
    },
  });
}

/** The vault in this extension origin's IndexedDB. Opened for each use: a worker may stop at any time. */
export function indexedDbTokenVault(name: string = TOKEN_DB_NAME): TokenVault {
  return {
    async read() {
      const db = await openVault(name);
      try {
        const token = await db.get(STORE, TOKEN_KEY);
        return typeof token === 'string' ? token : null;
      } finally {
        db.close();
      }
    },
    async write(token) {
      const db = await openVault(name);
      try {
        if (token) await db.put(STORE, token, TOKEN_KEY);
        else await db.delete(STORE, TOKEN_KEY);
      } finally {
        db.close();
      }
    },
  };
}
