// @vitest-environment happy-dom
// People named the ways the archives name them, each case cut down from the document beside it.
import { describe, expect, it } from 'vitest';
import { allItems, parseGithub } from './helpers';

const CASES: [string, string, string, string[]][] = [
  [
    'a host and a note taker (SIG Release 2022)',
    'sig-release 2022',
    '## August 23, 2022\n\n**Host: **Jeremy Rickard\n\n**Note Taker (pronouns):**\n\n* Joseph Sandoval\n',
    ['Jeremy Rickard', 'Joseph Sandoval'],
  ],
  [
    'a bosun (Steering 2020)',
    'committee-steering 2020',
    '## November 16, 2020\n\n* Bosun: Derek Carr\n* Note Taker:\n',
    ['Derek Carr'],
  ],
  [
    'new contributors, and "Name:" for someone named elsewhere (SIG Docs 2020)',
    'sig-docs 2020',
    '## 12/15/2020\n\n🎉 New contributors 🎉\n\n* Joseph Sandoval\n* Rolfe DH (Red Hat)\n\nAgenda:\n\n' +
      '* Release 1.20 retrospective\n    * Joseph: Anna killed it!\n    * [Anna] release went well\n    * Anna: PR timing\n',
    ['Joseph Sandoval', 'Rolfe DH', 'Joseph', 'Anna'],
  ],
  [
    'no one for "HELP WANTED:", a day or a language (ContribEx 2021, SIG Docs 2021)',
    'contribex 2021',
    '## January 20th, 2021\n\n* [Paris] host\n* HELP WANTED: Paris is looking for someone\n* Korean: UTC 13:00 Thursdays\n* Friday: 0\n',
    ['Paris'],
  ],
  [
    'a name and what they do, not the words of it (SIG Docs 2021)',
    'sig-docs 2021',
    '## 12/14/2021\n\nNew contributors\n\n* Ayushman Mishra, student\n* Avinesh Tripathi, SIG ContribEx marketing, student\n',
    ['Ayushman Mishra', 'Avinesh Tripathi'],
  ],
];

describe.each(CASES)('%s', (_name, _file, markdown, people) => {
  it('names exactly these people', () => {
    const m = parseGithub(markdown).agenda.meetings[0]!;
    expect([...new Set(allItems(m).flatMap((i) => i.people))]).toEqual(people);
  });
});
