// Which letters start an item's words, as two 32-bit masks: one bit for each first letter, one for each
// first two letters (hashed). A query word whose bits are missing cannot start a word of the item, so
// most items are passed over without searching their text. While typing, the short words (one or two
// letters) are the costly ones: they occur inside many words, and `indexOf` stops at each.
// A bit that is set proves nothing (two letters share a bit): the text is then searched as before.

/** The bit of a word's first character (a haystack's or a query word's, both lower case). */
export function firstBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << (26 + ((code - 48) % 5));
  return 1 << 31;
}

/** The bit of a word's first two characters. */
export function pairBit(first: number, second: number): number {
  return 1 << (Math.imul(first * 131 + second, 0x9e3779b1) >>> 27);
}

/** Whether a haystack character is a letter or digit (as in `hasWordStartingWith`). */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code >= 128;
}

/** Adds the bits of every word start of `haystack` to `masks` ([first letters, first pairs]). */
export function addWordStarts(haystack: string, masks: [number, number]): void {
  let previous = 0; // a separator: the first character starts a word
  for (let i = 0; i < haystack.length; i++) {
    const code = haystack.charCodeAt(i);
    if (!isWordChar(previous) && isWordChar(code)) {
      masks[0] |= firstBit(code);
      if (i + 1 < haystack.length) masks[1] |= pairBit(code, haystack.charCodeAt(i + 1));
    }
    previous = code;
  }
}

/** The bits a query word needs: [first letter, first pair (0 for a one-letter word)]. */
export function wordBits(word: string): [number, number] {
  const first = word.charCodeAt(0);
  return [firstBit(first), word.length > 1 ? pairBit(first, word.charCodeAt(1)) : 0];
}
