// @vitest-environment happy-dom
// The editor tab's agenda, read from the export: parsed with the page's DOMParser, the last good version kept
// through failures, one read at a time, re-read on schedule, after edits and on request; jumps by `#heading=`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportAnswer } from '../../../lib/messaging/live-doc';
import type { AgendaSnapshot } from '../../../lib/messaging/protocol';
import { REFRESH } from '../../../lib/page/refresh-schedule';
import { watchEditorExport, type EditorWatcher } from '../../../lib/page/export-watcher';
import { demoAgendaHtml } from '../../../scripts/render/seed-demo';
import { DOC_ID, exportHeadings } from '../../support/docs-fixtures';

const EXPORT = demoAgendaHtml();
const HEADINGS = exportHeadings(EXPORT);
const EDITOR = `https://docs.google.com/document/d/${DOC_ID}/edit`;
const ok = (html = EXPORT, fetchedAt = 1000): ExportAnswer => ({ ok: true, html, fetchedAt });

let watcher: EditorWatcher | null = null;

function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

function shell(outline: { id: string; text: string }[] = []): void {
  document.head.innerHTML = '<title>Agenda - Google Docs</title>';
  document.body.innerHTML = `<div id="docs-save-indicator-badge">Saved to Drive</div>
    <div class="navigation-widget">${outline.map((h) => `<div class="navigation-item"><div class="navigation-item-content">${h.text}</div></div>`).join('')}</div>
    <div class="kix-appview-editor"><canvas></canvas></div>`;
}

function start(answers: (ExportAnswer | Promise<ExportAnswer>)[], extra: { onNotEditor?: () => void } = {}) {
  const fetchExport = vi.fn(async () => {
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (!next) throw new Error('no answer');
    return next;
  });
  const changes: AgendaSnapshot[] = [];
  watcher = watchEditorExport(document, {
    fetchExport,
    onChange: (s) => changes.push(s),
    onNotEditor: extra.onNotEditor ?? (() => undefined),
    jumpSettleMs: 0,
  });
  return { watcher, fetchExport, changes };
}

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  setUrl(EDITOR);
  setVisibility('visible');
  shell();
});

afterEach(() => {
  watcher?.stop();
  watcher = null;
  vi.useRealTimers();
});

describe('watchEditorExport', () => {
  it('says it is reading, then lists the export’s meetings under the document’s own identity', async () => {
    const { watcher, changes } = start([ok()]);
    expect(watcher.snapshot()).toMatchObject({
      status: 'not-agenda',
      reason: 'Reading the document from Google Docs…',
      live: { refreshing: true },
    });
    await settled();
    const snapshot = watcher.snapshot();
    expect(snapshot.status).toBe('agenda');
    expect(snapshot.agenda?.meetings).toHaveLength(26);
    expect(snapshot.agenda?.source).toBe('gdocs-editor');
    expect(snapshot.agenda?.id).toBe(`https://docs.google.com/document/d/${DOC_ID}`);
    expect(snapshot.live).toEqual({ fetchedAt: 1000, refreshing: false, problem: null, severalTabs: null });
    expect(changes.at(-1)).toEqual(snapshot);
    expect(watcher.version()).toBe(1 + changes.length);
  });

  it('keeps the last good agenda through a failure, with the problem and the old time', async () => {
    const { watcher } = start([ok(), { ok: false, problem: { kind: 'signed-out', status: 200 } }]);
    await settled();
    watcher.refresh();
    await settled();
    const snapshot = watcher.snapshot();
    expect(snapshot.status).toBe('agenda');
    expect(snapshot.agenda?.meetings).toHaveLength(26);
    expect(snapshot.live).toMatchObject({ fetchedAt: 1000, problem: { kind: 'signed-out' }, refreshing: false });
  });

  it('without a good version yet, says what stands in the way', async () => {
    const { watcher } = start([{ ok: false, problem: { kind: 'permission', origins: ['https://docs.google.com/*'] } }]);
    await settled();
    expect(watcher.snapshot()).toMatchObject({
      status: 'not-agenda',
      agenda: null,
      live: { fetchedAt: null, problem: { kind: 'permission' } },
    });
  });

  it('never asks twice at once: requests during a read make one more read after it', async () => {
    let release!: (answer: ExportAnswer) => void;
    const slow = new Promise<ExportAnswer>((resolve) => (release = resolve));
    const { watcher, fetchExport } = start([
      slow,
      ok(EXPORT.replace('Canceled for holidays', 'Canceled for the holidays'), 2000),
    ]);
    watcher.refresh();
    watcher.refresh();
    expect(fetchExport).toHaveBeenCalledTimes(1);
    release(ok());
    await settled();
    expect(fetchExport).toHaveBeenCalledTimes(2);
    expect(watcher.snapshot().live?.fetchedAt).toBe(2000);
  });

  it('gives way to the page’s own DOM when the background says this is not the editor', async () => {
    const onNotEditor = vi.fn();
    start([{ ok: false, notEditor: true }], { onNotEditor });
    await settled();
    expect(onNotEditor).toHaveBeenCalledTimes(1);
  });

  it('says when the document has several tabs', async () => {
    setUrl(`${EDITOR}?tab=t.k2p9x`);
    const { watcher } = start([ok()]);
    await settled();
    expect(watcher.snapshot().live?.severalTabs).toEqual({ tab: 't.k2p9x' });
  });

  it('reads again when the reader opens another document tab, not when only the fragment changes', async () => {
    const { watcher, fetchExport } = start([ok()]);
    await settled();
    setUrl(`${EDITOR}#heading=h.abc`);
    watcher.addressChanged();
    expect(fetchExport).toHaveBeenCalledTimes(1);
    setUrl(`${EDITOR}?tab=t.second`);
    watcher.addressChanged();
    await settled();
    expect(fetchExport).toHaveBeenCalledTimes(2);
  });
});

