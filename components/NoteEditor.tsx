// Private notes on the active meeting or item: written here, saved as the user types. There is no save
// button; what is not saved yet stays in the editor (and in the stash) until it is.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NoteRecord } from '@/lib/store';
import type { PrivateState } from '@/lib/panel/private-state';

export function Notes({ state, targetKey }: { state: PrivateState; targetKey: string }) {
  const notes = state.notesOn(targetKey);
  // The id of the note the empty editor will create, kept so every keystroke saves that same note.
  const freshId = useMemo(() => state.newNoteId(), [targetKey, state]);
  const shown = notes.some((note) => note.id === freshId) ? notes : [...notes, null];
  return (
    <div class="notes" aria-label="Your private notes">
      {shown.map((note) => (
        <NoteEditor key={note?.id ?? freshId} state={state} targetKey={targetKey} id={note?.id ?? freshId} note={note} />
      ))}
    </div>
  );
}

function NoteEditor({
  state,
  targetKey,
  id,
  note,
}: {
  state: PrivateState;
  targetKey: string;
  id: string;
  note: NoteRecord | null;
}) {
  const [text, setText] = useState(() => state.unsaved(id) ?? note?.body ?? '');
  const focused = useRef(false);
  const save = state.saves.value.get(id);
  // Another window changed this note: show its text unless the user is typing here.
  useEffect(() => {
    if (note && !focused.current && state.unsaved(id) === undefined) setText(note.body);
  }, [note?.body]);
  const label = note ? 'Your note' : 'Add a private note';
  return (
    <div class="note">
      <label class="note__label" for={`note-${id}`}>
        {label}
      </label>
      <textarea
        id={`note-${id}`}
        class="note__text"
        rows={3}
        value={text}
        placeholder="Only you can see this. Saved as you type."
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          void state.flush();
        }}
        onInput={(event) => {
          const body = event.currentTarget.value;
          setText(body);
          state.editNote(id, targetKey, body);
        }}
      />
      <div class="note__footer">
        <SaveStatus save={save} hasNote={note !== null} />
        {note && note.conflicts.length > 0 && (
          <details class="note__conflicts">
            <summary>Also written in another window ({note.conflicts.length})</summary>
            {note.conflicts.map((conflict) => (
              <p key={conflict.updatedAt} class="note__conflict">
                {conflict.body}
              </p>
            ))}
          </details>
        )}
        {note && <DeleteButton onDelete={() => void state.deleteNote(id)} />}
      </div>
    </div>
  );
}

/** Deleting asks once more, in place: a dialog would take the reader out of the panel. */
export function DeleteButton({ onDelete, label = 'Delete note' }: { onDelete: () => void; label?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="link-button" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label="Delete this note?">
      Delete for good?{' '}
      <button type="button" class="link-button link-button--danger" onClick={onDelete}>
        Delete
      </button>{' '}
      <button type="button" class="link-button" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

function SaveStatus({ save, hasNote }: { save: ReturnType<PrivateState['saves']['value']['get']>; hasNote: boolean }) {
  if (save?.state === 'failed') {
    return (
      <p class="note__status note__status--failed" role="alert">
        Not saved: {save.message} Your text is kept here and saved again as you type.
      </p>
    );
  }
  const words = save?.state === 'saving' ? 'Saving…' : save?.state === 'saved' || hasNote ? 'Saved' : '';
  return (
    <p class="note__status" aria-live="polite">
      {words}
    </p>
  );
}
