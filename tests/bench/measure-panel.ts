// The side panel on a big agenda, in the real extension: how long until its first meeting row is on
// screen, how long until the whole agenda has arrived, how many elements it renders, and how long a
// keystroke in its search box takes to show. The panel reads a long agenda in parts (newest meetings
// first) and says so while it does; keystrokes are timed only once the whole agenda is there, so that
// they search all of it. The panel is opened as an ordinary tab (`sidepanel.html?tab=<id>`), 400 px wide
// like a side panel.
import type { Page } from 'playwright-core';
import { panelUrl, tabIdOf, type ExtensionBrowser } from '../../scripts/support/chromium';
import { pairedRatio, percentile, type PairedRatio } from './floors';
import { jsHeapBytes } from './heap';
import { measureLiveEdit } from './measure-live-edit';
import { floorPageUrl } from './panel-floor';
import { median, round, withTimeout } from './stats';

export interface PanelFigures {
  /** Median over the timed opens (after one untimed warm-up open). */
  panel_first_render_ms: number;
  panel_first_render_runs_ms: number[];
  /**
   * The floor page (panel-floor.ts) opened the same way just before each timed open: its first row painted,
   * median, and the runs; then the panel's runs over the floor's, pair by pair. Null without a floor page.
   */
  panel_floor_first_render_ms: number | null;
  panel_floor_first_render_runs_ms: number[];
  panel_first_render_floor: PairedRatio | null;
  /** The warm-up open: the first time this panel code ran against this page. */
  panel_first_render_cold_ms: number;
  /** Medians of the steps before it: the panel's script had mounted (its loading message), the first row was in the DOM (before style, layout and paint). */
  panel_mounted_ms: number;
  panel_agenda_received_ms: number | null;
  panel_first_row_in_dom_ms: number;
  /**
   * Median time until the whole agenda was in the panel: its "loading older meetings" line had gone (or
   * never came, for an agenda short enough to cross in one message).
   */
  panel_whole_agenda_ms: number;
  panel_whole_agenda_runs_ms: number[];
  /** From the agenda's arrival to the first row painted: the panel's own rendering work, median. */
  panel_render_after_answer_ms: number | null;
  panel_dom_nodes: number;
  panel_rows: number;
  /** One more `agenda/get` from the panel after the timed opens: the agenda's size as JSON, and the round trip. */
  agenda_message_bytes: number | null;
  agenda_roundtrip_ms: number | null;
  filter_keystroke_ms: number | null;
  /** The 95th percentile (nearest rank) of the keystrokes. */
  filter_keystroke_p95_ms: number | null;
  filter_keystroke_runs_ms: number[];
  filter_note?: string;
  /** A meeting added at the top of the page, until the panel has painted its new count (measure-live-edit.ts). */
  panel_live_edit_ms: number | null;
  /** The panel's JS heap once it holds the whole agenda, after a garbage collection (heap.ts). */
  panel_heap_bytes: number | null;
  /** The agenda page's heap with the extension's content script, after its parse and a first panel (heap.ts). */
  page_heap_bytes: number | null;
  /**
   * Wall time from the page's load event to the whole agenda in a panel opened as soon as the page had loaded (the
   * warm-up open): the content script's first parse, the panel's start, and every part of the agenda.
   */
  page_load_to_whole_agenda_ms: number | null;
  /** The panel's own `performance.mark`s of the last open, if it sets any. */
  panel_marks?: Record<string, number>;
}

export interface PanelMeasureOptions {
  opens: number;
  query: string;
  timeoutMs: number;
  /** The agenda's tab: edited once the keystrokes are timed, to time the edit's way to the panel. */
  livePage?: Page;
  /** The floor page is in the extension: time it beside each open of the panel. */
  floorPage?: boolean;
}

/** The recorder the init script leaves in the panel page. */
interface FirstRenderRecord {
  /** The panel's first content (its "Reading the page…" message): its script has run. */
  mountedAt: number | null;
  /**
   * The content script's answer to the panel's first request for the agenda (through `tabs.sendMessage`)
   * had arrived: `agenda/open` (the first part of it), or `agenda/get` (all of it) from an older panel.
   */
  answeredAt: number | null;
  rowAt: number | null;
  paintedAt: number | null;
  /** The panel said it was still loading meetings (`.agenda__loading`); then when it stopped saying so. */
  loadingSeen: boolean;
  wholeAt: number | null;
}

interface KeystrokeRecorder {
  done: number[];
}

declare global {
  interface Window {
    __benchFirstRender?: FirstRenderRecord;
    __benchKeystrokes?: KeystrokeRecorder;
  }
}

