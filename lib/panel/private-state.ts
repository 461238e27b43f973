// The user's private layer over the agenda shown: notes, follows, ticked action items and what is new since the
// last visit, read from and written to IndexedDB (lib/store); the views derived from them are in private-views.ts.
// The index works without it: a store that cannot open is said in words, never a blank panel.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import {
  canonicalFollow,
  createNoteAutosave,
  describeImport,
  newNoteId,
  requestPersistentStorage,
  sameDocumentIds,
  targetFor,
  toStoreError,
  type ActionItem,
  type AgendaStore,
  type AnchorTarget,
  type FollowKind,
  type FollowRecord,
  type NoteAutosave,
  type NoteRecord,
  type PersistenceState,
  type SeenSnapshot,
  type StoreChange,
  type TickRecord,
} from '../store';
import { flattenAgenda } from '../anchoring/flat-items';
import type { StoreName } from '../store/db';
import type { DraftStash } from './draft-stash';
import { createPrivateViews, type Followed } from './private-views';
import { memoryRenderingLinks, type RenderingDecision, type RenderingLinks } from './rendering-links';

export type NoteSaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

export interface PrivateOptions {
  open: () => Promise<AgendaStore>;
  /** Unsaved keystrokes kept synchronously (localStorage), so closing the panel loses none. */
  stash?: DraftStash;
  /** Which other agendas the user said are the same document; in memory when not given. */
  renderings?: RenderingLinks;
  /** Quiet time after typing before a note is saved. */
  autosaveDelayMs?: number;
  /** Asks the browser to keep our data under storage pressure. */
  persist?: () => Promise<PersistenceState>;
  /** How long to gather bursts of changes from other windows into one re-read. */
  reloadDelayMs?: number;
  now?: () => number;
}

const ALL_STORES: readonly StoreName[] = ['notes', 'follows', 'ticks', 'seen'];

/** Another agenda with the same meetings, where the user keeps notes, follows or ticks: theirs to link or not. */
export interface RenderingOffer {
  agendaId: string;
  /** Items this agenda and that one share. */
  shared: number;
  notes: number;
  follows: number;
  ticks: number;
}

