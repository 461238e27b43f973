// @vitest-environment happy-dom
// The panel's own pages over the reader's private layer (a real fake-indexeddb store): Following (timelines,
// threads, what cannot be followed), Action items (ticks, hiding the ticked), Notes (notes by meeting,
// detached notes with the text they were on, attach and delete, an import refused in words), and what's new.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionItemsView } from '@/components/ActionItemsView';
import { AgendaPanel } from '@/components/AgendaPanel';
import { FollowingView } from '@/components/FollowingView';
import { NotesView } from '@/components/NotesView';
import { WhatsNew } from '@/components/WhatsNew';
import type { Agenda } from '@/lib/agenda/model';
import { agenda, keyOf, meeting, type MeetingSpec } from '../../support/agenda-builder';
import { startPanel, type Harness } from '../../support/panel-harness';
import { freshRoot } from '../../support/render-root';

const MEETINGS: MeetingSpec[] = [
  meeting('2018-11-28', {
    discussion: [
      '[@pbarker] Outgoing webhook auth',
      'TokenRequest rollout, see kubernetes/kubernetes#71174',
      'Drop the legacy ABAC docs',
    ],
    'action-items': ['@brancz will make issue for review of kube-rbac-proxy', '@liggitt to write the KEP'],
  }),
  meeting('2018-11-14', {
    pulls: ['TokenRequest API kubernetes/kubernetes#71174'],
    'action-items': ['@mikedanese to draft the TokenRequest docs'],
  }),
  meeting('2018-10-31', { discussion: ['TokenRequest first look kubernetes/kubernetes#71174'] }),
];
const AGENDA = agenda(MEETINGS);

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});
let panel: Harness;

async function open(shown: Agenda = AGENDA): Promise<Harness> {
  panel = await startPanel(shown);
  await vi.waitFor(() => expect(panel.state.private?.ready.value).toBe(true));
  return panel;
}

afterEach(() => {
  panel.dispose();
});

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const texts = (selector: string): string[] => [...root.querySelectorAll(selector)].map((el) => el.textContent ?? '');
const button = (name: string, within: ParentNode = root): HTMLButtonElement => {
  const found = [...within.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`No button "${name}" in: ${texts('button').join(' | ')}`);
  return found;
};

