// Reads a tab's agenda in parts (see lib/messaging/agenda-parts.ts): the newest meetings show at once, the
// rest is added as it arrives, and the panel can say how far it has got. A re-read after an edit shows only
// the whole, so that the agenda on screen never shrinks back to its first part while the reader works in it.
import { withPart } from '../messaging/agenda-parts';
import type { AgendaPart, AgendaSnapshot } from '../messaging/protocol';
import type { PageLink } from './page-link';

/** Meetings read so far, of how many. */
export interface LoadProgress {
  loaded: number;
  total: number;
}

export interface ReadHandlers {
  /**
   * The agenda so far, how far the read has got (null once it is whole), and which version of the page's
   * agenda it is (null when the page did not say).
   */
  show(snapshot: AgendaSnapshot, progress: LoadProgress | null, version: number | null): void;
  /** False once the panel has moved on (another tab, a newer read): the read stops. */
  wanted(): boolean;
  /**
   * Resolves once what `show` drew is on screen. The further parts are asked for only then: their answers arrive
   * as tasks of the panel's own, and taken in before the first frame they would hold the first rows back.
   */
  painted?(): Promise<void>;
}

/** Reads that the page's own changes may restart, before asking for the whole agenda in one message. */
const ATTEMPTS = 3;

/**
 * `progressive`: show the first part at once and the agenda after each further part. Otherwise show it
 * once, whole. Rejects as `link.request` does when the tab does not answer.
 */
export async function readAgenda(
  link: PageLink,
  tabId: number,
  handlers: ReadHandlers,
  progressive: boolean,
): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const opening = await link.request(tabId, { type: 'agenda/open' });
    if (!handlers.wanted()) return;
    let snapshot = opening.snapshot;
    if (opening.parts <= 1) {
      handlers.show(snapshot, null, opening.version);
      return;
    }
    const total = opening.meetings;
    let loaded = snapshot.agenda?.meetings.length ?? 0;
    if (progressive) {
      handlers.show(snapshot, { loaded, total }, opening.version);
      await handlers.painted?.();
      if (!handlers.wanted()) return;
    }
    // Every part is asked for at once: the page answers them in turn while the panel takes in the last one.
    const answers: Promise<AgendaPart>[] = [];
    for (let part = 1; part < opening.parts; part++) {
      const answer = link.request(tabId, { type: 'agenda/part', version: opening.version, part });
      answer.catch(() => undefined); // awaited below, unless the read stops first
      answers.push(answer);
    }
    let stale = false;
    for (let part = 1; part < opening.parts && !stale; part++) {
      const answer = await (answers[part - 1] as Promise<AgendaPart>);
      if (!handlers.wanted()) return;
      if (answer.stale) {
        stale = true;
        continue;
      }
      snapshot = withPart(snapshot, answer.meetings);
      loaded += answer.meetings.length;
      const whole = part === opening.parts - 1;
      if (whole) handlers.show(snapshot, null, opening.version);
      else if (progressive) handlers.show(snapshot, { loaded, total }, opening.version);
    }
    if (!stale) return;
  }
  // The page keeps changing under the read: take it whole.
  const whole = await link.request(tabId, { type: 'agenda/get' });
  if (handlers.wanted()) handlers.show(whole, null, null);
}
