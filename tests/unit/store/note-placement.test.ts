import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { placeNotes } from '../../../lib/store/note-placement';
import type { NoteRecord } from '../../../lib/store/records';
import { agenda, keyOf, linked, meeting, sigAuth, type MeetingSpec } from '../../support/agenda-builder';
import { openTestStore, target, type TestStore } from './helpers';

const CSR = '[klizhentas] Discuss CSR API promotion out of beta https://github.com/kubernetes/kubernetes/issues/69836';
const LABELS = linked('[liggitt] node self-labeling resolution', 'https://github.com/kubernetes/community/pull/911');
const TOKENS = '[mikedanese] moving service account token secret mounts to projected volumes';

function oct31(discussion: NonNullable<MeetingSpec['sections']['discussion']>): MeetingSpec[] {
  return sigAuth().map((m) => (m.date === '2018-10-31' ? { ...m, sections: { ...m.sections, discussion } } : m));
}

let opened: TestStore | null = null;
afterEach(() => opened?.store.close());

/** Notes on three items and one meeting of the original agenda. */
async function notesOn(original: Agenda): Promise<{ test: TestStore; notes: NoteRecord[] }> {
  const test = await openTestStore();
  opened = test;
  const on = [
    ['csr', keyOf(original, '2018-10-31', 'klizhentas')],
    ['labels', keyOf(original, '2018-10-31', 'liggitt')],
    ['tokens', keyOf(original, '2018-10-31', 'mikedanese')],
    ['meeting', '2018-10-31'],
  ] as const;
  for (const [id, key] of on) {
    await test.store.notes.save({
      id,
      agendaId: original.id,
      target: target(original, key),
      body: `note on ${id}`,
      baseRevision: 0,
    });
  }
  return { test, notes: await test.store.notes.list(original.id) };
}

function where(placement: ReturnType<typeof placeNotes>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, placed] of placement.byKey) for (const { note } of placed) out[note.id] = key;
  return out;
}

describe('notes stay on their content', () => {
  const original = agenda(sigAuth());

  it('sits every note on its key in the agenda it was written on', async () => {
    const { notes } = await notesOn(original);
    const placement = placeNotes(original, notes);
    expect(where(placement)).toEqual({
      csr: keyOf(original, '2018-10-31', 'klizhentas'),
      labels: keyOf(original, '2018-10-31', 'liggitt'),
      tokens: keyOf(original, '2018-10-31', 'mikedanese'),
      meeting: '2018-10-31',
    });
    expect(placement.detached).toEqual([]);
    expect([...placement.byKey.values()].flat().every((p) => !p.located.moved && p.located.score === 1)).toBe(true);
  });

  it('after meetings are added above, items reordered and one edited a little', async () => {
    const { notes } = await notesOn(original);
    const changed = agenda([
      meeting('2018-12-12', { discussion: ['Canceled in lieu of kubecon seattle SIG events'] }),
      meeting('2018-11-14', { other: ['Canceled due to kubecon china and code freeze'] }),
      ...oct31([TOKENS.replace('moving', 'Moving').replace('volumes', 'volumes (follow-up next week)'), LABELS, CSR]),
    ]);
    const placement = placeNotes(changed, notes);
    expect(where(placement)).toEqual({
      csr: keyOf(changed, '2018-10-31', 'klizhentas'),
      labels: keyOf(changed, '2018-10-31', 'liggitt'),
      tokens: keyOf(changed, '2018-10-31', 'mikedanese'),
      meeting: '2018-10-31',
    });
    const tokens = placement.byKey.get(keyOf(changed, '2018-10-31', 'mikedanese'))?.[0];
    expect(tokens?.located.moved).toBe(true);
    expect(tokens?.located.score).toBeLessThan(1);
    expect(placement.detached).toEqual([]);
  });

  it('detaches — never drops — notes whose item or meeting was deleted, with the text they were on', async () => {
    const { notes } = await notesOn(original);
    const withoutLabels = agenda(oct31([CSR, TOKENS]));
    const placement = placeNotes(withoutLabels, notes);
    expect(placement.detached.map((d) => [d.note.id, d.quote])).toEqual([
      ['labels', '[liggitt] node self-labeling resolution'],
    ]);
    expect(Object.keys(where(placement)).sort()).toEqual(['csr', 'meeting', 'tokens']);

    const withoutMeeting = agenda(sigAuth().filter((m) => m.date !== '2018-10-31'));
    const gone = placeNotes(withoutMeeting, notes);
    expect(gone.detached.map((d) => d.note.id).sort()).toEqual(['csr', 'labels', 'meeting', 'tokens']);
    expect(gone.detached.find((d) => d.note.id === 'meeting')?.quote).toBe('2018-10-31, 11a - Noon (Pacific Time)');
  });

  it('lets the user re-attach a detached note to another item, or delete it', async () => {
    const { test, notes } = await notesOn(original);
    const withoutLabels = agenda(oct31([CSR, TOKENS, 'NodeRestriction limits self-labeling under kubernetes.io']));
    const detached = placeNotes(withoutLabels, notes).detached.map((d) => d.note);
    expect(detached.map((n) => n.id)).toEqual(['labels']);

    const newKey = keyOf(withoutLabels, '2018-10-31', 'NodeRestriction');
    await test.store.notes.attach('labels', target(withoutLabels, newKey));
    const after = placeNotes(withoutLabels, await test.store.notes.list(original.id));
    expect(after.detached).toEqual([]);
    expect(after.byKey.get(newKey)?.map((p) => p.note.body)).toEqual(['note on labels']);

    const withoutTokens = agenda(oct31([CSR, 'NodeRestriction limits self-labeling under kubernetes.io']));
    const detachedAgain = placeNotes(withoutTokens, await test.store.notes.list(original.id)).detached;
    expect(detachedAgain.map((d) => d.note.id)).toEqual(['tokens']);
    await test.store.notes.remove('tokens');
    const final = placeNotes(withoutTokens, await test.store.notes.list(original.id));
    expect(final.detached).toEqual([]);
    expect(Object.keys(where(final)).sort()).toEqual(['csr', 'labels', 'meeting']);
  });
});
