// The index as a keyboard-driven tree over a virtual list: ↑/↓ or j/k move, Enter jumps,
// → and ← open and close a meeting. Focus stays on the tree; the active row is announced through
// aria-activedescendant, so a screen reader follows it although only the rows in view exist.
import { useEffect, useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import type { PanelState } from '@/lib/panel/state';
import type { Row } from '@/lib/panel/rows';
import { yearStartOf } from '@/lib/history/year-starts';
import { ItemRow } from './ItemRow';
import { MeetingRow } from './MeetingRow';
import { SectionRow } from './SectionRow';
import { VirtualRows, revealRow } from './VirtualRows';
import { NO_MARKS, type RowMarkFlags } from './RowMarks';

const PAGE_ROWS = 10;

export function rowDomId(id: string): string {
  return `row-${id}`;
}

export function AgendaTree({ state }: { state: PanelState }) {
  const index = state.index;
  const list = index.rowList.value;
  const scroller = useRef<HTMLDivElement>(null);
  const activeId = index.activeId.value;
  const currentKey = index.currentMeetingKey.value;
  const words = index.words.value;
  // Over the whole history of a group, each year's first meeting carries the year.
  const yearsShown = state.history?.scopedAgenda.value != null;
  const github = state.github;
  const reports = github ? github.reports.value : null;
  // Read so that the tree renders again with each new agenda, even when its rows compare equal.
  void state.agenda.value;
  const mine = state.private;
  const noteKeys = mine?.noteKeys.value;
  const followedKeys = mine?.followedKeys.value;
  const novelty = mine?.novelty.value;
  const marksOf = (row: Row): RowMarkFlags => {
    if (!mine || row.kind === 'section') return NO_MARKS;
    const key = row.id;
    return {
      note: noteKeys?.has(key) ?? false,
      followed: followedKeys?.has(key) ?? false,
      novelty: row.kind === 'meeting' ? novelty?.meetings.get(key) : novelty?.items.get(key),
    };
  };
  const asked = useRef<{ all: string[]; shown: string }>({ all: [], shown: '' });
  /** The references on screen, top first: without a token only these are looked up. */
  function onShown(rows: readonly Row[]): void {
    if (!github) return;
    // Read here, after the rows are painted, not while rendering them: a long agenda's first rows come first.
    const allRefs = state.refs.peek();
    const shownRefs = rows.flatMap((row) => (row.kind === 'item' ? row.item.refs : []));
    const shown = shownRefs.join(' ');
    // Ask again only when the agenda or the references on screen changed, not on every keystroke; and the
    // whole agenda's only when it changed (going over every reference of a long agenda costs).
    if (asked.current.all === allRefs && asked.current.shown === shown) return;
    const agendaChanged = asked.current.all !== allRefs;
    asked.current = { all: allRefs, shown };
    void github.request(agendaChanged ? allRefs : [], shownRefs);
  }

  // Keep the active row in view as the keyboard moves it, and show the meeting the reader has reached in the
  // page (scroll-spy, without taking focus). Only when they change: a re-parse must not undo the reader's
  // scrolling. A row picked with the pointer is in view already: scrolling it would move it from under the
  // pointer. Scroll-spy waits while the reader is in the list (pointer over it, or focus in it).
  const revealed = useRef<{ active: string | null; current: string | null }>({ active: null, current: null });
  useEffect(() => {
    const box = scroller.current;
    if (!box || !list) return;
    if (activeId !== revealed.current.active) {
      const at = activeId === null ? -1 : list.indexOf(activeId);
      if (at !== -1) revealRow(box, list, at);
    }
    const busy = box.matches(':hover') || box.contains(document.activeElement);
    if (currentKey !== revealed.current.current && !busy) {
      const at = currentKey === null ? -1 : list.indexOf(currentKey);
      if (at !== -1) revealRow(box, list, at, 48);
    }
    revealed.current = { active: activeId, current: currentKey };
  }, [activeId, currentKey, list]);

  if (!list) return null;

  function jumpTo(row: Row): void {
    index.activate(row.id);
    const key = row.kind === 'section' ? row.meetingKey : row.kind === 'meeting' ? row.meeting.key : row.item.key;
    void state.jump(key);
  }

  /** A row clicked: it is where the pointer is, so it is selected without scrolling the list. */
  function pick(row: Row): void {
    revealed.current = { ...revealed.current, active: row.id };
    jumpTo(row);
  }

  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>): void {
    const row = index.activeRow();
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          index.move(1);
          return true;
        case 'ArrowUp':
        case 'k':
          index.move(-1);
          return true;
        case 'PageDown':
          index.move(PAGE_ROWS);
          return true;
        case 'PageUp':
          index.move(-PAGE_ROWS);
          return true;
        case 'Home':
          index.move(-Infinity);
          return true;
        case 'End':
          index.move(Infinity);
          return true;
        case 'Enter':
          if (row) jumpTo(row);
          return row !== null;
        case 'ArrowRight':
          if (row?.kind === 'meeting' && !row.expanded) index.toggle(row.meeting.key, true);
          else index.move(1);
          return true;
        case 'ArrowLeft':
          if (row?.kind === 'meeting') index.toggle(row.meeting.key, false);
          else if (row) index.activate(row.meetingKey);
          return row !== null;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  }

  const activeAt = activeId === null ? -1 : list.indexOf(activeId);
  return (
    <div
      ref={scroller}
      class="tree"
      role="tree"
      aria-label="Meetings, newest first"
      tabIndex={0}
      aria-activedescendant={activeAt !== -1 && activeId !== null ? rowDomId(activeId) : undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // Tabbing in starts at the first row. A press focuses the tree too, but then the row pressed is the one
        // wanted: selecting the first row here would open the details and move the list before the release.
        if (!event.currentTarget.matches(':focus-visible')) return;
        if (index.activeId.value === null && list.count > 0) index.activate(list.row(0).id);
      }}
    >
      {list.count === 0 ? (
        <p class="tree__empty">Nothing matches these filters.</p>
      ) : (
        <VirtualRows
          list={list}
          scroller={scroller}
          onShown={onShown}
          keepIndex={activeAt === -1 ? undefined : activeAt}
          view={[index.filters.value, index.statusFilter.value, index.markFilter.value]}
          renderRow={(row, _i, top) => {
            const common = {
              key: row.id,
              domId: rowDomId(row.id),
              top,
              active: row.id === activeId,
              pos: row.pos,
              size: row.size,
              onActivate: () => pick(row),
            };
            switch (row.kind) {
              case 'meeting':
                return (
                  <MeetingRow
                    {...common}
                    meeting={row.meeting}
                    expanded={row.expanded}
                    hitCount={row.hitCount}
                    current={row.meeting.key === currentKey}
                    onToggle={() => index.toggle(row.meeting.key)}
                    marks={marksOf(row)}
                    yearStart={yearsShown ? yearStartOf(list, _i) : undefined}
                  />
                );
              case 'section':
                return <SectionRow {...common} title={row.title} />;
              case 'item':
                return (
                  <ItemRow
                    {...common}
                    item={row.item}
                    level={row.level}
                    words={words}
                    reports={reports}
                    marks={marksOf(row)}
                  />
                );
            }
          }}
        />
      )}
    </div>
  );
}
