// @vitest-environment happy-dom
// A private note as the reader writes it under an item: no save button, "Saving…" while typing, "Saved" after
// the pause, a failed save said in words with the text left in the box, and delete asked once more in place.
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notes } from '@/components/NoteEditor';
import { openStore } from '@/lib/store';
import { agenda, keyOf, sigAuth } from '../../support/agenda-builder';
import { startPanel, type Harness } from '../../support/panel-harness';
import { freshRoot } from '../../support/render-root';

const AGENDA = agenda(sigAuth());
const ITEM = keyOf(AGENDA, '2018-11-28', 'Outgoing webhook auth');

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});
let panel: Harness;

async function mount(autosaveDelayMs = 30): Promise<void> {
  panel = await startPanel(AGENDA, { privateOptions: { autosaveDelayMs } });
  await vi.waitFor(() => expect(panel.state.private?.ready.value).toBe(true));
  render(<Notes state={panel.state.private!} targetKey={ITEM} />, root);
}

afterEach(() => {
  panel.dispose();
  vi.restoreAllMocks();
});

const boxes = (): HTMLTextAreaElement[] => [...root.querySelectorAll('textarea')];
const status = (): string => root.querySelector('.note__status')?.textContent ?? '';
const buttons = (): string[] => [...root.querySelectorAll('button')].map((b) => b.textContent ?? '');
const button = (name: string): HTMLButtonElement =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

function type(box: HTMLTextAreaElement, text: string): void {
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The notes the store holds on the item, read as another panel would. */
async function stored(): Promise<string[]> {
  const store = await openStore(panel.db);
  try {
    return (await store.notes.list(AGENDA.id)).filter((n) => n.target.kind === 'item').map((n) => n.body);
  } finally {
    store.close();
  }
}

describe('a private note', () => {
  it('offers an empty labelled box, saved as the reader types, after a pause', async () => {
    await mount(150);
    const [box] = boxes();
    expect(boxes()).toHaveLength(1);
    expect(root.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Your private notes');
    expect(root.querySelector(`label[for="${box!.id}"]`)?.textContent).toBe('Add a private note');
    expect(box!.placeholder).toBe('Only you can see this. Saved as you type.');
    expect(status()).toBe('');
    // Nothing to delete before there is a note.
    expect(buttons()).toEqual([]);

    type(box!, 'Ask');
    type(box!, 'Ask about the webhook');
    await vi.waitFor(() => expect(status()).toBe('Saving…'));
    // Still within the pause: nothing written yet.
    expect(await stored()).toEqual([]);

    await vi.waitFor(() => expect(status()).toBe('Saved'), { timeout: 2000 });
    expect(await stored()).toEqual(['Ask about the webhook']);
    expect(root.querySelector('label')?.textContent).toBe('Your note');
    expect(boxes()[0]!.value).toBe('Ask about the webhook');
    expect(buttons()).toEqual(['Delete note']);
    // The failure words are only for a failure.
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says in words when a save fails, keeps the text, and saves it with the next keystroke', async () => {
    await mount();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    });
    type(boxes()[0]!, 'Important: raise at the next meeting');
    const alert = await vi.waitFor(() => {
      const found = root.querySelector('[role="alert"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(alert.textContent).toMatch(/^Not saved: .*no storage space left.* Your text is kept here and saved again/);
    expect(boxes()[0]!.value).toBe('Important: raise at the next meeting');
    expect(await stored()).toEqual([]);

    put.mockRestore();
    type(boxes()[0]!, 'Important: raise at the next meeting!');
    await vi.waitFor(() => expect(status()).toBe('Saved'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(await stored()).toEqual(['Important: raise at the next meeting!']);
  });

  it('shows a saved note again when the item is opened again', async () => {
    await mount();
    type(boxes()[0]!, 'Follow up with pbarker');
    await vi.waitFor(() => expect(status()).toBe('Saved'));
    render(null, root);
    render(<Notes state={panel.state.private!} targetKey={ITEM} />, root);
    // The note, and a box for another one.
    await vi.waitFor(() => expect(boxes().map((b) => b.value)).toEqual(['Follow up with pbarker', '']));
    expect([...root.querySelectorAll('label')].map((l) => l.textContent)).toEqual(['Your note', 'Add a private note']);
    expect(status()).toBe('Saved');
    // Another item has its own, empty, box.
    render(<Notes state={panel.state.private!} targetKey={keyOf(AGENDA, '2018-11-28', 'kube-rbac-proxy')} />, root);
    await vi.waitFor(() => expect(boxes().map((b) => b.value)).toEqual(['']));
  });

  it('deletes a note just written only after "Delete for good?", and Keep keeps it', async () => {
    await mount();
    type(boxes()[0]!, 'Draft question');
    await vi.waitFor(() => expect(buttons()).toEqual(['Delete note']));

    button('Delete note').click();
    await vi.waitFor(() => expect(root.querySelector('[role="group"][aria-label="Delete this note?"]')).not.toBeNull());
    expect(root.textContent).toContain('Delete for good?');
    // The keyboard stays where the choice is.
    expect(document.activeElement?.textContent).toBe('Delete');
    button('Keep').click();
    await vi.waitFor(() => expect(buttons()).toEqual(['Delete note']));
    expect(await stored()).toEqual(['Draft question']);

    button('Delete note').click();
    await vi.waitFor(() => expect(buttons()).toContain('Delete'));
    button('Delete').click();
    await vi.waitFor(() => expect(root.querySelector('label')?.textContent).toBe('Add a private note'));
    // The box is empty again: text left in it would read as a note that was not deleted.
    expect(boxes().map((b) => b.value)).toEqual(['']);
    expect(await stored()).toEqual([]);
  });

  // Known fault: the save state of the deleted note outlives it (private-state keeps `saves` by note id and
  // deleteNote does not drop it), so the empty box goes on saying "Saved".
  it('says nothing under the empty box once the note is deleted', async () => {
    await mount();
    type(boxes()[0]!, 'Gone soon');
    await vi.waitFor(() => expect(buttons()).toEqual(['Delete note']));
    button('Delete note').click();
    await vi.waitFor(() => expect(buttons()).toContain('Delete'));
    button('Delete').click();
    await vi.waitFor(() => expect(root.querySelector('label')?.textContent).toBe('Add a private note'));
    expect(status()).toBe('');
  });
});
