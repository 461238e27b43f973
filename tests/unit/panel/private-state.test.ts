// @vitest-environment happy-dom
// The panel's private layer over a real (fake-indexeddb) store: notes saved as typed, other windows'
// changes, what's new, follows, ticks, the same notes in another rendering, and failures in words.
import 'fake-indexeddb/auto';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { createDraftStash } from '../../../lib/panel/draft-stash';
import { createPrivateState, type PrivateOptions } from '../../../lib/panel/private-state';
import { storedRenderingLinks } from '../../../lib/panel/rendering-links';
import { openStore, StoreError, type AgendaStore } from '../../../lib/store';
import { parseGdocs, parseGithub } from '../agenda/helpers';
import { uniqueName } from '../store/helpers';
import { readFixture, readSeed } from '../../support/fixtures';
import { mergeHistory } from '../../../lib/history/merge';

const seed = readSeed();
const docs = parseGdocs(seed).agenda;
const github = parseGithub(seed, 'sig-auth/meeting-notes-2018.md').agenda;

/** An item of 2018-11-28 with a reference, as in the seed. */
function itemWithRef(agenda: Agenda) {
  const meeting = agenda.meetings.find((m) => m.key === '2018-11-28')!;
  const stack = meeting.sections.flatMap((s) => s.items);
  while (stack.length > 0) {
    const item = stack.shift()!;
    if (item.refs.length > 0) return item;
    stack.push(...item.children);
  }
  throw new Error('no item with a reference');
}

const opened: AgendaStore[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()?.close();
});

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  };
}

function setup(
  agenda: Agenda | null,
  names: { name: string; channelName: string },
  extra: Partial<PrivateOptions> = {},
) {
  const shown = signal<Agenda | null>(agenda);
  const state = createPrivateState(shown, {
    open: async () => {
      const store = await openStore(names);
      opened.push(store);
      return store;
    },
    autosaveDelayMs: 5,
    reloadDelayMs: 5,
    persist: async () => 'persisted',
    ...extra,
  });
  return { shown, state };
}

function names() {
  return { name: uniqueName('db'), channelName: uniqueName('channel') };
}

async function ready(state: ReturnType<typeof createPrivateState>) {
  await state.open();
  await vi.waitFor(() => expect(state.ready.value).toBe(true));
}

