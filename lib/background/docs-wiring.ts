// Connects the export service to the browser: editor tabs ask through `runtime.sendMessage`; the hosts
// come from lib/sources/google-hosts.ts (a loopback override in storage.local exists for tests only).
// The listener is added synchronously when the worker starts, as MV3 requires for events to wake it.
import { isExportRequest } from '../messaging/live-doc';
import { googleHostsFrom, TEST_HOSTS_KEY } from '../sources/google-hosts';
import { createDocsExportService, type DocsExportService } from './docs-export';

export function startDocsExportWiring(): DocsExportService {
  const service = createDocsExportService({
    readHosts: async () => googleHostsFrom((await browser.storage.local.get(TEST_HOSTS_KEY))[TEST_HOSTS_KEY]),
    hasPermission: (origins) => browser.permissions.contains({ origins }),
    fetch: (url, init) => fetch(url, init),
    isOnline: () => navigator.onLine,
    now: () => Date.now(),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    // Only our own content scripts, for the page their tab shows.
    if (!isExportRequest(message) || sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    service.exportFor(sender.url).then(sendResponse, () => sendResponse({ ok: false, problem: { kind: 'unreadable' } }));
    return true;
  });
  return service;
}
