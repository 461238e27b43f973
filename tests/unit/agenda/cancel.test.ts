// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { headingSaysCanceled, lineSaysCanceled } from '../../../lib/agenda/cancel';
import { parseGithub } from './helpers';

describe('lineSaysCanceled', () => {
  const lines: [string, boolean][] = [
    ['Canceled for holidays', true],
    ['Canceled in lieu of kubecon seattle SIG events:', true],
    ['Canceled due to kubecon china and code freeze', true],
    ['Cancelled, no agenda items, release is closing out', true],
    ['Meeting cancelled', true],
    ['NO SIG AUTH (busy with release)', true],
    ['No SIG meetings this week', true],
    ['Cancelled.', true],
    ['cancelled for zoom outage :(', true],
    ['Happy Holidays! No meeting 🎉🎉', true],
    ['No agenda items, cancelling.', true],
    ['[Saad Ali] Cancelled due to U.S. Thanksgiving Holiday', true],
    ['(CANCELLED) Triage', true],
    ['Meeting canceled due to lack of agenda topics', true],
    ['Postponed to next week', true],
    // Talk about canceling is not a canceled meeting.
    ['Plumbs context to allow cancelation of backend webhook token authn', false],
    ['Upcoming meetings: Nov/Dec cancellations', false],
    ['Proposed to cancel meeting due to KubeCon EU', false],
    [
      'We discussed whether the request should be cancelled when the client disconnects and what the API server should do then',
      false,
    ],
    ['Sig lead change', false],
    ['', false],
  ];
  it.each(lines)('%j', (line, canceled) => expect(lineSaysCanceled(line)).toBe(canceled));
});

describe('headingSaysCanceled', () => {
  const rests: [string, boolean][] = [
    ['- CANCELLED', true],
    ['- No meeting, Christmas holiday', true],
    ['(CANCELLED) Agenda ( )', true],
    ['[Closed Meeting]', false],
    ['- recording', false],
    ['', false],
  ];
  it.each(rests)('%j', (rest, canceled) => expect(headingSaysCanceled(rest)).toBe(canceled));
});

describe('canceled meetings', () => {
  const md = [
    '# Agenda',
    '## March 7, 2018',
    '*   [Recording](https://youtu.be/abc)',
    '*   Canceled for holidays',
    '## ~~February 21, 2018~~',
    '*   Announcements',
    '    *   Something',
    '## February 7, 2018',
    '*   Discussion',
    '    *   [enj] Plumb context to allow the request to be cancelled',
    '    *   Meeting cancelled next time?',
    '## January 24, 2018 - CANCELLED',
    '## January 10, 2018',
    '',
    'Agenda/Notes (Please include your name and estimated time):',
    '',
    '* [Saad Ali] Cancelled due to U.S. Thanksgiving Holiday',
    '## January 3, 2018',
    '*   First topic',
    '*   Second topic',
    '*   Cancelled, as a third line: too late to count',
  ].join('\n');
  const meetings = new Map(parseGithub(md).agenda.meetings.map((m) => [m.key, m]));

  const expected: [string, boolean, string | undefined][] = [
    ['2018-03-07', true, 'Canceled for holidays'],
    ['2018-02-21', true, 'heading struck through'],
    ['2018-02-07', false, undefined],
    ['2018-01-24', true, 'January 24, 2018 - CANCELLED'],
    ['2018-01-10', true, '[Saad Ali] Cancelled due to U.S. Thanksgiving Holiday'],
    ['2018-01-03', false, undefined],
  ];
  it.each(expected)('%s', (key, canceled, reason) => {
    expect(meetings.get(key)?.canceled).toBe(canceled);
    expect(meetings.get(key)?.canceledReason).toBe(reason);
  });
});
