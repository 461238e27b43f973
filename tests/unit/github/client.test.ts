// The status client against the GitHub stand-in, over real HTTP on 127.0.0.1.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStatusCache, type StatusCache } from '../../../lib/github/cache';
import {
  createGitHubClient,
  graphqlUrlFor,
  type GitHubClient,
  type GitHubClientEvent,
  type GitHubClientOptions,
} from '../../../lib/github/client';
import type { RefReport } from '../../../lib/github/status';
import {
  startGitHubStandIn,
  type GitHubStandIn,
  type StandInOptions,
  type StandInRef,
  ALL_STATES,
} from '../../support/github-standin';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const TOKEN = 'test-token';

const STATES = ALL_STATES;

function manyRefs(count: number): { refs: string[]; table: Record<string, StandInRef> } {
  const refs: string[] = [];
  const table: Record<string, StandInRef> = {};
  for (let i = 0; i < count; i++) {
    const ref = `org${i % 5}/repo-${i % 3}.js#${i + 1}`;
    refs.push(ref);
    table[ref] = { ...(STATES[i % STATES.length] as StandInRef), title: `Item ${i + 1}` };
  }
  return { refs, table };
}

function expectedKey(i: number): string {
  const s = STATES[i % STATES.length] as StandInRef;
  return `${s.kind}-${s.state}`;
}

function keyOf(report: RefReport | undefined): string {
  if (!report) return 'missing';
  if (report.status) return `${report.status.kind}-${report.status.state}`;
  return report.failure ? `failure:${report.failure.error}` : 'unknown';
}

const standIns: GitHubStandIn[] = [];
const clients: GitHubClient[] = [];
const caches: StatusCache[] = [];
let dbCount = 0;

async function standIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const server = await startGitHubStandIn(options);
  standIns.push(server);
  return server;
}

async function newCache(): Promise<StatusCache> {
  const cache = await openStatusCache(`client-test-${++dbCount}`);
  caches.push(cache);
  return cache;
}

/** A clock the test moves by hand. */
function manualClock(start = Date.now()): {
  now: () => number;
  advance: (ms: number) => void;
  set: (t: number) => void;
} {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
    set: (v) => {
      t = v;
    },
  };
}

/**
 * Waits: short ones (back-off, retry-after) pass at once, moving the clock if there is one, and are
 * recorded; long ones (rate-limit resets) wait for `wake()`.
 */
function controlledSleep(clock?: { advance: (ms: number) => void }): {
  sleep: GitHubClientOptions['sleep'];
  delays: number[];
  long: number[];
  wake: () => void;
} {
  const delays: number[] = [];
  const long: number[] = [];
  let sleepers: (() => void)[] = [];
  return {
    delays,
    long,
    sleep: (ms, signal) => {
      if (ms < 5 * MINUTE) {
        if (delays.length > 1000) throw new Error('the client is waiting in a loop');
        delays.push(ms);
        clock?.advance(ms);
        return Promise.resolve();
      }
      long.push(ms);
      return new Promise<void>((resolve) => {
        sleepers.push(resolve);
        signal.addEventListener('abort', () => resolve());
      });
    },
    wake: () => {
      const woken = sleepers;
      sleepers = [];
      for (const resolve of woken) resolve();
    },
  };
}

function client(options: GitHubClientOptions): GitHubClient {
  const made = createGitHubClient({ sleep: controlledSleep().sleep, ...options });
  clients.push(made);
  return made;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  for (const c of caches.splice(0)) c.close();
  await Promise.all(standIns.splice(0).map((s) => s.close()));
});

