// @vitest-environment happy-dom
// Years for headings that write none. First the rules on their own, table by table; then real agendas with their
// years taken out, as a live Google Doc or a GitHub file with no year in its name would show them, every
// meeting's date checked against the same document parsed with its years.
import { describe, expect, it } from 'vitest';
import { parseDocument, type ParseOptions } from '../../../lib/agenda/parse';
import {
  findFullDates,
  inferHeadingYears,
  namedWeekday,
  type FullDate,
  type HeadingClue,
  type YearContext,
} from '../../../lib/agenda/year-inference';
import { renderGdocsExport } from '../../../scripts/render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { readFixture } from '../../support/fixtures';
import { renamedHeading, reversedMeetings, withoutYears } from '../../support/year-less';
import { htmlDocument } from './helpers';

const at = (iso: string): number => Date.parse(`${iso}T12:00:00Z`);
/** "12-11" → a heading of 11 December without a year; "Wed 12-11" names its weekday. */
function clue(text: string, hints: FullDate[] = []): HeadingClue {
  const m = /^(?:(\w{3}) )?(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) throw new Error(text);
  const c: HeadingClue = { month: Number(m[2]), day: Number(m[3]), hints };
  const weekday = m[1] ? namedWeekday(m[1]) : undefined;
  if (weekday !== undefined) c.weekday = weekday;
  return c;
}
const full = (iso: string): FullDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
/** Wednesdays of SIG Auth's autumn 2019, newest first. */
const AUTUMN = ['12-11', '11-27', '11-13', '10-30', '10-16', '10-02', '09-18', '09-04'];
/** The same, across a new year: 2020's first Wednesdays, then 2019's last. */
const NEW_YEAR = ['01-22', '01-08', '12-25', '12-11', '11-27', '11-13'];
/** Wednesdays of early 2020, newest first: across 29 February. */
const ACROSS_FEBRUARY = ['03-04', '02-19', '02-05', '01-22'];

