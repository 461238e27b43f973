// Links of an item: its anchors plus the bare URLs typed into its text. Only http(s) survive:
// the page is untrusted and anything else (javascript:, data:, in-page #h.… jumps) is not a link
// the panel should ever make clickable.
import { find } from 'linkifyjs';
import { GOOGLE_REDIRECT, redirectTarget } from './gdocs';
import type { Link } from './model';
import { trimTrailing } from './text';

/** Redirects inside redirects unwrapped at most this deep: a page's redirect nested 4,000 times is no link. */
const MAX_REDIRECTS = 3;

/** An anchor's href made absolute, unwrapped from Google's redirect, or null if it is not http(s). */
export function cleanHref(raw: string, baseUrl: string, redirects = 0): string | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.startsWith('#')) return null;
  if (GOOGLE_REDIRECT.test(trimmed)) {
    if (redirects >= MAX_REDIRECTS) return null;
    const target = redirectTarget(trimmed);
    return target === trimmed ? null : cleanHref(target, '', redirects + 1);
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
  return GOOGLE_REDIRECT.test(url.href) ? cleanHref(url.href, '', redirects) : url.href;
}

/** An absolute http(s) URL of printable ASCII with a plain host: already what the parser would give. */
const PLAIN_HTTP = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?\/[\x21-\x7e]*$/;

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
    // linkify tokenises the whole word, slowly, and no URL anyone typed into an agenda is this long.
    if (word.length > MAX_TYPED_URL) continue;
    for (const found of find(word, 'url')) {
      if (found.start !== 0 || !/^(?:https?:\/\/|www\.)/i.test(found.value)) continue;
      const cleaned = cleanHref(found.href, '');
      if (cleaned) links.push({ href: cleaned, text: found.value });
    }
  }
  return links;
}

/** The longest word linkify is asked about (browsers take longer URLs, but nobody types them). */
const MAX_TYPED_URL = 4096;

/** `https://host.tld/path?query` in URL-safe ASCII, ending in a letter, digit or slash. */
const CLEAN_URL =
  /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d{1,5})?(?:\/[\w\-.~%!$&'*+,;=:@/?#]*[\w/])?\/?$/i;

/** A word that begins like a written URL; linkify decides where it really ends. */
const URL_START = /(?<![\w.@/-])(?:https?:\/\/|www\.)[^\s<>"]+/gi;

/**
 * An item's links: its anchors, then the URLs typed in its text that are not an anchor's own text.
 * Returns `anchors` itself when there is nothing to add (one array less per item, at 100,000 items).
 */
export function linksOf(text: string, anchors: Link[]): Link[] {
  // Most items type no address: no search for one then.
  if (anchors.length <= 1 && !text.includes('://') && !/www\./i.test(text)) return anchors;
  const found = bareUrls(text);
  const bare = found.length === 0 ? found : found.filter(notInAnchorText(anchors, found.length));
  if (bare.length === 0 && anchors.length <= 1) return anchors;
  return mergeLinks(anchors, bare);
}

/**
 * Characters of anchor text searched for bare URLs, at most (anchor text × bare URLs). Past it (an item of
 * thousands of linked URLs) only an anchor whose text is the URL, or one of its words, hides it: searching
 * every anchor for every URL grows with the square of the item.
 */
const MAX_SEARCHED = 2_000_000;

/** Whether a bare URL is not already an anchor's text (or inside one). */
function notInAnchorText(anchors: readonly Link[], bareCount: number): (url: Link) => boolean {
  if (anchors.length === 0) return () => true;
  let anchorText = 0;
  for (const anchor of anchors) anchorText += anchor.text.length;
  if (anchorText * bareCount <= MAX_SEARCHED) return (url) => !anchors.some((a) => a.text.includes(url.text));
  const words = new Set<string>();
  for (const anchor of anchors) {
    words.add(anchor.text);
    for (const word of anchor.text.split(' ')) {
      words.add(word);
      words.add(trimTrailing(word, `.,;:!?)]'"`, false));
    }
  }
  return (url) => !words.has(url.text);
}

/** Anchors first, then bare URLs, each href once. */
export function mergeLinks(anchors: readonly Link[], bare: readonly Link[]): Link[] {
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const list of [anchors, bare]) {
    for (const link of list) {
      if (seen.has(link.href)) continue;
      seen.add(link.href);
      out.push(link);
    }
  }
  return out;
}

/** True for YouTube (and youtu.be) addresses: the usual home of a meeting recording. */
export function isVideoLink(href: string): boolean {
  return /^https?:\/\/(?:[\w-]+\.)?(?:youtube\.com|youtu\.be)\//i.test(href);
}
