// Keeps the agenda of a Google Docs editor tab current. The editor draws on a canvas, so the structure comes
// from the document's HTML export, which the background fetches; it is parsed here, with the page's
// DOMParser and the same parser as every other page. Re-read on a slow schedule while the tab is visible,
// soon after an edit, and when the panel asks; never two reads at once. The last good agenda stays, with its
// age and what stands in the way now.
import { parseDocument, type ParseResult } from '../agenda/parse';
import type { ExportAnswer, LiveDocState } from '../messaging/live-doc';
import type { AgendaSnapshot, JumpResult } from '../messaging/protocol';
import { editorPathMatch } from '../sources/google-hosts';
import { clickOutlineEntry, editorScrollTop, hasSeveralTabs, watchEditSignals } from './editor-shell';
import { createRefreshSchedule, REFRESH, type RefreshOutcome, type RefreshSchedule } from './refresh-schedule';
import type { MeetingElement } from './scroll-spy';
import { snapshotOf } from './snapshot';
import { sameSnapshot } from '../messaging/same-snapshot';

export const READING_EXPORT = 'Reading the document from Google Docs…';

export interface EditorWatcherOptions {
  /** Asks the background for this tab's export. */
  fetchExport(): Promise<ExportAnswer>;
  onChange(snapshot: AgendaSnapshot): void;
  /** The background says this is not the Docs editor after all: read the page instead. */
  onNotEditor(): void;
  now?: () => number;
  schedule?: RefreshSchedule;
  /** How long a jump waits to see whether the editor moved. */
  jumpSettleMs?: number;
}

export interface EditorWatcher {
  snapshot(): AgendaSnapshot;
  /** Counts the snapshot's changes, so that what is read of one version can be told from the next. */
  version(): number;
  /** The editor has no readable headings to watch for the reader's position. */
  meetingElements(): readonly MeetingElement[];
  jump(key: string): Promise<JumpResult>;
  /** Reads the export again now (the panel asked). */
  refresh(): void;
  /** The page's address changed: reads again if it now shows another document tab. */
  addressChanged(): void;
  stop(): void;
}

const HEADINGS_WITH_IDS = 'h1[id^="h."], h2[id^="h."], h3[id^="h."], h4[id^="h."], h5[id^="h."], h6[id^="h."]';

