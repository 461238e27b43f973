// How Google Docs HTML encodes what we need: styles live in `<style>` classes (read once, never
// per node through getComputedStyle), list depth is the `-N` of `lst-kix_<id>-N`, and links go
// through `https://www.google.com/url?q=…`.
import { findAll } from './dom';
import { isSpace } from './text';

export interface ClassStyle {
  struck: boolean;
  /** true for bold, false for an explicit normal weight, undefined when the class says nothing. */
  bold?: boolean;
  /** margin-left in points, if set. */
  marginPt?: number;
}

export type StyleMap = ReadonlyMap<string, ClassStyle>;

/**
 * Simple class rules only (`.c7{…}`). List rules (`ul.lst-kix_…{…}`, `.lst-kix_…>li:before{…}`) never carry text
 * styles and are passed over unread: a long Doc's export has tens of thousands of them (45,000 at 5,000 meetings).
 */
const CLASS_RULE = /\.(?!lst-kix_)([A-Za-z_][\w-]*)\s*\{([^{}]*)\}/g;

/** Reads `.cN{…}` rules from stylesheet text into class name → what matters to us. */
export function readStyleSheet(css: string): Map<string, ClassStyle> {
  const map = new Map<string, ClassStyle>();
  for (const m of css.matchAll(CLASS_RULE)) {
    const name = m[1];
    const body = m[2];
    if (name === undefined || body === undefined) continue;
    const style = readDeclarations(body);
    if (style) map.set(name, style);
  }
  return map;
}

/**
 * The parts of a declaration block (a class rule or a `style` attribute) that we use, or null if none. Read
 * declaration by declaration: a rule like `text-decoration:[^;]*line-through` searched across the whole body
 * rescans it from every `text-decoration:` of a page's hostile `style` attribute.
 */
export function readDeclarations(body: string): ClassStyle | null {
  let struck = false;
  let weight: RegExpExecArray | null = null;
  let margin: RegExpExecArray | null = null;
  for (const declaration of body.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1);
    if (property.endsWith('text-decoration') || property.endsWith('text-decoration-line')) {
      struck ||= /line-through/i.test(value);
    } else if (property.endsWith('font-weight')) {
      weight ??= /^\s*(bold(?:er)?|normal|lighter|\d{3})/i.exec(value);
    } else if (property.endsWith('margin-left')) {
      margin ??= /^\s*(-?[\d.]+)\s*(pt|px)/i.exec(value);
    }
  }
  if (!struck && !weight && !margin) return null;
  const style: ClassStyle = { struck };
  if (weight?.[1]) style.bold = isBoldWeight(weight[1]);
  if (margin?.[1]) style.marginPt = margin[2] === 'px' ? Number(margin[1]) * 0.75 : Number(margin[1]);
  return style;
}

function isBoldWeight(value: string): boolean {
  const v = value.toLowerCase();
  if (v === 'bold' || v === 'bolder') return true;
  if (v === 'normal' || v === 'lighter') return false;
  return Number(v) >= 600;
}

/** All `<style>` text of the document, read once. */
export function readDocumentStyles(doc: Document): Map<string, ClassStyle> {
  let css = '';
  for (const style of findAll(doc, 'style')) css += `${style.textContent ?? ''}\n`;
  return readStyleSheet(css);
}

/** The level in `lst-kix_<id>-N` among an element's classes, or null. */
export function kixLevel(className: string): number | null {
  // What /(?:^|\s)lst-kix_\w+-(\d+)(?:\s|$)/ finds, by hand: a whole class "lst-kix_<word>-<digits>", the first one.
  for (let at = className.indexOf(KIX); at >= 0; at = className.indexOf(KIX, at + 1)) {
    if (at > 0 && !isSpace(className.charCodeAt(at - 1))) continue;
    let i = at + KIX.length;
    const word = i;
    while (i < className.length && isWordCode(className.charCodeAt(i))) i++;
    if (i === word || className.charCodeAt(i) !== 45 /* - */) continue;
    const digits = ++i;
    while (i < className.length && isDigitCode(className.charCodeAt(i))) i++;
    if (i === digits || (i < className.length && !isSpace(className.charCodeAt(i)))) continue;
    return Number(className.slice(digits, i));
  }
  return null;
}

const KIX = 'lst-kix_';

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `\w`: ASCII letters, digits and the underscore. */
function isWordCode(code: number): boolean {
  return isDigitCode(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Docs indents each list level by 36pt, starting at 36pt for the first. */
export function levelFromMargin(marginPt: number): number {
  return Math.max(0, Math.round(marginPt / 36) - 1);
}

/** Google's redirect: `https://www.google.com/url?…`. */
export const GOOGLE_REDIRECT = /^https?:\/\/(?:www\.)?google\.[a-z.]+\/url\?/i;

/**
 * `https://www.google.com/url?q=<target>&sa=D…` → `<target>`; anything else unchanged. Read by hand,
 * as a query decoder would (`+` is a space), because a Docs page has thousands of these and the URL
 * parser is slow in a page.
 */
export function unwrapGoogleRedirect(href: string): string {
  return GOOGLE_REDIRECT.test(href) ? redirectTarget(href) : href;
}

/** The target of an href known to be Google's redirect; the href itself when it names none. */
export function redirectTarget(href: string): string {
  // The value's end is found by hand: `[?&]q=([^&#]*)` rescans to the end from every "?q=" of a hostile href.
  const name = /[?&](?:q|url)=/.exec(href);
  if (!name) return href;
  const from = name.index + name[0].length;
  let to = from;
  while (to < href.length) {
    const c = href.charCodeAt(to);
    if (c === 38 /* & */ || c === 35 /* # */) break;
    to++;
  }
  if (to === from) return href;
  const value = href.slice(from, to);
  // Most targets are written plainly: no `+` to turn into a space, no escape to decode.
  const spaced = value.includes('+') ? value.replace(/\+/g, ' ') : value;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return href;
  }
}

/** A Google Docs document id from any of its addresses (edit, pub, mobilebasic, export). */
export function docsDocumentId(url: string): string | null {
  const m = /^https?:\/\/docs\.google\.com\/document\/(?:u\/\d+\/)?d\/(?:e\/)?([\w-]{10,})/.exec(url);
  return m?.[1] ?? null;
}
