// The panel keeps up with the tab: a single-page app moving between files (as GitHub's file view does),
// and an ordinary navigation to another agenda.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderGithubBody, renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { startSession, type Session } from './support/session';

const NOTES_2018 = '# Meeting notes\n\n## March 14, 2018\n\n* Demos\n    * [@alice] A demo\n\n## March 7, 2018\n\n* Announcements\n    * Hello\n';
const NOTES_2019 = '# Meeting notes\n\n## January 9, 2019\n\n* Discussion topics\n    * [@bob] Next steps\n';

// Moves to another file without a reload, the way GitHub does: push a URL, swap the rendered file.
const SPA_SCRIPT = `<script>
  window.openNextFile = () => {
    history.pushState({}, '', '/repo/blob/main/meeting-notes-2019.md');
    document.querySelector('article.markdown-body').innerHTML = ${JSON.stringify(renderGithubBody(NOTES_2019))};
  };
</script>`;

let session: Session;

beforeAll(async () => {
  session = await startSession({
    '/repo/blob/main/meeting-notes-2018.md': renderGithubHtml(NOTES_2018).replace('</body>', `${SPA_SCRIPT}</body>`),
    '/other.html': renderGithubHtml(NOTES_2019),
  });
});

afterAll(async () => {
  await session?.close();
});

function meetingKeys(panel: Page): Promise<string[]> {
  return panel.locator('[data-meeting-key]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-meeting-key') ?? ''));
}

it('re-reads the agenda when a single-page app moves to another file', async () => {
  const { page, panel } = await session.openWithPanel('/repo/blob/main/meeting-notes-2018.md');
  await expect.poll(() => meetingKeys(panel)).toEqual(['2018-03-14', '2018-03-07']);
  await page.evaluate(() => (window as unknown as { openNextFile(): void }).openNextFile());
  await expect.poll(() => meetingKeys(panel)).toEqual(['2019-01-09']);
  await page.close();
  await panel.close();
});

it('follows its tab to another agenda after a navigation', async () => {
  const { page, panel } = await session.openWithPanel('/repo/blob/main/meeting-notes-2018.md');
  await expect.poll(() => meetingKeys(panel)).toEqual(['2018-03-14', '2018-03-07']);
  await page.goto(session.server.url('/other.html'));
  await expect.poll(() => meetingKeys(panel)).toEqual(['2019-01-09']);
  await page.close();
  await panel.close();
});
