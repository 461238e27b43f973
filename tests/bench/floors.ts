// The arithmetic of budgets stated as ratios to a floor measured in the same run: a figure over its floor,
// percentiles, and paired runs (the figure and its floor alternating, one ratio a pair).
import { median, round } from './stats';

/** `value / floor`, rounded to 2 digits; null when either is missing or the floor is not above 0. */
export function ratioTo(value: number | null | undefined, floor: number | null | undefined): number | null {
  if (value == null || floor == null || !Number.isFinite(value) || !Number.isFinite(floor) || floor <= 0) return null;
  return round(value / floor, 2);
}

/** The nearest-rank percentile `p` (0 < p ≤ 100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new Error(`a percentile is above 0 and at most 100, not ${p}`);
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] as number;
}

export interface PairedRatio {
  /** Median of the per-pair ratios: the headline, since each pair ran under the same load. */
  ratio: number | null;
  ratios: (number | null)[];
  value_ms: number;
  floor_ms: number;
}

/** Runs of a figure and of its floor taken in pairs (`values[i]` beside `floors[i]`). */
export function pairedRatio(values: readonly number[], floors: readonly number[]): PairedRatio {
  if (values.length !== floors.length) throw new Error(`${values.length} runs against ${floors.length} floor runs`);
  const ratios = values.map((v, i) => ratioTo(v, floors[i]));
  const measured = ratios.filter((r): r is number => r !== null);
  return {
    ratio: measured.length > 0 ? round(median(measured), 2) : null,
    ratios,
    value_ms: round(median(values)),
    floor_ms: round(median(floors)),
  };
}

/** A figure against its floor: what a budget prints beside its verdict. */
export interface FloorFigure {
  value_ms: number | null;
  floor_ms: number | null;
  ratio: number | null;
}

export function floorFigure(value: number | null | undefined, floor: number | null | undefined): FloorFigure {
  return { value_ms: value ?? null, floor_ms: floor ?? null, ratio: ratioTo(value, floor) };
}
