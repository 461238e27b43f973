// The panel's pages over one agenda. Arrow keys, Home and End move between tabs, as in every tab list.
import type { PanelState, PanelTab } from '@/lib/panel/state';

/** `more`: words dropped from sight (not from the accessible name) when the panel is narrow. */
const TABS: readonly { id: PanelTab; label: string; more?: string }[] = [
  { id: 'index', label: 'Index' },
  { id: 'following', label: 'Following' },
  { id: 'actions', label: 'Action', more: ' items' },
  { id: 'notes', label: 'Notes' },
];

export function tabPanelId(tab: PanelTab): string {
  return `tabpanel-${tab}`;
}

export function PanelTabs({ state }: { state: PanelState }) {
  const current = state.tab.value;
  const mine = state.private;
  const counts: Partial<Record<PanelTab, string>> = mine
    ? {
        following: count(mine.followed.value.length),
        actions: count(mine.actions.value.length - mine.done.value.size),
        notes: count(mine.noteKeys.value.size + (mine.placement.value?.detached.length ?? 0)),
      }
    : {};
  const detached = mine?.placement.value?.detached.length ?? 0;
  return (
    <div
      class="tabs"
      role="tablist"
      aria-label="Views"
      onKeyDown={(event) => {
        const at = TABS.findIndex((tab) => tab.id === current);
        const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
        const wanted = to[event.key];
        if (wanted === undefined) return;
        event.preventDefault();
        const next = TABS[(wanted + TABS.length) % TABS.length]!;
        state.showTab(next.id);
        document.getElementById(`tab-${next.id}`)?.focus();
      }}
    >
      {TABS.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          class="tabs__tab"
          aria-selected={tab.id === current}
          aria-controls={tabPanelId(tab.id)}
          tabIndex={tab.id === current ? 0 : -1}
          onClick={() => state.showTab(tab.id)}
        >
          {tab.label}
          {tab.more && <span class="tabs__more">{tab.more}</span>}
          {counts[tab.id] && <span class="tabs__count">{counts[tab.id]}</span>}
          {tab.id === 'notes' && detached > 0 && (
            <>
              <span class="tabs__alert" aria-hidden="true" title={`${detached} detached`}>
                !
              </span>
              <span class="visually-hidden">, {detached} detached</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}

function count(n: number): string {
  return n > 0 ? String(n) : '';
}
