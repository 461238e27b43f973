// From the Following, Action items and Notes pages: jump to a meeting or item in the page, and make it
// the index's active row for when the user goes back to the index.
import type { PanelState } from '@/lib/panel/state';

export function showInIndex(state: PanelState, key: string): void {
  if (!key) return;
  state.index.reveal(key);
  void state.jump(key);
}
