// The bench's results as a table for people, and as one JSON object for tools.
import type { FloorFigure } from './floors';
import type { GitHubFigures } from './measure-github';
import type { ParseFigures } from './measure-parse';
import type { ParseProfile } from './profile-parse';
import type { BenchResults, ParseOnlyResults, SizeResult } from './results';

/**
 * `{ environment, n26, n5000, bundle_bytes, …, budgets, github, github_refs, … }`: the sizes at the top level, and the
 * GitHub headline figures both under `github` and flat.
 */
export function toJson(results: BenchResults): Record<string, unknown> {
  const { environment, sizes, ...rest } = results;
  const github = results.github;
  const flat = github
    ? {
        github_refs: github.refs,
        github_requests_cold_token: github.cold_token.requests,
        github_requests_warm: github.warm.requests,
        github_requests_cold_anon: github.cold_anon.requests,
      }
    : {};
  const pathological = results.pathological
    ? { parse_pathological_ratio: results.pathological.parse_pathological_ratio }
    : {};
  const history = results.history
    ? {
        history_cold_requests: results.history.cold_requests,
        history_warm_requests: results.history.warm_requests,
        history_click_to_searchable_ms: results.history.click_to_searchable_ms,
        history_filter_keystroke_ms: results.history.filter_keystroke_ms,
      }
    : {};
  return { environment, ...sizes, ...rest, ...flat, ...pathological, ...history };
}

