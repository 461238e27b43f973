// What the panel shows of the user's private records over the agenda shown, derived and never stored: where each
// note sits, what is followed and where it comes up, the action items and their ticks, and what is new since the
// last visit. Computed from the records private-records.ts reads; each view is built only when first asked for.
import { computed, type ReadonlySignal } from '@preact/signals';
import type { Agenda, Item } from '../agenda/model';
import { flattenAgenda } from '../anchoring/flat-items';
import type { PageMarks } from '../messaging/protocol';
import {
  actionItems,
  followTimelines,
  placeNotes,
  recurringRefs,
  tickedKeys,
  whatsNew,
  type FollowKind,
  type FollowRecord,
  type NotePlacement,
  type NoteRecord,
  type SeenSnapshot,
  type TickRecord,
} from '../store';

/** One followed topic, once, whichever rendering of the document it was followed on. */
export interface Followed {
  kind: FollowKind;
  value: string;
  label: string;
  /** The stored follows behind it (one per rendering it was followed on). */
  ids: string[];
}

export interface PrivateRecords {
  notes: ReadonlySignal<NoteRecord[]>;
  follows: ReadonlySignal<FollowRecord[]>;
  ticks: ReadonlySignal<TickRecord[]>;
  /** null until read; `snapshot` undefined on the first visit. */
  seen: ReadonlySignal<{ snapshot: SeenSnapshot | undefined } | null>;
  /** The store is open: the page may be told the marks. */
  storeOpen: ReadonlySignal<boolean>;
}

/**
 * `agenda` is the page's own agenda (notes, what's new and the page's marks); `scope` is the agenda the index
 * shows, the group's whole history when the reader chose it (follows, threads and action items span it).
 */
export function createPrivateViews(
  agenda: ReadonlySignal<Agenda | null>,
  records: PrivateRecords,
  scope: ReadonlySignal<Agenda | null> = agenda,
) {
  const { notes, follows, ticks, seen } = records;
  const placement = computed<NotePlacement | null>(() => {
    if (!agenda.value) return null;
    // Placing indexes the whole agenda: not worth it for no notes, the usual case.
    return notes.value.length > 0 ? placeNotes(agenda.value, notes.value) : { byKey: new Map(), detached: [] };
  });
  /** Keys with a note that says something (a note emptied in its editor stays there, but is no mark). */
  const noteKeys = computed<ReadonlySet<string>>(() => {
    const keys = new Set<string>();
    for (const [key, placed] of placement.value?.byKey ?? [])
      if (placed.some(({ note }) => hasText(note))) keys.add(key);
    return keys;
  });
  const followed = computed(() => uniqueFollows(follows.value));
  const timelines = computed(() =>
    scope.value && followed.value.length > 0 ? followTimelines(scope.value, followed.value) : [],
  );
  const followedKeys = computed<ReadonlySet<string>>(
    () => new Set(timelines.value.flat().map((entry) => entry.itemKey)),
  );
  /** Every item by its key; built when a view first asks. */
  const itemByKey = computed(() => {
    const byKey = new Map<string, Item>();
    for (const { item } of scope.value ? flattenAgenda(scope.value) : []) byKey.set(item.key, item);
    return byKey;
  });
  const threads = computed(() => (scope.value ? recurringRefs(scope.value) : []));
  const actions = computed(() => (scope.value ? actionItems(scope.value) : []));
  const done = computed<ReadonlySet<string>>(() => (scope.value ? tickedKeys(scope.value, ticks.value) : new Set()));
  const novelty = computed(() => {
    const current = agenda.value;
    const known = seen.value;
    return current && known ? whatsNew(known.snapshot, current) : null;
  });
  const pageMarks = computed<PageMarks | null>(() => {
    const current = agenda.value;
    if (!current || !records.storeOpen.value) return null;
    return { agendaId: current.id, notes: [...noteKeys.value], follows: [...followedKeys.value] };
  });

  return {
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
  };
}

export function hasText(note: NoteRecord): boolean {
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
