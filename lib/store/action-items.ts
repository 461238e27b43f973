// Every action item across meetings, with its owners and date, newest first.
import type { Agenda, Item, Meeting } from '../agenda/model';
import { isPlaceholder } from '../agenda/text';

export interface ActionItem {
  itemKey: string;
  meetingKey: string;
  date: string;
  text: string;
  /** The people the item names (`@brancz will …`, `[Mike] …`); may be empty. */
  owners: string[];
}

/** "AI: …", "Action: …", "Action item - …", "TODO: …" anywhere in a meeting. */
const ACTION_PREFIX = /^\s*(?:\[?\s*(?:AI|action(?:\s+items?)?|todo)\s*\]?\s*[:\-–—]|\[(?:AI|action)\])/i;
/** A bullet that is only a heading for the action items below it ("Action items:"). */
const ACTION_HEADING = /^\s*action\s+items?\s*:?\s*$/i;

/**
 * Action items are the items directly under an "Action items" section, the items under an
 * "Action items:" bullet in any section, and items anywhere that start with "AI:" or "Action:".
 * Children of an action item are its details, not more action items. Pure.
 */
export function actionItems(agenda: Agenda): ActionItem[] {
  const found: ActionItem[] = [];
  for (const meeting of agenda.meetings) {
    for (const section of meeting.sections) {
      if (section.kind === 'action-items') {
        for (const item of section.items) collectAction(found, meeting, item);
      } else {
        for (const item of section.items) searchForActions(found, meeting, item);
      }
    }
  }
  return found
    .map((action, index) => ({ action, index }))
    .sort((a, b) => (a.action.date < b.action.date ? 1 : a.action.date > b.action.date ? -1 : a.index - b.index))
    .map(({ action }) => action);
}

function searchForActions(found: ActionItem[], meeting: Meeting, item: Item): void {
  if (ACTION_HEADING.test(item.text)) {
    for (const child of item.children) collectAction(found, meeting, child);
    return;
  }
  if (ACTION_PREFIX.test(item.text)) {
    collectAction(found, meeting, item);
    return;
  }
  for (const child of item.children) searchForActions(found, meeting, child);
}

function collectAction(found: ActionItem[], meeting: Meeting, item: Item): void {
  if (isPlaceholder(item.text)) return;
  found.push({
    itemKey: item.key,
    meetingKey: meeting.key,
    date: meeting.date,
    text: item.text,
    owners: [...item.people],
  });
}
