// The speed budgets (docs/BENCHMARKS.md), checked against a run's figures at the big size. Figures, not verdicts that fail
// anything: the bench reports whether each is met and exits 0 either way.
import type { GitHubFigures } from './measure-github';
import type { Budget, SizeResult } from './results';

export const LIMITS = {
  parse_ratio: 3,
  filter_keystroke_ms: 16,
  panel_first_render_ms: 150,
  panel_dom_nodes_growth: 1.5,
} as const;

export function checkBudgets(small: SizeResult, big: SizeResult): Record<string, Budget> {
  const at = `at ${big.meetings.toLocaleString('en-US')} meetings`;
  const growth =
    big.panel_dom_nodes !== null && small.panel_dom_nodes !== null && small.panel_dom_nodes > 0
      ? Math.round((big.panel_dom_nodes / small.panel_dom_nodes) * 100) / 100
      : null;
  return {
    parse_ratio: budget(`parse_ratio ≤ ${LIMITS.parse_ratio} ${at}`, big.parse_ratio, LIMITS.parse_ratio),
    filter_keystroke_ms: budget(
      `filter_keystroke_ms ≤ ${LIMITS.filter_keystroke_ms} (median) ${at}`,
      big.filter_keystroke_ms,
      LIMITS.filter_keystroke_ms,
      big.panel?.filter_note,
    ),
    panel_first_render_ms: budget(
      `panel_first_render_ms ≤ ${LIMITS.panel_first_render_ms} ${at}`,
      big.panel_first_render_ms,
      LIMITS.panel_first_render_ms,
    ),
    panel_dom_nodes_growth: budget(
      `panel_dom_nodes ${at} ≤ ${LIMITS.panel_dom_nodes_growth}× the figure at ${small.meetings}` +
        (growth !== null ? ` (${big.panel_dom_nodes} / ${small.panel_dom_nodes})` : ''),
      growth,
      LIMITS.panel_dom_nodes_growth,
    ),
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

function budget(rule: string, value: number | null, limit: number, note?: string): Budget {
  const result: Budget = { rule, value, limit, met: value === null || Number.isNaN(value) ? null : value <= limit };
  if (result.met === null) result.note = note ?? 'not measured';
  return result;
}
