// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SectionKind } from '../../../lib/agenda/model';
import { isParagraphTitle, sectionKind } from '../../../lib/agenda/sections';

describe('sectionKind', () => {
  const titles: [string, SectionKind | null][] = [
    ['Announcements', 'announcements'],
    ['Announcements:', 'announcements'],
    ['Demos', 'demos'],
    ['Demo', 'demos'],
    ['Pulls of note', 'pulls'],
    ['Pull requests of note:', 'pulls'],
    ['Pull request of note:', 'pulls'],
    ['PRs', 'pulls'],
    ['PRs to discuss or that need attention', 'pulls'],
    ['Designs of note', 'designs'],
    ['Designs of note (may kubernetes/community PRs discussed in previous meetings):', 'designs'],
    ['Design Review', 'designs'],
    ['KEPs', 'designs'],
    ['Discussion topics', 'discussion'],
    ['Discussion topic', 'discussion'],
    ['Discussion:', 'discussion'],
    ['Discussions', 'discussion'],
    ['Agenda', 'discussion'],
    ['Agenda/Notes (Please include your name and estimated time):', 'discussion'],
    ['Agenda Issues:', 'discussion'],
    ['Topics', 'discussion'],
    ['Issues:', 'discussion'],
    ['Questions', 'discussion'],
    ['Action items', 'action-items'],
    ['Action Items *', 'action-items'],
    ['AIs:', 'action-items'],
    ['Needs review', 'needs-review'],
    ['Needs Review', 'needs-review'],
    ['Needs review:', 'needs-review'],
    ['Waiting for review', 'needs-review'],
    ['Attendees:', 'other'],
    ['Attending:', 'other'],
    ['Steering Committee Attendees:', 'other'],
    ['Artifacts:', 'other'],
    // Read across the 52 archives (SIG Docs, SIG Release, SIG Storage, SIG Node, ContribEx, Steering).
    ['Updates/reminders', 'announcements'],
    ['Subproject updates', 'announcements'],
    ['Status Update', 'announcements'],
    ['CNCF Updates?', 'announcements'],
    ['Recurring Topics [timebox to 20 min]:', 'discussion'],
    ['Open Discussion [timebox to N min]:', 'discussion'],
    ['Agenda/Note', 'discussion'],
    ['Notes:', 'discussion'],
    ['Open Mic/Discussion', 'discussion'],
    ['New agenda items', 'discussion'],
    ['Follow up items:', 'action-items'],
    ['Followups from last meeting:', 'action-items'],
    ['AI:', 'action-items'],
    ['Misc', 'other'],
    ['🎉 New contributors 🎉', 'other'],
    ['Walk the Board:', null],
    // Items, not titles.
    ['Sweep issues with leftover time', null],
    ['Issues of note', null],
    ['Release Issues:', null],
    ['Demo of https://github.com/kelseyhightower/vault-controller (Kelsey, 10 minutes)', null],
    ['Discussion in #69848', null],
    ['Pulls of note are welcome from anyone who wants to present them here today', null],
    ['Canceled due to release crunch and lack of agenda items.', null],
    ['', null],
  ];
  it.each(titles)('%j', (title, kind) => expect(sectionKind(title)).toBe(kind));
});

describe('isParagraphTitle', () => {
  const cases: [string, boolean, boolean, boolean][] = [
    ['Issues:', false, false, true],
    ['Attendees:', false, false, true],
    ['Agenda/Notes (Please include your name and estimated time):', false, false, true],
    ["Eric Tune's view of priorities:", false, false, true],
    ['Discussion', true, false, true],
    ['Next steps', true, false, true],
    ['Cancelled.', false, false, false],
    ['Recording: https://youtu.be/_a_pwZKgtT8', false, true, false],
    ['Group handling (https://github.com/kubernetes/kubernetes/issues/23720) - bobbyrullo', false, false, false],
    ['[Matthias] Update on the issue:', false, false, false],
    ['A long sentence that happens to end in a colon after many many words:', false, false, false],
  ];
  it.each(cases)('%j (bold %s, links %s)', (text, bold, links, title) =>
    expect(isParagraphTitle(text, bold, links)).toBe(title),
  );
});
