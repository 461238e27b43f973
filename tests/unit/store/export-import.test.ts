import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../lib/store/errors';
import { describeImport } from '../../../lib/store/export-import';
import { readExportFile, type ExportFile } from '../../../lib/store/export-format';
import { agenda, keyOf, sigAuth } from '../../support/agenda-builder';
import { clock, dumpDatabase, itemTarget, openTestStore, target, type TestStore } from './helpers';

const SIG = agenda(sigAuth());
const opened: TestStore[] = [];
afterEach(() => opened.splice(0).forEach((t) => t.store.close()));

async function fresh(): Promise<TestStore> {
  const test = await openTestStore({ clock: clock() });
  opened.push(test);
  return test;
}

/** A store holding two notes (one with a kept concurrent version), two follows and a tick. */
async function filled(): Promise<TestStore> {
  const test = await fresh();
  const { store } = test;
  const onItem = {
    id: 'note-item',
    agendaId: SIG.id,
    target: target(SIG, keyOf(SIG, '2018-10-31', 'klizhentas')),
    baseRevision: 0,
  };
  await store.notes.save({ ...onItem, body: 'Ask about beta criteria', editedAt: 1000 });
  await store.notes.save({ ...onItem, body: 'Ask about GA criteria', baseRevision: 1, editedAt: 2000 });
  await store.notes.save({ ...onItem, body: 'written in another window', baseRevision: 1, editedAt: 1500 });
  await store.notes.save({
    id: 'note-meeting',
    agendaId: SIG.id,
    target: target(SIG, '2018-11-28'),
    body: 'Missed this one\n\n- watch the recording',
    baseRevision: 0,
    editedAt: 3000,
  });
  await store.follows.add(SIG.id, 'ref', 'kubernetes/community#911');
  await store.follows.add(SIG.id, 'phrase', 'CSR API');
  await store.ticks.set(SIG.id, itemTarget(SIG, keyOf(SIG, '2018-10-31', '[Mike]')), true);
  return test;
}

describe('export', () => {
  it('writes one versioned file with everything, sorted by id', async () => {
    const { store, clock: time } = await filled();
    const file = await store.exportData();
    expect(file.format).toBe('agenda-overlay-export');
    expect(file.version).toBe(1);
    expect(file.exportedAt).toBe(new Date(time.now()).toISOString());
    expect(file.notes.map((n) => n.id)).toEqual(['note-item', 'note-meeting']);
    expect(file.notes[0]).toMatchObject({
      body: 'Ask about GA criteria',
      revision: 3,
      conflicts: [{ body: 'written in another window', updatedAt: 1500 }],
    });
    expect(file.follows.map((f) => f.value)).toEqual(['csr api', 'kubernetes/community#911']);
    expect(file.ticks.map((t) => [t.target.quote, t.done])).toEqual([['[Mike] CSR ?', true]]);
    expect(JSON.parse(await store.exportJson())).toEqual(file);
  });

  it('writes notes as Markdown, by meeting, newest first', async () => {
    const { store } = await filled();
    expect(await store.notesMarkdown(SIG.id, { titles: { [SIG.id]: 'SIG Auth 2018' } })).toBe(
      [
        '# Notes on SIG Auth 2018',
        '',
        '## 2018-11-28',
        '',
        '### The meeting: 2018-11-28, 11a - Noon (Pacific Time)',
        '',
        'Missed this one',
        '',
        '- watch the recording',
        '',
        '## 2018-10-31',
        '',
        '### Discussion: \\[klizhentas\\] Discuss CSR API promotion out of beta https://github.com/kubernete…',
        '',
        '> \\[klizhentas\\] Discuss CSR API promotion out of beta https://github.com/kubernetes/kubernetes/issues/69836',
        '',
        'Ask about GA criteria',
        '',
        '_Also kept from an edit made at the same time (1970-01-01T00:00:01.500Z):_',
        '',
        '> written in another window',
        '',
      ].join('\n'),
    );
    expect(await store.notesMarkdown('no-such-agenda')).toBe('');
  });
});

