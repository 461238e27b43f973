// @vitest-environment happy-dom
// Forms of meeting heads, years, times and section titles read off the kubernetes/community archives, each cut down
// from the document named beside it, rendered as GitHub shows it and as a Google Docs export.
import { describe, expect, it } from 'vitest';
import { allItems, parseGdocs, parseGithub } from './helpers';
import type { ParseResult } from '../../../lib/agenda/parse';

interface Case {
  name: string;
  file: string;
  markdown: string;
  /** Meeting keys, newest first, with "C" after a canceled one. */
  meetings: string[];
  /** Only for GitHub: the Docs export renders HTML tables as text. */
  githubOnly?: true;
}

const CASES: Case[] = [
  {
    name: 'a year whose early meetings are written a level deeper',
    file: 'sig-contributor-experience_meeting-notes-archive_2019-meeting-notes.md',
    markdown:
      '# 2019\n\n## April 3 (recording)\n\n* Item\n\n### March 27 (Recording)\n\n* Item\n\n### March 20 (Recording)\n\n* Item\n',
    meetings: ['2019-04-03', '2019-03-27', '2019-03-20'],
  },
  {
    name: 'bold date lines above the first date heading',
    file: 'sig-docs_meeting-notes-archive_2017_Weekly_Meeting_Minutes.md',
    markdown:
      '**12/19/2017**\n\n**NOTE: No meeting 12/26, Happy Holidays!**\n\n* Version 1.9 retrospective\n\n' +
      '**12/12/2017**\n\n* Item\n\n#### 10/10/2017\n\n* Item\n',
    meetings: ['2017-12-19', '2017-12-12', '2017-10-10'],
  },
  {
    name: 'bold date lines after the date headings stop',
    file: 'sig-docs_meeting-notes-archive_2021_Weekly_Meeting_Minutes.md',
    markdown:
      '### 09/21/2021\n\n* Item\n\n**_09/07/2021_**\n\n* Item\n\n**_07/28/2021_ - CANCELLED DUE TO CONFLICTS**\n\n' +
      '**_07/20/2021_**\n\n* Item\n',
    meetings: ['2021-09-21', '2021-09-07', '2021-07-28C', '2021-07-20'],
  },
  {
    name: 'a year heading above the meetings of the year before',
    file: 'sig-contributor-experience_meeting-notes-archive_2022-meeting-notes.md',
    markdown:
      '## November 9th\n\n* Item\n\n## January 5\n\n* Item\n\n# 2021\n\n## December 8\n\n* Item\n\n## January 13th\n\n* Item\n',
    meetings: ['2022-11-09', '2022-01-05', '2021-12-08', '2021-01-13'],
  },
  {
    name: 'meetings written as a table whose first row is "Date:"',
    file: 'sig-release_meeting-notes-archive_2019.md',
    markdown:
      '## July 30, 2019 (recording)\n\n* Item\n\n<table>\n  <tr>\n   <td>\nDate:\n   </td>\n   <td><strong>July 16, 2019</strong>\n' +
      '   </td>\n  </tr>\n</table>\n\n* Item\n\n<table>\n  <tr>\n   <td>\nDate:\n   </td>\n   <td>July 2, 2019\n   </td>\n  </tr>\n</table>\n\n* Item\n',
    meetings: ['2019-07-30', '2019-07-16', '2019-07-02'],
    githubOnly: true,
  },
  {
    name: 'a "Date:" row whose cell goes on past its date',
    file: 'sig-release_meeting-notes-archive_2018.md',
    markdown:
      '<table>\n  <tr>\n   <td>\nDate:\n   </td>\n   <td>Nov 20, 2018\n   </td>\n  </tr>\n</table>\n\n* Item\n\n' +
      '<table>\n  <tr>\n   <td>\nDate:\n   </td>\n   <td>Nov. 6, 2018 (Cancelled. Too many people with conflicts\n<p>\n' +
      'Oct 23, 2018 (Cancelled. No agenda and meeting invite has gone missing :/ )\n   </td>\n  </tr>\n</table>\n\n' +
      '<table>\n  <tr>\n   <td>\nDate:\n   </td>\n   <td>Oct 9, 2018\n   </td>\n  </tr>\n</table>\n\n* Item\n',
    meetings: ['2018-11-20', '2018-11-06C', '2018-10-09'],
    githubOnly: true,
  },
  {
    name: 'a date on a line of its own, in a document with no date headings',
    file: 'sig-node_archive_meeting-notes-2015.md',
    markdown:
      '# sig-node weekly meeting\n\nDec. 9\n\n*   Item\n\nNov. 11\n\n*   Cancelled as people are in the kube-con\n\n' +
      'Sept. 30\n\nDate: Sept 30, 2015\n\n*   Item\n',
    meetings: ['2015-12-09', '2015-11-11C', '2015-09-30'],
  },
  {
    name: 'dates on lines of their own below the date headings, and one repeating its heading',
    file: 'sig-node_archive_meeting-notes-2016.md / sig-contributor-experience 2018',
    markdown: '# Apr 12 2016\n\n* Item\n\n### Apr 5\n\nApr 5\n\n* Item\n\nMar 29\n\n* Item\n\nMar 22\n\n* Item\n',
    meetings: ['2016-04-12', '2016-04-05', '2016-03-29', '2016-03-22'],
  },
  {
    name: 'a date line with its recording and hosts on the lines under it, one right after another date',
    file: 'sig-node_archive_ci-subgroup-notes-2024.md',
    markdown:
      '## Oct 9, 2024\n\nRecording: [https://www.youtube.com/watch?v=a](https://www.youtube.com/watch?v=a)\n\n' +
      'Agenda:\n\nOct 2\n\nSep 25, 2024  \nRecording: [https://www.youtube.com/watch?v=b](https://www.youtube.com/watch?v=b)\n\n' +
      'Agenda:\n\n- Item\n\nJul 17, 2024\n\nJul 10, 2024   \nRecording: [https://www.youtube.com/watch?v=c](https://www.youtube.com/watch?v=c)\n\n' +
      '- Item\n\nJun 12, 2024 \\[Cancelled for KEP freeze reviews\\]  \nHosts:   \nBugs triaging:   \n\nAgenda:\n\n' +
      'Apr 24, 2024  \nRecording: [https://www.youtube.com/watch?v=d](https://www.youtube.com/watch?v=d)   \nHosts:  \n' +
      'Host: Sergey  \nBugs triaging: Anish\n\nAgenda:\n\n- Item\n\n' +
      'Apr 17 was the day we decided  \nRecording: [https://www.youtube.com/watch?v=e](https://www.youtube.com/watch?v=e)\n',
    meetings: ['2024-10-09', '2024-10-02', '2024-09-25', '2024-07-17', '2024-07-10', '2024-06-12C', '2024-04-24'],
  },
];

