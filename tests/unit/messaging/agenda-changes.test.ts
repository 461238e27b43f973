// The news of an edit: a short agenda whole, a long one as the meetings that changed since the version before,
// and the panel's side of it, patching the agenda it shows into exactly the page's new one.
import { describe, expect, it } from 'vitest';
import type { Agenda, Meeting } from '../../../lib/agenda/model';
import { applyPatch, changeMessage, MAX_PATCH_MEETINGS, patchBetween } from '../../../lib/messaging/agenda-changes';
import type { AgendaSnapshot } from '../../../lib/messaging/protocol';
import { agendaOn, weeklyDates } from '../../support/agenda-builder';

/** The meeting on `date` with the discussion items `items`, as the shared builder makes it. */
function meeting(date: string, items: string[] = ['Welcome']): Meeting {
  return agendaOn([date], { items }).meetings[0]!;
}

/** `count` weekly meetings, newest first. */
function agendaOf(count: number, id = 'doc'): Agenda {
  return agendaOn(weeklyDates(count), { id });
}

const snapshotOf = (agenda: Agenda): AgendaSnapshot => ({ status: 'agenda', agenda });
/** A deep copy: what the page's next parse gives for an unchanged page (equal values, new objects). */
const reparsed = <T>(value: T): T => structuredClone(value);

describe('the news of a change', () => {
  it('carries a short agenda whole', () => {
    const short = snapshotOf(agendaOf(26));
    expect(changeMessage({ snapshot: short, version: 3 }, null)).toEqual({
      type: 'agenda/changed',
      version: 3,
      snapshot: short,
    });
  });

  it('carries only the changed meetings of a long one, and the order of all of them', () => {
    const before = agendaOf(300);
    const next = reparsed(before);
    next.meetings[5] = meeting(next.meetings[5]!.date, ['Welcome', 'A new topic']);
    const message = changeMessage(
      { snapshot: snapshotOf(next), version: 8 },
      { snapshot: snapshotOf(before), version: 7 },
    );
    expect(message.snapshot).toBeNull();
    expect(message.version).toBe(8);
    expect(message.patch?.from).toBe(7);
    expect(message.patch?.changed.map((m) => m.key)).toEqual([next.meetings[5]!.key]);
    expect(message.patch?.order).toEqual(next.meetings.map((m) => m.key));
    const { meetings: _all, ...fields } = next;
    expect(message.patch?.agenda).toEqual(fields);
    expect(message.patch?.agenda).not.toHaveProperty('meetings');
  });

  it('counts a new meeting and a changed title of the document', () => {
    const before = agendaOf(300);
    const next = reparsed(before);
    next.title = 'Doc (renamed)';
    next.meetings.unshift(meeting('2020-01-08'));
    const patch = patchBetween(snapshotOf(before), snapshotOf(next), 1);
    expect(patch?.changed.map((m) => m.key)).toEqual(['2020-01-08']);
    expect(patch?.agenda.title).toBe('Doc (renamed)');
  });

  it('says nothing but the version when too much changed, or when there is nothing to patch', () => {
    const before = agendaOf(300);
    const many = reparsed(before);
    for (let i = 0; i <= MAX_PATCH_MEETINGS; i++) many.meetings[i] = meeting(many.meetings[i]!.date, ['Changed']);
    const bare = { type: 'agenda/changed', version: 2, snapshot: null };
    expect(
      changeMessage({ snapshot: snapshotOf(many), version: 2 }, { snapshot: snapshotOf(before), version: 1 }),
    ).toEqual(bare);
    expect(changeMessage({ snapshot: snapshotOf(reparsed(before)), version: 2 }, null)).toEqual(bare);
    const otherDoc = snapshotOf(agendaOf(300, 'other'));
    expect(changeMessage({ snapshot: otherDoc, version: 2 }, { snapshot: snapshotOf(before), version: 1 })).toEqual(
      bare,
    );
    const notAgenda: AgendaSnapshot = { status: 'not-agenda', reason: 'No date headings found.', agenda: null };
    expect(patchBetween(notAgenda, snapshotOf(before), 1)).toBeNull();
    const live = { ...snapshotOf(reparsed(before)), live: { readAt: 2 } } as unknown as AgendaSnapshot;
    expect(patchBetween(snapshotOf(before), live, 1)).toBeNull();
  });
});

describe('patching the agenda shown', () => {
  it('gives exactly the new agenda, keeping the meetings that did not change', () => {
    const before = snapshotOf(agendaOf(300));
    const next = reparsed(before.agenda!);
    next.meetings[10] = meeting(next.meetings[10]!.date, ['Changed']);
    next.meetings.splice(20, 1);
    next.meetings.unshift(meeting('2020-01-08'));
    const patch = patchBetween(before, snapshotOf(next), 1);
    if (!patch) throw new Error('no patch');
    const patched = applyPatch(before, patch);
    expect(patched).toEqual(snapshotOf(next));
    expect(patched?.agenda?.meetings[1]).toBe(before.agenda!.meetings[0]);
    expect(patched?.agenda?.meetings[11]).not.toBe(before.agenda!.meetings[10]);
  });

  it('refuses an agenda the patch was not made from', () => {
    const before = snapshotOf(agendaOf(300));
    const next = reparsed(before.agenda!);
    next.meetings[0] = meeting(next.meetings[0]!.date, ['Changed']);
    const patch = patchBetween(before, snapshotOf(next), 1)!;
    expect(applyPatch(snapshotOf(agendaOf(100)), patch)).toBeNull();
    expect(applyPatch(snapshotOf(agendaOf(300, 'other')), patch)).toBeNull();
  });
});
