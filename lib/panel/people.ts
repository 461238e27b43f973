// Who the agenda names, and how often: the person filter's choices.
import type { Agenda, Item } from '../agenda/model';

export interface PersonCount {
  /** Lower-case: the key the person filter uses. */
  key: string;
  /** The most frequent spelling; on a tie, the one written first. */
  name: string;
  /** How many items name them (children counted on their own). */
  count: number;
}

/** The key of a person as written: `Liggitt`, `liggitt` and ` liggitt ` are one person. */
export function personKey(name: string): string {
  return name.trim().toLowerCase();
}

interface Tally {
  count: number;
  spellings: Map<string, number>;
}

/** Everyone named in the agenda, most named first, then by name. */
export function peopleOf(agenda: Agenda): PersonCount[] {
  const tallies = new Map<string, Tally>();
  const visit = (item: Item): void => {
    const seen = new Set<string>();
    for (const person of item.people) {
      const key = personKey(person);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { count: 0, spellings: new Map() };
        tallies.set(key, tally);
      }
      tally.count++;
      const spelling = person.trim();
      tally.spellings.set(spelling, (tally.spellings.get(spelling) ?? 0) + 1);
    }
    for (const child of item.children) visit(child);
  };
  for (const meeting of agenda.meetings) {
    for (const section of meeting.sections) for (const item of section.items) visit(item);
  }

  const people: PersonCount[] = [];
  for (const [key, tally] of tallies) people.push({ key, name: mostFrequent(tally.spellings), count: tally.count });
  return people.sort(byCountThenName);
}

/** Map iteration follows insertion order, so a strict `>` keeps the first-written spelling on ties. */
function mostFrequent(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** Made when first asked for, not as the panel loads. */
let nameOrder: Intl.Collator | null = null;

function byCountThenName(a: PersonCount, b: PersonCount): number {
  nameOrder ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return b.count - a.count || nameOrder.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
