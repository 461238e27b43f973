// @vitest-environment happy-dom
// Meeting times in the reader's zone, across daylight saving time on either side, and the next meeting.
import { describe, expect, it } from 'vitest';
import { meetingTime, nextMeeting, todayIn, wallTimesOf, zoneOf } from '../../../lib/panel/meeting-time';
import { exactAgenda as agenda, exactMeeting as meeting, exactSection as section } from '../../support/agenda-builder';
import { parseSeed } from './helpers';

const SEED_TIME = '11a - Noon (Pacific Time)';

/** Intl puts narrow and thin no-break spaces in times; compare with plain spaces. */
function plain(text: string | undefined): string | undefined {
  return text?.replace(/[\s\u2009\u202f]/g, ' ');
}

describe('meetingTime: instants across DST', () => {
  it.each<[string, string, string, string | null]>([
    // 2018: the US moved to DST on March 11 and back on November 4; Europe on March 25 and October 28.
    ['2018-03-07', SEED_TIME, '2018-03-07T19:00:00.000Z', '2018-03-07T20:00:00.000Z'],
    ['2018-03-21', SEED_TIME, '2018-03-21T18:00:00.000Z', '2018-03-21T19:00:00.000Z'],
    ['2018-10-31', SEED_TIME, '2018-10-31T18:00:00.000Z', '2018-10-31T19:00:00.000Z'],
    ['2018-11-14', SEED_TIME, '2018-11-14T19:00:00.000Z', '2018-11-14T20:00:00.000Z'],
    ['2018-07-11', '11am-12pm PT', '2018-07-11T18:00:00.000Z', '2018-07-11T19:00:00.000Z'],
    ['2018-01-10', '10:00 - 11:00 PST', '2018-01-10T18:00:00.000Z', '2018-01-10T19:00:00.000Z'],
    ['2018-07-11', '10:00 - 11:00 PST', '2018-07-11T17:00:00.000Z', '2018-07-11T18:00:00.000Z'], // PST in summer means Pacific
    ['2018-07-11', '9am Pacific', '2018-07-11T16:00:00.000Z', null],
    ['2018-07-11', '10am PT', '2018-07-11T17:00:00.000Z', null],
    ['2018-07-11', '9:00-10:00 Pacific', '2018-07-11T16:00:00.000Z', '2018-07-11T17:00:00.000Z'],
    ['2018-07-11', '11-12pm PT', '2018-07-11T18:00:00.000Z', '2018-07-11T19:00:00.000Z'],
    ['2018-07-11', '1-2pm PT', '2018-07-11T20:00:00.000Z', '2018-07-11T21:00:00.000Z'],
    ['2018-07-11', '11am-12 PT', '2018-07-11T18:00:00.000Z', '2018-07-11T19:00:00.000Z'],
    ['2018-07-11', '10:30 a.m. – 11:15 a.m. PDT', '2018-07-11T17:30:00.000Z', '2018-07-11T18:15:00.000Z'],
    ['2018-07-11', 'Noon Pacific', '2018-07-11T19:00:00.000Z', null],
    ['2018-01-10', '1pm ET', '2018-01-10T18:00:00.000Z', null],
    ['2018-07-11', '1pm Eastern', '2018-07-11T17:00:00.000Z', null],
    ['2018-07-11', '10am Mountain', '2018-07-11T16:00:00.000Z', null],
    ['2018-01-10', '2pm CT', '2018-01-10T20:00:00.000Z', null],
    ['2018-07-11', '17:00 UTC', '2018-07-11T17:00:00.000Z', null],
    ['2018-07-11', '17:00 - 18:00 GMT', '2018-07-11T17:00:00.000Z', '2018-07-11T18:00:00.000Z'],
    ['2018-07-11', 'Midnight UTC', '2018-07-11T00:00:00.000Z', null],
    ['2018-07-11', '11pm - Midnight UTC', '2018-07-11T23:00:00.000Z', '2018-07-12T00:00:00.000Z'],
    ['2018-01-10', '11pm-1 ET', '2018-01-11T04:00:00.000Z', '2018-01-11T06:00:00.000Z'],
    ['2018-01-10', '16:00 CET', '2018-01-10T15:00:00.000Z', null],
    ['2018-07-11', '16:00 CEST', '2018-07-11T14:00:00.000Z', null],
    ['2018-07-11', '3pm BST', '2018-07-11T14:00:00.000Z', null],
    ['2018-07-11', '6:30pm IST', '2018-07-11T13:00:00.000Z', null],
    ['2018-07-11', '9am JST', '2018-07-11T00:00:00.000Z', null],
    ['2018-07-11', '9am UTC+2', '2018-07-11T07:00:00.000Z', null],
    ['2018-07-11', '9am GMT-5', '2018-07-11T14:00:00.000Z', null],
  ])('%s %j', (date, text, start, end) => {
    const t = meetingTime(date, text, 'UTC', 'en-GB');
    expect(t?.start.toISOString()).toBe(start);
    expect(t?.end?.toISOString() ?? null).toBe(end);
    expect(t?.original).toBe(text);
  });

  it.each<[string, string]>([
    [SEED_TIME, 'America/Los_Angeles'],
    ['10:00 - 11:00 PDT', 'America/Los_Angeles'],
    ['1pm EST', 'America/New_York'],
    ['2pm Central', 'America/Chicago'],
    ['2pm MDT', 'America/Denver'],
    ['16:00 Central European Time', 'Europe/Berlin'],
    ['16:00 CET', 'Europe/Berlin'],
    ['3pm BST', 'Europe/London'],
    ['6pm India time', 'Asia/Kolkata'],
    ['9am JST', 'Asia/Tokyo'],
    ['17:00 UTC', 'UTC'],
    ['9am UTC+2', 'Etc/GMT-2'],
  ])('%j is in %s', (text, zone) => {
    expect(meetingTime('2018-07-11', text, 'UTC')?.sourceZone).toBe(zone);
  });
});

