// The bench's hostile page: one meeting whose blocks are each a long run of one character or token the
// parser's rules look for (tests/support/pathological.ts), beside a page of plain words of the same size
// and shape. parse_pathological_ratio is the first's parse time over the second's: a rule that backtracks
// on long runs shows here as a ratio far above 1.
import { pathologicalBlocks, repeatTo } from '../support/pathological';
import type { ParseFigures } from './measure-parse';
import { round } from './stats';

/** Characters in each block, as the hostile-page end-to-end test uses. */
export const PATHOLOGICAL_BLOCK_CHARS = 100_000;

export interface PathologicalFigures {
  block_chars: number;
  blocks: number;
  html_bytes: number;
  parse_ms: number;
  plain_parse_ms: number;
  /** parse_ms / plain_parse_ms. */
  parse_pathological_ratio: number;
  /** The same from the fastest runs of each. */
  parse_pathological_ratio_of_mins: number;
  meetings_parsed: number;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function page(blocks: readonly string[]): string {
  const body = blocks.map((text) => `<p>${escapeHtml(text)}</p><ul><li>${escapeHtml(text)}</li></ul>`).join('\n');
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Hostile agenda</title></head><body>` +
    `<h2>January 8, 2019</h2>\n${body}</body></html>`
  );
}

/** The hostile page, and the plain page of as many blocks of as many characters. */
export function pathologicalPages(blockChars = PATHOLOGICAL_BLOCK_CHARS): { hostile: string; plain: string } {
  const blocks = pathologicalBlocks(blockChars);
  const plain = blocks.map((block) => repeatTo('lorem ipsum dolor sit amet ', block.length).slice(0, block.length));
  return { hostile: page(blocks), plain: page(plain) };
}

export function pathologicalFigures(hostile: ParseFigures, plain: ParseFigures): PathologicalFigures {
  return {
    block_chars: PATHOLOGICAL_BLOCK_CHARS,
    blocks: pathologicalBlocks(1).length * 2,
    html_bytes: hostile.html_bytes,
    parse_ms: hostile.parse_ms,
    plain_parse_ms: plain.parse_ms,
    parse_pathological_ratio: round(hostile.parse_ms / plain.parse_ms, 2),
    parse_pathological_ratio_of_mins: round(hostile.parse_min_ms / plain.parse_min_ms, 2),
    meetings_parsed: hostile.meetings_parsed,
  };
}