describe('when it reads again', () => {
  it('on a slow schedule while visible, not while hidden, and soon after an edit', async () => {
    vi.useFakeTimers();
    const { fetchExport } = start([ok()]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchExport).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REFRESH.baseMs - 1000);
    expect(fetchExport).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchExport).toHaveBeenCalledTimes(2);

    // Unchanged: the next read comes later (4 minutes); hidden, it does not come at all.
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetchExport).toHaveBeenCalledTimes(2);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchExport).toHaveBeenCalledTimes(3);

    // The editor saves an edit: a read a few seconds later, once for a burst of signals.
    const badge = document.getElementById('docs-save-indicator-badge')!;
    badge.textContent = 'Saving…';
    await vi.advanceTimersByTimeAsync(1000);
    badge.textContent = 'Saved to Drive';
    await vi.advanceTimersByTimeAsync(REFRESH.afterEditMs - 1);
    expect(fetchExport).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchExport).toHaveBeenCalledTimes(4);
  });

  it('after a 429, not before Google’s Retry-After, edits or not', async () => {
    vi.useFakeTimers();
    const retryAt = Date.now() + 10 * 60_000;
    const { fetchExport } = start([{ ok: false, problem: { kind: 'rate-limited', status: 429, retryAt } }, ok()]);
    await vi.advanceTimersByTimeAsync(0);
    document.getElementById('docs-save-indicator-badge')!.textContent = 'Saving…';
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1000);
    expect(fetchExport).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchExport).toHaveBeenCalledTimes(2);
  });
});

describe('jump', () => {
  const march7 = HEADINGS.find((h) => h.text.startsWith('March 7, 2018'))!;

  it('puts the meeting’s heading id in the editor’s address', async () => {
    const { watcher } = start([ok()]);
    await settled();
    const scroller = document.querySelector('.kix-appview-editor')!;
    window.addEventListener('hashchange', () => (scroller.scrollTop = 500), { once: true });
    expect(await watcher.jump('2018-03-07')).toEqual({ ok: true });
    expect(location.hash).toBe(`#heading=${march7.id}`);
  });

  it('takes an item to the heading of its meeting', async () => {
    const { watcher } = start([ok()]);
    await settled();
    const meeting = watcher.snapshot().agenda!.meetings.find((m) => m.key === '2018-03-07')!;
    const item = meeting.sections[0]?.items[0] ?? meeting.sections.flatMap((s) => s.items)[0];
    expect(item).toBeDefined();
    await watcher.jump(item!.key);
    expect(location.hash).toBe(`#heading=${march7.id}`);
  });

  it('clicks the outline’s entry when the editor does not move', async () => {
    shell(HEADINGS);
    const { watcher } = start([ok()]);
    await settled();
    const clicked: string[] = [];
    document
      .querySelector('.navigation-widget')!
      .addEventListener('click', (e) => clicked.push((e.target as Element).textContent ?? ''));
    expect(await watcher.jump('2018-03-07')).toEqual({ ok: true });
    expect(clicked).toEqual([march7.text]);
  });

  it('says so when neither the address nor the outline moves the editor', async () => {
    const { watcher } = start([ok()]);
    await settled();
    const result = await watcher.jump('2018-03-07');
    expect(result).toEqual({
      ok: false,
      reason: `The address now ends in #heading=${march7.id}, but the editor did not move. Open Docs’ outline (View › Show outline) and pick “${march7.text}”.`,
    });
  });

  it('before the first read, says it has nothing to jump to yet', async () => {
    const { watcher } = start([new Promise<ExportAnswer>(() => undefined)]);
    expect(await watcher.jump('2018-03-07')).toEqual({
      ok: false,
      reason: 'The agenda has not been read from Google Docs yet.',
    });
  });
});
