// The whole history as one agenda: the page's meetings and the archive files', newest first, each meeting of
// another file linked to its heading on GitHub; and where the years begin in the index's rows.
import { describe, expect, it } from 'vitest';
import { loadPage, parseHtml } from '../../../scripts/support/load-agenda';
import { fixturePath } from '../../support/fixtures';
import { browseRows } from '../../../lib/panel/rows';
import { browseView } from '../../../lib/panel/search';
import { NO_FILTERS } from '../../../lib/panel/filters';
import { meetingLink, mergeHistory } from '../../../lib/history/merge';
import { githubFileUrl } from '../../../lib/history/archive-files';
import { yearStartOf } from '../../../lib/history/year-starts';
import type { HistoryFile } from '../../../lib/history/loader';

async function archive(year: number): Promise<HistoryFile> {
  const agenda = await parseHtml(loadPage(fixturePath(`agendas/sig-auth_archive_meeting-notes-${year}.md`)));
  const path = `sig-auth/archive/meeting-notes-${year}.md`;
  return { path, url: githubFileUrl(path), label: String(year), agenda, problem: null };
}

describe('mergeHistory', { timeout: 30_000 }, () => {
  it('puts every year in one agenda, newest first, the page winning over its stored copy', async () => {
    const files = await Promise.all([2016, 2017, 2018].map(archive));
    const page = files[2]!.agenda!;
    const merged = mergeHistory(page, [githubFileUrl('sig-auth/archive/meeting-notes-2018.md')], files);
    const total = files.reduce((sum, file) => sum + file.agenda!.meetings.length, 0);
    expect(merged.agenda.meetings.length).toBe(total);
    expect(merged.agenda.id).toBe(page.id);
    expect(merged.years).toEqual(['2018', '2017', '2016']);
    const dates = merged.agenda.meetings.map((m) => m.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // The page's meetings have no origin: they jump in the page.
    expect(merged.origins.has(page.meetings[0]!.key)).toBe(false);
    expect(merged.origins.get('2017-11-01')).toBe(
      'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2017.md',
    );
  });

  it('links a meeting of another file to its heading on github.com', async () => {
    const file = await archive(2017);
    const meeting = file.agenda!.meetings.find((m) => m.key === '2017-11-01')!;
    expect(meetingLink(file.url, meeting)).toBe(
      'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2017.md#november-1-2017-11a---noon-pacific-time',
    );
  });

  it('keeps a date that both a file and the page hold once, from the page', async () => {
    const file = await archive(2017);
    const page = { ...file.agenda!, id: 'live-doc', meetings: file.agenda!.meetings.slice(0, 1) };
    const merged = mergeHistory(page, [], [file]);
    expect(merged.agenda.meetings.filter((m) => m.key === page.meetings[0]!.key)).toHaveLength(1);
    expect(merged.origins.has(page.meetings[0]!.key)).toBe(false);
    expect(merged.agenda.meetings.length).toBe(file.agenda!.meetings.length);
  });
});

describe('yearStartOf', { timeout: 30_000 }, () => {
  it('marks the first meeting of each year, open meetings between them included', async () => {
    const files = await Promise.all([2016, 2017].map(archive));
    const merged = mergeHistory(files[1]!.agenda!, [], files);
    const agenda = merged.agenda;
    const firstOf2016 = agenda.meetings.findIndex((m) => m.date.startsWith('2016'));
    const openBefore = agenda.meetings[firstOf2016 - 1]!.key;
    const view = browseView(agenda.meetings, NO_FILTERS);
    if (view.mode !== 'browse') throw new Error('not browsing');
    const list = browseRows(agenda, view, (key) => key === openBefore);
    const marks: string[] = [];
    for (let i = 0; i < list.count; i++) {
      const year = yearStartOf(list, i);
      if (year) marks.push(`${year}:${list.row(i).id}`);
    }
    expect(marks).toEqual([`2017:${agenda.meetings[0]!.key}`, `2016:${agenda.meetings[firstOf2016]!.key}`]);
  });
});
