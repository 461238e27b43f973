import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { LOCAL_PAGE_MATCHES, isLocalPagesMode } from './lib/sources/build-modes';

// Chrome gets MV3 with a side panel; Firefox gets a sidebar from the same source.
// `wxt build` is the store build: it reads the agenda sites only. `wxt build --mode test` (tests, `npm start`'s
// --url on a local page) also reads pages on 127.0.0.1 and localhost, and lets tests point the Google hosts there.
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Agenda Overlay',
    description:
      'An index of long meeting-agenda documents: every meeting and item, jump to it, see where topics stand.',
    // storage: the GitHub API base and token, the sites turned on. scripting: to read agendas on a site the user
    // turns on (lib/background/site-scripts.ts). contextMenus + activeTab: the toolbar button's "Read agendas on
    // this site", which learns the tab's address only when clicked. None of these adds an install warning.
    // No host permission for api.github.com: it answers CORS with `*`. Every other host is optional, asked for
    // one at a time when the user wants it: a site to read, a GitHub Enterprise host behind a proxy that drops
    // CORS headers, the Google Docs editor's export (docs.google.com and *.googleusercontent.com).
    permissions:
      browser === 'firefox'
        ? ['storage', 'scripting', 'contextMenus', 'activeTab']
        : ['storage', 'sidePanel', 'scripting', 'contextMenus', 'activeTab'],
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Open the agenda index' },
    // The keyboard way to the index; people change it at chrome://extensions/shortcuts or in Firefox's add-on
    // manager (Manage Extension Shortcuts).
    commands:
      browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+A' },
              description: 'Open the agenda index',
            },
          }
        : { _execute_action: { suggested_key: { default: 'Alt+Shift+A' }, description: 'Open the agenda index' } },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Agenda Overlay' },
          browser_specific_settings: {
            gecko: {
              id: 'agenda-overlay@agenda-overlay.dev',
              // Firefox ESR 140: scripting in MV2 (102), data_collection_permissions (140).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : // sidePanel.setPanelBehavior, the panel opened by the toolbar button and its shortcut.
        { minimum_chrome_version: '116' }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (!isLocalPagesMode(wxt.config.mode)) return;
      for (const script of manifest.content_scripts ?? [])
        script.matches = [...new Set([...(script.matches ?? []), ...LOCAL_PAGE_MATCHES])];
    },
  },
});