export function watchEditorExport(doc: Document, options: EditorWatcherOptions): EditorWatcher {
  const now = options.now ?? (() => Date.now());
  const schedule = options.schedule ?? createRefreshSchedule();
  const settleMs = options.jumpSettleMs ?? 600;
  let result: ParseResult | null = null;
  let lastHtml: string | null = null;
  let live: LiveDocState = { fetchedAt: null, refreshing: false, problem: null, severalTabs: null };
  let current = build();
  let version = 1;
  let running = false;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the next scheduled read is due (epoch ms); null: only on request. */
  let dueAt: number | null = null;
  let firstEditAt: number | null = null;
  let address = addressKey();

  function addressKey(): string {
    const match = editorPathMatch(new URL(doc.location.href));
    return match ? `${match.docId}|${match.tab ?? ''}` : '';
  }

  function currentTab(): string | null {
    return editorPathMatch(new URL(doc.location.href))?.tab ?? null;
  }

  function pageUrl(): string {
    return doc.location.href.replace(/#.*$/, '');
  }

  function build(): AgendaSnapshot {
    const several = hasSeveralTabs(doc, currentTab());
    live = { ...live, severalTabs: several ? { tab: currentTab() } : null };
    if (result) {
      const agenda = { ...result.agenda, source: 'gdocs-editor' as const };
      return { ...snapshotOf(agenda), live };
    }
    return { status: 'not-agenda', reason: READING_EXPORT, agenda: null, live };
  }

  function publish(): void {
    if (stopped) return;
    const next = build();
    if (sameSnapshot(next, current)) return;
    current = next;
    version++;
    options.onChange(next);
  }

  function visible(): boolean {
    return doc.visibilityState !== 'hidden';
  }

  function arm(at: number | null): void {
    clearTimeout(timer);
    dueAt = at;
    if (at === null || stopped || !visible()) return;
    timer = setTimeout(() => void read(), Math.max(0, at - now()));
  }

  async function read(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    firstEditAt = null;
    clearTimeout(timer);
    live = { ...live, refreshing: true };
    publish();
    let answer: ExportAnswer;
    try {
      answer = await options.fetchExport();
    } catch {
      // The extension was reloaded or the background did not answer: like a network failure.
      answer = { ok: false, problem: { kind: 'offline' } };
    }
    running = false;
    if (stopped) return;
    if ('notEditor' in answer) {
      stop();
      options.onNotEditor();
      return;
    }
    const outcome = take(answer);
    publish();
    const delay = schedule.after(outcome, now());
    arm(delay === null ? null : now() + delay);
    if (again) {
      again = false;
      void read();
    }
  }

  function take(answer: Exclude<ExportAnswer, { notEditor: true }>): RefreshOutcome {
    if (!answer.ok) {
      live = { ...live, refreshing: false, problem: answer.problem };
      return { kind: 'failed', problem: answer.problem };
    }
    const changed = answer.html !== lastHtml;
    if (changed) {
      lastHtml = answer.html;
      const exported = new DOMParser().parseFromString(answer.html, 'text/html');
      // The editor always shows a live document, whatever host the tests serve it from.
      result = parseDocument(exported, pageUrl(), 'gdocs-html', { now: now(), live: true });
    }
    live = { ...live, refreshing: false, problem: null, fetchedAt: answer.fetchedAt };
    return { kind: changed ? 'changed' : 'unchanged' };
  }

  /** An edit: read soon, but not on every keystroke, and never before Google's Retry-After. */
  function edited(): void {
    if (stopped) return;
    const t = now();
    firstEditAt ??= t;
    let at = Math.min(t + REFRESH.afterEditMs, firstEditAt + REFRESH.afterEditMaxMs);
    const retryAt = live.problem?.retryAt;
    if (retryAt !== undefined) at = Math.max(at, retryAt);
    if (live.problem?.kind === 'permission') return;
    arm(at);
  }

  const onVisibility = (): void => {
    if (!visible()) {
      clearTimeout(timer);
      return;
    }
    if (dueAt !== null) arm(dueAt);
  };
  doc.addEventListener('visibilitychange', onVisibility);
  const stopSignals = watchEditSignals(doc, edited);

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    stopSignals();
    doc.removeEventListener('visibilitychange', onVisibility);
  }

  void read();

  return {
    snapshot: () => current,
    version: () => version,
    meetingElements: () => [],
    async jump(key) {
      if (!result) return { ok: false, reason: 'The agenda has not been read from Google Docs yet.' };
      const element = result.elements.get(key);
      if (!element) return { ok: false, reason: 'That meeting is no longer in the document.' };
      const heading = headingOf(element, result);
      const id = heading?.id;
      if (!heading || !id) {
        return {
          ok: false,
          reason:
            'This meeting’s heading has no link target in Google Docs. Find it with Docs’ outline (View › Show outline).',
        };
      }
      const before = editorScrollTop(doc);
      goToHeading(doc, id);
      if (before === null) return { ok: true };
      if (await moved(doc, before, settleMs)) return { ok: true };
      const text = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (clickOutlineEntry(doc, text)) return { ok: true };
      return {
        ok: false,
        reason: `The address now ends in #heading=${id}, but the editor did not move. Open Docs’ outline (View › Show outline) and pick “${text}”.`,
      };
    },
    refresh: () => void read(),
    addressChanged() {
      const next = addressKey();
      if (next === address) return;
      address = next;
      void read();
    },
    stop,
  };
}

/** The heading to go to for a meeting or an item: its own, else the nearest one above it within its meeting. */
function headingOf(element: Element, result: ParseResult): Element | null {
  if (/^H[1-6]$/.test(element.tagName)) return element.id.startsWith('h.') ? element : null;
  // Both lists are in the page's order, so a binary search compares a few of them with the element, not all.
  const meetingElements = result.pageOrder.map((key) => result.elements.get(key)).filter((e): e is Element => !!e);
  const meeting = lastAtOrBefore(meetingElements, element);
  const candidates = [...element.ownerDocument.querySelectorAll(HEADINGS_WITH_IDS)];
  const heading = lastAtOrBefore(candidates, element);
  if (!heading) return null;
  if (meeting && meeting !== heading && before(heading, meeting)) return null;
  return heading;
}

/**
 * Whether `a` comes before `b` in the document. Each call walks the tree (thousands of siblings on a long Doc's
 * flat export): call it a few times, not once per heading.
 */
function before(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The last of `ordered` (in document order) that is `target` or comes before it. */
function lastAtOrBefore(ordered: readonly Element[], target: Element): Element | null {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const element = ordered[middle] as Element;
    if (element === target || before(element, target)) low = middle + 1;
    else high = middle;
  }
  return ordered[low - 1] ?? null;
}

/** `#heading=h.xxxx` on the editor's own address; the same heading twice still makes the editor look again. */
function goToHeading(doc: Document, id: string): void {
  const view = doc.defaultView;
  const fragment = `#heading=${id}`;
  if (view && doc.location.hash === fragment)
    view.history.replaceState(view.history.state, '', doc.location.href.replace(/#.*$/, ''));
  doc.location.hash = fragment;
}

async function moved(doc: Document, from: number, settleMs: number): Promise<boolean> {
  const step = 50;
  for (let waited = 0; waited <= settleMs; waited += step) {
    if (editorScrollTop(doc) !== from) return true;
    await new Promise((resolve) => setTimeout(resolve, step));
  }
  return editorScrollTop(doc) !== from;
}
