// The Google Docs editor's line in the panel: how old the agenda is, what stands in the way (sign-in, access,
// "too many requests", no network, several tabs) and the way out ("Allow access", "Try again").
import { useEffect, useState } from 'preact/hooks';
import type { LiveDocState } from '../lib/messaging/live-doc';
import { callTab } from '../lib/messaging/send';
import { describeLiveDoc } from '../lib/panel/live-doc';
import {
  exportPermissionOrigins,
  GOOGLE_HOSTS,
  googleHostsOfBuild,
  TEST_HOSTS_KEY,
  type GoogleHosts,
} from '../lib/sources/google-hosts';
import { PanelMessage } from './PanelMessage';
import './live-doc.css';

export interface LiveDocActions {
  /** Must run straight from the click: browsers ask the user only within a gesture. */
  allow(): Promise<boolean>;
  /** Asks the tab to read the export again now. */
  refresh(): void;
}

interface Props {
  live: LiveDocState;
  /** An agenda is shown below: a problem then concerns its freshness only. */
  hasAgenda: boolean;
  actions: LiveDocActions;
  now?: () => number;
}

/** The real actions, for the tab the panel shows. */
export function browserLiveDocActions(tabId: number | null): LiveDocActions {
  let hosts = GOOGLE_HOSTS;
  void panelGoogleHosts().then((found) => (hosts = found));
  const refresh = (): void => {
    if (tabId !== null) void callTab(tabId, { type: 'docs/refresh' }).catch(() => undefined);
  };
  return {
    // The hosts come from the panel's own list, never from what the tab reported; asked at once, within the click
    // (Firefox refuses a request made after anything was awaited).
    allow: async () => {
      const granted = await browser.permissions.request({ origins: exportPermissionOrigins(hosts) });
      if (granted) refresh();
      return granted;
    },
    refresh,
  };
}

/** Google's hosts as the background uses them: the real ones, or in the test build the local stand-ins. */
function panelGoogleHosts(): Promise<GoogleHosts> {
  return googleHostsOfBuild(
    import.meta.env.MODE,
    async () => (await browser.storage.local.get(TEST_HOSTS_KEY))[TEST_HOSTS_KEY],
  );
}

const AGE_TICK_MS = 30_000;

export function LiveDocBanner({ live, hasAgenda, actions, now = Date.now }: Props) {
  // The age shown grows while the panel is open.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), AGE_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const [refused, setRefused] = useState(false);
  const words = describeLiveDoc(live, hasAgenda, now());
  const problem = words.problem;

  return (
    <section
      class={`live-doc${problem ? ' live-doc--warning' : ''}`}
      role={problem ? 'alert' : 'status'}
      aria-label="Google Docs"
      data-live-problem={problem?.kind ?? ''}
    >
      {problem && <h2 class="live-doc__title">{problem.title}</h2>}
      {problem && <p class="live-doc__body">{problem.body}</p>}
      {refused && words.needsAccess && (
        <p class="live-doc__body">Access was not given. The index needs it to read the editor.</p>
      )}
      {words.tabs && <p class="live-doc__body">{words.tabs}</p>}
      <div class="live-doc__line">
        {words.freshness && <span class="live-doc__age">{words.freshness}</span>}
        {words.needsAccess && (
          <button
            type="button"
            class="button button--small"
            onClick={() => void actions.allow().then((granted) => setRefused(!granted))}
          >
            Allow access
          </button>
        )}
        {!words.needsAccess && (words.canRetry || live.refreshing) && (
          <button
            type="button"
            class="button button--small"
            onClick={() => actions.refresh()}
            disabled={live.refreshing}
          >
            {live.refreshing ? 'Reading…' : problem ? 'Try again' : 'Refresh'}
          </button>
        )}
      </div>
    </section>
  );
}

/** The whole panel for an editor tab without an agenda to show yet: reading, or what stands in the way. */
export function LiveDocMessage({ live, reason, tabId }: { live: LiveDocState; reason: string; tabId: number | null }) {
  const actions = browserLiveDocActions(tabId);
  if (!live.problem && live.fetchedAt === null) return <PanelMessage title="Reading the document from Google Docs…" />;
  if (!live.problem) {
    return (
      <PanelMessage title="This page is not an agenda" tone="warning">
        {reason}
        <LiveDocBanner live={live} hasAgenda={false} actions={actions} />
      </PanelMessage>
    );
  }
  return (
    <div class="panel-message panel-message--warning">
      <LiveDocBanner live={live} hasAgenda={false} actions={actions} />
    </div>
  );
}

/** The line above the index of an editor tab; nothing for other pages. */
export function EditorFreshness({
  state,
}: {
  state: { snapshot: { value: { live?: LiveDocState } | null }; tabId: { value: number | null } };
}) {
  const live = state.snapshot.value?.live;
  if (!live) return null;
  return <LiveDocBanner live={live} hasAgenda actions={browserLiveDocActions(state.tabId.value)} />;
}