function keys(result: ParseResult): string[] {
  return result.agenda.meetings.map((m) => `${m.key}${m.canceled ? 'C' : ''}`);
}

describe.each(CASES)('$name ($file)', (c) => {
  it('as rendered by GitHub', () => expect(keys(parseGithub(c.markdown, 'meeting-notes.md'))).toEqual(c.meetings));
  it.skipIf(c.githubOnly === true)('as a Google Docs export', () => {
    // A Docs export has no file name: a year comes from the page or, failing that, from the document's own title.
    expect(keys(parseGdocs(c.markdown, `Meeting notes ${c.meetings[0]!.slice(0, 4)}`))).toEqual(c.meetings);
  });
});

describe('a date line that shares its paragraph with the meeting head (SIG Node CI 2024)', () => {
  const markdown =
    '## Oct 9, 2024\n\n- Item\n\nSep 25, 2024  \nRecording: [https://www.youtube.com/watch?v=b](https://www.youtube.com/watch?v=b)\n\n' +
    '- [https://github.com/kubernetes/kubernetes/issues/127610](https://github.com/kubernetes/kubernetes/issues/127610)\n';
  it.each([
    ['as rendered by GitHub', () => parseGithub(markdown, 'notes.md')],
    ['as a Google Docs export', () => parseGdocs(markdown)],
  ])('is titled by its date and takes the recording, %s', (_, parse) => {
    const meeting = parse().agenda.meetings[1]!;
    expect(meeting.title).toBe('Sep 25, 2024');
    expect(meeting.recording).toBe('https://www.youtube.com/watch?v=b');
    expect(allItems(meeting).map((item) => item.refs)).toEqual([['kubernetes/kubernetes#127610']]);
  });
});

describe('what belongs to a meeting rather than opening a section', () => {
  it('reads "10:30am Pacific (18:30 UTC)" under the date as the meeting time (SIG Docs 2021)', () => {
    const m = parseGithub('### 12/14/2021\n\n### 10:30am Pacific (18:30 UTC)\n\n**Agenda:**\n\n* Item\n').agenda
      .meetings[0]!;
    expect(m.time).toBe('10:30am Pacific (18:30 UTC)');
    expect(m.sections.map((s) => [s.kind, s.title])).toEqual([['discussion', 'Agenda:']]);
  });

  it('keeps a bold table row out of the section titles (SIG Node 2021)', () => {
    const md =
      '## December 14, 2021\n\n<table>\n  <tr>\n   <td><strong>Incoming</strong>\n   </td>\n   <td><strong>Completed</strong>\n' +
      '   </td>\n  </tr>\n</table>\n\n* Item\n';
    const m = parseGithub(md).agenda.meetings[0]!;
    expect(m.sections.map((s) => s.title)).toEqual(['']);
  });

  it('reads "**" then "Open Discussion:**" as a title (SIG Release 2022)', () => {
    const m = parseGithub('## August 23, 2022\n\n** \\\nOpen Discussion:**\n\n* Provenance builder demo\n').agenda
      .meetings[0]!;
    expect(m.sections.map((s) => [s.kind, s.items.length])).toEqual([['discussion', 1]]);
  });

  it('leaves a meeting on when its first line says another is off (SIG Docs 2017)', () => {
    const m = parseGithub('## 12/19/2017\n\n**NOTE: No meeting 12/26, Happy Holidays!**\n\n* Item\n').agenda
      .meetings[0]!;
    expect(m.canceled).toBe(false);
  });

  it('reads the SIG Storage labels under "Agenda/Note" as sections, "Misc" included (SIG Storage 2019)', () => {
    const md =
      '## December 4, 2019\n\nAgenda/Note\n\n* Q4 2019 v1.17 Planning\n  * End of quarter status\n' +
      '* PRs to discuss or that need attention:\n  * [Please add any PRs that need attention, with your name, below]\n' +
      '* Design Review\n  * Consistency groups google doc\n* Misc\n  * [Xing/Dave] Proposal for a Data Protection WG\n';
    const m = parseGithub(md).agenda.meetings[0]!;
    expect(m.sections.map((s) => [s.kind, s.title, allItemsOf(s.items)])).toEqual([
      ['discussion', 'Agenda/Note', 2],
      ['designs', 'Design Review', 1],
      ['other', 'Misc', 1],
    ]);
    expect(allItems(m).flatMap((i) => i.people)).toEqual(['Xing', 'Dave']);
  });
});

function allItemsOf(items: readonly { children: readonly unknown[] }[]): number {
  return items.reduce((n, i) => n + 1 + allItemsOf(i.children as { children: unknown[] }[]), 0);
}
