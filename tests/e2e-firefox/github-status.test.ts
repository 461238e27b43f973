// In Firefox ESR, GitHub statuses from the local stand-in of the GitHub API: set up on the options page as a person
// does, then shown in the panel (icon and word) and after each issue and pull request link in the page. Nothing
// here leaves 127.0.0.1.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-standin';
import { clickAt, saveGitHubSettings, startFirefoxSession, textOf, type FirefoxSession } from './support/session';

const TOKEN = 'ghp_StandInToken0123456789abcdefghijklmn';

const AGENDA = `<!doctype html><html><head><title>Status agenda</title></head><body>
<h1>Status agenda</h1>
<h2>March 14, 2018</h2><ul><li>Pulls of note<ul>
  <li id="merged">Node restriction <a href="https://github.com/kubernetes/kubernetes/pull/68267">#68267</a></li>
  <li id="open">Token review <a href="https://github.com/kubernetes/kubernetes/pull/58027">kubernetes/kubernetes#58027</a></li>
  <li id="plain">No link here <a href="https://github.com/kubernetes/kubernetes">the repository</a></li>
</ul></li></ul>
<h2>March 7, 2018</h2><ul><li>Discussion topics<ul>
  <li id="issue">CSR API <a href="https://github.com/kubernetes/kubernetes/issues/69836">issue</a></li>
</ul></li></ul>
</body></html>`;

let standIn: GitHubStandIn;
let session: FirefoxSession;

beforeAll(async () => {
  standIn = await startGitHubStandIn({
    token: TOKEN,
    refs: {
      'kubernetes/kubernetes#68267': {
        kind: 'pr',
        state: 'merged',
        title: 'NodeRestriction prevents node label updates',
      },
      'kubernetes/kubernetes#58027': { kind: 'pr', state: 'open' },
      'kubernetes/kubernetes#69836': { kind: 'issue', state: 'not-planned' },
    },
  });
  session = await startFirefoxSession({ '/status.html': AGENDA });
});

afterAll(async () => {
  expect(session?.firefox.extensionErrors() ?? []).toEqual([]);
  await session?.close();
  await standIn?.close();
});

/** Replaces what a field holds, from the keyboard. */
interface PageBadge {
  /** The id of the list item the link is in. */
  item: string;
  state: string | null;
  words: string | null;
}

interface BidiNode {
  type: string;
  value?: {
    localName?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
    mode?: string;
  };
}

/**
 * The badges after the page's links, as drawn. Their shadow roots are closed, out of the page's reach: WebDriver
 * BiDi serialises them all the same, as a test must see them.
 */
async function pageBadges(page: Page): Promise<PageBadge[]> {
  const context = (
    page.mainFrame() as unknown as {
      browsingContext: {
        id: string;
        userContext: {
          browser: { session: { send(method: string, params: unknown): Promise<{ result: { result: BidiNode } }> } };
        };
      };
    }
  ).browsingContext;
  const { result } = await context.userContext.browser.session.send('script.evaluate', {
    expression: `[...document.querySelectorAll('agenda-overlay-status')].map((badge) => { badge.dataset.testItem = badge.closest('li')?.id ?? ''; return badge; })`,
    target: { context: context.id },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 3, includeShadowTree: 'all' },
  });
  const list = (result.result as unknown as { value?: BidiNode[] }).value ?? [];
  return list.map((node) => {
    const icon = node.value?.shadowRoot?.value?.children?.find(
      (child) => child.value?.attributes?.['data-state'] !== undefined,
    );
    return {
      item: node.value?.attributes?.['data-test-item'] ?? '',
      state: icon?.value?.attributes?.['data-state'] ?? null,
      words: icon?.value?.attributes?.['aria-label'] ?? null,
    };
  });
}

function panelBadge(
  panel: Page,
  ref: string,
): Promise<{ state: string | null; words: string; title: string | null } | null> {
  return panel.evaluate((wanted) => {
    const badge = document.querySelector<HTMLElement>(`[data-item-key] .ref-badge[data-ref="${wanted}"]`);
    return badge
      ? { state: badge.getAttribute('data-state'), words: badge.innerText.trim(), title: badge.getAttribute('title') }
      : null;
  }, ref);
}

it('takes the stand-in’s address and a token on the options page, and says it is connected', async () => {
  const options = await session.firefox.openExtensionPage('options.html');
  await saveGitHubSettings(options, standIn.apiBase, TOKEN);
  const host = new URL(standIn.apiBase).host;
  await expect
    .poll(() => textOf(options, '[data-check="ok"]'), { timeout: 15_000 })
    .toMatch(new RegExp(`^Connected to ${host.replace(/\./g, '\\.')} with the token\\.`));
  await options.close();
});

it('shows each reference’s status in the panel, in words as well as colour, and after each link in the page', async () => {
  standIn.clearRequests();
  const { page, panel } = await session.openWithPanel('/status.html');
  await expect.poll(() => textOf(panel, '.agenda__summary')).toMatch(/^2 meetings/);
  await clickAt(panel, '[data-meeting-key="2018-03-14"] .meeting__toggle');
  await clickAt(panel, '[data-meeting-key="2018-03-07"] .meeting__toggle');
  await expect
    .poll(async () => (await panelBadge(panel, 'kubernetes/kubernetes#68267'))?.state, { timeout: 15_000 })
    .toBe('pr-merged');
  await expect.poll(async () => (await panelBadge(panel, 'kubernetes/kubernetes#58027'))?.state).toBe('pr-open');
  await expect
    .poll(async () => (await panelBadge(panel, 'kubernetes/kubernetes#69836'))?.state)
    .toBe('issue-not-planned');
  const merged = await panelBadge(panel, 'kubernetes/kubernetes#68267');
  expect(merged?.words).toContain('Merged');
  expect(merged?.title).toContain('NodeRestriction prevents node label updates');

  // In the page: one badge after each issue or pull request link, none after the repository's link.
  await expect
    .poll(async () => (await pageBadges(page)).filter((badge) => badge.state !== null).length, { timeout: 15_000 })
    .toBe(3);
  const badges = await pageBadges(page);
  expect(badges.map((badge) => [badge.item, badge.state])).toEqual([
    ['merged', 'pr-merged'],
    ['open', 'pr-open'],
    ['issue', 'issue-not-planned'],
  ]);
  expect(badges[0]!.words).toMatch(
    /^Pull request kubernetes\/kubernetes#68267: Merged\nNodeRestriction prevents node label updates/,
  );
  // The page's scripts see our element, but not into it; the link is as served.
  expect(await page.evaluate(() => document.querySelector('agenda-overlay-status')?.shadowRoot ?? null)).toBeNull();
  expect(await page.evaluate(() => document.querySelector('#merged a')!.outerHTML)).toBe(
    '<a href="https://github.com/kubernetes/kubernetes/pull/68267">#68267</a>',
  );

  // Three references, one GraphQL query, with the token, to the stand-in only.
  expect(standIn.count('graphql')).toBe(1);
  expect(standIn.count()).toBe(1);
  expect(standIn.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  await page.close();
  await panel.close();
});
