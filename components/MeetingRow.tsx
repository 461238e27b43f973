// One meeting in the index: date, when or why canceled, what it holds. Clicking it jumps to it in the page.
import type { Meeting } from '@/lib/agenda/model';
import { plural } from '@/lib/panel/format';
import { meetingTime } from '@/lib/panel/meeting-time';
import { safeHref } from '@/lib/panel/safe-href';
import type { RowProps } from './row-props';
import { MeetingDate } from './MeetingDate';
import { RowMarks, type RowMarkFlags } from './RowMarks';

interface Props extends RowProps {
  meeting: Meeting;
  expanded: boolean;
  hitCount: number | null;
  current: boolean;
  onToggle: () => void;
  marks: RowMarkFlags;
  /** The first meeting of its year in a history of several years: the year is marked above it. */
  yearStart?: string;
}

/** The heading's time in the reader's own zone when it differs, with the original beside it. */
export function meetingWhen(meeting: Meeting): string {
  if (meeting.canceled) return meeting.canceledReason ?? meeting.title;
  const time = meetingTime(meeting.date, meeting.time);
  if (!time) return meeting.time ?? meeting.title;
  return time.sameZone ? time.original : `${time.local} your time · ${time.original}`;
}

export function MeetingRow({ meeting, expanded, hitCount, current, onToggle, marks, yearStart, ...row }: Props) {
  const recording = safeHref(meeting.recording);
  const count = hitCount === null ? plural(meeting.itemCount, 'item') : plural(hitCount, 'match', 'matches');
  return (
    <div
      id={row.domId}
      role="treeitem"
      aria-level={1}
      aria-expanded={expanded}
      aria-selected={row.active}
      aria-posinset={row.pos}
      aria-setsize={row.size}
      aria-current={current ? 'location' : undefined}
      data-meeting-key={meeting.key}
      class={`row meeting${meeting.canceled ? ' meeting--canceled' : ''}${row.active ? ' row--active' : ''}${current ? ' meeting--current' : ''}${yearStart ? ' meeting--year-start' : ''}`}
      style={{ top: `${row.top}px` }}
      onClick={row.onActivate}
    >
      <button
        type="button"
        tabIndex={-1}
        class="meeting__toggle"
        aria-label={expanded ? 'Collapse' : 'Expand'}
        onClick={(event) => {
          event.stopPropagation();
          onToggle();
        }}
      >
        {expanded ? '▾' : '▸'}
      </button>

      <span class={`meeting__date${meeting.canceled ? ' meeting__date--canceled' : ''}`}>
        <MeetingDate meeting={meeting} />
      </span>
      <span class="meeting__title" title={meeting.title}>
        {yearStart && (
          <span class="meeting__year" data-year-start={yearStart}>
            {yearStart}
          </span>
        )}
        {meetingWhen(meeting)}
      </span>
      <span class="meeting__facts">
        <RowMarks marks={marks} />
        {meeting.canceled ? (
          <span class="tag tag--canceled">Canceled</span>
        ) : (
          <span class="meeting__count">{count}</span>
        )}
        {recording && (
          <a
            class="tag tag--recording"
            href={recording}
            target="_blank"
            rel="noopener noreferrer"
            tabIndex={-1}
            title="Open the recording in a new tab"
            onClick={(event) => event.stopPropagation()}
          >
            ▶ Recording
          </a>
        )}
      </span>
    </div>
  );
}
