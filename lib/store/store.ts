// The private data layer in one object: open it once per window (side panel, options page) and pass
// it to what needs it. Every method is async, goes through IndexedDB, and rejects with a StoreError
// whose message can be shown as it is.
import type { StoreContext } from './context';
import { DB_NAME, openAgendaDb, type AgendaDb, type Upgrade } from './db';
import { StoreError, toStoreError } from './errors';
import type { ExportFile } from './export-format';
import { exportData, importData, type ImportSummary } from './export-import';
import { createFollowsApi, type FollowsApi } from './follows';
import { createNotesApi, type NotesApi } from './notes';
import { notesAsMarkdown, type MarkdownOptions } from './notes-markdown';
import { createSeenApi, type SeenApi } from './seen';
import { ChangeFeed, CHANNEL_NAME, type ChangeListener } from './sync';
import { createTicksApi, type TicksApi } from './ticks';

export interface StoreOptions {
  /** Database name; tests use their own. */
  name?: string;
  /** BroadcastChannel name; windows with the same one hear each other's changes. */
  channelName?: string;
  now?: () => number;
  /** Schema steps (tests only). */
  upgrades?: readonly Upgrade[];
}

export interface AgendaStore {
  notes: NotesApi;
  follows: FollowsApi;
  ticks: TicksApi;
  seen: SeenApi;
  /** Notes, follows and ticks of every agenda, as the versioned export file. */
  exportData(): Promise<ExportFile>;
  /** The same, as the text of a `.json` file. */
  exportJson(): Promise<string>;
  /** Merges an export file in; refuses it whole (StoreError 'import', reason in words) if it is not right. */
  importJson(text: string): Promise<ImportSummary>;
  /** Notes of one agenda (or all) as Markdown. */
  notesMarkdown(agendaId?: string, options?: MarkdownOptions): Promise<string>;
  /** Hears every committed change, this window's ('local') and other windows' ('remote'). */
  onChange(listener: ChangeListener): () => void;
  close(): void;
}

/** Opens (creating or upgrading) the database; rejects with a StoreError in words. */
export async function openStore(options: StoreOptions = {}): Promise<AgendaStore> {
  if (typeof indexedDB === 'undefined') {
    throw new StoreError(
      'unavailable',
      'Could not open your saved notes: this browser gives the extension no database (IndexedDB is missing or disabled).',
    );
  }
  const changes = new ChangeFeed(options.channelName ?? CHANNEL_NAME);
  let connection: Promise<AgendaDb> | null = null;
  let closedBecause: StoreError | null = null;

  const connect = (): Promise<AgendaDb> => {
    if (closedBecause) return Promise.reject(closedBecause);
    connection ??= openAgendaDb({
      name: options.name ?? DB_NAME,
      ...(options.upgrades ? { upgrades: options.upgrades } : {}),
      onVersionChange: () => {
        closedBecause = new StoreError(
          'closed',
          'A newer version of the extension is now using your saved notes. Close this panel and open it again to keep saving.',
        );
        connection = null;
      },
      // The browser dropped the connection (storage cleared, disk error): open a new one next time.
      onTerminated: () => {
        connection = null;
      },
    }).catch((error: unknown) => {
      connection = null;
      throw error;
    });
    return connection;
  };

  try {
    await connect();
  } catch (error) {
    changes.close();
    throw toStoreError(error, 'open your saved notes');
  }

  const ctx: StoreContext = {
    db: connect,
    now: options.now ?? Date.now,
    changes,
  };
  const notes = createNotesApi(ctx);

  return {
    notes,
    follows: createFollowsApi(ctx),
    ticks: createTicksApi(ctx),
    seen: createSeenApi(ctx),
    exportData: () => exportData(ctx),
    exportJson: async () => `${JSON.stringify(await exportData(ctx), null, 2)}\n`,
    importJson: (text) => importData(ctx, text),
    notesMarkdown: async (agendaId, markdownOptions) => {
      const file = await exportData(ctx);
      const chosen = agendaId === undefined ? file.notes : file.notes.filter((note) => note.agendaId === agendaId);
      return notesAsMarkdown(chosen, markdownOptions);
    },
    onChange: (listener) => changes.subscribe(listener),
    close: () => {
      closedBecause ??= new StoreError(
        'closed',
        'Could not reach your saved notes: this window closed its connection.',
      );
      const open = connection;
      connection = null;
      changes.close();
      void open?.then((db) => db.close()).catch(() => undefined);
    },
  };
}
