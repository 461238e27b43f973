// The background: opens the index when the toolbar button is clicked (Chrome's side panel, Firefox's
// sidebar), owns all GitHub traffic and its rate-limit state, and fetches the Google Docs editor's export
// (lib/background/).
import { startDocsExportWiring } from '@/lib/background/docs-wiring';
import { startGitHubWiring } from '@/lib/background/wiring';

export default defineBackground(() => {
  startGitHubWiring();
  startDocsExportWiring();
  if (import.meta.env.FIREFOX) {
    browser.action.onClicked.addListener(() => {
      void (browser as unknown as { sidebarAction: { toggle(): Promise<void> } }).sidebarAction.toggle();
    });
    return;
  }
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
