// A long agenda crosses to the panel in parts: the ranges, the page's answers, the panel's read (first part at
// once, then the rest, restarting when the page changes under it) and what the panel's state shows meanwhile.
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { changeMessage } from '../../../lib/messaging/agenda-changes';
import {
  FIRST_PART_MEETINGS,
  MAX_PART_MEETINGS,
  openingOf,
  partOf,
  partRanges,
  withPart,
} from '../../../lib/messaging/agenda-parts';
import type { AgendaChanged, AgendaSnapshot } from '../../../lib/messaging/protocol';
import { readAgenda, type LoadProgress } from '../../../lib/panel/agenda-loading';
import type { PageLink } from '../../../lib/panel/page-link';
import { createPanelState } from '../../../lib/panel/state';
import { agendaOn, weeklyDates } from '../../support/agenda-builder';

function agendaOf(count: number, id = 'doc'): Agenda {
  return agendaOn(weeklyDates(count), { id });
}

const snapshotOf = (agenda: Agenda): AgendaSnapshot => ({ status: 'agenda', agenda });
const keys = (snapshot: AgendaSnapshot | null | undefined): string[] =>
  snapshot?.agenda?.meetings.map((m) => m.key) ?? [];

/** One tab whose content script answers from `snapshot` at `version`; `onPart` may change the page mid-read. */
class PartsLink implements PageLink {
  asked: string[] = [];
  changed: ((tabId: number, change: AgendaChanged) => void)[] = [];
  onPart: (part: number) => void = () => undefined;
  constructor(
    public snapshot: AgendaSnapshot,
    public version = 1,
  ) {}
  initialTab = async () => 1;
  request = (async (_tabId: number, request: { type: string; version?: number; part?: number }) => {
    this.asked.push(request.type === 'agenda/part' ? `part ${request.part}` : request.type);
    if (request.type === 'agenda/open') return openingOf(this.snapshot, this.version);
    if (request.type === 'agenda/part') {
      this.onPart(request.part ?? 0);
      return partOf(this.snapshot, this.version, request.version ?? 0, request.part ?? 0);
    }
    if (request.type === 'agenda/get') return this.snapshot;
    return { ok: true };
  }) as PageLink['request'];
  onAgendaChanged(listener: (tabId: number, change: AgendaChanged) => void) {
    this.changed.push(listener);
  }
  onVisibleMeeting() {}
  onTabChanged() {}
}

describe('agenda parts', () => {
  it('sends a short agenda in one part, a long one in parts that double up to a cap', () => {
    expect(partRanges(0)).toEqual([{ start: 0, end: 0 }]);
    expect(partRanges(26)).toEqual([{ start: 0, end: 26 }]);
    expect(partRanges(FIRST_PART_MEETINGS)).toHaveLength(1);
    expect(partRanges(200, 40, 1000)).toEqual([
      { start: 0, end: 40 },
      { start: 40, end: 120 },
      { start: 120, end: 200 },
    ]);
    const big = partRanges(5000);
    expect(big[0]).toEqual({ start: 0, end: FIRST_PART_MEETINGS });
    expect(big.at(-1)?.end).toBe(5000);
    for (let i = 1; i < big.length; i++) {
      expect(big[i]!.start).toBe(big[i - 1]!.end);
      expect(big[i]!.end - big[i]!.start).toBeLessThanOrEqual(MAX_PART_MEETINGS);
    }
  });

  it('answers the first part with the count of meetings and parts, then each part of that version', () => {
    const whole = snapshotOf(agendaOf(300));
    const opening = openingOf(whole, 4);
    expect(opening.parts).toBe(partRanges(300).length);
    expect(opening.meetings).toBe(300);
    expect(opening.version).toBe(4);
    expect(keys(opening.snapshot)).toEqual(keys(whole).slice(0, FIRST_PART_MEETINGS));
    let joined = opening.snapshot;
    for (let part = 1; part < opening.parts; part++) {
      const answer = partOf(whole, 4, 4, part);
      if (answer.stale) throw new Error('stale');
      joined = withPart(joined, answer.meetings);
    }
    expect(joined).toEqual(whole);
    expect(partOf(whole, 5, 4, 1)).toEqual({ stale: true });
    expect(partOf(whole, 4, 4, 99)).toEqual({ stale: true });
  });

  it('answers a page that is no agenda, or a short one, whole', () => {
    const none: AgendaSnapshot = { status: 'not-agenda', reason: 'No date headings found.', agenda: null };
    expect(openingOf(none, 1)).toEqual({ snapshot: none, version: 1, parts: 1, meetings: 0 });
    const short = snapshotOf(agendaOf(26));
    expect(openingOf(short, 1).snapshot).toBe(short);
  });
});

