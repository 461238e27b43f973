// Text built to hurt a parser: long runs of the characters its rules look for. Shared by the unit fuzz test
// of every rule, the bench's parse_pathological_ratio and the hostile-page end-to-end test.

/** Every character some rule of the parser looks for, plus blanks and digits. */
export const RULE_CHARACTERS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  ':',
  '.',
  '?',
  '!',
  '*',
  '_',
  '-',
  '–',
  '—',
  ',',
  ';',
  '/',
  '\\',
  '&',
  '+',
  '@',
  '#',
  '~',
  "'",
  '"',
  '%',
  '=',
  '|',
  '`',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '0',
  '9',
  'a',
  'Z',
];

/** Pieces of the things the rules match: URLs, mentions, references, dates, times, tags, CSS, cancel words. */
export const RULE_TOKENS = [
  'https://',
  'http://a',
  'www.',
  'https://a.io/',
  'https://a.io/x.',
  'https://google.com/url?q=',
  '?q=',
  '&url=',
  'https://github.com/o/r/pull/1',
  'github.com/',
  'o/r#',
  'o/r#1 ',
  'a/',
  '#1',
  '@a',
  '@a-',
  'a@',
  '@',
  '(@a',
  '[a',
  '(a',
  '(a, ',
  '[a]',
  '(x)',
  'x(',
  'x)',
  ':x',
  ': ',
  '. ',
  '*_',
  'jan ',
  'jan 1',
  '1 jan ',
  '1/1/',
  '2019-',
  '1st ',
  'at ',
  '10am',
  '10:00 - ',
  '(pt',
  'cancel',
  'cancell',
  'no meeting ',
  'recording ',
  'text-decoration:',
  'font-weight:',
  'margin-left:',
  '.a{',
  '.a ',
  'lst-kix_a',
  'lst-kix_a-1',
  'docs.google.com/document/d/',
  '20 minutes',
  '5m ',
  'a and ',
  'a, ',
  'A ',
  'Aa ',
  "a'",
  'a.b',
  '-a',
  'a-',
  '\r\n',
];

/** `unit` repeated to about `length` characters, whole units only: inputs of any size end alike. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.round(length / unit.length)));
}

/** The shapes each unit is tried in: a long run alone, after a word and followed by one, and interleaved with a word. */
const SHAPES: readonly { name: (label: string) => string; text: (unit: string, length: number) => string }[] = [
  { name: (label) => `${label}×n`, text: (unit, length) => repeatTo(unit, length - 2) },
  { name: (label) => `x ${label}×n x`, text: (unit, length) => `x${repeatTo(unit, length - 2)}x` },
  { name: (label) => `${label}x×n`, text: (unit, length) => repeatTo(`${unit}x`, length) },
];

export interface PathologicalInput {
  name: string;
  /** The input at about `length` characters: made when asked, so that a test holds one at a time. */
  text(length: number): string;
}

/**
 * Inputs for one rule: every character and token in a long run, alone, after a word and followed by a word
 * (a rule that fails only at the end is the one that backtracks), and interleaved with a word.
 */
export function pathologicalInputs(): PathologicalInput[] {
  const inputs: PathologicalInput[] = [];
  for (const unit of [...RULE_CHARACTERS, ...RULE_TOKENS]) {
    const label = JSON.stringify(unit);
    for (const shape of SHAPES) inputs.push({ name: shape.name(label), text: (length) => shape.text(unit, length) });
  }
  return inputs;
}

/** The block texts of a pathological agenda page: one per unit, each `length` characters of it after a word. */
export function pathologicalBlocks(length: number): string[] {
  return [...RULE_CHARACTERS, ...RULE_TOKENS].map((unit) => `x${repeatTo(unit, length - 1)}`);
}
