// The background: opens the index when the toolbar button is clicked (Chrome's side panel, Firefox's
// sidebar), owns all GitHub traffic and its rate-limit state, and fetches the Google Docs editor's export
// (lib/background/). It also reads agendas on the sites a user turns on, and greets a new user.
import { startDocsExportWiring } from '@/lib/background/docs-wiring';
import { startSiteScripts } from '@/lib/background/site-scripts';
import { startWelcome } from '@/lib/background/welcome';
import { startGitHubWiring } from '@/lib/background/wiring';

export default defineBackground(() => {
  startGitHubWiring();
  startDocsExportWiring();
  startSiteScripts();
  startWelcome();
  if (import.meta.env.FIREFOX) {
    browser.action.onClicked.addListener(() => {
      void (browser as unknown as { sidebarAction: { toggle(): Promise<void> } }).sidebarAction.toggle();
    });
    return;
  }
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
