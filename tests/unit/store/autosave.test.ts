import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNoteAutosave } from '../../../lib/store/autosave';
import { StoreError } from '../../../lib/store/errors';
import type { NoteDraft, NotesApi, SavedNote } from '../../../lib/store/notes';
import { agenda, sigAuth } from '../../support/agenda-builder';
import { openTestStore, target, type TestStore } from './helpers';

const SIG = agenda(sigAuth());
const draft = (body: string, baseRevision = 0): NoteDraft => ({
  id: 'n1',
  agendaId: SIG.id,
  target: target(SIG, '2018-11-28'),
  body,
  baseRevision,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let test: TestStore | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  test?.store.close();
});

describe('autosave', () => {
  it('saves after a pause in typing, once, with the last text', async () => {
    test = await openTestStore();
    const saved: SavedNote[] = [];
    const save = vi.spyOn(test.store.notes, 'save');
    const autosave = createNoteAutosave(test.store.notes, { delayMs: 20, onSaved: (s) => saved.push(s) });
    autosave.edit(draft('A'));
    autosave.edit(draft('As'));
    autosave.edit(draft('Ask'));
    expect(autosave.busy('n1')).toBe(true);
    await pause(80);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saved.map((s) => [s.outcome, s.note.body, s.note.revision])).toEqual([['created', 'Ask', 1]]);
    expect(autosave.busy('n1')).toBe(false);
    autosave.dispose();
  });

  it('carries the revision forward, so rapid saves from one window never conflict with each other', async () => {
    test = await openTestStore();
    const outcomes: string[] = [];
    const autosave = createNoteAutosave(test.store.notes, { delayMs: 0, onSaved: (s) => outcomes.push(s.outcome) });
    for (const body of ['a', 'ab', 'abc', 'abcd']) {
      autosave.edit(draft(body)); // the editor keeps passing the revision it loaded: 0
      await pause(1);
    }
    await autosave.flush();
    const note = await test.store.notes.get('n1');
    expect(note?.body).toBe('abcd');
    expect(note?.conflicts).toEqual([]);
    expect(outcomes.every((o) => o === 'created' || o === 'saved')).toBe(true);
  });

  it('keeps the text and reports the error in words when a save fails, then saves it on the next try', async () => {
    test = await openTestStore();
    const real = test.store.notes;
    // The first save fails as a full disk would; later ones reach the store.
    const failing: Pick<NotesApi, 'save'> = {
      save: vi.fn((d: NoteDraft) => real.save(d)).mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError')),
    };
    const errors: string[] = [];
    const autosave = createNoteAutosave(failing, { delayMs: 0, onError: (e) => errors.push(e.message) });
    autosave.edit(draft('text that must not be lost'));
    const failure = await autosave.flush().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).kind).toBe('quota');
    expect(errors).toEqual([
      expect.stringContaining('Could not save this note: the browser has no storage space left'),
    ]);
    expect(autosave.unsaved('n1')).toBe('text that must not be lost');
    await autosave.flush();
    expect(autosave.unsaved('n1')).toBeUndefined();
    expect((await real.get('n1'))?.body).toBe('text that must not be lost');
  });
});
