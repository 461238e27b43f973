// The user's records for the agenda shown, as the store holds them: opening the store, reading the notes, follows,
// ticks and seen record of the agenda's ids (its own, and other renderings the user linked), and reading them again
// when another window changes them. Writes are made elsewhere and applied to these signals where they are made.
import { batch, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import { flattenAgenda } from '../anchoring/flat-items';
import {
  requestPersistentStorage,
  sameDocumentIds,
  toStoreError,
  type AgendaStore,
  type FollowRecord,
  type NoteRecord,
  type PersistenceState,
  type SeenSnapshot,
  type StoreChange,
  type TickRecord,
} from '../store';
import type { StoreName } from '../store/db';
import { memoryRenderingLinks, type RenderingDecision, type RenderingLinks } from './rendering-links';

export interface RecordsOptions {
  open: () => Promise<AgendaStore>;
  /** Which other agendas the user said are the same document; in memory when not given. */
  renderings?: RenderingLinks;
  /** Asks the browser to keep our data under storage pressure. */
  persist?: () => Promise<PersistenceState>;
  /** How long to gather bursts of changes from other windows into one re-read. */
  reloadDelayMs?: number;
}

/** Another agenda with the same meetings, where the user keeps notes, follows or ticks: theirs to link or not. */
export interface RenderingOffer {
  agendaId: string;
  /** Items this agenda and that one share. */
  shared: number;
  notes: number;
  follows: number;
  ticks: number;
}

const ALL_STORES: readonly StoreName[] = ['notes', 'follows', 'ticks', 'seen'];

/** `onNewAgenda` runs, in the same batch, when another agenda replaces the one shown. */
export function createPrivateRecords(
  agenda: ReadonlySignal<Agenda | null>,
  options: RecordsOptions,
  onNewAgenda: () => void = () => undefined,
) {
  const store = signal<AgendaStore | null>(null);
  /** Why the private layer cannot work (the store did not open, a read failed), in words. */
  const problem = signal<string | null>(null);
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
  const persistence = signal<PersistenceState | null>(null);
  let shownId: string | null = null;

  /** `prepare` readies the writers before anyone can type; `ready` runs once the store is open to all. */
  async function open(prepare: (opened: AgendaStore) => void, ready: () => void = () => undefined): Promise<void> {
    try {
      const opened = await options.open();
      prepare(opened);
      opened.onChange(onStoreChange);
      store.value = opened;
      ready();
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
      onNewAgenda();
    });
    if (id) loadAgenda();
  });

  // Writable for the private layer's own modules; createPrivateState gives views read-only signals.
  return {
    store,
    problem,
    agendaIds,
    offers,
    notes,
    follows,
    ticks,
    seen,
    persistence,
    open,
    reread,

    /** A note this window saved or moved, in its place among the others. */
    upsertNote(note: NoteRecord): void {
      const others = notes.value.filter((n) => n.id !== note.id);
      notes.value = [...others, note].sort(byCreation);
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

    /** Stops following the agenda and other windows' changes. */
    dispose(): void {
      stopFollowingAgenda();
      if (reloadTimer !== null) clearTimeout(reloadTimer);
    },
  };
}

export type RecordsState = ReturnType<typeof createPrivateRecords>;

function byCreation(a: NoteRecord, b: NoteRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}
