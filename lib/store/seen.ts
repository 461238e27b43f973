// Storage of the "as last seen" snapshots, one per agenda.
import type { Agenda } from '../agenda/model';
import { read, write, type StoreContext } from './context';
import type { SeenSnapshot } from './records';
import { seenMeeting, snapshotOf, whatsNew, type WhatsNew } from './whats-new';

export interface SeenApi {
  get(agendaId: string): Promise<SeenSnapshot | undefined>;
  /** Every agenda's snapshot: what the user has opened, in any rendering. */
  all(): Promise<SeenSnapshot[]>;
  /** What is new in `agenda` since the stored snapshot. */
  whatsNew(agendaId: string, agenda: Agenda): Promise<WhatsNew>;
  /**
   * Remembers the agenda as seen: all of it, or only `meetingKeys` (the meetings the user opened),
   * so that the others stay marked. The first call always records the whole agenda as the baseline.
   */
  markSeen(agendaId: string, agenda: Agenda, meetingKeys?: readonly string[]): Promise<SeenSnapshot>;
}

export function createSeenApi(ctx: StoreContext): SeenApi {
  return {
    get: (agendaId) => read(ctx, 'read what you have seen', (db) => db.get('seen', agendaId)),

    all: () => read(ctx, 'read what you have seen', (db) => db.getAll('seen')),

    whatsNew: (agendaId, agenda) =>
      read(ctx, 'read what you have seen', async (db) => whatsNew(await db.get('seen', agendaId), agenda)),

    markSeen: (agendaId, agenda, meetingKeys) =>
      write(ctx, ['seen'], 'remember what you have seen', async (tx) => {
        const store = tx.objectStore('seen');
        const before = meetingKeys ? await store.get(agendaId) : undefined;
        let snapshot: SeenSnapshot;
        if (!meetingKeys || !before) {
          snapshot = snapshotOf(agendaId, agenda, ctx.now());
        } else {
          const wanted = new Set(meetingKeys);
          const meetings = { ...before.meetings };
          for (const meeting of agenda.meetings)
            if (wanted.has(meeting.key)) meetings[meeting.key] = seenMeeting(meeting);
          snapshot = { agendaId, savedAt: ctx.now(), meetings };
        }
        await store.put(snapshot);
        return { value: snapshot, change: { stores: ['seen'], agendaIds: [agendaId], ids: [agendaId] } };
      }),
  };
}
