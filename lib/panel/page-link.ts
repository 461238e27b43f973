// The panel's line to the tab it shows: which tab, its agenda, jumps, and news of changes.
import type { TabAnswer, TabCall, TabRequest } from '../messaging/calls';
import { isNews } from '../messaging/news';
import type { AgendaChanged } from '../messaging/protocol';
import { callTab } from '../messaging/send';

export interface PageLink {
  /** The tab given in `?tab=`, or the active tab of this window. */
  initialTab(): Promise<number | null>;
  request<K extends TabCall>(tabId: number, request: TabRequest<K>): Promise<TabAnswer<K>>;
  /**
   * Calls back whenever a tab's content script reports a change: with its new snapshot, or, for an agenda too
   * long to come with the news, what changed in it (see lib/messaging/agenda-changes.ts) or nothing.
   */
  onAgendaChanged(listener: (tabId: number, change: AgendaChanged) => void): void;
  /** Calls back with the meeting at the top of a tab's viewport as the reader scrolls. */
  onVisibleMeeting(listener: (tabId: number, meetingKey: string | null) => void): void;
  /** Calls back when the panel should show another tab, or the same tab after a navigation. */
  onTabChanged(listener: (tabId: number) => void): void;
}

/** The real link, through the extension APIs. With `?tab=` the panel stays on that tab. */
export function browserPageLink(search: string): PageLink {
  const pinned = Number(new URLSearchParams(search).get('tab'));
  const pinnedTab = Number.isInteger(pinned) && pinned > 0 ? pinned : null;

  async function activeTab(): Promise<number | null> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }

  return {
    initialTab: async () => pinnedTab ?? activeTab(),
    request: callTab,
    onAgendaChanged(listener) {
      browser.runtime.onMessage.addListener((message: unknown, sender) => {
        const tabId = sender.tab?.id;
        if (isNews(message, 'agenda/changed') && tabId !== undefined) listener(tabId, message);
      });
    },
    onVisibleMeeting(listener) {
      browser.runtime.onMessage.addListener((message: unknown, sender) => {
        const tabId = sender.tab?.id;
        if (isNews(message, 'agenda/visible') && tabId !== undefined) listener(tabId, message.meetingKey);
      });
    },
    onTabChanged(listener) {
      // Only this window's active tab, or the pinned one: other windows have panels of their own.
      const windowId = browser.windows.getCurrent().then((window) => window.id);
      if (pinnedTab === null) {
        browser.tabs.onActivated.addListener(async (info) => {
          if (info.windowId === (await windowId)) listener(info.tabId);
        });
      }
      browser.tabs.onUpdated.addListener(async (tabId, change, tab) => {
        if (change.status !== 'complete') return;
        const shown = pinnedTab === null ? tab.active && tab.windowId === (await windowId) : tabId === pinnedTab;
        if (shown) listener(tabId);
      });
    },
  };
}
