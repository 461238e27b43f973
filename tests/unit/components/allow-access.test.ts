// @vitest-environment happy-dom
// "Allow access" asks for the Google hosts the panel knows, whatever the tab reported: a page cannot widen the
// extension's access by reporting other origins.
import { afterEach, expect, it, vi } from 'vitest';
import { browserLiveDocActions } from '@/components/LiveDocBanner';
import { exportPermissionOrigins, GOOGLE_HOSTS } from '@/lib/sources/google-hosts';

afterEach(() => vi.unstubAllGlobals());

it('asks for docs.google.com and googleusercontent.com only, from the panel’s own list', async () => {
  const request = vi.fn(async () => false);
  vi.stubGlobal('browser', {
    permissions: { request },
    storage: {
      local: {
        get: async () => ({
          'testing.googleHosts': { docsOrigin: 'https://evil.example', contentPatterns: ['<all_urls>'] },
        }),
      },
    },
    tabs: { sendMessage: vi.fn(async () => undefined) },
  });
  const actions = browserLiveDocActions(3);
  await actions.allow();
  // Unit tests build in the test mode, where local stand-ins may replace Google; a foreign host never does.
  expect(request).toHaveBeenCalledWith({ origins: exportPermissionOrigins(GOOGLE_HOSTS) });
  expect(exportPermissionOrigins(GOOGLE_HOSTS)).toEqual([
    'https://docs.google.com/*',
    'https://*.googleusercontent.com/*',
  ]);
});