const SEARCH_BOX = 'input[type="search"][aria-label*="Search" i]';
const PANEL_VIEWPORT = { width: 400, height: 800 };
/**
 * A panel is closed only once its own work is done (the rest of a long agenda taken in, the search index
 * built, notes and statuses read), and the next one opens a moment later: extension pages share one
 * process, and a panel opened while the last one's 20 MB agenda is being torn down would be timed on that
 * work, which no reader opening the panel meets.
 */
const SETTLE = { idleMs: 40, idleInARow: 5, limitMs: 20_000, afterCloseMs: 1500 };
/** After a keystroke, the DOM counts as settled once it has not changed for this long (catches debouncing). */
const QUIET_MS = 300;
/** And a keystroke's measurement gives up this long after the input event. */
const KEYSTROKE_LIMIT_MS = 3000;

/**
 * Runs in the panel before its own scripts: notes when the first `[data-meeting-key]` row enters the DOM,
 * then when the frame that shows it has been painted (a task posted from that frame's animation-frame
 * callback runs after its style, layout and paint). Both on the page's clock: ms since navigation start.
 */
function recordFirstRender(): void {
  const record: FirstRenderRecord = {
    mountedAt: null,
    answeredAt: null,
    rowAt: null,
    paintedAt: null,
    loadingSeen: false,
    wholeAt: null,
  };
  window.__benchFirstRender = record;
  // Stamp the first answer before the panel's own code sees it (our reaction is registered first).
  try {
    const tabs = (globalThis as { chrome?: { tabs?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.tabs;
    const send = tabs?.sendMessage;
    if (tabs && send) {
      tabs.sendMessage = (...args: unknown[]) => {
        const answer = send.apply(tabs, args);
        const request = args[1] as { type?: unknown } | undefined;
        const first = request?.type === 'agenda/open' || request?.type === 'agenda/get';
        if (record.answeredAt === null && first && answer instanceof Promise) {
          answer.then(
            () => {
              record.answeredAt ??= performance.now();
            },
            () => undefined,
          );
        }
        return answer;
      };
    }
  } catch {
    // The API object may not be writable: then there is no answeredAt.
  }
  const observer = new MutationObserver(() => {
    if (record.mountedAt === null && document.getElementById('app')?.firstElementChild)
      record.mountedAt = performance.now();
    if (record.rowAt !== null) {
      const loading = document.querySelector('.agenda__loading') !== null;
      record.loadingSeen ||= loading;
      if (!loading && record.wholeAt === null) {
        record.wholeAt = record.loadingSeen ? performance.now() : record.rowAt;
        observer.disconnect();
      }
      return;
    }
    if (!document.querySelector('[data-meeting-key]')) return;
    record.rowAt = performance.now();
    record.loadingSeen = document.querySelector('.agenda__loading') !== null;
    if (!record.loadingSeen) {
      record.wholeAt = record.rowAt;
      observer.disconnect();
    }
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        record.paintedAt = performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The agenda page in a tab of its own; the panel is opened for it by `openPanel`. */
export async function openAgendaTab(
  browser: ExtensionBrowser,
  url: string,
  timeoutMs: number,
): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  return { page, tabId: await tabIdOf(browser, page) };
}

interface Opened {
  panel: Page;
  record: FirstRenderRecord;
  /** The page's `performance.timeOrigin`: its clock's zero as wall time. */
  origin: number;
}

/** Opens `url` (the panel, or its floor page) as a tab 400 px wide and waits for its first row and whole agenda. */
async function openPanel(browser: ExtensionBrowser, url: string, timeoutMs: number): Promise<Opened> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize(PANEL_VIEWPORT);
  await panel.addInitScript(recordFirstRender);
  await panel.goto(url, { timeout: timeoutMs });
  await panel.waitForFunction(() => window.__benchFirstRender?.paintedAt != null, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
  // The rest of a long agenda arrives after the first rows: wait for all of it.
  await panel.waitForFunction(() => window.__benchFirstRender?.wholeAt != null, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
  const { record, origin } = await panel.evaluate(() => ({
    record: window.__benchFirstRender as FirstRenderRecord,
    origin: performance.timeOrigin,
  }));
  return { panel, record, origin };
}

/** The live edit, from the panel as a reader leaves it: the search box empty, the panel idle again. */
async function timeLiveEdit(page: Page, panel: Page, timeoutMs: number): Promise<number | null> {
  await panel.locator(SEARCH_BOX).first().fill('');
  await whenIdle(panel);
  return measureLiveEdit(page, panel, timeoutMs);
}

/** Waits until `panel` has been idle for a while (or SETTLE.limitMs), closes it, and waits SETTLE.afterCloseMs. */
async function closeWhenSettled(panel: Page): Promise<void> {
  await whenIdle(panel);
  await panel.close();
  await new Promise((resolve) => setTimeout(resolve, SETTLE.afterCloseMs));
}

/** Resolves once `panel` has had SETTLE.idleInARow idle periods in a row (or after SETTLE.limitMs). */
async function whenIdle(panel: Page): Promise<void> {
  await panel
    .evaluate(
      ({ idleMs, idleInARow, limitMs }) =>
        new Promise<void>((resolve) => {
          const start = performance.now();
          let inARow = 0;
          const check = (deadline: IdleDeadline): void => {
            inARow = deadline.timeRemaining() >= idleMs ? inARow + 1 : 0;
            if (inARow >= idleInARow || performance.now() - start > limitMs) resolve();
            else requestIdleCallback(check);
          };
          requestIdleCallback(check);
        }),
      SETTLE,
    )
    .catch(() => undefined);
}

export async function measurePanel(
  browser: ExtensionBrowser,
  tabId: number,
  options: PanelMeasureOptions,
  progress: (message: string) => void,
): Promise<PanelFigures> {
  const panelAt = panelUrl(browser, tabId);
  const floorAt = options.floorPage ? floorPageUrl(browser.extensionId, tabId) : null;
  const loadedAt = options.livePage ? await loadEventAt(options.livePage) : null;
  // The warm-up open also waits out the content script's first parse of the page.
  const warm = await openPanel(browser, panelAt, options.timeoutMs);
  const loadToWhole =
    loadedAt !== null && warm.record.wholeAt !== null ? warm.origin + warm.record.wholeAt - loadedAt : null;
  await closeWhenSettled(warm.panel);
  const pageHeap = options.livePage ? await jsHeapBytes(options.livePage) : null;
  if (floorAt) await closeWhenSettled((await openPanel(browser, floorAt, options.timeoutMs)).panel);
  const floorPainted: number[] = [];
  const painted: number[] = [];
  const inDom: number[] = [];
  const mounted: number[] = [];
  const answered: number[] = [];
  const afterAnswer: number[] = [];
  const whole: number[] = [];
  let last: Page | null = null;
  for (let i = 0; i < options.opens; i++) {
    if (last) await closeWhenSettled(last);
    // Paired opens: the floor page, then the panel, under the same load.
    if (floorAt) {
      const floor = await openPanel(browser, floorAt, options.timeoutMs);
      floorPainted.push(floor.record.paintedAt ?? Number.NaN);
      await closeWhenSettled(floor.panel);
    }
    const { panel, record } = await openPanel(browser, panelAt, options.timeoutMs);
    painted.push(record.paintedAt ?? Number.NaN);
    inDom.push(record.rowAt ?? Number.NaN);
    mounted.push(record.mountedAt ?? Number.NaN);
    whole.push(record.wholeAt ?? Number.NaN);
    if (record.answeredAt !== null) {
      answered.push(record.answeredAt);
      afterAnswer.push((record.paintedAt ?? Number.NaN) - record.answeredAt);
    }
    last = panel;
    progress(
      `panel open ${i + 1}/${options.opens}: first row painted at ${round(record.paintedAt ?? Number.NaN)} ms ` +
        `(floor ${floorAt ? round(floorPainted[i] ?? Number.NaN) : '–'} ms), ` +
        `whole agenda at ${round(record.wholeAt ?? Number.NaN)} ms`,
    );
  }
  const panel = last ?? (await openPanel(browser, panelAt, options.timeoutMs)).panel;
  try {
    const counts = await panel.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      rows: document.querySelectorAll('[data-meeting-key]').length,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    }));
    const panelHeap = await jsHeapBytes(panel);
    const keystrokes = await measureKeystrokes(panel, options, progress);
    const message = await agendaMessage(panel, tabId, options.timeoutMs);
    const liveEdit = options.livePage ? await timeLiveEdit(options.livePage, panel, options.timeoutMs) : null;
    const figures: PanelFigures = {
      panel_first_render_ms: round(median(painted)),
      panel_first_render_runs_ms: painted.map((t) => round(t)),
      panel_floor_first_render_ms: floorAt ? round(median(floorPainted)) : null,
      panel_floor_first_render_runs_ms: floorPainted.map((t) => round(t)),
      panel_first_render_floor: floorAt ? pairedRatio(painted, floorPainted) : null,
      panel_first_render_cold_ms: round(warm.record.paintedAt ?? Number.NaN),
      panel_mounted_ms: round(median(mounted)),
      panel_agenda_received_ms: answered.length > 0 ? round(median(answered)) : null,
      panel_first_row_in_dom_ms: round(median(inDom)),
      panel_whole_agenda_ms: round(median(whole)),
      panel_whole_agenda_runs_ms: whole.map((t) => round(t)),
      panel_render_after_answer_ms: afterAnswer.length > 0 ? round(median(afterAnswer)) : null,
      panel_dom_nodes: counts.nodes,
      panel_rows: counts.rows,
      agenda_message_bytes: message?.bytes ?? null,
      agenda_roundtrip_ms: message ? round(message.ms) : null,
      filter_keystroke_ms: keystrokes.runs.length > 0 ? round(median(keystrokes.runs)) : null,
      filter_keystroke_p95_ms: keystrokes.runs.length > 0 ? round(percentile(keystrokes.runs, 95)) : null,
      filter_keystroke_runs_ms: keystrokes.runs.map((t) => round(t)),
      panel_live_edit_ms: liveEdit === null ? null : round(liveEdit),
      panel_heap_bytes: panelHeap,
      page_heap_bytes: pageHeap,
      page_load_to_whole_agenda_ms: loadToWhole === null ? null : round(loadToWhole),
    };
    if (keystrokes.note) figures.filter_note = keystrokes.note;
    if (Object.keys(counts.marks).length > 0) figures.panel_marks = counts.marks;
    return figures;
  } finally {
    await panel.close();
  }
}

// The functions given to page.evaluate must not name inner functions: tsx keeps names with a `__name` helper
// that does not exist in the page.

/** The page's load event as wall time. */
async function loadEventAt(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return entry && entry.loadEventEnd > 0 ? performance.timeOrigin + entry.loadEventEnd : null;
  });
}

/** Asks the tab's content script for the agenda once more, from the panel page, and weighs the answer. */
async function agendaMessage(
  panel: Page,
  tabId: number,
  timeoutMs: number,
): Promise<{ bytes: number; ms: number } | null> {
  try {
    return await withTimeout(
      panel.evaluate(async (id) => {
        const start = performance.now();
        const answer: unknown = await chrome.tabs.sendMessage(id, { type: 'agenda/get' });
        const ms = performance.now() - start;
        return { bytes: new TextEncoder().encode(JSON.stringify(answer)).length, ms };
      }, tabId),
      timeoutMs,
      'agenda/get',
    );
  } catch {
    return null;
  }
}

/**
 * Types `query` into the search box one key at a time. Each keystroke is timed from its `input` event
 * (`event.timeStamp`) to the painted frame that shows the last DOM change it caused: frames are watched
 * (animation frame, then a task after paint) until the panel's DOM has been quiet for QUIET_MS, so a
 * debounced filter is timed to when its result shows. A keystroke that changes nothing is timed to the
 * next painted frame.
 */
export async function measureKeystrokes(
  panel: Page,
  options: PanelMeasureOptions,
  progress: (message: string) => void,
): Promise<{ runs: number[]; note?: string }> {
  const box = panel.locator(SEARCH_BOX).first();
  if ((await box.count()) === 0) return { runs: [], note: 'no search box yet' };
  await panel.evaluate(
    ({ quietMs, limitMs }) => {
      const recorder: KeystrokeRecorder = { done: [] };
      window.__benchKeystrokes = recorder;
      let lastMutation = 0;
      new MutationObserver(() => {
        lastMutation = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      window.addEventListener(
        'input',
        (event) => {
          const start = event.timeStamp;
          void (async () => {
            let shown = Number.NaN;
            let previous = start;
            let quietSince = start;
            for (;;) {
              // The next frame, after its paint: a task posted from its animation-frame callback.
              const now = await new Promise<number>((resolve) =>
                requestAnimationFrame(() => {
                  const channel = new MessageChannel();
                  channel.port1.onmessage = () => resolve(performance.now());
                  channel.port2.postMessage(null);
                }),
              );
              if (Number.isNaN(shown) || lastMutation > previous) {
                shown = now;
                quietSince = now;
              }
              previous = now;
              if (now - quietSince >= quietMs || now - start >= limitMs) break;
            }
            recorder.done.push(shown - start);
          })();
        },
        { capture: true },
      );
    },
    { quietMs: QUIET_MS, limitMs: KEYSTROKE_LIMIT_MS },
  );
  await box.click();
  const runs: number[] = [];
  for (const [index, key] of [...options.query].entries()) {
    await panel.keyboard.type(key);
    await withTimeout(
      panel.waitForFunction((n) => (window.__benchKeystrokes?.done.length ?? 0) > n, index, { polling: 100 }),
      KEYSTROKE_LIMIT_MS + 5000,
      `keystroke ${index + 1}`,
    );
    runs.push(await panel.evaluate((n) => window.__benchKeystrokes?.done[n] ?? Number.NaN, index));
  }
  progress(`typed "${options.query}": ${runs.map((t) => round(t)).join(', ')} ms`);
  return { runs };
}
