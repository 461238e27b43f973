// @vitest-environment happy-dom
// A page that holds no agenda (a GitHub issue, a diff) is not parsed again and again while it changes: once it has
// settled without an agenda it is left alone, until it moves to another address or the panel asks. An agenda page
// stays watched, and a page that becomes an agenda after a move is read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchAgenda, type AgendaWatcher } from '../../../lib/page/agenda-watcher';

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../lib/agenda/parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/agenda/parse')>();
  return {
    ...real,
    parseDocument: (...args: Parameters<typeof real.parseDocument>) => {
      parses.count++;
      return real.parseDocument(...args);
    },
  };
});

const REPARSE_MS = 5;
const SETTLE_MS = 60;

let watcher: AgendaWatcher | null = null;

afterEach(() => {
  watcher?.stop();
  watcher = null;
  parses.count = 0;
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A comment as an issue thread has them: no dates as headings, so no meetings. */
function comment(i: number): string {
  return `<div class="comment"><strong>user${i}</strong> commented <p>Looks good to me, see #${i} and @reviewer${i}.</p></div>`;
}

/** Adds a comment, then waits past the re-read's quiet time: each one is a burst of its own. */
async function addComments(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    document.body.insertAdjacentHTML('beforeend', comment(i));
    await pause(REPARSE_MS * 4);
  }
}

const AGENDA =
  '<article class="markdown-body"><h2>January 9, 2019</h2><ul><li>Discussion topics<ul><li>Next steps</li></ul></li></ul></article>';

describe('a page without an agenda', () => {
  it('is re-read while it settles, then not at all, however much it changes', async () => {
    document.body.innerHTML = comment(0);
    watcher = watchAgenda(document, () => undefined, { reparseDelayMs: REPARSE_MS, settleMs: SETTLE_MS });
    expect(watcher.snapshot().status).toBe('not-agenda');
    expect(parses.count).toBe(1);
    await pause(SETTLE_MS + 20);
    const settled = parses.count;
    await addComments(10);
    // Past the longest quiet time a re-read waits for (the default 250 ms too).
    await pause(300);
    expect(parses.count).toBe(settled);
  });

  it('is read again when it moves to another address, and watched while the new content arrives', async () => {
    document.body.innerHTML = comment(0);
    const onChange = vi.fn();
    watcher = watchAgenda(document, onChange, { reparseDelayMs: REPARSE_MS, settleMs: SETTLE_MS });
    await pause(SETTLE_MS + 20);
    // As GitHub moves to a file: the address first, the rendered file a moment later.
    watcher.wake();
    expect(watcher.snapshot().status).toBe('not-agenda');
    await pause(10);
    document.body.innerHTML = AGENDA;
    await expect.poll(() => watcher!.snapshot().status).toBe('agenda');
    expect(onChange).toHaveBeenCalled();
    expect(watcher.snapshot().agenda?.meetings.map((meeting) => meeting.key)).toEqual(['2019-01-09']);
  });

  it('is read when the panel wakes it, though it changed while nobody watched', async () => {
    document.body.innerHTML = comment(0);
    watcher = watchAgenda(document, () => undefined, { reparseDelayMs: REPARSE_MS, settleMs: SETTLE_MS });
    await pause(SETTLE_MS + 20);
    document.body.innerHTML = AGENDA;
    await pause(REPARSE_MS * 4);
    expect(watcher.snapshot().status).toBe('not-agenda');
    watcher.wake();
    expect(watcher.snapshot().status).toBe('agenda');
  });
});

describe('an agenda page', () => {
  it('stays watched past the settling time, and every edit is read', async () => {
    document.body.innerHTML = AGENDA;
    const onChange = vi.fn();
    watcher = watchAgenda(document, onChange, { reparseDelayMs: REPARSE_MS, settleMs: SETTLE_MS });
    await pause(SETTLE_MS + 20);
    document.querySelector('li li')!.textContent = 'Next steps, edited';
    await expect.poll(() => onChange.mock.calls.length).toBe(1);
    // Emptied, and written again: still watched (it held an agenda).
    document.body.innerHTML = comment(0);
    await expect.poll(() => watcher!.snapshot().status).toBe('not-agenda');
    await pause(SETTLE_MS + 20);
    document.body.innerHTML = AGENDA;
    await expect.poll(() => watcher!.snapshot().status).toBe('agenda');
  });
});