/** `scope`: the agenda the index shows, the group's whole history when chosen (see createPrivateViews). */
export function createPrivateState(
  agenda: ReadonlySignal<Agenda | null>,
  options: PrivateOptions,
  scope: ReadonlySignal<Agenda | null> = agenda,
) {
  const store = signal<AgendaStore | null>(null);
  /** Why the private layer cannot work (the store did not open, a read failed), in words. */
  const problem = signal<string | null>(null);
  /** The outcome of the user's last action (an import, a failed delete), in words. */
  const notice = signal<string | null>(null);
  /** This agenda's id first, then those of other renderings of the same document, as the user linked them. */
  const agendaIds = signal<string[]>([]);
  /** Agendas with the same content whose notes are not shown here until the user says they are the same document. */
  const offers = signal<RenderingOffer[]>([]);
  const renderings = options.renderings ?? memoryRenderingLinks();
  const notes = signal<NoteRecord[]>([]);
  const follows = signal<FollowRecord[]>([]);
  const ticks = signal<TickRecord[]>([]);
  /** null until read; `snapshot` undefined on the first visit. */
  const seen = signal<{ snapshot: SeenSnapshot | undefined } | null>(null);
  const saves = signal<ReadonlyMap<string, NoteSaveState>>(new Map());
  const persistence = signal<PersistenceState | null>(null);

  const views = createPrivateViews(
    agenda,
    {
      notes,
      follows,
      ticks,
      seen,
      storeOpen: computed(() => store.value !== null),
    },
    scope,
  );

  let autosave: NoteAutosave | null = null;
  let shownId: string | null = null;
  const now = options.now ?? Date.now;
  /** Notes being written that are not in the store yet: where they go, kept from the first keystroke. */
  const drafting = new Map<string, { key: string; agendaId: string; target: AnchorTarget }>();

  function setSave(id: string, state: NoteSaveState): void {
    saves.value = new Map(saves.value).set(id, state);
  }

  function upsertNote(note: NoteRecord): void {
    const others = notes.value.filter((n) => n.id !== note.id);
    notes.value = [...others, note].sort(byCreation);
  }

  async function open(): Promise<void> {
    try {
      const opened = await options.open();
      autosave = createNoteAutosave(opened.notes, {
        delayMs: options.autosaveDelayMs ?? 400,
        onSaved: (saved, draft) => {
          options.stash?.drop(draft.id, draft.body);
          batch(() => {
            if (agendaIds.value.includes(saved.note.agendaId)) upsertNote(saved.note);
            // Newer text waits for its own save: still "Saving…".
            if (autosave?.unsaved(saved.note.id) !== undefined) return;
            drafting.delete(saved.note.id);
            setSave(saved.note.id, { state: 'saved' });
          });
        },
        onError: (error, draft) => setSave(draft.id, { state: 'failed', message: error.message }),
      });
      opened.onChange(onStoreChange);
      store.value = opened;
      // Text a closed panel had not saved yet: save it now, with the time it was typed.
      for (const draft of options.stash?.pending() ?? []) autosave.edit(draft);
      void (options.persist ?? requestPersistentStorage)().then((state) => (persistence.value = state));
      if (shownId) loadAgenda();
    } catch (error) {
      problem.value = toStoreError(error, 'open your saved notes').message;
    }
  }

  // Reads can overlap (a change from another window while the agenda loads). Each store's data is applied
  // only from the latest read of it, and only for the agenda still shown.
  let agendaTicket = 0;
  let readTicket = 0;
  const lastRead: Record<StoreName, number> = { notes: 0, follows: 0, ticks: 0, seen: 0 };
  let agendaLoading: Promise<void> = Promise.resolve();

  /** Everything the shown agenda needs, the other renderings of its document included. */
  function loadAgenda(): void {
    agendaLoading = read(ALL_STORES, true);
  }

  /** Some stores again, after another window changed them; after the agenda's own load, which finds its ids. */
  async function reread(stores: readonly StoreName[]): Promise<void> {
    await agendaLoading;
    await read(stores, false);
  }

  async function read(stores: readonly StoreName[], findRenderings: boolean): Promise<void> {
    const opened = store.value;
    const current = agenda.value;
    if (!opened || !current) return;
    const forAgenda = agendaTicket;
    const ticket = ++readTicket;
    for (const name of stores) lastRead[name] = ticket;
    const latest = (name: StoreName): boolean => stores.includes(name) && lastRead[name] === ticket;
    try {
      const candidates = findRenderings ? sameDocumentIds(current.id, current, await opened.seen.all()) : [];
      const linked = candidates.filter((id) => renderings.decision(current.id, id) === 'same');
      const ids = findRenderings ? [current.id, ...linked] : agendaIds.value;
      const unasked = candidates.filter((id) => renderings.decision(current.id, id) === null);
      const [noteLists, followLists, tickLists, snapshot, asked] = await Promise.all([
        stores.includes('notes') ? Promise.all(ids.map((id) => opened.notes.list(id))) : null,
        stores.includes('follows') ? Promise.all(ids.map((id) => opened.follows.list(id))) : null,
        stores.includes('ticks') ? Promise.all(ids.map((id) => opened.ticks.list(id))) : null,
        stores.includes('seen') ? opened.seen.get(current.id) : null,
        Promise.all(unasked.map((id) => offerOf(opened, current, id))),
      ]);
      if (forAgenda !== agendaTicket) return;
      batch(() => {
        if (findRenderings) agendaIds.value = ids;
        if (findRenderings) offers.value = asked.filter((offer): offer is RenderingOffer => offer !== null);
        if (noteLists && latest('notes')) notes.value = noteLists.flat().sort(byCreation);
        if (followLists && latest('follows')) follows.value = followLists.flat();
        if (tickLists && latest('ticks')) ticks.value = tickLists.flat();
        if (latest('seen')) seen.value = { snapshot: snapshot ?? undefined };
        problem.value = null;
      });
      if (findRenderings && !snapshot) {
        const baseline = await opened.seen.markSeen(current.id, current);
        if (forAgenda === agendaTicket) seen.value = { snapshot: baseline };
      }
    } catch (error) {
      if (forAgenda === agendaTicket) problem.value = toStoreError(error, 'read your notes').message;
    }
  }

  /** What the user keeps on another agenda with this one's content; null when nothing (nothing to ask about). */
  async function offerOf(opened: AgendaStore, current: Agenda, otherId: string): Promise<RenderingOffer | null> {
    const [theirNotes, theirFollows, theirTicks, snapshot] = await Promise.all([
      opened.notes.list(otherId),
      opened.follows.list(otherId),
      opened.ticks.list(otherId),
      opened.seen.get(otherId),
    ]);
    if (theirNotes.length + theirFollows.length + theirTicks.length === 0) return null;
    const here = new Set(flattenAgenda(current).map(({ item }) => item.key));
    let shared = 0;
    for (const meeting of Object.values(snapshot?.meetings ?? {})) {
      for (const key of Object.keys(meeting.items)) if (here.has(key)) shared++;
    }
    const [notesThere, followsThere, ticksThere] = [theirNotes.length, theirFollows.length, theirTicks.length];
    return { agendaId: otherId, shared, notes: notesThere, follows: followsThere, ticks: ticksThere };
  }

  // Other windows' changes, gathered briefly so a burst is one read. This window's own writes are
  // applied where they are made (and an import re-reads), so they are not read back.
  let pending = new Set<StoreName>();
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  function onStoreChange(change: StoreChange): void {
    if (change.origin === 'local') return;
    if (!change.agendaIds.some((id) => agendaIds.value.includes(id))) return;
    for (const name of change.stores) pending.add(name);
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      const wanted = [...pending];
      pending = new Set();
      void reread(wanted);
    }, options.reloadDelayMs ?? 50);
  }

  // A new agenda (another tab, another document) brings its own notes; a re-parse of the same one keeps them.
  const stopFollowingAgenda = effect(() => {
    const id = agenda.value?.id ?? null;
    if (id === shownId) return;
    shownId = id;
    agendaTicket++;
    batch(() => {
      agendaIds.value = id ? [id] : [];
      offers.value = [];
      notes.value = [];
      follows.value = [];
      ticks.value = [];
      seen.value = null;
      notice.value = null;
    });
    if (id) loadAgenda();
  });

  async function attempt<T>(action: () => Promise<T>): Promise<T | null> {
    try {
      return await action();
    } catch (error) {
      notice.value = toStoreError(error, 'save this').message;
      return null;
    }
  }

  // Views read these; they change only through the actions below.
  return {
    problem: problem as ReadonlySignal<string | null>,
    notice: notice as ReadonlySignal<string | null>,
    offers: offers as ReadonlySignal<RenderingOffer[]>,
    notes: notes as ReadonlySignal<NoteRecord[]>,
    saves: saves as ReadonlySignal<ReadonlyMap<string, NoteSaveState>>,
    persistence: persistence as ReadonlySignal<PersistenceState | null>,
    ...views,
    ready: computed(() => store.value !== null && seen.value !== null),
    open,
    /** The user read the notice and closed it. */
    dismissNotice(): void {
      notice.value = null;
    },
    /** Stops following the agenda and other windows' changes (the panel is going away). */
    dispose(): void {
      stopFollowingAgenda();
      if (reloadTimer !== null) clearTimeout(reloadTimer);
    },

    /**
     * The user's answer to an offer: the same document (its notes, follows and ticks show here, and their marks go
     * into this page), or not (never offered again).
     */
    answerOffer(otherId: string, decision: RenderingDecision): void {
      const current = agenda.value;
      if (!current) return;
      renderings.decide(current.id, otherId, decision);
      offers.value = offers.value.filter((offer) => offer.agendaId !== otherId);
      if (decision === 'same') loadAgenda();
    },

    /** The notes on a meeting or item key, oldest first. */
    notesOn(key: string): NoteRecord[] {
      return (views.placement.value?.byKey.get(key) ?? []).map((placed) => placed.note);
    },

    /** A fresh id for a note not written yet; the editor keeps it so every keystroke saves the same note. */
    newNoteId,

    /**
     * The user typed in a note's editor; saved after a pause, kept in the stash until then. `baseRevision`
     * is the revision of the note the editor's text started from: another window's newer save is then
     * merged, not overwritten.
     */
    editNote(id: string, key: string, body: string, baseRevision: number): void {
      const current = agenda.value;
      if (!autosave || !current) return;
      const existing = notes.value.find((note) => note.id === id);
      let draftOf = drafting.get(id);
      if (!existing && !draftOf) {
        // Where a new note goes is decided at its first keystroke: a re-parse while typing must not lose it.
        const target = targetFor(current, key);
        if (!target) {
          setSave(id, {
            state: 'failed',
            message:
              'This row is no longer in the agenda, so the note has nowhere to go. Copy your text, then pick the row again.',
          });
          return;
        }
        draftOf = { key, agendaId: current.id, target };
        drafting.set(id, draftOf);
      }
      const draft = {
        id,
        agendaId: existing?.agendaId ?? draftOf!.agendaId,
        target: existing?.target ?? draftOf!.target,
        body,
        baseRevision,
        editedAt: now(),
      };
      options.stash?.keep(draft);
      setSave(id, { state: 'saving' });
      autosave.edit(draft);
    },

    /** The id of a new note on this key whose text is not saved yet (a failed save, a row switch while saving). */
    unsavedNoteOn(key: string): string | null {
      for (const [id, draftOf] of drafting) if (draftOf.key === key && autosave?.unsaved(id) !== undefined) return id;
      return null;
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
      // Text still waiting would re-create the note after it is gone.
      autosave?.discard(id);
      options.stash?.forget(id);
      drafting.delete(id);
      if ((await attempt(() => opened.notes.remove(id))) === null) return;
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
      return views.followed.value.find((f) => f.kind === kind && f.value === canonical.value) ?? null;
    },

    async setDone(action: ActionItem, isDone: boolean): Promise<void> {
      const opened = store.value;
      const current = agenda.value;
      // An action item of another year is found in the history shown; its tick is kept with this agenda's.
      const shown = scope.value;
      const target = shown ? targetFor(shown, action.itemKey) : null;
      if (!opened || !current || target?.kind !== 'item') return;
      const tick = await attempt(() => opened.ticks.set(current.id, target, isDone));
      // On failure the same ticks again: the box the user clicked is drawn back as it is stored.
      ticks.value = tick ? [...ticks.value.filter((t) => t.id !== tick.id), tick] : [...ticks.value];
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
        await reread(['notes', 'follows', 'ticks']);
      } catch (error) {
        notice.value = toStoreError(error, 'import this file').message;
      }
    },
  };
}

export type PrivateState = ReturnType<typeof createPrivateState>;

function byCreation(a: NoteRecord, b: NoteRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}
