// @vitest-environment happy-dom
// The in-page status icons, in happy-dom: one after each GitHub issue or pull request link, never twice,
// nothing else touched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgendaSnapshot } from '../../../lib/messaging/protocol';
import { BADGE_TAG, startRefBadges, type RefBadges, type VisibilityFactory } from '../../../lib/page/ref-badges';
import { statusRefOfHref } from '../../../lib/page/ref-links';
import { ScriptedTransport, failed, pending, status } from '../../support/status-transport';

const AGENDA: AgendaSnapshot = {
  status: 'agenda',
  agenda: { id: 'doc', title: 'Doc', url: 'http://127.0.0.1/doc', source: 'generic', meetings: [], problems: [] },
};
const NOT_AGENDA: AgendaSnapshot = { status: 'not-agenda', reason: 'no dates', agenda: null };

const PAGE = `
<h2>March 14, 2018</h2>
<ul>
  <li>Pulls of note
    <ul>
      <li id="one"><a href="https://github.com/kubernetes/kubernetes/pull/100">#100</a> token review <b>now</b></li>
      <li id="two"><a href="https://github.com/Kubernetes/Community/issues/2497#issuecomment-1">community#2497</a>
          and again <a href="https://github.com/kubernetes/community/issues/2497">here</a></li>
      <li id="three"><a href="https://www.google.com/url?q=https://github.com/kubernetes/enhancements/pull/7%23files&amp;sa=D">KEP</a></li>
      <li id="others">
        <a href="https://example.com/kubernetes/kubernetes/pull/1">elsewhere</a>
        <a href="https://github.com/kubernetes/kubernetes">a repository</a>
        <a href="https://github.com/kubernetes/kubernetes/discussions/5">a discussion</a>
        <a href="javascript:alert(1)">script</a>
        <a href="#h.123">in-page</a>
      </li>
      <li id="gone"><a href="https://github.com/kubernetes/kubernetes/issues/404">missing</a></li>
      <li id="down"><a href="https://github.com/kubernetes/kubernetes/issues/500">server down</a></li>
      <li id="slow"><a href="https://github.com/kubernetes/kubernetes/issues/501">slow</a></li>
    </ul>
  </li>
</ul>`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every link counts as on screen unless the test says otherwise. */
function fakeVisibility(): {
  factory: VisibilityFactory;
  observed: Element[];
  show(elements: Element[], visible: boolean): void;
} {
  let tell: ((changes: { target: Element; visible: boolean }[]) => void) | null = null;
  const observed: Element[] = [];
  return {
    observed,
    factory(onChange) {
      tell = onChange;
      return {
        observe: (element) => void observed.push(element),
        unobserve: (element) => void observed.splice(observed.indexOf(element), 1),
        disconnect: () => void observed.splice(0),
      };
    },
    show(elements, visible) {
      tell?.(elements.map((target) => ({ target, visible })));
    },
  };
}

function badgesIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(BADGE_TAG)];
}

function stateOf(badge: Element | null | undefined): string | null {
  return badge?.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state') ?? null;
}

let transport: ScriptedTransport;
let visibility: ReturnType<typeof fakeVisibility>;
let badges: RefBadges;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  transport = new ScriptedTransport();
  transport.table.set('kubernetes/kubernetes#100', status('kubernetes/kubernetes#100', 'pr', 'merged'));
  transport.table.set('kubernetes/community#2497', status('kubernetes/community#2497', 'issue', 'not-planned'));
  transport.table.set('kubernetes/enhancements#7', status('kubernetes/enhancements#7', 'pr', 'draft'));
  transport.table.set('kubernetes/kubernetes#404', failed('kubernetes/kubernetes#404', 'not-found'));
  transport.table.set('kubernetes/kubernetes#500', failed('kubernetes/kubernetes#500', 'server-error'));
  transport.table.set('kubernetes/kubernetes#501', pending('kubernetes/kubernetes#501'));
  visibility = fakeVisibility();
  badges = startRefBadges(document, {
    transport,
    visibility: visibility.factory,
    shadowMode: 'open',
    askDelayMs: 0,
    rescanDelayMs: 0,
    coalesceMs: 0,
  });
});

