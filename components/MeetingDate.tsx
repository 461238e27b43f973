// A meeting's date as the panel writes it ('Wed, Dec 11, 2019'). A year the heading does not write, and that
// was inferred, is underlined with dots and says so on hover and to screen readers.
import type { Meeting } from '../lib/agenda/model';
import { formatMeetingDate } from '../lib/panel/format';

export const INFERRED_YEAR_TITLE = 'Year inferred: the heading does not write it';

export function MeetingDate({ meeting }: { meeting: Pick<Meeting, 'date' | 'yearInferred'> }) {
  const text = formatMeetingDate(meeting.date);
  const year = meeting.date.slice(0, 4);
  const at = text.lastIndexOf(year);
  if (!meeting.yearInferred || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <abbr class="inferred-year" title={INFERRED_YEAR_TITLE}>
        {year}
      </abbr>
      <span class="visually-hidden"> (year inferred)</span>
      {text.slice(at + year.length)}
    </>
  );
}
