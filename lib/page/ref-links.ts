// The links of a page that name a GitHub issue or pull request, with their canonical reference. Links to
// discussions are left out: they share the numbering but have no issue status to show.
import { cleanHref } from '../agenda/links';
import { canonicalRef } from '../github/refs';
import { OVERLAY_ATTRIBUTE } from './highlight';

const ISSUE_OR_PULL =
  /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})\/(?:issues|pull|pulls)\/(\d{1,9})(?=$|[/?#])/i;

export interface RefLink {
  link: HTMLAnchorElement;
  /** Canonical `owner/repo#123`. */
  ref: string;
}

/** `owner/repo#123` for a github.com issue or pull request address (Google's redirect unwrapped); null otherwise. */
export function statusRefOfHref(href: string, baseUrl: string): string | null {
  const clean = cleanHref(href, baseUrl);
  if (!clean) return null;
  const match = ISSUE_OR_PULL.exec(clean);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return canonicalRef(`${match[1]}/${match[2]}#${match[3]}`);
}

/** Every issue or pull request link under `root`, in document order; our own elements are skipped. */
export function findRefLinks(root: ParentNode, baseUrl: string): RefLink[] {
  const found: RefLink[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (link.closest(`[${OVERLAY_ATTRIBUTE}]`)) continue;
    const ref = statusRefOfHref(link.getAttribute('href') ?? '', baseUrl);
    if (ref) found.push({ link, ref });
  }
  return found;
}
