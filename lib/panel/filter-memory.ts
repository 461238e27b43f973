// Filters are remembered per agenda, in the panel's localStorage. What is read back is checked field by
// field: storage may hold anything (an older version's shape, a hand edit), and a bad value must never
// break the panel, so it falls back to "no filter" for that field.
import type { SectionKind } from '../agenda/model';
import { NO_FILTERS, isFiltering, isSectionKind, type Filters } from './filters';

const PREFIX = 'agenda-overlay:filters:';
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

export function filtersStorageKey(agendaId: string): string {
  return PREFIX + agendaId;
}

/** The filters last used on this agenda; NO_FILTERS when none were saved or they cannot be read. */
export function loadFilters(storage: Pick<Storage, 'getItem'>, agendaId: string): Filters {
  let raw: string | null;
  try {
    raw = storage.getItem(filtersStorageKey(agendaId));
  } catch {
    return NO_FILTERS;
  }
  if (raw === null) return NO_FILTERS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return NO_FILTERS;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO_FILTERS;
  return sanitise(value as Record<string, unknown>);
}

function sanitise(v: Record<string, unknown>): Filters {
  const kinds: SectionKind[] = [];
  if (Array.isArray(v.kinds)) {
    for (const kind of v.kinds) if (isSectionKind(kind) && !kinds.includes(kind)) kinds.push(kind);
  }
  const month = (x: unknown): string | null => (typeof x === 'string' && MONTH.test(x) ? x : null);
  const filters: Filters = {
    query: typeof v.query === 'string' ? v.query : '',
    kinds,
    person: typeof v.person === 'string' && v.person.trim() !== '' ? v.person.trim().toLowerCase() : null,
    from: month(v.from),
    to: month(v.to),
    hideCanceled: v.hideCanceled === true,
    hasRecording: v.hasRecording === true,
  };
  return isFiltering(filters) ? filters : NO_FILTERS;
}

/** Remembers the filters for this agenda; no filters at all forgets them. Never throws (quota, private mode). */
export function saveFilters(storage: Pick<Storage, 'setItem' | 'removeItem'>, agendaId: string, f: Filters): void {
  try {
    const key = filtersStorageKey(agendaId);
    if (!isFiltering(f)) {
      storage.removeItem(key);
      return;
    }
    const stored: Filters = {
      query: f.query,
      kinds: [...f.kinds],
      person: f.person,
      from: f.from,
      to: f.to,
      hideCanceled: f.hideCanceled,
      hasRecording: f.hasRecording,
    };
    storage.setItem(key, JSON.stringify(stored));
  } catch {
    // Remembering is a convenience: a full or unavailable storage must not break filtering.
  }
}

export interface FilterSaver {
  /** Remembers these filters for the agenda, soon. */
  save(agendaId: string, f: Filters): void;
  /** Writes what waits now: when the panel goes away, and before another agenda's filters are read. */
  flush(): void;
}

/**
 * Saves filters when the panel is idle, not on the keystroke that changed them: writing localStorage on
 * every keystroke cost it more than a millisecond. Only the last filters are written.
 */
export function createFilterSaver(storage: Pick<Storage, 'setItem' | 'removeItem'>): FilterSaver {
  let waiting: { agendaId: string; filters: Filters } | null = null;
  let cancel: (() => void) | null = null;
  const flush = (): void => {
    cancel?.();
    cancel = null;
    if (waiting) saveFilters(storage, waiting.agendaId, waiting.filters);
    waiting = null;
  };
  return {
    save(agendaId, f) {
      if (waiting && waiting.agendaId !== agendaId) flush();
      waiting = { agendaId, filters: f };
      cancel ??= whenIdle(flush);
    },
    flush,
  };
}

/** Runs `run` once the page is idle (within a second), or soon where there is no idle callback. */
function whenIdle(run: () => void): () => void {
  const idle = globalThis.requestIdleCallback;
  if (idle) {
    const id = idle(run, { timeout: 1000 });
    return () => globalThis.cancelIdleCallback(id);
  }
  const timer = setTimeout(run, 200);
  return () => clearTimeout(timer);
}
