// The panel's first question to its tab, asked by a small classic script while the panel's page is still being
// read (entrypoints/panel-opening.ts), before the panel's own code has loaded and compiled: the tab reads out its
// agenda meanwhile. The panel's first read takes that answer instead of asking again.
import type { TabAnswer, TabCall, TabRequest } from '../messaging/calls';
import type { PageLink } from './page-link';

/** Where the early question waits for the panel: a property of the panel page's own window. */
const ASKED = '__agendaOverlayOpening';

interface Asked {
  tabId: number;
  answer: Promise<unknown>;
}

type Holder = Record<typeof ASKED, Promise<Asked | null> | undefined>;

/** Asks `link`'s first tab for `agenda/open`, and leaves the question where `withOpeningAsked` finds it. */
export function askOpening(link: PageLink, holder: object = globalThis): void {
  (holder as Holder)[ASKED] = link.initialTab().then((tabId) => {
    if (tabId === null) return null;
    const answer: Promise<unknown> = link.request(tabId, { type: 'agenda/open' });
    // Awaited by the panel's first read; a panel that never gets there must not report it as unhandled.
    answer.catch(() => undefined);
    return { tabId, answer };
  });
}

/**
 * `link`, whose first `agenda/open` takes the answer asked early of that tab, if one was asked. Without one (a
 * browser that did not run the early script) it asks as it always does.
 */
export function withOpeningAsked(link: PageLink, holder: object = globalThis): PageLink {
  const asked = (holder as Holder)[ASKED];
  if (!asked) return link;
  (holder as Holder)[ASKED] = undefined;
  let taken = false;
  return {
    ...link,
    initialTab: async () => (await asked)?.tabId ?? link.initialTab(),
    async request<K extends TabCall>(tabId: number, request: TabRequest<K>): Promise<TabAnswer<K>> {
      if (request.type === 'agenda/open' && !taken) {
        taken = true;
        const early = await asked;
        // Asked of another tab (the reader switched tabs meanwhile): ask this one.
        if (early?.tabId === tabId) return early.answer as Promise<TabAnswer<K>>;
      }
      return link.request(tabId, request);
    },
  };
}
