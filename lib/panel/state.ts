// The side panel's state: one place of signals, written by the page link and read by the views.
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { applyPatch } from '../messaging/agenda-changes';
import type { AgendaSnapshot } from '../messaging/protocol';
import { readAgenda, type LoadProgress } from './agenda-loading';
import { createIndexState, type IndexOptions } from './index-state';
import { refsOfAgenda, type GitHubStatus } from './github-status';
import type { PageLink } from './page-link';
import { createPrivateState, type PrivateOptions } from './private-state';
import { createHistoryState, type HistoryOptions } from '../history/panel-history';

export type PanelView =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'not-agenda'; reason: string }
  | { kind: 'agenda' };

/** The panel's pages over one agenda: its index, the topics followed, the action items, the notes. */
export type PanelTab = 'index' | 'following' | 'actions' | 'notes';

const UNREACHABLE =
  'The overlay cannot read this tab. It works on Google Docs (the editor, published, mobilebasic or export), ' +
  'GitHub Markdown files and the sites you turn on. If the page was open before the extension was installed, reload it.';

export interface PanelOptions extends IndexOptions {
  /** Live GitHub statuses; the panel works without them (tests of the index alone). */
  github?: GitHubStatus;
  /** Notes, follows, ticks and what's new; the index works without them. */
  private?: PrivateOptions;
  /** The group's whole history (Kubernetes groups); the page's own agenda works without it. */
  history?: HistoryOptions;
  /** Resolves once the panel has painted what it was just given (`afterNextPaint`); none waits for nothing. */
  painted?: () => Promise<void>;
}

