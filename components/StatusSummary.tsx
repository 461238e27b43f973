// How the GitHub references of a meeting, or of the whole agenda, stand: a chip per status with its icon
// and count ("14 open PRs"), and, when asked for, the refresh button. The chips are words as well as
// colours and shapes; the whole sentence is on hover.
import type { IconName } from '../lib/ref-status/ref-icons';
import {
  describeSummary,
  summaryParts,
  type StatusFilter,
  type StatusSummary as Summary,
  type SummaryKey,
} from '../lib/panel/github-status';
import { StatusIcon } from './RefBadge';
import './github-status.css';

const TONE: Readonly<Record<SummaryKey, string>> = {
  'pr-open': 'open',
  'pr-draft': 'neutral',
  'pr-merged': 'merged',
  'pr-closed': 'closed',
  'issue-open': 'open',
  'issue-completed': 'merged',
  'issue-not-planned': 'neutral',
};

interface Props {
  summary: Summary;
  /** How the sentence ends: "this year", "in this meeting". */
  scope?: string;
  /** With it, each chip is a button that picks its status as the filter. */
  onPick?: (filter: StatusFilter) => void;
  /** The filter in force, shown pressed. */
  picked?: StatusFilter | null;
  /** With it, a refresh button that re-checks every status. */
  onRefresh?: () => void;
  refreshing?: boolean;
}

export function StatusSummary({ summary, scope, onPick, picked = null, onRefresh, refreshing = false }: Props) {
  const parts = summaryParts(summary);
  const notKnown = summary.pending + summary.failed + summary.unknown;
  const sentence = describeSummary(summary, scope);
  return (
    <div class="status-summary" title={sentence}>
      <ul class="status-summary__chips" aria-label={sentence}>
        {parts.map((part) => (
          <li key={part.key} class={`status-chip ref-badge--${TONE[part.key]}`} data-status={part.key}>
            {onPick ? (
              <button
                type="button"
                class="status-chip__button"
                aria-pressed={picked === part.key}
                onClick={() => onPick(part.key)}
              >
                <StatusIcon name={part.key as IconName} />
                {part.text}
              </button>
            ) : (
              <>
                <StatusIcon name={part.key as IconName} />
                {part.text}
              </>
            )}
          </li>
        ))}
        {notKnown > 0 && (
          <li class="status-chip ref-badge--neutral" data-status="unknown">
            <StatusIcon name={summary.pending > 0 ? 'pending' : 'unknown'} />
            {notKnown} not known yet
          </li>
        )}
      </ul>
      {onRefresh && (
        <button
          type="button"
          class="status-summary__refresh"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing}
        >
          {refreshing ? 'Checking…' : 'Refresh statuses'}
        </button>
      )}
    </div>
  );
}
