import { render } from 'preact';
import { AgendaPanel } from '@/components/AgendaPanel';
import { browserStatusTransport, createGitHubStatus } from '@/lib/panel/github-status';
import { browserPageLink } from '@/lib/panel/page-link';
import { createDraftStash } from '@/lib/panel/draft-stash';
import { storedRenderingLinks } from '@/lib/panel/rendering-links';
import { createPanelState } from '@/lib/panel/state';
import { openStore } from '@/lib/store';
import '@/components/theme.css';
import './style.css';
import '@/components/private.css';

const state = createPanelState(browserPageLink(location.search), {
  storage: localStorage,
  github: createGitHubStatus(browserStatusTransport()),
  private: {
    open: () => openStore(),
    stash: createDraftStash(localStorage),
    renderings: storedRenderingLinks(localStorage),
  },
});
// Ask the tab for its agenda first, and draw the panel while the answer is on its way.
void state.start();
render(<AgendaPanel state={state} />, document.getElementById('app')!);
addEventListener('pagehide', () => {
  state.leave();
  state.dispose();
});
