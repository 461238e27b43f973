// @vitest-environment happy-dom
// The user's note and follow markers in the page, in happy-dom, on the SIG Auth 2018 seed as GitHub renders
// it and as Google Docs exports it: beside the right headings and items, replaced by each message, kept
// across re-reads for the keys still there, and never a way in for the page's text or the panel's keys.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agenda, Item, Meeting } from '../../../lib/agenda/model';
import type { AgendaSnapshot } from '../../../lib/messaging/protocol';
import { watchAgenda, type AgendaWatcher } from '../../../lib/page/agenda-watcher';
import { MARK_TAG, startPrivateMarks, type PrivateMarks } from '../../../lib/page/private-marks';
import { allItems } from '../agenda/helpers';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { renderGdocsExport } from '../../../scripts/render/markdown-to-gdocs-export';
import { readSeed } from '../../support/fixtures';

const SEED = readSeed();
const RENDERINGS = {
  github: renderGithubHtml(SEED, { title: 'sig-auth/meeting-notes-2018.md' }),
  gdocs: renderGdocsExport(SEED, { title: 'Kubernetes Sig-auth Meeting Agenda' }),
};
const NOTE = 'You have a note here';
const FOLLOW = 'Mentions something you follow';

let watcher: AgendaWatcher | null = null;
let marks: PrivateMarks | null = null;
let snapshots: AgendaSnapshot[] = [];

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}

/** The page as the content script runs it: the watcher, and the marks following its snapshots. */
function start(html: string, options: { healDelayMs?: number } = {}): Agenda {
  load(html);
  snapshots = [];
  const w = watchAgenda(document, (snapshot) => {
    snapshots.push(snapshot);
    marks?.follow(snapshot);
  });
  watcher = w;
  marks = startPrivateMarks(document, (key) => w.element(key), {
    shadowMode: 'open',
    reread: () => w.refresh(),
    ...options,
  });
  const first = w.snapshot();
  marks.follow(first);
  if (first.status !== 'agenda') throw new Error(`not an agenda: ${first.reason}`);
  return first.agenda;
}

function send(agenda: Agenda, notes: string[], follows: string[] = []): void {
  marks?.show({ agendaId: agenda.id, notes, follows });
}

function hosts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(MARK_TAG)];
}

/** The heading or item a marker belongs to. */
function ownerOf(host: Element): Element {
  const parent = host.parentElement as Element;
  return parent.closest('li, h1, h2, h3, h4, h5, h6') ?? parent;
}

function labelsOf(host: Element): string[] {
  return [...(host.shadowRoot?.querySelectorAll('[role="img"]') ?? [])].map(
    (chip) => chip.getAttribute('aria-label') ?? '',
  );
}

/** Where markers are: the owner element's key → what the markers say. */
function drawn(): Map<string, string[]> {
  const keyOf = new Map<Element, string>();
  if (!watcher) throw new Error('The page is not being watched.');
  const agenda = (watcher.snapshot() as { agenda: Agenda }).agenda;
  for (const m of agenda.meetings) {
    for (const key of [m.key, ...allItems(m).map((item) => item.key)]) {
      const element = watcher.element(key);
      if (element) keyOf.set(element, key);
    }
  }
  return new Map(hosts().map((host) => [keyOf.get(ownerOf(host)) ?? `?${ownerOf(host).localName}`, labelsOf(host)]));
}

/** An item whose element has a nested list (GitHub), and a plain one. */
function items(agenda: Agenda): { parent: Item; leaf: Item; other: Item } {
  const all = agenda.meetings.flatMap(allItems);
  const parent =
    all.find((item) => item.children.length > 0 && watcher?.element(item.key)?.querySelector('ul, ol')) ??
    all.find((item) => item.children.length > 0);
  const leaves = all.filter((item) => item.children.length === 0 && item.links.length > 0);
  if (!parent || leaves.length < 2) throw new Error('seed changed');
  return { parent, leaf: leaves[0] as Item, other: leaves[leaves.length - 1] as Item };
}

afterEach(() => {
  marks?.stop();
  watcher?.stop();
  marks = null;
  watcher = null;
});