export function createPanelState(link: PageLink, options: PanelOptions = {}) {
  const tabId = signal<number | null>(null);
  const snapshot = signal<AgendaSnapshot | null>(null);
  const unreachable = signal<string | null>(null);
  const loading = signal(true);
  const notice = signal<string | null>(null);
  /** While a long agenda is still arriving: how many of its meetings are here. Null once it is whole. */
  const progress = signal<LoadProgress | null>(null);

  const agenda = computed(() => (snapshot.value?.status === 'agenda' ? snapshot.value.agenda : null));
  /** Every GitHub reference of the agenda, once per agenda version (the status summary and the look-ups share it). */
  const refs = computed(() => (agenda.value ? refsOfAgenda(agenda.value) : []));
  const view = computed<PanelView>(() => {
    if (loading.value) return { kind: 'loading' };
    if (tabId.value === null) return { kind: 'no-tab' };
    if (unreachable.value) return { kind: 'unreachable', reason: unreachable.value };
    const current = snapshot.value;
    if (!current) return { kind: 'loading' };
    return current.status === 'agenda' ? { kind: 'agenda' } : { kind: 'not-agenda', reason: current.reason };
  });
  const summary = computed(() => {
    const meetings = agenda.value?.meetings ?? [];
    return {
      meetings: meetings.length,
      canceled: meetings.filter((m) => m.canceled).length,
      items: meetings.reduce((sum, m) => sum + m.itemCount, 0),
    };
  });

  const tab = signal<PanelTab>('index');
  // Notes, follows and what's new work on the whole agenda: a part of it would look like deletions.
  const wholeAgenda = computed(() => (progress.value === null ? agenda.value : null));
  const history = options.history ? createHistoryState(agenda, options.history) : null;
  // The index shows every meeting of every year when the reader chose the whole history.
  const indexAgenda = computed(() => history?.scopedAgenda.value ?? agenda.value);
  // Follows, threads and action items span the history too; notes and what's new stay the page's.
  const privateScope = computed(() => history?.scopedAgenda.value ?? wholeAgenda.value);
  const mine = options.private ? createPrivateState(wholeAgenda, options.private, privateScope) : null;
  const marks = computed(() => ({
    notes: mine?.noteKeys.value ?? new Set<string>(),
    followed: mine?.followedKeys.value ?? new Set<string>(),
    fresh: new Set([...(mine?.novelty.value?.meetings.keys() ?? []), ...(mine?.novelty.value?.items.keys() ?? [])]),
  }));
  const index = createIndexState(indexAgenda, { ...options, reports: options.github?.reports, marks });
  // Each agenda brings back its own filters; a re-parse of the same agenda keeps everything.
  // Effects started here, stopped by dispose().
  const stops: (() => void)[] = [];
  stops.push(effect(() => index.useAgenda(agenda.value?.id ?? null)));
  // Once the whole agenda is here, build its search index while the reader looks.
  stops.push(
    effect(() => {
      if (wholeAgenda.value || history?.scopedAgenda.value) index.warm();
    }),
  );

  // A meeting's "new" marks go once the reader has opened it and closed it again (or closed the panel):
  // passing over it with the arrow keys is not reading it.
  let openMeetings: { agendaId: string | null; keys: ReadonlySet<string> } = { agendaId: null, keys: new Set() };
  stops.push(
    effect(() => {
      const agendaId = agenda.value?.id ?? null;
      const keys = index.expanded.value;
      const before = openMeetings;
      openMeetings = { agendaId, keys };
      if (before.agendaId !== agendaId) return;
      const novelty = mine?.novelty.peek();
      const read = [...before.keys].filter((key) => !keys.has(key) && novelty?.meetings.has(key));
      if (read.length > 0) void mine?.markSeen(read);
    }),
  );

  let generation = 0;
  /** Which version of the page's agenda `snapshot` holds, whole; null when unknown or still arriving. */
  let shownVersion: number | null = null;
  /** Shows `answer`, whole (`sofar` null) or the part of it read so far. */
  function showAgenda(answer: AgendaSnapshot, version: number | null, sofar: LoadProgress | null = null): void {
    shownVersion = sofar === null ? version : null;
    batch(() => {
      snapshot.value = answer;
      progress.value = sofar;
      unreachable.value = null;
      loading.value = false;
    });
  }

  /** Reads the tab's agenda: shown part by part on a first read, only once whole on a re-read after an edit. */
  async function read(id: number, progressive: boolean): Promise<void> {
    const ticket = ++generation;
    try {
      await readAgenda(
        link,
        id,
        {
          wanted: () => ticket === generation,
          show: (answer, sofar, version) => showAgenda(answer, version, sofar),
          ...(options.painted ? { painted: options.painted } : {}),
        },
        progressive,
      );
    } catch {
      if (ticket !== generation) return;
      shownVersion = null;
      batch(() => {
        snapshot.value = null;
        progress.value = null;
        unreachable.value = UNREACHABLE;
        loading.value = false;
      });
    }
  }

  async function load(id: number | null): Promise<void> {
    shownVersion = null;
    batch(() => {
      tabId.value = id;
      loading.value = id !== null;
      progress.value = null;
      notice.value = null;
    });
    if (id === null) {
      generation++;
      return;
    }
    await read(id, true);
  }

  async function jump(key: string): Promise<void> {
    // A meeting of another year's file is not in this page: it opens on GitHub, at its heading.
    if (history?.openElsewhere(key)) return;
    const id = tabId.value;
    if (id === null) return;
    try {
      const result = await link.request(id, { type: 'agenda/jump', key });
      notice.value = result.ok ? null : result.reason;
    } catch {
      notice.value = 'The page did not answer. Reload the tab and try again.';
    }
  }

  async function start(): Promise<void> {
    // The page draws the user's marks beside its items; it is told again whenever they or the agenda change.
    stops.push(
      effect(() => {
        const id = tabId.value;
        const pageMarks = mine?.pageMarks.value;
        if (id === null || !pageMarks) return;
        link.request(id, { type: 'agenda/marks', marks: pageMarks }).catch(() => undefined);
      }),
    );
    link.onAgendaChanged((from, change) => {
      if (from !== tabId.value) return;
      // A long agenda's news says what changed since the version before: patch the one shown, if it is that one.
      const patched =
        change.snapshot ??
        (change.patch && change.patch.from === shownVersion && snapshot.value
          ? applyPatch(snapshot.value, change.patch)
          : null);
      if (patched) {
        generation++;
        showAgenda(patched, change.version);
        return;
      }
      // Otherwise read it again, and keep showing the old one until the new one is whole.
      void read(from, progress.value !== null);
    });
    link.onTabChanged((id) => void load(id));
    link.onVisibleMeeting((from, meetingKey) => {
      if (from === tabId.value) index.showCurrentMeeting(meetingKey);
    });
    void mine?.open();
    if (history) stops.push(history.start());
    const first = await link.initialTab();
    // A tab switch while we were asking which tab is active wins over the stale answer.
    if (generation === 0) await load(first);
  }

  /** The panel is closing: save what is typed (filters, notes) and count the meetings left open as read. */
  function leave(): void {
    index.flushFilters();
    void mine?.flush();
    const novelty = mine?.novelty.peek();
    const read = [...openMeetings.keys].filter((key) => novelty?.meetings.has(key));
    if (read.length > 0) void mine?.markSeen(read);
  }

  /** Stops what start() and the state began; for a panel (or a test) that is done with it. */
  function dispose(): void {
    for (const stop of stops.splice(0)) stop();
    mine?.dispose();
  }

  // Views read these signals; they change only through the functions returned with them.
  return {
    tabId: tabId as ReadonlySignal<number | null>,
    snapshot: snapshot as ReadonlySignal<AgendaSnapshot | null>,
    agenda,
    refs,
    view,
    tab: tab as ReadonlySignal<PanelTab>,
    /** Shows one of the panel's pages. */
    showTab(next: PanelTab): void {
      tab.value = next;
    },
    summary,
    notice: notice as ReadonlySignal<string | null>,
    progress: progress as ReadonlySignal<LoadProgress | null>,
    index,
    github: options.github ?? null,
    private: mine,
    history,
    load,
    jump,
    start,
    leave,
    dispose,
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
