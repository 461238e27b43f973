// What changed since the user last looked, in one line, with a way to say "seen".
import { plural } from '@/lib/panel/format';
import type { PanelState } from '@/lib/panel/state';

export function WhatsNew({ state }: { state: PanelState }) {
  const mine = state.private;
  const novelty = mine?.novelty.value;
  if (!mine || !novelty || novelty.meetings.size === 0) return null;
  const fresh = [...novelty.meetings.values()].filter((kind) => kind === 'new').length;
  const changed = novelty.meetings.size - fresh;
  const parts = [fresh > 0 ? `${plural(fresh, 'new meeting')}` : '', changed > 0 ? `${changed} changed` : ''].filter(
    Boolean,
  );
  return (
    <p class="whats-new" role="status">
      <span class="whats-new__dot" aria-hidden="true" />
      Since your last visit: {parts.join(', ')}.{' '}
      <button
        type="button"
        class="link-button"
        onClick={() => {
          state.index.setMarkFilter('new');
          state.showTab('index');
        }}
      >
        Show
      </button>{' '}
      <button type="button" class="link-button" onClick={() => void mine.markSeen()}>
        Mark all seen
      </button>
    </p>
  );
}