describe('reading an agenda in parts', () => {
  it('shows the first part at once, then the agenda after each part, with how far it has got', async () => {
    const whole = snapshotOf(agendaOf(280));
    const link = new PartsLink(whole);
    const shown: { count: number; progress: LoadProgress | null }[] = [];
    await readAgenda(
      link,
      1,
      { wanted: () => true, show: (s, progress) => shown.push({ count: keys(s).length, progress }) },
      true,
    );
    expect(shown).toEqual([
      { count: 40, progress: { loaded: 40, total: 280 } },
      { count: 120, progress: { loaded: 120, total: 280 } },
      { count: 280, progress: null },
    ]);
    expect(link.asked).toEqual(['agenda/open', 'part 1', 'part 2']);
  });

  it('shows a re-read only once it is whole', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(300)));
    const shown: number[] = [];
    await readAgenda(link, 1, { wanted: () => true, show: (s) => shown.push(keys(s).length) }, false);
    expect(shown).toEqual([300]);
  });

  it('asks for the further parts only once the first part is painted', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(280)));
    let paint: () => void = () => undefined;
    const shown: number[] = [];
    const read = readAgenda(
      link,
      1,
      {
        wanted: () => true,
        show: (s) => shown.push(keys(s).length),
        painted: () => new Promise<void>((resolve) => (paint = resolve)),
      },
      true,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual([40]);
    expect(link.asked).toEqual(['agenda/open']);
    paint();
    await read;
    expect(shown).toEqual([40, 120, 280]);
    expect(link.asked).toEqual(['agenda/open', 'part 1', 'part 2']);

    // A read the panel left while the first part was being painted asks for nothing more.
    const left = new PartsLink(snapshotOf(agendaOf(280)));
    let wanted = true;
    const leaving = readAgenda(
      left,
      1,
      {
        wanted: () => wanted,
        show: () => undefined,
        painted: async () => {
          wanted = false;
        },
      },
      true,
    );
    await leaving;
    expect(left.asked).toEqual(['agenda/open']);
  });

  it('starts again when the page changes under the read, and takes it whole when it keeps changing', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(280)));
    link.onPart = (part) => {
      if (part !== 2 || link.version > 1) return;
      link.snapshot = snapshotOf(agendaOf(281));
      link.version = 2;
    };
    let last: AgendaSnapshot | null = null;
    await readAgenda(link, 1, { wanted: () => true, show: (s) => (last = s) }, false);
    expect(keys(last)).toHaveLength(281);
    expect(link.asked).toEqual(['agenda/open', 'part 1', 'part 2', 'agenda/open', 'part 1', 'part 2', 'part 3']);

    const restless = new PartsLink(snapshotOf(agendaOf(300)));
    restless.onPart = () => {
      restless.version++;
    };
    await readAgenda(restless, 1, { wanted: () => true, show: (s) => (last = s) }, true);
    expect(restless.asked.at(-1)).toBe('agenda/get');
    expect(keys(last)).toHaveLength(300);
  });

  it('stops when it is no longer wanted', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(300)));
    let wanted = true;
    const shown: number[] = [];
    link.onPart = () => (wanted = false);
    await readAgenda(link, 1, { wanted: () => wanted, show: (s) => shown.push(keys(s).length) }, true);
    expect(shown).toEqual([40]);
  });
});

describe('the panel while a long agenda arrives', () => {
  it('shows the newest meetings first, says how many are loaded, and has them all in the end', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(300)));
    const state = createPanelState(link);
    const seen: (LoadProgress | null)[] = [];
    link.onPart = () => {
      seen.push(state.progress.value);
      expect(state.view.value.kind).toBe('agenda');
    };
    await state.start();
    expect(seen[0]).toEqual({ loaded: 40, total: 300 });
    expect(state.progress.value).toBeNull();
    expect(state.summary.value.meetings).toBe(300);
  });

  it('patches a long agenda with the meetings that changed, asking the page for nothing', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(300)));
    const state = createPanelState(link);
    await state.start();
    const before = state.agenda.value!;
    const next = structuredClone(before);
    next.meetings[3] = { ...next.meetings[3]!, title: 'Edited', itemCount: 2 };
    const message = changeMessage(
      { snapshot: snapshotOf(next), version: 2 },
      { snapshot: snapshotOf(before), version: 1 },
    );
    expect(message.patch?.changed).toHaveLength(1);
    const asked = link.asked.length;
    link.changed.forEach((listener) => listener(1, message));
    expect(state.agenda.value).toEqual(next);
    expect(state.agenda.value?.meetings[4]).toBe(before.meetings[4]);
    expect(link.asked).toHaveLength(asked);
  });

  it('reads a long agenda again when the patch is not for the version it shows', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(300)));
    const state = createPanelState(link);
    await state.start();
    const before = state.agenda.value!;
    const next = structuredClone(before);
    next.meetings[3] = { ...next.meetings[3]!, title: 'Edited' };
    link.snapshot = snapshotOf(next);
    link.version = 3;
    // A version was missed: the patch is from 2, the panel shows 1.
    const message = changeMessage(
      { snapshot: snapshotOf(next), version: 3 },
      { snapshot: snapshotOf(before), version: 2 },
    );
    const asked = link.asked.length;
    link.changed.forEach((listener) => listener(1, message));
    expect(state.agenda.value).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(link.asked.slice(asked)[0]).toBe('agenda/open');
    expect(state.agenda.value).toEqual(next);
  });

  it('keeps the agenda it shows while a long one is read again after an edit', async () => {
    const link = new PartsLink(snapshotOf(agendaOf(300)));
    const state = createPanelState(link);
    await state.start();
    link.snapshot = snapshotOf(agendaOf(310));
    link.version = 2;
    const during: number[] = [];
    link.onPart = () => during.push(state.agenda.value?.meetings.length ?? 0);
    link.changed.forEach((listener) => listener(1, { type: 'agenda/changed', version: 2, snapshot: null }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(during.every((count) => count === 300)).toBe(true);
    expect(state.agenda.value?.meetings).toHaveLength(310);
    expect(state.progress.value).toBeNull();
  });
});
