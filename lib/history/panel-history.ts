// The panel's side of a group's history: which group the agenda shown belongs to, the one-click load with
// its progress and failures, the archives the user added by their GitHub addresses (kept per agenda), and
// the scope of the index (this page, or every meeting of every year).
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import { githubFileUrl } from './archive-files';
import { parseArchiveAddress, sourceKey, sourceName, type ArchiveSource } from './archive-address';
import type { Group } from './groups';
import {
  loadGroups,
  loadHistory,
  loadSource,
  saveSources,
  storedHistory,
  storedSourceHistory,
  storedSources,
  type HistoryLoad,
  type LoaderDeps,
} from './loader';
import { archivePathOf, docIdOf, matchGroup, type GroupMatch } from './match';
import { meetingLink, mergeHistory, type MergedHistory } from './merge';

export type HistoryScope = 'page' | 'history';

export interface HistoryOptions {
  /** The loader's network, store and parser; made when first needed (opening IndexedDB takes a moment). */
  deps(): Promise<LoaderDeps>;
  /** Opens an address in a new tab (a meeting from another year's file). */
  open(url: string): void;
  /** Where the chosen scope is remembered, per group (or per agenda, for added archives). */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** The web host of the GitHub the API base points at (`github.com`, or an Enterprise host). */
  webHost?(): Promise<string>;
}

export type HistoryStatus = { kind: 'idle' } | { kind: 'loading'; done: number; total: number } | { kind: 'loaded' };

/** An archive the user added to this agenda, and what of it is loaded. */
export interface SourceView {
  source: ArchiveSource;
  key: string;
  name: string;
  status: HistoryStatus;
  load: HistoryLoad | null;
}

/** Enough for any agenda; more would be a paste gone wrong. */
export const MAX_SOURCES = 12;

const SCOPE_KEY = 'agenda-overlay:history-scope:';

