// A side panel for component tests: a real panel state whose tab answers with a given agenda, with notes,
// follows and ticks in a fresh fake-indexeddb store, and the jumps it asked the page for recorded.
import 'fake-indexeddb/auto';
import type { Agenda } from '../../lib/agenda/model';
import { openingOf } from '../../lib/messaging/agenda-parts';
import type { AgendaChanged, AgendaSnapshot } from '../../lib/messaging/protocol';
import type { PageLink } from '../../lib/panel/page-link';
import type { PrivateOptions } from '../../lib/panel/private-state';
import { createPanelState, type PanelOptions, type PanelState } from '../../lib/panel/state';
import { openStore, type AgendaStore } from '../../lib/store';

export interface Harness {
  state: PanelState;
  /** Keys the panel asked the page to jump to, in order. */
  jumps: string[];
  /** The page was edited: the panel is told its new agenda, as the content script tells it. */
  edit(next: Agenda): void;
  /** The database name, to open the same store again as another panel would. */
  db: { name: string; channelName: string };
  dispose(): void;
}

let counter = 0;

/** A database and channel no other test uses. */
export function freshStoreNames(): { name: string; channelName: string } {
  counter++;
  const tag = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return { name: `panel-${tag}`, channelName: `panel-channel-${tag}` };
}

/**
 * A started panel over `agenda` (tab 1). `privateStore: false` leaves the private layer out; otherwise it saves
 * into its own database (or `db`), with a short autosave pause unless `privateOptions` says otherwise.
 */
export async function startPanel(
  agenda: Agenda,
  options: {
    privateStore?: boolean;
    privateOptions?: Partial<PrivateOptions>;
    panel?: PanelOptions;
    /** Another panel's database (`Harness.db`): the same notes, follows and ticks. */
    db?: { name: string; channelName: string };
  } = {},
): Promise<Harness> {
  const jumps: string[] = [];
  const stores: AgendaStore[] = [];
  const db = options.db ?? freshStoreNames();
  let version = 1;
  let snapshot: AgendaSnapshot = { status: 'agenda', agenda };
  const changed: ((tabId: number, change: AgendaChanged) => void)[] = [];
  const link: PageLink = {
    initialTab: async () => 1,
    request: (async (_tabId: number, request: { type: string; key?: string }) => {
      if (request.type === 'agenda/open') return openingOf(snapshot, version);
      if (request.type === 'agenda/jump') {
        jumps.push(request.key ?? '');
        return { ok: true };
      }
      if (request.type === 'agenda/marks') return { ok: true };
      return snapshot;
    }) as PageLink['request'],
    onAgendaChanged: (listener) => void changed.push(listener),
    onVisibleMeeting() {},
    onTabChanged() {},
  };
  const privateOptions: PrivateOptions | undefined =
    options.privateStore === false
      ? undefined
      : {
          open: async () => {
            const store = await openStore(db);
            stores.push(store);
            return store;
          },
          autosaveDelayMs: 30,
          reloadDelayMs: 5,
          persist: async () => 'persisted',
          ...options.privateOptions,
        };
  const state = createPanelState(link, {
    today: () => '2018-12-01',
    ...options.panel,
    ...(privateOptions ? { private: privateOptions } : {}),
  });
  await state.start();
  return {
    state,
    jumps,
    db,
    edit(next) {
      version++;
      snapshot = { status: 'agenda', agenda: next };
      for (const listener of changed) listener(1, { type: 'agenda/changed', version, snapshot });
    },
    dispose() {
      state.dispose();
      for (const store of stores.splice(0)) store.close();
    },
  };
}
