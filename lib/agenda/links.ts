// Links of an item: its anchors plus the bare URLs typed into its text. Only http(s) survive:
// the page is untrusted and anything else (javascript:, data:, in-page #h.… jumps) is not a link
// the panel should ever make clickable.
import { find } from 'linkifyjs';
import { unwrapGoogleRedirect } from './gdocs';
import type { Link } from './model';

/** An anchor's href made absolute, unwrapped from Google's redirect, or null if it is not http(s). */
export function cleanHref(raw: string, baseUrl: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#')) return null;
  if (GOOGLE_REDIRECT.test(trimmed)) {
    const target = unwrapGoogleRedirect(trimmed);
    return target === trimmed ? null : cleanHref(target, '');
  }
  // Most hrefs are plain absolute http(s) addresses: skip the URL parser (slow in a page, at 100k links).
  if (PLAIN_HTTP.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = new URL(trimmed, isHttp(baseUrl) ? baseUrl : undefined);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return GOOGLE_REDIRECT.test(url.href) ? cleanHref(url.href, '') : url.href;
}

/** An absolute http(s) URL of printable ASCII with a plain host: already what the parser would give. */
const PLAIN_HTTP = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?\/[\x21-\x7e]*$/;
const GOOGLE_REDIRECT = /^https?:\/\/(?:www\.)?google\.[a-z.]+\/url\?/i;

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Bare URLs in text that is not already inside an anchor. Written schemes (or www.) only, so "k8s.io" in prose stays prose. */
export function bareUrls(text: string): Link[] {
  if (!text.includes('://') && !/www\./i.test(text)) return [];
  const links: Link[] = [];
  // linkify is the slow part: give it only the words that start like a URL, not the whole item.
  URL_START.lastIndex = 0;
  for (let candidate = URL_START.exec(text); candidate; candidate = URL_START.exec(text)) {
    const word = candidate[0];
    // A plain address that ends cleanly is all URL; linkify decides the rest (trailing dots, brackets, IDNs).
    const href = CLEAN_URL.test(word) ? cleanHref(word, '') : null;
    if (href) {
      links.push({ href, text: word });
      continue;
    }
    for (const found of find(word, 'url')) {
      if (found.start !== 0 || !/^(?:https?:\/\/|www\.)/i.test(found.value)) continue;
      const cleaned = cleanHref(found.href, '');
      if (cleaned) links.push({ href: cleaned, text: found.value });
    }
  }
  return links;
}

/** `https://host.tld/path?query` in URL-safe ASCII, ending in a letter, digit or slash. */
const CLEAN_URL = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d{1,5})?(?:\/[\w\-.~%!$&'*+,;=:@/?#]*[\w/])?\/?$/i;

/** A word that begins like a written URL; linkify decides where it really ends. */
const URL_START = /(?<![\w.@/-])(?:https?:\/\/|www\.)[^\s<>"]+/gi;

/**
 * An item's links: its anchors, then the URLs typed in its text that are not an anchor's own text.
 * Returns `anchors` itself when there is nothing to add (one array less per item, at 100,000 items).
 */
export function linksOf(text: string, anchors: Link[]): Link[] {
  const bare = bareUrls(text).filter((url) => !anchors.some((a) => a.text.includes(url.text)));
  if (bare.length === 0 && anchors.length <= 1) return anchors;
  return mergeLinks(anchors, bare);
}

/** Anchors first, then bare URLs, each href once. */
export function mergeLinks(anchors: readonly Link[], bare: readonly Link[]): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const link of [...anchors, ...bare]) {
    if (seen.has(link.href)) continue;
    seen.add(link.href);
    out.push(link);
  }
  return out;
}

/** True for YouTube (and youtu.be) addresses: the usual home of a meeting recording. */
export function isVideoLink(href: string): boolean {
  return /^https?:\/\/(?:[\w-]+\.)?(?:youtube\.com|youtu\.be)\//i.test(href);
}
