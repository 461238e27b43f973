// The user's private layer over the agenda shown: notes, follows, ticked action items and what is new
// since the last visit, read from and written to IndexedDB (lib/store), with the views derived from
// them. The index works without it: a store that cannot open is said in words, never a blank panel.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda, Item } from '../agenda/model';
import { flattenAgenda } from '../anchoring/flat-items';
import type { PageMarks } from '../messaging/protocol';
import {
  actionItems,
  canonicalFollow,
  createNoteAutosave,
  describeImport,
  followTimelines,
  newNoteId,
  placeNotes,
  recurringRefs,
  requestPersistentStorage,
  sameDocumentIds,
  targetFor,
  tickedKeys,
  toStoreError,
  whatsNew,
  type ActionItem,
  type AgendaStore,
  type FollowKind,
  type FollowRecord,
  type NoteAutosave,
  type NotePlacement,
  type NoteRecord,
  type PersistenceState,
  type SeenSnapshot,
  type StoreChange,
  type TickRecord,
} from '../store';
import type { StoreName } from '../store/db';
import type { DraftStash } from './draft-stash';

export type NoteSaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

export interface PrivateOptions {
  open: () => Promise<AgendaStore>;
  /** Unsaved keystrokes kept synchronously (localStorage), so closing the panel loses none. */
  stash?: DraftStash;
  /** Quiet time after typing before a note is saved. */
  autosaveDelayMs?: number;
  /** Asks the browser to keep our data under storage pressure. */
  persist?: () => Promise<PersistenceState>;
  /** How long to gather bursts of changes (from other windows, from typing) into one re-read. */
  reloadDelayMs?: number;
}

/** One followed topic, once, whichever rendering of the document it was followed on. */
export interface Followed {
  kind: FollowKind;
  value: string;
  label: string;
  /** The stored follows behind it (one per rendering it was followed on). */
  ids: string[];
}

const ALL_STORES: readonly StoreName[] = ['notes', 'follows', 'ticks', 'seen'];