describe('inferHeadingYears', () => {
  interface Case {
    name: string;
    clues: HeadingClue[];
    context: YearContext;
    years: (number | undefined)[];
    method?: string;
    doubt?: RegExp;
  }
  const cases: Case[] = [
    {
      name: 'a live document: the newest meeting is the latest one before today',
      clues: AUTUMN.map((d) => clue(d)),
      context: { live: true, now: at('2019-12-20') },
      years: AUTUMN.map(() => 2019),
      method: 'today',
    },
    {
      name: 'a live document: the newest meeting may be the next one, a few weeks ahead',
      clues: AUTUMN.map((d) => clue(d)),
      context: { live: true, now: at('2019-11-30') },
      years: AUTUMN.map(() => 2019),
      method: 'today',
    },
    {
      name: 'a live document: a date far ahead of today is last year’s',
      clues: AUTUMN.map((d) => clue(d)),
      context: { live: true, now: at('2019-09-01') },
      years: AUTUMN.map(() => 2018),
      method: 'today',
    },
    {
      name: 'across a new year, newest first',
      clues: NEW_YEAR.map((d) => clue(d)),
      context: { live: true, now: at('2020-01-25') },
      years: [2020, 2020, 2019, 2019, 2019, 2019],
    },
    {
      name: 'across a new year, oldest first',
      clues: [...NEW_YEAR].reverse().map((d) => clue(d)),
      context: { live: true, now: at('2020-01-25') },
      years: [2019, 2019, 2019, 2019, 2020, 2020],
    },
    {
      // Read in February 2021, 4 March is two weeks ahead: 2021 by today's date. But only a leap year puts all
      // four on one weekday (Wednesdays in 2020, not Thursday and Fridays in 2021): the cadence says 2020.
      name: 'the weekday cadence rules out a year today alone would give',
      clues: ACROSS_FEBRUARY.map((d) => clue(d)),
      context: { live: true, now: at('2021-02-20') },
      years: [2020, 2020, 2020, 2020],
    },
    {
      name: 'a weekday named in a heading pins the year',
      clues: [clue('Tue 01-08'), clue('Tue 12-18'), clue('Tue 12-04')],
      context: { live: true, now: at('2024-06-01') },
      years: [2019, 2018, 2018],
    },
    {
      name: 'a full date written in a meeting, in an archive with no year in its name',
      clues: AUTUMN.map((d, i) => clue(d, i === 3 ? [full('2019-10-01')] : [])),
      context: { live: false, now: at('2026-12-02') },
      years: AUTUMN.map(() => 2019),
      method: 'hints',
    },
    {
      name: 'the year of the title',
      clues: AUTUMN.map((d) => clue(d)),
      context: { live: false, now: at('2026-12-02'), named: { year: 2013, from: 'title' } },
      years: AUTUMN.map(() => 2013),
      method: 'named',
    },
    {
      name: 'written dates against the weekdays: the dates win, and the panel says so',
      clues: [clue('Tue 01-08'), clue('Tue 12-18', [full('2017-12-01')]), clue('Tue 12-04', [full('2017-12-01')])],
      context: { live: true, now: at('2024-06-01') },
      years: [2018, 2017, 2017],
      method: 'hints',
      doubt: /weekdays fit 2019 better/,
    },
    {
      name: 'an archive with nothing to go on: the latest year that fits, said to be a guess',
      clues: AUTUMN.map((d) => clue(d)),
      context: { live: false, now: at('2026-12-02') },
      years: AUTUMN.map(() => 2025),
      method: 'calendar',
      doubt: /fit 2024 and 2023 as well/,
    },
    {
      name: 'no clock and nothing written: no year',
      clues: AUTUMN.map((d) => clue(d)),
      context: { live: true },
      years: AUTUMN.map(() => undefined),
    },
    {
      name: '29 February only in a leap year',
      clues: [clue('03-07'), clue('02-29'), clue('02-22')],
      context: { live: true, now: at('2023-05-01') },
      years: [2020, 2020, 2020],
    },
  ];

  it.each(cases)('$name', ({ clues, context, years, method, doubt }) => {
    const answer = inferHeadingYears(clues, context);
    expect(answer.years).toEqual(years);
    expect(answer.inferred).toEqual(years.map((y) => y !== undefined));
    if (method) expect(answer.note?.method).toBe(method);
    if (doubt) expect(answer.note?.doubt).toMatch(doubt);
    else if (answer.note) expect(answer.note.doubt).toBeUndefined();
  });

  it('keeps written years and fills the others from their neighbours', () => {
    const clues = [clue('12-25'), clue('12-11'), { ...clue('11-27'), year: 2019 }];
    const answer = inferHeadingYears(clues, { live: true, now: at('2030-01-01') });
    expect(answer.years).toEqual([2019, 2019, 2019]);
    expect(answer.inferred).toEqual([true, true, false]);
    expect(answer.note).toMatchObject({ inferred: 2, method: 'neighbours' });
  });
});

describe('namedWeekday', () => {
  const cases: [string, number | undefined][] = [
    ['Tue, Jan 8', 2],
    ['Wednesday December 11, 11a - Noon', 3],
    ['Monitoring sync, Thurs Dec 5', 4],
    ['Satellite sync, December 7', undefined],
    ['December 11, 11a - Noon (Pacific Time)', undefined],
  ];
  it.each(cases)('%s', (heading, weekday) => expect(namedWeekday(heading)).toBe(weekday));
});

