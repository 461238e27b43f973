// What the index shows of an agenda: filters, expanded meetings, the active row, the meeting in view.
// All of it is keyed by content-derived keys, so a live re-parse of the page keeps it.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Agenda, SectionKind } from '../agenda/model';
import type { RefReport } from '../github/status';
import { NO_FILTERS, SECTION_KIND_LABELS, clearFilter, filterChips, isFiltering, type Filters } from './filters';
import { createFilterSaver, loadFilters } from './filter-memory';
import { meetingTime, nextMeeting } from './meeting-time';
import { peopleOf } from './people';
import { STATUS_FILTERS, type StatusFilter } from './github-status';
import { browseRows, type Row } from './rows';
import { resultRows } from './result-rows';
import { narrowByStatus } from './status-narrowing';
import { MARK_FILTERS, narrowByMark, type MarkFilter, type MarkSets } from './mark-narrowing';
import { browseView, buildSearchIndex, filterAgenda, queryWords, searchesItems, type FilteredView } from './search';
import { approximateSearch, type ApproximateResults } from './approximate-search';

export interface IndexOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  today?: () => string;
  /** GitHub statuses by reference, for the status filter. */
  reports?: ReadonlySignal<ReadonlyMap<string, RefReport>>;
  /** The user's notes, follows and what is new, for the mark filter. */
  marks?: ReadonlySignal<MarkSets>;
}

