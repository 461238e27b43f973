// The shape of a bench run's results, as `npm run bench -- --json` prints them.
import type { GitHubFigures } from './measure-github';
import type { ParseFigures } from './measure-parse';
import type { PathologicalFigures } from './pathological-page';
import type { HistoryFigures } from './measure-history';
import type { PanelFigures } from './measure-panel';
import type { ParseProfile } from './profile-parse';
import type { SizeFloors } from './budgets';
import type { FloorFigure } from './floors';

/** One agenda size. The flat figures are the headline: the Google Docs export rendering. */
export interface SizeResult {
  meetings: number;
  parse_ms: number;
  walk_ms: number;
  parse_ratio: number;
  panel_first_render_ms: number | null;
  filter_keystroke_ms: number | null;
  panel_dom_nodes: number | null;
  /** Why a figure is missing, or what to know about it. */
  notes: string[];
  gdocs: ParseFigures;
  github: ParseFigures;
  /** On the Google Docs export page. */
  panel: PanelFigures | null;
  /** The live edit's floor, each run: the same insertion to the next paint, without the extension. */
  live_edit_floor_runs_ms: number[];
  /** The Docs export page's JS heap in the browser without the extension. */
  page_bare_heap_bytes: number | null;
  /** Every budgeted figure beside its floor and ratio. */
  floors: SizeFloors;
}

/** One size under `--only parse`: both renderings' parse figures, and each against its floor. */
export interface ParseOnlySize {
  meetings: number;
  gdocs: ParseFigures;
  github: ParseFigures;
  /** parse_ms against read_floor_ms + model_json_parse_ms. */
  floors: { parse_gdocs: FloorFigure; parse_github: FloorFigure };
  notes: string[];
}

/** `npm run bench -- --only parse`: the parse stage alone. */
export interface ParseOnlyResults {
  environment: BenchResults['environment'];
  /** Keyed `n26` and `n<big N>`. */
  sizes: Record<string, ParseOnlySize>;
  budgets: Record<string, Budget>;
  /** With `--profile`: one parse of each rendering at the big size. */
  profiles?: { gdocs?: ParseProfile; github?: ParseProfile };
  elapsed_s: number;
}

export interface Budget {
  rule: string;
  value: number | null;
  limit: number;
  /** null when the figure could not be measured. */
  met: boolean | null;
  /** For a ratio to a floor: the figure and the floor it is divided by, in ms, as context. */
  figure_ms?: number | null;
  floor_ms?: number | null;
  note?: string;
}

export interface BenchResults {
  environment: {
    chromium: string;
    node: string;
    cpus: number;
    platform: string;
    /** The machine's 1-minute load average at the start and the end: other work skews the figures. */
    load_average: { start: number; end: number };
  };
  /** Keyed `n26` and `n<big N>` (`n5000` by default); empty with `--only github`. */
  sizes: Record<string, SizeResult>;
  bundle_bytes: { content_script: number; panel: number };
  bundle_gzip_bytes: { content_script: number; panel: number };
  panel_files: string[];
  budgets: Record<string, Budget>;
  profile?: ParseProfile;
  /** The GitHub look-ups on the seed agenda against the stand-in; absent when not measured. */
  github?: GitHubFigures;
  /** The hostile page against plain text of the same size; absent when not measured. */
  pathological?: PathologicalFigures;
  /** A ten-year group history loaded in the panel against the contents stand-in; absent when not measured. */
  history?: HistoryFigures;
  legend: Record<string, string>;
  elapsed_s: number;
}

