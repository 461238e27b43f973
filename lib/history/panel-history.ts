// The panel's side of a group's history: which group the agenda shown belongs to, the one-click load with
// its progress and failures, and the scope of the index (this page, or every meeting of every year).
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import type { Group } from './groups';
import { loadGroups, loadHistory, storedHistory, type HistoryLoad, type LoaderDeps } from './loader';
import { archivePathOf, docIdOf, matchGroup, type GroupMatch } from './match';
import { meetingLink, mergeHistory, type MergedHistory } from './merge';

export type HistoryScope = 'page' | 'history';

export interface HistoryOptions {
  /** The loader's network, store and parser; made when first needed (opening IndexedDB takes a moment). */
  deps(): Promise<LoaderDeps>;
  /** Opens an address in a new tab (a meeting from another year's file). */
  open(url: string): void;
  /** Where the chosen scope is remembered, per group. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export type HistoryStatus = { kind: 'idle' } | { kind: 'loading'; done: number; total: number } | { kind: 'loaded' };

const SCOPE_KEY = 'agenda-overlay:history-scope:';

export function createHistoryState(agenda: ReadonlySignal<Agenda | null>, options: HistoryOptions) {
  const groups = signal<Group[] | null>(null);
  const groupsProblem = signal<string | null>(null);
  const status = signal<HistoryStatus>({ kind: 'idle' });
  const load = signal<HistoryLoad | null>(null);
  const scope = signal<HistoryScope>('page');

  const url = computed(() => agenda.value?.url ?? null);
  /** Could this page belong to a Kubernetes group at all: a Google Doc, or a file of kubernetes/community. */
  const candidate = computed(() => {
    const address = url.value;
    return address !== null && (docIdOf(address) !== null || archivePathOf(address) !== null);
  });
  const match = computed<GroupMatch | null>(() => {
    const address = url.value;
    return address && groups.value ? matchGroup(groups.value, address) : null;
  });
  const merged = computed<MergedHistory | null>(() => {
    const page = agenda.value;
    const history = load.value;
    if (!page || !history) return null;
    return mergeHistory(page, match.value?.archivePath ?? null, history.files);
  });
  /** The agenda the index shows: the whole history when that is the scope and it is here. */
  const scopedAgenda = computed(() => (scope.value === 'history' ? (merged.value?.agenda ?? null) : null));

  let depsMade: Promise<LoaderDeps> | null = null;
  const deps = (): Promise<LoaderDeps> => (depsMade ??= options.deps());

  let groupsAsked = false;
  let matchedDir: string | null = null;

  async function askGroups(): Promise<void> {
    if (groupsAsked) return;
    groupsAsked = true;
    try {
      const result = await loadGroups(await deps());
      batch(() => {
        groups.value = result.groups;
        groupsProblem.value = result.groups ? null : result.problem;
      });
    } catch {
      groupsProblem.value = 'The list of Kubernetes groups could not be read.';
    }
  }

  /** A newly matched group: its stored history (no request) and the scope chosen for it last time. */
  async function useGroup(found: GroupMatch | null): Promise<void> {
    const dir = found ? `${found.group.dir}:${found.archivePath ? 'archive' : 'doc'}` : null;
    if (dir === matchedDir) return;
    matchedDir = dir;
    batch(() => {
      load.value = null;
      status.value = { kind: 'idle' };
      scope.value = 'page';
    });
    if (!found) return;
    const stored = await storedHistory(found, (await deps()).db).catch(() => null);
    if (matchedDir !== dir || !stored) return;
    batch(() => {
      load.value = stored;
      status.value = { kind: 'loaded' };
      scope.value = options.storage?.getItem(SCOPE_KEY + found.group.dir) === 'history' ? 'history' : 'page';
    });
  }

  function start(): () => void {
    const stops = [
      effect(() => {
        if (candidate.value) void askGroups();
      }),
      effect(() => void useGroup(match.value)),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** The click: load (or, within a day, read back) every file, then show the whole history. */
  async function loadNow(force = false): Promise<void> {
    const found = match.value;
    if (!found || status.value.kind === 'loading') return;
    status.value = { kind: 'loading', done: 0, total: 0 };
    try {
      const result = await loadHistory(found, await deps(), {
        force,
        onProgress: (done, total) => (status.value = { kind: 'loading', done, total }),
      });
      batch(() => {
        load.value = result;
        status.value = { kind: 'loaded' };
        if (result.files.some((file) => file.agenda)) setScope('history');
      });
    } catch (error) {
      batch(() => {
        status.value = { kind: 'loaded' };
        load.value = {
          files: load.value?.files ?? [],
          checkedAt: load.value?.checkedAt ?? null,
          failure: {
            kind: 'offline',
            message: `The history could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          },
          requests: 0,
        };
      });
    }
  }

  function setScope(next: HistoryScope): void {
    scope.value = next;
    const dir = match.value?.group.dir;
    if (dir) options.storage?.setItem(SCOPE_KEY + dir, next);
  }

  /** The GitHub address of a meeting or item that is not on this page, when the whole history is shown. */
  function linkFor(key: string): string | null {
    const history = merged.value;
    if (scope.value !== 'history' || !history) return null;
    const meetingKey = key.split('/')[0] ?? key;
    const path = history.origins.get(meetingKey);
    if (!path) return null;
    const meeting = history.agenda.meetings.find((m) => m.key === meetingKey);
    return meeting ? meetingLink(path, meeting) : null;
  }

  /** Opens a meeting from another file on GitHub; false for the page's own meetings (they jump in the page). */
  function openElsewhere(key: string): boolean {
    const link = linkFor(key);
    if (!link) return false;
    options.open(link);
    return true;
  }

  return {
    groups,
    groupsProblem,
    match,
    status,
    load,
    scope,
    merged,
    scopedAgenda,
    start,
    loadNow,
    setScope,
    linkFor,
    openElsewhere,
  };
}

export type HistoryState = ReturnType<typeof createHistoryState>;
