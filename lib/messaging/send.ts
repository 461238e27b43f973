// Requests through the browser, typed by the call map: the answer's type follows from the request's.
import type { BackgroundAnswer, BackgroundCall, BackgroundRequest, TabAnswer, TabCall, TabRequest } from './calls';

/** Asks the content script of tab `tabId`; rejects when no script of ours answers there. */
export function callTab<K extends TabCall>(tabId: number, request: TabRequest<K>): Promise<TabAnswer<K>> {
  return browser.tabs.sendMessage(tabId, request) as Promise<TabAnswer<K>>;
}

/** Asks the background; a failure it reports (`{ error }`), or no answer, rejects with words a person can read. */
export async function callBackground<K extends BackgroundCall>(
  request: BackgroundRequest<K>,
): Promise<BackgroundAnswer<K>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  const error = (answer as { error?: unknown } | null)?.error;
  if (answer === undefined || answer === null || typeof error === 'string') {
    throw new Error(typeof error === 'string' ? error : 'The extension’s background did not answer.');
  }
  return answer as BackgroundAnswer<K>;
}