export function createHistoryState(agenda: ReadonlySignal<Agenda | null>, options: HistoryOptions) {
  const groups = signal<Group[] | null>(null);
  const groupsProblem = signal<string | null>(null);
  const status = signal<HistoryStatus>({ kind: 'idle' });
  const load = signal<HistoryLoad | null>(null);
  const scope = signal<HistoryScope>('page');

  const sources = signal<SourceView[]>([]);
  /** Why the address typed last could not be added, in words; null when there is nothing to say. */
  const addressProblem = signal<string | null>(null);
  /** Whether the field for an archive's address is open. */
  const adding = signal(false);
  const agendaId = computed(() => agenda.value?.id ?? null);

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
    const loads = [load.value, ...sources.value.map((s) => s.load)].filter((l): l is HistoryLoad => l !== null);
    if (!page || loads.length === 0) return null;
    const archivePath = match.value?.archivePath;
    const pageFiles = archivePath ? [githubFileUrl(archivePath), page.url] : [page.url];
    return mergeHistory(
      page,
      pageFiles,
      loads.flatMap((l) => l.files),
    );
  });
  /** Whether any file of the group's or an added archive is loaded: the whole history can be shown. */
  const usable = computed(() =>
    [load.value, ...sources.value.map((s) => s.load)].some((l) => l?.files.some((file) => file.agenda) ?? false),
  );
  /** Where the scope is remembered: the group's folder, else the agenda. */
  const scopeKey = computed(() => {
    const dir = match.value?.group.dir;
    if (dir) return dir;
    return agendaId.value ? `agenda:${agendaId.value}` : null;
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

  /** The scope chosen last time, once something stored is back; the page alone when nothing is usable. */
  function restoreScope(): void {
    const key = scopeKey.value;
    scope.value = usable.value && key && options.storage?.getItem(SCOPE_KEY + key) === 'history' ? 'history' : 'page';
  }

  /** A newly matched group: its stored history (no request) and the scope chosen for it last time. */
  async function useGroup(found: GroupMatch | null): Promise<void> {
    const dir = found ? `${found.group.dir}:${found.archivePath ? 'archive' : 'doc'}` : null;
    if (dir === matchedDir) return;
    matchedDir = dir;
    batch(() => {
      load.value = null;
      status.value = { kind: 'idle' };
      if (!usable.value) scope.value = 'page';
    });
    if (!found) return;
    const stored = await storedHistory(found, (await deps()).db).catch(() => null);
    if (matchedDir !== dir || !stored) return;
    batch(() => {
      load.value = stored;
      status.value = { kind: 'loaded' };
      restoreScope();
    });
  }

  let sourcesOf: string | null = null;

  /** A newly shown agenda: the archives added to it and their stored files, without a request. */
  async function useSources(id: string | null): Promise<void> {
    if (id === sourcesOf) return;
    sourcesOf = id;
    batch(() => {
      sources.value = [];
      addressProblem.value = null;
      adding.value = false;
      if (!usable.value) scope.value = 'page';
    });
    if (!id) return;
    try {
      const { db } = await deps();
      const added = await storedSources(id, db);
      const views: SourceView[] = [];
      for (const source of added) {
        const stored = await storedSourceHistory(source, db).catch(() => null);
        views.push({ ...viewOf(source), status: stored ? { kind: 'loaded' } : { kind: 'idle' }, load: stored });
      }
      if (sourcesOf !== id || views.length === 0) return;
      batch(() => {
        // One added while the store was read stays, after the stored ones.
        sources.value = [...views, ...sources.value.filter((v) => !views.some((w) => w.key === v.key))];
        restoreScope();
      });
    } catch {
      // No store: nothing was added that could be shown.
    }
  }

  function viewOf(source: ArchiveSource): SourceView {
    return { source, key: sourceKey(source), name: sourceName(source), status: { kind: 'idle' }, load: null };
  }

  function updateSource(key: string, change: Partial<SourceView>): void {
    sources.value = sources.value.map((view) => (view.key === key ? { ...view, ...change } : view));
  }

  async function keepSources(id: string): Promise<void> {
    await saveSources(
      id,
      sources.value.map((view) => view.source),
      (await deps()).db,
    );
  }

  /** Loads one added archive (or, within a day, reads it back), with its progress. */
  async function runSource(key: string, force: boolean): Promise<HistoryLoad | null> {
    const view = sources.value.find((v) => v.key === key);
    if (!view || view.status.kind === 'loading') return null;
    const id = sourcesOf;
    updateSource(key, { status: { kind: 'loading', done: 0, total: 0 } });
    let result: HistoryLoad;
    try {
      result = await loadSource(view.source, await deps(), {
        force,
        onProgress: (done, total) => {
          if (sourcesOf === id) updateSource(key, { status: { kind: 'loading', done, total } });
        },
      });
    } catch (error) {
      const said = error instanceof Error ? error.message : String(error);
      result = {
        files: view.load?.files ?? [],
        checkedAt: view.load?.checkedAt ?? null,
        failure: { kind: 'offline', message: `The archive could not be loaded: ${said}` },
        requests: 0,
      };
    }
    if (sourcesOf === id) updateSource(key, { status: { kind: 'loaded' }, load: result });
    return result;
  }

  /**
   * Adds an archive by its GitHub address and loads it. An address that is not one, or a folder or file that is
   * not there, is said in words and nothing is kept; a rate limit or going offline keeps the archive, to load later.
   */
  async function addSource(input: string): Promise<boolean> {
    const id = agendaId.value;
    if (!id) return false;
    const host = options.webHost ? await options.webHost().catch(() => 'github.com') : 'github.com';
    const reading = parseArchiveAddress(input, host);
    if (!reading.ok) {
      addressProblem.value = reading.problem;
      return false;
    }
    const view = viewOf(reading.source);
    if (sources.value.some((v) => v.key === view.key)) {
      addressProblem.value = `${view.name} is added already.`;
      return false;
    }
    if (sources.value.length >= MAX_SOURCES) {
      addressProblem.value = `At most ${MAX_SOURCES} archives can be added to one agenda: remove one first.`;
      return false;
    }
    batch(() => {
      addressProblem.value = null;
      sources.value = [...sources.value, view];
    });
    const result = await runSource(view.key, false);
    if (sourcesOf !== id || !result) return false;
    const missing = result.failure?.kind === 'not-found';
    const empty = !result.failure && result.files.length === 0;
    const unreadable = !result.failure && result.files.length > 0 && result.files.every((file) => !file.agenda);
    if (missing || empty || unreadable) {
      batch(() => {
        sources.value = sources.value.filter((v) => v.key !== view.key);
        addressProblem.value = missing
          ? result.failure!.message
          : empty
            ? `${view.name} holds no Markdown files. Paste the address of the folder that holds the meeting notes.`
            : result.files.length === 1
              ? (result.files[0]!.problem ?? `${view.name} has no meeting the overlay recognises.`)
              : `None of the ${result.files.length} files of ${view.name} has a meeting the overlay recognises.`;
      });
      return false;
    }
    await keepSources(id).catch(() => undefined);
    batch(() => {
      adding.value = false;
      if (result.files.some((file) => file.agenda)) setScope('history');
    });
    return true;
  }

  /** Forgets an added archive for this agenda (what was read of it stays stored, unused). */
  async function removeSource(key: string): Promise<void> {
    const id = sourcesOf;
    if (!id) return;
    batch(() => {
      sources.value = sources.value.filter((v) => v.key !== key);
      if (!usable.value) scope.value = 'page';
    });
    await keepSources(id).catch(() => undefined);
  }

  function clearAddressProblem(): void {
    addressProblem.value = null;
  }

  /** Opens or closes the field for an address; closing it forgets what it said. */
  function setAdding(open: boolean): void {
    batch(() => {
      adding.value = open;
      if (!open) addressProblem.value = null;
    });
  }

  function start(): () => void {
    const stops = [
      effect(() => {
        if (candidate.value) void askGroups();
      }),
      effect(() => void useGroup(match.value)),
      effect(() => void useSources(agendaId.value)),
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

  /** "Check again": the group's history and every added archive, each asked with its ETags. */
  async function checkAgain(): Promise<void> {
    if (match.value && load.value) await loadNow(true);
    for (const view of sources.value) await runSource(view.key, true);
  }

  function setScope(next: HistoryScope): void {
    scope.value = next;
    const key = scopeKey.value;
    if (key) options.storage?.setItem(SCOPE_KEY + key, next);
  }

  /** The GitHub address of a meeting or item that is not on this page, when the whole history is shown. */
  function linkFor(key: string): string | null {
    const history = merged.value;
    if (scope.value !== 'history' || !history) return null;
    const meetingKey = key.split('/')[0] ?? key;
    const fileUrl = history.origins.get(meetingKey);
    if (!fileUrl) return null;
    const meeting = history.agenda.meetings.find((m) => m.key === meetingKey);
    return meeting ? meetingLink(fileUrl, meeting) : null;
  }

  /** Opens a meeting from another file on GitHub; false for the page's own meetings (they jump in the page). */
  function openElsewhere(key: string): boolean {
    const link = linkFor(key);
    if (!link) return false;
    options.open(link);
    return true;
  }

  // Views read these; they change only through the actions below.
  return {
    groups: groups as ReadonlySignal<Group[] | null>,
    groupsProblem: groupsProblem as ReadonlySignal<string | null>,
    match,
    status: status as ReadonlySignal<HistoryStatus>,
    load: load as ReadonlySignal<HistoryLoad | null>,
    scope: scope as ReadonlySignal<HistoryScope>,
    merged,
    usable,
    sources: sources as ReadonlySignal<SourceView[]>,
    addressProblem: addressProblem as ReadonlySignal<string | null>,
    adding: adding as ReadonlySignal<boolean>,
    setAdding,
    scopedAgenda,
    start,
    loadNow,
    checkAgain,
    addSource,
    removeSource,
    clearAddressProblem,
    reloadSource: (key: string) => runSource(key, true),
    setScope,
    linkFor,
    openElsewhere,
  };
}

export type HistoryState = ReturnType<typeof createHistoryState>;
