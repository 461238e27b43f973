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
  const inner = innerIfOnlyEndsNeedWork(raw);
  if (inner !== null) return inner;
  if (!raw.includes('\n')) return raw.replace(BLANKS, ' ').trim();
  const lines = raw.replace(BLANKS, ' ').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length > 0) kept.push(trimmed);
  }
  return kept.join('\n');
}

/** The characters `\s` matches, by UTF-16 code unit. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** What `/\S/.test(text)` says, without a regex call: most text has a visible first character. */
export function hasVisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

/**
 * When the only blanks to change are at the ends of a line of text (a list item's "Announcements\n" before its
 * sub-list), the text between them: what the replacing and trimming would give, in one slice. Else null.
 */
function innerIfOnlyEndsNeedWork(raw: string): string | null {
  let start = 0;
  let end = raw.length;
  while (start < end && isNormalisedBlank(raw.charCodeAt(start))) start++;
  while (end > start && isNormalisedBlank(raw.charCodeAt(end - 1))) end--;
  let afterSpace = false;
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (code > 32 && code < 0x7f) {
      afterSpace = false;
      continue;
    }
    if (code === 32) {
      if (afterSpace) return null;
      afterSpace = true;
      continue;
    }
    // A line break, or any other blank, inside the text: the whole treatment.
    if (code === 10 || isNormalisedBlank(code)) return null;
    afterSpace = false;
  }
  return raw.slice(start, end);
}

/** A character of BLANKS: what normaliseText turns into a space (every `\s` but the line break, and U+200B). */
function isNormalisedBlank(code: number): boolean {
  return code !== 10 && (isSpace(code) || code === 0x200b);
}

/** One line, single spaces: for matching rules against text that may hold line breaks. */
export function oneLine(text: string): string {
  // Most text is normalised already and has no line break: no copy then.
  if (isOneLine(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/** What `!/\s\s|[^\S ]|^ | $/.test(text)` says, by hand: no blank but single spaces between words. */
function isOneLine(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return true;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32) return false;
  let afterSpace = false;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    // Printable ASCII other than the space: the common case, decided at once.
    if (code > 32 && code < 0x7f) {
      afterSpace = false;
      continue;
    }
    if (code === 32) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    if (isSpace(code)) return false;
    afterSpace = false;
  }
  return true;
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
