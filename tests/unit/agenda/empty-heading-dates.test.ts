// @vitest-environment happy-dom
// "## " with the date on the next, indented line: what Docs-to-Markdown left in SIG Release's 2019 archive
// (kubernetes/community, sig-release/meeting-notes-archive/2019.md). GitHub shows an empty heading above a
// code block; the date line is the meeting's heading.
import { describe, expect, it } from 'vitest';
import { parseGithub } from './helpers';

const EXCERPT = `## December 16, 2019 (recording)

**Host:** Chris Short?

* **FINISH 1.17 RETROSPECTIVE**

## 
        December 2, 2019 (recording)


**Host:** Stephen Augustus

* Stephen Augustus
* Sascha Grunert

## 
        Oct. 21, 2019 (recording)


* Release team shadow selection

## 

* An empty heading with no date under it is nothing
`;

describe('a date on the line under an empty heading', () => {
  const { agenda } = parseGithub(EXCERPT, 'sig-release_meeting-notes-archive_2019.md');

  it('opens a meeting, with the date line as its title', () => {
    expect(agenda.meetings.map((m) => [m.key, m.title])).toEqual([
      ['2019-12-16', 'December 16, 2019 (recording)'],
      ['2019-12-02', 'December 2, 2019 (recording)'],
      ['2019-10-21', 'Oct. 21, 2019 (recording)'],
    ]);
  });

  it('keeps the items under it in that meeting', () => {
    const october = agenda.meetings.find((m) => m.key === '2019-10-21');
    expect(october?.sections.flatMap((s) => s.items.map((i) => i.text))).toEqual([
      'Release team shadow selection',
      'An empty heading with no date under it is nothing',
    ]);
  });
});
