// A small status icon after each GitHub issue or pull request link of an agenda page: GitHub's shapes and
// colours, the title and last update on hover. Each icon lives in an element of our own
// (`<agenda-overlay-status data-agenda-overlay="status">`) with a closed shadow root, placed after the
// link: the link, its text and the page's text stay exactly as they were, the page's styles cannot reach
// inside, and the page's scripts cannot read the titles (which may be of private repositories). Nothing
// from the page or from GitHub is ever parsed as HTML.
//
// Only while the page is an agenda: the content script runs on every github.com page, and those that are
// no agenda never talk to the background. Icons show what is known; a look-up going on or failing for
// every link (offline, rate limit, bad token) shows nothing here; the panel and the options page say why.
import { refsOfAgenda } from '../agenda/refs';
import type { AgendaSnapshot } from '../messaging/protocol';
import { OVERLAY_ATTRIBUTE, isOverlayNode } from './highlight';
import { createOverlayHost, type OverlayHost } from './overlay-host';
import { ICONS, ICON_STROKE, ICON_VIEWBOX, TONE_COLOURS, type IconName, type Tone } from '../ref-status/ref-icons';
import { findRefLinks, type RefLink } from './ref-links';
import {
  browserStatusTransport,
  createStatusStore,
  type StatusStore,
  type StatusTransport,
} from '../ref-status/ref-statuses';
import { viewOfReport, type RefView } from '../ref-status/ref-words';

export const BADGE_TAG = 'agenda-overlay-status';
export const BADGE_OVERLAY_KIND = 'status';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Tells which of the observed elements are on screen (or nearly). */
export interface VisibilityWatcher {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}
export type VisibilityFactory = (
  onChange: (changes: { target: Element; visible: boolean }[]) => void,
) => VisibilityWatcher;

export interface RefBadgesOptions {
  transport?: StatusTransport;
  visibility?: VisibilityFactory;
  /** Tests open the shadow roots to look inside. */
  shadowMode?: ShadowRootMode;
  /** Wait after page edits before looking for links again (default 200 ms). */
  rescanDelayMs?: number;
  /** Wait after scrolling before asking (default 150 ms). */
  askDelayMs?: number;
  /** Asks made within this many ms go as one message (default 30). */
  coalesceMs?: number;
}

export interface RefBadges {
  /** Badges while the page is an agenda, none when it is not; call with every new snapshot. */
  follow(snapshot: AgendaSnapshot): void;
  /** Looks for links now and puts one badge after each that has something to show. */
  scan(): void;
  /** Removes every badge and stops listening. */
  stop(): void;
}

interface Badge extends OverlayHost {
  ref: string;
  /** What is drawn now, to skip repainting the same. */
  drawn: string;
}

/** IntersectionObserver, a little ahead of the viewport; without one, everything counts as on screen. */
function defaultVisibility(onChange: (changes: { target: Element; visible: boolean }[]) => void): VisibilityWatcher {
  if (typeof IntersectionObserver !== 'function') {
    return {
      observe: (element) => onChange([{ target: element, visible: true }]),
      unobserve: () => undefined,
      disconnect: () => undefined,
    };
  }
  const observer = new IntersectionObserver(
    (entries) => onChange(entries.map((entry) => ({ target: entry.target, visible: entry.isIntersecting }))),
    { rootMargin: '200px 0px' },
  );
  return {
    observe: (e) => observer.observe(e),
    unobserve: (e) => observer.unobserve(e),
    disconnect: () => observer.disconnect(),
  };
}

/** Where an agenda's links are: on github.com the rendered file only, not GitHub's own interface. */
function agendaRoot(doc: Document): ParentNode | null {
  if (doc.location?.hostname === 'github.com') return doc.querySelector('.markdown-body');
  return doc.body;
}

function colourOf(tone: Tone): string {
  const { light, dark } = TONE_COLOURS[tone];
  // The page's own colour scheme decides (inherited `color-scheme`): its background is what the icon sits on.
  return `light-dark(${light}, ${dark})`;
}

