// Who is named in an item. Agendas tag presenters in a few ways:
//   `@brancz will …`, `Note(@ericchiang)`                    — a mention anywhere (not an e-mail address)
//   `[@pbarker] …`, `[liggitt] …`, `(kksriram) …`, `[Clayton] …`, `[Saad Ali, 20 minutes] …` — a tag first
//   `… [ericchiang]`, `… (@mikedanese)`, `… (Paris Pittman)`, `… (5 minutes, cjcullen)`  — a tag last
// A tag is people only when every part of it looks like a name or handle: `[WIP]`, `(in progress)`,
// `(pod, secret)` and `(thread)` are not. Link texts are never bracketed in the rendered text, so
// markdown's `[text](url)` cannot be mistaken for a tag.
import type { Item, Meeting } from './model';
import { oneLine } from './text';

/** Words that sit in brackets without being anyone. Compared in lower case. */
const NOT_PEOPLE = new Set([
  // Days, months, languages and words that open a line with a colon ("Friday: 0", "Korean: UTC 13:00").
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'tomorrow',
  'yesterday',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'english',
  'korean',
  'chinese',
  'japanese',
  'french',
  'german',
  'spanish',
  'portuguese',
  'hindi',
  'italian',
  'however',
  'other',
  'others',
  'release',
  'nope',
  'first last',
  'help wanted',
  'student',
  'kubecon',
  'gsoc',
  'openstack',
  'openshift',
  'kubernetes',
  'github',
  'slack',
  'zoom',
  // Labels written in brackets before an item ("[private] discuss …", "[ACTION] freshen up the PR").
  'private',
  'public',
  'action',
  'actions',
  'announcement',
  'announcements',
  'reminder',
  'info',
  'followup',
  'follow-up',
  'urgent',
  'deadline',
  'canceled',
  'cancelled',
  'postponed',
  'feedback',
  'fyi',
  'lgtm',
  'youtube',
  'twitter',
  'summary',
  'status',
  'wip',
  'update',
  'updated',
  'updates',
  'link',
  'links',
  'thread',
  'issue',
  'issues',
  'pr',
  'prs',
  'pull',
  'draft',
  'preview',
  'demo',
  'note',
  'notes',
  'question',
  'questions',
  'discussion',
  'recording',
  'video',
  'slides',
  'doc',
  'docs',
  'document',
  'proposal',
  'done',
  'deferred',
  'optional',
  'closed',
  'open',
  'merged',
  'approved',
  'resolved',
  'tbd',
  'todo',
  'who',
  'name',
  'owner',
  'alpha',
  'beta',
  'ga',
  'stable',
  'deprecated',
  'blocked',
  'urgent',
  'important',
  'fixed',
  'pending',
  'meeting',
  'agenda',
  'fyi',
  'ai',
  'kep',
  'keps',
  'here',
  'this',
  'that',
  'none',
  'n/a',
  'na',
  'tba',
  'later',
  'next',
  'new',
  'old',
  'yes',
  'no',
  'maybe',
  'bug',
  'feature',
  'announcement',
  'reminder',
  'cancelled',
  'canceled',
  'postponed',
  'skipped',
  'etc',
  'in',
  'on',
  'at',
  'to',
  'and',
  'or',
  'of',
  'the',
  'a',
  'an',
  'for',
  'with',
  'see',
  'also',
  'via',
  'welcome',
  'steering',
  'committee',
  'everyone',
  'all',
  'chairs',
  'leads',
  'guests',
  'others',
]);

