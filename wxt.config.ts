import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome gets MV3 with a side panel; Firefox gets a sidebar from the same source.
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Agenda Overlay',
    description:
      'An index of long meeting-agenda documents: every meeting and item, jump to it, see where topics stand.',
    // storage: the GitHub API base and token (storage.local). No host permission for api.github.com: it
    // answers CORS with `*`, so the background's fetches need none. An Enterprise host behind a proxy that
    // drops CORS headers can be allowed from the options page, on request (optional, never at install). The
    // Google Docs editor's export needs docs.google.com and *.googleusercontent.com (lib/sources/google-hosts.ts),
    // asked for from the panel or the options page at first use: also within these optional patterns.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: 'Open the agenda index' },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Agenda Overlay' },
          browser_specific_settings: {
            gecko: {
              id: 'agenda-overlay@agenda-overlay.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
