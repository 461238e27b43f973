// The side panel: the agenda's index for the tab it shows, or why there is none.
import type { ComponentProps } from 'preact';
import type { PanelState } from '@/lib/panel/state';
import { plural, yearsSentence } from '@/lib/panel/format';
import type { YearNote } from '@/lib/agenda/model';
import { AgendaTree } from './AgendaTree';
import { FilterBar } from './FilterBar';
import { ItemDetail } from './ItemDetail';
import { EditorFreshness, LiveDocMessage } from './LiveDocBanner';
import { NextMeeting } from './NextMeeting';
import { PanelMessage } from './PanelMessage';
import { UnreadablePage } from './UnreadablePage';
import { RateLimitBanner } from './RateLimitBanner';
import { StatusSummary } from './StatusSummary';
import { summarise, type GitHubStatus } from '@/lib/panel/github-status';
import { useMemo } from 'preact/hooks';
import { SearchBar } from './SearchBar';
import { PanelTabs, tabPanelId } from './PanelTabs';
import { WhatsNew } from './WhatsNew';
import { FollowingView } from './FollowingView';
import { ActionItemsView } from './ActionItemsView';
import { NotesView } from './NotesView';
import { AddHistoryButton, GroupHistory } from './GroupHistory';
import { RenderingOffers } from './RenderingOffer';

export function AgendaPanel({ state }: { state: PanelState }) {
  const view = state.view.value;
  switch (view.kind) {
    case 'loading':
      return <PanelMessage title="Reading the page…" />;
    case 'no-tab':
      return <PanelMessage title="No tab to show">Open an agenda document in this window.</PanelMessage>;
    case 'unreachable':
      return <UnreadablePage tabId={state.tabId.value} />;
    case 'not-agenda':
      if (state.snapshot.value?.live) {
        return <LiveDocMessage live={state.snapshot.value.live} reason={view.reason} tabId={state.tabId.value} />;
      }
      return (
        <PanelMessage title="This page is not an agenda" tone="warning">
          {view.reason}
        </PanelMessage>
      );
    case 'agenda':
      return <AgendaIndex state={state} />;
  }
}

