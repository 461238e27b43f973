// Asking the browser not to evict our data under storage pressure. Extensions with the
// `unlimitedStorage` permission are exempt already; elsewhere `persist()` may be granted or not.

export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'>;

export async function requestPersistentStorage(
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<PersistenceState> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    // Some browsers throw instead of answering no (Firefox in private windows).
    return 'best-effort';
  }
}

export function describePersistence(state: PersistenceState): string {
  switch (state) {
    case 'persisted':
      return 'Your notes are kept in persistent storage: the browser will not remove them to free space.';
    case 'best-effort':
      return 'The browser may remove your notes if it runs short of disk space. Export them from time to time to keep a copy.';
    case 'unsupported':
      return 'This browser cannot promise to keep your notes when it runs short of space. Export them from time to time to keep a copy.';
  }
}

/** Bytes used and available to the extension, when the browser says. */
export async function storageUsage(
  storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage,
): Promise<{ usage: number; quota: number } | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
