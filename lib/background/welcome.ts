// A new user is greeted once, on install, by a page that says what the extension does and where to try it.

export const WELCOME_PAGE = '/welcome.html';

export function startWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  });
}
