// Parse time against its floor, in a real page: one bare TreeWalker pass over every text node of the
// document (the least any reader of the text must do), then `parseAgenda(document, location.href)`.
// Runs in a plain headless Chromium without the extension, so that no content script competes.
import type { Page } from 'playwright-core';
import { median, round, withTimeout } from './stats';

export interface ParseRuns {
  /** Timed runs after the warm-ups, in ms. */
  walkRuns: number[];
  parseRuns: number[];
  /** Characters the walk summed (text nodes' `.data.length`): a check that it read the whole document. */
  textChars: number;
  /** Elements in the document. */
  elements: number;
  meetingsParsed: number;
  problems: string[];
  /** The fastest of a few `JSON.parse`s of the parsed agenda's JSON, and its length in characters. */
  modelJsonParseMs: number;
  modelJsonChars: number;
  /** The fastest of a few minimal reading passes (see `ParseFigures.read_floor_ms`), and the blocks it found. */
  readFloorMs: number;
  readFloorBlocks: number;
}

export interface ParseFigures {
  walk_ms: number;
  parse_ms: number;
  parse_ratio: number;
  /** The fastest runs, and their ratio: less swayed by other work on a busy machine than the medians. */
  walk_min_ms: number;
  parse_min_ms: number;
  parse_ratio_of_mins: number;
  meetings_parsed: number;
  text_chars: number;
  dom_elements: number;
  html_bytes: number;
  walk_runs_ms: number[];
  parse_runs_ms: number[];
  /**
   * A floor for any parser that builds the whole model at once: `JSON.parse` of the agenda's JSON, the
   * fastest way a page has to allocate the same objects and strings, with no reading of the page at all.
   */
  model_json_parse_ms: number;
  model_json_bytes: number;
  /** model_json_parse_ms / walk_ms. */
  model_floor_ratio: number;
  /**
   * A floor for any parser that reads the page the way this model needs: one pass over every element and text node
   * that reads each element's class (Docs keeps styles and list levels there) and each link's href, and gathers the
   * text and links of each block (list item, paragraph, heading) into one object. No rules, no keys.
   */
  read_floor_ms: number;
  read_floor_blocks: number;
  /** read_floor_ms / walk_ms. */
  read_floor_ratio: number;
}

export interface ParseMeasureOptions {
  runs: number;
  warmups: number;
  /** Upper bound for each evaluation in the page. */
  timeoutMs: number;
}

/** A walk run repeats its pass until this much time has passed, and counts the time per pass. */
const MIN_WALK_RUN_MS = 20;

declare global {
  interface Window {
    __parseAgenda?: (doc: Document, url: string) => { meetings: unknown[]; problems: string[] };
  }
}

// The functions given to page.evaluate must not name inner functions: tsx keeps names with a `__name` helper
// that does not exist in the page.

