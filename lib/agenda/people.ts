// Who is named in an item. Agendas tag presenters in a few ways:
//   `@brancz will …`, `Note(@ericchiang)`                    — a mention anywhere (not an e-mail address)
//   `[@pbarker] …`, `[liggitt] …`, `(kksriram) …`, `[Clayton] …`, `[Saad Ali, 20 minutes] …` — a tag first
//   `… [ericchiang]`, `… (@mikedanese)`, `… (Paris Pittman)`, `… (5 minutes, cjcullen)`  — a tag last
// A tag is people only when every part of it looks like a name or handle: `[WIP]`, `(in progress)`,
// `(pod, secret)` and `(thread)` are not. Link texts are never bracketed in the rendered text, so
// markdown's `[text](url)` cannot be mistaken for a tag.
import { oneLine } from './text';

/** Words that sit in brackets without being anyone. Compared in lower case. */
const NOT_PEOPLE = new Set([
  'wip', 'update', 'updated', 'updates', 'link', 'links', 'thread', 'issue', 'issues', 'pr', 'prs', 'pull',
  'draft', 'preview', 'demo', 'note', 'notes', 'question', 'questions', 'discussion', 'recording', 'video',
  'slides', 'doc', 'docs', 'document', 'proposal', 'done', 'deferred', 'optional', 'closed', 'open', 'merged',
  'approved', 'resolved', 'tbd', 'todo', 'who', 'name', 'owner', 'alpha', 'beta', 'ga', 'stable', 'deprecated',
  'blocked', 'urgent', 'important', 'fixed', 'pending', 'meeting', 'agenda', 'fyi', 'ai', 'kep', 'keps',
  'here', 'this', 'that', 'none', 'n/a', 'na', 'tba', 'later', 'next', 'new', 'old', 'yes', 'no', 'maybe',
  'bug', 'feature', 'announcement', 'reminder', 'cancelled', 'canceled', 'postponed', 'skipped', 'etc',
  'in', 'on', 'at', 'to', 'and', 'or', 'of', 'the', 'a', 'an', 'for', 'with', 'see', 'also', 'via',
]);

/** Employers that follow names in tags ("Tim Allclair (@tallclair, Google)"): dropped, not failed. */
const ORGANISATIONS = new Set([
  'google', 'red hat', 'redhat', 'coreos', 'microsoft', 'vmware', 'ibm', 'amazon', 'aws', 'intel', 'heptio',
  'huawei', 'apple', 'suse', 'canonical', 'docker', 'pivotal', 'solinea', 'azure', 'cncf', 'linux foundation',
  'the linux foundation', 'openstack foundation', 'aqua security', 'github', 'gitlab', 'oracle', 'sap', 'cisco',
  'mirantis', 'rancher', 'nvidia', 'alibaba', 'tencent', 'baidu', 'samsung', 'apple inc',
]);

const HANDLE = /^@?([A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9])){0,38})@?$/;
/** "Clayton", "Saad Ali", "Tim St. Clair", "Jean-Luc O'Neil": up to four capitalised words. */
const PERSONAL_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
/** "20 minutes", "5m", "~10 mins", "15 min?" and whatever follows them inside the tag. */
const DURATION = /~?\s*\d+(?:\.\d+)?\s*(?:-\s*\d+\s*)?(?:m|min|mins|minutes?|h|hrs?|hours?)\b.*$/i;

/** A mention: `@` after a non-word character (so `name@host` is an address, not a mention). */
const MENTION = /(?:^|[^\w@.])@([A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9])){0,38})(?![\w-]|\.[A-Za-z]{2,})/g;
const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi;

const LEADING_TAG = /^\s*(\[[^\]\n]{1,80}\]|\([^)\n]{1,80}\))(?=$|[\s:,\-–—])/;

type TagPosition = 'start' | 'end';

