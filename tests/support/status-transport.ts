// A scripted line to the background for the page and panel status stores, and report builders.
import type { GitHubNews } from '../../lib/messaging/github-connection';
import type { RateLimitReport } from '../../lib/github/client';
import { isBackgroundRequest } from '../../lib/messaging/calls';
import type { GitHubLookupAnswer, GitHubLookupRequest } from '../../lib/messaging/github-lookup';
import type { RefFailure, RefKind, RefReport, RefState } from '../../lib/github/status';
import type { StatusTransport } from '../../lib/ref-status/ref-statuses';

export const NOW = Date.parse('2024-06-01T12:00:00Z');

export function status(ref: string, kind: RefKind, state: RefState, extra: Partial<RefReport> = {}): RefReport {
  return {
    ref,
    status: {
      ref,
      kind,
      state,
      title: `Title of ${ref}`,
      updatedAt: '2024-05-01T12:00:00Z',
      url: `https://github.com/${ref.replace('#', kind === 'pr' ? '/pull/' : '/issues/')}`,
      fetchedAt: NOW,
    },
    failure: null,
    pending: false,
    stale: false,
    ...extra,
  };
}

export function failed(ref: string, error: RefFailure['error'], extra: Partial<RefFailure> = {}): RefReport {
  return {
    ref,
    status: null,
    failure: { ref, error, message: `words for ${error}`, fetchedAt: NOW, ...extra },
    pending: false,
    stale: false,
  };
}

export function pending(ref: string): RefReport {
  return { ref, status: null, failure: null, pending: true, stale: false };
}

export function unknown(ref: string): RefReport {
  return { ref, status: null, failure: null, pending: false, stale: false };
}

export const ANONYMOUS: RateLimitReport = { authenticated: false, limit: null, blockedUntil: null, message: null };

/** Answers look-ups from a table (unknown references: `unknown`), records them, and can broadcast. */
export class ScriptedTransport implements StatusTransport {
  requests: GitHubLookupRequest[] = [];
  table = new Map<string, RefReport>();
  rateLimit: RateLimitReport = ANONYMOUS;
  fail: Error | null = null;
  private listeners = new Set<(news: GitHubNews) => void>();

  async lookup(request: GitHubLookupRequest): Promise<GitHubLookupAnswer> {
    this.requests.push(structuredClone(request));
    if (this.fail) throw this.fail;
    // As the real background: a message it does not take gets no answer.
    if (!isBackgroundRequest(request, 'github/lookup')) throw new Error('The extension’s background did not answer.');
    return { reports: request.refs.map((ref) => this.table.get(ref) ?? unknown(ref)), rateLimit: this.rateLimit };
  }

  listen(listener: (news: GitHubNews) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  listening(): number {
    return this.listeners.size;
  }

  send(news: GitHubNews): void {
    for (const listener of this.listeners) listener(news);
  }

  /** The references asked, message by message. */
  asked(): string[][] {
    return this.requests.map((request) => request.refs);
  }
}

/** A clock and timers the test moves by hand. */
export class ManualTimers {
  now = NOW;
  private next = 1;
  private timers = new Map<number, { at: number; run: () => void }>();

  set = (run: () => void, ms: number): number => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, run });
    return id;
  };

  clear = (id: unknown): void => {
    this.timers.delete(id as number);
  };

  clock = (): number => this.now;

  pendingCount(): number {
    return this.timers.size;
  }

  /** Moves the clock, running every timer due, in order; lets promises settle between them. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      await settle();
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].run();
    }
    this.now = until;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
