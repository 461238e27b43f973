import { describe, expect, it } from 'vitest';
import { describePersistence, requestPersistentStorage, storageUsage } from '../../../lib/store/persistence';

function storage(persisted: boolean, grant: boolean | Error) {
  const calls: string[] = [];
  return {
    calls,
    persisted: async () => {
      calls.push('persisted');
      return persisted;
    },
    persist: async () => {
      calls.push('persist');
      if (grant instanceof Error) throw grant;
      return grant;
    },
  };
}

describe('persistent storage', () => {
  it('asks once, and not again when already granted', async () => {
    const granted = storage(false, true);
    expect(await requestPersistentStorage(granted)).toBe('persisted');
    expect(granted.calls).toEqual(['persisted', 'persist']);
    const already = storage(true, false);
    expect(await requestPersistentStorage(already)).toBe('persisted');
    expect(already.calls).toEqual(['persisted']);
  });

  it('reports a refusal, a failure and a browser without the API', async () => {
    expect(await requestPersistentStorage(storage(false, false))).toBe('best-effort');
    expect(await requestPersistentStorage(storage(false, new Error('private window')))).toBe('best-effort');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(describePersistence('best-effort')).toBe(
      'The browser may remove your notes if it runs short of disk space. Export them from time to time to keep a copy.',
    );
  });

  it('reads usage and quota when the browser gives them', async () => {
    expect(await storageUsage({ estimate: async () => ({ usage: 10, quota: 100 }) })).toEqual({
      usage: 10,
      quota: 100,
    });
    expect(await storageUsage({ estimate: async () => ({}) })).toBeNull();
    expect(await storageUsage(undefined)).toBeNull();
  });
});