export function formatTable(results: BenchResults): string {
  const sizes = Object.values(results.sizes);
  const heads = sizes.map((s) => `N = ${s.meetings.toLocaleString('en-US')}`);
  const rows: [string, ...string[]][] = [];
  const row = (label: string, value: (s: SizeResult) => string): void => void rows.push([label, ...sizes.map(value)]);
  const rendering = (label: string, pick: (s: SizeResult) => ParseFigures): void => {
    row(`${label}: page`, (s) => `${mb(pick(s).html_bytes)}, ${int(pick(s).dom_elements)} el.`);
    row(`${label}: walk_ms (floor)`, (s) => ms(pick(s).walk_ms));
    row(`${label}: parse_ms`, (s) => ms(pick(s).parse_ms));
    row(`${label}: parse_ratio`, (s) => `${pick(s).parse_ratio.toFixed(2)}×`);
    row(
      `${label}:   of the fastest runs`,
      (s) =>
        `${pick(s).parse_min_ms.toFixed(0)} / ${pick(s).walk_min_ms.toFixed(pick(s).walk_min_ms < 1 ? 3 : 1)} = ` +
        `${pick(s).parse_ratio_of_mins.toFixed(2)}×`,
    );
    row(`${label}: meetings parsed`, (s) => int(pick(s).meetings_parsed));
    row(
      `${label}: model floor (JSON.parse)`,
      (s) => `${ms(pick(s).model_json_parse_ms)}, ${pick(s).model_floor_ratio.toFixed(2)}× walk`,
    );
    row(`${label}: reading floor`, (s) => `${ms(pick(s).read_floor_ms)}, ${pick(s).read_floor_ratio.toFixed(2)}× walk`);
  };
  rendering('Docs export', (s) => s.gdocs);
  rendering('GitHub', (s) => s.github);
  row('Against floors (figure / floor = ratio):', () => '');
  row('  parse, Docs export', (s) => againstFloor(s.floors.parse_gdocs));
  row('  parse, GitHub', (s) => againstFloor(s.floors.parse_github));
  row('  panel first render (paired)', (s) => againstFloor(s.floors.panel_first_render));
  row('    pairs: panel / floor', (s) => pairs(s.panel));
  row('  live edit', (s) => againstFloor(s.floors.live_edit));
  row(
    '  filter keystroke median, p95',
    (s) => `${ms(s.floors.filter_keystroke.median_ms)}, ${ms(s.floors.filter_keystroke.p95_ms)} (frame 16.7 ms)`,
  );
  row('panel_first_render_ms', (s) => ms(s.panel_first_render_ms));
  row('  cold (first open)', (s) => ms(s.panel?.panel_first_render_cold_ms ?? null));
  row('  script mounted', (s) => ms(s.panel?.panel_mounted_ms ?? null));
  row('  agenda received', (s) => ms(s.panel?.panel_agenda_received_ms ?? null));
  row('  first row in DOM', (s) => ms(s.panel?.panel_first_row_in_dom_ms ?? null));
  row('  answer → row painted', (s) => ms(s.panel?.panel_render_after_answer_ms ?? null));
  row('  whole agenda in panel', (s) => ms(s.panel?.panel_whole_agenda_ms ?? null));
  row('panel_dom_nodes', (s) => (s.panel_dom_nodes === null ? '–' : int(s.panel_dom_nodes)));
  row('  meeting rows in DOM', (s) => (s.panel ? int(s.panel.panel_rows) : '–'));
  row('filter_keystroke_ms (median)', (s) =>
    s.filter_keystroke_ms === null ? (s.panel?.filter_note ?? '–') : ms(s.filter_keystroke_ms),
  );
  row('panel_live_edit_ms', (s) => ms(s.panel?.panel_live_edit_ms ?? null));
  row('panel JS heap', (s) => bytes(s.panel?.panel_heap_bytes));
  row(
    'page heap: bare, added by the extension',
    (s) => `${bytes(s.page_bare_heap_bytes)}, +${bytes(s.floors.page_added_heap_bytes)}`,
  );
  row('page load → whole agenda in panel', (s) => ms(s.panel?.page_load_to_whole_agenda_ms ?? null));
  row('agenda message', (s) =>
    s.panel?.agenda_message_bytes != null
      ? `${mb(s.panel.agenda_message_bytes)}, ${ms(s.panel.agenda_roundtrip_ms)}`
      : '–',
  );

  const lines: string[] = [];
  const env = results.environment;
  lines.push(
    `Agenda overlay bench: ${env.chromium}, Node ${env.node}, ${env.cpus} CPUs, ${results.elapsed_s} s, ` +
      `load average ${env.load_average.start} → ${env.load_average.end}`,
  );
  if (env.load_average.start > env.cpus || env.load_average.end > env.cpus) {
    lines.push(`Note: the machine was busy (load average above its ${env.cpus} CPUs): figures are inflated and noisy.`);
  }
  if (sizes.length > 0) {
    lines.push('');
    lines.push(...table(['', ...heads], rows));
  }
  if (results.pathological) {
    const p = results.pathological;
    lines.push('');
    lines.push(
      `parse_pathological_ratio: ${p.parse_pathological_ratio.toFixed(2)}× (${ms(p.parse_ms)} against ${ms(p.plain_parse_ms)} ` +
        `for plain text; ${p.blocks} blocks of ${int(p.block_chars)} characters, ${mb(p.html_bytes)}; fastest runs ` +
        `${p.parse_pathological_ratio_of_mins.toFixed(2)}×)`,
    );
  }
  if (results.github) {
    lines.push('');
    lines.push(...formatGitHub(results.github));
  }
  if (results.history) {
    const h = results.history;
    lines.push('');
    lines.push(
      `group history: ${h.files} files (${mb(h.markdown_bytes)} of Markdown), ${int(h.meetings)} meetings; requests ` +
        `${h.cold_requests} cold (expected ${h.cold_expected_requests}), ${h.warm_requests} warm; searchable ` +
        `${ms(h.click_to_searchable_ms)} after the press; filter keystroke median ${ms(h.filter_keystroke_ms)}`,
    );
  }
  lines.push('');
  const b = results.bundle_bytes;
  const g = results.bundle_gzip_bytes;
  lines.push(
    `bundle_bytes: content script ${int(b.content_script)} B (gzip ${int(g.content_script)}), ` +
      `panel ${int(b.panel)} B (gzip ${int(g.panel)}: ${results.panel_files.join(', ')})`,
  );
  lines.push('');
  lines.push('Budgets:');
  for (const budget of Object.values(results.budgets)) {
    const verdict = budget.met === null ? `not measured (${budget.note ?? ''})` : budget.met ? 'met' : 'NOT MET';
    const context = budget.floor_ms !== undefined ? ` (${ms(budget.figure_ms)} / ${ms(budget.floor_ms)})` : '';
    const value = budget.value === null ? '' : `: ${budget.value}${budget.floor_ms !== undefined ? '×' : ''}${context}`;
    lines.push(`  ${budget.met === false ? '✗' : budget.met ? '✓' : '·'} ${budget.rule}${value}, ${verdict}`);
  }
  if (results.profile) lines.push('', ...formatProfile(results.profile));
  lines.push('', 'Legend:');
  for (const [name, text] of Object.entries(results.legend)) lines.push(`  ${name}: ${text}`);
  for (const size of sizes) for (const note of size.notes) lines.push(`  note (N = ${size.meetings}): ${note}`);
  for (const note of results.github?.notes ?? []) lines.push(`  note (GitHub): ${note}`);
  return lines.join('\n');
}

