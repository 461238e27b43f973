// The user's note and follow markers in a real agenda page: an extension context sends `agenda/marks` to the
// tab, as the panel does, and the markers appear beside the right headings and items, each message
// replacing the one before. The markers' shadow roots are closed: their contents are read through the
// DevTools protocol, which sees into closed roots, as the page's own scripts cannot.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Agenda, Item } from '../../lib/agenda/model';
import type { AgendaSnapshot, PageMarks } from '../../lib/messaging/protocol';
import { tabIdOf } from '../../scripts/support/chromium';
import { renderGdocsExport } from '../../scripts/render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { startSession, type Session } from './support/session';
import { readSeed } from '../support/fixtures';

const SEED = readSeed();
const MARK_TAG = 'agenda-overlay-mark';
const NOTE = 'You have a note here';
const FOLLOW = 'Mentions something you follow';

let session: Session;

beforeAll(async () => {
  session = await startSession({
    '/seed.html': renderGithubHtml(SEED, { title: 'meeting-notes-2018.md' }),
    '/seed-docs.html': renderGdocsExport(SEED, { title: 'Kubernetes Sig-auth Meeting Agenda' }),
  });
});

afterAll(async () => {
  await session?.close();
});

/** Sends a panel request to the tab from the extension's service worker (the panel would do the same). */
function request(tabId: number, message: unknown): Promise<unknown> {
  return session.browser.worker.evaluate(([id, body]) => chrome.tabs.sendMessage(id as number, body), [
    tabId,
    message,
  ] as const);
}

async function open(path: string): Promise<{ page: Page; tabId: number; agenda: Agenda }> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(path));
  const tabId = await tabIdOf(session.browser, page);
  let snapshot: AgendaSnapshot | null = null;
  await expect
    .poll(async () => {
      snapshot = (await request(tabId, { type: 'agenda/get' }).catch(() => null)) as AgendaSnapshot | null;
      return snapshot?.status;
    })
    .toBe('agenda');
  return { page, tabId, agenda: (snapshot as unknown as { agenda: Agenda }).agenda };
}

function flatItems(agenda: Agenda): Item[] {
  const out: Item[] = [];
  const walk = (items: Item[]): void => {
    for (const item of items) {
      out.push(item);
      walk(item.children);
    }
  };
  for (const meeting of agenda.meetings) for (const section of meeting.sections) walk(section.items);
  return out;
}

function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Drawn {
  /** The text of the heading or item the marker follows: the item's own line, without its nested list. */
  owner: string;
  /** What the marker says, read inside its closed shadow root. */
  labels: string[];
  /** The marker sits on the line of its owner's text, above the nested list if any. */
  onOwnLine: boolean;
}

async function drawnMarks(page: Page): Promise<Drawn[]> {
  const placed = await page.evaluate((tag) => {
    return [...document.querySelectorAll(tag)].map((host) => {
      const owner =
        (host.parentElement as Element).closest('p, li, h1, h2, h3, h4, h5, h6') ?? (host.parentElement as Element);
      const copy = owner.cloneNode(true) as Element;
      copy.querySelectorAll('ul, ol').forEach((list) => list.remove());
      const box = host.getBoundingClientRect();
      const ownerBox = owner.getBoundingClientRect();
      const nested = owner.querySelector(':scope > ul, :scope > ol');
      const below = nested ? nested.getBoundingClientRect().top : ownerBox.bottom;
      return {
        owner: copy.textContent ?? '',
        onOwnLine: box.width > 0 && box.height > 0 && box.top >= ownerBox.top - 1 && box.bottom <= below + 1,
      };
    });
  }, MARK_TAG);
  const labels = await shadowLabels(page);
  return placed.map((place, index) => ({
    owner: words(place.owner),
    labels: labels[index] ?? [],
    onOwnLine: place.onOwnLine,
  }));
}

