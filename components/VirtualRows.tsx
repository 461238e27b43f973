// Renders only the rows in view of a scrolling box; the DOM stays the same size however long the agenda.
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { rowAt, type Row, type RowList } from '@/lib/panel/rows';
import { useKeepPlace } from './keep-place';

const OVERSCAN_PX = 240;

interface Props {
  list: RowList;
  scroller: RefObject<HTMLDivElement | null>;
  renderRow: (row: Row, index: number, top: number) => ComponentChildren;
  /** Told the rows in view after each render, scrolling included. */
  onShown?: (rows: readonly Row[]) => void;
  /** A row rendered even out of view: the active one, so aria-activedescendant always finds it. */
  keepIndex?: number;
  /** What the rows show (search, filters): while it stays the same, a changed list keeps the rows in place. */
  view: readonly unknown[];
}

export function VirtualRows({ list, scroller, renderRow, onShown, keepIndex, view }: Props) {
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const measureNow = useRef<() => void>(() => undefined);
  useKeepPlace({ scroller, list, view, onScrolled: () => measureNow.current() });

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const top = box.scrollTop;
      const height = box.clientHeight || 800;
      // The same viewport again (a resize of nothing, the first measure) renders nothing again.
      setViewport((before) => (before.top === top && before.height === height ? before : { top, height }));
    };
    const onScroll = (): void => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    measureNow.current = measure;
    box.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller]);

  const { count, offsets } = list;
  const total = offsets[count] ?? 0;
  const first = count === 0 ? 0 : rowAt(offsets, count, Math.max(0, viewport.top - OVERSCAN_PX));
  let last = first;
  while (last < count && offsets[last]! < viewport.top + viewport.height + OVERSCAN_PX) last++;
  const shown: Row[] = [];
  const children: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    const row = list.row(i);
    shown.push(row);
    children.push(renderRow(row, i, offsets[i]!));
  }
  if (keepIndex !== undefined && keepIndex >= 0 && keepIndex < count && (keepIndex < first || keepIndex >= last)) {
    children.push(renderRow(list.row(keepIndex), keepIndex, offsets[keepIndex]!));
  }
  useEffect(() => onShown?.(shown));
  return (
    <div class="virtual-rows" style={{ height: `${total}px` }}>
      {children}
    </div>
  );
}

/** Scrolls the box just enough to show the row, if it is not fully in view. */
export function revealRow(box: HTMLElement, list: RowList, index: number, margin = 8): void {
  const top = list.offsets[index];
  const bottom = list.offsets[index + 1];
  if (top === undefined || bottom === undefined) return;
  if (top < box.scrollTop + margin) box.scrollTop = Math.max(0, top - margin);
  else if (bottom > box.scrollTop + box.clientHeight - margin) box.scrollTop = bottom - box.clientHeight + margin;
}