/** `--only parse` as one JSON object: `{ environment, n26, n<N>, budgets, profiles?, elapsed_s }`. */
export function parseOnlyJson(results: ParseOnlyResults): Record<string, unknown> {
  const { environment, sizes, ...rest } = results;
  return { environment, ...sizes, ...rest };
}

/** `--only parse` for people: each rendering's parse, its floor's two parts and the ratio, at each size. */
export function formatParseOnly(results: ParseOnlyResults): string {
  const sizes = Object.values(results.sizes);
  const rows: [string, ...string[]][] = [];
  for (const [label, pick] of [
    ['Docs export', (s: (typeof sizes)[number]) => s.gdocs],
    ['GitHub', (s: (typeof sizes)[number]) => s.github],
  ] as const) {
    rows.push([`${label}: page`, ...sizes.map((s) => `${mb(pick(s).html_bytes)}, ${int(pick(s).dom_elements)} el.`)]);
    rows.push([`${label}: meetings parsed`, ...sizes.map((s) => int(pick(s).meetings_parsed))]);
    rows.push([`${label}: parse_ms (median)`, ...sizes.map((s) => ms(pick(s).parse_ms))]);
    rows.push([
      `${label}:   runs`,
      ...sizes.map((s) =>
        pick(s)
          .parse_runs_ms.map((t) => t.toFixed(0))
          .join(' '),
      ),
    ]);
    rows.push([`${label}: read_floor_ms`, ...sizes.map((s) => ms(pick(s).read_floor_ms))]);
    rows.push([`${label}: model_json_parse_ms`, ...sizes.map((s) => ms(pick(s).model_json_parse_ms))]);
    rows.push([
      `${label}: parse / floor`,
      ...sizes.map((s) => againstFloor(label === 'GitHub' ? s.floors.parse_github : s.floors.parse_gdocs)),
    ]);
  }
  const env = results.environment;
  const lines = [
    `Agenda overlay bench, parse only: ${env.chromium}, Node ${env.node}, ${env.cpus} CPUs, ${results.elapsed_s} s, ` +
      `load average ${env.load_average.start} → ${env.load_average.end}`,
  ];
  if (env.load_average.start > env.cpus || env.load_average.end > env.cpus) {
    lines.push(`Note: the machine was busy (load average above its ${env.cpus} CPUs): figures are inflated and noisy.`);
  }
  lines.push('', ...table(['', ...sizes.map((s) => `N = ${int(s.meetings)}`)], rows), '', 'Budgets:');
  for (const budget of Object.values(results.budgets)) {
    const verdict = budget.met === null ? `not measured (${budget.note ?? ''})` : budget.met ? 'met' : 'NOT MET';
    const value = budget.value === null ? '' : `: ${budget.value}× (${ms(budget.figure_ms)} / ${ms(budget.floor_ms)})`;
    lines.push(`  ${budget.met === false ? '✗' : budget.met ? '✓' : '·'} ${budget.rule}${value}, ${verdict}`);
  }
  for (const [rendering, profile] of Object.entries(results.profiles ?? {})) {
    if (profile) lines.push('', ...formatProfile(profile, rendering === 'github' ? 'GitHub' : 'Docs export'));
  }
  for (const size of sizes) for (const note of size.notes) lines.push(`  note (N = ${size.meetings}): ${note}`);
  return lines.join('\n');
}