describe('import', () => {
  it('round-trips: export, import into an empty store, export again gives the same file', async () => {
    const source = await filled();
    const text = await source.store.exportJson();
    const target = await fresh();
    const summary = await target.store.importJson(text);
    expect(summary).toEqual({
      notes: { added: 2, merged: 0, unchanged: 0 },
      follows: { added: 2, unchanged: 0 },
      ticks: { added: 1, updated: 0, unchanged: 0 },
    });
    expect(describeImport(summary)).toBe('Imported 2 notes, 2 follows and 1 tick.');
    expect(await target.store.exportJson()).toBe(text);
  });

  it('merges without duplicates: importing the same file twice adds nothing', async () => {
    const source = await filled();
    const text = await source.store.exportJson();
    const summary = await source.store.importJson(text);
    expect(summary).toEqual({
      notes: { added: 0, merged: 0, unchanged: 2 },
      follows: { added: 0, unchanged: 2 },
      ticks: { added: 0, updated: 0, unchanged: 1 },
    });
    expect(describeImport(summary)).toBe('Nothing new: everything in the file was already here.');
    expect(describeImport({ ...summary, follows: { added: 1, unchanged: 0 } })).toBe(
      'Imported 1 follow; 3 were already here.',
    );
    expect(await source.store.exportJson()).toBe(text);
  });

  it('merges notes edited on both sides, keeps the newer tick, and skips copies under another id', async () => {
    const source = await filled();
    const file = JSON.parse(await source.store.exportJson()) as ExportFile;
    const here = await filled();
    await here.store.notes.save({
      id: 'note-meeting',
      agendaId: SIG.id,
      target: target(SIG, '2018-11-28'),
      body: 'Edited here later',
      baseRevision: 1,
      editedAt: 9000,
    });
    await here.store.ticks.set(SIG.id, itemTarget(SIG, keyOf(SIG, '2018-10-31', '[Mike]')), false);
    const copy = { ...file.notes[0], id: 'same-note-other-id' }; // as if made again on another computer
    const newer = { ...file.ticks[0], updatedAt: here.clock.now() + 1 };
    const summary = await here.store.importJson(
      JSON.stringify({ ...file, notes: [...file.notes, copy], ticks: [newer] }),
    );
    expect(summary).toEqual({
      notes: { added: 0, merged: 1, unchanged: 2 },
      follows: { added: 0, unchanged: 2 },
      ticks: { added: 0, updated: 1, unchanged: 0 },
    });
    expect(describeImport(summary)).toBe('Imported 1 note (1 merged with yours) and 1 tick; 4 were already here.');
    const notes = await here.store.notes.list(SIG.id);
    expect(notes.map((n) => n.id)).toEqual(['note-item', 'note-meeting']);
    expect(notes[1]).toMatchObject({
      body: 'Edited here later',
      conflicts: [{ body: 'Missed this one\n\n- watch the recording', updatedAt: 3000 }],
    });
    expect((await here.store.ticks.list(SIG.id))[0]?.done).toBe(true);
  });
});

