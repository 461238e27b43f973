// The user's private marks in the agenda page: a small "note" marker after a meeting heading or item the
// user has a note on, and a "followed" marker after an item that mentions something the user follows. The
// panel works out which keys carry them (it owns the store) and sends them with `agenda/marks`; each message
// replaces the marks before. The page never learns the notes' text, only that a marker is there.
//
// Each marker is an element of our own (`<agenda-overlay-mark data-agenda-overlay="mark">`) with a closed
// shadow root, put at the end of the heading's or item's own line (before its nested list): the page's
// markup and text stay as they were, its styles cannot reach inside, its scripts cannot tell a note from a
// follow, and the marker is neither selected nor copied with the page's text. Keys are only looked up,
// never written into the page.
import type { AgendaSnapshot, PageMarks } from '../messaging/protocol';
import { OVERLAY_ATTRIBUTE, isOverlayNode } from './highlight';
import { createOverlayHost, type OverlayHost } from './overlay-host';

export const MARK_TAG = 'agenda-overlay-mark';
export const MARK_OVERLAY_KIND = 'mark';
const SVG_NS = 'http://www.w3.org/2000/svg';

export type MarkKind = 'note' | 'follow';

/** What each marker says to a screen reader and on hover, its glyph (16×16, white strokes) and its chip's colour. */
export const MARK_LOOKS: Readonly<Record<MarkKind, { label: string; paths: readonly string[]; background: string }>> = {
  note: {
    label: 'You have a note here',
    // A sheet with a folded corner and two lines of writing.
    paths: ['M4.25 2.25h5l2.5 2.5v9h-7.5z', 'M9.25 2.25v2.5h2.5', 'M6.25 8h3.5', 'M6.25 10.75h3.5'],
    // Amber, a sticky note's colour; white on it passes 4.5:1, on light pages and dark ones alike.
    background: '#9a6700',
  },
  follow: {
    label: 'Mentions something you follow',
    // An eye, as in GitHub's "Watch".
    paths: [
      'M1.5 8S4 3.75 8 3.75 14.5 8 14.5 8 12 12.25 8 12.25 1.5 8 1.5 8z',
      'M8 6.25a1.75 1.75 0 1 0 0 3.5 1.75 1.75 0 0 0 0-3.5z',
    ],
    background: '#0969da',
  },
};
const KIND_ORDER: readonly MarkKind[] = ['note', 'follow'];

/** Finds the element of a meeting or item key on the page now, or nothing when the key is gone. */
export type ElementOf = (key: string) => Element | null | undefined;

export interface PrivateMarksOptions {
  /** Tests open the shadow roots to look inside. */
  shadowMode?: ShadowRootMode;
  /** Reads the page again: called when the page's own script re-drew elements that carried markers. */
  reread?: () => void;
  /** Wait after such a re-draw before putting the markers back (default 300 ms, past the watcher's own wait). */
  healDelayMs?: number;
}

export interface PrivateMarks {
  /** Draws `marks` in place of those drawn before, when they are for the page's agenda; others are ignored. */
  show(marks: PageMarks): void;
  /** Call with every new snapshot: keys still on the page keep their markers, the others lose them. */
  follow(snapshot: AgendaSnapshot): void;
  /** Removes every marker and forgets the marks. */
  stop(): void;
}

interface Marker extends OverlayHost {
  /** The kinds drawn now, to skip repainting the same. */
  drawn: string;
}

/** A page that keeps removing our markers gets them back this many times per message, not forever. */
const MAX_HEALS = 5;

