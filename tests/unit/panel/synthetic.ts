// A large agenda for timing the search: the seed's meetings again and again, going back a week at a time,
// with fresh numbers and handles after the first round, so that the haystacks are as varied as an archive's.
import type { Agenda, Item, Meeting } from '../../../lib/agenda/model';

const DAY_MS = 86_400_000;

export function syntheticAgenda(seed: Agenda, targetItems: number): Agenda {
  const templates = seed.meetings.filter((m) => m.itemCount > 0);
  const meetings: Meeting[] = [];
  let items = 0;
  let round = 0;
  let time = Date.UTC(2030, 0, 2);
  while (items < targetItems) {
    for (const template of templates) {
      if (items >= targetItems) break;
      const date = new Date(time).toISOString().slice(0, 10);
      time -= 7 * DAY_MS;
      const vary = (text: string) =>
        round === 0 ? text : text.replace(/\d{3,}/g, (n) => String(Number(n) + round * 7919));
      const copy = (item: Item): Item => ({
        ...item,
        key: `${date}/${item.key}`,
        text: vary(item.text),
        refs: item.refs.map(vary),
        people: item.people.map((p) => (round === 0 ? p : `${p}${round % 97}`)),
        children: item.children.map(copy),
      });
      meetings.push({
        ...template,
        key: date,
        date,
        title: template.title.replace(/\w+ \d+, \d{4}/, date),
        sections: template.sections.map((s) => ({ ...s, items: s.items.map(copy) })),
      });
      items += template.itemCount;
    }
    round++;
  }
  return { ...seed, meetings };
}
