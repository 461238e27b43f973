// @vitest-environment happy-dom
// Filters remembered per agenda: round trips, and whatever storage may hold or do instead.
import { describe, expect, it, vi } from 'vitest';
import { NO_FILTERS, type Filters } from '../../../lib/panel/filters';
import { createFilterSaver, filtersStorageKey, loadFilters, saveFilters } from '../../../lib/panel/filter-memory';

class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

const AGENDA = 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md';
const OTHER = 'gdocs:1example-agenda-document-id';

const SOME: Filters = {
  query: 'token request',
  kinds: ['pulls', 'designs'],
  person: 'liggitt',
  from: '2018-03',
  to: '2018-06',
  hideCanceled: true,
  hasRecording: false,
};

describe('filter memory', () => {
  it('round-trips filters, per agenda', () => {
    const storage = new MemoryStorage();
    saveFilters(storage, AGENDA, SOME);
    saveFilters(storage, OTHER, { ...NO_FILTERS, hasRecording: true });
    expect(loadFilters(storage, AGENDA)).toEqual(SOME);
    expect(loadFilters(storage, OTHER)).toEqual({ ...NO_FILTERS, hasRecording: true });
    expect(loadFilters(storage, 'never-seen')).toBe(NO_FILTERS);
  });

  it('forgets an agenda’s filters once none is active', () => {
    const storage = new MemoryStorage();
    saveFilters(storage, AGENDA, SOME);
    saveFilters(storage, AGENDA, NO_FILTERS);
    expect(storage.map.has(filtersStorageKey(AGENDA))).toBe(false);
    expect(loadFilters(storage, AGENDA)).toBe(NO_FILTERS);
  });

  it.each<[string, string]>([
    ['not JSON', '{"query": "tok'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"token"'],
    ['an array', '["pulls"]'],
    ['an empty object', '{}'],
    [
      'every field of the wrong type',
      '{"query":1,"kinds":"pulls","person":7,"from":201803,"to":true,"hideCanceled":"yes","hasRecording":1}',
    ],
  ])('reads %s as no filters', (_, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(filtersStorageKey(AGENDA), raw);
    expect(loadFilters(storage, AGENDA)).toEqual(NO_FILTERS);
  });

  it('keeps the fields it can read and drops the others', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      filtersStorageKey(AGENDA),
      JSON.stringify({
        query: 'audit',
        kinds: ['pulls', 'bogus', 3, 'pulls', 'demos'],
        person: ' Liggitt ',
        from: '2018-13',
        to: '2018-06',
        hideCanceled: 'true',
        hasRecording: true,
        extra: 'ignored',
      }),
    );
    expect(loadFilters(storage, AGENDA)).toEqual({
      query: 'audit',
      kinds: ['pulls', 'demos'],
      person: 'liggitt',
      from: null,
      to: '2018-06',
      hideCanceled: false,
      hasRecording: true,
    });
  });

  it('never throws when storage does', () => {
    const broken = {
      getItem(): string | null {
        throw new Error('SecurityError');
      },
      setItem(): void {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem(): void {
        throw new Error('SecurityError');
      },
    };
    expect(loadFilters(broken, AGENDA)).toBe(NO_FILTERS);
    expect(() => saveFilters(broken, AGENDA, SOME)).not.toThrow();
    expect(() => saveFilters(broken, AGENDA, NO_FILTERS)).not.toThrow();
  });

  it('stores only the filters, not whatever else rides on the object', () => {
    const storage = new MemoryStorage();
    saveFilters(storage, AGENDA, { ...SOME, secret: 'x' } as Filters);
    expect(JSON.parse(storage.getItem(filtersStorageKey(AGENDA)) ?? '')).toEqual(SOME);
  });

  it('works with the real localStorage', () => {
    saveFilters(localStorage, AGENDA, SOME);
    expect(loadFilters(localStorage, AGENDA)).toEqual(SOME);
    saveFilters(localStorage, AGENDA, NO_FILTERS);
    expect(localStorage.getItem(filtersStorageKey(AGENDA))).toBeNull();
  });
});

describe('createFilterSaver', () => {
  /** Counts the writes, to tell one from many. */
  class CountingStorage extends MemoryStorage {
    writes = 0;
    override setItem(key: string, value: string): void {
      this.writes++;
      super.setItem(key, value);
    }
  }

  it('writes not on the keystroke but once idle, only the last filters', async () => {
    vi.useFakeTimers();
    try {
      const storage = new CountingStorage();
      const saver = createFilterSaver(storage);
      saver.save(AGENDA, { ...SOME, query: 't' });
      saver.save(AGENDA, { ...SOME, query: 'to' });
      saver.save(AGENDA, SOME);
      expect(storage.writes).toBe(0);
      await vi.runAllTimersAsync();
      expect(storage.writes).toBe(1);
      expect(loadFilters(storage, AGENDA)).toEqual(SOME);
    } finally {
      vi.useRealTimers();
    }
  });

  it('loses nothing: flush writes what waits, and another agenda first writes the one before', () => {
    const storage = new MemoryStorage();
    const saver = createFilterSaver(storage);
    saver.save(AGENDA, SOME);
    saver.save(OTHER, { ...SOME, query: 'other' });
    expect(loadFilters(storage, AGENDA)).toEqual(SOME);
    expect(loadFilters(storage, OTHER)).toBe(NO_FILTERS);
    saver.flush();
    expect(loadFilters(storage, OTHER)).toEqual({ ...SOME, query: 'other' });
    saver.save(OTHER, NO_FILTERS);
    saver.flush();
    expect(storage.getItem(filtersStorageKey(OTHER))).toBeNull();
  });
});
