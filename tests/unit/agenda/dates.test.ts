// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  detectDirection,
  extractTime,
  findDate,
  inferYears,
  isValidDay,
  parseDateHeading,
  yearIn,
  yearInAddress,
  type PartialDate,
} from '../../../lib/agenda/dates';

describe('parseDateHeading', () => {
  // [heading, year, month, day, time]
  const headings: [string, number | undefined, number, number, string | undefined][] = [
    ['November 28, 2018, 11a - Noon (Pacific Time)', 2018, 11, 28, '11a - Noon (Pacific Time)'],
    ['August 08, 2018, 11a - Noon (Pacific Time)', 2018, 8, 8, '11a - Noon (Pacific Time)'],
    ['August 08, 2018', 2018, 8, 8, undefined],
    ['December 14th, 2016, 11a - Noon (Pacific Time) - recording', 2016, 12, 14, '11a - Noon (Pacific Time)'],
    ['August 23th, 2017, 11a - Noon (Pacific Time)', 2017, 8, 23, '11a - Noon (Pacific Time)'],
    ['June 28st, 2017, 11a - Noon (Pacific Time)', 2017, 6, 28, '11a - Noon (Pacific Time)'],
    ['December 25, 11a - Noon (Pacific Time)', undefined, 12, 25, '11a - Noon (Pacific Time)'],
    ['December 23 - CANCELLED', undefined, 12, 23, undefined],
    ['December 27, 2017 - No meeting, Christmas holiday', 2017, 12, 27, undefined],
    ['Feb 27, 2019', 2019, 2, 27, undefined],
    ['Jan 08', undefined, 1, 8, undefined],
    ['Mar 12th', undefined, 3, 12, undefined],
    ['Sept 23', undefined, 9, 23, undefined],
    ['Tue, Jan 8', undefined, 1, 8, undefined],
    ['December 24 & 31, 2019', 2019, 12, 24, undefined],
    ['December 16, 2019 [Closed Meeting]', 2019, 12, 16, undefined],
    ['Triage (2020-12-16)', 2020, 12, 16, undefined],
    ['(CANCELLED) Agenda (2020-11-25)', 2020, 11, 25, undefined],
    ['2019-09-23', 2019, 9, 23, undefined],
    ['9/23/2019', 2019, 9, 23, undefined],
    ['9/23/19 10am PT', 2019, 9, 23, '10am PT'],
    ['23 September 2019', 2019, 9, 23, undefined],
    ['Thursday, December 7, 2pm-3:30pm', undefined, 12, 7, '2pm-3:30pm'],
    ['~~March 7, 2018, 11a - Noon (Pacific Time)~~', 2018, 3, 7, '11a - Noon (Pacific Time)'],
  ];
  it.each(headings)('%s', (text, year, month, day, time) => {
    const date = parseDateHeading(text);
    expect(date).not.toBeNull();
    expect(date?.year).toBe(year);
    expect(date?.month).toBe(month);
    expect(date?.day).toBe(day);
    expect(date?.time).toBe(time);
  });

  const notDates = [
    'Kubernetes Sig-auth Meeting Agenda',
    'Kubernetes Storage SIG Meeting Notes (2017)',
    'Agenda',
    'Meeting notes',
    'Future',
    'Issues:',
    'Attending:',
    'Canceled due to release crunch and lack of agenda items.',
    'March 2019',
    'Notes on the 1.13 release that is due on December 3, 2018',
    'February 30, 2019',
    'Release 1.13',
    '',
  ];
  it.each(notDates)('%j is not a date heading', (text) => {
    expect(parseDateHeading(text)).toBeNull();
  });

  it('keeps the words around the date, where a heading says it is canceled', () => {
    expect(parseDateHeading('December 23 - CANCELLED')?.rest).toBe('- CANCELLED');
    expect(parseDateHeading('(CANCELLED) Agenda (2020-11-25)')?.rest).toBe('(CANCELLED) Agenda ( )');
    expect(parseDateHeading('November 28, 2018, 11a - Noon (Pacific Time)')?.rest).toBe('');
  });
});

