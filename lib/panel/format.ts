// How dates and counts read in the panel.
import type { YearNote } from '../agenda/model';

const DAY = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2018-11-28' → 'Wed, Nov 28, 2018'. The date is a calendar day, so it is read in UTC, never shifted. */
export function formatMeetingDate(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(time) ? isoDate : DAY.format(time);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The one sentence on years the headings do not write: how many, how they are shown, how they were found. */
export function yearsSentence(note: YearNote): string {
  const years = note.inferred === 1 ? 'Year' : 'Years';
  return `${years} inferred for ${plural(note.inferred, 'meeting')} (underlined with dots) ${note.how}.`;
}
