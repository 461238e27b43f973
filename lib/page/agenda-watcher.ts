// Keeps the page's agenda current: parses on start, re-parses after edits (debounced, and only
// tells the panel when the agenda really changed), and resolves jump targets.
import { parseDocument, type ParseResult } from '../agenda/parse';
import type { AgendaSnapshot, JumpResult } from '../messaging/protocol';
import { isLiveDocument, sourceForUrl } from '../sources/page-address';
import { isOverlayNode, scrollToAndHighlight } from './highlight';
import type { MeetingElement } from './scroll-spy';
import { snapshotOf, unreadableSnapshot } from './snapshot';
import { sameSnapshot } from '../messaging/same-snapshot';

const REPARSE_DELAY_MS = 250;

export interface AgendaWatcher {
  snapshot(): AgendaSnapshot;
  /** Counts the agenda's real changes: parts read for one version belong together. */
  version(): number;
  /** The meetings' headings, in document order. */
  meetingElements(): readonly MeetingElement[];
  jump(key: string): JumpResult;
  /** The heading or list item of a meeting or item key, as last read, if it is still in the page. */
  element(key: string): Element | null;
  /** Re-reads the page now (after navigation in a single-page app). */
  refresh(): void;
  stop(): void;
}

export interface AgendaWatcherOptions {
  /** The clock, for headings without a year (a live document's newest meeting is near today). */
  now?: () => number;
}

export function watchAgenda(
  doc: Document,
  onChange: (snapshot: AgendaSnapshot) => void,
  options: AgendaWatcherOptions = {},
): AgendaWatcher {
  const now = options.now ?? (() => Date.now());
  let result: ParseResult | null = null;
  let headings: MeetingElement[] | null = null;
  let current: AgendaSnapshot = readPage();
  let version = 1;
  let timer: number | undefined;

  function readPage(): AgendaSnapshot {
    headings = null;
    const url = doc.location.href;
    const source = sourceForUrl(url);
    if (source.unreadable) {
      result = null;
      return unreadableSnapshot(source.unreadable);
    }
    result = parseDocument(doc, url, source.kind === 'generic' ? undefined : source.kind, {
      now: now(),
      live: isLiveDocument(url),
    });
    return snapshotOf(result.agenda);
  }

  function refresh(): void {
    const next = readPage();
    if (sameSnapshot(next, current)) return;
    current = next;
    version++;
    onChange(next);
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = window.setTimeout(refresh, REPARSE_DELAY_MS);
  }

  const observer = new MutationObserver((records) => {
    if (records.some(isPageChange)) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  return {
    snapshot: () => current,
    version: () => version,
    meetingElements() {
      headings ??= inDocumentOrder(result);
      return headings;
    },
    jump(key) {
      let element = result?.elements.get(key);
      if (!element?.isConnected) {
        refresh();
        element = result?.elements.get(key);
      }
      if (!element?.isConnected) return { ok: false, reason: 'That meeting is no longer on the page.' };
      scrollToAndHighlight(element);
      return { ok: true };
    },
    element(key) {
      const element = result?.elements.get(key);
      return element?.isConnected ? element : null;
    },
    refresh,
    stop() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}

/** Our own highlight coming and going is not an edit of the agenda. */
function isPageChange(record: MutationRecord): boolean {
  if (isOverlayNode(record.target)) return false;
  if (record.type !== 'childList') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length === 0 || !nodes.every(isOverlayNode);
}

function inDocumentOrder(result: ParseResult | null): MeetingElement[] {
  if (!result) return [];
  // From the parse, not by comparing elements: on a long Doc's flat page each comparison walks thousands of
  // siblings, and sorting 5,000 headings that way took seconds on every edit.
  const found: MeetingElement[] = [];
  for (const key of result.pageOrder) {
    const element = result.elements.get(key);
    if (element) found.push({ key, element });
  }
  return found;
}