describe('the private layer of the panel', () => {
  it('saves a note as it is typed, shows it on its item, and keeps it for the next panel', async () => {
    const db = names();
    const storage = memoryStorage();
    const { state } = setup(docs, db, { stash: createDraftStash(storage) });
    await ready(state);
    const item = itemWithRef(docs);
    const id = state.newNoteId();
    state.editNote(id, item.key, 'Ask', 0);
    state.editNote(id, item.key, 'Ask about beta', 0);
    expect(state.saves.value.get(id)).toEqual({ state: 'saving' });
    expect(storage.length).toBe(1);
    await vi.waitFor(() => expect(state.saves.value.get(id)).toEqual({ state: 'saved' }));
    expect(state.notesOn(item.key).map((n) => n.body)).toEqual(['Ask about beta']);
    expect(state.noteKeys.value.has(item.key)).toBe(true);
    expect(state.pageMarks.value?.notes).toEqual([item.key]);
    expect(storage.length).toBe(0);
    // Persistent storage was asked for, and the answer kept to be shown.
    expect(state.persistence.value).toBe('persisted');

    const next = setup(docs, db);
    await ready(next.state);
    expect(next.state.notesOn(item.key).map((n) => n.body)).toEqual(['Ask about beta']);
  });

  it('saves text a closed panel left unsaved', async () => {
    const db = names();
    const storage = memoryStorage();
    const item = itemWithRef(docs);
    // A panel that closed 1 ms after a keystroke: the text is only in the stash.
    const first = setup(docs, db, { stash: createDraftStash(storage), autosaveDelayMs: 60_000 });
    await ready(first.state);
    first.state.editNote(first.state.newNoteId(), item.key, 'Typed just before closing', 0);

    const next = setup(docs, db, { stash: createDraftStash(storage) });
    await ready(next.state);
    await vi.waitFor(() =>
      expect(next.state.notesOn(item.key).map((n) => n.body)).toEqual(['Typed just before closing']),
    );
    expect(storage.length).toBe(0);
  });

  it("hears another window's note within the reload delay", async () => {
    const db = names();
    const a = setup(docs, db);
    const b = setup(docs, db);
    await ready(a.state);
    await ready(b.state);
    const meetingKey = docs.meetings[2]!.key;
    a.state.editNote(a.state.newNoteId(), meetingKey, 'From window A', 0);
    await vi.waitFor(() => expect(b.state.notesOn(meetingKey).map((n) => n.body)).toEqual(['From window A']));
  });

  it('shows the notes of one document in its other rendering, once the user says it is the same document', async () => {
    const db = names();
    const { shown, state } = setup(docs, db);
    await ready(state);
    const item = itemWithRef(docs);
    state.editNote(state.newNoteId(), item.key, 'Written on the Google Doc', 0);
    await vi.waitFor(() => expect(state.noteKeys.value.size).toBe(1));

    shown.value = github;
    await vi.waitFor(() => expect(state.ready.value).toBe(true));
    await vi.waitFor(() => expect(state.offers.value.map((offer) => offer.agendaId)).toEqual([docs.id]));
    state.answerOffer(docs.id, 'same');
    expect(state.offers.value).toEqual([]);
    await vi.waitFor(() => expect(state.notesOn(item.key).map((n) => n.body)).toEqual(['Written on the Google Doc']));
    // Edits made here keep the note where it was written.
    const note = state.notesOn(item.key)[0]!;
    state.editNote(note.id, item.key, 'Edited on GitHub', note.revision);
    await vi.waitFor(() => expect(state.saves.value.get(note.id)).toEqual({ state: 'saved' }));
    expect(state.notesOn(item.key)[0]).toMatchObject({ agendaId: docs.id, body: 'Edited on GitHub' });
  });

  describe('a page that copies an annotated agenda', () => {
    const copy = {
      ...github,
      id: 'https://pages.example/copied-agenda.html',
      url: 'https://pages.example/copied-agenda.html',
    };

    async function annotated(storage: Storage) {
      const db = names();
      const links = storedRenderingLinks(storage);
      const { shown, state } = setup(docs, db, { renderings: links });
      await ready(state);
      const item = itemWithRef(docs);
      state.editNote(state.newNoteId(), item.key, 'Private: ask Jordan about the budget', 0);
      await state.follow('ref', item.refs[0]!);
      await vi.waitFor(() => expect(state.noteKeys.value.size).toBe(1));
      shown.value = copy;
      await vi.waitFor(() => expect(state.ready.value).toBe(true));
      return { db, shown, state, item };
    }

    it('is shown none of the notes, and given no marks, until the user answers', async () => {
      const { state, item } = await annotated(memoryStorage());
      await vi.waitFor(() => expect(state.offers.value).toHaveLength(1));
      expect(state.offers.value[0]).toMatchObject({ agendaId: docs.id, notes: 1, follows: 1, ticks: 0 });
      expect(state.offers.value[0]!.shared).toBeGreaterThanOrEqual(5);
      expect(state.notesOn(item.key)).toEqual([]);
      expect(state.notes.value).toEqual([]);
      expect(state.followed.value).toEqual([]);
      expect(state.pageMarks.value).toEqual({ agendaId: copy.id, notes: [], follows: [] });
    });

    it('kept apart, is never offered them again, and nothing stored is lost', async () => {
      const storage = memoryStorage();
      const { db, shown, state, item } = await annotated(storage);
      await vi.waitFor(() => expect(state.offers.value).toHaveLength(1));
      state.answerOffer(docs.id, 'apart');
      expect(state.offers.value).toEqual([]);

      // Another panel later, on the same browser: not asked again, still nothing shown.
      const later = setup(copy, db, { renderings: storedRenderingLinks(storage) });
      await ready(later.state);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(later.state.offers.value).toEqual([]);
      expect(later.state.notes.value).toEqual([]);
      // The notes are where they were written, on the Doc.
      shown.value = docs;
      await vi.waitFor(() =>
        expect(state.notesOn(item.key).map((n) => n.body)).toEqual(['Private: ask Jordan about the budget']),
      );
    });

    it('said to be the same document, shows them and marks them, and stays linked in the next panel', async () => {
      const storage = memoryStorage();
      const { db, state, item } = await annotated(storage);
      await vi.waitFor(() => expect(state.offers.value).toHaveLength(1));
      state.answerOffer(docs.id, 'same');
      await vi.waitFor(() => expect(state.notesOn(item.key)).toHaveLength(1));
      expect(state.pageMarks.value?.notes).toContain(item.key);
      expect(state.pageMarks.value?.follows).toContain(item.key);

      const later = setup(copy, db, { renderings: storedRenderingLinks(storage) });
      await ready(later.state);
      await vi.waitFor(() => expect(later.state.notesOn(item.key)).toHaveLength(1));
      expect(later.state.offers.value).toEqual([]);
    });
  });

  it('marks nothing on the first visit, then what was added, until the meeting is seen', async () => {
    const db = names();
    const older = { ...docs, meetings: docs.meetings.slice(1) };
    const { shown, state } = setup(older, db);
    await ready(state);
    expect(state.novelty.value?.meetings.size).toBe(0);

    shown.value = docs;
    const added = docs.meetings[0]!.key;
    // The first visit's record is written in the background; on a busy machine it may land after the switch.
    await vi.waitFor(() => expect([...state.novelty.value!.meetings]).toEqual([[added, 'new']]));
    await state.markSeen([added]);
    expect(state.novelty.value?.meetings.size).toBe(0);
  });

  it('follows a reference across meetings and stops following it', async () => {
    const { state } = setup(docs, names());
    await ready(state);
    const item = itemWithRef(docs);
    const ref = item.refs[0]!;
    expect(await state.follow('ref', ref)).toBeNull();
    expect(state.followedAs('ref', ref)?.label).toBe(ref);
    expect(state.timelines.value[0]?.some((entry) => entry.itemKey === item.key)).toBe(true);
    expect(state.followedKeys.value.has(item.key)).toBe(true);
    expect(state.pageMarks.value?.follows).toContain(item.key);

    expect(await state.follow('ref', 'not a reference')).toMatch(/is not a GitHub reference/);
    await state.unfollow(state.followedAs('ref', ref)!);
    expect(state.followed.value).toEqual([]);
    expect(state.followedKeys.value.size).toBe(0);
  });

  it('ticks an action item off, for this panel and the next', async () => {
    const db = names();
    const { state } = setup(docs, db);
    await ready(state);
    const action = state.actions.value[0]!;
    await state.setDone(action, true);
    expect(state.done.value.has(action.itemKey)).toBe(true);
    const next = setup(docs, db);
    await ready(next.state);
    expect(next.state.done.value.has(action.itemKey)).toBe(true);
  });

  describe("over a group's whole history", () => {
    const archive2017 = parseGithub(
      readFixture('agendas/sig-auth_archive_meeting-notes-2017.md'),
      'sig-auth/archive/meeting-notes-2017.md',
    ).agenda;
    const history = mergeHistory(
      github,
      ['https://github.com/kubernetes/community/blob/master/sig-auth/meeting-notes-2018.md'],
      [
        {
          path: 'sig-auth/archive/meeting-notes-2017.md',
          url: 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2017.md',
          label: '2017',
          agenda: archive2017,
          problem: null,
        },
      ],
    ).agenda;

    function setupScoped(db: { name: string; channelName: string }, scoped: Agenda | null) {
      const page = signal<Agenda | null>(github);
      const scope = signal<Agenda | null>(scoped ?? github);
      const state = createPrivateState(
        page,
        { open: async () => opened[opened.push(await openStore(db)) - 1]!, persist: async () => 'persisted' },
        scope,
      );
      return { state, scope };
    }

    it('follows a reference through every year, and lists threads and action items of every year', async () => {
      const { state, scope } = setupScoped(names(), history);
      await ready(state);
      expect(await state.follow('ref', 'kubernetes/community#911')).toBeNull();
      const years = new Set(state.timelines.value[0]!.map((entry) => entry.date.slice(0, 4)));
      expect([...years].sort()).toEqual(['2017', '2018']);
      expect(state.threads.value.some((t) => t.earliestDate < '2018' && t.latestDate >= '2018')).toBe(true);
      expect(state.actions.value.some((a) => a.date < '2018')).toBe(true);
      // Back to the page alone: only this year's.
      scope.value = github;
      expect(new Set(state.timelines.value[0]!.map((entry) => entry.date.slice(0, 4)))).toEqual(new Set(['2018']));
      expect(state.actions.value.every((a) => a.date >= '2018')).toBe(true);
    });

    it("ticks off an action item of an earlier year, kept with this agenda's ticks for the next panel", async () => {
      const db = names();
      const { state } = setupScoped(db, history);
      await ready(state);
      const old = state.actions.value.find((a) => a.date < '2018')!;
      await state.setDone(old, true);
      expect(state.done.value.has(old.itemKey)).toBe(true);
      const next = setupScoped(db, history);
      await ready(next.state);
      expect(next.state.done.value.has(old.itemKey)).toBe(true);
    });
  });

  it('lists a note whose item is gone as detached, and attaches it elsewhere', async () => {
    const db = names();
    const { shown, state } = setup(docs, db);
    await ready(state);
    const item = itemWithRef(docs);
    state.editNote(state.newNoteId(), item.key, 'Keep me', 0);
    await vi.waitFor(() => expect(state.noteKeys.value.size).toBe(1));
    shown.value = { ...docs, meetings: docs.meetings.filter((m) => m.key !== '2018-11-28') };
    expect(state.placement.value?.detached.map((d) => [d.note.body, d.quote])).toEqual([['Keep me', item.text]]);
    const elsewhere = shown.value.meetings[0]!.key;
    await state.reattach(state.placement.value!.detached[0]!.note.id, elsewhere);
    expect(state.placement.value?.detached).toEqual([]);
    expect(state.notesOn(elsewhere).map((n) => n.body)).toEqual(['Keep me']);
  });

  it('refuses a file that is not an export, in words, and changes nothing', async () => {
    const { state } = setup(docs, names());
    await ready(state);
    await state.importJson('{"hello": "world"}');
    expect(state.notice.value).toMatch(/not an agenda overlay export/);
    expect(state.notes.value).toEqual([]);
  });

  it('says why when the store cannot open, and the rest keeps working', async () => {
    const state = createPrivateState(signal(docs), {
      open: () => Promise.reject(new StoreError('unavailable', 'Could not open your saved notes: no database.')),
    });
    await state.open();
    expect(state.problem.value).toBe('Could not open your saved notes: no database.');
    expect(state.ready.value).toBe(false);
    expect(state.actions.value.length).toBeGreaterThan(0);
  });

  it('keeps the text and says so when a save fails', async () => {
    const { state } = setup(docs, names());
    await ready(state);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota;
    });
    const id = state.newNoteId();
    const key = docs.meetings[1]!.key;
    state.editNote(id, key, 'Important', 0);
    await vi.waitFor(() => expect(state.saves.value.get(id)?.state).toBe('failed'));
    expect(state.saves.value.get(id)).toMatchObject({ message: expect.stringMatching(/no storage space left/) });
    expect(state.unsaved(id)).toBe('Important');
    spy.mockRestore();
    state.editNote(id, key, 'Important!', 0);
    await vi.waitFor(() => expect(state.saves.value.get(id)).toEqual({ state: 'saved' }));
    expect(state.notesOn(key).map((n) => n.body)).toEqual(['Important!']);
  });

  it('keeps both texts when two windows edit one note at once', async () => {
    const db = names();
    const a = setup(docs, db);
    const b = setup(docs, db);
    await ready(a.state);
    await ready(b.state);
    const key = docs.meetings[1]!.key;
    const id = a.state.newNoteId();
    a.state.editNote(id, key, 'shared v1', 0);
    await vi.waitFor(() => expect(b.state.notesOn(key).map((n) => n.body)).toEqual(['shared v1']));
    const loaded = b.state.notesOn(key)[0]!.revision;
    // A's editor still holds the text of revision 1 when B saves on top of it …
    b.state.editNote(id, key, 'shared v1 and B', loaded);
    await vi.waitFor(() => expect(a.state.notesOn(key)[0]?.body).toBe('shared v1 and B'));
    // … and A, typing on, started from revision 1: its save is merged, B's text is kept.
    a.state.editNote(id, key, 'shared v1 and A', 1);
    await vi.waitFor(() => expect(a.state.saves.value.get(id)).toEqual({ state: 'saved' }));
    const note = a.state.notesOn(key)[0]!;
    expect([note.body, ...note.conflicts.map((c) => c.body)].sort()).toEqual(['shared v1 and A', 'shared v1 and B']);
  });

  it("becomes ready when another window's change arrives while the agenda is still loading", async () => {
    const db = names();
    const writer = setup(docs, db);
    await ready(writer.state);
    let releaseSeen: (() => void) | null = null;
    const slow = setup(docs, db, {
      open: async () => {
        const store = await openStore(db);
        opened.push(store);
        const all = store.seen.all.bind(store.seen);
        // The first read of every agenda's snapshots is slow; a note from the other window lands meanwhile.
        store.seen.all = () => new Promise((resolve) => (releaseSeen = () => void all().then(resolve)));
        return store;
      },
    });
    const opening = slow.state.open();
    await vi.waitFor(() => expect(releaseSeen).not.toBeNull());
    const key = docs.meetings[3]!.key;
    writer.state.editNote(writer.state.newNoteId(), key, 'While you were loading', 0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    releaseSeen!();
    await opening;
    await vi.waitFor(() => expect(slow.state.ready.value).toBe(true));
    await vi.waitFor(() => expect(slow.state.notesOn(key).map((n) => n.body)).toEqual(['While you were loading']));
  });

  it('stays deleted when deleted while a save is waiting', async () => {
    const db = names();
    const storage = memoryStorage();
    const { state } = setup(docs, db, { stash: createDraftStash(storage), autosaveDelayMs: 30 });
    await ready(state);
    const key = docs.meetings[1]!.key;
    const id = state.newNoteId();
    state.editNote(id, key, 'v1', 0);
    await vi.waitFor(() => expect(state.saves.value.get(id)).toEqual({ state: 'saved' }));
    state.editNote(id, key, 'v1 more', state.notesOn(key)[0]!.revision);
    await state.deleteNote(id);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(state.notesOn(key)).toEqual([]);
    expect(storage.length).toBe(0);
    const next = setup(docs, db, { stash: createDraftStash(storage) });
    await ready(next.state);
    expect(next.state.notes.value).toEqual([]);
  });

  it('does not let a stashed older draft win over newer text when a panel reopens', async () => {
    const db = names();
    const storage = memoryStorage();
    const clockNow = { t: Date.UTC(2026, 0, 1) };
    const key = docs.meetings[1]!.key;
    const a = setup(docs, db, { stash: createDraftStash(storage), autosaveDelayMs: 60_000, now: () => clockNow.t });
    await ready(a.state);
    const id = a.state.newNoteId();
    // A types at 10:00 and its panel closes before saving; B writes the same note at 10:05.
    a.state.editNote(id, key, 'A older edit', 0);
    clockNow.t += 5 * 60_000;
    const b = setup(docs, db, { now: () => clockNow.t });
    await ready(b.state);
    b.state.editNote(id, key, 'B newer edit', 0);
    await vi.waitFor(() => expect(b.state.saves.value.get(id)).toEqual({ state: 'saved' }));

    clockNow.t += 60_000;
    const reopened = setup(docs, db, { stash: createDraftStash(storage), now: () => clockNow.t });
    await ready(reopened.state);
    await vi.waitFor(() => expect(storage.length).toBe(0));
    const note = (await vi.waitFor(async () => {
      const [found] = reopened.state.notesOn(key);
      expect(found?.conflicts.length).toBe(1);
      return found!;
    }))!;
    expect(note.body).toBe('B newer edit');
    expect(note.conflicts.map((c) => c.body)).toEqual(['A older edit']);
  });

  it('keeps an emptied note in its editor but marks the row no more', async () => {
    const { state } = setup(docs, names());
    await ready(state);
    const key = docs.meetings[1]!.key;
    const id = state.newNoteId();
    state.editNote(id, key, 'Something', 0);
    await vi.waitFor(() => expect(state.noteKeys.value.has(key)).toBe(true));
    state.editNote(id, key, '', state.notesOn(key)[0]!.revision);
    await vi.waitFor(() => expect(state.noteKeys.value.has(key)).toBe(false));
    expect(state.notesOn(key).map((n) => n.id)).toEqual([id]);
  });

  it('says why a tick could not be saved and leaves the action item as it was', async () => {
    const { state } = setup(docs, names());
    await ready(state);
    const action = state.actions.value[0]!;
    const before = state.done.value;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    await state.setDone(action, true);
    spy.mockRestore();
    expect(state.notice.value).toMatch(/no storage space left/);
    expect(state.done.value.has(action.itemKey)).toBe(false);
    // A new value, so that the box the user clicked is drawn again as stored.
    expect(state.done.value).not.toBe(before);
  });
});