afterEach(() => {
  badges.stop();
});

async function showAll(): Promise<void> {
  badges.follow(AGENDA);
  visibility.show([...visibility.observed], true);
  const before = transport.requests.length;
  await vi.waitFor(() => expect(transport.requests.length).toBeGreaterThan(before));
  await sleep(10);
}

describe('links to GitHub', () => {
  it('reads issue and pull request links only, Google’s redirect unwrapped', () => {
    expect(statusRefOfHref('https://github.com/Kubernetes/Community/issues/2497#issuecomment-1', '')).toBe(
      'kubernetes/community#2497',
    );
    expect(statusRefOfHref('https://github.com/a/b/pull/7/files', '')).toBe('a/b#7');
    expect(statusRefOfHref('https://www.google.com/url?q=https://github.com/a/b/pulls/7&sa=D', '')).toBe('a/b#7');
    expect(statusRefOfHref('https://github.com/a/b/discussions/7', '')).toBeNull();
    expect(statusRefOfHref('https://github.com/a/../issues/7', '')).toBeNull();
    expect(statusRefOfHref('https://example.com/a/b/pull/7', '')).toBeNull();
    expect(statusRefOfHref('javascript:alert(1)', '')).toBeNull();
  });
});

describe('status badges in the page', () => {
  it('puts one badge right after each GitHub link with something to show, in its state', async () => {
    await showAll();
    const one = document.querySelector('#one a')!;
    expect(one.nextSibling).toBeInstanceOf(HTMLElement);
    expect((one.nextSibling as Element).localName).toBe(BADGE_TAG);
    expect((one.nextSibling as Element).getAttribute('data-agenda-overlay')).toBe('status');
    expect(stateOf(one.nextSibling as Element)).toBe('pr-merged');
    const [first, second] = [...document.querySelectorAll('#two a')];
    expect(stateOf(first!.nextElementSibling)).toBe('issue-not-planned');
    expect(stateOf(second!.nextElementSibling)).toBe('issue-not-planned');
    expect(stateOf(document.querySelector('#three a')!.nextElementSibling)).toBe('pr-draft');
    expect(stateOf(document.querySelector('#gone a')!.nextElementSibling)).toBe('failure-not-found');
    // A failure for every link (a server error) and a look-up under way show nothing in the page.
    expect(document.querySelector('#down a')!.nextElementSibling).toBeNull();
    expect(document.querySelector('#slow a')!.nextElementSibling).toBeNull();
    expect(badgesIn(document)).toHaveLength(5);
  });

  it('leaves every other link alone', async () => {
    await showAll();
    expect(badgesIn(document.querySelector('#others')!)).toHaveLength(0);
  });

  it('changes neither the links nor the page’s text', async () => {
    const links = [...document.querySelectorAll('a')].map((a) => a.outerHTML);
    const text = document.body.textContent;
    await showAll();
    expect([...document.querySelectorAll('a')].map((a) => a.outerHTML)).toEqual(links);
    expect(document.body.textContent).toBe(text);
    expect(document.querySelector('#one')!.textContent).toBe('#100 token review now');
  });

  it('never puts a second badge after a link, however often it runs', async () => {
    await showAll();
    badges.scan();
    badges.follow(AGENDA);
    badges.scan();
    await sleep(80);
    expect(badgesIn(document)).toHaveLength(5);
    for (const link of document.querySelectorAll('a')) {
      expect(link.nextElementSibling?.nextElementSibling?.localName ?? '').not.toBe(BADGE_TAG);
    }
  });

  it('removes badges left by an earlier copy of the script, and draws its own', async () => {
    const stray = document.createElement(BADGE_TAG);
    stray.setAttribute('data-agenda-overlay', 'status');
    document.querySelector('#one a')!.after(stray);
    await showAll();
    expect(badgesIn(document)).toHaveLength(5);
    expect(stray.isConnected).toBe(false);
  });

  it('tells the title and the last update on hover and to screen readers', async () => {
    await showAll();
    const icon = document.querySelector('#one a')!.nextElementSibling!.shadowRoot!.querySelector('[role="img"]')!;
    expect(icon.getAttribute('title')).toBe(
      'Pull request kubernetes/kubernetes#100: Merged\nTitle of kubernetes/kubernetes#100\nUpdated May 1, 2024',
    );
    expect(icon.getAttribute('aria-label')).toBe(icon.getAttribute('title'));
    expect(icon.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('draws page text as text: a title with markup stays inert', async () => {
    transport.table.set('kubernetes/kubernetes#100', {
      ...status('kubernetes/kubernetes#100', 'pr', 'open'),
      status: {
        ...status('kubernetes/kubernetes#100', 'pr', 'open').status!,
        title: '<img src=x onerror="window.__pwned=1">',
      },
    });
    await showAll();
    const shadow = document.querySelector('#one a')!.nextElementSibling!.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('[role="img"]')!.getAttribute('title')).toContain('<img src=x');
  });

  it('follows statuses as they arrive', async () => {
    await showAll();
    const slow = document.querySelector('#slow a')!;
    expect(slow.nextElementSibling).toBeNull();
    transport.send({ type: 'github/reports', reports: [status('kubernetes/kubernetes#501', 'issue', 'completed')] });
    expect(stateOf(slow.nextElementSibling)).toBe('issue-completed');
    transport.send({ type: 'github/reports', reports: [status('kubernetes/kubernetes#100', 'pr', 'closed')] });
    expect(stateOf(document.querySelector('#one a')!.nextElementSibling)).toBe('pr-closed');
    expect(badgesIn(document)).toHaveLength(6);
  });

  it('asks for every reference once, with those on screen first', async () => {
    badges.follow(AGENDA);
    visibility.show([document.querySelector('#three a')!], true);
    await sleep(80);
    expect(transport.requests[0]).toEqual({
      type: 'github/lookup',
      refs: [
        'kubernetes/kubernetes#100',
        'kubernetes/community#2497',
        'kubernetes/enhancements#7',
        'kubernetes/kubernetes#404',
        'kubernetes/kubernetes#500',
        'kubernetes/kubernetes#501',
      ],
      visibleFirst: ['kubernetes/enhancements#7'],
    });
  });

  it('asks for a reference without a status when it comes into view', async () => {
    transport.table.delete('kubernetes/kubernetes#100');
    badges.follow(AGENDA);
    await sleep(80);
    expect(transport.requests).toHaveLength(1);
    transport.table.set('kubernetes/kubernetes#100', status('kubernetes/kubernetes#100', 'pr', 'open'));
    visibility.show([document.querySelector('#one a')!], true);
    await sleep(80);
    expect(transport.asked()[1]).toEqual(['kubernetes/kubernetes#100']);
    expect(stateOf(document.querySelector('#one a')!.nextElementSibling)).toBe('pr-open');
  });

  it('decorates links added to the page later', async () => {
    await showAll();
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = 'https://github.com/kubernetes/kubernetes/pull/100';
    link.textContent = 'again';
    item.append(link);
    document.querySelector('ul ul')!.append(item);
    await sleep(50);
    expect(stateOf(link.nextElementSibling)).toBe('pr-merged');
    expect(badgesIn(document)).toHaveLength(6);
  });

  it('takes every badge away when the page is no agenda, and when stopped', async () => {
    await showAll();
    badges.follow(NOT_AGENDA);
    expect(badgesIn(document)).toHaveLength(0);
    await showAll();
    expect(badgesIn(document)).toHaveLength(5);
    badges.stop();
    expect(badgesIn(document)).toHaveLength(0);
    expect(transport.listening()).toBe(0);
  });

  it('on a page that is no agenda, never talks to the background', async () => {
    const quiet = new ScriptedTransport();
    badges.stop();
    badges = startRefBadges(document, { transport: quiet, visibility: visibility.factory, askDelayMs: 0 });
    badges.follow(NOT_AGENDA);
    await sleep(80);
    expect(quiet.requests).toHaveLength(0);
    expect(quiet.listening()).toBe(0);
    expect(badgesIn(document)).toHaveLength(0);
  });
});
