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
  if (!text.includes('#')) return [];
  const refs: string[] = [];
  for (const m of text.matchAll(TEXT_REF)) {
    if (m[1] && m[2] && m[3]) refs.push(canonicalRef(m[1], m[2], m[3]));
  }
  return refs;
}

/** GitHub owners and repositories are case-insensitive: one spelling, lower case, no leading zeros. */
function canonicalRef(owner: string, repo: string, number: string): string {
  return `${owner.toLowerCase()}/${repo.replace(/\.git$/i, '').toLowerCase()}#${Number(number)}`;
}

/** Every reference of an item, in order of appearance (links first, then text), each once. */
export function refsOf(text: string, links: readonly Link[]): string[] {
  if (links.length === 0 && !text.includes('#')) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (ref: string | null): void => {
    if (ref && !seen.has(ref)) {
      seen.add(ref);
      out.push(ref);
    }
  };
  for (const link of links) add(refFromUrl(link.href));
  for (const ref of refsInText(text)) add(ref);
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
