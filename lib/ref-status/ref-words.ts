// What a reference's badge says: its icon, colour, a short word, and the words on hover. One function for
// the page's badges and the panel's, so that both read the same.
import { STATE_LABELS, statusKey, type RefKind, type RefReport, type RefState } from '../github/status';
import type { IconName, Tone } from './ref-icons';

export interface RefView {
  icon: IconName;
  tone: Tone;
  /** Stable, for styling and tests: `pr-merged`, `issue-not-planned`, `pending`, `failure-offline`, `unknown`. */
  key: string;
  /** The short word shown beside the icon: "Merged", "Draft", "Not planned". */
  label: string;
  /** The whole story, for `title` and screen readers: kind, state, title, last update, any problem. */
  hover: string;
  /** Whether there is a status to show (not only a look-up going on or a failure). */
  known: boolean;
}

const TONES: Readonly<Record<RefState, Tone>> = {
  open: 'open',
  draft: 'neutral',
  merged: 'merged',
  closed: 'closed',
  completed: 'merged',
  'not-planned': 'neutral',
};

const SHORT: Readonly<Record<RefState, string>> = {
  open: 'Open',
  draft: 'Draft',
  merged: 'Merged',
  closed: 'Closed',
  completed: 'Closed',
  'not-planned': 'Not planned',
};

/** The icon of a state; the impossible mixes (a "merged" issue) fall back to the nearest shape. */
function iconOf(kind: RefKind, state: RefState): IconName {
  if (kind === 'pr') {
    if (state === 'open' || state === 'draft' || state === 'merged') return `pr-${state}`;
    return 'pr-closed';
  }
  if (state === 'open' || state === 'draft') return 'issue-open';
  return state === 'not-planned' ? 'issue-not-planned' : 'issue-completed';
}

/** Made when first asked for: the panel's first rows have no dates of updates to write. */
let updatedDay: Intl.DateTimeFormat | null = null;

/** `May 1, 2024`, or the text as given when it is no date. */
export function formatUpdated(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  updatedDay ??= new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
  return updatedDay.format(time);
}

/** How the badge of `ref` reads, given what is known (`undefined`: not asked yet). */
export function viewOfReport(ref: string, report: RefReport | undefined): RefView {
  const status = report?.status ?? null;
  const failure = report?.failure ?? null;
  if (status) {
    const kind = status.kind === 'pr' ? 'Pull request' : 'Issue';
    const lines = [
      `${kind} ${status.ref}: ${STATE_LABELS[status.state]}`,
      status.title,
      `Updated ${formatUpdated(status.updatedAt)}`,
    ];
    if (report?.pending) lines.push('Checking for news…');
    else if (report?.stale) lines.push('Last checked a while ago.');
    if (failure) lines.push(failure.message);
    return {
      icon: iconOf(status.kind, status.state),
      tone: TONES[status.state],
      key: statusKey(status),
      label: SHORT[status.state],
      hover: lines.join('\n'),
      known: true,
    };
  }
  if (failure) {
    const notFound = failure.error === 'not-found';
    return {
      icon: notFound ? 'not-found' : 'failure',
      tone: notFound ? 'neutral' : 'attention',
      key: `failure-${failure.error}`,
      label: notFound ? 'Not found' : 'Unknown',
      hover: `${ref}: ${failure.message}`,
      known: false,
    };
  }
  if (report?.pending) {
    return {
      icon: 'pending',
      tone: 'neutral',
      key: 'pending',
      label: 'Checking',
      hover: `${ref}: looking it up on GitHub…`,
      known: false,
    };
  }
  return {
    icon: 'unknown',
    tone: 'neutral',
    key: 'unknown',
    label: 'Not checked',
    hover: `${ref}: not looked up yet. Without a token, references are looked up as they come into view.`,
    known: false,
  };
}
