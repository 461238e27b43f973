import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../lib/store/errors';
import { applyDraft, mergeNotes, newNoteId, type NoteDraft } from '../../../lib/store/notes';
import type { NoteRecord } from '../../../lib/store/records';
import { agenda, keyOf, sigAuth } from '../../support/agenda-builder';
import { clock, openTestStore, target, type TestStore } from './helpers';

const SIG = agenda(sigAuth());
const ITEM = target(SIG, keyOf(SIG, '2018-10-31', 'klizhentas'));
const MEETING = target(SIG, '2018-11-28');

const opened: TestStore[] = [];
async function fresh(options: Parameters<typeof openTestStore>[0] = {}): Promise<TestStore> {
  const test = await openTestStore(options);
  opened.push(test);
  return test;
}
afterEach(() => {
  opened.splice(0).forEach((test) => test.store.close());
});

function draft(overrides: Partial<NoteDraft> = {}): NoteDraft {
  return { id: 'n1', agendaId: SIG.id, target: ITEM, body: 'first', baseRevision: 0, ...overrides };
}

describe('notes: create, read, update, delete', () => {
  it('creates a note on an item and one on a meeting, and lists them per agenda, oldest first', async () => {
    const { store, clock: time } = await fresh();
    const created = await store.notes.save(draft({ body: 'Ask about beta criteria' }));
    expect(created.outcome).toBe('created');
    expect(created.note).toMatchObject({ id: 'n1', revision: 1, body: 'Ask about beta criteria', conflicts: [] });
    time.advance(1000);
    await store.notes.save(draft({ id: 'n2', target: MEETING, body: 'Missed this one' }));
    await store.notes.save(draft({ id: 'other', agendaId: 'another-agenda', body: 'elsewhere' }));

    const listed = await store.notes.list(SIG.id);
    expect(listed.map((n) => [n.id, n.target.kind, n.body])).toEqual([
      ['n1', 'item', 'Ask about beta criteria'],
      ['n2', 'meeting', 'Missed this one'],
    ]);
    expect((await store.notes.get('other'))?.agendaId).toBe('another-agenda');
    expect(await store.notes.get('missing')).toBeUndefined();
  });

  it('saves edits as revisions, and a save of the same text writes nothing', async () => {
    const { store, clock: time } = await fresh();
    const first = await store.notes.save(draft());
    time.advance(500);
    const second = await store.notes.save(draft({ body: 'first, edited', baseRevision: first.note.revision }));
    expect(second.outcome).toBe('saved');
    expect(second.note.revision).toBe(2);
    expect(second.note.updatedAt).toBe(first.note.updatedAt + 500);
    expect(second.note.createdAt).toBe(first.note.createdAt);
    const again = await store.notes.save(draft({ body: 'first, edited', baseRevision: 2 }));
    expect(again.outcome).toBe('unchanged');
    expect((await store.notes.get('n1'))?.revision).toBe(2);
  });

  it('re-attaches a note to another target, and deletes it', async () => {
    const { store } = await fresh();
    await store.notes.save(draft());
    const moved = await store.notes.attach('n1', MEETING);
    expect(moved.target).toEqual(MEETING);
    expect(moved.revision).toBe(2);
    await store.notes.remove('n1');
    expect(await store.notes.get('n1')).toBeUndefined();
    await store.notes.remove('n1'); // deleting twice is harmless
    expect(await store.notes.list(SIG.id)).toEqual([]);
  });

  it('refuses to re-attach a note that no longer exists, in words', async () => {
    const { store } = await fresh();
    const error = await store.notes.attach('gone', MEETING).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('not-found');
    expect((error as StoreError).message).toBe('Could not move this note: it was deleted, perhaps in another window.');
  });

  it('re-creates a note deleted elsewhere while this window was still typing in it', async () => {
    const { store } = await fresh();
    await store.notes.save(draft());
    await store.notes.remove('n1');
    const saved = await store.notes.save(draft({ body: 'still typing', baseRevision: 1 }));
    expect(saved.outcome).toBe('created');
    expect((await store.notes.get('n1'))?.body).toBe('still typing');
  });

  it('makes random ids', () => {
    expect(newNoteId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(newNoteId()).not.toBe(newNoteId());
  });
});

describe('notes: two windows at once', () => {
  it('keeps both texts when two windows edit the same note: the newer wins, the other is kept', async () => {
    const shared = clock();
    const a = await fresh({ clock: shared });
    const b = await fresh({ clock: shared, name: a.name, channelName: a.channelName });
    const created = await a.store.notes.save(draft({ body: 'v1' }));
    // Both windows loaded revision 1. A saves first, then B, whose edit is newer.
    shared.advance(100);
    await a.store.notes.save(draft({ body: 'from A', baseRevision: created.note.revision }));
    shared.advance(100);
    const fromB = await b.store.notes.save(draft({ body: 'from B', baseRevision: created.note.revision }));
    expect(fromB.outcome).toBe('merged');
    expect(fromB.note.body).toBe('from B');
    expect(fromB.note.revision).toBe(3);
    expect(fromB.note.conflicts.map((c) => c.body)).toEqual(['from A']);
    expect(await a.store.notes.get('n1')).toEqual(fromB.note);
  });

  it('keeps the stored text when the late-arriving edit is the older one', async () => {
    const { store } = await fresh();
    const created = await store.notes.save(draft({ body: 'v1', editedAt: 1000 }));
    await store.notes.save(draft({ body: 'newer', baseRevision: created.note.revision, editedAt: 3000 }));
    const late = await store.notes.save(draft({ body: 'older, delivered late', baseRevision: 1, editedAt: 2000 }));
    expect(late.outcome).toBe('merged');
    expect(late.note.body).toBe('newer');
    expect(late.note.updatedAt).toBe(3000);
    expect(late.note.conflicts).toEqual([{ body: 'older, delivered late', updatedAt: 2000 }]);
  });

  it('loses no note when two windows save different notes at the same moment', async () => {
    const a = await fresh();
    const b = await fresh({ name: a.name, channelName: a.channelName });
    const saves = [];
    for (let i = 0; i < 20; i++) {
      saves.push(a.store.notes.save(draft({ id: `a${i}`, body: `note a${i}` })));
      saves.push(b.store.notes.save(draft({ id: `b${i}`, body: `note b${i}` })));
    }
    await Promise.all(saves);
    const bodies = (await a.store.notes.list(SIG.id)).map((n) => n.body).sort();
    expect(bodies).toHaveLength(40);
    expect(bodies).toContain('note a19');
    expect(bodies).toContain('note b0');
  });

  it('keeps both texts when two windows save the same note at the same moment', async () => {
    const a = await fresh();
    const b = await fresh({ name: a.name, channelName: a.channelName });
    const created = await a.store.notes.save(draft({ body: 'v1', editedAt: 1000 }));
    const base = created.note.revision;
    await Promise.all([
      a.store.notes.save(draft({ body: 'typed in A', baseRevision: base, editedAt: 2000 })),
      b.store.notes.save(draft({ body: 'typed in B', baseRevision: base, editedAt: 2001 })),
    ]);
    const note = (await a.store.notes.get('n1')) as NoteRecord;
    expect(note.body).toBe('typed in B');
    expect(note.conflicts.map((c) => c.body)).toEqual(['typed in A']);
    await a.store.notes.clearConflicts('n1');
    expect((await b.store.notes.get('n1'))?.conflicts).toEqual([]);
  });
});

describe('applyDraft and mergeNotes (pure)', () => {
  const base: NoteRecord = {
    id: 'n1',
    agendaId: 'a',
    target: MEETING,
    body: 'mine',
    createdAt: 100,
    updatedAt: 200,
    revision: 4,
    conflicts: [],
  };

  it('does not keep empty text or the winning text as a conflict', () => {
    expect(
      applyDraft({ ...base, body: '' }, draft({ body: 'x', baseRevision: 1, editedAt: 300 }), 300).note.conflicts,
    ).toEqual([]);
    const merged = mergeNotes(
      { ...base, conflicts: [{ body: 'theirs', updatedAt: 1 }] },
      { ...base, body: 'theirs', updatedAt: 300 },
    );
    expect(merged.note.body).toBe('theirs');
    expect(merged.note.conflicts).toEqual([{ body: 'mine', updatedAt: 200 }]);
  });

  it('merges an imported copy: newer wins, older kept, identical is unchanged', () => {
    expect(mergeNotes(base, { ...base })).toEqual({ note: base, changed: false });
    const older = mergeNotes(base, { ...base, body: 'old backup', updatedAt: 150, revision: 2 });
    expect(older.changed).toBe(true);
    expect(older.note).toMatchObject({ body: 'mine', updatedAt: 200, revision: 5 });
    expect(older.note.conflicts).toEqual([{ body: 'old backup', updatedAt: 150 }]);
    // Merging the result with the same backup again changes nothing more.
    expect(mergeNotes(older.note, { ...base, body: 'old backup', updatedAt: 150, revision: 2 }).changed).toBe(false);
  });
});
