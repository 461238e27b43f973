import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome gets MV3 with a side panel; Firefox gets a sidebar from the same source.
export default defineConfig({
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Agenda Overlay',
    description:
      'An index of long meeting-agenda documents: every meeting and item, jump to it, see where topics stand.',
    permissions: browser === 'firefox' ? [] : ['sidePanel'],
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
