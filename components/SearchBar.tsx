// Full-text search over the agenda: every keystroke filters; Esc clears; "/" anywhere comes here.
import { useEffect, useRef } from 'preact/hooks';
import type { PanelState } from '@/lib/panel/state';

export function SearchBar({ state }: { state: PanelState }) {
  const index = state.index;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, select, textarea');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="search">
      <input
        ref={input}
        type="search"
        class="search__input field"
        placeholder="Search items, people, PRs…  ( / )"
        aria-label="Search meetings and items"
        value={index.filters.value.query}
        onInput={(event) => index.updateFilters({ query: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            index.updateFilters({ query: '' });
          } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
            // From the search box straight into the results.
            event.preventDefault();
            const list = index.rowList.value;
            index.activate(list && list.count > 0 ? list.row(0).id : null);
            document.querySelector<HTMLElement>('.tree')?.focus();
          }
        }}
      />
    </div>
  );
}
