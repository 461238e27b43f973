// `npm run bench`: measures the parser and the side panel in headless Chromium, on the seed agenda (26
// meetings) and on a synthetic agenda of 5,000 built from it, and prints the figures, their ratios and
// whether each budget of DESIGN.md is met. A benchmark, not a test: it exits 0 whatever the figures,
// and 1 only when it could not run. Progress goes to stderr.
//   npm run bench                     the table
//   npm run bench -- --json           one JSON object on stdout, nothing else
//   npm run bench -- --meetings 1000  another big size (default 5000)
//   npm run bench -- --profile        also a CPU profile of one parse of the big Docs export: where the time goes
//   npm run bench -- --no-build       use the extension already built in .output/chrome-mv3
//   npm run bench -- --only github    only the GitHub look-ups on the seed agenda (against the stand-in on 127.0.0.1)
//   npm run bench -- --only pathological  only parse_pathological_ratio (the hostile page against plain text)
//   npm run bench -- --only panel     only the panel and its floors (first render, live edit, heap), as JSON
//   npm run bench -- --only history   only a group's ten-year history (requests cold and warm, keystrokes)
//   npm run bench -- --only parse     only the parse of both renderings against its floor (at 26 and --meetings);
//                                     with --profile, a CPU profile of each rendering's big parse
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { buildExtension, type BuiltExtension } from '../tests/bench/build-extension';
import { measureBundles } from '../tests/bench/bundle-size';
import {
  checkBudgets,
  checkGitHubBudgets,
  checkHistoryBudgets,
  checkParseBudgets,
  parseFloorMs,
  sizeFloors,
} from '../tests/bench/budgets';
import { floorFigure } from '../tests/bench/floors';
import { jsHeapBytes } from '../tests/bench/heap';
import { timeEditToPaint } from '../tests/bench/measure-live-edit';
import { addFloorPage, copyWithFloorPage } from '../tests/bench/panel-floor';
import { median, round } from '../tests/bench/stats';
import { generateAgenda, renderAgenda, seedAgenda, type Rendering } from '../tests/bench/generate-agenda';
import { measureGitHub, type GitHubFigures } from '../tests/bench/measure-github';
import { measureHistory, type HistoryFigures } from '../tests/bench/measure-history';
import { measureParse, parseFigures, type ParseFigures } from '../tests/bench/measure-parse';
import { pathologicalFigures, pathologicalPages, type PathologicalFigures } from '../tests/bench/pathological-page';
import { measurePanel, openAgendaTab, type PanelFigures } from '../tests/bench/measure-panel';
import { buildParserBundle } from '../tests/bench/parser-bundle';
import { profileParse, type ParseProfile } from '../tests/bench/profile-parse';
import { formatParseOnly, formatTable, parseOnlyJson, toJson } from '../tests/bench/report';
import {
  LEGEND,
  type BenchResults,
  type ParseOnlyResults,
  type ParseOnlySize,
  type SizeResult,
} from '../tests/bench/results';
import { readSeed } from '../tests/bench/seed-templates';
import { renderGithubHtml } from './render/markdown-to-github-html';
import {
  CHROMIUM_FLAGS,
  EXTENSION_DIR,
  findChromium,
  launchWithExtension,
  type ExtensionBrowser,
} from './support/chromium';
import { servePages, type PageServer } from './support/static-server';

interface Options {
  json: boolean;
  meetings: number;
  profile: boolean;
  build: boolean;
  /**
   * `github`: only the GitHub look-ups; `pathological`: only the hostile page's parse; `parse`: only the parse of
   * both renderings at both sizes; `panel`, `history`: only those; null: everything.
   */
  only: 'github' | 'pathological' | 'parse' | 'panel' | 'history' | null;
}

const SEED_MEETINGS = 26;
const DEFAULT_MEETINGS = 5000;
const RUNS = 5;
const WARMUPS = 1;
const PANEL_OPENS = 5;
/** Edits timed on the page without the extension, for the live edit's floor. */
const LIVE_EDIT_FLOOR_RUNS = 3;
const QUERY = 'token request';
/** Any one step (a page load, an evaluation) longer than this fails the run. */
const STEP_TIMEOUT_MS = 180_000;
/** And the whole run stops by itself after this. */
const RUN_LIMIT_MS = 15 * 60_000;
const RENDERINGS: Rendering[] = ['gdocs', 'github'];

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;