describe('meetingTime: in the reader’s zone', () => {
  it.each<[string, string, string, string, string, boolean, number]>([
    // date, reader's zone, locale, time text → local, sameZone, dayOffset
    ['2018-03-07', 'Europe/Berlin', 'en-GB', SEED_TIME, '20:00–21:00 CET', false, 0],
    ['2018-03-21', 'Europe/Berlin', 'en-GB', SEED_TIME, '19:00–20:00 CET', false, 0], // the US in DST, Europe not yet
    ['2018-04-04', 'Europe/Berlin', 'en-GB', SEED_TIME, '20:00–21:00 CEST', false, 0],
    ['2018-10-31', 'Europe/Berlin', 'en-GB', SEED_TIME, '19:00–20:00 CET', false, 0], // Europe out of DST, the US not yet
    ['2018-11-14', 'Europe/Berlin', 'en-GB', SEED_TIME, '20:00–21:00 CET', false, 0],
    ['2018-10-31', 'UTC', 'en-GB', SEED_TIME, '18:00–19:00 UTC', false, 0],
    ['2018-03-07', 'America/Los_Angeles', 'en-US', SEED_TIME, '11:00 AM – 12:00 PM PST', true, 0],
    ['2018-10-31', 'America/Los_Angeles', 'en-US', SEED_TIME, '11:00 AM – 12:00 PM PDT', true, 0],
    ['2018-10-31', 'America/Los_Angeles', 'en-US', '2pm ET', '11:00 AM PDT', false, 0],
    ['2018-10-31', 'Asia/Kolkata', 'en-GB', SEED_TIME, '23:30 – 00:30 GMT+5:30', false, 0], // past midnight: no dates
    ['2018-03-07', 'Asia/Kolkata', 'en-GB', SEED_TIME, '00:30–01:30 GMT+5:30', false, 1],
    ['2018-07-11', 'America/Los_Angeles', 'en-US', '9am JST', '5:00 PM PDT', false, -1],
  ])('%s in %s (%s): %j → %j', (date, zone, locale, text, local, sameZone, dayOffset) => {
    const t = meetingTime(date, text, zone, locale);
    expect(plain(t?.local)).toBe(local);
    expect(t?.sameZone).toBe(sameZone);
    expect(t?.dayOffset).toBe(dayOffset);
  });

  it('falls back to the runtime zone for an unknown zone, and answers the same instant', () => {
    const t = meetingTime('2018-10-31', SEED_TIME, 'Not/AZone', 'en-GB');
    expect(t?.start.toISOString()).toBe('2018-10-31T18:00:00.000Z');
    expect(t?.local).toMatch(/\d/);
  });
});

