// The next meeting the document lists, pinned above the index, in the reader's own time.
import type { PanelState } from '@/lib/panel/state';
import { MeetingDate } from './MeetingDate';

export function NextMeeting({ state }: { state: PanelState }) {
  const upcoming = state.index.upcoming.value;
  if (!upcoming) return null;
  const { meeting, time } = upcoming;
  return (
    <button
      type="button"
      class="next-meeting"
      data-next-meeting={meeting.key}
      onClick={() => void state.jump(meeting.key)}
    >
      <span class="next-meeting__label">Next meeting</span>
      <span class="next-meeting__date">
        <MeetingDate meeting={meeting} />
      </span>
      <span class="next-meeting__time">
        {time ? `${time.local}${time.sameZone ? '' : ' your time'}` : (meeting.time ?? '')}
      </span>
    </button>
  );
}