export function startPrivateMarks(
  doc: Document,
  elementOf: ElementOf,
  options: PrivateMarksOptions = {},
): PrivateMarks {
  const shadowMode = options.shadowMode ?? 'closed';
  const healDelayMs = options.healDelayMs ?? 300;
  let agendaId: string | null = null;
  let marks: PageMarks | null = null;
  let markers = new Map<Element, Marker>();
  let heals = 0;
  let healTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function wanted(): Map<Element, MarkKind[]> {
    const found = new Map<Element, MarkKind[]>();
    if (!marks || marks.agendaId !== agendaId) return found;
    const add = (key: string, kind: MarkKind): void => {
      const element = elementOf(key);
      if (!element) return;
      const kinds = found.get(element);
      if (!kinds) found.set(element, [kind]);
      else if (!kinds.includes(kind)) kinds.push(kind);
    };
    for (const key of marks.notes) add(key, 'note');
    for (const key of marks.follows) add(key, 'follow');
    return found;
  }

  function draw(): void {
    const next = new Map<Element, Marker>();
    for (const [element, kinds] of wanted()) {
      const marker = markers.get(element) ?? createMarker(doc, shadowMode);
      if (!element.contains(marker.host)) placeAtLineEnd(element, marker.host);
      paint(
        doc,
        marker,
        KIND_ORDER.filter((kind) => kinds.includes(kind)),
      );
      next.set(element, marker);
    }
    for (const [element, marker] of markers) if (next.get(element) !== marker) marker.host.remove();
    markers = next;
    // Markers no element owns any more, or left by an earlier copy of this script (the extension reloaded).
    const owned = new Set<Element>([...next.values()].map((marker) => marker.host));
    for (const host of doc.querySelectorAll(`${MARK_TAG}[${OVERLAY_ATTRIBUTE}]`)) if (!owned.has(host)) host.remove();
    watchForLoss();
  }

  // The page's own script may re-draw an item with the same text: the agenda did not change, so no new
  // snapshot comes, but the markers went with the old elements. Read the page again and put them back.
  let observer: MutationObserver | null = null;
  function watchForLoss(): void {
    if (markers.size === 0 || stopped || typeof MutationObserver !== 'function') {
      observer?.disconnect();
      observer = null;
      return;
    }
    if (observer || !doc.documentElement) return;
    observer = new MutationObserver((records) => {
      if (!records.some((record) => record.removedNodes.length > 0)) return;
      if (healTimer !== undefined || heals >= MAX_HEALS) return;
      if (![...markers.values()].some((marker) => !marker.host.isConnected)) return;
      healTimer = setTimeout(heal, healDelayMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  }

  function heal(): void {
    healTimer = undefined;
    if (stopped) return;
    heals++;
    options.reread?.();
    draw();
  }

  function clear(): void {
    marks = null;
    draw();
  }

  return {
    show(next) {
      // Marks for another agenda (the tab moved on while the panel was working) are not this page's.
      if (stopped || next.agendaId !== agendaId) return;
      heals = 0;
      marks = next;
      draw();
    },
    follow(snapshot) {
      if (stopped) return;
      const id = snapshot.status === 'agenda' ? snapshot.agenda.id : null;
      if (id !== agendaId) {
        agendaId = id;
        clear();
        return;
      }
      if (id === null) return;
      draw();
    },
    stop() {
      stopped = true;
      clearTimeout(healTimer);
      observer?.disconnect();
      observer = null;
      marks = null;
      for (const marker of markers.values()) marker.host.remove();
      markers = new Map();
      for (const host of doc.querySelectorAll(`${MARK_TAG}[${OVERLAY_ATTRIBUTE}]`)) host.remove();
    },
  };
}

/**
 * The end of the element's own line: before its nested list (GitHub nests lists inside items), and inside
 * the paragraph that holds the item's text when the list is loose (`<li><p>text</p><ul>…`).
 */
function placeAtLineEnd(element: Element, host: Element): void {
  const nested = [...element.children].find((child) => child.localName === 'ul' || child.localName === 'ol') ?? null;
  let last: Node | null = nested ? nested.previousSibling : element.lastChild;
  while (last && (isOverlayNode(last) || (last.nodeType === Node.TEXT_NODE && !last.textContent?.trim()))) {
    last = last.previousSibling;
  }
  if (last instanceof Element && last.localName === 'p') last.append(host);
  else element.insertBefore(host, nested);
}

/** Small and on the text's line, so the line does not grow. */
const MARKER_STYLE: Readonly<Record<string, string>> = {
  display: 'inline-flex',
  position: 'static',
  float: 'none',
  gap: '0.2em',
  width: 'auto',
  height: 'auto',
  margin: '0 0 0 0.35em',
  padding: '0',
  border: '0',
  background: 'none',
  'vertical-align': '-0.1em',
  'line-height': '0',
  'font-size': 'min(1em, 16px)',
  'text-decoration': 'none',
  'text-indent': '0',
  'user-select': 'none',
  '-webkit-user-select': 'none',
};

function createMarker(doc: Document, mode: ShadowRootMode): Marker {
  return { ...createOverlayHost(doc, MARK_TAG, MARK_OVERLAY_KIND, MARKER_STYLE, mode), drawn: '' };
}

function paint(doc: Document, marker: Marker, kinds: readonly MarkKind[]): void {
  const drawn = kinds.join(' ');
  if (marker.drawn === drawn) return;
  marker.drawn = drawn;
  marker.shadow.replaceChildren(...kinds.map((kind) => chip(doc, kind)));
}

/** One marker: a small rounded chip of solid colour with a white glyph, readable on any page background. */
function chip(doc: Document, kind: MarkKind): HTMLElement {
  const look = MARK_LOOKS[kind];
  const element = doc.createElement('span');
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', look.label);
  element.setAttribute('title', look.label);
  element.dataset.mark = kind;
  const style: Record<string, string> = {
    display: 'block',
    width: '1.3em',
    height: '1em',
    'box-sizing': 'border-box',
    padding: '0.1em 0.2em',
    'border-radius': '0.3em',
    background: look.background,
    color: '#ffffff',
    cursor: 'default',
  };
  for (const [name, value] of Object.entries(style)) element.style.setProperty(name, value);
  element.append(glyph(doc, look.paths));
  return element;
}

function glyph(doc: Document, paths: readonly string[]): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.6');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.style.setProperty('display', 'block');
  svg.style.setProperty('width', '100%');
  svg.style.setProperty('height', '100%');
  for (const d of paths) {
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
