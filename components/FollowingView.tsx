// Following: each followed reference, person or phrase as a timeline across meetings, newest first,
// every entry a jump; and the references that keep coming back, offered as threads to follow.
import { useState } from 'preact/hooks';
import { describeThread, type FollowKind, type TimelineEntry } from '@/lib/store';
import { SECTION_KIND_LABELS } from '@/lib/panel/filters';
import { formatMeetingDate, plural } from '@/lib/panel/format';
import type { PanelState } from '@/lib/panel/state';
import type { PrivateState } from '@/lib/panel/private-state';
import { RefBadge } from './RefBadge';
import { showInIndex } from './show-in-index';

const KIND_LABELS: Record<FollowKind, string> = { ref: 'GitHub reference', person: 'Person', phrase: 'Phrase' };
const THREADS_SHOWN = 8;

export function FollowingView({ state, mine }: { state: PanelState; mine: PrivateState }) {
  const followed = mine.followed.value;
  // Over a group's whole history when the reader chose it: every year's mentions, not only this page's.
  const timelines = mine.timelines.value;
  const history = state.history?.scopedAgenda.value ?? null;
  return (
    <div class="side-view">
      <FollowForm mine={mine} />
      {followed.length === 0 ? (
        <p class="side-view__empty">
          You follow nothing yet. Follow a reference or a person from an item's details, or a phrase above, to see every
          meeting that mentions it.
        </p>
      ) : (
        <ul class="topics">
          {followed.map((topic, i) => (
            <li key={topic.ids[0]} class="topic">
              <div class="topic__head">
                <span class="topic__kind">{KIND_LABELS[topic.kind]}</span>
                <strong class="topic__label">{topic.kind === 'person' ? `@${topic.label}` : topic.label}</strong>
                <span class="topic__count">{plural(timelines[i]?.length ?? 0, 'mention')}</span>
                <button type="button" class="link-button" onClick={() => void mine.unfollow(topic)}>
                  Unfollow
                </button>
              </div>
              {history && <Span entries={timelines[i] ?? []} />}
              <Timeline state={state} entries={timelines[i] ?? []} scope={history ? 'history' : 'page'} />
            </li>
          ))}
        </ul>
      )}
      <Threads state={state} mine={mine} />
    </div>
  );
}

function FollowForm({ mine }: { mine: PrivateState }) {
  const [kind, setKind] = useState<FollowKind>('phrase');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      class="follow-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const reason = await mine.follow(kind, text);
        setProblem(reason);
        if (!reason) setText('');
      }}
    >
      <label class="follow-form__kind">
        <span class="visually-hidden">Follow a</span>
        <select class="field" value={kind} onChange={(event) => setKind(event.currentTarget.value as FollowKind)}>
          <option value="phrase">Phrase</option>
          <option value="ref">Reference</option>
          <option value="person">Person</option>
        </select>
      </label>
      <input
        class="follow-form__text field"
        type="text"
        aria-label="What to follow"
        placeholder={kind === 'ref' ? 'kubernetes/kubernetes#1234' : kind === 'person' ? '@handle' : 'TokenRequest'}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" class="button">
        Follow
      </button>
      {problem && (
        <p class="follow-form__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/** When a topic was first and last discussed, over the whole history. */
function Span({ entries }: { entries: TimelineEntry[] }) {
  const last = entries[0];
  const first = entries[entries.length - 1];
  if (!first || !last) return null;
  return (
    <p class="topic__span">
      First discussed {formatMeetingDate(first.date)} · last discussed {formatMeetingDate(last.date)}
    </p>
  );
}

function Timeline({
  state,
  entries,
  scope,
}: {
  state: PanelState;
  entries: TimelineEntry[];
  scope: 'page' | 'history';
}) {
  if (entries.length === 0) {
    return (
      <p class="topic__none">
        {scope === 'history' ? 'Not mentioned in the group’s history.' : 'Not mentioned in this agenda.'}
      </p>
    );
  }
  const reports = state.github?.reports.value;
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={entry.itemKey}>
          <button type="button" class="timeline__entry" onClick={() => showInIndex(state, entry.itemKey)}>
            <span class="timeline__when">
              {formatMeetingDate(entry.date)} · {entry.sectionTitle || SECTION_KIND_LABELS[entry.sectionKind]}
            </span>
            <span class="timeline__text">{entry.text}</span>
          </button>
          {reports && <EntryStatuses state={state} itemKey={entry.itemKey} />}
        </li>
      ))}
    </ol>
  );
}

/** The GitHub status of the references an entry mentions, when known. */
function EntryStatuses({ state, itemKey }: { state: PanelState; itemKey: string }) {
  const refs = state.private?.itemByKey.value.get(itemKey)?.refs ?? [];
  const reports = state.github?.reports.value;
  if (!reports || refs.length === 0) return null;
  return (
    <span class="timeline__refs">
      {refs.map((ref) => (
        <RefBadge key={ref} reference={ref} report={reports.get(ref)} showRef />
      ))}
    </span>
  );
}

function Threads({ state, mine }: { state: PanelState; mine: PrivateState }) {
  const threads = mine.threads.value.filter((thread) => !mine.followedAs('ref', thread.ref));
  if (threads.length === 0) return null;
  const acrossYears = state.history?.scopedAgenda.value != null;
  return (
    <section class="threads" aria-labelledby="threads-title">
      <h2 id="threads-title" class="side-view__title">
        {acrossYears ? 'Threads across the group’s history' : 'Threads in this agenda'}
      </h2>
      <ul class="threads__list">
        {threads.slice(0, THREADS_SHOWN).map((thread) => (
          <li key={thread.ref} class="thread">
            <button type="button" class="thread__text" onClick={() => showInIndex(state, thread.meetingKeys[0] ?? '')}>
              {describeThread(thread)}
            </button>
            <button type="button" class="button button--small" onClick={() => void mine.follow('ref', thread.ref)}>
              Follow
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
