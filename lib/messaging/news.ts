// The news one process sends to whoever listens, unanswered: a page's agenda changed or scrolled, GitHub statuses
// arrived, the GitHub settings changed. Listeners check the type and who sent it; the fields come from our own code.
import type { GitHubReset } from './github-connection';
import type { GitHubBroadcast } from './github-lookup';
import type { AgendaChanged, VisibleMeeting } from './protocol';

export interface NewsTypes {
  /** Content script → extension pages. */
  'agenda/changed': AgendaChanged;
  /** Content script → extension pages. */
  'agenda/visible': VisibleMeeting;
  /** Background → extension pages and agenda tabs. */
  'github/reports': Extract<GitHubBroadcast, { type: 'github/reports' }>;
  'github/rate-limit': Extract<GitHubBroadcast, { type: 'github/rate-limit' }>;
  'github/reset': GitHubReset;
}

export type News = NewsTypes[keyof NewsTypes];

/** Whether `message` is news of one of `types`. */
export function isNews<K extends keyof NewsTypes>(message: unknown, ...types: K[]): message is NewsTypes[K] {
  const type = (message as { type?: unknown } | null)?.type;
  return types.includes(type as K);
}
