import { render } from 'preact';
import { AgendaPanel } from '@/components/AgendaPanel';
import { browserStatusTransport, createGitHubStatus } from '@/lib/panel/github-status';
import { browserPageLink } from '@/lib/panel/page-link';
import { createDraftStash } from '@/lib/panel/draft-stash';
import { storedRenderingLinks } from '@/lib/panel/rendering-links';
import { createPanelState } from '@/lib/panel/state';
import { afterNextPaint } from '@/lib/panel/next-paint';
import { openStore } from '@/lib/store';
import { askContents } from '@/lib/history/contents-link';
import { memoryHistoryDb, openHistoryDb } from '@/lib/history/history-db';
import { webHostOf } from '@/lib/history/archive-address';
import '@/components/theme.css';
import './style.css';
import '@/components/private.css';
import '@/components/history.css';

const state = createPanelState(browserPageLink(location.search), {
  storage: localStorage,
  painted: afterNextPaint,
  github: createGitHubStatus(browserStatusTransport()),
  private: {
    open: () => openStore(),
    stash: createDraftStash(localStorage),
    renderings: storedRenderingLinks(localStorage),
  },
  history: {
    deps: async () => ({
      ask: askContents,
      db: await openHistoryDb().catch(() => memoryHistoryDb()),
      parse: async (html: string, url: string) => {
        // The parser comes only with a file to read: the index of a page needs none of it.
        const { parseArchiveHtml } = await import('@/lib/history/parse-file');
        // One file a task: the panel keeps answering between files.
        return new Promise((resolve) => setTimeout(() => resolve(parseArchiveHtml(html, url)), 0));
      },
      now: Date.now,
    }),
    open: (url) => void browser.tabs.create({ url }),
    storage: localStorage,
    webHost: async () => {
      const stored = await browser.storage.local.get('github.apiBase');
      const apiBase = stored['github.apiBase'];
      // No API base set is api.github.com's: github.com.
      return webHostOf(typeof apiBase === 'string' ? apiBase : '');
    },
  },
});
// Ask the tab for its agenda first, and draw the panel while the answer is on its way.
void state.start();
render(<AgendaPanel state={state} />, document.getElementById('app')!);
addEventListener('pagehide', () => {
  state.leave();
  state.dispose();
});
