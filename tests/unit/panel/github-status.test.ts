// The panel's GitHub status state against a scripted background: what it asks, when it asks again, and
// what the signals and the banner say.
import { describe, expect, it } from 'vitest';
import { MAX_LOOKUP_REFS } from '../../../lib/messaging/github-lookup';
import { createGitHubStatus, type GitHubStatus } from '../../../lib/panel/github-status';
import {
  ANONYMOUS,
  ManualTimers,
  NOW,
  ScriptedTransport,
  failed,
  pending,
  status,
} from '../../support/status-transport';

function setUp(): { transport: ScriptedTransport; timers: ManualTimers; github: GitHubStatus } {
  const transport = new ScriptedTransport();
  const timers = new ManualTimers();
  const github = createGitHubStatus(transport, {
    now: timers.clock,
    setTimer: timers.set,
    clearTimer: timers.clear,
    coalesceMs: 10,
  });
  return { transport, timers, github };
}

describe('panel GitHub status', () => {
  it('asks once for calls made together, in canonical spelling, and fills the reports signal', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'merged'));
    transport.table.set('a/b#2', status('a/b#2', 'issue', 'open'));
    void github.request(['A/B#1', 'a/b#2'], ['a/b#2']);
    void github.request(['a/b#1', 'not a ref']);
    await timers.advance(10);
    expect(transport.requests).toEqual([{ type: 'github/lookup', refs: ['a/b#1', 'a/b#2'], visibleFirst: ['a/b#2'] }]);
    expect(github.reports.value.get('a/b#1')?.status?.state).toBe('merged');
    expect(github.reports.value.get('a/b#2')?.status?.kind).toBe('issue');
    expect(github.rateLimit.value).toEqual(ANONYMOUS);
  });

  it('asks for an agenda of more references than one message may carry in parts, and shows every status', async () => {
    const { transport, timers, github } = setUp();
    const refs = Array.from({ length: 25_000 }, (_, i) => `a/b#${i + 1}`);
    for (const ref of refs) transport.table.set(ref, status(ref, 'issue', 'open'));
    const onScreen = ['a/b#24999', 'a/b#25000'];
    void github.request(refs, onScreen);
    await timers.advance(10);
    expect(transport.requests.length).toBeGreaterThan(1);
    expect(transport.requests.every((request) => request.refs.length <= MAX_LOOKUP_REFS)).toBe(true);
    // Those on screen go in the first message.
    expect(transport.requests[0]?.visibleFirst).toEqual(onScreen);
    expect(new Set(transport.asked().flat()).size).toBe(refs.length);
    expect(refs.filter((ref) => github.reports.value.get(ref)?.status?.state !== 'open')).toEqual([]);
  });

  it('asks only for what it lacks: fresh statuses are not asked again', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'open'));
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1']);
    await timers.advance(10);
    // a/b#2 was not on screen: without a token the background left it unknown.
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1']);
    await timers.advance(10);
    expect(transport.requests).toHaveLength(1);
    // Scrolled: now a/b#2 is on screen, and asked for alone.
    void github.request(['a/b#1', 'a/b#2'], ['a/b#2']);
    await timers.advance(10);
    expect(transport.asked()).toEqual([['a/b#1', 'a/b#2'], ['a/b#2']]);
    expect(transport.requests[1]?.visibleFirst).toEqual(['a/b#2']);
  });

  it('takes broadcasts for the references it wants, and ignores the others', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', pending('a/b#1'));
    void github.request(['a/b#1']);
    await timers.advance(10);
    expect(github.reports.value.get('a/b#1')?.pending).toBe(true);
    transport.send({
      type: 'github/reports',
      reports: [status('a/b#1', 'pr', 'draft'), status('x/y#9', 'pr', 'open')],
    });
    expect(github.reports.value.get('a/b#1')?.status?.state).toBe('draft');
    expect(github.reports.value.has('x/y#9')).toBe(false);
  });

  it('asks again for a look-up still pending after a minute (the background may have stopped)', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', pending('a/b#1'));
    void github.request(['a/b#1'], ['a/b#1']);
    await timers.advance(10);
    await timers.advance(30_000);
    expect(transport.requests).toHaveLength(1);
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'open'));
    await timers.advance(31_000);
    expect(transport.requests).toHaveLength(2);
    expect(github.reports.value.get('a/b#1')?.status?.state).toBe('open');
  });

  it('asks again when a rate limit ends, and says why until then', async () => {
    const { transport, timers, github } = setUp();
    const until = NOW + 5 * 60_000;
    transport.table.set(
      'a/b#1',
      failed('a/b#1', 'rate-limited', { until, message: 'GitHub’s rate limit is used up. Looking up again in 5 min.' }),
    );
    transport.rateLimit = {
      authenticated: false,
      limit: null,
      blockedUntil: until,
      message: 'GitHub’s rate limit is used up. Looking up again in 5 min.',
    };
    void github.request(['a/b#1'], ['a/b#1']);
    await timers.advance(10);
    expect(github.banner.value).toMatchObject({ kind: 'rate-limited', until, offerOptions: true });
    expect(github.banner.value?.message).toMatch(/rate limit/);
    transport.table.set('a/b#1', status('a/b#1', 'issue', 'completed'));
    transport.rateLimit = ANONYMOUS;
    await timers.advance(4 * 60_000);
    expect(transport.requests).toHaveLength(1);
    await timers.advance(60_000 + 300);
    expect(transport.requests).toHaveLength(2);
    expect(github.reports.value.get('a/b#1')?.status?.state).toBe('completed');
  });

  it('does not ask again by itself for what would only fail again', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', failed('a/b#1', 'not-found'));
    transport.table.set('a/b#2', failed('a/b#2', 'bad-token'));
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1', 'a/b#2']);
    await timers.advance(10);
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1', 'a/b#2']);
    await timers.advance(120_000);
    expect(transport.requests).toHaveLength(1);
    expect(github.banner.value).toMatchObject({ kind: 'bad-token', tone: 'error', offerOptions: true });
  });

  it('refresh forces a re-check of everything wanted, and says it is busy meanwhile', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'open'));
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1']);
    await timers.advance(10);
    const done = github.refresh();
    expect(github.refreshing.value).toBe(true);
    await timers.advance(10);
    await done;
    expect(github.refreshing.value).toBe(false);
    expect(transport.requests[1]).toEqual({
      type: 'github/lookup',
      refs: ['a/b#1', 'a/b#2'],
      visibleFirst: ['a/b#1'],
      force: true,
    });
  });

  it('after the settings changed, forgets what it showed and asks for everything again', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'open'));
    void github.request(['a/b#1'], ['a/b#1']);
    await timers.advance(10);
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'closed'));
    transport.send({ type: 'github/reset' });
    expect(github.reports.value.size).toBe(0);
    await timers.advance(10);
    expect(transport.requests).toHaveLength(2);
    expect(github.reports.value.get('a/b#1')?.status?.state).toBe('closed');
  });

  it('a background that does not answer gives every reference words, and keeps what was known', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'merged', { stale: true }));
    void github.request(['a/b#1'], ['a/b#1']);
    await timers.advance(10);
    transport.fail = new Error('Could not establish connection. Receiving end does not exist.');
    const done = github.refresh();
    await timers.advance(10);
    await done;
    const report = github.reports.value.get('a/b#1');
    expect(report?.status?.state).toBe('merged');
    expect(report?.failure?.message).toMatch(/background did not answer \(Could not establish connection/);
  });

  it('tells a nearly spent anonymous quota, with the way out', async () => {
    const { transport, timers, github } = setUp();
    transport.rateLimit = {
      authenticated: false,
      limit: { resource: 'core', limit: 60, remaining: 7, used: 53, resetAt: NOW + 30 * 60_000, observedAt: NOW },
      blockedUntil: null,
      message: null,
    };
    void github.request(['a/b#1'], ['a/b#1']);
    await timers.advance(10);
    expect(github.banner.value).toMatchObject({ kind: 'low-quota', tone: 'info', offerOptions: true });
    expect(github.banner.value?.message).toMatch(/^Without a token: 7 of 60 look-ups left this hour/);
  });

  it('news that repeats what is known changes nothing, so nothing redraws', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'open'));
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1']);
    await timers.advance(10);
    const shown = github.reports.value;
    const report = shown.get('a/b#1');
    transport.send({ type: 'github/reports', reports: [status('a/b#1', 'pr', 'open')] });
    expect(github.reports.value).toBe(shown);
    expect(github.reports.value.get('a/b#1')).toBe(report);
    transport.send({ type: 'github/reports', reports: [status('a/b#1', 'pr', 'merged')] });
    expect(github.reports.value).not.toBe(shown);
    expect(github.reports.value.get('a/b#1')?.status?.state).toBe('merged');
    expect([...github.reports.value.keys()].sort()).toEqual(['a/b#1', 'a/b#2']);
    expect(github.reports.value.size).toBe(2);
  });

  it('the banner follows failures as they come and go, whatever else changes', async () => {
    const { transport, timers, github } = setUp();
    transport.table.set('a/b#1', status('a/b#1', 'pr', 'open'));
    void github.request(['a/b#1', 'a/b#2'], ['a/b#1', 'a/b#2']);
    await timers.advance(10);
    expect(github.banner.value).toBeNull();
    transport.send({ type: 'github/reports', reports: [failed('a/b#2', 'offline', { message: 'No network.' })] });
    expect(github.banner.value).toMatchObject({ kind: 'offline', message: 'No network.' });
    transport.send({ type: 'github/reports', reports: [status('a/b#1', 'pr', 'merged')] });
    expect(github.banner.value).toMatchObject({ kind: 'offline' });
    transport.send({ type: 'github/reports', reports: [status('a/b#2', 'issue', 'open')] });
    expect(github.banner.value).toBeNull();
  });

  it('stops listening when disposed', async () => {
    const { transport, github } = setUp();
    expect(transport.listening()).toBe(1);
    github.dispose();
    expect(transport.listening()).toBe(0);
  });
});
