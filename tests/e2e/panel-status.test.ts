// GitHub statuses in the panel itself: icons with words on items, the summary, and the status filter,
// against the local GitHub stand-in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-standin';
import { startSession, type Session } from './support/session';

const TOKEN = 'ghp_panel_test_token';
const AGENDA = `<!doctype html><html><head><title>Status agenda</title></head><body>
<h1>Status agenda</h1>
<h2>March 14, 2018</h2><ul><li>Pulls of note<ul>
  <li>Node restriction <a href="https://github.com/kubernetes/kubernetes/pull/68267">#68267</a></li>
  <li>Token review <a href="https://github.com/kubernetes/kubernetes/pull/58027">kubernetes/kubernetes#58027</a></li>
  <li>No link here</li>
</ul></li></ul>
<h2>March 7, 2018</h2><ul><li>Discussion topics<ul>
  <li>CSR API <a href="https://github.com/kubernetes/kubernetes/issues/69836">issue</a></li>
</ul></li></ul>
</body></html>`;

let standIn: GitHubStandIn;
let session: Session;
let panel: Page;

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
  session = await startSession({ '/status.html': AGENDA });
  await session.browser.worker.evaluate(
    async ({ apiBase, token }) => chrome.storage.local.set({ 'github.apiBase': apiBase, 'github.token': token }),
    { apiBase: standIn.apiBase, token: TOKEN },
  );
  ({ panel } = await session.openWithPanel('/status.html'));
  await panel.locator('[data-meeting-key]').first().waitFor();
});

afterAll(async () => {
  await session?.close();
  await standIn?.close();
});

function badgeState(ref: string): Promise<string | null> {
  return panel.locator(`[data-item-key] .ref-badge[data-ref="${ref}"]`).first().getAttribute('data-state');
}

it('shows each item’s references with their status, in words as well as colour', async () => {
  await panel.locator('[data-meeting-key="2018-03-14"] .meeting__toggle').click();
  await panel.locator('[data-meeting-key="2018-03-07"] .meeting__toggle').click();
  await expect.poll(() => badgeState('kubernetes/kubernetes#68267')).toBe('pr-merged');
  await expect.poll(() => badgeState('kubernetes/kubernetes#58027')).toBe('pr-open');
  await expect.poll(() => badgeState('kubernetes/kubernetes#69836')).toBe('issue-not-planned');
  const words = await panel
    .locator('[data-item-key] .ref-badge[data-ref="kubernetes/kubernetes#68267"]')
    .first()
    .textContent();
  expect(words).toContain('Merged');
  const hover = await panel
    .locator('[data-item-key] .ref-badge[data-ref="kubernetes/kubernetes#68267"]')
    .first()
    .getAttribute('title');
  expect(hover).toContain('NodeRestriction prevents node label updates');
});

it('asked GitHub once, in one query, with the token', async () => {
  expect(standIn.count('graphql')).toBe(1);
});

it('filters to the items whose references have a status, from the summary', async () => {
  await panel.getByText('Filters').click();
  await panel.locator('.status-chip[data-status="pr-merged"] button').click();
  await expect.poll(() => panel.locator('[data-item-key]').count()).toBe(1);
  await expect(panel.locator('[data-item-key]').textContent()).resolves.toContain('Node restriction');
  await panel.getByRole('button', { name: /Clear Status/ }).click();
  await expect.poll(() => panel.locator('[data-meeting-key]').count()).toBe(2);
});