function formatGitHub(github: GitHubFigures): string[] {
  const verdict = (met: boolean): string => (met ? 'met' : 'NOT MET');
  const routes = (byRoute: Record<string, number | undefined>): string =>
    Object.entries(byRoute)
      .map(([route, n]) => `${route} ${n ?? 0}`)
      .join(', ') || 'none';
  const cold = github.cold_token;
  const anon = github.cold_anon;
  const rows: [string, ...string[]][] = [
    ['github_refs (parser)', int(github.refs)],
    ['  issue/PR links the badges consider', int(github.refs_badged)],
    ['  only as discussion links', int(github.refs_discussions)],
    ['  addresses no link of the page carries', int(github.refs_unlinked)],
    ['  only written as owner/repo#n', int(github.refs_text_only)],
    [
      'github_requests_cold_token',
      `${cold.requests} (expected ⌈${github.refs}/100⌉ = ${cold.expected}: ${verdict(cold.met)})`,
    ],
    [
      '  by route; references asked',
      `${routes(cold.by_route)}; ${cold.refs_asked} refs (${cold.refs_per_request.join(' + ') || '0'})`,
    ],
    ['github_requests_warm', `${github.warm.requests} (expected 0: ${verdict(github.warm.met)})`],
    ['github_requests_cold_anon', `${anon.requests} (${routes(anon.by_route)})`],
    [
      '  references on screen / within 200 px',
      `${anon.refs_on_screen} / ${anon.refs_near_screen}; ${anon.refs_asked} asked`,
    ],
  ];
  return ['GitHub look-ups on the seed agenda (stand-in on 127.0.0.1):', ...table(['', 'seed'], rows)];
}

function formatProfile(profile: ParseProfile, rendering = 'Docs export'): string[] {
  const lines = [`Where one parse's ${ms(profile.total_ms)} goes (sampling profile, ${rendering}, big N):`];
  const rows: [string, ...string[]][] = profile.by_self.map((l) => [
    l.function,
    l.where,
    ms(l.self_ms),
    ms(l.total_ms),
  ]);
  lines.push(...table(['by self time', 'where', 'self', 'total'], rows));
  lines.push('');
  const totals: [string, ...string[]][] = profile.by_total.map((l) => [
    l.function,
    l.where,
    ms(l.self_ms),
    ms(l.total_ms),
  ]);
  lines.push(...table(['by total time', 'where', 'self', 'total'], totals));
  return lines;
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${value.toFixed(value < 1 ? 3 : 1)} ms`;
}

/** The paired opens as `panel/floor` in ms. */
function pairs(panel: SizeResult['panel']): string {
  if (!panel?.panel_first_render_floor) return '–';
  const floors = panel.panel_floor_first_render_runs_ms;
  return panel.panel_first_render_runs_ms
    .map((v, i) => `${v.toFixed(0)}/${(floors[i] ?? Number.NaN).toFixed(0)}`)
    .join(' ');
}

function againstFloor(figure: FloorFigure): string {
  const ratio = figure.ratio === null ? '–' : `${figure.ratio.toFixed(2)}×`;
  return `${ms(figure.value_ms)} / ${ms(figure.floor_ms)} = ${ratio}`;
}

function bytes(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : mb(value);
}

function int(value: number): string {
  return value.toLocaleString('en-US');
}

function mb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}
