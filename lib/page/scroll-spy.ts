// Tells the panel which meeting the reader has scrolled to: the last meeting heading at or above
// a line near the top of the viewport. A binary search over the headings, once a frame at most.

export interface MeetingElement {
  key: string;
  element: Element;
}

const READING_LINE_PX = 120;

export interface ReadingPosition {
  /** Says the current meeting again, for a panel that opened after the last scroll. */
  repeat(): void;
  /** Looks again after the agenda changed under the reader. */
  recheck(): void;
  stop(): void;
}

export function watchReadingPosition(
  view: Window,
  meetings: () => readonly MeetingElement[],
  onChange: (meetingKey: string | null) => void,
): ReadingPosition {
  let frame = 0;
  let last: string | null | undefined;

  function check(): void {
    frame = 0;
    const key = meetingAtReadingLine(meetings());
    if (key === last) return;
    last = key;
    onChange(key);
  }
  const schedule = (): void => {
    if (!frame) frame = view.requestAnimationFrame(check);
  };
  view.addEventListener('scroll', schedule, { passive: true, capture: true });
  schedule();
  return {
    repeat() {
      if (last !== undefined) onChange(last);
    },
    recheck() {
      last = undefined;
      schedule();
    },
    stop() {
      view.removeEventListener('scroll', schedule, { capture: true });
      view.cancelAnimationFrame(frame);
    },
  };
}

/** `meetings` are in document order, so their tops only grow. */
export function meetingAtReadingLine(meetings: readonly MeetingElement[]): string | null {
  let low = 0;
  let high = meetings.length - 1;
  let found: string | null = meetings[0]?.key ?? null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const entry = meetings[mid]!;
    if (entry.element.getBoundingClientRect().top <= READING_LINE_PX) {
      found = entry.key;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