function log(message: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function readOptions(argv: string[]): Options {
  const at = argv.indexOf('--meetings');
  const meetings = at >= 0 ? Number(argv[at + 1]) : DEFAULT_MEETINGS;
  if (!Number.isInteger(meetings) || meetings <= SEED_MEETINGS) {
    throw new Error(`--meetings wants a whole number above ${SEED_MEETINGS}, not ${argv[at + 1] ?? 'nothing'}`);
  }
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : null;
  if (only !== null && !['github', 'pathological', 'parse', 'panel', 'history'].includes(only ?? '')) {
    throw new Error(`--only wants github, pathological, parse, panel or history, not ${only ?? 'nothing'}`);
  }
  return {
    json: argv.includes('--json'),
    meetings,
    profile: argv.includes('--profile'),
    build: !argv.includes('--no-build'),
    only: only as Options['only'],
  };
}

const pagePath = (meetings: number, rendering: Rendering): string => `/agenda-${meetings}-${rendering}.html`;
const HOSTILE_PATH = '/agenda-pathological.html';
const PLAIN_PATH = '/agenda-plain-text.html';

/** The hostile page and its plain twin, by path. */
function pathologicalSources(): Record<string, string> {
  const { hostile, plain } = pathologicalPages();
  return { [HOSTILE_PATH]: hostile, [PLAIN_PATH]: plain };
}

/** Both renderings of the seed and of the big synthetic agenda, served on 127.0.0.1. */
async function servePagesFor(big: number): Promise<{ server: PageServer; htmlBytes: Map<string, number> }> {
  const seed = seedAgenda();
  const sources = [
    { meetings: SEED_MEETINGS, agenda: { markdown: readSeed(), title: seed.title } },
    { meetings: big, agenda: generateAgenda({ meetings: big }) },
  ];
  const pages: Record<string, string> = pathologicalSources();
  const htmlBytes = new Map<string, number>(
    Object.entries(pages).map(([path, html]) => [path, Buffer.byteLength(html)]),
  );
  for (const { meetings, agenda } of sources) {
    for (const rendering of RENDERINGS) {
      const html = renderAgenda(agenda, rendering);
      pages[pagePath(meetings, rendering)] = html;
      htmlBytes.set(pagePath(meetings, rendering), Buffer.byteLength(html));
      log(`rendered ${meetings} meetings as ${rendering}: ${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB`);
    }
  }
  return { server: await servePages(pages), htmlBytes };
}

interface ParseStage {
  figures: Map<string, ParseFigures>;
  /** Absent when the stage was asked to skip it. */
  pathological?: PathologicalFigures;
  /** One parse of the big page, under the profiler, by rendering. */
  profiles: Partial<Record<Rendering, ParseProfile>>;
  version: string;
}

interface ParseStageChoices {
  /** Also the hostile page against its plain twin. */
  pathological: boolean;
  /** The renderings whose big page gets one more parse under the profiler (when `--profile`). */
  profile: readonly Rendering[];
}

/** One page's parse and walk times, in `browser`. */
async function parseOnePage(
  browser: Browser,
  server: PageServer,
  path: string,
  bundle: string,
  htmlBytes: number,
): Promise<ParseFigures> {
  const page = await browser.newPage();
  try {
    const runs = await measureParse(page, server.url(path), bundle, {
      runs: RUNS,
      warmups: WARMUPS,
      timeoutMs: STEP_TIMEOUT_MS,
    });
    return parseFigures(runs, htmlBytes);
  } finally {
    await page.close();
  }
}

/** parse_pathological_ratio: the hostile page's parse time over its plain twin's. */
async function measurePathological(
  browser: Browser,
  server: PageServer,
  bundle: string,
  htmlBytes: Map<string, number>,
): Promise<PathologicalFigures> {
  log('parse: the pathological page and its plain twin…');
  const hostile = await parseOnePage(browser, server, HOSTILE_PATH, bundle, htmlBytes.get(HOSTILE_PATH) ?? 0);
  const plain = await parseOnePage(browser, server, PLAIN_PATH, bundle, htmlBytes.get(PLAIN_PATH) ?? 0);
  const figures = pathologicalFigures(hostile, plain);
  log(
    `parse: pathological ${figures.parse_ms} ms, plain ${figures.plain_parse_ms} ms, ratio ${figures.parse_pathological_ratio}`,
  );
  return figures;
}

/** Parse and walk times of every page, in a Chromium without the extension. */
async function parseStage(
  server: PageServer,
  htmlBytes: Map<string, number>,
  options: Options,
  choices: ParseStageChoices,
): Promise<ParseStage> {
  const bundle = await buildParserBundle();
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
  const figures = new Map<string, ParseFigures>();
  const profiles: ParseStage['profiles'] = {};
  try {
    const pathological = choices.pathological
      ? await measurePathological(browser, server, bundle, htmlBytes)
      : undefined;
    for (const meetings of [SEED_MEETINGS, options.meetings]) {
      for (const rendering of RENDERINGS) {
        const path = pagePath(meetings, rendering);
        log(`parse: loading ${path}…`);
        const page = await browser.newPage();
        try {
          const runs = await measureParse(page, server.url(path), bundle, {
            runs: RUNS,
            warmups: WARMUPS,
            timeoutMs: STEP_TIMEOUT_MS,
          });
          const result = parseFigures(runs, htmlBytes.get(path) ?? 0);
          figures.set(path, result);
          log(`parse: ${path}: walk ${result.walk_ms} ms, parse ${result.parse_ms} ms, ratio ${result.parse_ratio}`);
          if (options.profile && meetings === options.meetings && choices.profile.includes(rendering)) {
            log('parse: profiling one more parse…');
            profiles[rendering] = await profileParse(page, 15, STEP_TIMEOUT_MS);
          }
        } finally {
          await page.close();
        }
      }
    }
    const result: ParseStage = { figures, profiles, version: `Chromium ${browser.version()}` };
    if (pathological) result.pathological = pathological;
    return result;
  } finally {
    await browser.close();
  }
}

/** The Docs export page without the extension: its heap, and the live edit's floor. */
interface BarePage {
  heapBytes: number | null;
  editRunsMs: number[];
}

/** Each size's Docs export page, freshly loaded in a Chromium without the extension. */
async function barePageStage(server: PageServer, options: Options): Promise<Map<number, BarePage>> {
  const results = new Map<number, BarePage>();
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
  try {
    for (const meetings of [SEED_MEETINGS, options.meetings]) {
      const page = await browser.newPage();
      try {
        await page.goto(server.url(pagePath(meetings, 'gdocs')), { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
        const heapBytes = await jsHeapBytes(page);
        const editRunsMs: number[] = [];
        for (let i = 0; i < LIVE_EDIT_FLOOR_RUNS; i++) {
          editRunsMs.push(round(await timeEditToPaint(page, `January ${i + 1}, 2031`)));
        }
        results.set(meetings, { heapBytes, editRunsMs });
        log(`bare page: ${meetings}: heap ${heapBytes ?? '–'} B, edit to paint ${editRunsMs.join(', ')} ms`);
      } finally {
        await page.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** The panel on the Docs export pages, in Chromium with the built extension. */
async function panelStage(
  server: PageServer,
  extensionDir: string,
  options: Options,
): Promise<Map<number, PanelFigures>> {
  const results = new Map<number, PanelFigures>();
  const browser: ExtensionBrowser = await launchWithExtension({ extensionDir });
  try {
    for (const meetings of [SEED_MEETINGS, options.meetings]) {
      const path = pagePath(meetings, 'gdocs');
      log(`panel: loading ${path}…`);
      const { page, tabId } = await openAgendaTab(browser, server.url(path), STEP_TIMEOUT_MS);
      try {
        const figures = await measurePanel(
          browser,
          tabId,
          { opens: PANEL_OPENS, query: QUERY, timeoutMs: STEP_TIMEOUT_MS, livePage: page, floorPage: true },
          (message) => log(`panel: ${meetings}: ${message}`),
        );
        results.set(meetings, figures);
        log(
          `panel: ${meetings}: first render ${figures.panel_first_render_ms} ms, ${figures.panel_dom_nodes} elements`,
        );
      } finally {
        await page.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** The GitHub look-ups on the seed agenda, rendered as on GitHub, against the stand-in. */
async function githubStage(extensionDir: string): Promise<GitHubFigures> {
  const path = '/seed-github.html';
  const server = await servePages({ [path]: renderGithubHtml(readSeed(), { title: 'meeting-notes-2018.md' }) });
  try {
    log('github: the seed agenda against the GitHub stand-in…');
    return await measureGitHub({
      extensionDir,
      seedUrl: server.url(path),
      timeoutMs: STEP_TIMEOUT_MS,
      progress: (message) => log(`github: ${message}`),
    });
  } finally {
    await server.close();
  }
}

/** Prints a stage run alone (`--only github`, `--only history`): its figures, its budgets and its legend. */
async function printOneStage(
  options: Options,
  bundles: ReturnType<typeof measureBundles>,
  figures: Pick<BenchResults, 'github' | 'history'>,
  budgets: BenchResults['budgets'],
  legendPrefix: string,
): Promise<void> {
  const results: BenchResults = {
    environment: environment(await chromiumVersion()),
    sizes: {},
    bundle_bytes: bundles.bytes,
    bundle_gzip_bytes: bundles.gzip_bytes,
    panel_files: bundles.panel_files,
    budgets,
    ...figures,
    legend: Object.fromEntries(Object.entries(LEGEND).filter(([name]) => name.startsWith(legendPrefix))),
    elapsed_s: Math.round((performance.now() - started) / 1000),
  };
  process.stdout.write(options.json ? `${JSON.stringify(toJson(results), null, 2)}\n` : `${formatTable(results)}\n`);
  log('done');
}

async function historyStage(extensionDir: string): Promise<HistoryFigures> {
  log('history: a ten-year group history against the contents stand-in…');
  return measureHistory(extensionDir, (message) => log(`history: ${message}`));
}

function environment(chromiumVersion: string): BenchResults['environment'] {
  return {
    chromium: chromiumVersion,
    node: process.versions.node,
    cpus: cpus().length,
    platform: process.platform,
    load_average: { start: round2(loadAtStart), end: round2(loadavg()[0] ?? 0) },
  };
}

async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
  try {
    return `Chromium ${browser.version()}`;
  } finally {
    await browser.close();
  }
}

/** Both renderings' parse figures at one size, with a note for each that did not read every meeting. */
function parsedAt(
  meetings: number,
  parse: Map<string, ParseFigures>,
): { gdocs: ParseFigures; github: ParseFigures; notes: string[] } {
  const gdocs = parse.get(pagePath(meetings, 'gdocs'));
  const github = parse.get(pagePath(meetings, 'github'));
  if (!gdocs || !github) throw new Error(`no parse figures for ${meetings} meetings`);
  const notes: string[] = [];
  for (const [name, figures] of [
    ['Docs export', gdocs],
    ['GitHub', github],
  ] as const) {
    if (figures.meetings_parsed !== meetings)
      notes.push(`${name}: the parser read ${figures.meetings_parsed} meetings, not ${meetings}.`);
  }
  return { gdocs, github, notes };
}

function sizeResult(
  meetings: number,
  parse: Map<string, ParseFigures>,
  panel: PanelFigures | undefined,
  bare: BarePage | undefined,
): SizeResult {
  const { gdocs, github, notes } = parsedAt(meetings, parse);
  if (panel?.filter_note) notes.push(`filter_keystroke_ms: ${panel.filter_note}.`);
  if (panel && panel.panel_agenda_received_ms === null)
    notes.push('panel_agenda_received_ms: tabs.sendMessage could not be wrapped.');
  const editRuns = bare?.editRunsMs ?? [];
  const bareHeapBytes = bare?.heapBytes ?? null;
  return {
    meetings,
    parse_ms: gdocs.parse_ms,
    walk_ms: gdocs.walk_ms,
    parse_ratio: gdocs.parse_ratio,
    panel_first_render_ms: panel?.panel_first_render_ms ?? null,
    filter_keystroke_ms: panel?.filter_keystroke_ms ?? null,
    panel_dom_nodes: panel?.panel_dom_nodes ?? null,
    notes,
    gdocs,
    github,
    panel: panel ?? null,
    live_edit_floor_runs_ms: editRuns,
    page_bare_heap_bytes: bareHeapBytes,
    floors: sizeFloors({
      gdocs,
      github,
      panel: panel ?? null,
      liveEditFloorMs: editRuns.length > 0 ? round(median(editRuns)) : null,
      bareHeapBytes,
    }),
  };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** One size's parse figures under `--only parse`. */
function parseOnlySize(meetings: number, parse: Map<string, ParseFigures>): ParseOnlySize {
  const { gdocs, github, notes } = parsedAt(meetings, parse);
  return {
    meetings,
    gdocs,
    github,
    floors: {
      parse_gdocs: floorFigure(gdocs.parse_ms, parseFloorMs(gdocs)),
      parse_github: floorFigure(github.parse_ms, parseFloorMs(github)),
    },
    notes,
  };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    log(`gave up: the run took longer than ${RUN_LIMIT_MS / 60_000} minutes`);
    process.exit(1);
  }, RUN_LIMIT_MS);
  watchdog.unref();

  let built: BuiltExtension | null = null;
  process.on('exit', () => built?.remove());
  let floorCopy: { dir: string; remove(): void } | null = null;
  process.on('exit', () => floorCopy?.remove());
  let server: PageServer | null = null;
  try {
    // The parser alone: no extension to build.
    if (options.only === 'pathological') {
      const pages = pathologicalSources();
      server = await servePages(pages);
      const bytes = new Map(Object.entries(pages).map(([path, html]) => [path, Buffer.byteLength(html)]));
      const bundle = await buildParserBundle();
      const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_FLAGS] });
      let pathological: PathologicalFigures;
      try {
        pathological = await measurePathological(browser, server, bundle, bytes);
      } finally {
        await browser.close();
      }
      const out = {
        load_average: { start: round2(loadAtStart), end: round2(loadavg()[0] ?? 0) },
        parse_pathological_ratio: pathological.parse_pathological_ratio,
        pathological,
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      log('done');
      return;
    }
    if (options.only === 'parse') {
      log(`generating and rendering ${options.meetings} meetings…`);
      const served = await servePagesFor(options.meetings);
      server = served.server;
      const parse = await parseStage(server, served.htmlBytes, options, {
        pathological: false,
        profile: RENDERINGS,
      });
      const small = parseOnlySize(SEED_MEETINGS, parse.figures);
      const big = parseOnlySize(options.meetings, parse.figures);
      const results: ParseOnlyResults = {
        environment: environment(parse.version),
        sizes: { [`n${SEED_MEETINGS}`]: small, [`n${options.meetings}`]: big },
        budgets: checkParseBudgets(big.meetings, big.floors),
        elapsed_s: Math.round((performance.now() - started) / 1000),
      };
      if (Object.keys(parse.profiles).length > 0) results.profiles = parse.profiles;
      process.stdout.write(
        options.json ? `${JSON.stringify(parseOnlyJson(results), null, 2)}\n` : `${formatParseOnly(results)}\n`,
      );
      log('done');
      return;
    }
    if (options.build) {
      log('building the extension…');
      built = buildExtension();
    }
    // The panel's floor page goes into the bench's own build, or into a copy of the shared test build.
    if (built) addFloorPage(built.dir);
    else floorCopy = copyWithFloorPage(EXTENSION_DIR);
    const extensionDir = built?.dir ?? floorCopy?.dir ?? EXTENSION_DIR;
    const bundles = measureBundles(extensionDir);
    if (options.only === 'history') {
      const history = await historyStage(extensionDir);
      await printOneStage(options, bundles, { history }, checkHistoryBudgets(history), 'history_');
      return;
    }
    if (options.only === 'github') {
      const github = await githubStage(extensionDir);
      await printOneStage(options, bundles, { github }, checkGitHubBudgets(github), 'github_');
      return;
    }
    log(`generating and rendering ${options.meetings} meetings…`);
    const served = await servePagesFor(options.meetings);
    server = served.server;
    if (options.only === 'panel') {
      const bare = await barePageStage(server, options);
      const panel = await panelStage(server, extensionDir, options);
      const out = {
        load_average: { start: round2(loadAtStart), end: round2(loadavg()[0] ?? 0) },
        bare: Object.fromEntries(bare),
        panel: Object.fromEntries(panel),
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      log('done');
      return;
    }
    const parse = await parseStage(server, served.htmlBytes, options, { pathological: true, profile: ['gdocs'] });
    const bare = await barePageStage(server, options);
    const panel = await panelStage(server, extensionDir, options);
    const github = await githubStage(extensionDir);
    const history = await historyStage(extensionDir);

    const small = sizeResult(SEED_MEETINGS, parse.figures, panel.get(SEED_MEETINGS), bare.get(SEED_MEETINGS));
    const big = sizeResult(options.meetings, parse.figures, panel.get(options.meetings), bare.get(options.meetings));
    const results: BenchResults = {
      environment: environment(parse.version),
      sizes: { [`n${SEED_MEETINGS}`]: small, [`n${options.meetings}`]: big },
      bundle_bytes: bundles.bytes,
      bundle_gzip_bytes: bundles.gzip_bytes,
      panel_files: bundles.panel_files,
      budgets: { ...checkBudgets(small, big), ...checkGitHubBudgets(github), ...checkHistoryBudgets(history) },
      github,
      history,
      legend: LEGEND,
      elapsed_s: Math.round((performance.now() - started) / 1000),
    };
    if (parse.pathological) results.pathological = parse.pathological;
    if (parse.profiles.gdocs) results.profile = parse.profiles.gdocs;
    process.stdout.write(options.json ? `${JSON.stringify(toJson(results), null, 2)}\n` : `${formatTable(results)}\n`);
    log('done');
  } finally {
    await server?.close();
    built?.remove();
    built = null;
    floorCopy?.remove();
    floorCopy = null;
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
