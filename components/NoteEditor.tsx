// Private notes on the active meeting or item: written here, saved as the user types. There is no save
// button; what is not saved yet stays in the editor (and in the stash) until it is.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NoteRecord } from '@/lib/store';
import type { NoteSaveState, PrivateState } from '@/lib/panel/private-state';
import { DeleteButton } from './DeleteButton';

export function Notes({ state, targetKey }: { state: PrivateState; targetKey: string }) {
  const notes = state.notesOn(targetKey);
  // The id the empty editor will create its note under, kept so every keystroke saves that same note;
  // a new note whose text is not saved yet (its save failed, or the row was left mid-save) comes back.
  const freshId = useMemo(() => state.unsavedNoteOn(targetKey) ?? state.newNoteId(), [targetKey, state]);
  const shown = notes.some((note) => note.id === freshId) ? notes : [...notes, null];
  return (
    <div class="notes" role="group" aria-label="Your private notes">
      {shown.map((note) => (
        <NoteEditor
          key={note?.id ?? freshId}
          state={state}
          targetKey={targetKey}
          id={note?.id ?? freshId}
          note={note}
        />
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
  // The revision the text in the editor started from: a save on top of another window's newer one is merged.
  const baseRevision = useRef(note?.revision ?? 0);
  const focused = useRef(false);
  const save = state.saves.value.get(id);
  // Another window changed this note, or it was deleted: show what is stored unless the user is typing here.
  useEffect(() => {
    if (focused.current || state.unsaved(id) !== undefined) return;
    setText(note?.body ?? '');
    baseRevision.current = note?.revision ?? 0;
  }, [note?.revision]);
  return (
    <div class="note">
      <label class="note__label" for={`note-${id}`}>
        {note ? 'Your note' : 'Add a private note'}
      </label>
      <textarea
        id={`note-${id}`}
        class="note__text field"
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
          state.editNote(id, targetKey, body, baseRevision.current);
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

/** Failures are announced; "Saving…" and "Saved" are only shown, so typing is not talked over. */
function SaveStatus({ save, hasNote }: { save: NoteSaveState | undefined; hasNote: boolean }) {
  if (save?.state === 'failed') {
    return (
      <p class="note__status note__status--failed" role="alert">
        Not saved: {save.message} Your text is kept here and saved again as you type.
      </p>
    );
  }
  const words = save?.state === 'saving' ? 'Saving…' : save?.state === 'saved' || hasNote ? 'Saved' : '';
  return <p class="note__status">{words}</p>;
}
