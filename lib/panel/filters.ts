// The side panel's filters: what the user narrows the index by, the chips that show each active filter,
// and how one chip is cleared. Plain data, so that it can be remembered per agenda (filter-memory.ts).
import type { SectionKind } from '../agenda/model';

export interface Filters {
  /** Full-text search, as typed. */
  query: string;
  /** Section kinds to keep; [] = all. */
  kinds: SectionKind[];
  /** A person key (lower-case handle or name) or null. */
  person: string | null;
  /** 'YYYY-MM' inclusive, or null. */
  from: string | null;
  /** 'YYYY-MM' inclusive, or null. */
  to: string | null;
  hideCanceled: boolean;
  hasRecording: boolean;
}

/** Frozen: build new filters with spreads (`{ ...NO_FILTERS, person: 'liggitt' }`), never by mutation. */
export const NO_FILTERS: Filters = Object.freeze({
  query: '',
  kinds: Object.freeze([]) as unknown as SectionKind[],
  person: null,
  from: null,
  to: null,
  hideCanceled: false,
  hasRecording: false,
});

export const SECTION_KINDS: readonly SectionKind[] = [
  'announcements',
  'demos',
  'pulls',
  'designs',
  'discussion',
  'action-items',
  'needs-review',
  'other',
];

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  pulls: 'Pulls of note',
  designs: 'Designs of note',
  discussion: 'Discussion topics',
  'action-items': 'Action items',
  'needs-review': 'Needs review',
  announcements: 'Announcements',
  demos: 'Demos',
  other: 'Other',
};

export function isSectionKind(value: unknown): value is SectionKind {
  return typeof value === 'string' && Object.hasOwn(SECTION_KIND_LABELS, value);
}

/** The query counts once it has anything but spaces (its chip shows it even before it has a searchable word). */
function hasQuery(f: Filters): boolean {
  return f.query.trim() !== '';
}

/** Any filter or query active. */
export function isFiltering(f: Filters): boolean {
  return (
    hasQuery(f) ||
    f.kinds.length > 0 ||
    f.person !== null ||
    f.from !== null ||
    f.to !== null ||
    f.hideCanceled ||
    f.hasRecording
  );
}

export interface FilterChip {
  id: string;
  label: string;
}

/** The active filters, in a fixed order, each visible and clearable on its own. */
export function filterChips(f: Filters): FilterChip[] {
  const chips: FilterChip[] = [];
  if (hasQuery(f)) chips.push({ id: 'query', label: `“${f.query.trim()}”` });
  for (const kind of f.kinds) chips.push({ id: `kind:${kind}`, label: `Section: ${SECTION_KIND_LABELS[kind]}` });
  if (f.person !== null) chips.push({ id: 'person', label: `Person: ${f.person}` });
  const range = rangeLabel(f.from, f.to);
  if (range) chips.push({ id: 'range', label: range });
  if (f.hideCanceled) chips.push({ id: 'hideCanceled', label: 'Hiding canceled' });
  if (f.hasRecording) chips.push({ id: 'hasRecording', label: 'With recording' });
  return chips;
}

function rangeLabel(from: string | null, to: string | null): string | null {
  if (from !== null && to !== null) return from === to ? from : `${from} – ${to}`;
  if (from !== null) return `From ${from}`;
  if (to !== null) return `Until ${to}`;
  return null;
}

/** The filters without the one a chip stands for; the same object when no chip has that id. */
export function clearFilter(f: Filters, chipId: string): Filters {
  if (chipId.startsWith('kind:')) {
    const kind = chipId.slice('kind:'.length);
    if (!f.kinds.some((k) => k === kind)) return f;
    return { ...f, kinds: f.kinds.filter((k) => k !== kind) };
  }
  switch (chipId) {
    case 'query':
      return { ...f, query: '' };
    case 'person':
      return { ...f, person: null };
    case 'range':
      return { ...f, from: null, to: null };
    case 'hideCanceled':
      return { ...f, hideCanceled: false };
    case 'hasRecording':
      return { ...f, hasRecording: false };
    default:
      return f;
  }
}
