// The panel keeps up with the tab: a single-page app moving between files (as GitHub's file view does),
// and an ordinary navigation to another agenda.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderGithubBody, renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { issueThreadPage } from '../support/quiet-pages';
import { startSession, type Session } from './support/session';

const NOTES_2018 =
  '# Meeting notes\n\n## March 14, 2018\n\n* Demos\n    * [@alice] A demo\n\n## March 7, 2018\n\n* Announcements\n    * Hello\n';
const NOTES_2019 = '# Meeting notes\n\n## January 9, 2019\n\n* Discussion topics\n    * [@bob] Next steps\n';

// Moves to another file without a reload, the way GitHub does: push a URL, swap the rendered file.
const SPA_SCRIPT = `<script>
  window.openNextFile = () => {
    history.pushState({}, '', '/repo/blob/main/meeting-notes-2019.md');
    document.querySelector('article.markdown-body').innerHTML = ${JSON.stringify(renderGithubBody(NOTES_2019))};
  };
</script>`;

// An issue page that moves to a file, the way GitHub does: the address first, the file a second later, once fetched.
const ISSUE_TO_FILE_SCRIPT = `<script>
  window.openFileLater = () => {
    history.pushState({}, '', '/repo/blob/main/meeting-notes-2019.md');
    setTimeout(() => {
      document.querySelector('.js-discussion').outerHTML =
        '<article class="markdown-body">' + ${JSON.stringify(renderGithubBody(NOTES_2019))} + '</article>';
    }, 1000);
  };
</script>`;

let session: Session;

beforeAll(async () => {
  session = await startSession({
    '/repo/blob/main/meeting-notes-2018.md': renderGithubHtml(NOTES_2018).replace('</body>', `${SPA_SCRIPT}</body>`),
    '/other.html': renderGithubHtml(NOTES_2019),
    '/repo/issues/1': issueThreadPage(200).replace('</body>', `${ISSUE_TO_FILE_SCRIPT}</body>`),
  });
});

afterAll(async () => {
  await session?.close();
});

function meetingKeys(panel: Page): Promise<string[]> {
  return panel
    .locator('[data-meeting-key]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-meeting-key') ?? ''));
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

it('reads a page that held no agenda once it moves to a file, though it was no longer watched', async () => {
  const { page, panel } = await session.openWithPanel('/repo/issues/1');
  await expect.poll(() => panel.getByRole('heading', { name: 'This page is not an agenda' }).count()).toBe(1);
  // Past the time a page without an agenda is still watched: its changes are no longer read.
  await page.waitForTimeout(11_000);
  await page.evaluate(() => (window as unknown as { openFileLater(): void }).openFileLater());
  await expect.poll(() => meetingKeys(panel), { timeout: 10_000 }).toEqual(['2019-01-09']);
  await page.close();
  await panel.close();
}, 40_000);
