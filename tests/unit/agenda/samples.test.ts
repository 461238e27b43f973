// @vitest-environment happy-dom
// Real archived agendas from kubernetes/community, each with its own habits. Counts, first and last
// dates and canceled meetings were read off the files by hand (grep '^#', then each meeting).
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../lib/agenda/parse';
import { allItems, meeting, parseGdocs, parseGithub } from './helpers';
import { readFixture } from '../../support/fixtures';

interface SampleFacts {
  file: string;
  count: number;
  first: string;
  last: string;
  canceled: string[];
  problems: string[];
  /** How many meetings' years were inferred (their headings write none), 0 when none. */
  inferred: number;
}

const SAMPLES: SampleFacts[] = [
  {
    // "## 2023/12/06", "## 2023/10/25 \\[Cancelled\\]", "## 2023/04/18 Canceled for KubeCon": dates written year first.
    file: 'sig-node_archive_ci-subgroup-notes-2023.md',
    count: 45,
    first: '2023-12-06',
    last: '2023-01-04',
    canceled: ['2023-10-25', '2023-07-07', '2023-06-21', '2023-04-18', '2023-02-22', '2023-02-15'],
    problems: [],
    inferred: 0,
  },
  {
    // "### December 27 (no meeting - happy holidays!)" for the year's last months, then "## August 1 (…)" down to
    // "## 01/10/2018": meetings at two heading levels, most without a year; "## MAY 3, 2018" then "No meeting - KubeConEU".
    // Three more are a plain line: "###  \" then "November 28", and "Feb 21 2018", "Feb 7 2018 (recording)".
    file: 'sig-contributor-experience_meeting-notes-archive_2018-meeting-notes.md',
    count: 48,
    first: '2018-12-27',
    last: '2018-01-10',
    canceled: ['2018-12-27', '2018-12-12', '2018-05-03'],
    problems: [],
    inferred: 40,
  },
  {
    // "## December 16, 2019 [Closed Meeting]", "## Feb 27, 2019"; "* " bullets, recordings under "Artifacts".
    file: 'committee-steering_meeting-notes-archive_2019-meeting-notes.md',
    count: 20,
    first: '2019-12-16',
    last: '2019-01-16',
    canceled: [],
    problems: [],
    inferred: 0,
  },
  {
    // Ordinals ("December 14th"), a recording link in a heading, paragraphs instead of bullets, "Cancelled." paragraphs.
    file: 'sig-auth_archive_meeting-notes-2016.md',
    count: 18,
    first: '2016-12-14',
    last: '2016-04-20',
    canceled: ['2016-11-16', '2016-08-24', '2016-06-15', '2016-05-18'],
    problems: [],
    inferred: 0,
  },
  {
    // "No meeting" in a heading, "## Canceled due to …" headings under a date, "### Attending:" sections, "June 28st".
    file: 'sig-auth_archive_meeting-notes-2017.md',
    count: 26,
    first: '2017-12-27',
    last: '2017-01-11',
    canceled: ['2017-12-27', '2017-11-29', '2017-09-06', '2017-06-28', '2017-02-22'],
    problems: [],
    inferred: 0,
  },
  {
    // The first eight headings have no year ("## December 25, 11a - Noon"); the last is struck through.
    file: 'sig-auth_archive_meeting-notes-2019.md',
    count: 26,
    first: '2019-12-25',
    last: '2019-01-09',
    canceled: [
      '2019-12-25',
      '2019-11-27',
      '2019-11-13',
      '2019-09-04',
      '2019-05-29',
      '2019-05-15',
      '2019-02-20',
      '2019-02-06',
      '2019-01-09',
    ],
    problems: [],
    inferred: 8,
  },
  {
    // "## Triage (2020-12-16)", "## (CANCELLED) Agenda (2020-11-25)", "Issues:" and "Attendees:" paragraphs, "## Issues:" headings.
    file: 'sig-instrumentation_archive_meeting-notes-2020.md',
    count: 32,
    first: '2020-12-16',
    last: '2020-01-09',
    canceled: ['2020-11-25', '2020-11-18', '2020-10-29'],
    problems: [],
    inferred: 0,
  },
  {
    // H1 dates, mostly without a year ("# Jan 08", "# Mar 12th"), "# December 24 & 31, 2019", a "# Future" section first.
    // "# May 21: Proposed to cancel meeting due to KubeCon EU" says a proposal, not a cancellation.
    file: 'sig-node_archive_meeting-notes-2019.md',
    count: 49,
    first: '2019-12-24',
    last: '2019-01-08',
    canceled: ['2019-12-24', '2019-07-02', '2019-06-11', '2019-04-09', '2019-03-12'],
    problems: [],
    inferred: 40,
  },
  {
    // "Recording: [url](url)" and "Agenda/Notes (…):" paragraphs, "[Saad Ali, 20 minutes]" presenter tags.
    file: 'sig-storage_archive_meeting-notes-2017.md',
    count: 26,
    first: '2017-12-28',
    last: '2017-01-05',
    canceled: ['2017-12-28', '2017-11-23'],
    problems: [],
    inferred: 0,
  },
];

const read = (file: string): string => readFixture(`agendas/${file}`);

