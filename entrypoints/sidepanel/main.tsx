import { render } from 'preact';
import { AgendaPanel } from '@/components/AgendaPanel';
import { browserStatusTransport, createGitHubStatus } from '@/lib/panel/github-status';
import { browserPageLink } from '@/lib/panel/page-link';
import { createPanelState } from '@/lib/panel/state';
import '@/components/theme.css';
import './style.css';

const state = createPanelState(browserPageLink(location.search), {
  storage: localStorage,
  github: createGitHubStatus(browserStatusTransport()),
});
render(<AgendaPanel state={state} />, document.getElementById('app')!);
void state.start();