describe('findFullDates', () => {
  const cases: [string, string[]][] = [
    ['Agenda (2020-12-10)', ['2020-12-10']],
    ['https://www.cncf.io/blog/2019/07/31/announcing-kubernetes-summits/', ['2019-07-31']],
    ['SIG Auth meeting 20191211 recording', ['2019-12-11']],
    ['Meeting of December 11, 2019 and 11 December 2019', ['2019-12-11', '2019-12-11']],
    ['due 9/23/2019', ['2019-09-23']],
    ['CVE-2018-1002105, PR 2019, v1.16, 2019-13-40', []],
    ['phone 201912110', []],
  ];
  it.each(cases)('%s', (text, dates) => {
    const iso = (d: FullDate): string =>
      `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    expect(findFullDates(text).map(iso)).toEqual(dates);
  });

  it('stops at its limit, and reads a long hostile line in linear time', () => {
    expect(findFullDates('2019-01-01 '.repeat(50), 3)).toHaveLength(3);
    const hostile = `${'2019-1'.repeat(20_000)} ${'December 1 '.repeat(20_000)} ${'1/'.repeat(40_000)}`;
    const started = performance.now();
    findFullDates(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

// ---- Real agendas without their years ---------------------------------------------------------------------

const PUB = 'https://docs.google.com/document/d/e/2PACX-1vYearLessAgendaPublishedForTests/pub';
const GITHUB_NO_YEAR = 'https://github.com/kubernetes/community/blob/master/sig-x/meeting-notes.md';

type Rendering = 'docs' | 'github';

function render(markdown: string, rendering: Rendering, title: string): Document {
  return htmlDocument(
    rendering === 'docs' ? renderGdocsExport(markdown, { title }) : renderGithubHtml(markdown, { title }),
  );
}

/** Meeting dates in the order of the page. */
function datesInPageOrder(
  doc: Document,
  url: string,
  options: ParseOptions = {},
): { dates: string[]; parsed: ReturnType<typeof parseDocument> } {
  const parsed = parseDocument(doc, url, undefined, options);
  const byKey = new Map(parsed.agenda.meetings.map((m) => [m.key, m.date]));
  return { dates: parsed.pageOrder.map((key) => byKey.get(key) ?? '?'), parsed };
}

const SIG_AUTH_2019 = readFixture('agendas/sig-auth_archive_meeting-notes-2019.md');
const SIG_AUTH_2018 = readFixture('agendas/sig-auth_archive_meeting-notes-2018.md');
const SIG_AUTH_2016 = readFixture('agendas/sig-auth_archive_meeting-notes-2016.md');
/**
 * The file holds its 2019 notes twice over, from "## December 19 (APAC)" down to "### Jan 2" and again: the first
 * copy is the document (read whole, the second copy's year is anyone's guess, the title's rule says 2018).
 */
const CONTRIBEX_2019 = firstCopy(
  readFixture('agendas/sig-contributor-experience_meeting-notes-archive_2019-meeting-notes.md'),
  '## December 19',
);

function firstCopy(markdown: string, heading: string): string {
  const first = markdown.indexOf(`\n${heading}`);
  const second = markdown.indexOf(`\n${heading}`, first + 1);
  if (first < 0 || second < 0) throw new Error(`"${heading}" is not there twice`);
  return markdown.slice(0, second);
}
/** SIG Auth's 2019 and 2018 notes as one document, newest first: a live document across a new year. */
const SIG_AUTH_2018_2019 = `${SIG_AUTH_2019}\n\n${SIG_AUTH_2018.replace(/^# .*$/m, '')}`;
/** 27 November 2019 (canceled, a Wednesday) moved to the Thursday, Thanksgiving, still canceled. */
const SIG_AUTH_2019_THURSDAY = renamedHeading(SIG_AUTH_2019, '## November 27,', '## November 28,');

interface RealCase {
  name: string;
  /** The document with its years, and the address that gives them where the headings do not. */
  markdown: string;
  archive: string;
  years: number[];
  /** Only the headings lose their years: the text keeps its dates. */
  keepText?: boolean;
  order: 'newest-first' | 'oldest-first';
  rendering: Rendering;
  title: string;
  url: string;
  options: ParseOptions;
  meetings: number;
  method: string;
}

const auth = { title: 'Kubernetes Sig-auth Meeting Agenda', archive: 'sig-auth/archive/meeting-notes-2019.md' };
const contribex = {
  title: 'SIG Contributor Experience Meeting Notes',
  archive: 'sig-contributor-experience/meeting-notes-archive/2019-meeting-notes.md',
};
const liveOn = (iso: string): ParseOptions => ({ now: at(iso), live: true });

const REAL: RealCase[] = [
  {
    name: 'SIG Auth 2019, published Doc',
    markdown: SIG_AUTH_2019,
    ...auth,
    years: [2019],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-20'),
    meetings: 26,
    method: 'today',
  },
  {
    name: 'SIG Auth 2019, published Doc, oldest first',
    markdown: SIG_AUTH_2019,
    ...auth,
    years: [2019],
    order: 'oldest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-20'),
    meetings: 26,
    method: 'today',
  },
  // Read in March 2021 the Doc still fits 2020 by today's date, but not by its weekdays: 2020 is a leap year.
  {
    name: 'SIG Auth 2019, published Doc read in 2021',
    markdown: SIG_AUTH_2019,
    ...auth,
    years: [2019],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2021-03-01'),
    meetings: 26,
    method: 'today',
  },
  {
    name: 'SIG Auth 2019, GitHub file without a year in its name',
    markdown: SIG_AUTH_2019,
    ...auth,
    years: [2019],
    keepText: true,
    order: 'newest-first',
    rendering: 'github',
    url: GITHUB_NO_YEAR,
    options: { now: at('2026-12-02'), live: false },
    meetings: 26,
    method: 'hints',
  },
  {
    name: 'SIG Auth 2019, a canceled meeting moved off its weekday',
    markdown: SIG_AUTH_2019_THURSDAY,
    ...auth,
    years: [2019],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-20'),
    meetings: 26,
    method: 'today',
  },
  {
    name: 'SIG Auth 2018–2019, across a new year',
    markdown: SIG_AUTH_2018_2019,
    ...auth,
    years: [2018, 2019],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-20'),
    meetings: 52,
    method: 'today',
  },
  {
    name: 'SIG Auth 2018–2019, across a new year, oldest first',
    markdown: SIG_AUTH_2018_2019,
    ...auth,
    years: [2018, 2019],
    order: 'oldest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-20'),
    meetings: 52,
    method: 'today',
  },
  // Dormant since December 2019 and read in June 2021: today's date alone says 2020, the Wednesdays say 2019.
  {
    name: 'SIG Auth 2018–2019, read a year and a half later',
    markdown: SIG_AUTH_2018_2019,
    ...auth,
    years: [2018, 2019],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2021-06-01'),
    meetings: 52,
    method: 'today',
  },
  // 5 May 2016 was a Thursday; every other meeting a Wednesday.
  {
    name: 'SIG Auth 2016, a meeting moved by a day',
    markdown: SIG_AUTH_2016,
    ...auth,
    archive: 'sig-auth/archive/meeting-notes-2016.md',
    years: [2016],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2016-12-20'),
    meetings: 18,
    method: 'today',
  },
  {
    name: 'SIG ContribEx 2019, published Doc',
    markdown: CONTRIBEX_2019,
    ...contribex,
    years: [2019],
    order: 'newest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-27'),
    meetings: 58,
    method: 'today',
  },
  {
    name: 'SIG ContribEx 2019, published Doc, oldest first',
    markdown: CONTRIBEX_2019,
    ...contribex,
    years: [2019],
    order: 'oldest-first',
    rendering: 'docs',
    url: PUB,
    options: liveOn('2019-12-27'),
    meetings: 58,
    method: 'today',
  },
  {
    name: 'SIG ContribEx 2019, GitHub file without a year in its name',
    markdown: CONTRIBEX_2019,
    ...contribex,
    years: [2019],
    keepText: true,
    order: 'newest-first',
    rendering: 'github',
    url: GITHUB_NO_YEAR,
    options: { now: at('2026-12-02'), live: false },
    meetings: 58,
    method: 'hints',
  },
];

describe.each(REAL)('$name', (c) => {
  const ordered = c.order === 'oldest-first' ? reversedMeetings(c.markdown) : c.markdown;
  const known = datesInPageOrder(
    render(ordered, c.rendering, c.title),
    `https://github.com/kubernetes/community/blob/master/${c.archive}`,
  );
  const yearLess = withoutYears(ordered, c.years, { text: !c.keepText });
  const { dates, parsed } = datesInPageOrder(render(yearLess, c.rendering, c.title), c.url, c.options);

  it('has no year left in its headings, and none in its text unless kept', () => {
    const headings = yearLess.split('\n').filter((line) => line.startsWith('#'));
    for (const year of c.years) {
      expect(headings.some((line) => line.includes(String(year)))).toBe(false);
      if (!c.keepText) expect(yearLess).not.toContain(String(year));
    }
    expect(known.dates).toHaveLength(c.meetings);
    expect(known.dates.every((d) => c.years.includes(Number(d.slice(0, 4))))).toBe(true);
  });

  it('dates every meeting as the document with its years does', () => {
    expect(dates).toHaveLength(known.dates.length);
    const wrong = dates.filter((d, i) => d !== known.dates[i]).length;
    expect({ wrong, of: dates.length }).toEqual({ wrong: 0, of: known.dates.length });
  });

  it('marks the inferred years and says how, once', () => {
    const { agenda } = parsed;
    expect(agenda.meetings.every((m) => m.yearInferred === true)).toBe(true);
    expect(agenda.years).toMatchObject({ inferred: known.dates.length, method: c.method });
    expect(agenda.years?.doubt).toBeUndefined();
    expect(agenda.problems).toEqual([]);
  });
});