function AgendaIndex({ state }: { state: PanelState }) {
  const agenda = state.agenda.value;
  if (!agenda) return null;
  const { meetings, canceled, items } = state.summary.value;
  const index = state.index;
  const github = state.github;
  const mine = state.private;
  const tab = state.tab.value;
  return (
    <div class="agenda">
      <header class="agenda__header">
        <h1 class="agenda__title" title={agenda.url}>
          {agenda.title || 'Agenda'}
        </h1>
        <p class="agenda__summary">
          {plural(meetings, 'meeting')} · {canceled} canceled · {plural(items, 'item')}
          {state.history && !state.history.match.value && state.history.sources.value.length === 0 && (
            <>
              {' · '}
              <AddHistoryButton history={state.history} label="Add history" />
            </>
          )}
        </p>
        <LoadingLine state={state} />
        {state.history && <GroupHistory history={state.history} />}
        {agenda.years && <YearsNote note={agenda.years} />}
        {agenda.problems.length > 0 && (
          <details class="agenda__problems">
            <summary>{plural(agenda.problems.length, 'thing', 'things')} the overlay could not read</summary>
            <ul>
              {agenda.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </details>
        )}
        <EditorFreshness state={state} />
        {github && <RateLimitBanner status={github} />}
        {mine?.problem.value && (
          <p class="agenda__notice" role="alert">
            {mine.problem.value}
          </p>
        )}
        {mine?.notice.value && (
          <p class="agenda__outcome" role="status">
            {mine.notice.value}{' '}
            <button type="button" class="link-button" onClick={() => mine.dismissNotice()}>
              Dismiss
            </button>
          </p>
        )}
        {mine && (
          <RenderingOffers offers={mine.offers.value} onAnswer={(id, decision) => mine.answerOffer(id, decision)} />
        )}
        <WhatsNew state={state} />
        {mine && <PanelTabs state={state} />}
        {tab === 'index' && (
          <>
            <SearchBar state={state} />
            <FilterBar state={state}>
              {github && (
                <AgendaStatusSummary
                  github={github}
                  state={state}
                  scope="in this agenda"
                  onPick={(filter) => index.toggleStatusFilter(filter)}
                  picked={index.statusFilter.value}
                  onRefresh={() => void github.refresh()}
                  refreshing={github.refreshing.value}
                />
              )}
            </FilterBar>
            <ResultCount state={state} />
          </>
        )}
        {state.notice.value && (
          <p class="agenda__notice" role="alert">
            {state.notice.value}
          </p>
        )}
      </header>
      {tab === 'index' || !mine ? (
        // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label comes with the tabpanel role, and both only with tabs.
        <div
          class="agenda__page"
          id={tabPanelId('index')}
          role={mine ? 'tabpanel' : undefined}
          aria-labelledby={mine ? 'tab-index' : undefined}
        >
          <NextMeeting state={state} />
          <AgendaTree state={state} />
          <ItemDetail state={state} />
        </div>
      ) : (
        <div
          class="agenda__page agenda__page--scroll"
          id={tabPanelId(tab)}
          role="tabpanel"
          aria-labelledby={`tab-${tab}`}
        >
          {tab === 'following' && <FollowingView state={state} mine={mine} />}
          {tab === 'actions' && <ActionItemsView state={state} mine={mine} />}
          {tab === 'notes' && <NotesView state={state} mine={mine} />}
        </div>
      )}
    </div>
  );
}

/**
 * How many items match, in a component of its own: the count changes on every keystroke, and whatever
 * reads it redraws, which must not be the whole panel.
 */
function ResultCount({ state }: { state: PanelState }) {
  const index = state.index;
  if (!index.filtering.value) return null;
  const readings = index.approximate.value;
  if (readings) {
    // Said in words, not only by colour: nothing matched as typed, and these are the closest readings.
    const read = readings.filter((reading) => reading.closest.length !== 1 || reading.closest[0] !== reading.typed);
    return (
      <p class="agenda__results agenda__results--approximate" role="status">
        <span class="tag tag--approximate">Approximate</span> No exact match for “{index.filters.value.query.trim()}”.{' '}
        {plural(index.resultCount.value, 'item')} with{' '}
        {read.map((reading, i) => (
          <span key={reading.typed}>
            {i > 0 && ', '}
            {reading.closest.map((phrase) => `“${phrase}”`).join(' or ')}
          </span>
        ))}
        .
      </p>
    );
  }
  return (
    <p class="agenda__results" role="status">
      {index.filtered.value?.mode === 'results'
        ? plural(index.resultCount.value, 'matching item')
        : plural(index.resultCount.value, 'meeting')}
    </p>
  );
}

/** How the years the headings do not write were found, said once; and what makes them uncertain, if anything. */
function YearsNote({ note }: { note: YearNote }) {
  return (
    <div class={`agenda__years${note.doubt ? ' agenda__years--doubt' : ''}`} role="note">
      <p>{yearsSentence(note)}</p>
      {note.doubt && <p>{note.doubt}</p>}
    </div>
  );
}

/** While a long agenda is still arriving: how much of it is here, and that search and filters cover only that. */
function LoadingLine({ state }: { state: PanelState }) {
  const progress = state.progress.value;
  if (!progress) return null;
  return (
    <p class="agenda__loading" role="status">
      Loading older meetings: {progress.loaded.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} so
      far. Search and filters cover these until the rest arrives.
    </p>
  );
}

/**
 * The statuses of every reference of the agenda, counted only while the filters are open (the filter bar
 * renders its children only then) and only when statuses or the agenda change: at 5,000 meetings, counting
 * them was most of a keystroke. The agenda's references are gathered here too, not before its first rows show.
 */
function AgendaStatusSummary({
  github,
  state,
  ...props
}: { github: GitHubStatus; state: PanelState } & Omit<ComponentProps<typeof StatusSummary>, 'summary'>) {
  const refs = state.refs.value;
  const reports = github.reports.value;
  const summary = useMemo(() => summarise(reports, refs), [reports, refs]);
  if (refs.length === 0) return null;
  return (
    <div class="filters__group filters__status" role="group" aria-label="GitHub status">
      <StatusSummary summary={summary} {...props} />
    </div>
  );
}