describe('Following', () => {
  it('says how to follow when nothing is followed, and offers a reference that keeps coming back', async () => {
    await open();
    render(<FollowingView state={panel.state} mine={panel.state.private!} />, root);
    expect(root.querySelector('.side-view__empty')?.textContent).toMatch(/^You follow nothing yet\./);
    expect(root.querySelector('#threads-title')?.textContent).toBe('Threads in this agenda');
    expect(texts('.thread__text')).toEqual(['kubernetes/kubernetes#71174 — discussed in 3 meetings']);

    button('Follow', root.querySelector('.thread')!).click();
    await vi.waitFor(() => expect(texts('.topic__label')).toEqual(['kubernetes/kubernetes#71174']));
    // Followed now: no longer offered as a thread.
    expect(root.querySelector('.threads')).toBeNull();
    expect(texts('.topic__kind')).toEqual(['GitHub reference']);
    expect(texts('.topic__count')).toEqual(['3 mentions']);
  });

  it('follows a phrase typed in, shows its timeline newest first, and jumps from an entry', async () => {
    await open();
    render(<FollowingView state={panel.state} mine={panel.state.private!} />, root);
    const field = root.querySelector<HTMLInputElement>('input[aria-label="What to follow"]')!;
    field.value = 'TokenRequest';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

    await vi.waitFor(() => expect(texts('.topic__label')).toEqual(['TokenRequest']));
    expect(field.value).toBe('');
    expect(texts('.topic__kind')).toEqual(['Phrase']);
    expect(texts('.topic__count')).toEqual(['4 mentions']);
    expect(texts('.timeline__when')).toEqual([
      'Wed, Nov 28, 2018 · Discussion topics',
      'Wed, Nov 14, 2018 · Pulls of note',
      'Wed, Nov 14, 2018 · Action items',
      'Wed, Oct 31, 2018 · Discussion topics',
    ]);
    expect(texts('.timeline__text')[1]).toBe('TokenRequest API kubernetes/kubernetes#71174');
    // The page alone: no first/last span (that is for a group's whole history).
    expect(root.querySelector('.topic__span')).toBeNull();

    root.querySelectorAll<HTMLButtonElement>('.timeline__entry')[1]!.click();
    await flush();
    const key = keyOf(AGENDA, '2018-11-14', 'TokenRequest API');
    expect(panel.jumps).toEqual([key]);
    expect(panel.state.index.activeId.value).toBe(key);

    button('Unfollow').click();
    await vi.waitFor(() => expect(root.querySelector('.side-view__empty')?.textContent).toMatch(/^You follow nothing/));
  });

  it('says why something cannot be followed, and says when a topic is not mentioned', async () => {
    await open();
    render(<FollowingView state={panel.state} mine={panel.state.private!} />, root);
    const select = root.querySelector('select')!;
    select.value = 'ref';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    const field = root.querySelector<HTMLInputElement>('input[aria-label="What to follow"]')!;
    expect(field.placeholder).toBe('kubernetes/kubernetes#1234');
    field.value = 'the webhook one';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        '“the webhook one” is not a GitHub reference. Write it as owner/repo#123, or paste the address of the issue or pull request.',
      ),
    );
    expect(field.value).toBe('the webhook one');

    await panel.state.private!.follow('person', '@nobody-here');
    await vi.waitFor(() => expect(texts('.topic__label')).toEqual(['@nobody-here']));
    expect(texts('.topic__none')).toEqual(['Not mentioned in this agenda.']);
    expect(texts('.topic__count')).toEqual(['0 mentions']);
  });
});

describe('Action items', () => {
  it('lists every action item with its date and owners, ticks them off, and hides the ticked', async () => {
    await open();
    render(<ActionItemsView state={panel.state} mine={panel.state.private!} />, root);
    const boxes = (): HTMLInputElement[] => [...root.querySelectorAll<HTMLInputElement>('.action input')];
    expect(boxes().map((box) => box.getAttribute('aria-label'))).toEqual([
      'Done: @brancz will make issue for review of kube-rbac-proxy',
      'Done: @liggitt to write the KEP',
      'Done: @mikedanese to draft the TokenRequest docs',
    ]);
    expect(texts('.action__meta')).toEqual([
      'Wed, Nov 28, 2018 · @brancz',
      'Wed, Nov 28, 2018 · @liggitt',
      'Wed, Nov 14, 2018 · @mikedanese',
    ]);
    expect(root.querySelector('.side-view__summary')?.textContent).toBe('3 action items · 0 ticked offHide ticked');

    boxes()[1]!.click();
    await vi.waitFor(() => expect(root.querySelector('.side-view__summary')?.textContent).toMatch(/· 1 ticked off/));
    expect(boxes().map((box) => box.checked)).toEqual([false, true, false]);
    expect(root.querySelectorAll('.action--done')).toHaveLength(1);

    const hide = [...root.querySelectorAll('label')]
      .find((l) => l.textContent === 'Hide ticked')!
      .querySelector('input')!;
    hide.click();
    await vi.waitFor(() => expect(boxes()).toHaveLength(2));
    expect(texts('.action__text')).toEqual([
      '@brancz will make issue for review of kube-rbac-proxy',
      '@mikedanese to draft the TokenRequest docs',
    ]);
    hide.click();
    await vi.waitFor(() => expect(boxes()).toHaveLength(3));

    // The tick is kept: another panel over the same store shows it.
    const again = await startPanel(AGENDA, { db: panel.db });
    try {
      await vi.waitFor(() => expect(again.state.private?.ready.value).toBe(true));
      expect([...again.state.private!.done.value]).toEqual([keyOf(AGENDA, '2018-11-28', '@liggitt to write')]);
    } finally {
      again.dispose();
    }
  });

  it('says where action items come from when the agenda has none', async () => {
    await open(agenda([meeting('2018-11-28', { discussion: ['Nothing to do'] })]));
    render(<ActionItemsView state={panel.state} mine={panel.state.private!} />, root);
    expect(root.textContent).toBe(
      'No action items in this agenda. Items under an “Action items” heading, or starting with “AI:” or “Action:”, are listed here.',
    );
  });
});

