// All the user's notes on this agenda, newest meeting first; the notes whose meeting or item is gone
// ("detached", never dropped) with the text they were written on; and export and import.
import type { AnchorTarget, NoteRecord } from '@/lib/store';
import { formatMeetingDate, plural } from '@/lib/panel/format';
import type { PanelState } from '@/lib/panel/state';
import type { PrivateState } from '@/lib/panel/private-state';
import { hasText } from '@/lib/panel/private-views';
import { describePersistence } from '@/lib/store';
import { DeleteButton } from './DeleteButton';
import { showInIndex } from './show-in-index';

export function NotesView({ state, mine }: { state: PanelState; mine: PrivateState }) {
  const placement = mine.placement.value;
  const placed = [...(placement?.byKey.entries() ?? [])]
    .map(([key, notes]) => ({ key, notes: notes.map((p) => p.note).filter(hasText), date: key.slice(0, 10) }))
    .filter(({ notes }) => notes.length > 0)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const detached = placement?.detached ?? [];
  const active = state.index.activeRow();
  const activeKey = active?.kind === 'meeting' ? active.meeting.key : active?.kind === 'item' ? active.item.key : null;
  return (
    <div class="side-view">
      {detached.length > 0 && (
        <section class="detached" aria-labelledby="detached-title">
          <h2 id="detached-title" class="side-view__title">
            Detached notes ({detached.length})
          </h2>
          <p class="side-view__hint">
            The meeting or item these were written on is no longer in the agenda. Select a row in the index, then attach
            the note to it, or delete the note.
          </p>
          <ul class="note-list">
            {detached.map(({ note, quote }) => (
              <li key={note.id} class="note-card note-card--detached">
                <p class="note-card__quote">
                  Was on {describeTarget(note.target)}: <q>{quote}</q>
                </p>
                <p class="note-card__body">{note.body}</p>
                <p class="note-card__actions">
                  <button
                    type="button"
                    class="link-button"
                    disabled={activeKey === null}
                    title={activeKey === null ? 'Select a meeting or item in the index first' : undefined}
                    onClick={() => activeKey && void mine.reattach(note.id, activeKey)}
                  >
                    Attach to the selected row
                  </button>
                  <DeleteButton onDelete={() => void mine.deleteNote(note.id)} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {placed.length === 0 && detached.length === 0 ? (
        <p class="side-view__empty">
          No notes on this agenda yet. Select a meeting or an item and write in its details.
        </p>
      ) : (
        <ul class="note-list">
          {placed.map(({ key, notes }) => (
            <li key={key} class="note-card">
              <button type="button" class="note-card__where" onClick={() => showInIndex(state, key)}>
                {whereOf(mine, key, notes)}
              </button>
              {notes.map((note) => (
                <p key={note.id} class="note-card__body">
                  {note.body}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      <YourData mine={mine} />
    </div>
  );
}

function whereOf(mine: PrivateState, key: string, notes: NoteRecord[]): string {
  const date = formatMeetingDate(key.slice(0, 10));
  const item = mine.itemByKey.value.get(key);
  if (item) return `${date} · ${item.text}`;
  return notes[0]?.target.kind === 'meeting' ? `${date} · the meeting` : date;
}

function describeTarget(target: AnchorTarget): string {
  return target.kind === 'meeting'
    ? `the meeting of ${formatMeetingDate(target.meetingDate)}`
    : `an item of ${formatMeetingDate(target.anchor.meetingDate)}`;
}

/** Export and import, and whether the browser promised to keep the data. */
function YourData({ mine }: { mine: PrivateState }) {
  const persistence = mine.persistence.value;
  return (
    <section class="your-data" aria-labelledby="your-data-title">
      <h2 id="your-data-title" class="side-view__title">
        Your data
      </h2>
      <p class="side-view__hint">
        Notes, follows and ticks stay in this browser. {persistence ? describePersistence(persistence) : ''}
      </p>
      <div class="your-data__buttons">
        <button
          type="button"
          class="button"
          onClick={async () => {
            const json = await mine.exportJson();
            if (json) download(json, 'agenda-overlay-export.json', 'application/json');
          }}
        >
          Export everything (JSON)
        </button>
        <button
          type="button"
          class="button"
          onClick={async () => {
            const markdown = await mine.exportMarkdown();
            if (markdown !== null) download(markdown, 'agenda-notes.md', 'text/markdown');
          }}
        >
          Notes as Markdown
        </button>
        <label class="button">
          Import…
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            onChange={async (event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) await mine.importJson(await file.text());
            }}
          />
        </label>
      </div>
      <p class="side-view__hint">{plural(mine.notes.value.filter(hasText).length, 'note')} on this agenda in all.</p>
    </section>
  );
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
