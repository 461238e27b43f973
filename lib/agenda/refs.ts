// GitHub references in canonical `owner/repo#number` form, from links (issues, pulls, discussions,
// with /files, /commits/…, #issuecomment-… and queries dropped) and from text written as
// `kubernetes/community#2497`. A bare `#69848` names no repository and counts only through its link.
import type { Agenda, Item, Link, Meeting } from './model';

const GITHUB_ITEM_URL =
  /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/(?:issues|pull|pulls|discussions)\/(\d{1,9})(?=$|[/?#])/i;

const TEXT_REF = /(?:^|[^\w/.#-])([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})#(\d{1,9})(?!\w)/g;

/** `owner/repo#n` for a GitHub issue, pull request or discussion URL; null for anything else. */
export function refFromUrl(href: string): string | null {
  const m = GITHUB_ITEM_URL.exec(href);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return canonicalRef(m[1], m[2], m[3]);
}

/** `owner/repo#n` references written out in text. */
export function refsInText(text: string): string[] {
  if (!hasNumberSign(text)) return [];
  const refs: string[] = [];
  for (const m of text.matchAll(TEXT_REF)) {
    if (m[1] && m[2] && m[3]) refs.push(canonicalRef(m[1], m[2], m[3]));
  }
  return refs;
}

/** Whether `text` has a "#" followed by a digit, as every written reference does. */
function hasNumberSign(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next >= 48 && next <= 57) return true;
  }
  return false;
}

/** A list that is searched as it grows, and hashed once it is long (so that a long item stays linear). */
const SEARCHED_IN_PLACE = 16;

/** GitHub owners and repositories are case-insensitive: one spelling, lower case, no leading zeros. */
function canonicalRef(owner: string, repo: string, number: string): string {
  return `${owner.toLowerCase()}/${withoutGitSuffix(repo).toLowerCase()}#${Number(number)}`;
}

/** `repo.replace(/\.git$/i, '')`, by hand. */
function withoutGitSuffix(repo: string): string {
  const n = repo.length;
  if (n < 4 || repo.charCodeAt(n - 4) !== 46 /* . */) return repo;
  const g = repo.charCodeAt(n - 3) | 32;
  const i = repo.charCodeAt(n - 2) | 32;
  const t = repo.charCodeAt(n - 1) | 32;
  return g === 103 && i === 105 && t === 116 ? repo.slice(0, n - 4) : repo;
}

/** Every reference of an item, in order of appearance (links first, then text), each once. */
export function refsOf(text: string, links: readonly Link[]): string[] {
  if (links.length === 0 && !text.includes('#')) return [];
  const fromLinks: string[] = [];
  for (const link of links) {
    const ref = refFromUrl(link.href);
    if (ref) fromLinks.push(ref);
  }
  const fromText = text.includes('#') ? refsInText(text) : fromLinks.length > 0 ? [] : fromLinks;
  if (fromText.length === 0 && fromLinks.length <= 1) return fromLinks;
  if (fromLinks.length === 0 && fromText.length === 1) return fromText;
  // Each once, first place kept: searched in place while short, hashed once long.
  const out: string[] = [];
  let seen: Set<string> | null = null;
  for (const list of [fromLinks, fromText]) {
    for (const ref of list) {
      if (seen ? seen.has(ref) : out.includes(ref)) continue;
      out.push(ref);
      if (seen) seen.add(ref);
      else if (out.length >= SEARCHED_IN_PLACE) seen = new Set(out);
    }
  }
  return out;
}

// Every GitHub reference of some items, a meeting or an agenda: each once, in order of appearance.
function addRefsOf(items: readonly Item[], out: Set<string>): void {
  // Without recursion: agendas nest lists arbitrarily deep.
  const stack: Item[] = [...items].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    for (const ref of item.refs) out.add(ref);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
}

export function refsOfItems(items: readonly Item[]): string[] {
  const out = new Set<string>();
  addRefsOf(items, out);
  return [...out];
}

export function refsOfMeeting(meeting: Meeting): string[] {
  const out = new Set<string>();
  for (const section of meeting.sections) addRefsOf(section.items, out);
  return [...out];
}

export function refsOfAgenda(agenda: Agenda): string[] {
  const out = new Set<string>();
  for (const meeting of agenda.meetings) for (const section of meeting.sections) addRefsOf(section.items, out);
  return [...out];
}