describe('meetingTime: no usable time', () => {
  it.each<[string, string | undefined]>([
    ['2018-07-11', undefined],
    ['2018-07-11', ''],
    ['2018-07-11', 'Noon'], // no zone
    ['2018-07-11', '11a - Noon'],
    ['2018-07-11', 'Pacific Time'], // no time
    ['2018-07-11', '11 - 12 PT'], // bare numbers: could be anything
    ['2018-07-11', 'TBD'],
    ['2018-07-11', 'Canceled for holidays'],
    ['2018-07-11', '25:00 UTC'],
    ['2018-07-11', '13pm PT'],
    ['2018-7-11', SEED_TIME],
    ['2018-13-01', SEED_TIME],
    ['not a date', SEED_TIME],
  ])('%s %j → null', (date, text) => {
    expect(meetingTime(date, text, 'UTC')).toBeNull();
  });
});

describe('the parts', () => {
  it.each<[string, { start: number; end: number | null } | null]>([
    ['11a - Noon', { start: 660, end: 720 }],
    ['11am-12pm', { start: 660, end: 720 }],
    ['12am-1am', { start: 0, end: 60 }],
    ['12pm', { start: 720, end: null }],
    ['12-1pm', { start: 720, end: 780 }],
    ['9 - 10am', { start: 540, end: 600 }],
    ['10pm-11', { start: 1320, end: 1380 }],
    ['22:00-24:00', { start: 1320, end: 1440 }],
    ['11pm - midnight', { start: 1380, end: 1440 }],
    ['at 10:30', { start: 630, end: null }],
    ['December 12, 2018, 11a - Noon', { start: 660, end: 720 }], // dates and years are not times
    ['version 1.13 at 9am', { start: 540, end: null }],
    ['afternoon', null],
    ['12', null],
  ])('wallTimesOf(%j)', (text, expected) => {
    expect(wallTimesOf(text)).toEqual(expected);
  });

  it.each<[string, string | null]>([
    ['(Pacific Time)', 'America/Los_Angeles'],
    ['pacific', 'America/Los_Angeles'],
    ['pt', null], // abbreviations only in capitals
    ['Better setup', null], // no abbreviation inside words
    ['10am PT / 1pm ET / 19:00 CET', 'America/Los_Angeles'], // the first one written
    ['19:00 CET / 10am PT', 'Europe/Berlin'],
    ['nothing here', null],
  ])('zoneOf(%j) = %j', (text, zone) => {
    expect(zoneOf(text)).toBe(zone);
  });
});

describe('nextMeeting', () => {
  const seed = parseSeed();

  it.each<[string, string | null]>([
    ['2017-12-31', '2018-01-10'],
    ['2018-03-07', '2018-03-21'], // 03-07 was canceled
    ['2018-03-21', '2018-03-21'], // today's meeting counts
    ['2018-03-22', '2018-04-04'],
    ['2018-11-01', '2018-11-28'], // 11-14 was canceled
    ['2018-11-29', null], // the December meetings were canceled
    ['2019-06-01', null],
  ])('on the seed, on %s: %s', (today, key) => {
    expect(nextMeeting(seed, today)?.key ?? null).toBe(key);
  });

  it('does not rely on the document being newest first', () => {
    const oldestFirst = agenda([
      meeting({ date: '2018-01-10', sections: [section('other', '', ['a'])] }),
      meeting({ date: '2018-02-07', sections: [section('other', '', ['b'])] }),
      meeting({ date: '2018-01-24', canceled: true, sections: [section('other', '', ['c'])] }),
    ]);
    expect(nextMeeting(oldestFirst, '2018-01-11')?.date).toBe('2018-02-07');
    expect(nextMeeting(oldestFirst, '2018-01-01')?.date).toBe('2018-01-10');
    expect(nextMeeting(agenda([]), '2018-01-01')).toBeNull();
  });

  it('todayIn gives the calendar date in a zone', () => {
    const instant = new Date('2018-10-31T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2018-10-31');
    expect(todayIn('Asia/Kolkata', instant)).toBe('2018-11-01');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2018-10-31');
  });
});