describe.each(SAMPLES)('$file', (facts) => {
  const renderings: [string, ParseResult][] = [
    ['GitHub', parseGithub(read(facts.file), facts.file)],
    ['Google Docs', parseGdocs(read(facts.file), '')],
  ];

  it.each(renderings)('as rendered by %s, holds the meetings it really has', (_name, result) => {
    const { meetings, problems } = result.agenda;
    expect(meetings).toHaveLength(facts.count);
    expect(meetings[0]?.key).toBe(facts.first);
    expect(meetings.at(-1)?.key).toBe(facts.last);
    expect(meetings.filter((m) => m.canceled).map((m) => m.key)).toEqual(facts.canceled);
    expect(problems).toEqual(facts.problems);
    expect(meetings.filter((m) => m.yearInferred).length).toBe(facts.inferred);
    expect(result.agenda.years?.inferred ?? 0).toBe(facts.inferred);
    if (facts.inferred > 0) expect(result.agenda.years?.method).toBe('neighbours');
    // Newest first, no repeated keys.
    const dates = meetings.map((m) => m.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(meetings.map((m) => m.key)).size).toBe(meetings.length);
  });
});

describe('habits of particular samples', () => {
  it('steering: "Recording: link" nested under "Artifacts" is the recording; the attendee list is a section', () => {
    const result = parseGithub(read('committee-steering_meeting-notes-archive_2019-meeting-notes.md'));
    const m = meeting(result, '2019-12-02');
    expect(m.recording).toBe('https://youtu.be/yLvQXNx1tJY');
    expect(m.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([
      ['other', '', 1], // Bosun
      ['other', 'Artifacts:', 1], // Note Taker (the recording is not an item)
      ['other', 'Steering Committee Attendees:', 5],
      ['discussion', 'Topics', 4],
    ]);
    expect(allItems(m).some((i) => i.text.startsWith('Recording'))).toBe(false);
    expect(m.sections[3]?.items[0]?.people).toEqual(['cantbewong']);
    expect(m.sections[3]?.items[0]?.refs).toEqual(['kubernetes/community#4156']);
  });

  it('sig-auth 2016: the recording linked from the heading, paragraphs as items', () => {
    const result = parseGithub(read('sig-auth_archive_meeting-notes-2016.md'));
    expect(meeting(result, '2016-12-14').recording).toBe('https://youtu.be/XaPDkb5hFww');
    expect(meeting(result, '2016-12-14').time).toBe('11a - Noon (Pacific Time)');
    const may5 = meeting(result, '2016-05-05');
    expect(may5.sections).toHaveLength(1);
    expect(may5.sections[0]?.items.map((i) => i.text)).toEqual([
      'Group handling (https://github.com/kubernetes/kubernetes/issues/23720) - bobbyrullo',
      'Service Account tokens for ubernetes: deads2k',
      'Kubectl auth / refresh tokens: liggitt',
      'Field level authorization (impacted by cascading delete): deads2k',
      'Auto-loading of ABAC: etune',
      'Suggestion of future agenda topics: everyone',
    ]);
    expect(may5.sections[0]?.items[0]?.refs).toEqual(['kubernetes/kubernetes#23720']);
    expect(meeting(result, '2016-08-24').canceledReason).toBe('Cancelled.');
  });

  it('sig-auth 2017: "### Attending:" is a section of the meeting above it', () => {
    const m = meeting(parseGithub(read('sig-auth_archive_meeting-notes-2017.md')), '2017-06-14');
    expect(m.recording).toBeNull(); // "Not recorded"
    // "Release Issues:" is no title we know: an item, in an untitled section between the others.
    expect(m.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([
      ['other', '', 1], // Not recorded
      ['pulls', 'Pull requests of note:', 1],
      ['designs', 'Designs of note:', 1],
      ['other', '', 1],
      ['demos', 'Demo', 1],
      ['discussion', 'Questions', 2],
      ['other', 'Attending:', 6],
    ]);
    expect(m.sections[3]?.items[0]?.text).toBe('Release Issues:');
    expect(m.sections[3]?.items[0]?.children).toHaveLength(5);
  });

  it('sig-instrumentation: dates in parentheses, "Issues:" and "Attendees:" paragraphs as sections', () => {
    const result = parseGithub(read('sig-instrumentation_archive_meeting-notes-2020.md'));
    const m = meeting(result, '2020-12-10');
    expect(m.title).toBe('Agenda (2020-12-10)');
    // "Attendees:" holds only an empty bullet, so it is left out.
    expect(m.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([['discussion', 'Issues:', 5]]);
    expect(m.sections[0]?.items.map((i) => i.people)).toEqual([[], [], [], ['lili'], ['lili']]);
    expect(meeting(result, '2020-11-25').canceledReason).toBe('(CANCELLED) Agenda (2020-11-25)');
    expect(meeting(result, '2020-10-29').canceledReason).toBe('No agenda items, cancelling.');
  });

  it('sig-node: "December 24 & 31" is the 24th; "# Future" before the first date is not a meeting', () => {
    const result = parseGithub(read('sig-node_archive_meeting-notes-2019.md'));
    const first = meeting(result, '2019-12-24');
    expect(first.title).toBe('December 24 & 31, 2019');
    expect(allItems(first).map((i) => i.text)).toEqual(['Happy Holidays! No meeting 🎉🎉']);
    expect(meeting(result, '2019-05-21').canceled).toBe(false);
    expect(meeting(result, '2019-03-12').title).toBe('Mar 12th');
  });

  it('sig-storage: recordings in paragraphs, "[Saad Ali, 20 minutes]" presenters', () => {
    const result = parseGithub(read('sig-storage_archive_meeting-notes-2017.md'));
    const m = meeting(result, '2017-12-14');
    expect(m.recording).toBe('https://youtu.be/_a_pwZKgtT8');
    expect(m.sections[0]?.kind).toBe('discussion');
    expect(m.sections[0]?.title).toBe('Agenda/Notes (Please include your name and estimated time):');
    expect(m.sections[0]?.items[0]?.people).toEqual(['Saad Ali']);
    expect(meeting(result, '2017-11-23').canceledReason).toBe('[Saad Ali] Cancelled due to U.S. Thanksgiving Holiday');
  });
});
