// How dates and counts read in the panel.
import type { YearNote } from '../agenda/model';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * '2018-11-28' → 'Wed, Nov 28, 2018', as `Intl.DateTimeFormat('en-US')` writes it (weekday, month short, day and year
 * numeric), by hand: the panel's first rows would otherwise wait for the browser's date formats to load. The date is
 * a calendar day, so it is read in UTC, never shifted.
 */
export function formatMeetingDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) return isoDate;
  const day = new Date(time);
  return `${WEEKDAYS[day.getUTCDay()]}, ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The one sentence on years the headings do not write: how many, how they are shown, how they were found. */
export function yearsSentence(note: YearNote): string {
  const years = note.inferred === 1 ? 'Year' : 'Years';
  return `${years} inferred for ${plural(note.inferred, 'meeting')} (underlined with dots) ${note.how}.`;
}
