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
    // Firefox's MV2 build has a browser_action: `browser.action` is MV3 only and is undefined there.
    const firefox = browser as unknown as {
      browserAction: typeof browser.action;
      sidebarAction: { toggle(): Promise<void> };
    };
    firefox.browserAction.onClicked.addListener(() => {
      void firefox.sidebarAction.toggle();
    });
    return;
  }
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
