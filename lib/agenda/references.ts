// Every GitHub reference of some items, a meeting or an agenda: each once, in order of appearance.
import type { Agenda, Item, Meeting } from './model';

function addRefsOf(items: readonly Item[], out: Set<string>): void {
  // Without recursion: agendas nest lists arbitrarily deep.
  const stack: Item[] = [...items].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    for (const ref of item.refs) out.add(ref);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
}

export function refsOfItems(items: readonly Item[]): string[] {
  const out = new Set<string>();
  addRefsOf(items, out);
  return [...out];
}

export function refsOfMeeting(meeting: Meeting): string[] {
  const out = new Set<string>();
  for (const section of meeting.sections) addRefsOf(section.items, out);
  return [...out];
}

export function refsOfAgenda(agenda: Agenda): string[] {
  const out = new Set<string>();
  for (const meeting of agenda.meetings) for (const section of meeting.sections) addRefsOf(section.items, out);
  return [...out];
}
