// Section titles: the bullets (or headings, or "Issues:" paragraphs) that group a meeting's items.
// Each maps to a normalised kind; the title as written is kept beside it.
import type { SectionKind } from './model';
import { oneLine, trimTrailing, withoutAsides, wordCount } from './text';

const KIND_RULES: readonly (readonly [SectionKind, RegExp])[] = [
  ['announcements', /^(?:announcements?|announcements? ?(?:\/|&|and) ?(?:reminders?|updates?|news)|reminders?|news)$/],
  ['demos', /^(?:demos?|demos? of note|demonstrations?)$/],
  ['pulls', /^(?:pulls?|pulls? of note|pull requests?(?: of note)?|prs?(?: of note)?|prs? to (?:discuss|review)\b.*|code reviews?)$/],
  ['designs', /^(?:designs?(?: of note)?|design (?:reviews?|proposals?|docs?)(?: of note)?|keps?(?: of note)?|proposals?(?: of note)?|enhancements? of note)$/],
  ['needs-review', /^(?:needs? (?:a )?reviews?|waiting (?:for|on) reviews?|needs? attention|review requests?|reviews? (?:needed|wanted|requested)|pending reviews?)$/],
  ['action-items', /^(?:action items?|ais|action items? (?:from|for) .+|follow[- ]?ups?)$/],
  ['discussion', /^(?:discussions?(?: topics?| items?| points?)?|topics?(?: for discussion)?|agenda(?: ?(?:\/|&|and)? ?(?:notes|issues|items|topics))?|issues|questions|open discussion|open floor)$/],
  ['other', /^(?:.{0,40}\s)?(?:attendees|attending|attendance|participants|observers)$|^artifacts$/],
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
  return trimTrailing(withoutAsides(oneLine(title).toLowerCase()), ':.?!*_', true)
    .replace(/^[*_\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A paragraph that introduces a list ("Issues:", "Attendees:", "Agenda/Notes (Please include your
 * name…):") or a short bold line naming a known section.
 */
export function isParagraphTitle(text: string, bold: boolean, hasLinks: boolean): boolean {
  if (hasLinks || text.includes('\n')) return false;
  const line = oneLine(text);
  if (sectionKind(line) !== null) return true;
  if (/:\s*$/.test(line) && wordCount(withoutAsides(line)) <= MAX_TITLE_WORDS && !/^[[(]/.test(line)) return true;
  return bold && wordCount(line) <= 5 && !/[.?!]$/.test(line);
}