interface DomNode {
  localName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Every marker's labels, in document order, from inside the closed shadow roots. */
async function shadowLabels(page: Page): Promise<string[][]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const found: string[][] = [];
  const labelsIn = (node: DomNode, into: string[]): void => {
    const attributes = node.attributes ?? [];
    const at = attributes.indexOf('aria-label');
    if (at >= 0) into.push(attributes[at + 1] ?? '');
    for (const child of node.children ?? []) labelsIn(child, into);
  };
  const walk = (node: DomNode): void => {
    if (node.localName === MARK_TAG) {
      const labels: string[] = [];
      for (const shadow of node.shadowRoots ?? []) labelsIn(shadow, labels);
      found.push(labels);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return found;
}

it('draws the panel’s marks beside the right headings and items, and replaces them with the next message', async () => {
  const { page, tabId, agenda } = await open('/seed.html');
  const items = flatItems(agenda);
  const meeting = agenda.meetings[0];
  const tokenRequest = items.find(
    (item) => /tokenrequest/i.test(item.text) && !item.text.includes('\n') && item.children.length === 0,
  );
  const parent =
    items.find((item) => item.children.length > 0 && item.refs.length > 0) ??
    items.find((item) => item.children.length > 0);
  if (!meeting || !tokenRequest || !parent) throw new Error('the seed changed');

  const first: PageMarks = {
    agendaId: agenda.id,
    notes: [meeting.key, parent.key],
    follows: [tokenRequest.key, parent.key],
  };
  await expect(request(tabId, { type: 'agenda/marks', marks: first })).resolves.toEqual({ ok: true });
  await expect.poll(() => drawnMarks(page).then((marks) => marks.length)).toBe(3);
  const drawn = await drawnMarks(page);
  expect(drawn.find((mark) => mark.owner === words(meeting.title))?.labels).toEqual([NOTE]);
  const tokenMark = drawn.find((mark) => mark.owner.startsWith(words(tokenRequest.text).slice(0, 40)));
  expect(tokenMark?.labels).toEqual([FOLLOW]);
  const parentMark = drawn.find((mark) => mark.owner.startsWith(words(parent.text).slice(0, 40)));
  expect(parentMark?.labels).toEqual([NOTE, FOLLOW]);
  expect(drawn.every((mark) => mark.onOwnLine)).toBe(true);

  // The next message replaces the marks; one for another agenda is ignored.
  const second: PageMarks = { agendaId: agenda.id, notes: [tokenRequest.key], follows: [] };
  await expect(request(tabId, { type: 'agenda/marks', marks: second })).resolves.toEqual({ ok: true });
  await request(tabId, {
    type: 'agenda/marks',
    marks: { agendaId: 'https://elsewhere.example/agenda', notes: [meeting.key], follows: [] },
  });
  await expect.poll(() => drawnMarks(page).then((marks) => marks.map((mark) => mark.labels))).toEqual([[NOTE]]);
  const [only] = await drawnMarks(page);
  expect(only?.owner.startsWith(words(tokenRequest.text).slice(0, 40))).toBe(true);

  // The page's scripts see an empty element, and copying the page's text copies no marker.
  const seenByPage = await page.evaluate((tag) => {
    const host = document.querySelector(tag) as HTMLElement;
    const selection = window.getSelection() as Selection;
    selection.selectAllChildren(host.parentElement as Element);
    return {
      shadow: host.shadowRoot,
      text: host.textContent,
      userSelect: getComputedStyle(host).userSelect,
      copied: selection.toString(),
    };
  }, MARK_TAG);
  expect(seenByPage).toMatchObject({ shadow: null, text: '', userSelect: 'none' });
  expect(seenByPage.copied).not.toMatch(/note|follow/i);
  await page.close();
});

it('draws them on the Google Docs rendering too', async () => {
  const { page, tabId, agenda } = await open('/seed-docs.html');
  const meeting = agenda.meetings[1];
  const item = flatItems(agenda).find((candidate) => candidate.refs.length > 0);
  if (!meeting || !item) throw new Error('the seed changed');
  await request(tabId, {
    type: 'agenda/marks',
    marks: { agendaId: agenda.id, notes: [meeting.key], follows: [item.key] },
  });
  await expect.poll(() => drawnMarks(page).then((marks) => marks.length)).toBe(2);
  const drawn = await drawnMarks(page);
  expect(drawn.find((mark) => mark.owner === words(meeting.title))?.labels).toEqual([NOTE]);
  expect(drawn.find((mark) => mark.owner.startsWith(words(item.text).slice(0, 40)))?.labels).toEqual([FOLLOW]);
  expect(drawn.every((mark) => mark.onOwnLine)).toBe(true);
  await page.close();
});
