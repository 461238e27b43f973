// Keystrokes that IndexedDB has not confirmed yet, kept in localStorage: it writes synchronously, so a
// panel closed between a keystroke and its save loses nothing. The next panel saves what it finds here.
import type { NoteDraft } from '../store';

const PREFIX = 'agenda-overlay:unsaved-note:';

type StashStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface DraftStash {
  keep(draft: NoteDraft): void;
  /** The save of this text is committed; text typed after it stays until its own save lands. */
  drop(id: string, savedBody: string): void;
  /** The note is deleted: nothing of it is kept. */
  forget(id: string): void;
  /** Every draft left by a panel that closed before saving. */
  pending(): NoteDraft[];
}

export function createDraftStash(storage: StashStorage | null): DraftStash {
  return {
    keep(draft) {
      try {
        storage?.setItem(PREFIX + draft.id, JSON.stringify(draft));
      } catch {
        // A full localStorage: the text is still in the editor and on its way to IndexedDB.
      }
    },
    drop(id, savedBody) {
      const kept = read(storage, PREFIX + id);
      // Text typed after this save started stays until its own save lands.
      if (!kept || kept.body === savedBody) storage?.removeItem(PREFIX + id);
    },
    forget(id) {
      storage?.removeItem(PREFIX + id);
    },
    pending() {
      if (!storage) return [];
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
      const drafts: NoteDraft[] = [];
      for (const key of keys) {
        const draft = read(storage, key);
        if (draft) drafts.push(draft);
        else storage.removeItem(key);
      }
      return drafts;
    },
  };
}

function read(storage: StashStorage | null, key: string): NoteDraft | null {
  const text = storage?.getItem(key);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<NoteDraft>;
    const ok =
      typeof value.id === 'string' &&
      typeof value.agendaId === 'string' &&
      typeof value.body === 'string' &&
      typeof value.baseRevision === 'number' &&
      typeof value.target === 'object' &&
      value.target !== null;
    return ok ? (value as NoteDraft) : null;
  } catch {
    return null;
  }
}