export function createIndexState(agenda: ReadonlySignal<Agenda | null>, options: IndexOptions = {}) {
  const filters = signal<Filters>(NO_FILTERS);
  const statusFilter = signal<StatusFilter | null>(null);
  const markFilter = signal<MarkFilter | null>(null);
  /** Meetings the user opened while browsing; in search results every meeting starts open. */
  const expanded = signal<ReadonlySet<string>>(new Set());
  const collapsedResults = signal<ReadonlySet<string>>(new Set());
  const activeId = signal<string | null>(null);
  /** The meeting at the top of the page's viewport, as the page reports it. */
  const currentMeetingKey = signal<string | null>(null);

  const searchIndex = computed(() => (agenda.value ? buildSearchIndex(agenda.value) : null));
  /** The query's results; when it finds nothing, the results of its closest readings, marked approximate. */
  const searched = computed((): { view: FilteredView; approximate: ApproximateResults['readings'] | null } | null => {
    // Filters first: the words shown in bold read this on every agenda, and browsing needs no index.
    if (!searchesItems(filters.value)) return null;
    const index = searchIndex.value;
    if (!index) return null;
    const view = filterAgenda(index, filters.value);
    if (view.mode !== 'results' || view.hitCount > 0) return { view, approximate: null };
    const near = approximateSearch(index, filters.value);
    return near ? { view: near.view, approximate: near.readings } : { view, approximate: null };
  });
  /** How the query was read when nothing matched it as typed; null when it matched (or is not searched). */
  const approximate = computed(() => searched.value?.approximate ?? null);
  const filtered = computed(() => {
    const current = agenda.value;
    if (!current) return null;
    const status = options.reports ? statusFilter.value : null;
    const mark = options.marks ? markFilter.value : null;
    // Browsing needs no search index: a long agenda shows before one is built (see warm()).
    if (!status && !mark && !searchesItems(filters.value)) return browseView(current.meetings, filters.value);
    const index = searchIndex.value;
    if (!index) return null;
    const found = searched.value;
    const view = found?.view ?? filterAgenda(index, filters.value);
    const byStatus = status && options.reports ? narrowByStatus(index, view, status, options.reports.value) : view;
    return mark ? narrowByMark(index, byStatus, mark, options.marks!.value) : byStatus;
  });
  const rowList = computed(() => {
    const current = agenda.value;
    const view = filtered.value;
    if (!current || !view) return null;
    if (view.mode === 'browse') return browseRows(current, view, (key) => expanded.value.has(key));
    const index = searchIndex.value;
    return index ? resultRows(index, view, (key) => !collapsedResults.value.has(key)) : null;
  });
  const words = computed(() => {
    const readings = approximate.value;
    return readings
      ? readings.flatMap((reading) => reading.closest.flatMap(queryWords))
      : queryWords(filters.value.query);
  });
  const chips = computed(() => {
    const status = STATUS_FILTERS.find((option) => option.value === statusFilter.value);
    const mark = MARK_FILTERS.find((option) => option.value === markFilter.value);
    return [
      ...filterChips(filters.value),
      ...(status ? [{ id: 'status', label: `Status: ${status.label}` }] : []),
      ...(mark ? [{ id: 'mark', label: mark.label }] : []),
    ];
  });
  const filtering = computed(
    () => isFiltering(filters.value) || statusFilter.value !== null || markFilter.value !== null,
  );
  const people = computed(() => (agenda.value ? peopleOf(agenda.value) : []));
  /** 'YYYY-MM' of every meeting, newest first, for the month range. */
  const months = computed(() => {
    const all = new Set((agenda.value?.meetings ?? []).map((m) => m.date.slice(0, 7)));
    return [...all].sort().reverse();
  });
  /** The section kinds this agenda uses, in the usual order. */
  const kinds = computed(() => {
    const seen = new Set<SectionKind>();
    for (const meeting of agenda.value?.meetings ?? []) for (const section of meeting.sections) seen.add(section.kind);
    return (Object.keys(SECTION_KIND_LABELS) as SectionKind[]).filter((kind) => seen.has(kind));
  });
  const upcoming = computed(() => {
    const current = agenda.value;
    if (!current) return null;
    const meeting = nextMeeting(current, (options.today ?? localToday)());
    return meeting ? { meeting, time: meetingTime(meeting.date, meeting.time) } : null;
  });
  const resultCount = computed(() => {
    const view = filtered.value;
    if (!view) return 0;
    return view.mode === 'browse' ? view.meetingIndexes.length : view.hitCount;
  });

  let warming = 0;
  /** Builds the search index when the panel is idle, so that the first keystroke does not wait for it. */
  function warm(): void {
    const idle = globalThis.requestIdleCallback;
    if (!idle || warming) return;
    warming = idle(
      () => {
        warming = 0;
        void searchIndex.value;
      },
      { timeout: 1000 },
    );
  }

  let agendaId: string | null = null;
  const saver = options.storage ? createFilterSaver(options.storage) : null;
  /** Called when the panel shows another agenda: bring back that agenda's filters. */
  function useAgenda(id: string | null): void {
    if (id === agendaId) return;
    saver?.flush();
    agendaId = id;
    batch(() => {
      filters.value = id && options.storage ? loadFilters(options.storage, id) : NO_FILTERS;
      statusFilter.value = null;
      markFilter.value = null;
      expanded.value = new Set();
      collapsedResults.value = new Set();
      activeId.value = null;
      currentMeetingKey.value = null;
    });
  }

  function setFilters(next: Filters): void {
    filters.value = next;
    if (agendaId) saver?.save(agendaId, next);
  }

  function toggle(meetingKey: string, open?: boolean): void {
    // Browsing remembers the open meetings; search results remember the closed ones.
    const inResults = filtered.value?.mode === 'results';
    const remembered = inResults ? collapsedResults : expanded;
    const set = new Set(remembered.value);
    const isOpen = set.has(meetingKey) !== inResults;
    const want = open ?? !isOpen;
    if (want === isOpen) return;
    if (set.has(meetingKey)) set.delete(meetingKey);
    else set.add(meetingKey);
    // A row hidden by the collapse cannot stay selected: the selection moves up to its meeting.
    const active = activeRow();
    const hidesActive = !want && active !== null && active.kind !== 'meeting' && active.meetingKey === meetingKey;
    batch(() => {
      remembered.value = set;
      if (hidesActive) activeId.value = meetingKey;
    });
  }

  /** Moves the active row by `delta` rows, staying inside the list. */
  function move(delta: number): void {
    const list = rowList.value;
    if (!list || list.count === 0) return;
    const at = activeId.value === null ? -1 : list.indexOf(activeId.value);
    const last = list.count - 1;
    const next = !Number.isFinite(delta)
      ? delta > 0
        ? last
        : 0
      : at === -1
        ? delta > 0
          ? 0
          : last
        : Math.min(last, Math.max(0, at + delta));
    activeId.value = list.row(next).id;
  }

  function activeRow(): Row | null {
    const id = activeId.value;
    const list = rowList.value;
    const at = id === null || !list ? -1 : list.indexOf(id);
    return at === -1 ? null : list!.row(at);
  }

  /** Shows a meeting or item from elsewhere (the Following view, a note): its meeting opens, it becomes active. */
  function reveal(key: string): void {
    const meetingKey = key.split('/')[0] ?? key;
    batch(() => {
      if (meetingKey !== key) toggle(meetingKey, true);
      activeId.value = key;
    });
  }

  // Views read these; they change only through the actions below.
  return {
    filters: filters as ReadonlySignal<Filters>,
    statusFilter: statusFilter as ReadonlySignal<StatusFilter | null>,
    markFilter: markFilter as ReadonlySignal<MarkFilter | null>,
    expanded: expanded as ReadonlySignal<ReadonlySet<string>>,
    activeId: activeId as ReadonlySignal<string | null>,
    currentMeetingKey: currentMeetingKey as ReadonlySignal<string | null>,
    filtered,
    approximate,
    rowList,
    words,
    chips,
    filtering,
    people,
    months,
    kinds,
    upcoming,
    resultCount,
    useAgenda,
    /** Writes the filters not saved yet: call it when the panel goes away. */
    flushFilters: () => saver?.flush(),
    warm,
    setFilters,
    updateFilters: (patch: Partial<Filters>) => setFilters({ ...filters.value, ...patch }),
    clearChip: (id: string) => {
      if (id === 'status') statusFilter.value = null;
      else if (id === 'mark') markFilter.value = null;
      else setFilters(clearFilter(filters.value, id));
    },
    clearAll: () =>
      batch(() => {
        statusFilter.value = null;
        markFilter.value = null;
        setFilters(NO_FILTERS);
      }),
    /** Picks a status filter; picking the one in use again turns it off. */
    toggleStatusFilter: (filter: StatusFilter) => {
      statusFilter.value = statusFilter.value === filter ? null : filter;
    },
    setMarkFilter: (mark: MarkFilter | null) => {
      markFilter.value = mark;
    },
    /** Makes a row the active one (null: none). */
    activate: (id: string | null) => {
      activeId.value = id;
    },
    /** The page reports the meeting at the top of its viewport. */
    showCurrentMeeting: (key: string | null) => {
      currentMeetingKey.value = key;
    },
    toggle,
    reveal,
    move,
    activeRow,
  };
}

export type IndexState = ReturnType<typeof createIndexState>;

function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
