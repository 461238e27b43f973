// The speed budgets (docs/BENCHMARKS.md), checked against a run's figures at the big size. Each is a ratio to a
// floor measured in the same run, on the same page, in the same browser (absolute times on a shared machine move
// 2–4× between runs); the keystroke's is one frame. Figures, not verdicts that fail anything: the bench reports
// whether each is met and exits 0 either way.
import { floorFigure, type FloorFigure } from './floors';
import type { GitHubFigures } from './measure-github';
import type { HistoryFigures } from './measure-history';
import type { ParseFigures } from './measure-parse';
import type { PanelFigures } from './measure-panel';
import type { Budget, SizeResult } from './results';

export const LIMITS = {
  /** parse_ms ≤ this × (read_floor_ms + model_json_parse_ms), both renderings. */
  parse_floor_ratio: 2,
  /** The panel's first row painted ≤ this × the floor page's, median of the paired opens. */
  panel_first_render_floor_ratio: 1.3,
  /** The edit's way to the panel ≤ this × the same edit's next paint without the extension. */
  live_edit_floor_ratio: 2,
  filter_keystroke_median_ms: 16,
  filter_keystroke_p95_ms: 33,
  panel_dom_nodes_growth: 1.5,
} as const;

/** Every figure with a floor, beside its floor and ratio, for one size. */
export interface SizeFloors {
  /** parse_ms against read_floor_ms + model_json_parse_ms. */
  parse_gdocs: FloorFigure;
  parse_github: FloorFigure;
  /** Medians of the paired opens; the ratio is the median of the per-pair ratios. */
  panel_first_render: FloorFigure;
  live_edit: FloorFigure;
  filter_keystroke: { median_ms: number | null; p95_ms: number | null };
  /** The page's heap with the content script less its heap without the extension. */
  page_added_heap_bytes: number | null;
}

export interface FloorInputs {
  gdocs: ParseFigures;
  github: ParseFigures;
  panel: PanelFigures | null;
  /** The live edit's floor (measure-live-edit.ts timeEditToPaint), median; null when not measured. */
  liveEditFloorMs: number | null;
  /** The page's heap in the browser without the extension. */
  bareHeapBytes: number | null;
}

/** The floor of a parse: reading what the model needs, plus allocating the model. */
export function parseFloorMs(figures: Pick<ParseFigures, 'read_floor_ms' | 'model_json_parse_ms'>): number {
  return figures.read_floor_ms + figures.model_json_parse_ms;
}

export function sizeFloors(inputs: FloorInputs): SizeFloors {
  const { gdocs, github, panel } = inputs;
  const paired = panel?.panel_first_render_floor ?? null;
  return {
    parse_gdocs: floorFigure(gdocs.parse_ms, parseFloorMs(gdocs)),
    parse_github: floorFigure(github.parse_ms, parseFloorMs(github)),
    panel_first_render: {
      value_ms: paired?.value_ms ?? panel?.panel_first_render_ms ?? null,
      floor_ms: paired?.floor_ms ?? null,
      ratio: paired?.ratio ?? null,
    },
    live_edit: floorFigure(panel?.panel_live_edit_ms, inputs.liveEditFloorMs),
    filter_keystroke: { median_ms: panel?.filter_keystroke_ms ?? null, p95_ms: panel?.filter_keystroke_p95_ms ?? null },
    page_added_heap_bytes: addedHeap(panel?.page_heap_bytes ?? null, inputs.bareHeapBytes),
  };
}

function addedHeap(withExtension: number | null, bare: number | null): number | null {
  return withExtension !== null && bare !== null ? withExtension - bare : null;
}

