// Connects the export service to the browser: editor tabs ask through `runtime.sendMessage`; the hosts
// come from lib/sources/google-hosts.ts (a loopback override in storage.local exists for tests only).
// The listener is added synchronously when the worker starts, as MV3 requires for events to wake it.
import { isBackgroundRequest } from '../messaging/calls';
import { googleHostsOfBuild, TEST_HOSTS_KEY } from '../sources/google-hosts';
import { createDocsExportService, type DocsExportService } from './docs-export';

const WAIT_KEY = 'docs.notBefore';

/** Google's Retry-After per Docs origin, in storage.session: it outlives a stopped worker, not the browser. */
function sessionWaits(): NonNullable<Parameters<typeof createDocsExportService>[0]['waits']> | undefined {
  const area = (browser.storage as { session?: typeof browser.storage.local }).session;
  if (!area) return undefined;
  const read = async (): Promise<Record<string, number>> =>
    ((await area.get(WAIT_KEY))[WAIT_KEY] as Record<string, number> | undefined) ?? {};
  return {
    get: async (origin) => (await read())[origin],
    set: async (origin, until) => area.set({ [WAIT_KEY]: { ...(await read()), [origin]: until } }),
  };
}

export function startDocsExportWiring(): DocsExportService {
  const service = createDocsExportService({
    // Tests point the Google hosts at local servers; the store build has no such door.
    readHosts: () =>
      googleHostsOfBuild(
        import.meta.env.MODE,
        async () => (await browser.storage.local.get(TEST_HOSTS_KEY))[TEST_HOSTS_KEY],
      ),
    hasPermission: (origins) => browser.permissions.contains({ origins }),
    fetch: (url, init) => fetch(url, init),
    isOnline: () => navigator.onLine,
    now: () => Date.now(),
    waits: sessionWaits(),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own content scripts, for the page their tab shows.
    if (
      !isBackgroundRequest(message, 'docs/export') ||
      sender.id !== browser.runtime.id ||
      sender.tab?.id === undefined
    )
      return undefined;
    service
      .exportFor(sender.url)
      .then(sendResponse, () => sendResponse({ ok: false, problem: { kind: 'unreadable' } }));
    return true;
  });
  return service;
}
