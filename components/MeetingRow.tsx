// One meeting in the index: its date, title, and what it holds. Clicking it jumps to it in the page.
import type { Meeting } from '@/lib/agenda/model';
import { formatMeetingDate, plural } from '@/lib/panel/format';

interface Props {
  meeting: Meeting;
  onJump: (key: string) => void;
}

export function MeetingRow({ meeting, onJump }: Props) {
  // A canceled meeting's line says why; others say when.
  const detail = meeting.canceled ? (meeting.canceledReason ?? meeting.title) : (meeting.time ?? meeting.title);
  const label = `${formatMeetingDate(meeting.date)}${meeting.canceled ? ', canceled' : ''}, ${plural(meeting.itemCount, 'item')}`;
  return (
    <li class={`meeting${meeting.canceled ? ' meeting--canceled' : ''}`} data-meeting-key={meeting.key}>
      <button type="button" class="meeting__jump" onClick={() => onJump(meeting.key)} aria-label={label}>
        <span class="meeting__date">{formatMeetingDate(meeting.date)}</span>
        <span class="meeting__title" title={meeting.title}>
          {detail}
        </span>
        <span class="meeting__facts">
          {meeting.canceled ? (
            <span class="tag tag--canceled" title={meeting.canceledReason}>
              Canceled
            </span>
          ) : (
            <span class="meeting__count">{plural(meeting.itemCount, 'item')}</span>
          )}
          {meeting.recording && (
            <span class="tag tag--recording" title="Has a recording">
              ▶ Recording
            </span>
          )}
        </span>
      </button>
    </li>
  );
}