export function createPrivateState(agenda: ReadonlySignal<Agenda | null>, options: PrivateOptions) {
  const store = signal<AgendaStore | null>(null);
  /** Why the private layer cannot work (the store did not open, a read failed), in words. */
  const problem = signal<string | null>(null);
  /** The outcome of the user's last action (an import, a failed delete), in words. */
  const notice = signal<string | null>(null);
  /** This agenda's id first, then those of other renderings of the same document. */
  const agendaIds = signal<string[]>([]);
  const notes = signal<NoteRecord[]>([]);
  const follows = signal<FollowRecord[]>([]);
  const ticks = signal<TickRecord[]>([]);
  /** null until read; `snapshot` undefined on the first visit. */
  const seen = signal<{ snapshot: SeenSnapshot | undefined } | null>(null);
  const saves = signal<ReadonlyMap<string, NoteSaveState>>(new Map());
  const persistence = signal<PersistenceState | null>(null);

  const placement = computed<NotePlacement | null>(() => {
    const written = notes.value.filter(hasText);
    if (!agenda.value) return null;
    // Placing indexes the whole agenda: not worth it for no notes, the usual case.
    return written.length > 0 ? placeNotes(agenda.value, written) : { byKey: new Map(), detached: [] };
  });
  const noteKeys = computed<ReadonlySet<string>>(() => new Set(placement.value?.byKey.keys() ?? []));
  const followed = computed(() => uniqueFollows(follows.value));
  const timelines = computed(() => (agenda.value && followed.value.length > 0 ? followTimelines(agenda.value, followed.value) : []));
  const followedKeys = computed<ReadonlySet<string>>(() => new Set(timelines.value.flat().map((entry) => entry.itemKey)));
  /** Every item by its key; built when a view first asks. */
  const itemByKey = computed(() => {
    const byKey = new Map<string, Item>();
    for (const { item } of agenda.value ? flattenAgenda(agenda.value) : []) byKey.set(item.key, item);
    return byKey;
  });
  const threads = computed(() => (agenda.value ? recurringRefs(agenda.value) : []));
  const actions = computed(() => (agenda.value ? actionItems(agenda.value) : []));
  const done = computed<ReadonlySet<string>>(() => (agenda.value ? tickedKeys(agenda.value, ticks.value) : new Set()));
  const novelty = computed(() => {
    const current = agenda.value;
    const known = seen.value;
    return current && known ? whatsNew(known.snapshot, current) : null;
  });
  const pageMarks = computed<PageMarks | null>(() => {
    const current = agenda.value;
    if (!current || !store.value) return null;
    return { agendaId: current.id, notes: [...noteKeys.value], follows: [...followedKeys.value] };
  });

  let autosave: NoteAutosave | null = null;
  let shownId: string | null = null;
  let generation = 0;

  function setSave(id: string, state: NoteSaveState): void {
    saves.value = new Map(saves.value).set(id, state);
  }

  function upsertNote(note: NoteRecord): void {
    const others = notes.value.filter((n) => n.id !== note.id);
    notes.value = [...others, note].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  async function open(): Promise<void> {
    try {
      const opened = await options.open();
      autosave = createNoteAutosave(opened.notes, {
        delayMs: options.autosaveDelayMs ?? 400,
        onSaved: (saved) => {
          options.stash?.drop(saved.note.id, saved.note.body);
          batch(() => {
            if (agendaIds.value.includes(saved.note.agendaId)) upsertNote(saved.note);
            // Newer text waits for its own save: still "Saving…".
            if (autosave?.unsaved(saved.note.id) !== undefined) return;
            setSave(saved.note.id, { state: 'saved' });
          });
        },
        onError: (error, draft) => setSave(draft.id, { state: 'failed', message: error.message }),
      });
      opened.onChange(onStoreChange);
      store.value = opened;
      // Text a closed panel had not saved yet: save it now.
      for (const draft of options.stash?.pending() ?? []) autosave.edit(draft);
      void (options.persist ?? requestPersistentStorage)().then((state) => (persistence.value = state));
      if (shownId) await load(ALL_STORES);
    } catch (error) {
      problem.value = toStoreError(error, 'open your saved notes').message;
    }
  }

  /** Reads what this agenda shows; the agenda's first visit records it as the baseline of "what's new". */
  async function load(stores: readonly StoreName[]): Promise<void> {
    const opened = store.value;
    const current = agenda.value;
    if (!opened || !current) return;
    const mine = ++generation;
    try {
      const ids = stores.includes('seen')
        ? [current.id, ...sameDocumentIds(current.id, current, await opened.seen.all())]
        : agendaIds.value;
      const [noteLists, followLists, tickLists, snapshot] = await Promise.all([
        stores.includes('notes') ? Promise.all(ids.map((id) => opened.notes.list(id))) : null,
        stores.includes('follows') ? Promise.all(ids.map((id) => opened.follows.list(id))) : null,
        stores.includes('ticks') ? Promise.all(ids.map((id) => opened.ticks.list(id))) : null,
        stores.includes('seen') ? opened.seen.get(current.id) : null,
      ]);
      if (mine !== generation) return;
      batch(() => {
        agendaIds.value = ids;
        if (noteLists) notes.value = noteLists.flat().sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
        if (followLists) follows.value = followLists.flat();
        if (tickLists) ticks.value = tickLists.flat();
        if (stores.includes('seen')) seen.value = { snapshot: snapshot ?? undefined };
        problem.value = null;
      });
      if (stores.includes('seen') && !snapshot) {
        const baseline = await opened.seen.markSeen(current.id, current);
        if (mine === generation) seen.value = { snapshot: baseline };
      }
    } catch (error) {
      if (mine === generation) problem.value = toStoreError(error, 'read your notes').message;
    }
  }

  // Changes from this window and others, gathered briefly so a burst is one read.
  let pending = new Set<StoreName>();
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  function onStoreChange(change: StoreChange): void {
    if (!change.agendaIds.some((id) => agendaIds.value.includes(id))) return;
    // This window's own "seen" writes are already applied; re-reading them would only repeat them.
    const stores = change.stores.filter((name) => !(name === 'seen' && change.origin === 'local'));
    if (stores.length === 0) return;
    for (const name of stores) pending.add(name);
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      const wanted = [...pending];
      pending = new Set();
      void load(wanted);
    }, options.reloadDelayMs ?? 50);
  }

  // A new agenda (another tab, another document) brings its own notes; a re-parse of the same one keeps them.
  effect(() => {
    const id = agenda.value?.id ?? null;
    if (id === shownId) return;
    shownId = id;
    batch(() => {
      agendaIds.value = id ? [id] : [];
      notes.value = [];
      follows.value = [];
      ticks.value = [];
      seen.value = null;
      notice.value = null;
    });
    if (id) void load(ALL_STORES);
  });

  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      return await action();
    } catch (error) {
      notice.value = toStoreError(error, 'save this').message;
      return null;
    }
  }

  return {
    problem,
    notice,
    notes,
    saves,
    persistence,
    placement,
    noteKeys,
    followed,
    timelines,
    followedKeys,
    itemByKey,
    threads,
    actions,
    done,
    novelty,
    pageMarks,
    ready: computed(() => store.value !== null && seen.value !== null),
    open,

    /** The notes on a meeting or item key, oldest first. */
    notesOn(key: string): NoteRecord[] {
      return (placement.value?.byKey.get(key) ?? []).map((placed) => placed.note);
    },

    /** A fresh id for a note not written yet; the editor keeps it so every keystroke saves the same note. */
    newNoteId,

    /** The user typed in a note's editor; saved after a pause, kept in the stash until then. */
    editNote(id: string, key: string, body: string): void {
      const current = agenda.value;
      if (!autosave || !current) return;
      const existing = notes.value.find((note) => note.id === id);
      const target = existing?.target ?? targetFor(current, key);
      if (!target) return;
      const draft = {
        id,
        agendaId: existing?.agendaId ?? current.id,
        target,
        body,
        baseRevision: existing?.revision ?? 0,
      };
      options.stash?.keep(draft);
      setSave(id, { state: 'saving' });
      autosave.edit(draft);
    },

    /** Saves every note waiting now (the editor lost focus, the panel is closing). */
    async flush(): Promise<void> {
      await autosave?.flush().catch(() => undefined);
    },

    /** Text typed in this window that is not saved yet. */
    unsaved: (id: string): string | undefined => autosave?.unsaved(id),

    async deleteNote(id: string): Promise<void> {
      const opened = store.value;
      if (!opened) return;
      if ((await attempt(() => opened.notes.remove(id))) === null) return;
      options.stash?.drop(id, notes.value.find((note) => note.id === id)?.body ?? '');
      notes.value = notes.value.filter((note) => note.id !== id);
    },

    /** Puts a detached (or misplaced) note on another meeting or item. */
    async reattach(id: string, key: string): Promise<void> {
      const opened = store.value;
      const target = agenda.value ? targetFor(agenda.value, key) : null;
      if (!opened || !target) return;
      const moved = await attempt(() => opened.notes.attach(id, target));
      if (moved) upsertNote(moved);
    },

    /** Follows a reference, a person or a phrase; the reason in words when it cannot. */
    async follow(kind: FollowKind, raw: string): Promise<string | null> {
      const opened = store.value;
      const current = agenda.value;
      if (!opened || !current) return 'Your saved notes are not available, so nothing can be followed now.';
      try {
        const added = await opened.follows.add(current.id, kind, raw);
        if (!follows.value.some((f) => f.id === added.id)) follows.value = [...follows.value, added];
        return null;
      } catch (error) {
        return toStoreError(error, 'follow this').message;
      }
    },

    async unfollow(topic: Pick<Followed, 'ids'>): Promise<void> {
      const opened = store.value;
      if (!opened) return;
      for (const id of topic.ids) if ((await attempt(() => opened.follows.remove(id))) === null) return;
      follows.value = follows.value.filter((f) => !topic.ids.includes(f.id));
    },

    /** The followed topic `raw` is, if the user follows it. */
    followedAs(kind: FollowKind, raw: string): Followed | null {
      const canonical = canonicalFollow(kind, raw);
      if (!canonical.ok) return null;
      return followed.value.find((f) => f.kind === kind && f.value === canonical.value) ?? null;
    },

    async setDone(action: ActionItem, isDone: boolean): Promise<void> {
      const opened = store.value;
      const current = agenda.value;
      const target = current ? targetFor(current, action.itemKey) : null;
      if (!opened || !current || target?.kind !== 'item') return;
      const tick = await attempt(() => opened.ticks.set(current.id, target, isDone));
      if (tick) ticks.value = [...ticks.value.filter((t) => t.id !== tick.id), tick];
    },

    /** The user has seen these meetings (or, without keys, the whole agenda): their marks go. */
    async markSeen(meetingKeys?: readonly string[]): Promise<void> {
      const opened = store.value;
      const current = agenda.value;
      if (!opened || !current) return;
      const snapshot = await attempt(() => opened.seen.markSeen(current.id, current, meetingKeys));
      if (snapshot && agenda.value?.id === current.id) seen.value = { snapshot };
    },

    async exportJson(): Promise<string | null> {
      const opened = store.value;
      return opened ? attempt(() => opened.exportJson()) : null;
    },

    async exportMarkdown(): Promise<string | null> {
      const opened = store.value;
      const current = agenda.value;
      if (!opened || !current) return null;
      const titles = Object.fromEntries(agendaIds.value.map((id) => [id, current.title || id]));
      const parts = await attempt(() => Promise.all(agendaIds.value.map((id) => opened.notesMarkdown(id, { titles }))));
      return parts ? parts.filter((part) => part.trim()).join('\n') : null;
    },

    /** Merges an export file in; says what came in, or why the file was refused (nothing changes then). */
    async importJson(text: string): Promise<void> {
      const opened = store.value;
      if (!opened) return;
      try {
        notice.value = describeImport(await opened.importJson(text));
      } catch (error) {
        notice.value = toStoreError(error, 'import this file').message;
      }
    },
  };
}

export type PrivateState = ReturnType<typeof createPrivateState>;

function hasText(note: NoteRecord): boolean {
  return note.body.trim().length > 0;
}

/** One entry per followed topic, in the order first followed. */
export function uniqueFollows(records: readonly FollowRecord[]): Followed[] {
  const byTopic = new Map<string, Followed>();
  for (const record of [...records].sort((a, b) => a.createdAt - b.createdAt)) {
    const topic = `${record.kind}\n${record.value}`;
    const known = byTopic.get(topic);
    if (known) known.ids.push(record.id);
    else byTopic.set(topic, { kind: record.kind, value: record.value, label: record.label, ids: [record.id] });
  }
  return [...byTopic.values()];
}