/** Writes a note through the private layer, as the editor does, and waits until it is saved. */
async function writeNote(key: string, body: string): Promise<void> {
  const mine = panel.state.private!;
  const id = mine.newNoteId();
  mine.editNote(id, key, body, 0);
  await vi.waitFor(() => expect(mine.saves.value.get(id)).toEqual({ state: 'saved' }));
}

/** The agenda after an edit that took the ABAC item out of the meeting of Nov 28. */
const EDITED = agenda([
  meeting('2018-11-28', {
    discussion: ['[@pbarker] Outgoing webhook auth', 'TokenRequest rollout, see kubernetes/kubernetes#71174'],
    'action-items': ['@brancz will make issue for review of kube-rbac-proxy', '@liggitt to write the KEP'],
  }),
  ...MEETINGS.slice(1),
]);

describe('Notes', () => {
  it('lists the notes by meeting, newest first, each a way back to its row', async () => {
    await open();
    render(<NotesView state={panel.state} mine={panel.state.private!} />, root);
    expect(root.querySelector('.side-view__empty')?.textContent).toMatch(/^No notes on this agenda yet\./);
    await writeNote('2018-10-31', 'First look went well');
    await writeNote(keyOf(AGENDA, '2018-11-28', 'Drop the legacy ABAC'), 'Who owns the ABAC docs?');
    await vi.waitFor(() =>
      expect(texts('.note-card__where')).toEqual([
        'Wed, Nov 28, 2018 · Drop the legacy ABAC docs',
        'Wed, Oct 31, 2018 · the meeting',
      ]),
    );
    expect(texts('.note-card__body')).toEqual(['Who owns the ABAC docs?', 'First look went well']);
    expect(root.querySelector('#your-data-title + .side-view__hint')?.textContent).toMatch(
      /^Notes, follows and ticks stay/,
    );
    expect(texts('.your-data .side-view__hint')[1]).toBe('2 notes on this agenda in all.');

    button('Wed, Oct 31, 2018 · the meeting').click();
    await flush();
    expect(panel.jumps).toEqual(['2018-10-31']);
  });

  it('keeps a note whose item left the agenda, with the text it was on, to attach elsewhere or delete', async () => {
    await open();
    render(<NotesView state={panel.state} mine={panel.state.private!} />, root);
    await writeNote(keyOf(AGENDA, '2018-11-28', 'Drop the legacy ABAC'), 'Who owns the ABAC docs?');
    await writeNote(keyOf(AGENDA, '2018-11-28', 'Drop the legacy ABAC'), 'Ask sig-docs too');
    panel.edit(EDITED);

    await vi.waitFor(() => expect(root.querySelector('#detached-title')?.textContent).toBe('Detached notes (2)'));
    expect(texts('.note-card__quote')).toEqual([
      'Was on an item of Wed, Nov 28, 2018: Drop the legacy ABAC docs',
      'Was on an item of Wed, Nov 28, 2018: Drop the legacy ABAC docs',
    ]);
    expect(root.querySelector('.note-card__quote q')?.textContent).toBe('Drop the legacy ABAC docs');
    expect(texts('.note-card--detached .note-card__body')).toEqual(['Who owns the ABAC docs?', 'Ask sig-docs too']);
    // Not counted as placed, still counted as the reader's.
    expect(root.querySelector('.side-view__empty')).toBeNull();
    expect(texts('.your-data .side-view__hint')[1]).toBe('2 notes on this agenda in all.');

    // Nothing selected: nowhere to attach to yet.
    const attach = (): HTMLButtonElement[] =>
      [...root.querySelectorAll<HTMLButtonElement>('.note-card--detached button')].filter(
        (b) => b.textContent === 'Attach to the selected row',
      );
    expect(attach().map((b) => [b.disabled, b.title])).toEqual([
      [true, 'Select a meeting or item in the index first'],
      [true, 'Select a meeting or item in the index first'],
    ]);
    const target = keyOf(EDITED, '2018-11-28', 'Outgoing webhook auth');
    panel.state.index.reveal(target);
    await vi.waitFor(() => expect(attach()[0]!.disabled).toBe(false));
    attach()[0]!.click();
    await vi.waitFor(() => expect(root.querySelector('#detached-title')?.textContent).toBe('Detached notes (1)'));
    expect(texts('.note-card__where')).toEqual(['Wed, Nov 28, 2018 · [@pbarker] Outgoing webhook auth']);
    expect(panel.state.private!.notesOn(target).map((n) => n.body)).toEqual(['Who owns the ABAC docs?']);

    const detached = root.querySelector('.note-card--detached')!;
    button('Delete note', detached).click();
    await vi.waitFor(() => expect(texts('.note-card--detached button')).toContain('Delete'));
    button('Delete', root.querySelector('.note-card--detached')!).click();
    await vi.waitFor(() => expect(root.querySelector('.detached')).toBeNull());
    expect(panel.state.private!.notes.value.map((n) => n.body)).toEqual(['Who owns the ABAC docs?']);
  });

  it('refuses a file that is not an export, in words, and changes nothing', async () => {
    await open();
    await writeNote('2018-10-31', 'Kept as it is');
    panel.state.showTab('notes');
    render(<AgendaPanel state={panel.state} />, root);
    await vi.waitFor(() => expect(root.querySelector('#your-data-title')).not.toBeNull());
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.closest('label')?.textContent).toBe('Import…');
    const file = new File(['{"hello": "world"}'], 'holiday-photos.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));

    const outcome = await vi.waitFor(() => {
      const found = root.querySelector('[role="status"].agenda__outcome');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(outcome.textContent).toMatch(/not an agenda overlay export/);
    expect(texts('.note-card__body')).toEqual(['Kept as it is']);
    button('Dismiss', outcome).click();
    await vi.waitFor(() => expect(root.querySelector('.agenda__outcome')).toBeNull());
  });
});

describe("What's new", () => {
  it('says nothing on a first visit, then counts new and changed meetings, shows them, and marks them seen', async () => {
    await open();
    render(<WhatsNew state={panel.state} />, root);
    await flush();
    expect(root.innerHTML).toBe('');

    panel.edit(
      agenda([
        meeting('2018-12-12', { discussion: ['Audit logging follow-ups'] }),
        meeting('2018-11-28', {
          discussion: ['[@pbarker] Outgoing webhook auth', 'TokenRequest rollout, see kubernetes/kubernetes#71174'],
          'action-items': ['@brancz will make issue for review of kube-rbac-proxy', '@liggitt to write the KEP'],
        }),
        ...MEETINGS.slice(1),
      ]),
    );
    const line = await vi.waitFor(() => {
      const found = root.querySelector('[role="status"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(line.textContent).toBe('Since your last visit: 1 new meeting, 1 changed. Show Mark all seen');

    panel.state.showTab('notes');
    button('Show').click();
    await flush();
    expect(panel.state.tab.value).toBe('index');
    expect(panel.state.index.markFilter.value).toBe('new');

    button('Mark all seen').click();
    await vi.waitFor(() => expect(root.innerHTML).toBe(''));
  });
});
