// The panel passes axe-core with no serious or critical violations, in light and dark mode,
// with a meeting open, a search active and the filters shown, an item's note editor, and the Following,
// Action items and Notes pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { seriousViolations } from './support/axe';
import { startSession, type Session } from './support/session';
import { readSeed } from '../support/fixtures';

const SEED = readSeed();

let session: Session;

beforeAll(async () => {
  session = await startSession({ '/seed.html': renderGithubHtml(SEED) });
});

afterAll(async () => {
  await session?.close();
});

describe.each(['light', 'dark'] as const)('in %s mode', (scheme) => {
  it('has no serious or critical violations', async () => {
    const { panel, page } = await session.openWithPanel('/seed.html');
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.locator('[data-meeting-key]').first().waitFor();
    await panel.locator('[data-meeting-key="2018-10-31"] .meeting__toggle').click();
    await panel.locator('[data-meeting-key="2018-10-31"] .meeting__date').click();
    await panel.getByText('Filters').click();
    expect(await seriousViolations(panel)).toEqual([]);

    await panel.getByRole('searchbox', { name: /search/i }).fill('token');
    await panel.locator('[data-item-key] mark').first().waitFor();
    // The active item's details: its note editor and follow buttons.
    await panel.locator('[data-item-key] mark').first().click();
    await panel.locator('.detail .note__text').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);

    // The user's own pages, with something in each.
    await panel.locator('.detail .note__text').fill('A private note');
    await panel.getByRole('tab', { name: /Following/ }).click();
    await panel.getByLabel('What to follow').fill('token');
    await panel.locator('.follow-form').getByRole('button', { name: 'Follow' }).click();
    await panel.locator('.timeline__entry').first().waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByRole('tab', { name: /Action items/ }).click();
    await panel.locator('.action input').first().check();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByRole('tab', { name: /Notes/ }).click();
    await panel.locator('.note-card').first().waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await page.close();
    await panel.close();
  });
});