/** Employers that follow names in tags ("Tim Allclair (@tallclair, Google)"): dropped, not failed. */
const ORGANISATIONS = new Set([
  'google',
  'red hat',
  'redhat',
  'coreos',
  'microsoft',
  'vmware',
  'ibm',
  'amazon',
  'aws',
  'intel',
  'heptio',
  'huawei',
  'apple',
  'suse',
  'canonical',
  'docker',
  'pivotal',
  'solinea',
  'azure',
  'cncf',
  'linux foundation',
  'the linux foundation',
  'openstack foundation',
  'aqua security',
  'github',
  'gitlab',
  'oracle',
  'sap',
  'cisco',
  'mirantis',
  'rancher',
  'nvidia',
  'alibaba',
  'tencent',
  'baidu',
  'samsung',
  'apple inc',
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
  const first = line.charAt(0);
  const leading = first === '[' || first === '(' ? LEADING_TAG.exec(line) : null;
  if (leading?.[1]) found.push(...tagPeople(leading[1], 'start'));
  if (line.includes('@')) found.push(...mentionsIn(line));
  const trailing = trailingTag(line);
  if (trailing && !(leading && leading[0].length > trailing.start)) found.push(...tagPeople(trailing.tag, 'end'));
  return found.length <= 1 ? found : uniqueIgnoringCase(found);
}

/** Tags read so far, by position and text: the same few people tag item after item. At most this many kept. */
const MAX_REMEMBERED_TAGS = 2000;
const rememberedTags = new Map<string, readonly string[]>();

/** `peopleInTag`, remembered (the answer is shared: read it, never change it). */
function tagPeople(tag: string, position: TagPosition): readonly string[] {
  const key = position === 'start' ? `<${tag}` : `>${tag}`;
  const known = rememberedTags.get(key);
  if (known) return known;
  const people = peopleInTag(tag, position);
  if (rememberedTags.size < MAX_REMEMBERED_TAGS) rememberedTags.set(key, people);
  return people;
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
    // A duration has a digit: a part without one keeps its text, without a search.
    const withoutDuration = (hasDigit(rawPart) ? rawPart.replace(DURATION, '') : rawPart).trim();
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

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
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

/** The people of several rules, each once (first spelling kept), in the order given. */
export function mergePeople(...lists: readonly (readonly string[])[]): string[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return [...(nonEmpty[0] ?? [])];
  return uniqueIgnoringCase(nonEmpty.flat());
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

/** "Attendees", "Attendance:", "Present", "Participants": the label of a list of the people at a meeting. */
const ATTENDEE_LABEL = new RegExp(
  '^[\\s*_🎉]*(?:(?:attendees|attendance|attending|present|participants|people present|new (?:contributors|attendees))' +
    '\\s*:?' +
    // Who ran the meeting, always with a colon: "Host: Jeremy Rickard", "Note Taker (pronouns):", "Bosun: Derek Carr".
    '|(?:(?:co-?)?hosts?|note[- ]?takers?|moderators?|facilitators?|chairs?|scribes?|bosun|emcee)\\s*(?:\\([^)]{0,20}\\))?\\s*:)' +
    '[\\s*_]*',
  'i',
);
/** Roles that open a line ("Host: …"): never a person's name. */
const ROLES = new RegExp(
  '^(?:(?:co-?)?hosts?|note[- ]?takers?|moderators?|facilitators?|chairs?|scribes?|bosun|emcee' +
    '|action|ai|todo|note|notes|update|updates|question|q|a)$',
  'i',
);
/** What follows a name in an attendee list: "- Google", "[Red Hat]", "{Google}", "(Samsung SDS)". */
const AFFILIATION = /(?:\s+[-–—]\s*[^,[\]{}()]{1,60}|\s*[-–—]\s+[^,[\]{}()]{1,60}|\s*[[{(][^\]})]{1,60}[\]})])\s*$/;

/** Whether `text` is the label of an attendee list, and what follows the label on its line. */
export function attendeeLabel(text: string): { rest: string } | null {
  const match = ATTENDEE_LABEL.exec(text);
  return match ? { rest: text.slice(match[0].length) } : null;
}

/**
 * The people of one line of an attendee list: "Joe Beda, Tim St. Clair - Heptio", "Aaron Crickenberger
 * [Samsung SDS]", "Sarah Novotny [@sarahnovotny] - Google". Each part must look like a name or a handle;
 * affiliations after a name are dropped.
 */
