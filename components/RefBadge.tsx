// A GitHub reference's status in the panel: GitHub's icon and colour, a short word beside it (so that
// colour is never the only sign), the title and last update on hover. It draws what it is given; the
// panel reads the report from `GitHubStatus.reports`.
import type { RefReport } from '../lib/github/status';
import { ICONS, ICON_STROKE, ICON_VIEWBOX, type IconName } from '../lib/ref-status/ref-icons';
import { viewOfReport } from '../lib/ref-status/ref-words';
import './github-status.css';

/** One of the status icons, in the current text colour. */
export function StatusIcon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={className ?? 'status-icon'}
      viewBox={ICON_VIEWBOX}
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      {...ICON_STROKE}
    >
      {ICONS[name].map((shape, index) =>
        shape.tag === 'circle' ? <circle key={index} {...shape.attrs} /> : <path key={index} {...shape.attrs} />,
      )}
    </svg>
  );
}

interface Props {
  /** The reference, `owner/repo#123`. */
  reference: string;
  /** What is known of it; undefined before it was asked. */
  report: RefReport | undefined;
  /** Show the short word ("Merged") beside the icon (default true). Without it the word is still read out. */
  showLabel?: boolean;
  /** Show the reference itself before the word. */
  showRef?: boolean;
}

export function RefBadge({ reference, report, showLabel = true, showRef = false }: Props) {
  const view = viewOfReport(reference, report);
  return (
    <span class={`ref-badge ref-badge--${view.tone}`} data-ref={reference} data-state={view.key} title={view.hover}>
      <StatusIcon name={view.icon} />
      {showRef && <span class="ref-badge__ref">{reference}</span>}
      {showLabel ? (
        <span class="ref-badge__label">{view.label}</span>
      ) : (
        <span class="visually-hidden">{view.label}</span>
      )}
    </span>
  );
}
