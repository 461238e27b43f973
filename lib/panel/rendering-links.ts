// Which other agendas the user has said are renderings of the same document (the Doc, its published page, its
// GitHub archive), so that the notes kept on one show on the other, and which they said are not. Shared content
// proves nothing: any page can copy an agenda's items, and would then be shown the user's notes and given their
// marks, where its scripts see which items were annotated. Kept in the panel's localStorage, checked when read:
// if it is lost, the user is asked again. No note is ever in it.

export type RenderingDecision = 'same' | 'apart';

export interface RenderingLinks {
  /** What the user said of these two agendas; null when they were never asked. Symmetric. */
  decision(agendaId: string, otherId: string): RenderingDecision | null;
  decide(agendaId: string, otherId: string, decision: RenderingDecision): void;
}

export const RENDERING_LINKS_KEY = 'agenda-overlay:renderings';

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

function isDecision(value: unknown): value is RenderingDecision {
  return value === 'same' || value === 'apart';
}

/** The decisions in `storage`, read once; a value that is not one (a hand edit, another shape) is skipped. */
export function storedRenderingLinks(storage: Pick<Storage, 'getItem' | 'setItem'>): RenderingLinks {
  const decisions = new Map<string, RenderingDecision>();
  try {
    const raw: unknown = JSON.parse(storage.getItem(RENDERING_LINKS_KEY) ?? '{}');
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [key, value] of Object.entries(raw)) {
        if (key.includes('\n') && isDecision(value)) decisions.set(key, value);
      }
    }
  } catch {
    // Unreadable: nothing is linked, and the user is asked again.
  }
  return {
    decision: (agendaId, otherId) => decisions.get(pairKey(agendaId, otherId)) ?? null,
    decide(agendaId, otherId, decision) {
      decisions.set(pairKey(agendaId, otherId), decision);
      try {
        storage.setItem(RENDERING_LINKS_KEY, JSON.stringify(Object.fromEntries(decisions)));
      } catch {
        // Full or refused: the decision holds while the panel is open.
      }
    },
  };
}

/** Decisions for this panel's life only. */
export function memoryRenderingLinks(): RenderingLinks {
  const data = new Map<string, string>();
  return storedRenderingLinks({
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  });
}
