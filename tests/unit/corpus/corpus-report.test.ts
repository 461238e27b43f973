// @vitest-environment happy-dom
// What `npm run corpus` reports of a document, on real archives and on small pages whose answers are known.
import { describe, expect, it } from 'vitest';
import { corpusFacts, dateLikeBlocks, suspicious, yearOfFileName } from '../../../scripts/support/corpus-report';
import { readFixture } from '../../support/fixtures';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { bodyDocument, htmlDocument, parseGithub } from '../agenda/helpers';

describe('dateLikeBlocks', () => {
  it('counts headings and wholly bold paragraphs that read as dates, in every form groups write them', () => {
    const doc = bodyDocument(
      '<h2>2023/12/06</h2><h3>December 27 (no meeting)</h3><p><strong>12/18/2018</strong></p>' +
        '<p>Met on <strong>March 3</strong> to talk</p><h2>Agenda</h2><h2>November 14th (recording)</h2>',
    );
    expect(dateLikeBlocks(doc)).toEqual([
      '2023/12/06',
      'December 27 (no meeting)',
      '12/18/2018',
      'November 14th (recording)',
    ]);
  });

  it('counts a day before its month, and a date line above the recording in the same paragraph', () => {
    const doc = bodyDocument(
      '<h2>28 Nov 2023</h2><p>Sep 25, 2024<br>Recording: <a href="https://www.youtube.com/watch?v=b">video</a></p>' +
        '<p>Sep 18, 2024 was a very busy week<br>Recording: <a href="https://www.youtube.com/watch?v=c">video</a></p>' +
        '<p><a href="#x">Sep 11, 2024</a><br>Recording</p><p>Released 3 times in a row</p>',
    );
    expect(dateLikeBlocks(doc)).toEqual(['28 Nov 2023', 'Sep 25, 2024']);
  });
});

describe('yearOfFileName', () => {
  it.each([
    ['meeting-notes-2018.md', 2018],
    ['sig-docs_meeting-notes-archive_2016_Weekly_Meeting_Minutes.md', 2016],
    ['communication_meeting-notes-archive_201801-201807_Community_Meeting_Minutes.md', null],
    ['notes.md', null],
  ])('%s → %s', (file, year) => expect(yearOfFileName(file)).toBe(year));
});

describe('corpusFacts on the SIG Auth 2018 archive', () => {
  const file = 'sig-auth_archive_meeting-notes-2018.md';
  const markdown = readFixture(`agendas/${file}`);
  const page = htmlDocument(renderGithubHtml(markdown, { title: file }));
  const facts = corpusFacts(file, parseGithub(markdown, file).agenda, dateLikeBlocks(page));

  it('counts its meetings, canceled ones and span, and as many date headings as meetings', () => {
    expect([facts.meetings, facts.canceled, facts.first, facts.last]).toEqual([26, 6, '2018-01-10', '2018-12-26']);
    expect(facts.dateLikeBlocks).toBe(26);
  });
  it('finds the fortnightly cadence and the dates that break it', () => {
    expect(facts.usualInterval).toBe(14);
    expect(facts.cadenceBreaks).toEqual([]);
    expect(facts.outOfOrder).toEqual([]);
    expect(facts.wrongYear).toEqual([]);
  });
});

describe('suspicious', () => {
  it('flags more date-like blocks than meetings, dates out of order and dates outside the file year', () => {
    const base = {
      file: 'a-2020.md',
      meetings: 3,
      canceled: 0,
      first: null,
      last: null,
      usualInterval: 7,
      cadenceBreaks: [],
      emptyMeetings: [],
      sections: {},
      people: 0,
      references: 0,
      problems: [],
    };
    expect(
      suspicious([
        { ...base, dateLikeBlocks: 3, outOfOrder: [], wrongYear: [] },
        { ...base, file: 'b.md', dateLikeBlocks: 5, outOfOrder: ['2020-01-08'], wrongYear: ['2013-05-01'] },
      ]),
    ).toEqual([
      { file: 'b.md', why: '5 date-like headings or bold paragraphs, 3 meetings' },
      { file: 'b.md', why: 'out of order: 2020-01-08' },
      { file: 'b.md', why: "outside the file's year: 2013-05-01" },
    ]);
  });
});
