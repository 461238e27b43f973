// The group an agenda belongs to (from kubernetes/community's sigs.yaml), its regular meeting in the
// reader's time, and the one click that loads every year of its meeting notes into the index; for any
// agenda, the archives the user added by their GitHub addresses, and the field to add one.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryState, SourceView } from '@/lib/history/panel-history';
import { sourceUrl } from '@/lib/history/archive-address';
import { localSchedule } from '@/lib/history/schedule';
import { regularMeeting } from '@/lib/history/match';
import { ageInWords, failureWords, groupTitle, progressWords } from '@/lib/history/history-words';
import { safeHref } from '@/lib/panel/safe-href';

export function GroupHistory({ history }: { history: HistoryState }) {
  const match = history.match.value;
  const sources = history.sources.value;
  if (!match && sources.length === 0) {
    // Nothing known of this agenda's history: the field, once asked for beside the summary (AddHistoryButton).
    return history.adding.value ? (
      <section class="group group--adding" aria-label="Add history">
        <AddArchive history={history} />
      </section>
    ) : null;
  }
  return (
    <section
      class="group"
      aria-label={match ? `${groupTitle(match.group)}: group and history` : 'History from GitHub archives'}
    >
      {match && <GroupHeader history={history} />}
      {sources.length > 0 && <SourceList history={history} sources={sources} />}
      <HistoryBar history={history} />
      <AddArchive history={history} />
    </section>
  );
}

function GroupHeader({ history }: { history: HistoryState }) {
  const match = history.match.value!;
  const { group } = match;
  const meeting = match.meeting ?? regularMeeting(group);
  const schedule = meeting ? localSchedule(meeting) : null;
  const join = safeHref(meeting?.url);
  const recordings = safeHref(meeting?.recordingsUrl);
  return (
    <>
      <p class="group__name">
        <strong>{groupTitle(group)}</strong>
        {schedule && (
          <span class="group__when" title={`${schedule.original}, ${meeting?.frequency ?? ''}`}>
            {' '}
            · {schedule.day} {schedule.time}
            {schedule.frequency && ` · ${schedule.frequency}`}
          </span>
        )}
      </p>
      <p class="group__links">
        {join && (
          <a href={join} target="_blank" rel="noopener noreferrer">
            Join
          </a>
        )}
        {recordings && (
          <a href={recordings} target="_blank" rel="noopener noreferrer">
            Recordings
          </a>
        )}
        {group.chairs.length > 0 && (
          <span class="group__chairs">
            Chairs:{' '}
            {group.chairs.map((chair, i) => (
              <span key={chair.github || chair.name}>
                {i > 0 && ', '}
                {/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(chair.github) ? (
                  <a href={`https://github.com/${chair.github}`} target="_blank" rel="noopener noreferrer">
                    {chair.name}
                  </a>
                ) : (
                  chair.name
                )}
              </span>
            ))}
          </span>
        )}
      </p>
    </>
  );
}

function HistoryBar({ history }: { history: HistoryState }) {
  const status = history.status.value;
  const load = history.load.value;
  const merged = history.merged.value;
  const match = history.match.value;
  const now = Date.now();
  if (status.kind === 'loading') {
    return (
      <div class="group__history" role="status">
        <progress
          class="group__progress"
          max={Math.max(1, status.total)}
          value={status.done}
          aria-label="History loaded"
        />
        <span>Loading the history: {progressWords(status.done, status.total)}</span>
      </div>
    );
  }
  const unreadable = load?.files.filter((file) => file.problem) ?? [];
  const failure = load ? failureWords(load, now) : null;
  const usable = history.usable.value;
  const groupLoaded = load?.files.some((file) => file.agenda) ?? false;
  const checked = [load, ...history.sources.value.map((s) => s.load)]
    .map((l) => l?.checkedAt ?? null)
    .filter((at): at is number => at !== null);
  const oldest = checked.length > 0 ? Math.min(...checked) : null;
  return (
    <div class="group__history">
      {usable && merged && (
        <div class="group__scope" role="radiogroup" aria-label="Index scope">
          <ScopeChoice history={history} value="page" label="This page" />
          <ScopeChoice
            history={history}
            value="history"
            label={`Whole history (${merged.years.length > 1 ? `${merged.years[merged.years.length - 1]}–${merged.years[0]}` : (merged.years[0] ?? '')})`}
          />
          <button type="button" class="link-button group__refresh" onClick={() => void history.checkAgain()}>
            Check again
          </button>
          <span class="group__sep" aria-hidden="true">
            ·
          </span>
          <AddHistoryButton history={history} label="Add an archive" />
        </div>
      )}
      {match && !groupLoaded && (
        <button type="button" class="button button--small" onClick={() => void history.loadNow()}>
          Load the group’s history
        </button>
      )}
      {!(usable && merged) && <AddHistoryButton history={history} label="Add an archive" />}
      {oldest !== null && usable && !failure && (
        <p class="group__age">
          {merged?.agenda.meetings.length.toLocaleString('en-US')} meetings, checked with GitHub{' '}
          {ageInWords(oldest, now)}.
        </p>
      )}
      {failure && (
        <p class="group__problem" role="alert">
          {failure}
        </p>
      )}
      {unreadable.map((file) => (
        <p key={file.path} class="group__problem">
          {file.problem}
        </p>
      ))}
    </div>
  );
}

