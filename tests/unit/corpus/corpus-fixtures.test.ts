// @vitest-environment happy-dom
// `npm run corpus` over the archives that ship as fixtures: none is flagged, and where the numbers were checked by
// reading the document (kubernetes/community, see NOTICE), they are what the document holds.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFacts, dateLikeBlocks, suspicious } from '../../../scripts/support/corpus-report';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { fixturePath, readFixture } from '../../support/fixtures';
import { htmlDocument, meeting, parseGithub } from '../agenda/helpers';

const FILES = readdirSync(fixturePath('agendas'))
  .filter((f) => f.endsWith('.md'))
  .sort();

function factsOf(file: string) {
  const markdown = readFixture(`agendas/${file}`);
  const result = parseGithub(markdown, file);
  return {
    result,
    facts: corpusFacts(file, result.agenda, dateLikeBlocks(htmlDocument(renderGithubHtml(markdown, { title: file })))),
  };
}

describe.each(FILES)('%s', (file) => {
  it('is not flagged: as many meetings as date-like blocks, in order, in the year of its name', () => {
    const { facts } = factsOf(file);
    expect(suspicious([facts])).toEqual([]);
    expect(facts.meetings).toBeGreaterThan(0);
  });
});

describe('numbers read off the documents', () => {
  it.each([
    // Two copies of the year, each 45 "## …" meetings and 13 "### …" ones from "### March 27" down to "### Jan 2".
    ['sig-contributor-experience_meeting-notes-archive_2019-meeting-notes.md', 116, '2019-01-02', '2019-12-19'],
    // 45 headings, "###  \" then "November 28", and the plain lines "Feb 21 2018" and "Feb 7 2018 (recording)".
    ['sig-contributor-experience_meeting-notes-archive_2018-meeting-notes.md', 48, '2018-01-10', '2018-12-27'],
    ['sig-node_archive_ci-subgroup-notes-2023.md', 45, null, null],
    ['sig-storage_archive_meeting-notes-2017.md', 26, null, null],
  ])('%s holds %i meetings', (file, count, first, last) => {
    const { facts } = factsOf(file);
    expect(facts.meetings).toBe(count);
    if (first) expect([facts.first, facts.last]).toEqual([first, last]);
  });

  it('SIG Auth 2019, December 11: the template labels are sections of their kinds', () => {
    const { result } = factsOf('sig-auth_archive_meeting-notes-2019.md');
    // Untitled sections hold "Issues of note" (empty) and "Sweep issues with leftover time": not counted here.
    const titled = meeting(result, '2019-12-11').sections.filter((s) => s.title !== '');
    expect(titled.map((s) => [s.kind, s.title])).toEqual([
      ['designs', 'Designs of note'],
      ['pulls', 'Pulls of note'],
      ['discussion', 'Discussion topic'],
    ]);
  });

  it('ContribEx 2018: the meetings canceled are the ones the document says', () => {
    const { result } = factsOf('sig-contributor-experience_meeting-notes-archive_2018-meeting-notes.md');
    expect(result.agenda.meetings.filter((m) => m.canceled).map((m) => m.key)).toEqual([
      '2018-12-27',
      '2018-12-12',
      '2018-05-03',
    ]);
  });
});