describe.each(Object.entries(RENDERINGS))('on the seed rendered for %s', (_name, html) => {
  let agenda: Agenda;
  beforeEach(() => {
    agenda = start(html);
  });

  it('puts a note marker after a meeting heading and items, and a follow marker after followed items', () => {
    const meeting = agenda.meetings[3] as Meeting;
    const { parent, leaf, other } = items(agenda);
    send(agenda, [meeting.key, parent.key, leaf.key], [leaf.key, other.key]);
    expect(drawn()).toEqual(
      new Map([
        [meeting.key, [NOTE]],
        [parent.key, [NOTE]],
        [leaf.key, [NOTE, FOLLOW]],
        [other.key, [FOLLOW]],
      ]),
    );
    // One marker per element, at the end of its own line: after the text, before a nested list.
    const parentElement = watcher?.element(parent.key) as Element;
    const host = hosts().find((h) => ownerOf(h) === parentElement) as Element;
    const nested = parentElement.querySelector(':scope > ul, :scope > ol');
    if (nested) expect(host.compareDocumentPosition(nested) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const heading = watcher?.element(meeting.key) as Element;
    expect(heading.lastChild).toBe(hosts().find((h) => ownerOf(h) === heading));
  });

  // Marks every meeting and item, so every shape of element gets one: the heaviest case, give it time.
  it('leaves the page text and the agenda as they were', { timeout: 20_000 }, () => {
    const before = document.body.textContent;
    const all = agenda.meetings.flatMap(allItems).map((item) => item.key);
    send(agenda, [...agenda.meetings.map((m) => m.key), ...all], all);
    expect(hosts()).toHaveLength(agenda.meetings.length + all.length);
    expect(document.body.textContent).toBe(before);
    // Read again, the page gives the same agenda: the watcher reports no change.
    watcher?.refresh();
    expect(snapshots).toHaveLength(0);
  });
});

describe('messages', () => {
  let agenda: Agenda;
  let parent: Item, leaf: Item, other: Item;
  beforeEach(() => {
    agenda = start(RENDERINGS.github);
    ({ parent, leaf, other } = items(agenda));
  });

  it('replaces the marks drawn before with each message', () => {
    send(agenda, [parent.key], [leaf.key]);
    const kept = hosts().find((h) => ownerOf(h) === watcher?.element(leaf.key));
    send(agenda, [leaf.key], [other.key]);
    expect(drawn()).toEqual(
      new Map([
        [leaf.key, [NOTE]],
        [other.key, [FOLLOW]],
      ]),
    );
    // The same element keeps its marker element, repainted.
    expect(hosts().find((h) => ownerOf(h) === watcher?.element(leaf.key))).toBe(kept);
    send(agenda, [], []);
    expect(hosts()).toEqual([]);
  });

  it('puts the marker of a loose item inside the paragraph that holds its text', () => {
    const loose = agenda.meetings
      .flatMap(allItems)
      .find((item) => watcher?.element(item.key)?.querySelector(':scope > p'));
    if (!loose) throw new Error('the seed has no loose item any more');
    send(agenda, [loose.key]);
    const paragraph = watcher?.element(loose.key)?.querySelector(':scope > p');
    expect(hosts()[0]?.parentElement).toBe(paragraph);
  });

  it('ignores marks for another agenda and keeps those drawn', () => {
    send(agenda, [parent.key]);
    marks?.show({
      agendaId: 'https://github.com/someone/else/blob/main/notes.md',
      notes: [leaf.key],
      follows: [leaf.key],
    });
    expect(drawn()).toEqual(new Map([[parent.key, [NOTE]]]));
  });

  it('draws nothing for keys the page does not have', () => {
    send(agenda, ['2099-01-01', `${leaf.key}x`, ''], ['nope/other/0']);
    expect(hosts()).toEqual([]);
  });

  it('drops the marks when the page stops being an agenda, and does not bring them back by itself', () => {
    send(agenda, [parent.key], [leaf.key]);
    marks?.follow({ status: 'not-agenda', reason: 'No date headings found', agenda: null });
    expect(hosts()).toEqual([]);
    marks?.follow({ status: 'agenda', agenda });
    expect(hosts()).toEqual([]);
    send(agenda, [parent.key]);
    expect(drawn()).toEqual(new Map([[parent.key, [NOTE]]]));
  });

  it('removes everything and listens no more once stopped (the extension reloaded)', () => {
    send(agenda, [parent.key], [leaf.key]);
    marks?.stop();
    expect(hosts()).toEqual([]);
    send(agenda, [parent.key]);
    expect(hosts()).toEqual([]);
  });

  it('removes markers left by an earlier copy of the script', () => {
    send(agenda, [parent.key]);
    const earlier = startPrivateMarks(document, (key) => watcher?.element(key), { shadowMode: 'open' });
    earlier.follow({ status: 'agenda', agenda });
    expect(hosts()).toEqual([]);
    earlier.show({ agendaId: agenda.id, notes: [leaf.key], follows: [] });
    expect(hosts()).toHaveLength(1);
    earlier.stop();
  });
});

describe('after the page is edited and read again', () => {
  it('keeps the markers of keys still there and drops those of removed keys', () => {
    const agenda = start(RENDERINGS.gdocs);
    const first = agenda.meetings[0] as Meeting;
    const [a, b] = allItems(agenda.meetings[1] as Meeting);
    if (!a || !b) throw new Error('seed changed');
    send(agenda, [first.key, a.key], [b.key]);

    // A new meeting above everything, and one marked item deleted.
    const heading = watcher?.element(first.key) as Element;
    const added = document.createElement('h2');
    added.textContent = 'January 2, 2019';
    const bullet = document.createElement('ul');
    bullet.innerHTML = '<li>Discussion topics</li>';
    heading.before(added, bullet);
    watcher?.element(b.key)?.remove();
    watcher?.refresh();

    expect(snapshots).toHaveLength(1);
    expect(drawn()).toEqual(
      new Map([
        [first.key, [NOTE]],
        [a.key, [NOTE]],
      ]),
    );
  });

  it('puts markers back when the page re-draws a marked item with the same text', async () => {
    const agenda = start(RENDERINGS.github, { healDelayMs: 0 });
    const { leaf } = items(agenda);
    send(agenda, [leaf.key]);
    const element = watcher?.element(leaf.key) as Element;
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll(MARK_TAG).forEach((host) => host.remove());
    element.replaceWith(copy);
    expect(hosts()).toEqual([]);
    await expect.poll(() => drawn()).toEqual(new Map([[leaf.key, [NOTE]]]));
    expect(ownerOf(hosts()[0] as Element)).toBe(copy);
  });
});

describe('hostile input', () => {
  const HOSTILE = `<h2>March 14, 2018</h2>
<ul>
  <li>Discussion topics
    <ul>
      <li id="evil">&lt;img src=x onerror="window.pwned=1"&gt; "&gt;&lt;/li&gt;&lt;script&gt;window.pwned=2&lt;/script&gt; <b>{{constructor}}</b></li>
      <li id="proto">__proto__</li>
    </ul>
  </li>
</ul>
<style>* { display: none !important } agenda-overlay-mark { display: none !important }</style>`;

  it('never turns page text or keys into markup, and finds nothing for odd keys', () => {
    const agenda = start(HOSTILE);
    const evil = agenda.meetings.flatMap(allItems).find((item) => item.text.includes('onerror'));
    if (!evil) throw new Error('hostile item not parsed');
    const odd = ['"><img src=x onerror="window.pwned=3">', '__proto__', 'constructor', 'toString', 'x'.repeat(100_000)];
    send(agenda, [evil.key, ...odd], odd);
    expect(drawn()).toEqual(new Map([[evil.key, [NOTE]]]));
    const host = hosts()[0] as HTMLElement;
    expect(host.shadowRoot?.textContent).toBe('');
    expect(host.shadowRoot?.querySelectorAll('img, script')).toHaveLength(0);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    // Its own inline styles, with priority, over the page's rules; not selectable with the text.
    expect(host.style.getPropertyPriority('display')).toBe('important');
    expect(host.style.getPropertyValue('user-select')).toBe('none');
  });
});
