// The user's own marks on a row of the index: a note, a followed topic, new or changed since the last visit.
import type { Novelty } from '@/lib/store';

export interface RowMarkFlags {
  note: boolean;
  followed: boolean;
  novelty: Novelty | undefined;
}

export const NO_MARKS: RowMarkFlags = { note: false, followed: false, novelty: undefined };

export function RowMarks({ marks }: { marks: RowMarkFlags }) {
  if (!marks.note && !marks.followed && !marks.novelty) return null;
  return (
    <span class="row-marks">
      {marks.novelty && (
        <span
          class={`row-marks__fresh row-marks__fresh--${marks.novelty}`}
          title={marks.novelty === 'new' ? 'New since your last visit' : 'Changed since your last visit'}
        >
          {marks.novelty === 'new' ? 'New' : 'Changed'}
        </span>
      )}
      {marks.note && (
        <span class="row-marks__note" role="img" aria-label="Has your note" title="Has your note">
          ✎
        </span>
      )}
      {marks.followed && (
        <span
          class="row-marks__followed"
          role="img"
          aria-label="Mentions something you follow"
          title="Mentions something you follow"
        >
          ★
        </span>
      )}
    </span>
  );
}