export function checkBudgets(small: SizeResult, big: SizeResult): Record<string, Budget> {
  const at = `at ${big.meetings.toLocaleString('en-US')} meetings`;
  const f = big.floors;
  const growth =
    big.panel_dom_nodes !== null && small.panel_dom_nodes !== null && small.panel_dom_nodes > 0
      ? Math.round((big.panel_dom_nodes / small.panel_dom_nodes) * 100) / 100
      : null;
  return {
    ...checkParseBudgets(big.meetings, f),
    panel_first_render_floor_ratio: ratioBudget(
      `panel first render ≤ ${LIMITS.panel_first_render_floor_ratio}× the floor page's (median of paired opens) ${at}`,
      f.panel_first_render,
      LIMITS.panel_first_render_floor_ratio,
    ),
    live_edit_floor_ratio: ratioBudget(
      `live edit ≤ ${LIMITS.live_edit_floor_ratio}× the same insertion's next paint without the extension ${at}`,
      f.live_edit,
      LIMITS.live_edit_floor_ratio,
    ),
    filter_keystroke_ms: budget(
      `filter_keystroke_ms ≤ ${LIMITS.filter_keystroke_median_ms} (median, one frame) ${at}`,
      f.filter_keystroke.median_ms,
      LIMITS.filter_keystroke_median_ms,
      big.panel?.filter_note,
    ),
    filter_keystroke_p95_ms: budget(
      `filter_keystroke_p95_ms ≤ ${LIMITS.filter_keystroke_p95_ms} (95th percentile, two frames) ${at}`,
      f.filter_keystroke.p95_ms,
      LIMITS.filter_keystroke_p95_ms,
      big.panel?.filter_note,
    ),
    panel_dom_nodes_growth: budget(
      `panel_dom_nodes ${at} ≤ ${LIMITS.panel_dom_nodes_growth}× the figure at ${small.meetings}` +
        (growth !== null ? ` (${big.panel_dom_nodes} / ${small.panel_dom_nodes})` : ''),
      growth,
      LIMITS.panel_dom_nodes_growth,
    ),
  };
}

/** The parse of both renderings against its floor, at `meetings` (the big size). */
export function checkParseBudgets(
  meetings: number,
  floors: Pick<SizeFloors, 'parse_gdocs' | 'parse_github'>,
): Record<string, Budget> {
  const at = `at ${meetings.toLocaleString('en-US')} meetings`;
  const parseRule = (name: string): string =>
    `${name} parse ≤ ${LIMITS.parse_floor_ratio}× (read_floor_ms + model_json_parse_ms) ${at}`;
  return {
    parse_gdocs_floor_ratio: ratioBudget(parseRule('Docs export'), floors.parse_gdocs, LIMITS.parse_floor_ratio),
    parse_github_floor_ratio: ratioBudget(parseRule('GitHub'), floors.parse_github, LIMITS.parse_floor_ratio),
  };
}

/** The GitHub look-ups on the seed: exactly ⌈refs/100⌉ requests for a first load with a token, none for a second. */
export function checkGitHubBudgets(github: GitHubFigures): Record<string, Budget> {
  const cold = github.cold_token;
  return {
    github_requests_cold_token: {
      rule: `github_requests_cold_token = ⌈github_refs / 100⌉ = ⌈${github.refs} / 100⌉ = ${cold.expected}`,
      value: cold.requests,
      limit: cold.expected,
      met: cold.requests === cold.expected,
    },
    github_requests_warm: {
      rule: 'github_requests_warm = 0 (a second load, everything answered already)',
      value: github.warm.requests,
      limit: 0,
      met: github.warm.requests === 0,
    },
  };
}

/** A group's whole history: the request counts, and a keystroke within a frame over all of it. */
export function checkHistoryBudgets(history: HistoryFigures): Record<string, Budget> {
  return {
    history_cold_requests: {
      rule: `history_cold_requests = files + listings + 1 = ${history.cold_expected_requests}`,
      value: history.cold_requests,
      limit: history.cold_expected_requests,
      met: history.cold_requests === history.cold_expected_requests,
    },
    history_warm_requests: {
      rule: 'history_warm_requests = 0 (the panel reopened within the day)',
      value: history.warm_requests,
      limit: 0,
      met: history.warm_requests === 0,
    },
    history_filter_keystroke_ms: budget(
      `history_filter_keystroke_ms ≤ ${LIMITS.filter_keystroke_median_ms} (median, over the whole history)`,
      history.filter_keystroke_ms,
      LIMITS.filter_keystroke_median_ms,
    ),
  };
}

/** A ratio to a floor against its limit; the figure and the floor come along as context. */
export function ratioBudget(rule: string, figure: FloorFigure, limit: number): Budget {
  const result = budget(rule, figure.ratio, limit, figure.floor_ms === null ? 'no floor measured' : undefined);
  result.figure_ms = figure.value_ms;
  result.floor_ms = figure.floor_ms;
  return result;
}

export function budget(rule: string, value: number | null, limit: number, note?: string): Budget {
  const result: Budget = { rule, value, limit, met: value === null || Number.isNaN(value) ? null : value <= limit };
  if (result.met === null) result.note = note ?? 'not measured';
  return result;
}
