import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError, toStoreError } from '../../../lib/store/errors';
import { agenda, sigAuth } from '../../support/agenda-builder';
import { openTestStore, target, type TestStore } from './helpers';

const SIG = agenda(sigAuth());
const MEETING = target(SIG, '2018-11-28');

describe('toStoreError', () => {
  it.each([
    [
      'QuotaExceededError',
      'quota',
      'Could not save this note: the browser has no storage space left for this extension.',
    ],
    ['InvalidStateError', 'closed', 'Could not save this note: the connection to your saved notes was closed'],
    ['TransactionInactiveError', 'closed', 'Could not save this note: the connection to your saved notes was closed'],
    [
      'VersionError',
      'version',
      'Could not save this note: your saved notes were written by a newer version of this extension.',
    ],
    [
      'SecurityError',
      'unavailable',
      'Could not save this note: this browser profile does not let the extension keep data',
    ],
    [
      'AbortError',
      'failed',
      'Could not save this note: the browser cancelled the write before it finished. Try again.',
    ],
    ['UnknownError', 'failed', "Could not save this note: the browser's storage reported a failure"],
    [
      'DataCloneError',
      'failed',
      'Could not save this note: the saved data did not have the shape this version expects (DataCloneError).',
    ],
  ] as const)('%s → %s, in words', (name, kind, start) => {
    const error = toStoreError(new DOMException('low-level detail', name), 'save this note');
    expect(error).toBeInstanceOf(StoreError);
    expect(error.kind).toBe(kind);
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.cause).toBeInstanceOf(DOMException);
  });

  it('recognises the old quota codes, keeps StoreErrors, and words anything else', () => {
    expect(toStoreError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }, 'x').kind).toBe('quota');
    expect(toStoreError({ name: 'Error', code: 22 }, 'x').kind).toBe('quota');
    const original = new StoreError('import', 'kept as is');
    expect(toStoreError(original, 'x')).toBe(original);
    expect(toStoreError(new Error('disk on fire'), 'export your data').message).toBe(
      'Could not export your data: disk on fire',
    );
    expect(toStoreError('plain text', 'export your data').message).toBe('Could not export your data: plain text');
  });
});

describe('write failures reach the caller and write nothing', () => {
  let test: TestStore | null = null;
  afterEach(() => {
    vi.restoreAllMocks();
    test?.store.close();
  });

  function failPuts(afterCalls = 0): void {
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (calls++ >= afterCalls) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
  }

  it('rejects a save with a quota StoreError in words; the note is not half-saved', async () => {
    test = await openTestStore();
    const { store } = test;
    await store.notes.save({ id: 'n1', agendaId: SIG.id, target: MEETING, body: 'saved before', baseRevision: 0 });
    failPuts();
    const error = await store.notes
      .save({ id: 'n1', agendaId: SIG.id, target: MEETING, body: 'unsaved text the caller keeps', baseRevision: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'quota', message: expect.stringContaining('no storage space left') });
    vi.restoreAllMocks();
    expect((await store.notes.get('n1'))?.body).toBe('saved before');
  });

  it('rolls back a whole import when a write fails part-way', async () => {
    test = await openTestStore();
    const { store } = test;
    const file = {
      format: 'agenda-overlay-export',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      notes: ['a', 'b', 'c'].map((id) => ({
        id,
        agendaId: 'x',
        target: MEETING,
        body: id,
        createdAt: 1,
        updatedAt: 1,
        revision: 1,
        conflicts: [],
      })),
      follows: [],
      ticks: [],
    };
    failPuts(2);
    await expect(store.importJson(JSON.stringify(file))).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await store.notes.list('x')).toEqual([]);
  });
});
