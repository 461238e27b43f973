// What the GitHub statuses cost on the seed agenda, in the real extension against the GitHub stand-in on
// 127.0.0.1 (tests/support/github-standin.ts): how many distinct references the parser finds, and how many
// requests the stand-in receives for a first load with a token (page and panel both asking), for a second
// load on the same profile (everything answered already), and for a first load without a token (only what
// is on screen is looked up). Nothing here leaves 127.0.0.1.
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  findChromium,
  launchWithExtension,
  panelUrl,
  tabIdOf,
  type ExtensionBrowser,
} from '../../scripts/support/chromium';
import { startGitHubStandIn, type GitHubStandIn, type StandInRef, type StandInRoute } from '../support/github-standin';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'ghp_BenchStandInToken0123456789abcdefghij';
/** The stand-in's count must stay the same this long to count as settled. */
const STABLE_MS = 1000;
/** Waiting for the count to settle (or for a panel to show its rows) gives up after this. */
const SETTLE_LIMIT_MS = 30_000;
/** Before the count may settle at all: the content script parses, then asks. */
const SETTLE_FLOOR_MS = 1500;
/** The viewport of a page in `launchWithExtension`. */
const VIEWPORT_HEIGHT = 800;
/** The badges' IntersectionObserver looks this far above and below the viewport (lib/page/ref-badges.ts). */
const BADGE_ROOT_MARGIN_PX = 200;
const PANEL_VIEWPORT = { width: 400, height: 800 };
const STATES: StandInRef[] = [
  { kind: 'pr', state: 'open' },
  { kind: 'pr', state: 'merged' },
  { kind: 'issue', state: 'open' },
  { kind: 'issue', state: 'completed' },
  { kind: 'pr', state: 'closed' },
];

export interface RequestCount {
  /** Requests the stand-in answered (CORS preflights not included). */
  requests: number;
  by_route: Partial<Record<StandInRoute, number>>;
  /** CORS preflights, apart. */
  preflights: number;
  /** Distinct references the requests asked about. */
  refs_asked: number;
  /** How many references each request asked about, in arrival order. */
  refs_per_request: number[];
  /** How long until the count had not changed for 1 s (from the page's navigation). */
  settled_after_ms: number;
  /** Set when the count was still moving when the wait gave up. */
  unsettled?: boolean;
}

export interface GitHubFigures {
  /** Distinct references of `parseAgenda`'s items (all meetings, children included). */
  refs: number;
  /** Of them, issue and pull request links the in-page badges consider (links to discussions and references only written as text are not badged). */
  refs_badged: number;
  /** Distinct references the parser finds only as discussion links. */
  refs_discussions: number;
  /** Issue or pull request addresses the parser finds but no link of the page carries (written out as plain text, say). */
  refs_unlinked: number;
  /** Distinct references the parser finds only written as `owner/repo#n`. */
  refs_text_only: number;
  cold_token: RequestCount & { expected: number; met: boolean };
  warm: RequestCount & { expected: 0; met: boolean };
  cold_anon: RequestCount & {
    /** Distinct badged references whose links were in the viewport as first shown (1100×800). */
    refs_on_screen: number;
    /** And within the badges' 200 px look-ahead above and below it. */
    refs_near_screen: number;
  };
  notes: string[];
}

export interface GitHubMeasureOptions {
  extensionDir: string;
  /** The seed page, rendered by `renderGithubHtml`, on 127.0.0.1. */
  seedUrl: string;
  timeoutMs: number;
  progress: (message: string) => void;
}

interface SeedRefs {
  parser: string[];
  badged: string[];
  discussions: string[];
  /** Issue or pull request addresses the parser reads (links of items, addresses written out) with no badged link in the page. */
  unlinked: string[];
  textOnly: string[];
}

interface RefProbe {
  refsOf(): SeedRefs;
  onScreen(margin: number, height: number): string[];
}

declare global {
  interface Window {
    __benchGithubRefs?: RefProbe;
  }
}

