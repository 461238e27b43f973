// Keeps the page's agenda current: parses on start, re-parses after edits (debounced, and only
// tells the panel when the agenda really changed), and resolves jump targets. A page that has held no agenda
// for a while after it loaded (most github.com pages: issues, diffs) is no longer watched: a burst of changes
// there would cost a parse of the whole page each time. Moving to another address, or the panel asking, wakes it.
import type { ParseResult } from '../agenda/parse';
import { type PageReading, readPage as readWholePage, rereadPage } from '../agenda/reparse';
import type { AgendaSnapshot, JumpResult } from '../messaging/protocol';
import { isLiveDocument, sourceForUrl } from '../sources/page-address';
import { isOverlayNode, scrollToAndHighlight } from './highlight';
import type { MeetingElement } from './scroll-spy';
import { snapshotOf, unreadableSnapshot } from './snapshot';
import { sameSnapshot } from '../messaging/same-snapshot';

const REPARSE_DELAY_MS = 250;
/** How long after loading or moving a page may take to show an agenda (GitHub fetches a file after the move). */
const SETTLE_MS = 10_000;

export interface AgendaWatcher {
  snapshot(): AgendaSnapshot;
  /** Counts the agenda's real changes: parts read for one version belong together. */
  version(): number;
  /** The meetings' headings, in document order. */
  meetingElements(): readonly MeetingElement[];
  jump(key: string): JumpResult;
  /** The heading or list item of a meeting or item key, as last read, if it is still in the page. */
  element(key: string): Element | null;
  /** Re-reads the page now. */
  refresh(): void;
  /** Re-reads the page now and watches it again for a while, even if it held no agenda (a move, the panel asking). */
  wake(): void;
  stop(): void;
}

export interface AgendaWatcherOptions {
  /** The clock, for headings without a year (a live document's newest meeting is near today). */
  now?: () => number;
  /** Quiet time after an edit before the page is read again. */
  reparseDelayMs?: number;
  /** How long after start or `wake` a page without an agenda is still watched. */
  settleMs?: number;
}

export function watchAgenda(
  doc: Document,
  onChange: (snapshot: AgendaSnapshot) => void,
  options: AgendaWatcherOptions = {},
): AgendaWatcher {
  const now = options.now ?? (() => Date.now());
  const reparseDelayMs = options.reparseDelayMs ?? REPARSE_DELAY_MS;
  const settleMs = options.settleMs ?? SETTLE_MS;
  let result: ParseResult | null = null;
  /** The last reading, to re-read only what edits since then touched; null when they are not all known. */
  let reading: PageReading | null = null;
  /** The page's edits since the last reading. */
  let edits: MutationRecord[] = [];
  let watching = false;
  let headings: MeetingElement[] | null = null;
  /** Whether the page has held an agenda since it loaded or was woken: such a page is watched for good. */
  let heldAgenda = false;
  let current: AgendaSnapshot = readPage();
  let version = 1;
  let timer: number | undefined;
  let settleTimer: number | undefined;

  function readPage(): AgendaSnapshot {
    const snapshot = parsePage();
    if (snapshot.status === 'agenda') heldAgenda = true;
    return snapshot;
  }

  function parsePage(): AgendaSnapshot {
    headings = null;
    const url = doc.location.href;
    const source = sourceForUrl(url);
    if (watching) edits.push(...observer.takeRecords().filter(isPageChange));
    const records = edits;
    edits = [];
    if (source.unreadable) {
      result = null;
      reading = null;
      return unreadableSnapshot(source.unreadable);
    }
    const kind = source.kind === 'generic' ? undefined : source.kind;
    const options = { now: now(), live: isLiveDocument(url) };
    // Only the stretches the edits touched are read again, when that gives what reading the whole page would.
    reading = reading ? rereadPage(reading, doc, url, records, kind, options) : readWholePage(doc, url, kind, options);
    result = reading.result;
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
    timer = window.setTimeout(refresh, reparseDelayMs);
  }

  const observer = new MutationObserver((records) => {
    const changes = records.filter(isPageChange);
    if (changes.length === 0) return;
    edits.push(...changes);
    schedule();
  });

  function watch(): void {
    if (watching) return;
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    watching = true;
  }

  /** Stops watching a page that held no agenda all through the settling time. */
  function settle(): void {
    if (heldAgenda || !watching) return;
    observer.disconnect();
    // Edits made while nobody watches are not known: the next reading is of the whole page.
    reading = null;
    edits = [];
    clearTimeout(timer);
    watching = false;
  }

  function startSettling(): void {
    clearTimeout(settleTimer);
    settleTimer = window.setTimeout(settle, settleMs);
  }

  watch();
  startSettling();

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
    wake() {
      heldAgenda = false;
      watch();
      startSettling();
      refresh();
    },
    stop() {
      clearTimeout(timer);
      clearTimeout(settleTimer);
      observer.disconnect();
      reading = null;
      edits = [];
      watching = false;
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
