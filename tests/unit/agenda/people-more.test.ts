// @vitest-environment happy-dom
// People named outside tags: attendee lists, action items' owners, and names after a dash that the document
// names elsewhere. Lines from real archives (kubernetes/community), with what a reader sees in them.
import { describe, expect, it } from 'vitest';
import { actionOwnerIn, attendeesIn, peopleIn, trailingDashName } from '../../../lib/agenda/people';
import { allItems, meeting, parseGithub } from './helpers';

describe('attendeesIn: a line of an attendee list', () => {
  it.each([
    ['Joe Beda, Tim St. Clair - Heptio', ['Joe Beda', 'Tim St. Clair']],
    ['Aaron Crickenberger [Samsung SDS]', ['Aaron Crickenberger']],
    ['Tim Hockin {Google}', ['Tim Hockin']],
    ['Sarah Novotny [@sarahnovotny] - Google', ['Sarah Novotny', 'sarahnovotny']],
    ['Derek Carr, Clayton Coleman - Red Hat', ['Derek Carr', 'Clayton Coleman']],
    ['Clayton- Red Hat', ['Clayton']],
    ['jsafrane, saad-ali and msau42', ['jsafrane', 'saad-ali', 'msau42']],
    ['Dims - Huawei', ['Dims']],
    ['CERN, BNL', []],
    ['Google', []],
  ])('%s', (line, people) => expect(attendeesIn(line)).toEqual(people));
});

describe('actionOwnerIn: who an action item is for', () => {
  it.each([
    ['AI Aaron: Will send out some next steps off the call to steering', ['Aaron']],
    ['AI Brendan Burns: Ping SIG Windows', ['Brendan Burns']],
    ['AI Phil - follow up with Nikita', ['Phil']],
    ['AI: @liggitt will write the KEP', ['liggitt']],
    ['AI(mikedanese): rebase the PR', ['mikedanese']],
    ['AI: jordan: look at the flake', ['jordan']],
    // Not owners: verbs, follow-ups, groups, lower-case words without a colon.
    ['AI: Need to find a new time slot', []],
    ['AI Followup:', []],
    ['AI About CLA', []],
    ['AI Infra wg charter - make it “less sig like”', []],
    ['TODO: migrate to the new bucket', []],
    ['AI: SIG Release to decide', []],
    ['Sync on the AI: what to do next', []],
  ])('%s', (line, people) => expect(actionOwnerIn(line)).toEqual(people));
});

describe('labels in brackets are not people (steering committee 2020)', () => {
  it.each([
    ['[private] discuss memoriam for dan k.', []],
    ['[ACTION] freshen up the PR and merge it in', []],
    ['[liggitt] cut the patch release', ['liggitt']],
    ['[FYI] new bucket for the images [@dims]', ['dims']],
  ])('%s', (line, people) => expect(peopleIn(line)).toEqual(people));
});

describe('trailingDashName', () => {
  it.each([
    ['Release notes update - Jorge Castro', 'Jorge Castro'],
    ['1.15 retro - Release Team', 'Release Team'],
    ['Discuss the flake - see thread', null],
  ])('%s → %s', (line, name) => expect(trailingDashName(line)).toBe(name));
});

describe('in a parsed agenda', () => {
  const markdown = `# Meeting notes

## March 6, 2019

* **Attendees:**
    * Joe Beda, Tim St. Clair - Heptio
    * Jorge Castro [VMware]
* Discussion topics
    * Contributor guide update [Jorge Castro]
    * Meet our contributors - Jorge Castro
    * 1.15 retro - Release Team
* Action items
    * AI Paris: find a new time slot
`;
  const m = meeting(parseGithub(markdown, 'meeting-notes-2019.md'), '2019-03-06');
  const people = (start: string): string[] =>
    allItems(m).find((i) => i.text.startsWith(start))?.people ?? ['(no such item)'];

  it('reads the attendees under their label', () => {
    expect(people('Joe Beda')).toEqual(['Joe Beda', 'Tim St. Clair']);
    expect(people('Jorge Castro [VMware]')).toEqual(['Jorge Castro']);
  });
  it('takes a name after a dash only when the document names that person elsewhere', () => {
    expect(people('Meet our contributors')).toEqual(['Jorge Castro']);
    expect(people('1.15 retro')).toEqual([]);
  });
  it("names the action item's owner", () => {
    expect(people('AI Paris')).toEqual(['Paris']);
  });
});
