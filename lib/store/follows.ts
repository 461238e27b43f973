// Follows: a GitHub reference, a person or a phrase the user wants to see across meetings.
// The id is derived from agenda, kind and canonical value, so following twice is one follow and
// imports cannot duplicate it.
import { refFromUrl, refsInText } from '../agenda/refs';
import { normaliseForAnchor } from '../anchoring/similarity';
import { read, write, type StoreContext } from './context';
import { StoreError } from './errors';
import type { FollowKind, FollowRecord } from './records';

export const FOLLOW_KINDS: readonly FollowKind[] = ['ref', 'person', 'phrase'];

export interface FollowsApi {
  /** The follows on one agenda, in the order they were made. */
  list(agendaId: string): Promise<FollowRecord[]>;
  /** Follows `raw` (as typed or picked); rejects with a StoreError of kind 'invalid' saying why it cannot. */
  add(agendaId: string, kind: FollowKind, raw: string): Promise<FollowRecord>;
  remove(id: string): Promise<void>;
}

export type CanonicalFollow = { ok: true; value: string; label: string } | { ok: false; reason: string };

/** The form a follow is matched and stored in, or why `raw` cannot be followed. Pure. */
export function canonicalFollow(kind: FollowKind, raw: string): CanonicalFollow {
  const text = raw.trim();
  switch (kind) {
    case 'ref': {
      const ref = refsInText(text)[0] ?? refFromUrl(text);
      return ref
        ? { ok: true, value: ref, label: ref }
        : {
            ok: false,
            reason: `“${text}” is not a GitHub reference. Write it as owner/repo#123, or paste the address of the issue or pull request.`,
          };
    }
    case 'person': {
      const name = text.replace(/^@/, '').replace(/\s+/g, ' ');
      return name.length > 0
        ? { ok: true, value: name.toLowerCase(), label: name }
        : { ok: false, reason: 'Write the handle or name of the person to follow.' };
    }
    case 'phrase': {
      const value = normaliseForAnchor(text);
      return value.length > 0
        ? { ok: true, value, label: text.replace(/\s+/g, ' ') }
        : { ok: false, reason: 'A phrase to follow needs at least one letter or digit.' };
    }
  }
}

export function followId(agendaId: string, kind: FollowKind, value: string): string {
  return `${agendaId}\n${kind}\n${value}`;
}

export function createFollowsApi(ctx: StoreContext): FollowsApi {
  return {
    list: (agendaId) =>
      read(ctx, 'read what you follow', async (db) => {
        const follows = await db.getAllFromIndex('follows', 'by-agenda', agendaId);
        return follows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      }),

    add: (agendaId, kind, raw) => {
      const canonical = canonicalFollow(kind, raw);
      if (!canonical.ok) return Promise.reject(new StoreError('invalid', canonical.reason));
      const id = followId(agendaId, kind, canonical.value);
      return write(ctx, ['follows'], 'follow this', async (tx) => {
        const store = tx.objectStore('follows');
        const existing = await store.get(id);
        if (existing) return { value: existing, change: null };
        const follow: FollowRecord = {
          id,
          agendaId,
          kind,
          value: canonical.value,
          label: canonical.label,
          createdAt: ctx.now(),
        };
        await store.put(follow);
        return { value: follow, change: { stores: ['follows'], agendaIds: [agendaId], ids: [id] } };
      });
    },

    remove: (id) =>
      write(ctx, ['follows'], 'stop following this', async (tx) => {
        const store = tx.objectStore('follows');
        const existing = await store.get(id);
        if (!existing) return { value: undefined, change: null };
        await store.delete(id);
        return { value: undefined, change: { stores: ['follows'], agendaIds: [existing.agendaId], ids: [id] } };
      }),
  };
}
