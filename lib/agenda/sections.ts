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

/** The kind of section a title names, or null when it names none we know. */
export function sectionKind(title: string): SectionKind | null {
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
  const chars = [...text];
  const isWord = (c: string): boolean => /[\p{L}\p{N}[\]()]/u.test(c);
  let start = 0;
  while (start < chars.length && !isWord(chars[start] as string)) start++;
  let end = chars.length;
  while (end > start && !isWord(chars[end - 1] as string) && !'?:'.includes(chars[end - 1] as string)) end--;
  return chars.slice(start, end).join('');
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
