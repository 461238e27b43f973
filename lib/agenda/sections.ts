// Section titles: the bullets (or headings, or "Issues:" paragraphs) that group a meeting's items.
// Each maps to a normalised kind; the title as written is kept beside it.
import type { SectionKind } from './model';
import { oneLine, trimTrailing, withoutAsides, wordCount } from './text';

const KIND_RULES: readonly (readonly [SectionKind, RegExp])[] = [
  [
    'announcements',
    /^(?:announcements?|announcements? ?(?:\/|&|and) ?(?:reminders?|updates?|news)|reminders?|news|highlights)$/,
  ],
  // "Updates", "Status updates", "Updates/reminders", "CNCF updates": news brought to the meeting.
  [
    'announcements',
    /^(?:(?:status|project|general|sig|team|community|release|cncf|subproject|quick) )?updates?(?: ?(?:\/|&|and) ?reminders?)?$/,
  ],
  ['demos', /^(?:demos?|demos? of note|demonstrations?)$/],
  [
    'pulls',
    /^(?:pulls?|pulls? of note|pull requests?(?: of note)?|prs?(?: of note)?|prs? to (?:discuss|review)\b.*|code reviews?)$/,
  ],
  [
    'designs',
    /^(?:designs?(?: of note)?|design (?:reviews?|proposals?|docs?)(?: of note)?|keps?(?: of note)?|proposals?(?: of note)?|enhancements? of note)$/,
  ],
  [
    'needs-review',
    /^(?:needs? (?:a )?reviews?|waiting (?:for|on) reviews?|needs? attention|review requests?|reviews? (?:needed|wanted|requested)|pending reviews?)$/,
  ],
  [
    'action-items',
    /^(?:action items?|ais?|actions?|action items? (?:from|for) .+|(?:actions? )?follow[- ]?ups?(?: items?)?(?: (?:from|for) .+)?)$/,
  ],
  [
    'discussion',
    /^(?:discussions?(?: topics?| items?| points?)?|(?:recurring |new |other )?topics?(?: for discussion)?|agendas?(?: ?(?:\/|&|and)? ?(?:notes?|issues|items|topics))?|issues|questions|open discussion|open floor)$/,
  ],
  // "Agenda items", "New agenda items", "Meeting notes", "Minutes", "Open mic / discussion".
  [
    'discussion',
    /^(?:(?:new |standing |other |open )?(?:agenda )?items|(?:meeting )?notes|minutes|open (?:mic|agenda)(?: ?\/ ?discussion)?)$/,
  ],
  [
    'other',
    /^(?:.{0,40}\s)?(?:attendees|attending|attendance|participants|observers)$|^artifacts$|^new contributors?$/,
  ],
  // A catch-all label: a section all the same, of no kind.
  ['other', /^(?:misc|miscellaneous|other|other business|any other business|aob)$/],
];

/** Longest a title may be and still be a title rather than a sentence. */
const MAX_TITLE_WORDS = 8;

/** Titles at most this long have their kind remembered: a long agenda repeats its few section titles every meeting. */
const MAX_REMEMBERED_TITLE = 80;
/** And at most this many of them, so that a page of unique short lines cannot grow the memory. */
const MAX_REMEMBERED = 2000;
const remembered = new Map<string, SectionKind | null>();

/** The kind of section a title names, or null when it names none we know. */
export function sectionKind(title: string): SectionKind | null {
  if (title.length > MAX_REMEMBERED_TITLE) return kindOf(title);
  const known = remembered.get(title);
  if (known !== undefined) return known;
  const kind = kindOf(title);
  if (remembered.size < MAX_REMEMBERED) remembered.set(title, kind);
  return kind;
}

function kindOf(title: string): SectionKind | null {
  const key = titleKey(title);
  if (key.length === 0 || wordCount(key) > MAX_TITLE_WORDS) return null;
  for (const [kind, rule] of KIND_RULES) if (rule.test(key)) return kind;
  return null;
}

/** Lower case, without "(…)" asides, trailing punctuation and markers: "Agenda/Notes (Please include …):" → "agenda/notes". */
function titleKey(title: string): string {
  // Asides and the trailing run are cut by hand: as regexes they take time quadratic in a long line.
  const bare = withoutAsides(withoutBracketAsides(oneLine(title).toLowerCase()));
  return withoutSymbolsAround(trimTrailing(bare, ':.?!*_', true))
    .replace(/^[*_\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "🎉 new contributors 🎉" → "new contributors": emoji and marks around a title, cut by hand (no backtracking). */
function withoutSymbolsAround(text: string): string {
  // Character by character (a surrogate pair is one), as a spread into an array of characters would see them.
  let start = 0;
  while (start < text.length) {
    const c = charAt(text, start);
    if (isWordChar(c)) break;
    start += c.length;
  }
  let end = text.length;
  while (end > start) {
    const c = charBefore(text, end);
    if (isWordChar(c) || c === '?' || c === ':') break;
    end -= c.length;
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const WORD_CHAR = /[\p{L}\p{N}[\]()]/u;

function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  // ASCII letters and digits, without a regex call; the rest asks the regex.
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) return true;
  return WORD_CHAR.test(c);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The character (one code unit, or a surrogate pair) that starts at `i`. */
function charAt(text: string, i: number): string {
  if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) return text.slice(i, i + 2);
  return text.charAt(i);
}

/** The character (one code unit, or a surrogate pair) that ends just before `end`. */
function charBefore(text: string, end: number): string {
  if (end >= 2 && isLowSurrogate(text.charCodeAt(end - 1)) && isHighSurrogate(text.charCodeAt(end - 2))) {
    return text.slice(end - 2, end);
  }
  return text.charAt(end - 1);
}

/** "Recurring topics [timebox to 20 min]:" → "Recurring topics :"; a title only, so no long text gets here often. */
function withoutBracketAsides(text: string): string {
  const open = text.indexOf('[');
  if (open <= 0) return text;
  const close = text.indexOf(']', open);
  return close < 0 ? text : `${text.slice(0, open)} ${text.slice(close + 1)}`;
}

/**
 * A paragraph that introduces a list ("Issues:", "Attendees:", "Agenda/Notes (Please include your
 * name…):") or a short bold line naming a known section.
 */
export function isParagraphTitle(text: string, bold: boolean, hasLinks: boolean): boolean {
  if (hasLinks) return false;
  // "**\nOpen Discussion:**": bold markers Markdown left as text, on a line of their own or around the title.
  const cleaned = trimTrailing(text, '*_', true).replace(/^[*_\s]+/, '');
  if (cleaned.includes('\n')) return false;
  const line = oneLine(cleaned);
  if (sectionKind(line) !== null) return true;
  if (/:\s*$/.test(line) && wordCount(withoutAsides(line)) <= MAX_TITLE_WORDS && !/^[[(]/.test(line)) return true;
  return bold && wordCount(line) <= 5 && !/[.?!]$/.test(line);
}
