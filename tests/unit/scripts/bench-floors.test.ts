// The bench's budgets as ratios to floors measured in the same run: the arithmetic, percentiles, paired runs,
// and each budget's verdict against known figures.
import { describe, expect, it } from 'vitest';
import {
  checkBudgets,
  checkParseBudgets,
  parseFloorMs,
  ratioBudget,
  sizeFloors,
  type FloorInputs,
} from '../../bench/budgets';
import { pairedRatio, percentile, ratioTo } from '../../bench/floors';
import type { ParseFigures } from '../../bench/measure-parse';
import type { PanelFigures } from '../../bench/measure-panel';
import type { SizeResult } from '../../bench/results';

describe('ratioTo', () => {
  it('divides and rounds to two digits', () => {
    expect(ratioTo(300, 100)).toBe(3);
    expect(ratioTo(100, 30)).toBe(3.33);
  });

  it('gives null for a missing figure, a missing floor or a floor not above 0', () => {
    expect(ratioTo(null, 10)).toBeNull();
    expect(ratioTo(10, null)).toBeNull();
    expect(ratioTo(10, 0)).toBeNull();
    expect(ratioTo(Number.NaN, 10)).toBeNull();
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted on purpose
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 100)).toBe(20);
  });

  it('is the largest of few values', () => {
    expect(percentile([3, 40, 5], 95)).toBe(40);
  });

  it('skips runs that were not measured, and is NaN for none', () => {
    expect(percentile([Number.NaN, 7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(/above 0/);
    expect(() => percentile([1], 101)).toThrow(/at most 100/);
  });
});

describe('pairedRatio', () => {
  it('is the median of the per-pair ratios, not the ratio of the medians', () => {
    const paired = pairedRatio([100, 220, 130], [100, 100, 50]);
    expect(paired.ratios).toEqual([1, 2.2, 2.6]);
    expect(paired.ratio).toBe(2.2);
    expect(paired.value_ms).toBe(130);
    expect(paired.floor_ms).toBe(100);
  });

  it('leaves out a pair whose floor was not measured', () => {
    expect(pairedRatio([120, 150], [Number.NaN, 100]).ratio).toBe(1.5);
  });

  it('refuses runs that do not pair up', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/2 runs against 1/);
  });
});

const parse = (parse_ms: number, read_floor_ms: number, model_json_parse_ms: number): ParseFigures =>
  ({ parse_ms, read_floor_ms, model_json_parse_ms }) as ParseFigures;

function panelFigures(overrides: Partial<PanelFigures>): PanelFigures {
  return {
    panel_first_render_ms: 200,
    panel_first_render_runs_ms: [200, 210, 300],
    panel_floor_first_render_ms: 180,
    panel_floor_first_render_runs_ms: [180, 170, 200],
    panel_first_render_floor: pairedRatio([200, 210, 300], [180, 170, 200]), // 1.11, 1.24, 1.5
    filter_keystroke_ms: 12,
    filter_keystroke_p95_ms: 40,
    panel_live_edit_ms: 3000,
    page_heap_bytes: 50_000_000,
    panel_dom_nodes: 300,
    ...overrides,
  } as PanelFigures;
}

function size(meetings: number, inputs: FloorInputs): SizeResult {
  return {
    meetings,
    panel_dom_nodes: inputs.panel?.panel_dom_nodes ?? null,
    panel: inputs.panel,
    floors: sizeFloors(inputs),
  } as SizeResult;
}

describe('sizeFloors', () => {
  it('holds each parse to its reading floor plus its model floor', () => {
    expect(parseFloorMs(parse(0, 40, 60))).toBe(100);
    const floors = sizeFloors({
      gdocs: parse(250, 40, 60),
      github: parse(150, 50, 50),
      panel: null,
      liveEditFloorMs: null,
      bareHeapBytes: null,
    });
    expect(floors.parse_gdocs).toEqual({ value_ms: 250, floor_ms: 100, ratio: 2.5 });
    expect(floors.parse_github.ratio).toBe(1.5);
    expect(floors.live_edit.ratio).toBeNull();
    expect(floors.panel_first_render).toEqual({ value_ms: null, floor_ms: null, ratio: null });
  });

  it('takes the panel, the live edit and the heap against the page without the extension', () => {
    const floors = sizeFloors({
      gdocs: parse(1, 1, 1),
      github: parse(1, 1, 1),
      panel: panelFigures({}),
      liveEditFloorMs: 1500,
      bareHeapBytes: 20_000_000,
    });
    expect(floors.panel_first_render).toEqual({ value_ms: 210, floor_ms: 180, ratio: 1.24 });
    expect(floors.live_edit).toEqual({ value_ms: 3000, floor_ms: 1500, ratio: 2 });
    expect(floors.filter_keystroke).toEqual({ median_ms: 12, p95_ms: 40 });
    expect(floors.page_added_heap_bytes).toBe(30_000_000);
  });
});

describe('checkBudgets', () => {
  const small = size(26, {
    gdocs: parse(5, 2, 2),
    github: parse(5, 2, 2),
    panel: panelFigures({ panel_dom_nodes: 250 }),
    liveEditFloorMs: 50,
    bareHeapBytes: 1,
  });
  const big = size(5000, {
    gdocs: parse(190, 50, 50),
    github: parse(260, 60, 40),
    panel: panelFigures({ panel_live_edit_ms: 3001 }),
    liveEditFloorMs: 1500,
    bareHeapBytes: 1,
  });
  const budgets = checkBudgets(small, big);

  it('judges each ratio against its limit at the big size', () => {
    expect(budgets.parse_gdocs_floor_ratio).toMatchObject({ value: 1.9, limit: 2, met: true });
    expect(budgets.parse_gdocs_floor_ratio).toMatchObject({ figure_ms: 190, floor_ms: 100 });
    expect(budgets.parse_github_floor_ratio).toMatchObject({ value: 2.6, met: false });
    expect(budgets.panel_first_render_floor_ratio).toMatchObject({ value: 1.24, limit: 1.3, met: true });
    expect(budgets.live_edit_floor_ratio).toMatchObject({ value: 2, limit: 2, met: true });
  });

  it('holds keystrokes to one frame at the median and two at the 95th percentile', () => {
    expect(budgets.filter_keystroke_ms).toMatchObject({ value: 12, limit: 16, met: true });
    expect(budgets.filter_keystroke_p95_ms).toMatchObject({ value: 40, limit: 33, met: false });
  });

  it('keeps the DOM growth budget', () => {
    expect(budgets.panel_dom_nodes_growth).toMatchObject({ value: 1.2, met: true });
  });

  it('judges the parse alone (--only parse) as the whole run does', () => {
    const alone = checkParseBudgets(5000, big.floors);
    expect(Object.keys(alone)).toEqual(['parse_gdocs_floor_ratio', 'parse_github_floor_ratio']);
    expect(alone.parse_gdocs_floor_ratio).toEqual(budgets.parse_gdocs_floor_ratio);
    expect(alone.parse_github_floor_ratio).toMatchObject({ value: 2.6, figure_ms: 260, floor_ms: 100, met: false });
    expect(alone.parse_github_floor_ratio?.rule).toContain('at 5,000 meetings');
  });

  it('says a budget whose floor was not measured is not measured, not met', () => {
    const budget = ratioBudget('rule', { value_ms: 300, floor_ms: null, ratio: null }, 2);
    expect(budget.met).toBeNull();
    expect(budget.note).toBe('no floor measured');
  });
});
