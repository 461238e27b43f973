// The words that differ between Chrome and Firefox: where the index opens, where the browser asks for and takes
// back access to a site. Firefox shows the index in a sidebar, asks for a site in a prompt of its own under the
// toolbar, and tells the sidebar a tab's address only after a click on the toolbar button.

export interface BrowserWords {
  /** Said beside "Read agendas on <site>": what happens when it is pressed. */
  siteAsk: string;
  /** Beside a page whose address the panel may not know: how to turn its site on. */
  siteUnknown: string;
  /** Where the reader sees, and takes back, the access given to a site. */
  siteAccessPlace: string;
}

export function browserWords(firefox: boolean): BrowserWords {
  return firefox
    ? {
        siteAsk: 'Firefox then asks you, in a prompt under the toolbar, to allow the extension on this site.',
        siteUnknown:
          'Firefox tells the sidebar a tab’s address only after you click the Agenda Overlay button on that tab (opening ' +
          'the sidebar from View › Sidebar does not). Right-click the toolbar button and choose “Read agendas on this site”, ' +
          'or add the site in',
        siteAccessPlace: 'about:addons › Agenda Overlay › Permissions',
      }
    : {
        siteAsk: 'Chrome then asks you to allow the extension on this site.',
        siteUnknown: 'Right-click the toolbar button and choose “Read agendas on this site”, or add the site in',
        siteAccessPlace: 'chrome://extensions › Agenda Overlay › Details › Site access',
      };
}

/** The words for the browser this build is for. */
export function thisBrowserWords(): BrowserWords {
  return browserWords(Boolean(import.meta.env.FIREFOX));
}