function drawIcon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', ICON_VIEWBOX);
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const [name_, value] of Object.entries(ICON_STROKE)) svg.setAttribute(name_, value);
  svg.style.setProperty('width', '1em');
  svg.style.setProperty('height', '1em');
  svg.style.setProperty('display', 'block');
  for (const shape of ICONS[name]) {
    const element = doc.createElementNS(SVG_NS, shape.tag);
    for (const [attr, value] of Object.entries(shape.attrs)) element.setAttribute(attr, value);
    svg.append(element);
  }
  return svg;
}

const BADGE_STYLE: Readonly<Record<string, string>> = {
  display: 'inline-block',
  position: 'static',
  float: 'none',
  width: '1em',
  height: '1em',
  margin: '0 0 0 0.2em',
  padding: '0',
  border: '0',
  background: 'none',
  'vertical-align': '-0.15em',
  'line-height': '0',
  'text-decoration': 'none',
};

function createBadge(doc: Document, ref: string, mode: ShadowRootMode): Badge {
  return { ...createOverlayHost(doc, BADGE_TAG, BADGE_OVERLAY_KIND, BADGE_STYLE, mode), ref, drawn: '' };
}

function paint(doc: Document, badge: Badge, view: RefView): void {
  const drawn = `${view.key}\n${view.hover}`;
  if (badge.drawn === drawn) return;
  badge.drawn = drawn;
  const icon = doc.createElement('span');
  icon.setAttribute('role', 'img');
  icon.setAttribute('aria-label', view.hover);
  icon.setAttribute('title', view.hover);
  icon.dataset.state = view.key;
  icon.style.setProperty('display', 'block');
  icon.style.setProperty('color', colourOf(view.tone));
  icon.style.setProperty('cursor', 'default');
  icon.append(drawIcon(doc, view.icon));
  badge.shadow.replaceChildren(icon);
}

/** Whether the page shows a badge for this view: statuses, and the one failure that is about the link itself. */
function shownInPage(view: RefView): boolean {
  return view.known || view.key === 'failure-not-found';
}