export function attendeesIn(line: string): string[] {
  const text = oneLine(line);
  if (text.length === 0 || text.length > 400) return [];
  const mentioned = text.includes('@') ? mentionsIn(text) : [];
  const names: string[] = [];
  const handles: string[] = [];
  for (const rawPart of text.split(/\s*(?:,|;|\band\b)\s*/)) {
    let part = rawPart;
    // At most two affiliations ("[@handle] - Google"); each strip takes a bounded tail.
    for (let i = 0; i < 2; i++) part = part.replace(AFFILIATION, '');
    part = part.trim();
    if (!part || ORGANISATIONS.has(part.toLowerCase())) continue;
    if (/^[A-Z]{2,6}$/.test(part)) continue; // CERN, BNL: organisations, not people
    if (/^(?:sig|wg|ug|kep)\b/i.test(part)) continue; // SIG-Contributor Experience: a group
    if (PERSONAL_NAME.test(part) && !NOT_PEOPLE.has(part.toLowerCase())) names.push(part);
    else if (HANDLE.test(part) && /[a-z]/.test(part) && !NOT_PEOPLE.has(part.replace(/^@|@$/g, '').toLowerCase())) {
      handles.push(part.replace(/^@|@$/g, ''));
    }
  }
  // "liggitt, deads2k" are handles; "Ayushman Mishra, student" is a name and what they do.
  return uniqueIgnoringCase([...names, ...(names.length > 0 ? [] : handles), ...mentioned]);
}

/**
 * The owner an action item names first: "AI: jordan to follow up", "AI Brendan Burns: ping SIG Windows",
 * "Action: @liggitt will …", "AI(mikedanese): …", "AI Phil - follow up with Nikita".
 */
const ACTION_OWNER =
  /^\s*(?:AI|[Aa]ction(?: [Ii]tem)?|TODO|[Tt]odo)\b\s*[:(-]?\s*(@?[\p{L}][\p{L}\d_.'’-]{0,38}(?: \p{Lu}[\p{L}'’.-]{0,30}){0,2})\s*(\)?\s*:|\)|\s+(?:to|will|should)\b|\s+[-–—]\s)/u;

export function actionOwnerIn(text: string): string[] {
  const match = ACTION_OWNER.exec(text.slice(0, 120));
  const owner = match?.[1];
  if (!owner) return [];
  // "AI: migrate to …", "AI - add a test": a lower-case word is an owner only as "AI(jordan):" or "AI jordan:".
  const closedByColon = /[:)]/.test(match?.[2] ?? '');
  if (!owner.startsWith('@') && /^\p{Ll}/u.test(owner) && !closedByColon) return [];
  const name = owner.replace(/^@/, '');
  const lower = name.toLowerCase();
  if (NOT_PEOPLE.has(lower) || ACTION_NOT_OWNERS.has(lower) || ORGANISATIONS.has(lower)) return [];
  if (/^(?:sig|wg|ug|kep)\b/i.test(name) || /^[A-Z]{2,5}s?$/.test(name)) return [];
  if (owner.startsWith('@') || name.includes(' ')) return PERSONAL_NAME.test(name) || HANDLE.test(owner) ? [name] : [];
  return HANDLE.test(name) ? [name] : [];
}

/** Words that follow "AI" without being its owner. */
const ACTION_NOT_OWNERS = new Set([
  'followup',
  'followups',
  'follow-up',
  'follow',
  'items',
  'item',
  'everyone',
  'all',
  'chairs',
  'leads',
  'team',
  'we',
  'someone',
  'somebody',
  'anyone',
  'nobody',
  'us',
  'they',
  'it',
  'about',
  'infra',
  'is',
  'was',
  'will',
  // Verbs that open an action item ("AI: Need to …", "TODO: Migrate to …").
  'need',
  'needs',
  'move',
  'migrate',
  'consolidate',
  'escalate',
  'email',
  'add',
  'ask',
  'confirm',
  'confirmed',
  'update',
  'check',
  'create',
  'send',
  'review',
  'schedule',
  'write',
  'reach',
  'talk',
  'look',
  'figure',
  'investigate',
  'ping',
  'set',
  'get',
  'make',
  'start',
  'find',
  'file',
  'close',
  'fix',
  'reply',
  'discuss',
  'try',
  'decide',
  'document',
  'share',
  'post',
  'work',
  'reconcile',
  'remove',
  'clean',
  'run',
  'test',
  'ensure',
  'sync',
]);

