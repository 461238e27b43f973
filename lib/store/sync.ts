// Change notification between windows. After each committed write a store announces what changed on
// the `agenda-overlay-store` BroadcastChannel; every other store instance in the extension's origin
// (another side panel, the options page) hears it within milliseconds and re-reads what it shows.
// Local listeners hear their own instance's writes too, so a view can use one code path for both.
import type { StoreName } from './db';

export const CHANNEL_NAME = 'agenda-overlay-store';

export interface StoreChange {
  stores: StoreName[];
  /** Agendas whose data changed; a view showing another agenda can ignore the change. */
  agendaIds: string[];
  /** Ids of the records written or deleted (note ids, follow ids, tick ids, agenda ids for `seen`). */
  ids: string[];
  /** 'local' for this instance's own writes, 'remote' for another window's. */
  origin: 'local' | 'remote';
}

export type ChangeListener = (change: StoreChange) => void;

interface ChangeMessage {
  type: 'agenda-overlay/changed';
  sender: string;
  stores: StoreName[];
  agendaIds: string[];
  ids: string[];
}

const STORE_NAMES: readonly string[] = ['notes', 'follows', 'ticks', 'seen'];

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly channel: BroadcastChannel | null;
  private readonly sender = randomId();

  constructor(channelName: string = CHANNEL_NAME) {
    // Without BroadcastChannel (very old browsers) windows still work, they just do not hear each other.
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = asChangeMessage(event.data);
      if (!message || message.sender === this.sender) return;
      this.emit({ stores: message.stores, agendaIds: message.agendaIds, ids: message.ids, origin: 'remote' });
    });
  }

  /** Call after the transaction has committed, never before: listeners will re-read. */
  announce(change: Omit<StoreChange, 'origin'>): void {
    const message: ChangeMessage = { type: 'agenda-overlay/changed', sender: this.sender, ...change };
    this.channel?.postMessage(message);
    this.emit({ ...change, origin: 'local' });
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      // Keep listeners separate so that one that throws does not silence the others.
      try {
        listener(change);
      } catch (error) {
        console.error('agenda-overlay: a store change listener failed', error);
      }
    }
  }
}

function asChangeMessage(data: unknown): ChangeMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Partial<ChangeMessage>;
  if (message.type !== 'agenda-overlay/changed' || typeof message.sender !== 'string') return null;
  if (!isStringArray(message.stores) || !message.stores.every((s) => STORE_NAMES.includes(s))) return null;
  if (!isStringArray(message.agendaIds) || !isStringArray(message.ids)) return null;
  return message as ChangeMessage;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}
