// Follow or stop following one reference or person, from where it is shown.
import { useState } from 'preact/hooks';
import type { FollowKind } from '@/lib/store';
import type { PrivateState } from '@/lib/panel/private-state';

export function FollowButton({
  state,
  kind,
  value,
  label,
}: {
  state: PrivateState;
  kind: FollowKind;
  value: string;
  label: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const followed = state.followedAs(kind, value);
  return (
    <>
      <button
        type="button"
        class={`follow-button${followed ? ' follow-button--on' : ''}`}
        aria-pressed={followed !== null}
        title={followed ? `Stop following ${label}` : `Follow ${label} across meetings`}
        onClick={async () => {
          if (followed) await state.unfollow(followed);
          else setProblem(await state.follow(kind, value));
        }}
      >
        <span aria-hidden="true">{followed ? '★' : '☆'}</span> {label}
      </button>
      {problem && (
        <span class="follow-button__problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
