// A live edit of the agenda page, as the panel sees it: a new meeting is added at the top of the page (where
// a new week's heading goes), and the time runs until the panel has painted its new meeting count. It spans the
// content script's pause for further edits, its re-read of the page, the news to the panel and the panel's
// update. Both pages' clocks are read as wall time (`performance.timeOrigin + performance.now()`).
import type { Page } from 'playwright-core';
import { withTimeout } from './stats';

declare global {
  interface Window {
    __benchLiveEdit?: { shownAt: number | null };
  }
}

const SUMMARY = '.agenda__summary';
const MEETING_COUNT = /(\d[\d,]*) meetings?/;

// The functions given to page.evaluate must not name inner functions: tsx keeps names with a `__name` helper
// that does not exist in the page.

/** Ms from the edit to the painted frame that shows it in the panel; null when the panel did not show it in time. */
export async function measureLiveEdit(page: Page, panel: Page, timeoutMs: number): Promise<number | null> {
  const before = await meetingCount(panel);
  if (before === null) return null;
  await panel.evaluate(
    ({ selector, pattern, wanted }) => {
      const record: { shownAt: number | null } = { shownAt: null };
      window.__benchLiveEdit = record;
      const observer = new MutationObserver(() => {
        const text = document.querySelector(selector)?.textContent ?? '';
        const count = Number(new RegExp(pattern).exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
        if (count !== wanted) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            record.shownAt = performance.timeOrigin + performance.now();
          };
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    { selector: SUMMARY, pattern: MEETING_COUNT.source, wanted: before + 1 },
  );
  const editedAt = await prependMeeting(page, 'January 1, 2031');
  try {
    await withTimeout(
      panel.waitForFunction(() => window.__benchLiveEdit?.shownAt != null, undefined, {
        timeout: timeoutMs,
        polling: 50,
      }),
      timeoutMs,
      'live edit in the panel',
    );
  } catch {
    return null;
  }
  const shownAt = await panel.evaluate(() => window.__benchLiveEdit?.shownAt ?? Number.NaN);
  return shownAt - editedAt;
}

/**
 * Adds a meeting at the top of the page, where a new week's heading goes: `heading` and one bullet under it.
 * Returns when it was added, as wall time on the page's clock.
 */
export async function prependMeeting(page: Page, heading: string): Promise<number> {
  return page.evaluate((text) => {
    const title = document.createElement('h2');
    title.textContent = text;
    const list = document.createElement('ul');
    const item = document.createElement('li');
    item.textContent = 'Discussion topics';
    list.append(item);
    const at = performance.timeOrigin + performance.now();
    document.body.prepend(title, list);
    return at;
  }, heading);
}

async function meetingCount(panel: Page): Promise<number | null> {
  const text =
    (await panel
      .locator(SUMMARY)
      .first()
      .textContent()
      .catch(() => null)) ?? '';
  const m = MEETING_COUNT.exec(text);
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : null;
}

/**
 * The live edit's floor: the same insertion as `prependMeeting`, on the same page in a browser without the
 * extension, timed to the page's next painted frame (a task posted from its animation-frame callback): the
 * browser's own style, layout and paint of the edited page. Ms.
 */
export async function timeEditToPaint(page: Page, heading: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((resolve) => {
        const title = document.createElement('h2');
        title.textContent = text;
        const list = document.createElement('ul');
        const item = document.createElement('li');
        item.textContent = 'Discussion topics';
        list.append(item);
        const at = performance.now();
        document.body.prepend(title, list);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - at);
          channel.port2.postMessage(null);
        });
      }),
    heading,
  );
}
