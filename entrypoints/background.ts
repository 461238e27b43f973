// Opens the index when the toolbar button is clicked: Chrome's side panel, Firefox's sidebar.
export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    browser.action.onClicked.addListener(() => {
      void (browser as unknown as { sidebarAction: { toggle(): Promise<void> } }).sidebarAction.toggle();
    });
    return;
  }
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
});
