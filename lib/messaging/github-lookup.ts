// The messages that carry GitHub statuses between the background (which owns the client) and the panel
// or content script (which only ask and listen). Plain JSON; nothing here ever holds the token.
import type { RateLimitReport } from '../github/client';
import type { RefReport } from '../github/status';

/** Panel or content script → background (`github/lookup` in calls.ts); answered with `GitHubLookupAnswer`. */
export interface GitHubLookupRequest {
  type: 'github/lookup';
  refs: string[];
  /** On screen now, most important first (see `LookupOptions.visibleFirst`). */
  visibleFirst?: string[];
  /** The refresh button: re-check even what is fresh. */
  force?: boolean;
}

export interface GitHubLookupAnswer {
  reports: RefReport[];
  rateLimit: RateLimitReport;
}

/** Background → every extension page (and, through `tabs.sendMessage`, the agenda tabs) as answers arrive. */
export type GitHubBroadcast =
  | { type: 'github/reports'; reports: RefReport[] }
  | { type: 'github/rate-limit'; rateLimit: RateLimitReport };

/** The most references one look-up message may carry: the background ignores a longer one. Ask in parts. */
export const MAX_LOOKUP_REFS = 10_000;
