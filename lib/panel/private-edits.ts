// The user's writes other than note text: follows, ticks, meetings seen, and the export file out and in. Each is
// written to the store, then applied to private-records.ts's signals (an import reads them again).
import type { ReadonlySignal, Signal } from '@preact/signals';
import type { Agenda } from '../agenda/model';
import { canonicalFollow, describeImport, targetFor, toStoreError, type ActionItem, type FollowKind } from '../store';
import type { Followed } from './private-views';
import type { RecordsState } from './private-records';

export interface EditsContext {
  /** The agenda the index shows (the whole history when chosen): an action item of another year is found there. */
  scope: ReadonlySignal<Agenda | null>;
  followed: ReadonlySignal<Followed[]>;
  /** The outcome of the user's last action, in words. */
  notice: Signal<string | null>;
  /** Runs a store write, saying in `notice` why it failed (null then). */
  attempt: <T>(action: () => Promise<T>) => Promise<T | null>;
}

export function createPrivateEdits(
  agenda: ReadonlySignal<Agenda | null>,
  records: Pick<RecordsState, 'store' | 'agendaIds' | 'follows' | 'ticks' | 'seen' | 'reread'>,
  { scope, followed, notice, attempt }: EditsContext,
) {
  const { store, follows, ticks, seen } = records;
  return {
    /** Follows a reference, a person or a phrase; the reason in words when it cannot. */
    async follow(kind: FollowKind, raw: string): Promise<string | null> {
      const opened = store.value;
      const current = agenda.value;
      if (!opened || !current) return 'Your saved notes are not available, so nothing can be followed now.';
      try {
        const added = await opened.follows.add(current.id, kind, raw);
        if (!follows.value.some((f) => f.id === added.id)) follows.value = [...follows.value, added];
        return null;
      } catch (error) {
        return toStoreError(error, 'follow this').message;
      }
    },

    async unfollow(topic: Pick<Followed, 'ids'>): Promise<void> {
      const opened = store.value;
      if (!opened) return;
      for (const id of topic.ids) if ((await attempt(() => opened.follows.remove(id))) === null) return;
      follows.value = follows.value.filter((f) => !topic.ids.includes(f.id));
    },

    /** The followed topic `raw` is, if the user follows it. */
    followedAs(kind: FollowKind, raw: string): Followed | null {
      const canonical = canonicalFollow(kind, raw);
      if (!canonical.ok) return null;
      return followed.value.find((f) => f.kind === kind && f.value === canonical.value) ?? null;
    },

    async setDone(action: ActionItem, isDone: boolean): Promise<void> {
      const opened = store.value;
      const current = agenda.value;
      // An action item of another year is found in the history shown; its tick is kept with this agenda's.
      const shown = scope.value;
      const target = shown ? targetFor(shown, action.itemKey) : null;
      if (!opened || !current || target?.kind !== 'item') return;
      const tick = await attempt(() => opened.ticks.set(current.id, target, isDone));
      // On failure the same ticks again: the box the user clicked is drawn back as it is stored.
      ticks.value = tick ? [...ticks.value.filter((t) => t.id !== tick.id), tick] : [...ticks.value];
    },

    /** The user has seen these meetings (or, without keys, the whole agenda): their marks go. */
    async markSeen(meetingKeys?: readonly string[]): Promise<void> {
      const opened = store.value;
      const current = agenda.value;
      if (!opened || !current) return;
      const snapshot = await attempt(() => opened.seen.markSeen(current.id, current, meetingKeys));
      if (snapshot && agenda.value?.id === current.id) seen.value = { snapshot };
    },

    async exportJson(): Promise<string | null> {
      const opened = store.value;
      return opened ? attempt(() => opened.exportJson()) : null;
    },

    async exportMarkdown(): Promise<string | null> {
      const opened = store.value;
      const current = agenda.value;
      if (!opened || !current) return null;
      const ids = records.agendaIds.value;
      const titles = Object.fromEntries(ids.map((id) => [id, current.title || id]));
      const parts = await attempt(() => Promise.all(ids.map((id) => opened.notesMarkdown(id, { titles }))));
      return parts ? parts.filter((part) => part.trim()).join('\n') : null;
    },

    /** Merges an export file in; says what came in, or why the file was refused (nothing changes then). */
    async importJson(text: string): Promise<void> {
      const opened = store.value;
      if (!opened) return;
      try {
        notice.value = describeImport(await opened.importJson(text));
        await records.reread(['notes', 'follows', 'ticks']);
      } catch (error) {
        notice.value = toStoreError(error, 'import this file').message;
      }
    },
  };
}
