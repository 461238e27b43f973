// A group's whole history in the built extension: a ten-year archive folder (twelve files, made from the real
// archives in tests/fixtures with their years moved) served by the contents stand-in. Counts the requests of a
// cold load (files + listings + 1 for sigs.yaml) and of a second load within the day (none), times the press
// on "Load the group's history" to the whole history shown and searchable, then filter keystrokes over it.
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { launchWithExtension, panelUrl, tabIdOf } from '../../scripts/support/chromium';
import { servePages } from '../../scripts/support/static-server';
import { readFixture } from '../support/fixtures';
import { startContentsStandIn } from '../support/contents-standin';
import { measureKeystrokes, type PanelMeasureOptions } from './measure-panel';
import { median, round } from './stats';

export interface HistoryFigures {
  files: number;
  markdown_bytes: number;
  meetings: number;
  cold_requests: number;
  cold_expected_requests: number;
  warm_requests: number;
  click_to_searchable_ms: number;
  filter_keystroke_ms: number;
  filter_keystroke_runs_ms: number[];
}

const SOURCES = [
  'sig-node_archive_meeting-notes-2019.md',
  'sig-contributor-experience_meeting-notes-archive_2019-meeting-notes.md',
  'sig-contributor-experience_meeting-notes-archive_2018-meeting-notes.md',
  'committee-steering_meeting-notes-archive_2019-meeting-notes.md',
  'sig-auth_archive_meeting-notes-2016.md',
  'sig-auth_archive_meeting-notes-2017.md',
  'sig-auth_archive_meeting-notes-2018.md',
  'sig-auth_archive_meeting-notes-2019.md',
  'sig-storage_archive_meeting-notes-2017.md',
  'sig-instrumentation_archive_meeting-notes-2020.md',
  'sig-contributor-experience_meeting-notes-archive_2019-meeting-notes.md',
  'sig-contributor-experience_meeting-notes-archive_2018-meeting-notes.md',
];
const FIRST_YEAR = 2012;
const PAGE_YEAR = 2019;

/** SIG Node's archive folder as it might hold ten years: each real archive with its years moved to one year. */
function tenYears(): Record<string, string> {
  const files: Record<string, string> = { 'sigs.yaml': readFixture('kubernetes-community/sigs.yaml') };
  SOURCES.forEach((source, i) => {
    const year = FIRST_YEAR + i;
    files[`sig-node/archive/meeting-notes-${year}.md`] = readFixture(`agendas/${source}`).replace(
      /\b20[12]\d\b/g,
      String(year),
    );
  });
  return files;
}

export async function measureHistory(
  extensionDir: string | undefined,
  progress: (message: string) => void,
): Promise<HistoryFigures> {
  const files = tenYears();
  const archives = Object.keys(files).filter((path) => path.endsWith('.md'));
  const standIn = await startContentsStandIn({ files, limit: 5000 });
  const pagePath = `/kubernetes/community/blob/master/sig-node/archive/meeting-notes-${PAGE_YEAR}.md`;
  const server = await servePages({
    [pagePath]: renderGithubHtml(files[`sig-node/archive/meeting-notes-${PAGE_YEAR}.md`]!),
  });
  const browser = await launchWithExtension(extensionDir ? { extensionDir } : {});
  try {
    await browser.worker.evaluate(
      (apiBase) => chrome.storage.local.set({ 'github.apiBase': apiBase }),
      standIn.apiBase,
    );
    const page = await browser.context.newPage();
    await page.goto(server.url(pagePath));
    const tabId = await tabIdOf(browser, page);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    const before = standIn.requests.length;
    await panel.goto(panelUrl(browser, tabId));
    await panel.locator('.group button').first().waitFor({ timeout: 30_000 });

    const started = Date.now();
    await panel.locator('.group button').first().click();
    await panel.locator('.group__choice--on', { hasText: 'Whole history' }).waitFor({ timeout: 120_000 });
    await panel.locator('[data-year-start]').first().waitFor({ timeout: 30_000 });
    const clickToSearchable = Date.now() - started;
    const coldRequests = standIn.requests.length - before;
    const meetings = Number(
      (await panel.locator('.group__age').innerText()).replace(/[^\d].*$/s, '').replace(/,/g, ''),
    );
    progress(
      `history: ${archives.length} files, ${meetings} meetings, ${coldRequests} requests, searchable in ${clickToSearchable} ms`,
    );

    const keystrokes = await measureKeystrokes(
      panel,
      { query: 'tokenrequest', opens: 0, timeoutMs: 60_000 } as PanelMeasureOptions,
      progress,
    );

    const beforeWarm = standIn.requests.length;
    await panel.reload();
    await panel.locator('.group__choice--on', { hasText: 'Whole history' }).waitFor({ timeout: 60_000 });
    const warmRequests = standIn.requests.length - beforeWarm;
    return {
      files: archives.length,
      markdown_bytes: archives.reduce((sum, path) => sum + Buffer.byteLength(files[path]!), 0),
      meetings,
      cold_requests: coldRequests,
      // Every file, the one listing, and sigs.yaml (read when the panel opened, to name the group).
      cold_expected_requests: archives.length + 1 + 1,
      warm_requests: warmRequests,
      click_to_searchable_ms: clickToSearchable,
      filter_keystroke_ms: round(median(keystrokes.runs)),
      filter_keystroke_runs_ms: keystrokes.runs.map((t) => round(t)),
    };
  } finally {
    await browser.close();
    await server.close();
    await standIn.close();
  }
}