/** Loads `url` in `page`, injects the parser bundle and times walk and parse there. */
export async function measureParse(
  page: Page,
  url: string,
  bundle: string,
  options: ParseMeasureOptions,
): Promise<ParseRuns> {
  await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
  await page.addScriptTag({ content: bundle });
  const { runs, warmups } = options;
  const walkRuns: number[] = [];
  const parseRuns: number[] = [];
  let walked = { chars: 0, elements: 0 };
  let parsed = { meetings: 0, problems: [] as string[] };
  // Walk and parse take turns, so that whatever else the machine is doing weighs on both alike.
  for (let i = 0; i < warmups + runs; i++) {
    const walk = await withTimeout(
      page.evaluate((minRunMs) => {
        // performance.now() is coarsened (to 0.1 ms): a small document is walked several times per run.
        let passes = 0;
        let chars = 0;
        const start = performance.now();
        let elapsed = 0;
        do {
          const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
          let total = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) total += (node as Text).data.length;
          chars = total;
          passes++;
          elapsed = performance.now() - start;
        } while (elapsed < minRunMs);
        return { ms: elapsed / passes, chars, elements: document.getElementsByTagName('*').length };
      }, MIN_WALK_RUN_MS),
      options.timeoutMs,
      'TreeWalker pass',
    );
    // One evaluation per parse run: a long run does not hold the others' garbage.
    const parse = await withTimeout(
      page.evaluate(() => {
        const parseAgenda = window.__parseAgenda;
        if (!parseAgenda) throw new Error('the parser bundle did not load');
        const start = performance.now();
        const agenda = parseAgenda(document, location.href);
        const ms = performance.now() - start;
        return { ms, meetings: agenda.meetings.length, problems: agenda.problems };
      }),
      options.timeoutMs,
      'parseAgenda',
    );
    if (i >= warmups) {
      walkRuns.push(walk.ms);
      parseRuns.push(parse.ms);
    }
    walked = walk;
    parsed = parse;
  }
  const model = await withTimeout(
    page.evaluate(() => {
      const parseAgenda = window.__parseAgenda;
      if (!parseAgenda) throw new Error('the parser bundle did not load');
      const json = JSON.stringify(parseAgenda(document, location.href));
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        JSON.parse(json);
        best = Math.min(best, performance.now() - start);
      }
      return { ms: best, chars: json.length };
    }),
    options.timeoutMs,
    'model JSON.parse',
  );
  const read = await withTimeout(
    page.evaluate(() => {
      let best = Number.POSITIVE_INFINITY;
      let blocks = 0;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        const found: { text: string; links: { href: string }[]; cls: string }[] = [];
        let open: { text: string; links: { href: string }[]; cls: string } | null = null;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeType === 3) {
            if (open) open.text += (node as Text).data;
            continue;
          }
          const el = node as Element;
          const name = el.localName;
          const cls = el.getAttribute('class') ?? '';
          if (
            name === 'li' ||
            name === 'p' ||
            (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6')
          ) {
            open = { text: '', links: [], cls };
            found.push(open);
          } else if (name === 'a' && open) {
            const href = el.getAttribute('href');
            if (href !== null) open.links.push({ href });
          }
        }
        best = Math.min(best, performance.now() - start);
        blocks = found.length;
      }
      return { ms: best, blocks };
    }),
    options.timeoutMs,
    'reading floor',
  );
  return {
    readFloorMs: read.ms,
    readFloorBlocks: read.blocks,
    modelJsonParseMs: model.ms,
    modelJsonChars: model.chars,
    walkRuns,
    parseRuns,
    textChars: walked.chars,
    elements: walked.elements,
    meetingsParsed: parsed.meetings,
    problems: parsed.problems,
  };
}

export function parseFigures(runs: ParseRuns, htmlBytes: number): ParseFigures {
  const walk = median(runs.walkRuns);
  const parse = median(runs.parseRuns);
  return {
    walk_ms: round(walk, 3),
    parse_ms: round(parse),
    parse_ratio: round(parse / walk, 2),
    walk_min_ms: round(Math.min(...runs.walkRuns), 3),
    parse_min_ms: round(Math.min(...runs.parseRuns)),
    parse_ratio_of_mins: round(Math.min(...runs.parseRuns) / Math.min(...runs.walkRuns), 2),
    meetings_parsed: runs.meetingsParsed,
    text_chars: runs.textChars,
    dom_elements: runs.elements,
    html_bytes: htmlBytes,
    walk_runs_ms: runs.walkRuns.map((t) => round(t, 3)),
    parse_runs_ms: runs.parseRuns.map((t) => round(t)),
    model_json_parse_ms: round(runs.modelJsonParseMs),
    model_json_bytes: runs.modelJsonChars,
    model_floor_ratio: round(runs.modelJsonParseMs / walk, 2),
    read_floor_ms: round(runs.readFloorMs),
    read_floor_blocks: runs.readFloorBlocks,
    read_floor_ratio: round(runs.readFloorMs / walk, 2),
  };
}
