// The panel's state against a scripted page link: loading, answers, failures, tab switches, live changes.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { openingOf, partOf } from '../../../lib/messaging/agenda-parts';
import type { AgendaChanged, AgendaOpening, AgendaSnapshot, JumpResult } from '../../../lib/messaging/protocol';
import type { PageLink } from '../../../lib/panel/page-link';
import { createPanelState } from '../../../lib/panel/state';
import { memoryHistoryDb } from '../../../lib/history/history-db';
import { openStore } from '../../../lib/store';
import { uniqueName } from '../store/helpers';
import { agendaOn } from '../../support/agenda-builder';

function agenda(dates: string[], canceled: string[] = []): Agenda {
  return agendaOn(dates, { canceled, items: ['Welcome', 'Action items'] });
}

/** A tab's content script as the panel sees it: the whole agenda, or in parts (see agenda-parts.ts). */
class ScriptedLink implements PageLink {
  pages = new Map<number, AgendaSnapshot>();
  /** Every request, in order. */
  asked: string[] = [];
  version = 1;
  jumps: string[] = [];
  jumpAnswer: JumpResult = { ok: true };
  private changed: ((tabId: number, change: AgendaChanged) => void)[] = [];
  private tabChanged: ((tabId: number) => void)[] = [];
  constructor(private readonly first: number | null) {}
  initialTab = async () => this.first;
  request = (async (tabId: number, request: { type: string; key?: string; version?: number; part?: number }) => {
    this.asked.push(request.type === 'agenda/part' ? `part ${request.part}` : request.type);
    if (request.type === 'agenda/jump') {
      this.jumps.push(request.key ?? '');
      return this.jumpAnswer;
    }
    const page = this.pages.get(tabId);
    if (!page) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (request.type === 'agenda/open') return openingOf(page, this.version);
    if (request.type === 'agenda/part') return partOf(page, this.version, request.version ?? 0, request.part ?? 0);
    return page;
  }) as PageLink['request'];
  onAgendaChanged(listener: (tabId: number, change: AgendaChanged) => void) {
    this.changed.push(listener);
  }
  onVisibleMeeting() {}
  onTabChanged(listener: (tabId: number) => void) {
    this.tabChanged.push(listener);
  }
  emitChange(tabId: number, snapshot: AgendaSnapshot | null) {
    this.changed.forEach((listener) => listener(tabId, { type: 'agenda/changed', version: this.version, snapshot }));
  }
  async switchTo(tabId: number) {
    this.tabChanged.forEach((listener) => listener(tabId));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('panel state', () => {
  it('is loading until the page answers, then shows the agenda with its summary', async () => {
    const link = new ScriptedLink(7);
    link.pages.set(7, { status: 'agenda', agenda: agenda(['2018-03-14', '2018-03-07'], ['2018-03-07']) });
    const state = createPanelState(link);
    expect(state.view.value.kind).toBe('loading');
    await state.start();
    expect(state.view.value.kind).toBe('agenda');
    expect(state.summary.value).toEqual({ meetings: 2, canceled: 1, items: 4 });
  });

  it('says why when the page is not an agenda', async () => {
    const link = new ScriptedLink(7);
    link.pages.set(7, { status: 'not-agenda', reason: 'No date headings found.', agenda: null });
    const state = createPanelState(link);
    await state.start();
    expect(state.view.value).toEqual({ kind: 'not-agenda', reason: 'No date headings found.' });
  });

  it('says the tab cannot be read when no content script answers', async () => {
    const state = createPanelState(new ScriptedLink(7));
    await state.start();
    expect(state.view.value.kind).toBe('unreachable');
  });

  it('has no tab to show when there is none', async () => {
    const state = createPanelState(new ScriptedLink(null));
    await state.start();
    expect(state.view.value.kind).toBe('no-tab');
  });

  it('follows a switch to another tab', async () => {
    const link = new ScriptedLink(1);
    link.pages.set(1, { status: 'agenda', agenda: agenda(['2018-01-10']) });
    link.pages.set(2, { status: 'agenda', agenda: agenda(['2019-05-01', '2019-04-24']) });
    const state = createPanelState(link);
    await state.start();
    await link.switchTo(2);
    expect(state.tabId.value).toBe(2);
    expect(state.agenda.value?.meetings.map((m) => m.key)).toEqual(['2019-05-01', '2019-04-24']);
  });

  it('takes live changes from its own tab only', async () => {
    const link = new ScriptedLink(1);
    link.pages.set(1, { status: 'agenda', agenda: agenda(['2018-01-10']) });
    const state = createPanelState(link);
    await state.start();
    link.emitChange(9, { status: 'agenda', agenda: agenda(['2020-01-01']) });
    expect(state.agenda.value?.meetings[0]?.key).toBe('2018-01-10');
    link.emitChange(1, { status: 'agenda', agenda: agenda(['2018-01-17', '2018-01-10']) });
    expect(state.agenda.value?.meetings.map((m) => m.key)).toEqual(['2018-01-17', '2018-01-10']);
  });

  it('stops asking for the group history once disposed', async () => {
    const link = new ScriptedLink(1);
    link.pages.set(1, { status: 'agenda', agenda: agenda(['2018-01-10']) });
    const asked: string[] = [];
    const state = createPanelState(link, {
      history: {
        deps: async () => ({
          ask: (request) => {
            asked.push(request.path);
            return new Promise(() => undefined);
          },
          db: memoryHistoryDb(),
          parse: () => agenda([]),
          now: Date.now,
        }),
        open: () => undefined,
      },
    });
    await state.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual([]);
    state.dispose();
    // A Google Doc may belong to a Kubernetes group: a live panel would now ask for the groups.
    const doc = { ...agenda(['2018-01-17']), url: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUv/edit' };
    link.emitChange(1, { status: 'agenda', agenda: doc });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([]);
  });

  it('asks the page to jump, and shows the page’s reason when it cannot', async () => {
    const link = new ScriptedLink(1);
    link.pages.set(1, { status: 'agenda', agenda: agenda(['2018-01-10']) });
    const state = createPanelState(link);
    await state.start();
    await state.jump('2018-01-10');
    expect(link.jumps).toEqual(['2018-01-10']);
    expect(state.notice.value).toBeNull();
    link.jumpAnswer = { ok: false, reason: 'That meeting is no longer on the page.' };
    await state.jump('2018-01-10');
    expect(state.notice.value).toBe('That meeting is no longer on the page.');
  });

  it('ignores a slow answer from a tab the panel has since left', async () => {
    const link = new ScriptedLink(1);
    let release: (opening: AgendaOpening) => void = () => undefined;
    const slow = new Promise<AgendaOpening>((resolve) => (release = resolve));
    link.pages.set(2, { status: 'agenda', agenda: agenda(['2019-05-01']) });
    const original = link.request;
    link.request = ((tabId: number, request: { type: 'agenda/open' }) =>
      tabId === 1 ? slow : original(tabId, request)) as PageLink['request'];
    const state = createPanelState(link);
    const started = state.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.tabId.value).toBe(1);
    await link.switchTo(2);
    release(openingOf({ status: 'agenda', agenda: agenda(['2018-01-10']) }, 1));
    await started;
    expect(state.tabId.value).toBe(2);
    expect(state.agenda.value?.meetings[0]?.key).toBe('2019-05-01');
  });

  it('keeps a tab switch that came while it was still asking which tab is active', async () => {
    const link = new ScriptedLink(1);
    link.pages.set(1, { status: 'agenda', agenda: agenda(['2018-01-10']) });
    link.pages.set(2, { status: 'agenda', agenda: agenda(['2019-05-01']) });
    const state = createPanelState(link);
    const started = state.start();
    await link.switchTo(2);
    await started;
    expect(state.tabId.value).toBe(2);
    expect(state.agenda.value?.meetings[0]?.key).toBe('2019-05-01');
  });
});

describe("what's new in the panel", () => {
  it('keeps a new meeting marked while the reader arrows past it, and clears it once opened and closed', async () => {
    const link = new ScriptedLink(7);
    link.pages.set(7, { status: 'agenda', agenda: agenda(['2018-03-07']) });
    const names = { name: uniqueName('db'), channelName: uniqueName('channel') };
    const state = createPanelState(link, {
      private: { open: () => openStore(names), persist: async () => 'persisted', reloadDelayMs: 5 },
    });
    await state.start();
    const mine = state.private!;
    // The first visit is the baseline: nothing is new.
    await vi.waitFor(() => expect(mine.novelty.value?.meetings.size).toBe(0));

    link.emitChange(7, { status: 'agenda', agenda: agenda(['2018-03-14', '2018-03-07']) });
    expect([...mine.novelty.value!.meetings]).toEqual([['2018-03-14', 'new']]);
    state.index.move(1);
    state.index.move(1);
    state.index.move(-1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mine.novelty.value?.meetings.has('2018-03-14')).toBe(true);

    state.index.toggle('2018-03-14', true);
    state.index.toggle('2018-03-14', false);
    await vi.waitFor(() => expect(mine.novelty.value?.meetings.size).toBe(0));
  });
});