/** The people an item names, without `@`, each once (first spelling kept), in order of appearance. */
export function peopleIn(text: string): string[] {
  // Most items tag no one: skip the rules when no tag or mention can be there.
  if (!/[@[(]/.test(text)) return [];
  const line = oneLine(text);
  const found: string[] = [];
  const leading = /^[[(]/.test(line) ? LEADING_TAG.exec(line) : null;
  if (leading?.[1]) found.push(...peopleInTag(leading[1], 'start'));
  if (line.includes('@')) found.push(...mentionsIn(line));
  const trailing = trailingTag(line);
  if (trailing && !(leading && leading[0].length > trailing.start)) found.push(...peopleInTag(trailing.tag, 'end'));
  return uniqueIgnoringCase(found);
}

const MAX_TAG = 122;

/**
 * The bracketed tag that ends a line ("… [ericchiang]", "… (@mikedanese).", "For 1.11 [mikedanese]:"),
 * found from the end: a regex searching from every position is slow on long items.
 */
function trailingTag(line: string): { tag: string; start: number } | null {
  let end = line.length;
  while (end > 0 && ' :.?!,;'.includes(line.charAt(end - 1))) end--;
  const close = line.charAt(end - 1);
  if (close !== ']' && close !== ')') return null;
  const start = line.lastIndexOf(close === ']' ? '[' : '(', end - 2);
  if (start < 0 || end - start > MAX_TAG || end - start < 3) return null;
  if (start > 0 && line.charAt(start - 1) !== ' ') return null;
  const tag = line.slice(start, end);
  return tag.slice(1, -1).includes(close) ? null : { tag, start };
}

/** `@handle` mentions outside URLs. */
export function mentionsIn(text: string): string[] {
  const withoutUrls = text.replace(URL_TEXT, ' ');
  const out: string[] = [];
  for (const m of withoutUrls.matchAll(MENTION)) if (m[1]) out.push(m[1]);
  return out;
}

/**
 * The people in one bracketed tag, or none when any part of it is not a name. Square brackets and
 * leading tags may hold bare lower-case handles (`[liggitt]`, `(kksriram) …`); a trailing tag in
 * parentheses needs an `@`, a duration or capitalised names, because `(deferred)` and `(pod, secret)`
 * end many sentences.
 */
export function peopleInTag(tag: string, position: TagPosition): string[] {
  // Longer is a sentence, not a tag (peopleIn never passes one); and the rules below backtrack on long runs.
  if (tag.length > MAX_TAG) return [];
  const square = tag.startsWith('[');
  const inner = tag.slice(1, -1).trim();
  if (inner.length === 0) return [];
  const parts = inner.split(/\s*(?:,|;|\/|&|\+|\band\b)\s*/);
  let sawDuration = false;
  const names: string[] = [];
  const mentioned: string[] = [];
  for (const rawPart of parts) {
    const withoutDuration = rawPart.replace(DURATION, '').trim();
    if (withoutDuration !== rawPart.trim()) sawDuration = true;
    const part = withoutDuration.replace(/\s+/g, ' ');
    if (part.length === 0 || ORGANISATIONS.has(part.toLowerCase())) continue;
    if (!isNameLike(part)) return [];
    const name = part.replace(/^@|@$/g, '');
    names.push(name);
    // `@handle` and Google's `handle@` both mark a person.
    if (part.startsWith('@') || part.endsWith('@')) mentioned.push(name);
  }
  if (names.length === 0) return [];
  // "(@tallclair, Red Hat)": when some parts are mentions, they are the people.
  if (mentioned.length > 0) return mentioned;
  const lenient = square || position === 'start' || sawDuration;
  if (lenient) return names;
  return names.every((name) => PERSONAL_NAME.test(name)) ? names : [];
}

function isNameLike(part: string): boolean {
  const lower = part.toLowerCase().replace(/^@|@$/g, '');
  if (NOT_PEOPLE.has(lower)) return false;
  if (part.startsWith('@') || part.endsWith('@')) return HANDLE.test(part);
  if (/^[A-Z]{1,5}s?$/.test(part)) return false; // WIP, FYI, AI, PRs: acronyms, not people
  if (/^(?:sig|wg|ug|kep)-/i.test(part)) return false; // groups, not people
  if (/^\d+$/.test(part) || !/[A-Za-z]/.test(part)) return false;
  if (!part.includes(' ')) return HANDLE.test(part);
  return PERSONAL_NAME.test(part);
}

function uniqueIgnoringCase(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