/** The archives added to this agenda: each with its link, its state, and a way to remove it. */
function SourceList({ history, sources }: { history: HistoryState; sources: readonly SourceView[] }) {
  const now = Date.now();
  return (
    <ul class="group__sources" aria-label="Archives added">
      {sources.map((view) => {
        const { status, load } = view;
        const read = load?.files.filter((file) => file.agenda).length ?? 0;
        const failure = load ? failureWords(load, now) : null;
        return (
          <li key={view.key} class="group__source">
            <div class="group__source-line">
              <a class="group__source-name" href={sourceUrl(view.source)} target="_blank" rel="noopener noreferrer">
                {view.name}
              </a>
              <span class="group__source-state" role={status.kind === 'loading' ? 'status' : undefined}>
                {status.kind === 'loading'
                  ? `Loading: ${progressWords(status.done, status.total, 'file')}`
                  : load
                    ? `${read} ${read === 1 ? 'file' : 'files'}`
                    : 'Not loaded yet'}
              </span>
              {status.kind !== 'loading' && (failure !== null || read === 0) && (
                <button
                  type="button"
                  class="link-button group__retry"
                  onClick={() => void history.reloadSource(view.key)}
                >
                  Try again
                </button>
              )}
              <button
                type="button"
                class="link-button group__remove"
                aria-label={`Remove ${view.name}`}
                disabled={status.kind === 'loading'}
                onClick={() => void history.removeSource(view.key)}
              >
                Remove
              </button>
            </div>
            {status.kind === 'loading' && (
              <progress
                class="group__progress group__progress--source"
                max={Math.max(1, status.total)}
                value={status.done}
                aria-label={`${view.name} loaded`}
              />
            )}
            {failure && (
              <p class="group__problem" role="alert">
                {failure}
              </p>
            )}
            {load?.files
              .filter((file) => file.problem)
              .map((file) => (
                <p key={file.path} class="group__problem">
                  {file.problem}
                </p>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

const FORM_ID = 'archive-add-form';
const TOGGLE_CLASS = 'history-add-toggle';

/**
 * The way to the field for an archive's address: beside the agenda's summary when nothing of its history is
 * known, in the history bar otherwise. It takes no line of its own until pressed.
 */
export function AddHistoryButton({ history, label }: { history: HistoryState; label: string }) {
  const open = history.adding.value;
  return (
    <button
      type="button"
      class={`link-button ${TOGGLE_CLASS}`}
      aria-expanded={open}
      aria-controls={open ? FORM_ID : undefined}
      title="Add an archive folder or a Markdown file of past meeting notes, by its GitHub address"
      onClick={() => history.setAdding(!open)}
    >
      {label}
    </button>
  );
}

/** The field for a GitHub address of an archive folder or file, with what is wrong with it in words. */
function AddArchive({ history }: { history: HistoryState }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const problem = history.addressProblem.value;
  const open = history.adding.value;
  // Opened by a press: the keyboard goes on in the field.
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  if (!open) return null;
  function close(): void {
    history.setAdding(false);
    // Back to the button that opened it.
    document.querySelector<HTMLElement>(`.${TOGGLE_CLASS}`)?.focus();
  }
  async function add(event: Event): Promise<void> {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const added = await history.addSource(text);
    setBusy(false);
    if (added) setText('');
    else input.current?.focus();
  }
  return (
    <form id={FORM_ID} class="group__add-form" onSubmit={(event) => void add(event)}>
      <label class="group__add-label" for="archive-address">
        GitHub address of a folder of meeting notes, or of one Markdown file
      </label>
      <div class="group__add-row">
        <input
          ref={input}
          id="archive-address"
          class="field group__add-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://github.com/owner/repo/tree/main/notes"
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? 'archive-address-problem' : undefined}
          onInput={(event) => {
            setText((event.currentTarget as HTMLInputElement).value);
            if (problem !== null) history.clearAddressProblem();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        />
        <button type="submit" class="button button--small" disabled={busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
        <button type="button" class="link-button group__add-cancel" onClick={close}>
          Cancel
        </button>
      </div>
      {problem !== null && (
        <p id="archive-address-problem" class="group__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function ScopeChoice({ history, value, label }: { history: HistoryState; value: 'page' | 'history'; label: string }) {
  const checked = history.scope.value === value;
  return (
    <label class={`group__choice${checked ? ' group__choice--on' : ''}`}>
      <input
        type="radio"
        name="history-scope"
        value={value}
        checked={checked}
        onChange={() => history.setScope(value)}
      />
      {label}
    </label>
  );
}
