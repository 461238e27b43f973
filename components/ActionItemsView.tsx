// Every action item across meetings with its owners and date, newest first. The user ticks off the ones
// they care about; the ticks are private and follow their items when the agenda is edited.
import { useState } from 'preact/hooks';
import { formatMeetingDate, plural } from '@/lib/panel/format';
import type { PanelState } from '@/lib/panel/state';
import type { PrivateState } from '@/lib/panel/private-state';
import { showInIndex } from './show-in-index';

export function ActionItemsView({ state, mine }: { state: PanelState; mine: PrivateState }) {
  const [hideDone, setHideDone] = useState(false);
  const actions = mine.actions.value;
  const done = mine.done.value;
  const shown = hideDone ? actions.filter((action) => !done.has(action.itemKey)) : actions;
  // Over the group's whole history when the reader chose it.
  const where = state.history?.scopedAgenda.value != null ? 'the group’s history' : 'this agenda';
  if (actions.length === 0) {
    return (
      <div class="side-view">
        <p class="side-view__empty">
          No action items in {where}. Items under an “Action items” heading, or starting with “AI:” or “Action:”, are
          listed here.
        </p>
      </div>
    );
  }
  return (
    <div class="side-view">
      <p class="side-view__summary">
        {plural(actions.length, 'action item')} · {done.size} ticked off
        <label class="check check--inline">
          <input type="checkbox" checked={hideDone} onChange={(event) => setHideDone(event.currentTarget.checked)} />
          Hide ticked
        </label>
      </p>
      <ul class="actions">
        {shown.map((action) => {
          const isDone = done.has(action.itemKey);
          return (
            <li key={action.itemKey} class={`action${isDone ? ' action--done' : ''}`}>
              <input
                type="checkbox"
                id={`action-${action.itemKey}`}
                checked={isDone}
                onChange={(event) => void mine.setDone(action, event.currentTarget.checked)}
                aria-label={`Done: ${action.text}`}
              />
              <button type="button" class="action__body" onClick={() => showInIndex(state, action.itemKey)}>
                <span class="action__text">{action.text}</span>
                <span class="action__meta">
                  {formatMeetingDate(action.date)}
                  {action.owners.length > 0 && ` · ${action.owners.map((owner) => `@${owner}`).join(', ')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
