// A section title inside an open meeting: "Pulls of note", "Discussion topics".
import type { RowProps } from './row-props';

export function SectionRow({ title, ...row }: RowProps & { title: string }) {
  return (
    <div
      id={row.domId}
      role="treeitem"
      aria-level={2}
      aria-selected={row.active}
      aria-posinset={row.pos}
      aria-setsize={row.size}
      class={`row section${row.active ? ' row--active' : ''}`}
      style={{ top: `${row.top}px` }}
      onClick={row.onActivate}
    >
      {title}
    </div>
  );
}
