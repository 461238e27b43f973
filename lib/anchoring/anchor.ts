// Content anchors: what a note remembers about the item it was written on, so that it can find the
// item again after meetings are added above it, items are reordered, or its text is edited a little —
// and in another rendering of the same agenda (Google Doc, published page, GitHub archive).
// Nothing here depends on positions or on page markup.
import type { Agenda, SectionKind } from '../agenda/model';
import { flattenAgenda, type FlatItem } from './flat-items';
import { dice, normaliseForAnchor, profileOfNormal, profileSimilarity, type TextProfile } from './similarity';

export interface ItemAnchor {
  /** The meeting's date, `YYYY-MM-DD` (not its key: `#2` suffixes depend on the rendering's order). */
  meetingDate: string;
  sectionKind: SectionKind;
  /** The item's text, normalised (`normaliseForAnchor`). */
  text: string;
  /** GitHub references, sorted, each once. */
  refs: string[];
  /** Link targets, normalised (`normaliseHref`), sorted, each once. */
  links: string[];
  /** Normalised, shortened texts of the sibling before, the sibling after and the parent item. */
  prev?: string;
  next?: string;
  parent?: string;
}

export interface Reattachment {
  itemKey: string;
  /** 0…1; 1 is the same text, links and neighbours in the same meeting and section. */
  score: number;
}

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

/** How much each kind of evidence counts; they add up to 1. */
const WEIGHT = { text: 0.6, date: 0.15, section: 0.05, refsAndLinks: 0.1, neighbours: 0.1 } as const;
/** A candidate must say nearly the same thing, and the evidence in total must be strong. */
const MIN_TEXT_SAME_MEETING = 0.5;
/** When the note's meeting is gone (its date was corrected, or it was deleted) only close text will do. */
const MIN_TEXT_ELSEWHERE = 0.75;
const MIN_SCORE = 0.6;
/** Neighbours count as the same when this alike. */
const NEIGHBOUR_MATCH = 0.8;
/** Neighbour texts are context, not content: a prefix is enough and keeps anchors small. */
const NEIGHBOUR_CHARS = 200;
/** When searching the whole agenda, only the items sharing the most words are scored. */
const FALLBACK_CANDIDATES = 200;

/** Query parameters that say who shared a link, not what it points to. */
const TRACKING_PARAMS = /^(?:usp|utm_\w+|sa|ust|usg|ved|ei)$/i;

