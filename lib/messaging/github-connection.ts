// The GitHub connection as the options page sees it, and the news that the settings changed. Plain JSON; no
// message ever holds the token. The requests and their answers are paired in calls.ts.
import type { RateLimitReport } from '../github/client';
import type { GitHubBroadcast } from './github-lookup';

/** Background → panel, options page and agenda tabs: the API base or token changed; what was shown may be wrong. */
export interface GitHubReset {
  type: 'github/reset';
}

/** Everything the background tells its listeners about GitHub. */
export type GitHubNews = GitHubBroadcast | GitHubReset;

export interface GitHubServiceState {
  /** The API base in use. */
  apiBase: string;
  /** Whether look-ups go with a token. */
  authenticated: boolean;
  /** The last rate limit GitHub reported for the quota in use; null before any answer. */
  rateLimit: RateLimitReport | null;
  /** The last failure that concerns every look-up (bad token, offline, server error), in words; null after a success. */
  problem: string | null;
  /** What is wrong with the saved settings, when they cannot be used as saved. */
  settingsProblem: string | null;
}

export type ConnectionCheckKind =
  | 'ok'
  | 'bad-token'
  | 'rate-limited'
  | 'forbidden'
  | 'offline'
  /** The host answers, but not to cross-origin requests: a host permission lets the extension through. */
  | 'cors'
  /** Something answered, but not as a GitHub API. */
  | 'not-github'
  | 'server-error'
  | 'settings';

export interface ConnectionCheck {
  ok: boolean;
  kind: ConnectionCheckKind;
  /** In words, for the options page. */
  message: string;
  /** With `cors`: the match pattern to ask for with `permissions.request`. */
  permissionOrigin?: string;
}