export const LEGEND: Record<string, string> = {
  walk_ms:
    'one bare TreeWalker(SHOW_TEXT) pass over the whole document summing text.data.length: the floor. Median of 5 after ' +
    '1 warm-up; a run repeats the pass until 20 ms have passed (the page clock is coarsened to 0.1 ms) and counts per pass.',
  parse_ms:
    'parseAgenda(document, location.href) in the page, the parser bundled by esbuild (not minified). Median of 5 after ' +
    '1 warm-up; walk and parse runs alternate, in a headless Chromium without the extension.',
  parse_ratio:
    'parse_ms / walk_ms. Headline: the Google Docs export rendering; the GitHub rendering under "github". ' +
    'parse_ratio_of_mins: the same from the fastest walk and parse runs, a cross-check on a busy machine. ' +
    "model_json_parse_ms / model_floor_ratio: the fastest of 3 JSON.parse of the parsed agenda's JSON in the same page, " +
    'and its ratio to walk_ms: a floor for any parser that builds the whole model at once (allocating its objects and ' +
    'strings natively, reading nothing), to set parse_ratio against. read_floor_ms / read_floor_ratio: the fastest of 3 ' +
    "minimal reading passes in the same page (TreeWalker over elements and text: every element's class attribute, " +
    "every link's href, each list item's, paragraph's and heading's text gathered into one object with its links; " +
    'no rules, no keys): a floor for reading what the model needs, before building it.',
  panel_first_render_ms:
    'the panel opened as a tab (sidepanel.html?tab=<id>, 400x800) on the Google Docs export page, whose content script has ' +
    'already parsed it: ms from navigation start (performance.timeOrigin) to the task after the painted frame that first ' +
    'shows a [data-meeting-key] row (requestAnimationFrame, then a posted message). Includes loading the panel, asking the ' +
    'content script for the agenda, the message, and rendering. Median of the timed opens after 1 warm-up open ' +
    '(panel_first_render_cold_ms); each panel is closed once it has been idle for 5 idle periods in a row, and the next ' +
    "opens 1.5 s later (extension pages share one process: the last panel's teardown is not this one's start). Breakdown: panel_mounted_ms (first content in #app), panel_agenda_received_ms (the " +
    'agenda answer resolved), panel_first_row_in_dom_ms, and panel_render_after_answer_ms (agenda answer → first row ' +
    'painted: the rendering alone). Since the panel reads a long agenda in parts, "the agenda answer" is the first ' +
    'part (agenda/open: the newest 40 meetings), and the first row shows while the rest is still arriving; the panel ' +
    'says so ("Loading older meetings: n of N") until it has all of it. panel_whole_agenda_ms: from navigation start ' +
    'until that line is gone (for an agenda sent in one part, the first row).',
  panel_dom_nodes: "document.getElementsByTagName('*').length in the panel after its first render.",
  panel_live_edit_ms:
    'after the keystrokes, with the search box emptied and the panel idle: a new meeting heading and list are added at ' +
    'the top of the page, and the time runs (wall clock, both pages) until the panel has painted the new meeting count. ' +
    "It includes the content script's 250 ms pause for further edits, its re-read of the page, the news to the panel " +
    "(for a long agenda, the meetings that changed) and the panel's update. One edit per size.",
  filter_keystroke_ms:
    "typing the query one key at a time into the panel's search box: per key, from the input event's timeStamp to the " +
    'painted frame showing the last DOM change it caused (DOM quiet for 300 ms counts as settled). Median. Typed only ' +
    'once the whole agenda is in the panel (panel_whole_agenda_ms), so every keystroke searches all of it.',
  github_refs:
    'distinct GitHub references of the seed agenda (rendered by renderGithubHtml, served on 127.0.0.1) as the parser sees ' +
    "them: the refs of parseAgenda's items, all meetings, children included. github.refs_badged: of them, the issue and " +
    'pull request links the in-page badges consider (findRefLinks: links only; discussions, addresses no link carries and ' +
    'owner/repo#n written as text are not badged), and the others by kind.',
  github_requests_cold_token:
    'requests (CORS preflights apart) the GitHub stand-in on 127.0.0.1 received for the first load of the seed page with a ' +
    'token, on a fresh profile, with the panel opened as sidepanel.html?tab=<id> too (page and panel both ask), counted ' +
    'once the count had not changed for 1 s. Expected: ⌈github_refs / 100⌉ (one GraphQL query per 100 references).',
  github_requests_warm:
    'requests for a second load on the same profile after the first answers arrived: the page reloaded and the panel ' +
    'reopened, counted the same way. Expected: 0.',
  github_requests_cold_anon:
    'requests without a token on a fresh profile, for the page as first shown (1100×800, not scrolled; only what is on ' +
    'screen is looked up); github.cold_anon.refs_on_screen: distinct badged references whose links were in the viewport, ' +
    "refs_near_screen: within the badges' 200 px look-ahead above and below it. The panel is not opened.",
  history_cold_requests:
    "a group's ten-year history (twelve archive files made from the real archives in tests/fixtures, their years " +
    'moved, in one folder of the contents stand-in), loaded by pressing "Load the group\'s history" in a panel on a ' +
    'fresh profile: the requests the stand-in received from opening the panel to the whole history shown. ' +
    'Expected: files + listings + 1 (sigs.yaml).',
  history_warm_requests:
    'requests for the panel reloaded within the day, to the whole history shown again. Expected: 0.',
  history_click_to_searchable_ms:
    'from the press on "Load the group\'s history" to the whole history in the index, searchable (context, no budget).',
  history_filter_keystroke_ms:
    'median time from a keystroke in the search box to the next painted frame, over the whole history (budget ≤ 16 ms).',
  parse_pathological_ratio:
    'parseAgenda on one meeting whose blocks (a paragraph and an item for each of the ~100 characters and tokens the ' +
    'rules look for: brackets, punctuation, blanks, digits, URLs, @, #, dates, CSS) are each 100,000 characters of ' +
    'it, over parseAgenda on the same page with plain words instead; medians of 5 after 1 warm-up, in the same browser ' +
    'as parse_ms. Near 1 when every rule is linear; a rule that backtracks on long runs makes it hundreds.',
  floors:
    'every budgeted figure beside the floor it is held to, measured in the same run, and figure / floor. ' +
    'parse_gdocs, ' +
    'parse_github: parse_ms against read_floor_ms + model_json_parse_ms of the same page (budget ≤ 2×). ' +
    'panel_first_render: the panel against the floor page (tests/bench/floor-page: an extension page added to the ' +
    "bench's build only, opened the same way, sending the same agenda/open to the same tab and painting one row as " +
    'text), timed the same way; the two alternate, floor first, over the timed opens, and the ratio is the median of ' +
    'the per-pair ratios (budget ≤ 1.3×). live_edit: panel_live_edit_ms against the same insertion on the same page ' +
    "in the Chromium without the extension, timed to the page's next painted frame, median of 3 (budget ≤ 2×). " +
    'filter_keystroke: median and 95th percentile (nearest rank) of the keystrokes (budgets ≤ 16 and ≤ 33 ms).',
  heap:
    'after a garbage collection, through the DevTools protocol (Runtime.getHeapUsage: the whole isolate). ' +
    'panel_heap_bytes: the panel once it holds the whole agenda (extension pages share a process: any other open ' +
    "extension page counts too; none is open then). page_added_heap_bytes: the Docs export page's heap with the " +
    "extension (its content script has parsed it, and a first panel has come and gone) less the same page's heap, " +
    'freshly loaded, in the Chromium without the extension.',
  page_load_to_whole_agenda_ms:
    "wall time from the page's load event to the whole agenda in a panel opened as soon as the page had loaded: the " +
    "content script's first parse, the panel's start and every part of the agenda.",
  bundle_bytes:
    "content-scripts/agenda.js; the panel: sidepanel.html's scripts and style sheets with every chunk they import.",
};
