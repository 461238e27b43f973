// Shared by the store tests: isolated databases, a controllable clock, and databases created at an
// earlier schema version with the data that version could hold.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import type { Agenda } from '../../../lib/agenda/model';
import { targetFor, type AnchorTarget, type ItemTarget } from '../../../lib/anchoring/target';
import { openAgendaDb, UPGRADES } from '../../../lib/store/db';
import { openStore, type AgendaStore, type StoreOptions } from '../../../lib/store/store';

let counter = 0;

/** A database and channel name no other test uses. */
export function uniqueName(prefix = 'test'): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface Clock {
  now: () => number;
  set(time: number): void;
  advance(ms: number): void;
}

export function clock(start = Date.UTC(2024, 0, 15, 12, 0, 0)): Clock {
  let time = start;
  return { now: () => time, set: (t) => (time = t), advance: (ms) => (time += ms) };
}

export interface TestStore {
  store: AgendaStore;
  name: string;
  channelName: string;
  clock: Clock;
}

export async function openTestStore(options: Partial<StoreOptions> & { clock?: Clock } = {}): Promise<TestStore> {
  const name = options.name ?? uniqueName('db');
  const channelName = options.channelName ?? uniqueName('channel');
  const testClock = options.clock ?? clock();
  const store = await openStore({ ...options, name, channelName, now: testClock.now });
  return { store, name, channelName, clock: testClock };
}

export function target(agenda: Agenda, key: string): AnchorTarget {
  const found = targetFor(agenda, key);
  if (!found) throw new Error(`No meeting or item ${key}`);
  return found;
}

export function itemTarget(agenda: Agenda, key: string): ItemTarget {
  const found = target(agenda, key);
  if (found.kind !== 'item') throw new Error(`${key} is a meeting`);
  return found;
}

/**
 * Data as each schema version stored it, keyed by version. When version 2 changes a record's shape,
 * add `2: { … }` here in the version-2 shape; the version-1 sample stays as it was, so the test keeps
 * proving that a version-1 database upgrades without loss.
 */
export const SAMPLE_DATA: Record<number, Record<string, unknown[]>> = {
  1: {
    notes: [
      {
        id: 'note-v1-item',
        agendaId: 'sig-auth-2018',
        target: {
          kind: 'item',
          itemKey: '2018-10-31/discussion/0badc0de',
          quote: '[liggitt] node self-labeling resolution',
          anchor: {
            meetingDate: '2018-10-31',
            sectionKind: 'discussion',
            text: 'liggitt node self labeling resolution',
            refs: ['kubernetes/community#911'],
            links: ['github.com/kubernetes/community/pull/911'],
          },
        },
        body: 'Ask about kubelet labels',
        createdAt: 1_540_000_000_000,
        updatedAt: 1_540_000_500_000,
        revision: 3,
        conflicts: [{ body: 'older text', updatedAt: 1_540_000_400_000 }],
      },
      {
        id: 'note-v1-meeting',
        agendaId: 'sig-auth-2018',
        target: { kind: 'meeting', meetingKey: '2018-10-31', meetingDate: '2018-10-31', quote: 'October 31, 2018' },
        body: 'Missed this one',
        createdAt: 1_540_000_000_000,
        updatedAt: 1_540_000_000_000,
        revision: 1,
        conflicts: [],
      },
    ],
    follows: [
      {
        id: 'sig-auth-2018\nref\nkubernetes/community#911',
        agendaId: 'sig-auth-2018',
        kind: 'ref',
        value: 'kubernetes/community#911',
        label: 'kubernetes/community#911',
        createdAt: 1_540_000_000_000,
      },
    ],
    ticks: [
      {
        id: 'sig-auth-2018\n2018-10-31/action-items/12345678',
        agendaId: 'sig-auth-2018',
        target: {
          kind: 'item',
          itemKey: '2018-10-31/action-items/12345678',
          quote: '[Mike] CSR ?',
          anchor: { meetingDate: '2018-10-31', sectionKind: 'action-items', text: 'mike csr', refs: [], links: [] },
        },
        done: true,
        updatedAt: 1_540_000_000_000,
      },
    ],
    seen: [
      {
        agendaId: 'sig-auth-2018',
        savedAt: 1_540_000_000_000,
        meetings: { '2018-10-31': { hash: 'abcdef01', items: {} } },
      },
    ],
  },
};
// Version 2 added the group history store; everything of version 1 is still there.
SAMPLE_DATA[2] = {
  ...SAMPLE_DATA[1],
  history: [
    {
      id: 'load:sig-auth/archive',
      kind: 'load',
      key: 'sig-auth/archive',
      files: ['sig-auth/archive/meeting-notes-2017.md'],
      checkedAt: 1_540_000_000_000,
      unreadable: {},
    },
  ],
};

/** Creates a database at an earlier schema `version`, holding SAMPLE_DATA[version], and closes it. */
export async function createDatabaseAtVersion(name: string, version: number): Promise<void> {
  const db = await openAgendaDb({ name, upgrades: UPGRADES.slice(0, version) });
  const sample = SAMPLE_DATA[version];
  if (!sample) throw new Error(`No sample data for schema version ${version}`);
  db.close();
  // Write through an untyped connection: the records are in that version's shape, not today's.
  const raw = await openDB(name, version);
  for (const [storeName, records] of Object.entries(sample)) {
    for (const record of records) await raw.put(storeName, record);
  }
  raw.close();
}

/** Everything in a database, store by store, for before/after comparisons. */
export async function dumpDatabase(name: string): Promise<Record<string, unknown[]>> {
  const raw = await openDB(name);
  const out: Record<string, unknown[]> = {};
  for (const storeName of [...raw.objectStoreNames].sort()) out[storeName] = await raw.getAll(storeName);
  raw.close();
  return out;
}
