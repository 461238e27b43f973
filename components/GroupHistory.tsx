// The group an agenda belongs to (from kubernetes/community's sigs.yaml), its regular meeting in the
// reader's time, and the one click that loads every year of its meeting notes into the index.
import type { HistoryState } from '@/lib/history/panel-history';
import { localSchedule } from '@/lib/history/schedule';
import { regularMeeting } from '@/lib/history/match';
import { ageInWords, failureWords, groupTitle, progressWords } from '@/lib/history/history-words';
import { safeHref } from '@/lib/panel/safe-href';

export function GroupHistory({ history }: { history: HistoryState }) {
  const match = history.match.value;
  if (!match) return null;
  const { group } = match;
  const meeting = match.meeting ?? regularMeeting(group);
  const schedule = meeting ? localSchedule(meeting) : null;
  const join = safeHref(meeting?.url);
  const recordings = safeHref(meeting?.recordingsUrl);
  return (
    <section class="group" aria-label={`${groupTitle(group)}: group and history`}>
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
      <HistoryBar history={history} />
    </section>
  );
}

function HistoryBar({ history }: { history: HistoryState }) {
  const status = history.status.value;
  const load = history.load.value;
  const merged = history.merged.value;
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
  const usable = load?.files.some((file) => file.agenda) ?? false;
  return (
    <div class="group__history">
      {usable && merged ? (
        <div class="group__scope" role="radiogroup" aria-label="Index scope">
          <ScopeChoice history={history} value="page" label="This page" />
          <ScopeChoice
            history={history}
            value="history"
            label={`Whole history (${merged.years.length > 1 ? `${merged.years[merged.years.length - 1]}–${merged.years[0]}` : (merged.years[0] ?? '')})`}
          />
          <button type="button" class="link-button group__refresh" onClick={() => void history.loadNow(true)}>
            Check again
          </button>
        </div>
      ) : (
        <button type="button" class="button button--small" onClick={() => void history.loadNow()}>
          Load the group’s history
        </button>
      )}
      {load?.checkedAt && !failure && usable && (
        <p class="group__age">
          {merged?.agenda.meetings.length.toLocaleString('en-US')} meetings, checked with GitHub{' '}
          {ageInWords(load.checkedAt, now)}.
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
