// The word-start masks only ever rule out items that cannot match: every word a text has must have its
// bits in the text's masks, and a word it lacks is usually ruled out.
import { describe, expect, it } from 'vitest';
import { addWordStarts, firstBit, wordBits } from '../../../lib/panel/word-starts';
import { haystackOf, hasWordStartingWith } from '../../../lib/panel/search';

function masksOf(...texts: string[]): [number, number] {
  const masks: [number, number] = [0, 0];
  for (const text of texts) addWordStarts(haystackOf(text), masks);
  return masks;
}

function mayHave(masks: [number, number], word: string): boolean {
  const [first, pair] = wordBits(word);
  return (masks[0] & first) !== 0 && (masks[1] & pair) === pair;
}

describe('word-start masks', () => {
  it('sets one bit for each first letter of a word, none for letters inside words', () => {
    const [first] = masksOf('Token request');
    expect(first).toBe(firstBit('t'.charCodeAt(0)) | firstBit('r'.charCodeAt(0)));
    expect(mayHave(masksOf('Token request'), 'o')).toBe(false);
    expect(mayHave(masksOf('Token request'), 'req')).toBe(true);
  });

  it('counts separators as word breaks and the extras (refs, people) as words too', () => {
    expect(mayHave(masksOf('kubernetes/community#911'), 'c')).toBe(true);
    expect(mayHave(masksOf('kubernetes/community#911'), '911')).toBe(true);
    expect(mayHave(masksOf('[@Liggitt]'), 'li')).toBe(true);
    expect(mayHave(masksOf('Bound tokens', ' liggitt kubernetes/kubernetes#70000'), '70000')).toBe(true);
  });

  it('rules out a word whose first letter starts no word', () => {
    expect(mayHave(masksOf('Token request'), 'x')).toBe(false);
    expect(mayHave(masksOf('Token request'), 'quota')).toBe(false);
  });

  it('never rules out a word the text has', () => {
    const texts = [
      'TokenRequest API graduates to beta',
      'Café meeting with Jürgen',
      'follow-up on token expiry',
      'Node authorizer — review',
      'v1.13: 3 PRs (#70000, #70001) merged',
      'ŁódŹ and 東京 in one line',
      '  leading spaces and trailing ',
    ];
    for (const text of texts) {
      const haystack = haystackOf(text);
      const masks = masksOf(text);
      const words = haystack.split(/[^a-z0-9\u0080-\uffff]+/).filter(Boolean);
      for (const word of words) {
        for (let end = 1; end <= word.length; end++) {
          const prefix = word.slice(0, end);
          expect(hasWordStartingWith(haystack, prefix), `${prefix} in ${text}`).toBe(true);
          expect(mayHave(masks, prefix), `${prefix} in ${text}`).toBe(true);
        }
      }
    }
  });
});
