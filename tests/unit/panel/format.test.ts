// How a meeting's date reads in the panel: as the browser's own en-US format writes it, for every day.
import { describe, expect, it } from 'vitest';
import { formatMeetingDate } from '../../../lib/panel/format';

const INTL_DAY = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

describe('formatMeetingDate', () => {
  it('writes a day as the browser’s en-US date format does', () => {
    expect(formatMeetingDate('2018-11-28')).toBe('Wed, Nov 28, 2018');
    expect(formatMeetingDate('2024-02-29')).toBe('Thu, Feb 29, 2024');
  });

  it('agrees with Intl.DateTimeFormat on every day from 1990 to 2040', () => {
    const DAY_MS = 86_400_000;
    let checked = 0;
    for (let time = Date.UTC(1990, 0, 1); time <= Date.UTC(2040, 11, 31); time += DAY_MS) {
      const iso = new Date(time).toISOString().slice(0, 10);
      const got = formatMeetingDate(iso);
      if (got !== INTL_DAY.format(time)) expect(got, iso).toBe(INTL_DAY.format(time));
      checked++;
    }
    expect(checked).toBe(18_628);
  });

  it('keeps a date it cannot read as it was written', () => {
    expect(formatMeetingDate('2018-13-45')).toBe('2018-13-45');
    expect(formatMeetingDate('someday')).toBe('someday');
  });
});
