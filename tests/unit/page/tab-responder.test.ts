import { describe, expect, it } from 'vitest';
import type { AgendaSnapshot, PageMarks } from '../../../lib/messaging/protocol';
import { answerTabRequest, tabHandlers, type AgendaReader } from '../../../lib/page/tab-responder';
import type { Meeting } from '../../../lib/agenda/model';
import { agendaOn, weeklyDates } from '../../support/agenda-builder';

function snapshotWith(count: number): AgendaSnapshot {
  return { status: 'agenda', agenda: agendaOn(weeklyDates(count)) };
}

/** A reader over a fixed snapshot that records what the panel asked of it. */
function fakeReader(snapshot: AgendaSnapshot) {
  const seen = { refreshed: 0, marks: [] as PageMarks[], jumps: [] as string[] };
  const reader: AgendaReader = {
    snapshot: () => snapshot,
    version: () => 3,
    jump(key) {
      seen.jumps.push(key);
      if (key === 'gone') return Promise.reject(new Error('The editor did not answer.'));
      return { ok: true };
    },
    showMarks: (marks) => void seen.marks.push(marks),
    refresh: () => void seen.refreshed++,
  };
  return { reader, seen };
}

describe('one responder for every kind of page', () => {
  it('answers each request of the panel from the reader', async () => {
    const snapshot = snapshotWith(300);
    const { reader, seen } = fakeReader(snapshot);
    const handlers = tabHandlers(reader);

    expect(await answerTabRequest(handlers, { type: 'agenda/get' })).toBe(snapshot);
    const opening = (await answerTabRequest(handlers, { type: 'agenda/open' })) as {
      version: number;
      parts: number;
      meetings: number;
    };
    expect(opening).toMatchObject({ version: 3, meetings: 300 });
    expect(opening.parts).toBeGreaterThan(1);
    const part = (await answerTabRequest(handlers, { type: 'agenda/part', version: 3, part: 1 })) as {
      stale: boolean;
      meetings: Meeting[];
    };
    expect(part.stale).toBe(false);
    expect(part.meetings[0]?.key).toBe(snapshot.agenda?.meetings[40]?.key);
    expect(await answerTabRequest(handlers, { type: 'agenda/part', version: 2, part: 1 })).toEqual({ stale: true });

    expect(await answerTabRequest(handlers, { type: 'agenda/jump', key: '2018-01-01' })).toEqual({ ok: true });
    const marks = { agendaId: 'doc', notes: ['2018-01-01'], follows: [] };
    expect(await answerTabRequest(handlers, { type: 'agenda/marks', marks })).toEqual({ ok: true });
    expect(await answerTabRequest(handlers, { type: 'docs/refresh' })).toBe(snapshot);
    expect(seen).toEqual({ refreshed: 1, marks: [marks], jumps: ['2018-01-01'] });
  });

  it('turns a failed jump into a reason the panel can show', async () => {
    const { reader } = fakeReader(snapshotWith(3));
    expect(await answerTabRequest(tabHandlers(reader), { type: 'agenda/jump', key: 'gone' })).toEqual({
      ok: false,
      reason: 'The editor did not answer.',
    });
  });
});