/** The parser and the badges' link finder as one classic script that sets `window.__benchGithubRefs`. */
async function buildRefProbe(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
import { parseAgenda } from './lib/agenda/parse';
import { findRefLinks } from './lib/page/ref-links';
import { refFromUrl } from './lib/agenda/refs';
const walk = (items, into) => { for (const item of items) { into.push(item); walk(item.children, into); } return into; };
window.__benchGithubRefs = {
  refsOf() {
    const agenda = parseAgenda(document, location.href);
    const items = [];
    for (const meeting of agenda.meetings) for (const section of meeting.sections) walk(section.items, items);
    const parser = new Set(), addressed = new Set(), discussions = new Set();
    for (const item of items) {
      for (const ref of item.refs) parser.add(ref);
      for (const link of item.links) {
        const ref = refFromUrl(link.href);
        if (!ref) continue;
        if (/\\/discussions\\//i.test(link.href)) discussions.add(ref); else addressed.add(ref);
      }
    }
    const badged = new Set(findRefLinks(document, location.href).map((found) => found.ref));
    const missed = [...parser].filter((ref) => !badged.has(ref));
    return {
      parser: [...parser],
      badged: [...badged],
      discussions: missed.filter((ref) => discussions.has(ref) && !addressed.has(ref)),
      unlinked: missed.filter((ref) => addressed.has(ref)),
      textOnly: missed.filter((ref) => !addressed.has(ref) && !discussions.has(ref)),
    };
  },
  onScreen(margin, height) {
    const seen = new Set();
    for (const { link, ref } of findRefLinks(document, location.href)) {
      const box = link.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.bottom > -margin && box.top < height + margin) seen.add(ref);
    }
    return [...seen];
  },
};
`,
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-github-probe.js',
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no reference probe');
  return `${file.text}\n//# sourceURL=bench-github-probe.js\n`;
}

/** The seed's references, in a Chromium without the extension. */
async function seedRefs(url: string, probe: string, timeoutMs: number): Promise<SeedRefs> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: VIEWPORT_HEIGHT } });
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await page.addScriptTag({ content: probe });
    return await page.evaluate(() => window.__benchGithubRefs!.refsOf());
  } finally {
    await browser.close();
  }
}

/** Writes the settings as the options page would, and waits for the background to have taken them. */
async function configure(browser: ExtensionBrowser, apiBase: string, token: string | null): Promise<void> {
  await browser.worker.evaluate(
    async ({ apiBase, token }) => {
      await chrome.storage.local.set({ 'github.apiBase': apiBase });
      if (token) await chrome.storage.local.set({ 'github.token': token });
      else await chrome.storage.local.remove('github.token');
    },
    { apiBase, token },
  );
  // storage.onChanged reaches the background's listener a moment later.
  await new Promise((done) => setTimeout(done, 300));
}

/** Waits until the stand-in's count has not changed for STABLE_MS (and at least SETTLE_FLOOR_MS have passed). */
async function settle(
  standIn: GitHubStandIn,
  since: number,
): Promise<{ settled_after_ms: number; unsettled?: boolean }> {
  let last = standIn.count() + standIn.preflights.length;
  let changedAt = performance.now();
  for (;;) {
    await new Promise((done) => setTimeout(done, 100));
    const now = performance.now();
    const current = standIn.count() + standIn.preflights.length;
    if (current !== last) {
      last = current;
      changedAt = now;
    }
    if (now - changedAt >= STABLE_MS && now - since >= SETTLE_FLOOR_MS)
      return { settled_after_ms: Math.round(now - since) };
    if (now - since >= SETTLE_LIMIT_MS) return { settled_after_ms: Math.round(now - since), unsettled: true };
  }
}

function counted(standIn: GitHubStandIn, settled: { settled_after_ms: number; unsettled?: boolean }): RequestCount {
  const by_route: Partial<Record<StandInRoute, number>> = {};
  for (const request of standIn.requests) by_route[request.route] = (by_route[request.route] ?? 0) + 1;
  const result: RequestCount = {
    requests: standIn.count(),
    by_route,
    preflights: standIn.preflights.length,
    refs_asked: new Set(standIn.requests.flatMap((request) => request.refs)).size,
    refs_per_request: standIn.requests.map((request) => request.refs.length),
    settled_after_ms: settled.settled_after_ms,
  };
  if (settled.unsettled) result.unsettled = true;
  return result;
}

/** The panel as a tab on the agenda's tab, until it shows its first meeting row (bounded). */
async function openPanel(browser: ExtensionBrowser, tabId: number, timeoutMs: number): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize(PANEL_VIEWPORT);
  await panel.goto(panelUrl(browser, tabId), { timeout: timeoutMs });
  await panel.waitForSelector('[data-meeting-key]', { timeout: Math.min(timeoutMs, SETTLE_LIMIT_MS) });
  return panel;
}