export function startRefBadges(doc: Document, options: RefBadgesOptions = {}): RefBadges {
  const shadowMode = options.shadowMode ?? 'closed';
  const rescanDelayMs = options.rescanDelayMs ?? 200;
  const askDelayMs = options.askDelayMs ?? 150;

  let active = false;
  let store: StatusStore | null = null;
  let links: RefLink[] = [];
  /** Every reference of the agenda, links or not: asked for with the page's own, so that one query serves the panel too. */
  let agendaRefs: string[] = [];
  let byRef = new Map<string, HTMLAnchorElement[]>();
  const badges = new WeakMap<HTMLAnchorElement, Badge>();
  const onScreen = new Set<Element>();
  const observed = new Set<HTMLAnchorElement>();
  let visibility: VisibilityWatcher | null = null;
  let mutations: MutationObserver | null = null;
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let askTimer: ReturnType<typeof setTimeout> | undefined;

  function place(link: HTMLAnchorElement, ref: string): void {
    const shown = viewOfReport(ref, store?.get(ref));
    let badge = badges.get(link);
    if (!shownInPage(shown)) {
      badge?.host.remove();
      return;
    }
    if (!badge || badge.ref !== ref) {
      badge?.host.remove();
      badge = createBadge(doc, ref, shadowMode);
      badges.set(link, badge);
    }
    if (link.nextSibling !== badge.host && link.parentNode) link.after(badge.host);
    paint(doc, badge, shown);
  }

  function repaint(refs: readonly string[]): void {
    if (!active) return;
    for (const ref of refs) for (const link of byRef.get(ref) ?? []) place(link, ref);
  }

  /** Badges of ours that no link owns any more (a link removed, or left by an earlier copy of this script). */
  function removeStrays(): void {
    const owned = new Set<Element>();
    for (const { link } of links) {
      const badge = badges.get(link);
      if (badge?.host.isConnected && badge.host.previousSibling === link) owned.add(badge.host);
    }
    for (const host of doc.querySelectorAll(`${BADGE_TAG}[${OVERLAY_ATTRIBUTE}]`)) if (!owned.has(host)) host.remove();
  }

  function ask(): void {
    clearTimeout(askTimer);
    askTimer = undefined;
    if (!active || !store) return;
    const all: string[] = [];
    const seen = new Set<string>();
    const visible: string[] = [];
    const seenVisible = new Set<string>();
    for (const { link, ref } of links) {
      if (!seen.has(ref)) {
        seen.add(ref);
        all.push(ref);
      }
      if (onScreen.has(link) && !seenVisible.has(ref)) {
        seenVisible.add(ref);
        visible.push(ref);
      }
    }
    for (const ref of agendaRefs) {
      if (!seen.has(ref)) {
        seen.add(ref);
        all.push(ref);
      }
    }
    void store.request(all, visible);
  }

  function scheduleAsk(): void {
    if (askTimer === undefined) askTimer = setTimeout(ask, askDelayMs);
  }

  function scan(): void {
    if (!active) return;
    const root = agendaRoot(doc);
    links = root ? findRefLinks(root, doc.baseURI) : [];
    byRef = new Map();
    const current = new Set<HTMLAnchorElement>();
    for (const { link, ref } of links) {
      current.add(link);
      const list = byRef.get(ref);
      if (list) list.push(link);
      else byRef.set(ref, [link]);
    }
    for (const link of observed) {
      if (current.has(link)) continue;
      visibility?.unobserve(link);
      observed.delete(link);
      onScreen.delete(link);
    }
    for (const link of current) {
      if (observed.has(link)) continue;
      observed.add(link);
      visibility?.observe(link);
    }
    for (const { link, ref } of links) place(link, ref);
    removeStrays();
    scheduleAsk();
  }

  function isOurs(node: Node): boolean {
    return isOverlayNode(node) || (node.parentElement?.closest(`[${OVERLAY_ATTRIBUTE}]`) ?? null) !== null;
  }

  /** Page edits (not our own badges coming and going) may add or remove links. */
  function isPageEdit(record: MutationRecord): boolean {
    if (isOurs(record.target)) return false;
    if (record.type === 'attributes') return true;
    const nodes = [...record.addedNodes, ...record.removedNodes];
    return nodes.length > 0 && !nodes.every(isOurs);
  }

  function activate(): void {
    active = true;
    store ??= createStatusStore(options.transport ?? browserStatusTransport(), {
      onChange: repaint,
      ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
    });
    visibility = (options.visibility ?? defaultVisibility)((changes) => {
      let newlyVisible = false;
      for (const { target, visible } of changes) {
        if (visible) {
          newlyVisible ||= !onScreen.has(target);
          onScreen.add(target);
        } else {
          onScreen.delete(target);
        }
      }
      if (newlyVisible) scheduleAsk();
    });
    if (doc.body) {
      mutations = new MutationObserver((records) => {
        if (!records.some(isPageEdit)) return;
        clearTimeout(rescanTimer);
        rescanTimer = setTimeout(scan, rescanDelayMs);
      });
      mutations.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    }
    scan();
  }

  function deactivate(): void {
    active = false;
    clearTimeout(rescanTimer);
    clearTimeout(askTimer);
    askTimer = undefined;
    mutations?.disconnect();
    mutations = null;
    visibility?.disconnect();
    visibility = null;
    observed.clear();
    onScreen.clear();
    links = [];
    byRef = new Map();
    for (const host of doc.querySelectorAll(`${BADGE_TAG}[${OVERLAY_ATTRIBUTE}]`)) host.remove();
  }

  return {
    follow(snapshot) {
      const isAgenda = snapshot.status === 'agenda';
      agendaRefs = snapshot.status === 'agenda' ? refsOfAgenda(snapshot.agenda) : [];
      if (isAgenda && !active) activate();
      else if (isAgenda) scan();
      else if (!isAgenda && active) deactivate();
    },
    scan,
    stop() {
      deactivate();
      store?.stop();
      store = null;
    },
  };
}
