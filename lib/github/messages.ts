// The messages that carry GitHub statuses between the background (which owns the client) and the panel
// or content script (which only ask and listen). Plain JSON; nothing here ever holds the token.
import type { RateLimitReport } from './client';
import type { RefReport } from './status';

/** Panel or content script → background, through `runtime.sendMessage`; answered with `GitHubLookupAnswer`. */
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

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A well-formed look-up request; anything else (from a page, say) is ignored. */
export function isGitHubLookupRequest(message: unknown): message is GitHubLookupRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === 'github/lookup' &&
    isStringArray(m.refs) &&
    m.refs.length <= MAX_LOOKUP_REFS &&
    (m.visibleFirst === undefined || isStringArray(m.visibleFirst)) &&
    (m.force === undefined || typeof m.force === 'boolean')
  );
}

export function isGitHubBroadcast(message: unknown): message is GitHubBroadcast {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'github/reports' || type === 'github/rate-limit';
}
