// Deleting a note asks once more, in place: a dialog would take the reader out of the panel.
import { useEffect, useRef, useState } from 'preact/hooks';

export function DeleteButton({ onDelete, label = 'Delete note' }: { onDelete: () => void; label?: string }) {
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  // The button pressed goes away: keep the keyboard where the choice is.
  useEffect(() => {
    if (moved.current) first.current?.focus();
    moved.current = false;
  }, [asking]);
  const choose = (next: boolean) => {
    moved.current = true;
    setAsking(next);
  };
  if (!asking) {
    return (
      <button ref={first} type="button" class="link-button" onClick={() => choose(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label="Delete this note?">
      Delete for good?{' '}
      <button ref={first} type="button" class="link-button link-button--danger" onClick={onDelete}>
        Delete
      </button>{' '}
      <button type="button" class="link-button" onClick={() => choose(false)}>
        Keep
      </button>
    </span>
  );
}