export async function measureGitHub(options: GitHubMeasureOptions): Promise<GitHubFigures> {
  const { progress, timeoutMs } = options;
  const notes: string[] = [];
  const probe = await buildRefProbe();
  const refs = await seedRefs(options.seedUrl, probe, timeoutMs);
  progress(
    `${refs.parser.length} distinct references (parser), ${refs.badged.length} badged as issue or pull request links`,
  );
  if (refs.unlinked.length > 0)
    progress(`not carried by any link of the page, e.g. ${refs.unlinked.slice(0, 3).join(', ')}`);

  const table: Record<string, StandInRef> = {};
  [...new Set([...refs.parser, ...refs.badged])].forEach((ref, i) => (table[ref] = STATES[i % STATES.length]!));
  const standIn = await startGitHubStandIn({ refs: table, token: TOKEN });
  try {
    // With a token, a fresh profile: the page and the panel both ask.
    let browser = await launchWithExtension({ extensionDir: options.extensionDir });
    let coldToken: RequestCount;
    let warm: RequestCount;
    try {
      await configure(browser, standIn.apiBase, TOKEN);
      standIn.clearRequests();
      const since = performance.now();
      const page = await browser.context.newPage();
      await page.goto(options.seedUrl, { waitUntil: 'load', timeout: timeoutMs });
      const tabId = await tabIdOf(browser, page);
      let panel = await openPanel(browser, tabId, timeoutMs);
      coldToken = counted(standIn, await settle(standIn, since));
      progress(
        `with a token, first load: ${coldToken.requests} requests (${JSON.stringify(coldToken.by_route)}), ${coldToken.refs_asked} references asked`,
      );

      // A second load on the same profile: the page reloaded, the panel reopened.
      standIn.clearRequests();
      const again = performance.now();
      await panel.close();
      await page.reload({ waitUntil: 'load', timeout: timeoutMs });
      await page.bringToFront();
      panel = await openPanel(browser, tabId, timeoutMs);
      warm = counted(standIn, await settle(standIn, again));
      progress(`with a token, second load: ${warm.requests} requests`);
      await panel.close();
      await page.close();
    } finally {
      await browser.close();
    }

    // Without a token, a fresh profile: the page as first shown.
    browser = await launchWithExtension({ extensionDir: options.extensionDir });
    let coldAnon: GitHubFigures['cold_anon'];
    try {
      await configure(browser, standIn.apiBase, null);
      standIn.clearRequests();
      const since = performance.now();
      const page = await browser.context.newPage();
      await page.goto(options.seedUrl, { waitUntil: 'load', timeout: timeoutMs });
      const anon = counted(standIn, await settle(standIn, since));
      await page.addScriptTag({ content: probe });
      const onScreen = await page.evaluate(([m, h]) => window.__benchGithubRefs!.onScreen(m, h).length, [
        0,
        VIEWPORT_HEIGHT,
      ] as const);
      const near = await page.evaluate(([m, h]) => window.__benchGithubRefs!.onScreen(m, h).length, [
        BADGE_ROOT_MARGIN_PX,
        VIEWPORT_HEIGHT,
      ] as const);
      const scrollY = await page.evaluate(() => window.scrollY);
      if (scrollY !== 0)
        notes.push(
          `github_requests_cold_anon: the page had scrolled to ${scrollY} px when the references on screen were counted.`,
        );
      coldAnon = { ...anon, refs_on_screen: onScreen, refs_near_screen: near };
      progress(
        `without a token, first load: ${anon.requests} requests (${JSON.stringify(anon.by_route)}); ${onScreen} references on screen, ${near} within ${BADGE_ROOT_MARGIN_PX} px`,
      );
      await page.close();
    } finally {
      await browser.close();
    }

    const expected = Math.ceil(refs.parser.length / 100);
    if (refs.badged.length !== refs.parser.length) {
      notes.push(
        `github_refs: the parser finds ${refs.parser.length} distinct references; the badges consider ${refs.badged.length} ` +
          `(the others: ${refs.discussions.length} only as discussion links, ${refs.unlinked.length} issue or pull request ` +
          `addresses no link of the page carries, ${refs.textOnly.length} only written as owner/repo#n).`,
      );
    }
    for (const [name, count] of [
      ['cold_token', coldToken],
      ['warm', warm],
      ['cold_anon', coldAnon],
    ] as const) {
      if (count.unsettled)
        notes.push(
          `github_requests_${name}: the count still moved when the wait gave up after ${SETTLE_LIMIT_MS / 1000} s.`,
        );
    }
    return {
      refs: refs.parser.length,
      refs_badged: refs.badged.length,
      refs_discussions: refs.discussions.length,
      refs_unlinked: refs.unlinked.length,
      refs_text_only: refs.textOnly.length,
      cold_token: { ...coldToken, expected, met: coldToken.requests === expected },
      warm: { ...warm, expected: 0, met: warm.requests === 0 },
      cold_anon: coldAnon,
      notes,
    };
  } finally {
    await standIn.close();
  }
}