/** "… - Jordan Liggitt": a name after a dash at the end of an item, taken only when the document names that person elsewhere. */
const TRAILING_DASH_NAME = /\s[-–—]\s+@?(\p{Lu}[\p{L}'’.-]{0,30}(?: \p{Lu}[\p{L}'’.-]{0,30}){0,2})\s*$/u;

export function trailingDashName(text: string): string | null {
  // Without a dash there is nothing to find: most items pass here without a copy or a search.
  if (!text.includes('-') && !text.includes('–') && !text.includes('—')) return null;
  const line = oneLine(text);
  const match = TRAILING_DASH_NAME.exec(line.slice(-100));
  return match?.[1] ?? null;
}

/**
 * Adds "… - Jordan Liggitt" to an item's people when the document names Jordan Liggitt by a surer rule elsewhere:
 * after a dash at the end of a line stand as many topics and teams ("- Release Team", "- Code Freeze") as people.
 */
/** "Anna: release went well", "Brad Topol: beware bikeshedding": a name and a colon opening an item. */
const LEADING_NAME = /^\s*@?(\p{Lu}[\p{L}'’.-]{0,30}(?: \p{Lu}[\p{L}'’.-]{0,30}){0,2})\s*:/u;

export function leadingColonName(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon < 0 || colon >= 100) return null;
  return LEADING_NAME.exec(text.slice(0, 100))?.[1] ?? null;
}

export function addKnownNamesAfterDashes(meetings: readonly Meeting[]): void {
  addKnownNames(meetings, knownPeople(meetings));
}

/** Everyone the meetings' items name, lower-cased. */
export function knownPeople(meetings: readonly Meeting[]): Set<string> {
  const known = new Set<string>();
  forEachItem(meetings, (item) => {
    for (const person of item.people) known.add(person.toLowerCase());
  });
  return known;
}

/** `addKnownNamesAfterDashes` with the people `known` (lower-cased) in the whole agenda, for some of its meetings. */
export function addKnownNames(meetings: readonly Meeting[], known: ReadonlySet<string>): void {
  if (known.size === 0) return;
  // "Anna:" for Anna Mikhailova: the first name of someone named in full elsewhere.
  const firstNames = new Set([...known].filter((n) => n.includes(' ')).map((n) => n.slice(0, n.indexOf(' '))));
  forEachItem(meetings, (item) => {
    const name = trailingDashName(item.text);
    if (name && known.has(name.toLowerCase())) item.people = mergePeople(item.people, [name]);
    const speaker = leadingColonName(item.text);
    const key = speaker?.toLowerCase();
    const shouted = speaker === speaker?.toUpperCase(); // "HELP WANTED:", "GSOC:"
    const knownName = key !== undefined && (known.has(key) || (!key.includes(' ') && firstNames.has(key)));
    if (speaker && key && !shouted && !ROLES.test(key) && !NOT_PEOPLE.has(key) && knownName) {
      item.people = mergePeople(item.people, [speaker]);
    }
  });
}

/** Every item of the meetings, each before its children, without recursion (lists nest arbitrarily deep). */
function forEachItem(meetings: readonly Meeting[], visit: (item: Item) => void): void {
  const stack: Item[] = [];
  for (const meeting of meetings) {
    for (const section of meeting.sections) {
      for (let i = section.items.length - 1; i >= 0; i--) stack.push(section.items[i] as Item);
      while (stack.length > 0) {
        const item = stack.pop() as Item;
        visit(item);
        for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as Item);
      }
    }
  }
}
