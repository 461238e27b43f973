// Every item of an agenda in document order, with what surrounds it: the meeting, the section,
// the parent and the siblings either side. Anchors and the pure views over an agenda both walk this.
import type { Agenda, Item, Meeting, Section } from '../agenda/model';

export interface FlatItem {
  readonly item: Item;
  readonly meeting: Meeting;
  readonly section: Section;
  /** 0 for an item directly under its section. */
  readonly depth: number;
  /** Indexes into the same flat list; null at the edges. */
  readonly parent: number | null;
  readonly prev: number | null;
  readonly next: number | null;
}

export function flattenAgenda(agenda: Agenda): FlatItem[] {
  const out: FlatItem[] = [];
  for (const meeting of agenda.meetings) {
    for (const section of meeting.sections) addSiblings(out, section.items, meeting, section, null, 0);
  }
  return out;
}

function addSiblings(
  out: FlatItem[],
  siblings: readonly Item[],
  meeting: Meeting,
  section: Section,
  parent: number | null,
  depth: number,
): void {
  // Siblings' positions are known only after their subtrees are added, so link prev/next afterwards.
  const positions: number[] = [];
  for (const item of siblings) {
    const index = out.length;
    positions.push(index);
    out.push({ item, meeting, section, depth, parent, prev: null, next: null });
    addSiblings(out, item.children, meeting, section, index, depth + 1);
  }
  for (let i = 0; i < positions.length; i++) {
    const index = positions[i] as number;
    const flat = out[index] as FlatItem;
    out[index] = { ...flat, prev: positions[i - 1] ?? null, next: positions[i + 1] ?? null };
  }
}