describe('refused imports change nothing and say why', () => {
  const good = (): ExportFile => ({
    format: 'agenda-overlay-export',
    version: 1,
    exportedAt: '2024-01-15T12:00:00.000Z',
    notes: [
      {
        id: 'n1',
        agendaId: 'a',
        target: { kind: 'meeting', meetingKey: '2018-11-28', meetingDate: '2018-11-28', quote: 'Nov 28' },
        body: 'fine',
        createdAt: 1,
        updatedAt: 2,
        revision: 1,
        conflicts: [],
      },
    ],
    follows: [{ id: 'x', agendaId: 'a', kind: 'phrase', value: 'csr api', label: 'CSR API', createdAt: 1 }],
    ticks: [],
  });
  const withNote = (change: Record<string, unknown>) =>
    JSON.stringify({ ...good(), notes: [...good().notes, { ...good().notes[0], id: 'n2', ...change }] });
  const NOT_OURS = 'This file is not an agenda overlay export';
  const DAMAGED = 'This export is damaged, so nothing was imported';

  it.each([
    ['an empty file', '  ', `${NOT_OURS}: it is empty.`],
    ['not JSON', '{"format": "agenda-overlay-export",', `${NOT_OURS}: it is not JSON (`],
    ['a JSON list', '[1, 2]', `${NOT_OURS}: it holds a list, not an export.`],
    [
      'no format tag',
      '{"notes": []}',
      `${NOT_OURS}: it has no "format" field, where an export says "agenda-overlay-export".`,
    ],
    [
      'another format',
      '{"format": "hypothesis-annotations"}',
      `${NOT_OURS}: its format is "hypothesis-annotations", where an export says "agenda-overlay-export".`,
    ],
    [
      'a future version',
      JSON.stringify({ ...good(), version: 2 }),
      'This export was made by a newer version of the extension (file format version 2; this version reads version 1). Update the extension, then import the file again. Nothing was imported.',
    ],
    [
      'a version that is text',
      JSON.stringify({ ...good(), version: '1' }),
      `${DAMAGED}: its "version" is "1", not a version number.`,
    ],
    [
      'no export date',
      JSON.stringify({ ...good(), exportedAt: 'soon' }),
      `${DAMAGED}: its "exportedAt" is "soon", not a date.`,
    ],
    [
      'notes that are not a list',
      JSON.stringify({ ...good(), notes: {} }),
      `${DAMAGED}: "notes" is a record, not a list.`,
    ],
    [
      'a note without text',
      withNote({ body: undefined }),
      `${DAMAGED}: note 2 of 2: "body" is missing, where a text was expected.`,
    ],
    [
      'a note with a bad time',
      withNote({ updatedAt: 'yesterday' }),
      `${DAMAGED}: note 2 of 2: "updatedAt" is "yesterday", where a time (milliseconds since 1970) was expected.`,
    ],
    [
      'a note on nothing',
      withNote({ target: { kind: 'page' } }),
      `${DAMAGED}: note 2 of 2, what it is attached to: "kind" is "page", where "meeting" or "item" was expected.`,
    ],
    [
      'a note with a broken anchor',
      withNote({
        target: {
          kind: 'item',
          itemKey: 'k',
          quote: 'q',
          anchor: { meetingDate: '2018-11-28', sectionKind: 'gossip', text: '', refs: [], links: [] },
        },
      }),
      `${DAMAGED}: note 2 of 2, its anchor: "sectionKind" is "gossip", where a section kind was expected.`,
    ],
    ['two notes with one id', withNote({ id: 'n1' }), `${DAMAGED}: two notes have the id "n1".`],
    [
      'a follow of an unknown kind',
      JSON.stringify({ ...good(), follows: [{ agendaId: 'a', kind: 'topic', value: 'x', createdAt: 1 }] }),
      `${DAMAGED}: follow 1 of 1: "kind" is "topic", where one of "ref", "person", "phrase" was expected.`,
    ],
    [
      'a follow of a reference that is not one',
      JSON.stringify({ ...good(), follows: [{ agendaId: 'a', kind: 'ref', value: 'CSR API', createdAt: 1 }] }),
      `${DAMAGED}: follow 1 of 1: “CSR API” is not a GitHub reference. Write it as owner/repo#123, or paste the address of the issue or pull request.`,
    ],
    [
      'a tick on a meeting',
      JSON.stringify({
        ...good(),
        ticks: [{ agendaId: 'a', target: good().notes[0]?.target, done: true, updatedAt: 1 }],
      }),
      `${DAMAGED}: tick 1 of 1 is on a meeting; ticks are on action items.`,
    ],
  ])('%s', async (_, text, reason) => {
    const test = await filled();
    const before = await dumpDatabase(test.name);
    const error = await test.store.importJson(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('import');
    expect((error as StoreError).message.startsWith(reason)).toBe(true);
    expect(await dumpDatabase(test.name)).toEqual(before);
  });

  it('accepts the good file these cases are made from', () => {
    expect(readExportFile(JSON.stringify(good()))).toMatchObject({ ok: true, file: { notes: [{ id: 'n1' }] } });
  });

  it('writes none of the good entries that come before a damaged one', async () => {
    const test = await fresh();
    const text = JSON.stringify({ ...good(), ticks: [{ agendaId: 'a', done: 'yes' }] });
    await expect(test.store.importJson(text)).rejects.toThrow(StoreError);
    expect(await test.store.notes.list('a')).toEqual([]);
    expect(await test.store.follows.list('a')).toEqual([]);
  });
});
