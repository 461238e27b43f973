// Small string helpers shared by the rule modules. Pure, no DOM.

/** Any run of spaces, tabs, no-break spaces and other blanks except the newline. */
const BLANKS = /[ \t\f\r\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
/** Anything normaliseText would change: a blank other than one space, two spaces, a space at either end, a line break. */
const NEEDS_WORK = /[\t\n\f\r\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/**
 * Collapses blanks to one space, trims each line and drops empty lines: the text as a reader sees it,
 * with line breaks (`<br>`, a paragraph inside a list item) kept as `\n`.
 */
export function normaliseText(raw: string): string {
  if (raw.length === 0) return '';
  // Most text is clean already: no copy then (this runs once per block, 100,000 times on a big page).
  if (!NEEDS_WORK.test(raw)) return raw;
  if (!raw.includes('\n')) return raw.replace(BLANKS, ' ').trim();
  const lines = raw.replace(BLANKS, ' ').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length > 0) kept.push(trimmed);
  }
  return kept.join('\n');
}

/** One line, single spaces: for matching rules against text that may hold line breaks. */
export function oneLine(text: string): string {
  // Most text is normalised already and has no line break: no copy then.
  if (!/\s\s|[^\S ]|^ | $/.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/** Number of whitespace-separated words. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 0;
  let count = 1;
  for (let i = 1; i < trimmed.length; i++) {
    if (trimmed.charCodeAt(i) <= 32 && trimmed.charCodeAt(i - 1) > 32) count++;
  }
  return count;
}

/** A template's instruction to fill in: "[Please add any PRs that need attention here]", "(add your topic below)". */
const INSTRUCTION = /^\s*[[(]\s*(?:please\s+)?add\b[^\])]{0,120}[\])]\s*$/i;

/** Placeholder items that hold nothing: '', '.', '*', '-', '…', a template's "[Please add … here]". */
export function isPlaceholder(text: string): boolean {
  return /^[\s.*\-–—…_·•]*$/.test(text) || (text.length <= 140 && INSTRUCTION.test(text));
}

/**
 * Every "(…)" aside replaced by a space: what `text.replace(/\([^)]*\)/g, ' ')` gives, in one pass. The regex
 * scans to the end from every "(" that has no ")" after it: seconds on a page's "x((((…".
 */
export function withoutAsides(text: string): string {
  let open = text.indexOf('(');
  if (open < 0) return text;
  let out = '';
  let from = 0;
  while (open >= 0) {
    const close = text.indexOf(')', open + 1);
    // No ")" after this "(" means none after any later one either.
    if (close < 0) break;
    out += `${text.slice(from, open)} `;
    from = close + 1;
    open = text.indexOf('(', from);
  }
  return out + text.slice(from);
}

/**
 * The text without its trailing run of `chars` (and of blanks, when `blanks`): a regex `[…]+$` retries from
 * every character of a long run that is not at the end, in time that grows with the run's square.
 */
export function trimTrailing(text: string, chars: string, blanks: boolean): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charAt(end - 1);
    // `trim` drops exactly what `\s` matches.
    if (chars.includes(c) || (blanks && c.trim() === '')) end--;
    else break;
  }
  return end === text.length ? text : text.slice(0, end);
}
