// One agenda item: its text with the search matches marked, who brings it, what it references.
import type { Item } from '@/lib/agenda/model';
import type { RefReport } from '@/lib/github';
import { markMatches } from '@/lib/panel/search';
import { RefBadge } from './RefBadge';
import type { RowProps } from './row-props';
import { RowMarks, type RowMarkFlags } from './RowMarks';

interface Props extends RowProps {
  item: Item;
  level: number;
  words: string[];
  reports: ReadonlyMap<string, RefReport> | null;
  marks: RowMarkFlags;
}

export function ItemRow({ item, level, words, reports, marks, ...row }: Props) {
  return (
    <div
      id={row.domId}
      role="treeitem"
      aria-level={level}
      aria-selected={row.active}
      aria-posinset={row.pos}
      aria-setsize={row.size}
      data-item-key={item.key}
      class={`row item${item.struck ? ' item--struck' : ''}${row.active ? ' row--active' : ''}`}
      style={{ top: `${row.top}px`, paddingLeft: `${12 + (level - 1) * 14}px` }}
      title={item.text}
      onClick={row.onActivate}
    >
      <span class="item__text">
        {words.length === 0
          ? item.text
          : markMatches(item.text, words).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
      </span>
      <RowMarks marks={marks} />
      {item.people.length > 0 && <span class="item__people">{item.people.map((p) => `@${p}`).join(' ')}</span>}
      {item.refs.length > 0 && (
        <span class="item__refs">
          {item.refs.map((ref) =>
            reports ? <RefBadge key={ref} reference={ref} report={reports.get(ref)} showLabel={false} /> : null,
          )}
        </span>
      )}
    </div>
  );
}
