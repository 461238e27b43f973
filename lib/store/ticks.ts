// Private ticks on action items: the user marks the ones they care about as done. A tick keeps the
// item's content anchor, so it stays on the item when the agenda is edited.
import type { Agenda } from '../agenda/model';
import { placeAll, type ItemTarget } from '../anchoring/target';
import { read, write, type StoreContext } from './context';
import type { TickRecord } from './records';

export interface TicksApi {
  list(agendaId: string): Promise<TickRecord[]>;
  /** Ticks (`done` true) or unticks an action item. Unticking is kept, so it wins over an older tick on import. */
  set(agendaId: string, target: ItemTarget, done: boolean): Promise<TickRecord>;
}

export function tickId(agendaId: string, itemKey: string): string {
  return `${agendaId}\n${itemKey}`;
}

export function createTicksApi(ctx: StoreContext): TicksApi {
  return {
    list: (agendaId) =>
      read(ctx, 'read your ticked action items', async (db) => {
        const ticks = await db.getAllFromIndex('ticks', 'by-agenda', agendaId);
        return ticks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }),

    set: (agendaId, target, done) =>
      write(ctx, ['ticks'], done ? 'tick this action item' : 'untick this action item', async (tx) => {
        const tick: TickRecord = { id: tickId(agendaId, target.itemKey), agendaId, target, done, updatedAt: ctx.now() };
        await tx.objectStore('ticks').put(tick);
        return { value: tick, change: { stores: ['ticks'], agendaIds: [agendaId], ids: [tick.id] } };
      }),
  };
}

/**
 * The keys of the items that are ticked done now. Ticks follow their items by content; when two
 * ticks land on one item (it was ticked, edited, ticked again), the latest decides. Pure.
 */
export function tickedKeys(agenda: Agenda, ticks: readonly TickRecord[]): Set<string> {
  // Placing indexes the whole agenda: nothing to place, nothing to index.
  if (ticks.length === 0) return new Set();
  const placement = placeAll(agenda, ticks, (tick) => tick.target);
  const done = new Set<string>();
  for (const [key, entries] of placement.byKey) {
    const latest = entries.reduce((a, b) => (b.entry.updatedAt > a.entry.updatedAt ? b : a));
    if (latest.entry.done) done.add(key);
  }
  return done;
}