describe('with a token: GraphQL', () => {
  it('looks up 250 references in exactly 3 queries (100, 100, 50), every state right', async () => {
    const { refs, table } = manyRefs(250);
    const server = await standIn({ refs: table });
    const github = client({ apiBase: server.apiBase, token: TOKEN, cache: await newCache() });

    const first = await github.lookup(refs);
    expect(first.every((r) => r.pending && r.status === null)).toBe(true);
    await github.idle();

    expect(server.count()).toBe(3);
    expect(server.requests.map((r) => [r.method, r.path, r.refs.length, r.status])).toEqual([
      ['POST', '/graphql', 100, 200],
      ['POST', '/graphql', 100, 200],
      ['POST', '/graphql', 50, 200],
    ]);
    expect(new Set(server.requests.flatMap((r) => r.refs)).size).toBe(250);
    const reports = github.reports(refs);
    expect(reports.map(keyOf)).toEqual(refs.map((_, i) => expectedKey(i)));
    expect(reports[0]?.status).toMatchObject({
      ref: 'org0/repo-0.js#1',
      title: 'Item 1',
      updatedAt: '2024-05-01T12:00:00Z',
      url: 'https://github.com/org0/repo-0.js/pull/1',
    });
    expect(reports.every((r) => !r.pending && !r.stale && r.failure === null)).toBe(true);
  });

  it('is warm afterwards: zero requests, from memory and from IndexedDB in a new client', async () => {
    const { refs, table } = manyRefs(120);
    const server = await standIn({ refs: table });
    const cache = await newCache();
    const github = client({ apiBase: server.apiBase, token: TOKEN, cache });
    await github.lookup(refs);
    await github.idle();
    expect(server.count()).toBe(2);
    server.clearRequests();

    const again = await github.lookup(refs);
    await github.idle();
    expect(again.map(keyOf)).toEqual(refs.map((_, i) => expectedKey(i)));

    const restarted = client({ apiBase: server.apiBase, token: TOKEN, cache });
    const fromCache = await restarted.lookup(refs);
    await restarted.idle();
    expect(fromCache.map(keyOf)).toEqual(refs.map((_, i) => expectedKey(i)));
    expect(fromCache.every((r) => !r.pending)).toBe(true);
    expect(server.count()).toBe(0);
  });

  it('re-checks only open items after an hour, everything on a forced refresh', async () => {
    const { refs, table } = manyRefs(14);
    const server = await standIn({ refs: table });
    const clock = manualClock();
    const github = client({ apiBase: server.apiBase, token: TOKEN, cache: await newCache(), now: clock.now });
    await github.lookup(refs);
    await github.idle();
    server.clearRequests();

    clock.advance(HOUR + 1);
    const stale = await github.lookup(refs);
    // Known statuses show at once, marked stale, while the re-check runs behind them.
    expect(stale.filter((r) => r.stale).map((r) => r.ref)).toEqual(refs.filter((_, i) => [0, 1, 4].includes(i % 7)));
    expect(stale.every((r) => r.status !== null)).toBe(true);
    await github.idle();
    expect(server.count()).toBe(1);
    expect(server.requests[0]?.refs.sort()).toEqual(refs.filter((_, i) => [0, 1, 4].includes(i % 7)).sort());

    server.clearRequests();
    server.setRef(refs[0] ?? '', { kind: 'pr', state: 'merged' });
    await github.lookup(refs, { force: true });
    await github.idle();
    expect(server.count()).toBe(1);
    expect(server.requests[0]?.refs).toHaveLength(14);
    expect(keyOf(github.reports([refs[0] ?? ''])[0])).toBe('pr-merged');
  });

  it('asks for visible references first', async () => {
    const { refs, table } = manyRefs(250);
    const server = await standIn({ refs: table });
    const github = client({ apiBase: server.apiBase, token: TOKEN });
    const visible = [refs[240] ?? '', refs[7] ?? '', refs[199] ?? ''];
    await github.lookup(refs, { visibleFirst: visible });
    await github.idle();
    expect(server.count()).toBe(3);
    expect(server.requests[0]?.refs.slice(0, 3)).toEqual(visible);
    expect(server.requests[2]?.refs).toHaveLength(50);
  });

  it('keeps one query in flight per host, across clients too', async () => {
    const { refs, table } = manyRefs(230);
    const server = await standIn({ refs: table, delayMs: 40 });
    const one = client({ apiBase: server.apiBase, token: TOKEN });
    const two = client({ apiBase: server.apiBase, token: TOKEN });
    await Promise.all([one.lookup(refs.slice(0, 150)), two.lookup(refs.slice(150))]);
    await Promise.all([one.idle(), two.idle()]);
    expect(server.count('graphql')).toBe(3);
    expect(server.maxInFlight()).toBe(1);
  });

  it('reads GraphQL NOT_FOUND errors (HTTP 200) per reference, and the rest of the query still counts', async () => {
    const server = await standIn({ refs: { 'kubernetes/kubernetes#1': { kind: 'pr', state: 'merged' } } });
    const cache = await newCache();
    const clock = manualClock();
    const github = client({ apiBase: server.apiBase, token: TOKEN, cache, now: clock.now });
    const refs = ['kubernetes/kubernetes#1', 'kubernetes/kubernetes#999', 'no-such-org/nothing#5'];
    await github.lookup(refs);
    await github.idle();
    const reports = github.reports(refs);
    expect(reports.map(keyOf)).toEqual(['pr-merged', 'failure:not-found', 'failure:not-found']);
    expect(reports[1]?.failure?.message).toBe('Not found on GitHub, or private and not visible to this token.');
    expect(server.count()).toBe(1);

    // A not-found is kept briefly: not asked again at once, asked again after ten minutes.
    await github.lookup(refs);
    await github.idle();
    expect(server.count()).toBe(1);
    clock.advance(10 * MINUTE + 1);
    await github.lookup(refs);
    await github.idle();
    expect(server.count()).toBe(2);
    expect(server.requests[1]?.refs).toEqual(['kubernetes/kubernetes#999', 'no-such-org/nothing#5']);
  });

  it('sees a private repository that an anonymous look-up could not', async () => {
    const server = await standIn({ refs: { 'corp/secret#3': { kind: 'issue', state: 'open', private: true } } });
    const cache = await newCache();
    const anonymous = client({ apiBase: server.apiBase, cache });
    await anonymous.lookup(['corp/secret#3']);
    await anonymous.idle();
    expect(keyOf(anonymous.reports(['corp/secret#3'])[0])).toBe('failure:not-found');
    expect(anonymous.reports(['corp/secret#3'])[0]?.failure?.message).toContain('a token may help');

    const withToken = client({ apiBase: server.apiBase, token: TOKEN, cache });
    await withToken.lookup(['corp/secret#3']);
    await withToken.idle();
    expect(keyOf(withToken.reports(['corp/secret#3'])[0])).toBe('issue-open');
    expect(server.requests.map((r) => r.route)).toEqual(['issue', 'graphql']);
  });

  it('talks to GitHub Enterprise at /api/v3 and /api/graphql', async () => {
    const server = await standIn({ enterprise: true, refs: { 'eng/tools#4': { kind: 'pr', state: 'draft' } } });
    expect(server.apiBase.endsWith('/api/v3')).toBe(true);
    expect(graphqlUrlFor(server.apiBase)).toBe(server.graphqlUrl);
    const withToken = client({ apiBase: server.apiBase, token: TOKEN });
    const anonymous = client({ apiBase: server.apiBase });
    await withToken.lookup(['eng/tools#4']);
    await anonymous.lookup(['eng/tools#4']);
    await Promise.all([withToken.idle(), anonymous.idle()]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`).sort()).toEqual([
      'GET /api/v3/repos/eng/tools/issues/4 200',
      'POST /api/graphql 200',
    ]);
    expect(keyOf(withToken.reports(['eng/tools#4'])[0])).toBe('pr-draft');
    expect(keyOf(anonymous.reports(['eng/tools#4'])[0])).toBe('pr-draft');
  });
});

describe('without a token: REST', () => {
  it('asks one request per visible reference, in the order given, and nothing for the rest', async () => {
    const { refs, table } = manyRefs(10);
    const server = await standIn({ refs: table });
    const github = client({ apiBase: server.apiBase, concurrency: 1 });
    const visible = [refs[8] ?? '', refs[2] ?? '', refs[5] ?? ''];

    const first = await github.lookup(refs, { visibleFirst: visible });
    expect(first.filter((r) => r.pending).map((r) => r.ref)).toEqual([refs[2], refs[5], refs[8]]);
    await github.idle();
    expect(server.requests.map((r) => [r.route, r.refs[0]])).toEqual(visible.map((ref) => ['issue', ref]));
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(github.reports(visible).map(keyOf)).toEqual([expectedKey(8), expectedKey(2), expectedKey(5)]);
    expect(github.reports([refs[0] ?? ''])[0]).toEqual({
      ref: refs[0],
      status: null,
      failure: null,
      pending: false,
      stale: false,
    });

    // Scrolling on: only what was not yet looked up costs a request.
    await github.lookup(refs, { visibleFirst: [refs[1] ?? '', refs[2] ?? ''] });
    await github.idle();
    expect(server.requests.map((r) => r.refs[0])).toEqual([...visible, refs[1]]);
    expect(server.count('pull')).toBe(0);
  });

  it('re-checks with If-None-Match; a 304 confirms the cached status and costs no quota', async () => {
    const { refs, table } = manyRefs(7);
    const server = await standIn({ refs: table });
    const clock = manualClock();
    const cache = await newCache();
    const github = client({ apiBase: server.apiBase, cache, now: clock.now });
    await github.lookup(refs);
    await github.idle();
    expect(server.requests.every((r) => r.status === 200 && r.headers['if-none-match'] === undefined)).toBe(true);
    const remainingAfterFirst = server.limit('core').remaining;
    expect(remainingAfterFirst).toBe(60 - 7);

    server.clearRequests();
    server.setRef(refs[0] ?? '', { kind: 'pr', state: 'merged', title: 'Item 1' });
    clock.advance(4 * 24 * HOUR);
    const restarted = client({ apiBase: server.apiBase, cache, now: clock.now });
    const shown = await restarted.lookup(refs);
    expect(shown.map(keyOf)).toEqual(refs.map((_, i) => expectedKey(i)));
    expect(shown.every((r) => r.stale && r.pending)).toBe(true);
    await restarted.idle();

    expect(server.count()).toBe(7);
    expect(server.requests.every((r) => /^W\/"[0-9a-f]{64}"$/.test(r.headers['if-none-match'] ?? ''))).toBe(true);
    expect(server.requests.map((r) => r.status)).toEqual([200, 304, 304, 304, 304, 304, 304]);
    expect(server.limit('core').remaining).toBe(remainingAfterFirst - 1);
    const after = restarted.reports(refs);
    expect(after.map(keyOf)).toEqual(['pr-merged', ...refs.slice(1).map((_, i) => expectedKey(i + 1))]);
    expect(after.every((r) => !r.stale && r.status?.fetchedAt === clock.now())).toBe(true);
  });

  it('asks the pulls endpoint only for open pull requests, when the issue answer lacks `draft`', async () => {
    const { refs, table } = manyRefs(7);
    const server = await standIn({ refs: table, draftInIssue: false });
    const github = client({ apiBase: server.apiBase, concurrency: 1 });
    await github.lookup(refs);
    await github.idle();
    expect(github.reports(refs).map(keyOf)).toEqual(refs.map((_, i) => expectedKey(i)));
    expect(server.requests.filter((r) => r.route === 'pull').map((r) => r.refs[0])).toEqual([refs[0], refs[1]]);
    expect(server.count('issue')).toBe(7);
  });

  it('stops above the reserve, says until when, and goes on after the reset', async () => {
    const { refs, table } = manyRefs(10);
    const reset = Math.floor(Date.now() / 1000) + 1800;
    const server = await standIn({ refs: table, limits: { core: { remaining: 8, reset } } });
    const clock = manualClock();
    const waits = controlledSleep();
    const events: GitHubClientEvent[] = [];
    const cache = await newCache();
    const github = client({ apiBase: server.apiBase, cache, now: clock.now, sleep: waits.sleep, reserve: 5 });
    github.subscribe((event) => events.push(event));

    await github.lookup(refs);
    await github.idle();
    expect(server.count()).toBe(3);
    expect(server.limit('core').remaining).toBe(5);
    const reports = github.reports(refs);
    expect(reports.slice(0, 3).map(keyOf)).toEqual([expectedKey(0), expectedKey(1), expectedKey(2)]);
    for (const report of reports.slice(3)) {
      expect(report.pending).toBe(true);
      expect(report.failure?.error).toBe('rate-limited');
      expect(report.failure?.until).toBe(reset * 1000);
    }
    expect(reports[3]?.failure?.message).toMatch(
      /^GitHub's hourly quota is nearly used up \(5 of 60 left, kept in reserve\)\. Looking up again in \d+ min\. A token raises the limit\.$/,
    );
    expect(github.rateLimit()).toMatchObject({
      authenticated: false,
      blockedUntil: reset * 1000,
      limit: { remaining: 5, limit: 60 },
    });
    expect(events.some((e) => e.type === 'rate-limit' && e.rateLimit.blockedUntil === reset * 1000)).toBe(true);
    expect(waits.long).toHaveLength(1);

    // A restarted worker remembers the quota: it sends nothing either.
    const restarted = client({
      apiBase: server.apiBase,
      cache,
      now: clock.now,
      sleep: controlledSleep().sleep,
      reserve: 5,
    });
    await restarted.lookup(refs.slice(3));
    await restarted.idle();
    expect(server.count()).toBe(3);
    expect(restarted.rateLimit().blockedUntil).toBe(reset * 1000);
    restarted.dispose();

    // The window resets: the rest follow.
    server.setLimit('core', { remaining: 60, reset: reset + 3600 });
    clock.set(reset * 1000 + 1);
    waits.wake();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await github.idle();
    expect(server.count()).toBe(10);
    expect(github.reports(refs).map(keyOf)).toEqual(refs.map((_, i) => expectedKey(i)));
    expect(github.rateLimit().blockedUntil).toBeNull();
  });
});

describe('failures: each its own words, none cached but a brief not-found', () => {
  async function failing(
    options: StandInOptions,
    failure: Parameters<GitHubStandIn['failWith']>[0],
    clientOptions: Partial<GitHubClientOptions> = {},
  ) {
    const server = await standIn({
      refs: { 'a/b#1': { kind: 'issue', state: 'open' }, 'a/b#2': { kind: 'pr', state: 'merged' } },
      ...options,
    });
    server.failWith(failure);
    const cache = await newCache();
    const clock = manualClock();
    const waits = controlledSleep(clock);
    const github = client({ apiBase: server.apiBase, cache, now: clock.now, sleep: waits.sleep, ...clientOptions });
    await github.lookup(['a/b#1', 'a/b#2']);
    await github.idle();
    const cached = await cache.getMany(github.apiBase, ['a/b#1', 'a/b#2']);
    return { server, github, reports: github.reports(['a/b#1', 'a/b#2']), cached, clock, waits };
  }

  it('401: a bad token, one request for the whole queue', async () => {
    const { refs, table } = manyRefs(250);
    const server = await standIn({ refs: table });
    const cache = await newCache();
    const github = client({ apiBase: server.apiBase, token: 'not-the-token', cache });
    await github.lookup(refs);
    await github.idle();
    expect(server.count()).toBe(1);
    expect(server.requests[0]?.status).toBe(401);
    const reports = github.reports(refs);
    expect(reports.every((r) => r.failure?.error === 'bad-token' && !r.pending)).toBe(true);
    expect(reports[0]?.failure?.message).toBe(
      'GitHub did not accept the token (HTTP 401). Replace it in the options, or remove it to look up without one.',
    );
    expect(await cache.getMany(github.apiBase, refs)).toEqual([]);
  });

  it('403 with x-ratelimit-remaining 0: rate limited until the reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 900;
    const { server, reports, cached, github, waits } = await failing(
      { limits: { core: { remaining: 0, reset } } },
      null,
    );
    expect(server.requests.map((r) => r.status)).toEqual([403]);
    expect(reports.map((r) => r.failure?.error)).toEqual(['rate-limited', 'rate-limited']);
    expect(reports[0]?.failure?.until).toBe(reset * 1000);
    expect(reports[0]?.failure?.message).toMatch(
      /^GitHub's rate limit is used up\. Looking up again in 1[45] min\. A token raises the limit\.$/,
    );
    expect(reports.every((r) => r.pending)).toBe(true);
    expect(github.rateLimit().blockedUntil).toBe(reset * 1000);
    expect(waits.long).toHaveLength(1);
    expect(cached).toEqual([]);
  });

  it('429 with retry-after: a secondary limit, waited out, then answered', async () => {
    const server = await standIn({
      refs: { 'a/b#1': { kind: 'issue', state: 'open' }, 'a/b#2': { kind: 'pr', state: 'merged' } },
    });
    server.failWith({ kind: 'retry-after', seconds: 30, times: 1 });
    const clock = manualClock();
    const start = clock.now();
    const waits = controlledSleep(clock);
    const events: GitHubClientEvent[] = [];
    const github = client({ apiBase: server.apiBase, now: clock.now, sleep: waits.sleep, concurrency: 1 });
    github.subscribe((event) => events.push(event));
    await github.lookup(['a/b#1', 'a/b#2']);
    await github.idle();
    const told = events
      .flatMap((e) => (e.type === 'reports' ? e.reports : []))
      .find((r) => r.failure?.error === 'rate-limited');
    expect(told?.failure).toMatchObject({
      until: start + 30_000,
      message: 'GitHub asked to slow down (secondary rate limit). Looking up again in 30 s.',
    });
    expect(told?.pending).toBe(true);
    expect(waits.delays).toEqual([30_000]);
    // idle() counts a rate-limit wait as idle; the wait passed at once here: let the queue go on.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await github.idle();
    // Waited out: the same requests again, answered.
    expect(server.requests.map((r) => r.status)).toEqual([429, 200, 200]);
    expect(github.reports(['a/b#1', 'a/b#2']).map(keyOf)).toEqual(['issue-open', 'pr-merged']);
  });

  it('GraphQL RATE_LIMITED error with HTTP 200: rate limited, not malformed', async () => {
    const { reports, cached } = await failing({}, { kind: 'graphql-errors' }, { token: TOKEN });
    expect(reports[0]?.failure?.error).toBe('rate-limited');
    expect(reports[0]?.pending).toBe(true);
    expect(cached).toEqual([]);
  });

  it('404: not found or private, kept briefly', async () => {
    const { reports, cached, server } = await failing({}, { kind: 'not-found' });
    expect(server.count()).toBe(2);
    expect(reports.map((r) => r.failure?.error)).toEqual(['not-found', 'not-found']);
    expect(reports[0]?.failure?.message).toBe(
      'Not found on GitHub, or private: only people with access can see it (a token may help).',
    );
    expect(cached.map((e) => [e.ref, e.status, e.notFound?.error])).toEqual([
      ['a/b#1', null, 'not-found'],
      ['a/b#2', null, 'not-found'],
    ]);
  });

  it('5xx: retried with bounded back-off, then answered', async () => {
    const { server, reports, waits } = await failing(
      {},
      { kind: 'server-error', status: 502, times: 2 },
      { concurrency: 1 },
    );
    expect(server.requests.map((r) => r.status)).toEqual([502, 502, 200, 200]);
    expect(waits.delays).toEqual([500, 1000]);
    expect(reports.map(keyOf)).toEqual(['issue-open', 'pr-merged']);
  });

  it('5xx that persists: gives up after three tries, says so, caches nothing', async () => {
    const { server, reports, cached, waits } = await failing(
      {},
      { kind: 'server-error', status: 503 },
      { concurrency: 1 },
    );
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 503]);
    expect(waits.delays).toEqual([500, 1000, 500, 1000]);
    expect(reports.map((r) => r.failure?.message)).toEqual([
      'GitHub had a server error (HTTP 503), still after 3 tries; will try again later. GitHub said: “Server Error”',
      'GitHub had a server error (HTTP 503), still after 3 tries; will try again later. GitHub said: “Server Error”',
    ]);
    expect(cached).toEqual([]);
  });

  it('garbage instead of JSON, or JSON of the wrong shape: malformed', async () => {
    const garbage = await failing({}, { kind: 'garbage' });
    expect(garbage.reports.map((r) => r.failure?.message)).toEqual([
      "GitHub's answer could not be read: not JSON.",
      "GitHub's answer could not be read: not JSON.",
    ]);
    expect(garbage.cached).toEqual([]);
    const shape = await failing({}, { kind: 'wrong-shape' });
    expect(shape.reports[0]?.failure?.message).toBe(
      "GitHub's answer could not be read: the issue answer has no open/closed state.",
    );
    const graphqlShape = await failing({}, { kind: 'wrong-shape' }, { token: TOKEN });
    expect(graphqlShape.reports[0]?.failure?.message).toBe("GitHub's answer could not be read: no data and no errors.");
    expect(graphqlShape.cached).toEqual([]);
  });

  it('offline: fetch throws; a stale status stays shown beside the failure', async () => {
    const server = await standIn({ refs: { 'a/b#1': { kind: 'issue', state: 'open' } } });
    const cache = await newCache();
    const clock = manualClock();
    const online = client({ apiBase: server.apiBase, cache, now: clock.now });
    await online.lookup(['a/b#1']);
    await online.idle();
    const closedPort = server.apiBase;
    await server.close();
    standIns.splice(standIns.indexOf(server), 1);

    clock.advance(2 * HOUR);
    const offline = client({ apiBase: closedPort, cache, now: clock.now });
    await offline.lookup(['a/b#1', 'a/b#9']);
    await offline.idle();
    const [known, unknown] = offline.reports(['a/b#1', 'a/b#9']);
    expect(known).toMatchObject({
      status: { state: 'open' },
      stale: true,
      pending: false,
      failure: { error: 'offline' },
    });
    expect(unknown?.failure?.message).toBe(
      `Could not reach ${new URL(closedPort).host}: offline, or the API address is wrong.`,
    );
    // The failure replaced nothing in the cache.
    expect((await cache.getMany(offline.apiBase, ['a/b#1', 'a/b#9'])).map((e) => e.status?.state)).toEqual(['open']);
  });

  it('too slow: times out as offline, in words', async () => {
    const { reports } = await failing({ delayMs: 400 }, null, { timeoutMs: 50 });
    expect(reports[0]?.failure?.error).toBe('offline');
    expect(reports[0]?.failure?.message).toMatch(
      /^127\.0\.0\.1:\d+ did not answer within 50 ms; will try again later\.$/,
    );
  });

  it('a failure is not retried on every look, but a refresh retries it', async () => {
    const { server, github, clock } = await failing({}, { kind: 'garbage' });
    expect(server.count()).toBe(2);
    server.failWith(null);
    await github.lookup(['a/b#1', 'a/b#2']);
    await github.idle();
    expect(server.count()).toBe(2);
    clock.advance(31_000);
    await github.lookup(['a/b#1']);
    await github.idle();
    expect(server.count()).toBe(3);
    await github.lookup(['a/b#2'], { force: true });
    await github.idle();
    expect(server.count()).toBe(4);
    expect(github.reports(['a/b#1', 'a/b#2']).map(keyOf)).toEqual(['issue-open', 'pr-merged']);
  });

  it('a reference that is not one: its own words, no request', async () => {
    const server = await standIn();
    const github = client({ apiBase: server.apiBase });
    const [report] = await github.lookup(['kubernetes/../etc#1']);
    await github.idle();
    expect(report?.failure).toMatchObject({
      error: 'invalid-ref',
      message: 'Not a GitHub reference of the form owner/repo#123.',
    });
    expect(server.count()).toBe(0);
  });
});

describe('sharing, events and the token', () => {
  it('shares a look-up in flight: two look-ups of one reference at once make one request', async () => {
    const server = await standIn({ refs: { 'a/b#1': { kind: 'pr', state: 'open' } }, delayMs: 150 });
    const github = client({ apiBase: server.apiBase });
    const [one, two] = await Promise.all([github.lookup(['a/b#1']), github.lookup(['A/B#1'])]);
    expect(one[0]?.pending).toBe(true);
    expect(two[0]).toMatchObject({ ref: 'a/b#1', pending: true });
    const third = await github.lookup(['a/b#1'], { force: true });
    expect(third[0]?.pending).toBe(true);
    await github.idle();
    expect(server.count()).toBe(1);
    expect(keyOf(github.reports(['a/b#1'])[0])).toBe('pr-open');
  });

  it('with a token, overlapping look-ups ask each reference once', async () => {
    const { refs, table } = manyRefs(40);
    const server = await standIn({ refs: table, delayMs: 50 });
    const github = client({ apiBase: server.apiBase, token: TOKEN });
    await Promise.all([
      github.lookup(refs.slice(0, 30)),
      github.lookup(refs.slice(10, 40)),
      github.lookup(refs.slice(5, 15)),
    ]);
    await github.idle();
    const asked = server.requests.flatMap((r) => r.refs);
    expect(asked.sort()).toEqual(refs.map((r) => r.toLowerCase()).sort());
  });

  it('tells listeners as statuses arrive, and nothing after dispose', async () => {
    const { refs, table } = manyRefs(3);
    const server = await standIn({ refs: table });
    const github = client({ apiBase: server.apiBase, token: TOKEN });
    const events: GitHubClientEvent[] = [];
    github.subscribe(() => {
      throw new Error('a broken listener');
    });
    github.subscribe((event) => events.push(event));
    await github.lookup(refs);
    await github.idle();
    const reports = events.flatMap((e) => (e.type === 'reports' ? e.reports : []));
    expect(reports.map(keyOf)).toEqual([expectedKey(0), expectedKey(1), expectedKey(2)]);
    expect(events.find((e) => e.type === 'rate-limit')).toMatchObject({
      rateLimit: { authenticated: true, limit: { resource: 'graphql', remaining: 4999 } },
    });

    github.dispose();
    events.length = 0;
    await github.lookup(refs, { force: true });
    await github.idle();
    expect(events).toEqual([]);
    expect(server.count()).toBe(1);
  });

  it('sends the token to the API host only: every request there carries it, a redirect elsewhere is not followed', async () => {
    const elsewhere = await standIn({ refs: { 'a/b#1': { kind: 'issue', state: 'open' } } });
    const server = await standIn({ refs: { 'a/b#1': { kind: 'issue', state: 'open' } } });
    const github = client({ apiBase: server.apiBase, token: TOKEN });
    await github.lookup(['a/b#1']);
    await github.idle();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`]);

    server.failWith({ kind: 'redirect', to: elsewhere.origin, status: 307 });
    await github.lookup(['a/b#1'], { force: true });
    await github.idle();
    expect(server.count()).toBe(2);
    expect(elsewhere.count()).toBe(0);
    expect(elsewhere.preflights).toHaveLength(0);
    expect(github.reports(['a/b#1'])[0]?.failure?.message).toBe(
      `GitHub's answer could not be read: it redirected to ${elsewhere.origin}/graphql, where the token is not sent.`,
    );
  });

  it('follows an anonymous redirect (a moved issue) without any Authorization', async () => {
    const moved = await standIn({ refs: { 'a/b#1': { kind: 'issue', state: 'completed' } } });
    const server = await standIn({ refs: {} });
    server.failWith({ kind: 'redirect', to: moved.origin, status: 301 });
    const github = client({ apiBase: server.apiBase });
    await github.lookup(['a/b#1']);
    await github.idle();
    expect(keyOf(github.reports(['a/b#1'])[0])).toBe('issue-completed');
    expect([...server.requests, ...moved.requests].every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('refuses a GraphQL endpoint on another host than the API base', () => {
    expect(() =>
      createGitHubClient({ apiBase: 'https://api.github.com', graphqlUrl: 'https://evil.example/graphql', token: 't' }),
    ).toThrow(/the token goes there only/);
  });
});
