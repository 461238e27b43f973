// Rules the parser checks by hand for speed, against the plain regex or code they stand for: the same answer for
// every string made of the characters that matter to them (blanks of every kind, line breaks, surrogates, letters
// whose lower case is longer), plus fixed cases.
import { describe, expect, it } from 'vitest';
import { kixLevel, unwrapGoogleRedirect } from '../../../lib/agenda/gdocs';
import { fingerprint, ItemKeys, itemKeyBase, KeyAllocator } from '../../../lib/agenda/keys';
import { refsOf } from '../../../lib/agenda/refs';
import { sectionKind } from '../../../lib/agenda/sections';
import { hasVisible, normaliseText, oneLine } from '../../../lib/agenda/text';

const PIECES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\u3000',
  '\ufeff',
  'a',
  'B',
  'İ',
  'ß',
  '🎉',
  '\ud800',
  '\udc00',
  '-',
  '*',
  '+',
  '#',
  '7',
  ':',
  '.',
  '_',
  'lst-kix_',
  'ab12',
  '-3',
  'q=',
  '&',
  '%41',
  '%',
  'Agenda',
];

/** Strings of up to eight pieces, the same ones every run (a fixed linear congruential sequence). */
function samples(count: number): string[] {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const out = ['', ...PIECES];
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = next(9);
    for (let j = 0; j < length; j++) text += PIECES[next(PIECES.length)];
    out.push(text);
  }
  return out;
}

const TEXTS = samples(4000);

// The rules as they were written before they were checked by hand.

const BLANKS = /[ \t\f\r\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const NEEDS_WORK = /[\t\n\f\r\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

function normaliseTextByRegex(raw: string): string {
  if (raw.length === 0) return '';
  if (!NEEDS_WORK.test(raw)) return raw;
  if (!raw.includes('\n')) return raw.replace(BLANKS, ' ').trim();
  return raw
    .replace(BLANKS, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function oneLineByRegex(text: string): string {
  if (!/\s\s|[^\S ]|^ | $/.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

function kixLevelByRegex(className: string): number | null {
  const m = /(?:^|\s)lst-kix_[\w]+-(\d+)(?:\s|$)/.exec(className);
  return m?.[1] ? Number(m[1]) : null;
}

function fingerprintByRegex(text: string): string {
  const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function unwrapByRegex(href: string): string {
  if (!/^https?:\/\/(?:www\.)?google\.[a-z.]+\/url\?/i.test(href)) return href;
  const m = /[?&](?:q|url)=([^&#]*)/.exec(href);
  if (!m?.[1]) return href;
  try {
    return decodeURIComponent(m[1].replace(/\+/g, ' '));
  } catch {
    return href;
  }
}

describe('rules checked by hand', () => {
  it('normaliseText collapses blanks and trims lines as the regexes do', () => {
    for (const text of TEXTS) expect(normaliseText(text), JSON.stringify(text)).toBe(normaliseTextByRegex(text));
    expect(normaliseText(' \u00a0Announcements\n')).toBe('Announcements');
    expect(normaliseText('a \u200b b')).toBe('a b');
  });

  it('oneLine and hasVisible answer as their regexes', () => {
    for (const text of TEXTS) {
      expect(oneLine(text), JSON.stringify(text)).toBe(oneLineByRegex(text));
      expect(hasVisible(text), JSON.stringify(text)).toBe(/\S/.test(text));
    }
  });

  it('kixLevel finds the first whole lst-kix class, as its regex does', () => {
    for (const text of TEXTS) expect(kixLevel(text), JSON.stringify(text)).toBe(kixLevelByRegex(text));
    expect(kixLevel('c2 lst-kix_v2khxt1gzq19-3 start')).toBe(3);
    expect(kixLevel('lst-kix_a-b-1 lst-kix_c-12')).toBe(12);
    expect(kixLevel('xlst-kix_a-1')).toBeNull();
  });

  it('fingerprint hashes the lower-cased, single-spaced text', () => {
    for (const text of TEXTS) expect(fingerprint(text), JSON.stringify(text)).toBe(fingerprintByRegex(text));
    // "İ" lower-cases to two characters: the hash must see both.
    expect(fingerprint('İ a')).toBe(fingerprintByRegex('İ a'));
    expect(fingerprint('İ a')).not.toBe(fingerprint('i a'));
  });

  it('unwraps Google redirects as the regex reading did', () => {
    const prefixes = ['https://www.google.com/url?', 'http://google.co.uk/url?sa=D&', 'https://example.com/url?'];
    for (const prefix of prefixes) {
      for (const text of TEXTS) {
        const href = `${prefix}${text}`;
        expect(unwrapGoogleRedirect(href), JSON.stringify(href)).toBe(unwrapByRegex(href));
      }
    }
    expect(unwrapGoogleRedirect('https://www.google.com/url?q=https://a.io/x%23y+z&sa=D')).toBe('https://a.io/x#y z');
  });

  it('ItemKeys gives the keys a KeyAllocator gives for the same bases, past its in-place search too', () => {
    const keys = new ItemKeys('2018-12-12');
    const allocator = new KeyAllocator('~');
    const kinds = ['pulls', 'demos', 'other'];
    for (let i = 0; i < 200; i++) {
      const kind = kinds[i % 3] as string;
      const text = `item ${(i * 7) % 45}`;
      expect(keys.next(kind, text)).toBe(allocator.next(itemKeyBase('2018-12-12', kind, text)));
    }
  });

  it('sectionKind answers a remembered title as it answered it first', () => {
    const titles = ['🎉 New contributors 🎉', 'Pulls of note', '\ud83c Demos', 'Demos \ud83c', 'Some topic we discuss'];
    const first = titles.map(sectionKind);
    expect(first).toEqual(['other', 'pulls', 'demos', 'demos', null]);
    expect(titles.map(sectionKind)).toEqual(first);
  });

  it('refsOf keeps each reference once, in order, links first, however many there are', () => {
    const links = Array.from({ length: 40 }, (_, i) => ({
      href: `https://github.com/o/r/pull/${i % 25}`,
      text: `#${i}`,
    }));
    const text = Array.from({ length: 30 }, (_, i) => `O/R#${(i * 3) % 35}`).join(' ');
    const refs = refsOf(text, links);
    const expected = [
      ...new Set([...links.map((_, i) => `o/r#${i % 25}`), ...[...Array(30).keys()].map((i) => `o/r#${(i * 3) % 35}`)]),
    ];
    expect(refs).toEqual(expected);
    expect(refsOf('see o/r#1 and o/r#1', [])).toEqual(['o/r#1']);
    expect(refsOf('no reference', [{ href: 'https://example.com/', text: 'x' }])).toEqual([]);
  });
});