/** A link target as any rendering would write it: no scheme, no `www.`, no fragment, no tracking. */
export function normaliseHref(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href.trim().toLowerCase();
  }
  // Google Docs exports wrap every link in a redirect.
  const wrapped = url.hostname === 'www.google.com' && url.pathname === '/url' ? url.searchParams.get('q') : null;
  if (wrapped) return normaliseHref(wrapped);
  const params = [...url.searchParams.entries()].filter(([name]) => !TRACKING_PARAMS.test(name));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${query}`;
}

/**
 * An agenda prepared for many anchor look-ups: items by key and by meeting date, text profiles
 * computed on first use, and a word index built only if a search must span the whole agenda.
 * Treats the agenda as immutable (it is a parsed snapshot).
 */
export class AnchorIndex {
  readonly items: readonly FlatItem[];
  private readonly byKey = new Map<string, number>();
  private readonly byDate = new Map<string, number[]>();
  private readonly meetingDates: ReadonlySet<string>;
  private readonly normals: (string | undefined)[] = [];
  private readonly profiles: (TextProfile | undefined)[] = [];
  private readonly targets: (ReadonlySet<string> | undefined)[] = [];
  private wordIndex: Map<string, number[]> | null = null;

  constructor(readonly agenda: Agenda) {
    this.items = flattenAgenda(agenda);
    this.meetingDates = new Set(agenda.meetings.map((meeting) => meeting.date));
    this.items.forEach((flat, index) => {
      this.byKey.set(flat.item.key, index);
      const sameDate = this.byDate.get(flat.meeting.date);
      if (sameDate) sameDate.push(index);
      else this.byDate.set(flat.meeting.date, [index]);
    });
  }

  flat(itemKey: string): FlatItem | undefined {
    const index = this.byKey.get(itemKey);
    return index === undefined ? undefined : this.items[index];
  }

  hasMeetingDate(date: string): boolean {
    return this.meetingDates.has(date);
  }

  anchorFor(itemKey: string): ItemAnchor | null {
    const index = this.byKey.get(itemKey);
    const flat = index === undefined ? undefined : this.items[index];
    if (index === undefined || !flat) return null;
    const anchor: ItemAnchor = {
      meetingDate: flat.meeting.date,
      sectionKind: flat.section.kind,
      text: this.normal(index),
      refs: sortedUnique(flat.item.refs),
      links: sortedUnique(flat.item.links.map((link) => normaliseHref(link.href))),
    };
    const prev = this.neighbourText(flat.prev);
    const next = this.neighbourText(flat.next);
    const parent = this.neighbourText(flat.parent);
    if (prev !== undefined) anchor.prev = prev;
    if (next !== undefined) anchor.next = next;
    if (parent !== undefined) anchor.parent = parent;
    return anchor;
  }

  /**
   * The item the anchor most likely points at now, or null when nothing is close enough.
   * Candidates are the items of meetings on the anchor's date; only when no meeting has that date
   * is the whole agenda searched (narrowed by shared words first).
   * `hintKey` (the key the note last sat on) breaks ties between equally good candidates.
   */
  reattach(anchor: ItemAnchor, hintKey?: string): Reattachment | null {
    const query = new AnchorQuery(anchor);
    const sameDate = this.byDate.get(anchor.meetingDate);
    if (sameDate) return this.unchanged(query, sameDate) ?? this.best(query, sameDate, MIN_TEXT_SAME_MEETING, hintKey);
    // The meeting is there but has no items left: the item is gone, not elsewhere.
    if (this.hasMeetingDate(anchor.meetingDate)) return null;
    return this.best(query, this.similarWords(query), MIN_TEXT_ELSEWHERE, hintKey);
  }

  /**
   * The common case, cheaply: exactly one item of the meeting has the same text in the same section.
   * Comparing normalised strings avoids building text profiles for every candidate.
   */
  private unchanged(query: AnchorQuery, candidates: readonly number[]): Reattachment | null {
    let only: number | null = null;
    for (const index of candidates) {
      if (this.normal(index) !== query.anchor.text || this.items[index]?.section.kind !== query.anchor.sectionKind)
        continue;
      if (only !== null) return null;
      only = index;
    }
    const flat = only === null ? undefined : this.items[only];
    if (only === null || !flat) return null;
    const { text, score } = this.score(query, only, flat);
    if (text < MIN_TEXT_SAME_MEETING || score < MIN_SCORE) return null;
    return { itemKey: flat.item.key, score: round(score) };
  }

  private best(
    query: AnchorQuery,
    candidates: readonly number[],
    minText: number,
    hintKey: string | undefined,
  ): Reattachment | null {
    let best: { key: string; score: number } | null = null;
    for (const index of candidates) {
      const flat = this.items[index];
      if (!flat) continue;
      const { text, score } = this.score(query, index, flat);
      if (text < minText || score < MIN_SCORE) continue;
      const better =
        !best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && flat.item.key === hintKey);
      if (better) best = { key: flat.item.key, score };
    }
    return best ? { itemKey: best.key, score: round(best.score) } : null;
  }

  private score(query: AnchorQuery, index: number, flat: FlatItem): { text: number; score: number } {
    const anchor = query.anchor;
    const refsAndLinks = dice(query.refsAndLinks, this.refsAndLinks(index));
    // An item that is only a link has no words: then its links are what it says.
    const text =
      anchor.text.length === 0
        ? refsAndLinks
        : this.normal(index) === anchor.text
          ? 1
          : profileSimilarity(query.profile, this.profile(index));
    const neighbours =
      (this.neighbourMatch(query.prev, flat.prev) +
        this.neighbourMatch(query.next, flat.next) +
        this.neighbourMatch(query.parent, flat.parent)) /
      3;
    const score =
      WEIGHT.text * text +
      (flat.meeting.date === anchor.meetingDate ? WEIGHT.date : 0) +
      (flat.section.kind === anchor.sectionKind ? WEIGHT.section : 0) +
      WEIGHT.refsAndLinks * refsAndLinks +
      WEIGHT.neighbours * neighbours;
    return { text, score };
  }

  private neighbourMatch(wanted: TextProfile | null, index: number | null): number {
    if (wanted === null || index === null) return wanted === null && index === null ? 1 : 0;
    const normal = this.normal(index);
    if (shorten(normal) === wanted.normal) return 1;
    const actual = normal.length > NEIGHBOUR_CHARS ? profileOfNormal(shorten(normal)) : this.profile(index);
    return profileSimilarity(wanted, actual) >= NEIGHBOUR_MATCH ? 1 : 0;
  }

  private neighbourText(index: number | null): string | undefined {
    return index === null ? undefined : shorten(this.normal(index));
  }

  private normal(index: number): string {
    let normal = this.normals[index];
    if (normal === undefined) {
      normal = normaliseForAnchor(this.items[index]?.item.text ?? '');
      this.normals[index] = normal;
    }
    return normal;
  }

  private profile(index: number): TextProfile {
    const known = this.profiles[index];
    if (known) return known;
    const profile = profileOfNormal(this.normal(index));
    this.profiles[index] = profile;
    return profile;
  }

  private refsAndLinks(index: number): ReadonlySet<string> {
    const known = this.targets[index];
    if (known) return known;
    const item = this.items[index]?.item;
    const targets = new Set([...(item?.refs ?? []), ...(item?.links ?? []).map((link) => normaliseHref(link.href))]);
    this.targets[index] = targets;
    return targets;
  }

  /** The items sharing the most words with the anchor, across all meetings. */
  private similarWords(query: AnchorQuery): number[] {
    const words = this.words();
    // Words in a large share of the items ("the", "review") say little and cost much.
    const tooCommon = Math.max(50, this.items.length * 0.05);
    const shared = new Map<number, number>();
    for (const token of query.profile.tokens) {
      const holders = words.get(token);
      if (!holders || holders.length > tooCommon) continue;
      for (const index of holders) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, FALLBACK_CANDIDATES)
      .map(([index]) => index);
  }

  private words(): Map<string, number[]> {
    if (this.wordIndex) return this.wordIndex;
    const index = new Map<string, number[]>();
    this.items.forEach((_, position) => {
      for (const token of this.profile(position).tokens) {
        const holders = index.get(token);
        if (holders) holders.push(position);
        else index.set(token, [position]);
      }
    });
    this.wordIndex = index;
    return index;
  }
}

/** An anchor prepared once for scoring against many candidates. */
class AnchorQuery {
  readonly profile: TextProfile;
  readonly refsAndLinks: ReadonlySet<string>;
  readonly prev: TextProfile | null;
  readonly next: TextProfile | null;
  readonly parent: TextProfile | null;

  constructor(readonly anchor: ItemAnchor) {
    this.profile = profileOfNormal(anchor.text);
    this.refsAndLinks = new Set([...anchor.refs, ...anchor.links]);
    this.prev = anchor.prev === undefined ? null : profileOfNormal(anchor.prev);
    this.next = anchor.next === undefined ? null : profileOfNormal(anchor.next);
    this.parent = anchor.parent === undefined ? null : profileOfNormal(anchor.parent);
  }
}

// Parsed agendas are immutable snapshots, so an index can be shared by every look-up on one of them.
const indexes = new WeakMap<Agenda, AnchorIndex>();

export function indexAgenda(agenda: Agenda): AnchorIndex {
  let index = indexes.get(agenda);
  if (!index) {
    index = new AnchorIndex(agenda);
    indexes.set(agenda, index);
  }
  return index;
}

/** The anchor of an item, or null when the agenda has no item with that key. */
export function anchorFor(agenda: Agenda, itemKey: string): ItemAnchor | null {
  return indexAgenda(agenda).anchorFor(itemKey);
}

export function reattach(agenda: Agenda, anchor: ItemAnchor, hintKey?: string): Reattachment | null {
  return indexAgenda(agenda).reattach(anchor, hintKey);
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function shorten(normal: string): string {
  if (normal.length <= NEIGHBOUR_CHARS) return normal;
  const cut = normal.lastIndexOf(' ', NEIGHBOUR_CHARS);
  return normal.slice(0, cut > 0 ? cut : NEIGHBOUR_CHARS);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
