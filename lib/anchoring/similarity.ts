// How alike two pieces of agenda text are, independent of how the page rendered them.
// Renderings differ in case, punctuation, markdown marks and whether a URL is shown as text,
// so all of that is normalised away before comparing.

/** Bare URLs: one rendering shows the address, another only the link's text. */
const URL_TEXT = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Anything that is not a letter or a digit separates words. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, no URLs, no punctuation, single spaces: the words an item says, in order. */
export function normaliseForAnchor(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(URL_TEXT, ' ').replace(NOT_WORD, ' ').trim();
}

/** A text prepared once for many comparisons. */
export interface TextProfile {
  /** The normalised text. */
  readonly normal: string;
  readonly tokens: ReadonlySet<string>;
  /** Character trigrams of the normalised text, padded with spaces so word edges count; packed as numbers. */
  readonly trigrams: ReadonlySet<number>;
}

/** Profile of text that is already normalised (see `normaliseForAnchor`). */
export function profileOfNormal(normal: string): TextProfile {
  const tokens = new Set(normal.length > 0 ? normal.split(' ') : []);
  const trigrams = new Set<number>();
  const padded = ` ${normal} `;
  // Three UTF-16 units in one number (48 bits): hashing numbers is much cheaper than slicing strings.
  if (normal.length > 0) {
    for (let i = 0; i + 3 <= padded.length; i++) {
      trigrams.add(padded.charCodeAt(i) * 0x100000000 + padded.charCodeAt(i + 1) * 0x10000 + padded.charCodeAt(i + 2));
    }
  }
  return { normal, tokens, trigrams };
}

export function profileOf(text: string): TextProfile {
  return profileOfNormal(normaliseForAnchor(text));
}

/** Sørensen–Dice coefficient of two sets: 1 when equal, 0 when disjoint; two empty sets are equal. */
export function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * 0…1. Half word overlap (robust to reordering and to words added or dropped), half trigram
 * overlap (robust to typos and small changes inside words).
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.normal === b.normal) return 1;
  if (a.normal.length === 0 || b.normal.length === 0) return 0;
  return 0.5 * dice(a.tokens, b.tokens) + 0.5 * dice(a.trigrams, b.trigrams);
}

export function textSimilarity(a: string, b: string): number {
  return profileSimilarity(profileOf(a), profileOf(b));
}
