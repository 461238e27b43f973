// A group's regular meeting as the reader's clock shows it: `Wednesday 11:00 PT` becomes
// `Wednesday 20:00 CET` (or `Thursday 03:00 JST`), worked out for the next such day so that daylight saving
// time on either side is right for the meeting the reader will join.
import { meetingTime } from '../panel/meeting-time';
import type { GroupMeeting } from './groups';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface LocalSchedule {
  /** The weekday in the reader's zone: 'Wednesday', or 'Thursday' when the meeting crosses midnight. */
  day: string;
  /** The time in the reader's zone with its short name: '8:00 PM CET'. */
  time: string;
  /** The frequency as `sigs.yaml` writes it, its first clause: 'biweekly'. */
  frequency: string;
  /** As written, for a tooltip: 'Wednesday 11:00 PT (Pacific Time)'. */
  original: string;
}

function weekdayIndex(day: string): number {
  const lower = day.trim().toLowerCase();
  return WEEKDAYS.findIndex((name) => lower.startsWith(name.toLowerCase().slice(0, 3)));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The next date (UTC calendar, from `today`) that falls on `weekday`. */
function nextDateOn(weekday: number, today: Date): string {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const ahead = (weekday - start.getUTCDay() + 7) % 7;
  return isoDate(new Date(start.getTime() + ahead * 86_400_000));
}

/** The meeting in the reader's zone, or null when `sigs.yaml` gives no readable day, time or zone. */
export function localSchedule(
  meeting: GroupMeeting,
  userZone?: string,
  today: Date = new Date(),
  locale?: string,
): LocalSchedule | null {
  const weekday = weekdayIndex(meeting.day);
  if (weekday === -1 || !meeting.time || !meeting.tz) return null;
  const original = `${meeting.day} ${meeting.time} ${meeting.tz}`;
  const date = nextDateOn(weekday, today);
  const time = meetingTime(date, `${meeting.time} ${meeting.tz}`, userZone, locale);
  if (!time) return null;
  const day = WEEKDAYS[(weekday + time.dayOffset + 7) % 7]!;
  const frequency = meeting.frequency.split(/[,(]/)[0]!.trim();
  return { day, time: time.local, frequency, original };
}
