// Canceled meetings. Agendas say so in the heading ("December 27, 2017 - No meeting", "(CANCELLED)
// Agenda (2020-11-25)", a struck-through heading) or in the first line under it ("Canceled for
// holidays", "NO SIG AUTH (busy with release)", "[Saad Ali] Cancelled due to …", "No agenda items,
// cancelling."). A discussion item that mentions canceling, deep inside a real meeting, is not one.

/** "canceled", "cancelled", "CANCELLED", "cancelling" — not "cancel" or "cancellation", which are talked about. */
const CANCELED = /\bcancel+(?:ed|ing)\b/i;
const NO_MEETING = /\bno (?:sig|wg|meetings?)\b|\bnot meeting\b/i;
const SKIPPED = /^(?:the\s+)?(?:meeting\s+)?(?:skipped|postponed|called off)\b/i;

/** A line says the meeting is off only if it is short and says it early. */
const MAX_LINE_WORDS = 14;
const MAX_WORDS_BEFORE = 6;

/** How many of a meeting's first lines may carry the news. */
export const LEAD_LINES = 2;

/** True when the text around a heading's date says the meeting did not happen. */
export function headingSaysCanceled(rest: string): boolean {
  return CANCELED.test(rest) || NO_MEETING.test(rest) || SKIPPED.test(rest.replace(/^[\s\-–—,:(]+/, ''));
}

/** True when one of a meeting's first lines says it was canceled. */
export function lineSaysCanceled(line: string): boolean {
  const whole = line.replace(/\s+/g, ' ').trim();
  if (whole.split(' ').length > MAX_LINE_WORDS) return false;
  // "(CANCELLED) …" carries the news in its tag; "[Saad Ali] Cancelled …" after it.
  return [whole, stripLeadingTag(whole)].some(saysCanceled);
}

/** What follows "No meeting" when another meeting is meant: "No meeting 12/26", "no meeting on Dec 26", "… next". */
const ANOTHER_DATE = new RegExp(
  '^\\s*(?:on\\s+|for\\s+|the\\s+)?' +
    '(?:\\d{1,2}/\\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d|next\\b)',
  'i',
);

function saysCanceled(text: string): boolean {
  if (SKIPPED.test(text)) return true;
  const canceled = CANCELED.exec(text);
  if (canceled && wordsBefore(text, canceled.index) <= MAX_WORDS_BEFORE) return true;
  const noMeeting = NO_MEETING.exec(text);
  if (!noMeeting || wordsBefore(text, noMeeting.index) > MAX_WORDS_BEFORE) return false;
  return !ANOTHER_DATE.test(text.slice(noMeeting.index + noMeeting[0].length));
}

/** "[Saad Ali] Cancelled …" → "Cancelled …". */
function stripLeadingTag(text: string): string {
  return text.replace(/^(?:\[[^\]]*\]|\([^)]*\))\s*[:\-–—]?\s*/, '');
}

function wordsBefore(text: string, index: number): number {
  const before = text.slice(0, index).trim();
  return before.length === 0 ? 0 : before.split(' ').length;
}
