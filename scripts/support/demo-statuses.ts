// GitHub statuses for the demo without a network: the tests' GitHub stand-in on 127.0.0.1, answering for every
// pull request and issue the demo agenda (the seed) links to in GitHub's recorded shapes, and the extension pointed at it
// with a token, as a user would set it in the options. For screenshots of the product at work; the states are
// the stand-in's (pull requests merged, issues closed, a few still open), not GitHub's.
import type { Page } from 'playwright-core';
import { startGitHubStandIn, type StandInRef } from '../../tests/support/github-standin';
import { readSeed } from '../../tests/support/fixtures';
import type { ExtensionBrowser } from './chromium';

const TOKEN = 'ghp_DemoStandInToken0123456789abcdefghij';
const LINK = /https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(issues|pull)\/(\d+)/g;

/** Every issue and pull request `markdown` links to, with a plausible state for a 2018 agenda. */
function demoRefs(markdown: string): Record<string, StandInRef> {
  const table: Record<string, StandInRef> = {};
  let index = 0;
  for (const [, owner, repo, kind, number] of markdown.matchAll(LINK)) {
    const ref = `${owner}/${repo}#${Number(number)}`.toLowerCase();
    if (table[ref]) continue;
    index += 1;
    table[ref] =
      kind === 'pull'
        ? { kind: 'pr', state: index % 9 === 0 ? 'closed' : index % 13 === 0 ? 'open' : 'merged' }
        : { kind: 'issue', state: index % 5 === 0 ? 'open' : index % 11 === 0 ? 'not-planned' : 'completed' };
  }
  return table;
}

export interface DemoStatuses {
  /** Waits until the panel shows statuses. */
  shown(panel: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoStatuses(browser: ExtensionBrowser): Promise<DemoStatuses> {
  const standIn = await startGitHubStandIn({ refs: demoRefs(readSeed()), token: TOKEN });
  await browser.worker.evaluate(
    ({ apiBase, token }) => chrome.storage.local.set({ 'github.apiBase': apiBase, 'github.token': token }),
    { apiBase: standIn.apiBase, token: TOKEN },
  );
  return {
    async shown(panel) {
      await panel.locator('[data-status="pr-merged"]').first().waitFor({ timeout: 20_000 });
      // The rest of the agenda's references arrive in the same few requests.
      await panel
        .locator('[data-status="unknown"]')
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
    },
    close: () => standIn.close(),
  };
}
