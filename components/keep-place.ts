// Keeps the row under the pointer where it is on screen when the list changes around it: a live edit adds a
// meeting above, a GitHub status changes which rows a status filter shows, a banner grows the header and
// pushes the list down. A person aiming at a row must find that row under the pointer when they press.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';
import { rowAt, type RowList } from '@/lib/panel/rows';

interface Options {
  scroller: RefObject<HTMLDivElement | null>;
  list: RowList;
  /** What the rows show (the search and filters), each part compared by identity: another view has no place to keep. */
  view: readonly unknown[];
  /** Called after the box was scrolled to keep the place, to draw the rows now in view at once. */
  onScrolled: () => void;
}

export function useKeepPlace({ scroller, list, view, onScrolled }: Options): void {
  /** The pointer's distance from the box's top while it is over the box; null when it is elsewhere. */
  const pointerY = useRef<number | null>(null);
  const shown = useRef<{ list: RowList; view: readonly unknown[]; scrollTop: number; boxTop: number } | null>(null);
  const moved = useRef(onScrolled);
  moved.current = onScrolled;

  // The pointer, the scroll position and where the box sits, followed as they change (not read after the change).
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const onPointer = (event: PointerEvent): void => {
      pointerY.current = event.clientY - box.getBoundingClientRect().top;
    };
    const onLeave = (): void => {
      pointerY.current = null;
    };
    const onScroll = (): void => {
      if (shown.current) shown.current.scrollTop = box.scrollTop;
    };
    // The box moves on screen when what is above it changes height: hold the rows where they were, but only
    // while the pointer is on them (a list no one is aiming at may show its first rows again).
    const resize = new ResizeObserver(() => {
      const state = shown.current;
      const boxTop = box.getBoundingClientRect().top;
      if (!state) return;
      const shift = boxTop - state.boxTop;
      state.boxTop = boxTop;
      if (shift === 0 || pointerY.current === null) return;
      box.scrollTop = Math.max(0, box.scrollTop + shift);
      state.scrollTop = box.scrollTop;
      pointerY.current -= shift;
      moved.current();
    });
    resize.observe(box);
    box.addEventListener('pointermove', onPointer, { passive: true });
    box.addEventListener('pointerdown', onPointer, { passive: true });
    box.addEventListener('pointerleave', onLeave, { passive: true });
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resize.disconnect();
      box.removeEventListener('pointermove', onPointer);
      box.removeEventListener('pointerdown', onPointer);
      box.removeEventListener('pointerleave', onLeave);
      box.removeEventListener('scroll', onScroll);
    };
  }, [scroller]);

  // A new list: find the row that was under the pointer (or at the top) and put it back where it was.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const before = shown.current;
    shown.current = { list, view, scrollTop: box.scrollTop, boxTop: before?.boxTop ?? box.getBoundingClientRect().top };
    if (!before || before.list === list || before.list.count === 0) return;
    if (before.view.length !== view.length || before.view.some((part, i) => part !== view[i])) return;
    const y = pointerY.current;
    // Nobody aiming and the list at its top: new rows at the top are news to show, as browsers do.
    if (y === null && before.scrollTop === 0) return;
    const at = rowAt(before.list.offsets, before.list.count, before.scrollTop + (y ?? 0));
    const now = list.indexOf(before.list.row(at).id);
    if (now === -1) return;
    const shift = list.offsets[now]! - before.list.offsets[at]!;
    if (shift === 0) return;
    box.scrollTop = before.scrollTop + shift;
    shown.current.scrollTop = box.scrollTop;
    moved.current();
  }, [list]);
}
