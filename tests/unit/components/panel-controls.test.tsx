// @vitest-environment happy-dom
// The controls above the index, as a reader uses them: the search box, the page tabs, the filters and the next
// meeting, each over a real panel state whose page answers with a small agenda.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterBar } from '@/components/FilterBar';
import { NextMeeting } from '@/components/NextMeeting';
import { PanelTabs } from '@/components/PanelTabs';
import { SearchBar } from '@/components/SearchBar';
import { openingOf } from '@/lib/messaging/agenda-parts';
import type { AgendaSnapshot } from '@/lib/messaging/protocol';
import type { PageLink } from '@/lib/panel/page-link';
import { createPanelState, type PanelState } from '@/lib/panel/state';
import { agenda, meeting } from '../../support/agenda-builder';
import { freshRoot } from '../../support/render-root';

const SNAPSHOT: AgendaSnapshot = {
  status: 'agenda',
  agenda: agenda([
    meeting('2018-03-28', { discussion: ['Bound service account tokens (@mikedanese)'] }),
    meeting('2018-03-14', {
      discussion: ['TokenRequest rollout plan (@mikedanese)', 'Node authorizer follow-ups'],
      pulls: ['Fix CSR approval https://github.com/kubernetes/kubernetes/pull/61234'],
    }),
    meeting('2018-02-28', { announcements: ['1.10 code freeze'] }),
  ]),
};

/** One tab whose content script answers with SNAPSHOT, and jumps that are recorded. */
function scriptedLink(jumps: string[]): PageLink {
  return {
    initialTab: async () => 1,
    request: (async (_tabId: number, request: { type: string; key?: string }) => {
      if (request.type === 'agenda/open') return openingOf(SNAPSHOT, 1);
      if (request.type === 'agenda/jump') {
        jumps.push(request.key ?? '');
        return { ok: true };
      }
      return SNAPSHOT;
    }) as PageLink['request'],
    onAgendaChanged() {},
    onVisibleMeeting() {},
    onTabChanged() {},
  };
}

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});
let state: PanelState;
const jumps: string[] = [];

beforeEach(async () => {
  jumps.length = 0;
  state = createPanelState(scriptedLink(jumps), { today: () => '2018-03-20' });
  await state.start();
});

afterEach(() => {
  state.dispose();
});

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(target: Element, name: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

describe('the search box', () => {
  it('narrows the index as the reader types, and Escape empties it', async () => {
    render(<SearchBar state={state} />, root);
    const box = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(box.getAttribute('aria-label')).toBe('Search meetings and items');

    type(box, 'tokenrequest');
    await flush();
    expect(state.index.resultCount.value).toBe(1);
    expect(state.index.chips.value.map((chip) => chip.label)).toContain('“tokenrequest”');

    key(box, 'Escape');
    await flush();
    expect(box.value).toBe('');
    expect(state.index.filtering.value).toBe(false);
  });

  it('is reached with "/" from anywhere on the panel', async () => {
    render(<SearchBar state={state} />, root);
    await vi.waitFor(() => {
      key(document.body, '/');
      expect(document.activeElement).toBe(root.querySelector('input[type="search"]'));
    });
    (document.activeElement as HTMLElement).blur();
    key(document.body, '/');
    expect(document.activeElement).toBe(root.querySelector('input[type="search"]'));
  });
});

describe('the page tabs', () => {
  it('shows which page is open, and moves with a click or the arrow keys', async () => {
    render(<PanelTabs state={state} />, root);
    const selected = (): string[] =>
      [...root.querySelectorAll('[role="tab"][aria-selected="true"]')].map((tab) => tab.textContent ?? '');
    expect(selected()).toEqual(['Index']);

    root.querySelector<HTMLButtonElement>('#tab-notes')!.click();
    await flush();
    expect(selected()).toEqual(['Notes']);

    key(root.querySelector('#tab-notes')!, 'ArrowRight');
    await flush();
    expect(selected()).toEqual(['Index']);
    expect(document.activeElement?.id).toBe('tab-index');

    key(root.querySelector('#tab-index')!, 'ArrowLeft');
    await flush();
    expect(selected()).toEqual(['Notes']);

    key(root.querySelector('#tab-notes')!, 'Home');
    await flush();
    expect(selected()).toEqual(['Index']);
  });
});

describe('the filters', () => {
  it('offers the sections this agenda uses, in the usual order, and counts the ones picked', async () => {
    render(<FilterBar state={state} />, root);
    const details = root.querySelector('details')!;
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await flush();
    const sections = [...root.querySelectorAll('fieldset')].find((set) => set.textContent?.startsWith('Section'))!;
    const labels = [...sections.querySelectorAll('label')].map((label) => label.textContent);
    expect(labels).toEqual(['Pulls of note', 'Discussion topics', 'Announcements']);

    const pulls = [...sections.querySelectorAll('label')].find((label) => label.textContent === 'Pulls of note')!;
    pulls.querySelector('input')!.click();
    await flush();
    expect(root.querySelector('summary')?.textContent).toBe('Filters (1)');
    expect(state.index.resultCount.value).toBe(1);
  });
});

describe('the next meeting', () => {
  it('names the first meeting after today and jumps there when pressed', async () => {
    render(<NextMeeting state={state} />, root);
    const next = root.querySelector<HTMLButtonElement>('[data-next-meeting]')!;
    expect(next.dataset.nextMeeting).toBe('2018-03-28');
    expect(next.textContent).toContain('Next meeting');
    next.click();
    await flush();
    expect(jumps).toEqual(['2018-03-28']);
  });
});
