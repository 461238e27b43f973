// Live GitHub status in the built extension, in Chromium, against the GitHub stand-in on 127.0.0.1: the
// badges after the links of agenda pages, the requests they cost with and without a token, and the words
// for a refused token and a rate limit on the options page. Nothing here leaves 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renderGithubHtml } from '../../scripts/render/markdown-to-github-html';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/chromium';
import { servePages, type PageServer } from '../../scripts/support/static-server';
import { startGitHubStandIn, type GitHubStandIn, type StandInRef, ALL_STATES } from '../support/github-standin';
import { readSeed } from '../support/fixtures';

const SEED = readSeed();
const TOKEN = 'ghp_StandInToken0123456789abcdefghijklmn';
// Generous: the machine may be busy; a poll ends as soon as what it waits for is there.
const WAIT = { timeout: 15_000 };

const STATES = ALL_STATES;

const keyOf = (entry: StandInRef): string => `${entry.kind}-${entry.state}`;

const ISSUE_OR_PULL =
  /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull|pulls)\/(\d+)(?=$|[/?#])/;

/** The canonical reference of an issue or pull request address (Google's redirect unwrapped); null for any other. */
function refOfHref(href: string): string | null {
  const redirect = /^https?:\/\/(?:www\.)?google\.com\/url\?(?:.*&)?q=([^&]+)/.exec(href);
  const match = ISSUE_OR_PULL.exec(redirect ? decodeURIComponent(redirect[1]!) : href);
  return match ? `${match[1]}/${match[2]}#${Number(match[3])}`.toLowerCase() : null;
}

/** Every issue and pull request the seed mentions by address, linked or not. */
function seedRefList(): string[] {
  const refs = new Set<string>();
  for (const match of SEED.matchAll(
    /https?:\/\/(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull|pulls)\/\d+/g,
  )) {
    const ref = refOfHref(match[0]);
    if (ref) refs.add(ref);
  }
  return [...refs];
}

/** An agenda page of one meeting whose items link to `refs`, each link in a block `gap` px tall. */
function agendaPage(title: string, refs: string[], gap = 0): string {
  const items = refs
    .map((ref) => {
      const [repo, number] = ref.split('#');
      const style = gap ? ` style="height:${gap}px"` : '';
      return `<li${style}><a href="https://github.com/${repo}/pull/${number}">${repo}#${number}</a> needs review</li>`;
    })
    .join('\n');
  return `<!doctype html><html><head><title>${title}</title></head><body>
<h1>${title}</h1>
<h2>March 14, 2018</h2>
<ul><li>Pulls of note<ul>
${items}
</ul></li></ul>
</body></html>`;
}

const SMALL = `<!doctype html><html><head><title>Small agenda</title></head><body>
<h1>Team agenda</h1>
<h2>April 4, 2018</h2>
<ul>
  <li>Pulls of note<ul>
    <li id="open"><a href="https://github.com/small/repo/pull/1">small/repo#1</a> open</li>
    <li id="draft"><a href="https://github.com/small/repo/pull/2">#2</a> draft</li>
    <li id="merged"><a href="https://github.com/small/repo/pull/3/files">#3</a> merged</li>
    <li id="closed"><a href="https://github.com/small/repo/pull/4">#4</a> closed</li>
  </ul></li>
  <li>Discussion topics<ul>
    <li id="issue-open"><a href="https://github.com/Small/Repo/issues/5">issue 5</a> open</li>
    <li id="completed"><a href="https://www.google.com/url?q=https://github.com/small/repo/issues/6&amp;sa=D">issue 6</a> completed</li>
    <li id="not-planned"><a href="https://github.com/small/repo/issues/7#issuecomment-1">issue 7</a> not planned</li>
    <li id="missing"><a href="https://github.com/small/repo/issues/404">issue 404</a> gone</li>
    <li id="others"><a href="https://example.com/small/repo/pull/1">elsewhere</a> <a href="https://github.com/small/repo">the repo</a>
      <a href="https://github.com/small/repo/discussions/8">a discussion</a></li>
  </ul></li>
</ul>
</body></html>`;

const SMALL_EXPECTED: Record<string, string | null> = {
  'https://github.com/small/repo/pull/1': 'pr-open',
  'https://github.com/small/repo/pull/2': 'pr-draft',
  'https://github.com/small/repo/pull/3/files': 'pr-merged',
  'https://github.com/small/repo/pull/4': 'pr-closed',
  'https://github.com/Small/Repo/issues/5': 'issue-open',
  'https://www.google.com/url?q=https://github.com/small/repo/issues/6&sa=D': 'issue-completed',
  'https://github.com/small/repo/issues/7#issuecomment-1': 'issue-not-planned',
  'https://github.com/small/repo/issues/404': 'failure-not-found',
  'https://example.com/small/repo/pull/1': null,
  'https://github.com/small/repo': null,
  'https://github.com/small/repo/discussions/8': null,
};

interface BadgeSeen {
  href: string;
  text: string;
  /** The badge right after the link: its state and words; null when there is none. */
  state: string | null;
  words: string | null;
  /** How many of our badges follow the link before the next element of the page. */
  count: number;
}

interface CdpNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function attr(node: CdpNode, name: string): string | null {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1] ?? null;
  return null;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * The links of a page and the badge after each. The badges' shadow roots are closed, out of the page's
 * reach; the DevTools protocol sees through them, as a test must.
 */
async function badges(page: Page): Promise<BadgeSeen[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const seen: BadgeSeen[] = [];
    const walk = (node: CdpNode): void => {
      const children = node.children ?? [];
      children.forEach((child, index) => {
        if (child.nodeName === 'A' && attr(child, 'href') !== null) {
          let count = 0;
          let state: string | null = null;
          let words: string | null = null;
          for (
            let next = children[index + 1];
            next?.nodeName === 'AGENDA-OVERLAY-STATUS';
            next = children[index + 1 + count]
          ) {
            count++;
            const icon = next.shadowRoots?.[0]?.children?.[0];
            if (count === 1 && icon) {
              state = attr(icon, 'data-state');
              words = attr(icon, 'aria-label');
            }
          }
          seen.push({ href: attr(child, 'href') ?? '', text: textOf(child), state, words, count });
        }
        walk(child);
      });
    };
    walk(root);
    return seen;
  } finally {
    await cdp.detach();
  }
}

let standIn: GitHubStandIn;
let server: PageServer;
let browser: ExtensionBrowser;

const small: Record<string, StandInRef> = {
  'small/repo#1': { kind: 'pr', state: 'open', title: 'Add token review <b>API</b>' },
  'small/repo#2': { kind: 'pr', state: 'draft' },
  'small/repo#3': { kind: 'pr', state: 'merged' },
  'small/repo#4': { kind: 'pr', state: 'closed' },
  'small/repo#5': { kind: 'issue', state: 'open' },
  'small/repo#6': { kind: 'issue', state: 'completed' },
  'small/repo#7': { kind: 'issue', state: 'not-planned' },
};
const seedRefs = seedRefList();
const manyRefs = Array.from({ length: 250 }, (_, i) => `many/repo-${i % 3}#${i + 1}`);
const anonymousRefs = Array.from({ length: 40 }, (_, i) => `anon/repo#${i + 1}`);
const limitedRefs = Array.from({ length: 5 }, (_, i) => `limited/repo#${i + 1}`);

beforeAll(async () => {
  const table: Record<string, StandInRef> = { ...small };
  seedRefs.forEach((ref, i) => (table[ref] = STATES[i % STATES.length]!));
  for (const list of [manyRefs, anonymousRefs, limitedRefs])
    list.forEach((ref, i) => (table[ref] = STATES[i % STATES.length]!));
  standIn = await startGitHubStandIn({ refs: table, token: TOKEN });
  server = await servePages({
    '/small.html': SMALL,
    '/seed.html': renderGithubHtml(SEED, { title: 'meeting-notes-2018.md' }),
    '/many.html': agendaPage('Many', manyRefs),
    '/anonymous.html': agendaPage('Anonymous', anonymousRefs, 400),
    '/limited.html': agendaPage('Limited', limitedRefs),
  });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await standIn?.close();
});

/** What the extension keeps in its token vault (lib/background/token-vault.ts), read in its own origin. */
function vaultContents(): Promise<unknown[]> {
  return browser.worker.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('agenda-overlay-credentials', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('secrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('secrets').objectStore('secrets').getAll();
          all.onsuccess = () => resolve(all.result as unknown[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/**
 * Writes the settings as the options page would: the address in storage.local, the token in the vault, and a
 * change mark that wakes the background. Then waits for the background to have taken them.
 */
async function configure(token: string | null): Promise<void> {
  await browser.worker.evaluate(
    async ({ apiBase, token }) => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('agenda-overlay-credentials', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('secrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction('secrets', 'readwrite');
          const secrets = transaction.objectStore('secrets');
          if (token) secrets.put(token, 'github.token');
          else secrets.delete('github.token');
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      });
      await chrome.storage.local.set({ 'github.apiBase': apiBase, 'github.tokenChanged': crypto.randomUUID() });
    },
    { apiBase: standIn.apiBase, token },
  );
  // storage.onChanged reaches the background's listener a moment later: ask it until it uses the new settings.
  const asker = await browser.context.newPage();
  await asker.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const wanted = `${standIn.apiBase} ${token !== null}`;
  let seen = '';
  for (let tries = 0; tries < 50 && seen !== wanted; tries++) {
    seen = await asker.evaluate(async () => {
      const state = (await chrome.runtime.sendMessage({ type: 'github/state' })) as {
        apiBase: string;
        authenticated: boolean;
      };
      return `${state.apiBase} ${state.authenticated}`;
    });
    if (seen !== wanted) await asker.waitForTimeout(100);
  }
  await asker.close();
  if (seen !== wanted) throw new Error(`The background did not take the settings: it uses ${seen}, not ${wanted}`);
}

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  return page;
}

function shown(list: BadgeSeen[]): BadgeSeen[] {
  return list.filter((badge) => badge.state !== null);
}

describe('with a token', () => {
  beforeAll(async () => {
    await configure(TOKEN);
  });

  beforeEach(() => {
    standIn.clearRequests();
  });

  it('puts GitHub’s state after each link, and leaves other links and the page’s text alone', async () => {
    const page = await open('/small.html');
    await expect.poll(async () => shown(await badges(page)).length, WAIT).toBe(8);
    const seen = await badges(page);
    expect(Object.fromEntries(seen.map((badge) => [badge.href, badge.state]))).toEqual(SMALL_EXPECTED);
    expect(seen.every((badge) => badge.count === (badge.state ? 1 : 0))).toBe(true);
    // The link texts, the hrefs and the page's text are as served.
    expect(seen.map((badge) => badge.text)).toEqual([
      'small/repo#1',
      '#2',
      '#3',
      '#4',
      'issue 5',
      'issue 6',
      'issue 7',
      'issue 404',
      'elsewhere',
      'the repo',
      'a discussion',
    ]);
    expect(await page.locator('#open').textContent()).toBe('small/repo#1 open');
    expect(await page.evaluate(() => document.querySelectorAll('a')[0]!.outerHTML)).toBe(
      '<a href="https://github.com/small/repo/pull/1">small/repo#1</a>',
    );
    // The title and the last update on hover, as text (markup in a title stays text).
    const open_ = seen.find((badge) => badge.href.endsWith('/pull/1'))!;
    expect(open_.words).toBe('Pull request small/repo#1: Open\nAdd token review <b>API</b>\nUpdated May 1, 2024');
    expect(seen.find((badge) => badge.href.endsWith('/issues/404'))!.words).toMatch(
      /small\/repo#404: Not found on GitHub, or private/,
    );
    // The page's scripts see our element, but not into it.
    expect(await page.evaluate(() => document.querySelector('agenda-overlay-status')?.shadowRoot ?? null)).toBeNull();
    // Eight references, one query; the token went with it, to the stand-in only.
    expect(standIn.count('graphql')).toBe(1);
    expect(standIn.count()).toBe(1);
    expect(standIn.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await page.close();
  });

  it('keeps the token out of the content script: storage.local is closed to it, the vault is in another origin', async () => {
    const page = await open('/small.html');
    await expect.poll(async () => shown(await badges(page)).length, WAIT).toBe(8);
    const cdp = await page.context().newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const script = contexts.find(
      (context) => context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://'),
    );
    expect(script).toBeDefined();
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: script!.id,
      expression: `chrome.storage.local.get(null).then((items) => JSON.stringify(items), (error) => 'refused: ' + error.message)`,
      awaitPromise: true,
      returnByValue: true,
    });
    expect(result.value).toMatch(/^refused: .*not allowed/i);
    expect(String(result.value)).not.toContain(TOKEN);
    // The vault's database, opened by name from the content script, is the page origin's: new and empty.
    const vault = await cdp.send('Runtime.evaluate', {
      contextId: script!.id,
      expression: `new Promise((resolve) => {
        const request = indexedDB.open('agenda-overlay-credentials');
        request.onerror = () => resolve('refused: ' + request.error);
        request.onsuccess = () => resolve(JSON.stringify([...request.result.objectStoreNames]));
      })`,
      awaitPromise: true,
      returnByValue: true,
    });
    expect(vault.result.value).toBe('[]');
    expect(await vaultContents()).toEqual([TOKEN]);
    await cdp.detach();
    await page.close();
  });

  it('the seed agenda on a GitHub-style page: every issue and pull request link gets its state, in one query', async () => {
    const page = await open('/seed.html');
    const expected = new Map(seedRefs.map((ref, i) => [ref, keyOf(STATES[i % STATES.length]!)]));
    const refLinks = (all: BadgeSeen[]): BadgeSeen[] => all.filter((badge) => refOfHref(badge.href) !== null);
    await expect
      .poll(async () => {
        const links = refLinks(await badges(page));
        return links.length > 0 && links.every((badge) => badge.state !== null);
      }, WAIT)
      .toBe(true);
    const seen = await badges(page);
    const linked = refLinks(seen);
    expect(linked.length).toBeGreaterThan(50);
    for (const badge of linked) {
      expect(badge.state, badge.href).toBe(expected.get(refOfHref(badge.href)!));
      expect(badge.count, badge.href).toBe(1);
    }
    // Every other link of the page (recordings, documents, repositories) is left alone.
    expect(seen.filter((badge) => refOfHref(badge.href) === null && badge.count > 0)).toEqual([]);
    const unique = new Set(linked.map((badge) => refOfHref(badge.href)));
    expect(standIn.count('graphql')).toBe(Math.ceil(unique.size / 100));
    await page.close();
  });

  it('250 references: ⌈250/100⌉ = 3 queries; loaded again: none', async () => {
    const page = await open('/many.html');
    await expect.poll(async () => shown(await badges(page)).length, WAIT).toBe(250);
    expect(standIn.count('graphql')).toBe(3);
    expect(standIn.count()).toBe(3);
    await page.reload();
    await expect.poll(async () => shown(await badges(page)).length, WAIT).toBe(250);
    expect(standIn.count()).toBe(3);
    await page.close();
  });
});

describe('without a token', () => {
  beforeAll(async () => {
    await configure(null);
    standIn.clearRequests();
  });

  it('asks GitHub’s REST API only for what is on screen, then for what comes into view', async () => {
    const page = await open('/anonymous.html');
    // Each link sits in a block 400 px tall: a few are in view.
    await expect.poll(async () => shown(await badges(page)).length, WAIT).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const firstAsked = new Set(standIn.requests.flatMap((request) => request.refs));
    expect(firstAsked.size).toBeGreaterThan(0);
    expect(firstAsked.size).toBeLessThan(6);
    expect([...firstAsked].every((ref) => anonymousRefs.slice(0, 6).includes(ref))).toBe(true);
    expect(standIn.count('graphql')).toBe(0);
    expect(standIn.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
    expect(shown(await badges(page)).map((badge) => badge.text)).toEqual(
      anonymousRefs.filter((ref) => firstAsked.has(ref)),
    );

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(async () => (await badges(page)).at(-1)?.state, WAIT)
      .toBe(keyOf(STATES[(anonymousRefs.length - 1) % STATES.length]!));
    await page.waitForTimeout(500);
    const allAsked = new Set(standIn.requests.flatMap((request) => request.refs));
    // The top and the bottom of the page; nothing of the middle that was never on screen.
    expect(allAsked.has('anon/repo#40')).toBe(true);
    expect(allAsked.has('anon/repo#20')).toBe(false);
    expect(allAsked.size).toBeLessThan(14);
    // One issue request per reference (plus the pulls endpoint for closed pull requests: merged or not).
    const issueRequests = standIn.requests.filter((request) => request.route === 'issue');
    expect(issueRequests.length).toBe(allAsked.size);
    await page.close();
  });
});

describe('the options page', () => {
  let options: Page;

  beforeAll(async () => {
    await configure(null);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });

  afterAll(async () => {
    await options?.close();
  });

  async function save(apiBase: string, token: string): Promise<void> {
    await options.fill('#api-base', apiBase);
    await options.fill('#token', token);
    await options.getByRole('button', { name: 'Save and check' }).click();
  }

  it('refuses an address that is no API base, in words, and saves nothing', async () => {
    await save('https://github.com', '');
    await expect
      .poll(() => options.locator('[data-error="api-base"]').textContent(), WAIT)
      .toBe('That is GitHub’s website. Its API is at https://api.github.com.');
    expect(await browser.worker.evaluate(() => chrome.storage.local.get('github.apiBase'))).toEqual({
      'github.apiBase': standIn.apiBase,
    });
  });

  it('says in words that GitHub refused the token', async () => {
    await save(standIn.apiBase, 'ghp_this_is_not_the_right_token_0000000');
    await expect
      .poll(() => options.locator('[data-check]').textContent(), WAIT)
      .toBe(
        'GitHub did not accept the token (HTTP 401). Replace it in the options, or remove it to look up without one.',
      );
    expect(await options.locator('[data-check]').getAttribute('data-check')).toBe('bad-token');
    await expect
      .poll(() => options.locator('[data-fact="problem"]').textContent(), WAIT)
      .toMatch(/^GitHub did not accept the token \(HTTP 401\)/);
  });

  it('says connected with the right token, and keeps it out of the page', async () => {
    await save(standIn.apiBase, TOKEN);
    await expect
      .poll(() => options.locator('[data-check="ok"]').textContent(), WAIT)
      .toMatch(
        new RegExp(`^Connected to ${standIn.origin.replace('http://', '').replace(/\./g, '\\.')} with the token\\.`),
      );
    expect(await options.inputValue('#token')).toBe('');
    expect(await options.getAttribute('#token', 'placeholder')).toBe('A token is saved. Type a new one to replace it.');
    const local = await browser.worker.evaluate(() => chrome.storage.local.get(null));
    expect(local['github.apiBase']).toBe(standIn.apiBase);
    expect(JSON.stringify(local)).not.toContain(TOKEN);
    expect(await vaultContents()).toEqual([TOKEN]);
    await expect.poll(() => options.locator('[data-fact="mode"]').textContent(), WAIT).toMatch(/^With the token/);
  });

  it('tells a rate limit as it happens, and until when', async () => {
    standIn.setLimit('graphql', { remaining: 0 });
    const page = await open('/limited.html');
    await expect
      .poll(() => options.locator('[data-fact="rate-limit"]').textContent(), WAIT)
      .toMatch(/^GitHub's rate limit is used up\. Looking up again in \d+ min\.$/);
    // In the page, a rate limit shows no badges rather than a warning after every link.
    expect(shown(await badges(page))).toEqual([]);
    await page.close();
  });
});