describe('findDate', () => {
  it('finds the earliest date and where it is', () => {
    expect(findDate('Meeting December 28, 2017? Or skip that and meet Jan 4?')).toMatchObject({
      year: 2017,
      month: 12,
      day: 28,
      start: 8,
    });
    expect(findDate('no date here, just 1.13 and 2/26')).toBeNull();
  });
  it('rejects days that do not exist', () => {
    expect(findDate('April 31, 2019')).toBeNull();
    expect(findDate('February 29, 2020')).toMatchObject({ month: 2, day: 29 });
    expect(isValidDay(2019, 2, 29)).toBe(false);
    expect(isValidDay(2000, 2, 29)).toBe(true);
  });
});

describe('extractTime', () => {
  const cases: [string, string | undefined][] = [
    [', 11a - Noon (Pacific Time)', '11a - Noon (Pacific Time)'],
    [' 10:00am - 10:30am', '10:00am - 10:30am'],
    [' at 9am PT', '9am PT'],
    [' at 9am with the release team', '9am'],
    [', 11 people attended', undefined],
    [' - No meeting', undefined],
    ['', undefined],
  ];
  it.each(cases)('%j', (after, time) => expect(extractTime(after)).toBe(time));
});

describe('years from titles and addresses', () => {
  const titles: [string, number | undefined][] = [
    ['Kubernetes Storage SIG Meeting Notes (2017)', 2017],
    ['community/sig-auth/archive/meeting-notes-2018.md at master', 2018],
    ['SIG Auth agenda', undefined],
    ['v1.12345', undefined],
  ];
  it.each(titles)('title %j', (title, year) => expect(yearIn(title)).toBe(year));

  const addresses: [string, number | undefined][] = [
    ['https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md', 2018],
    ['https://github.com/kubernetes/community/blob/master/sig-node/archive/meeting-notes-2019.md', 2019],
    ['file:///tmp/agenda_2016.html', 2016],
    ['https://example.com/notes/2020/', 2020],
    // Document ids are full of digits; none of them is a year.
    ['https://docs.google.com/document/d/1x2019abc2018def/edit', undefined],
    ['https://example.com/agenda', undefined],
    ['https://example.com/pr12019', undefined],
  ];
  it.each(addresses)('address %s', (url, year) => expect(yearInAddress(url)).toBe(year));
});

describe('inferYears', () => {
  const d = (month: number, day: number, year?: number): PartialDate => (year ? { year, month, day } : { month, day });

  it('carries the year down a newest-first document, and back up to the headings above', () => {
    // sig-auth 2019: the first eight headings have no year.
    const dates = [d(12, 25), d(12, 11), d(11, 27), d(9, 18), d(9, 4, 2019), d(8, 21, 2019)];
    expect(inferYears(dates)).toEqual([2019, 2019, 2019, 2019, 2019, 2019]);
  });

  it('starts a new year when the month wraps', () => {
    const newestFirst = [d(2, 5, 2020), d(1, 22), d(1, 8), d(12, 18), d(12, 4), d(11, 20)];
    expect(inferYears(newestFirst)).toEqual([2020, 2020, 2020, 2019, 2019, 2019]);
    const oldestFirst = [d(11, 20, 2019), d(12, 4), d(12, 18), d(1, 8), d(1, 22, 2020)];
    expect(inferYears(oldestFirst)).toEqual([2019, 2019, 2019, 2020, 2020]);
  });

  it('does not wrap for a heading a week out of order', () => {
    expect(inferYears([d(1, 15, 2019), d(1, 22), d(1, 8)])).toEqual([2019, 2019, 2019]);
  });

  it('uses the fallback year when no heading has one, and nothing without it', () => {
    expect(inferYears([d(12, 24), d(1, 8)], 2019)).toEqual([2019, 2019]);
    expect(inferYears([d(1, 8), d(12, 24), d(12, 10)], 2019)).toEqual([2019, 2018, 2018]);
    expect(inferYears([d(12, 24), d(1, 8)])).toEqual([undefined, undefined]);
  });

  it('reads the direction of the document', () => {
    expect(detectDirection([d(12, 1, 2018), d(11, 1, 2018), d(10, 1, 2018)])).toBe('newest-first');
    expect(detectDirection([d(1, 1), d(2, 1), d(3, 1)])).toBe('oldest-first');
    expect(detectDirection([])).toBe('newest-first');
  });
});
