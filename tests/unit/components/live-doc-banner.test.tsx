// @vitest-environment happy-dom
// The editor's line in the panel: how fresh the agenda is, every problem in words, and the way out.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveDocBanner } from '../../../components/LiveDocBanner';
import type { ExportProblem, LiveDocState } from '../../../lib/messaging/live-doc';
import { describeLiveDoc, formatAge, problemWords } from '../../../lib/panel/live-doc';

const NOW = Date.parse('2024-05-01T10:00:00Z');
const live = (over: Partial<LiveDocState> = {}): LiveDocState => ({
  fetchedAt: NOW - 12 * 60_000,
  refreshing: false,
  problem: null,
  severalTabs: null,
  ...over,
});

describe('formatAge', () => {
  it.each([
    [30_000, 'less than a minute'],
    [60_000, '1 minute'],
    [12 * 60_000, '12 minutes'],
    [61 * 60_000, '1 hour'],
    [5 * 3_600_000, '5 hours'],
    [50 * 3_600_000, '2 days'],
  ])('%d ms → %s', (ms, words) => expect(formatAge(ms)).toBe(words));
});

describe('describeLiveDoc', () => {
  it('says when the agenda was read', () => {
    expect(describeLiveDoc(live(), true, NOW).freshness).toBe('Read from Google Docs 12 minutes ago.');
    expect(describeLiveDoc(live({ fetchedAt: NOW - 5000 }), true, NOW).freshness).toBe(
      'Read from Google Docs just now.',
    );
    expect(describeLiveDoc(live({ fetchedAt: null }), false, NOW).freshness).toBeNull();
  });

  it('calls the agenda the last good version, with its age, while a problem stands', () => {
    const words = describeLiveDoc(live({ problem: { kind: 'offline' } }), true, NOW);
    expect(words.freshness).toBe('Showing the last good version, 12 minutes old.');
    expect(words.problem?.title).toBe('Google Docs cannot be reached');
    expect(words.canRetry).toBe(true);
  });

  it('offers a grant for the permission, and no retry', () => {
    // Whatever hosts the tab reports, the panel asks for its own list (components/LiveDocBanner.tsx).
    const words = describeLiveDoc(
      live({ fetchedAt: null, problem: { kind: 'permission', origins: ['<all_urls>'] } }),
      false,
      NOW,
    );
    expect(words.needsAccess).toBe(true);
    expect(describeLiveDoc(live({ problem: { kind: 'offline' } }), true, NOW).needsAccess).toBe(false);
    expect(words.canRetry).toBe(false);
  });

  it('offers no retry until Google’s wait is over', () => {
    const problem: ExportProblem = { kind: 'rate-limited', status: 429, retryAt: NOW + 150_000 };
    expect(describeLiveDoc(live({ problem }), true, NOW).canRetry).toBe(false);
    expect(describeLiveDoc(live({ problem }), true, NOW + 150_000).canRetry).toBe(true);
  });

  it('says which tab is shown when the document has several', () => {
    expect(describeLiveDoc(live({ severalTabs: { tab: 't.abc' } }), true, NOW).tabs).toMatch(
      /several tabs: the index shows the one open in the editor/,
    );
  });
});

describe('problemWords', () => {
  it.each<[ExportProblem, string, RegExp]>([
    [
      { kind: 'permission', origins: [] },
      'Allow the index to read this document',
      /canvas.*docs\.google\.com and googleusercontent\.com.*Nothing is sent anywhere else/,
    ],
    [{ kind: 'signed-out' }, 'Google asks you to sign in', /sign-in page instead of the document.*Try again/],
    [
      { kind: 'no-access', status: 403 },
      'Google refused the download',
      /\(HTTP 403\).*turned off downloading.*\/mobilebasic/,
    ],
    [{ kind: 'not-found', status: 404 }, 'Google Docs has no such document', /deleted/],
    [
      { kind: 'rate-limited', status: 429, retryAt: NOW + 120_000 },
      'Google asks to slow down',
      /“too many requests” \(HTTP 429\)\. The index waits 2 minutes, as Google asked/,
    ],
    [{ kind: 'rate-limited', status: 429, retryAt: NOW - 1 }, 'Google asks to slow down', /You can try again now\./],
    [{ kind: 'offline' }, 'Google Docs cannot be reached', /no network/],
    [{ kind: 'server-error', status: 503 }, 'Google Docs had a problem', /HTTP 503/],
    [
      { kind: 'unreadable', status: 200 },
      'Google’s answer was not the document',
      /something other than the document’s HTML/,
    ],
  ])('%o', (problem, title, body) => {
    const words = problemWords(problem, NOW);
    expect(words.title).toBe(title);
    expect(words.body).toMatch(body);
  });
});

describe('LiveDocBanner', () => {
  let host: HTMLElement | null = null;
  const mount = (node: preact.ComponentChild): HTMLElement => {
    host = document.createElement('div');
    document.body.append(host);
    render(node, host);
    return host;
  };
  afterEach(() => {
    if (host) render(null, host);
    host?.remove();
  });

  it('asks for the permission straight from the click', () => {
    const allow = vi.fn(async () => true);
    const refresh = vi.fn();
    const el = mount(
      <LiveDocBanner
        live={live({ fetchedAt: null, problem: { kind: 'permission', origins: ['https://docs.google.com/*'] } })}
        hasAgenda={false}
        actions={{ allow, refresh }}
        now={() => NOW}
      />,
    );
    const buttons = [...el.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Allow access']);
    buttons[0]!.click();
    // Called synchronously within the click: the browser only asks within a user gesture.
    expect(allow).toHaveBeenCalledTimes(1);
    expect(el.querySelector('section')?.getAttribute('role')).toBe('alert');
  });

  it('offers Try again after a problem, Refresh otherwise, and nothing while Google’s wait runs', () => {
    const refresh = vi.fn();
    const actions = { allow: vi.fn(), refresh };
    let el = mount(
      <LiveDocBanner live={live({ problem: { kind: 'signed-out' } })} hasAgenda actions={actions} now={() => NOW} />,
    );
    el.querySelector('button')!.click();
    expect(el.querySelector('button')?.textContent).toBe('Try again');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(el.textContent).toContain('Showing the last good version, 12 minutes old.');
    render(null, el);
    el = mount(<LiveDocBanner live={live()} hasAgenda actions={actions} now={() => NOW} />);
    expect(el.querySelector('button')?.textContent).toBe('Refresh');
    expect(el.querySelector('section')?.getAttribute('role')).toBe('status');
    render(null, el);
    el = mount(
      <LiveDocBanner
        live={live({ problem: { kind: 'rate-limited', retryAt: NOW + 60_000 } })}
        hasAgenda
        actions={actions}
        now={() => NOW}
      />,
    );
    expect(el.querySelectorAll('button')).toHaveLength(0);
  });
});
