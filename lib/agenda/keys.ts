// Content-derived keys: notes and follows hang on them, so they must survive edits made elsewhere
// in the document. A key never contains a position.
import { isSpace } from './text';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Case, spacing and line breaks do not change what an item says. */
export function normaliseForKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * FNV-1a (32-bit) of `normaliseForKey(text)`, as 8 hex digits. Normalises while it hashes: it runs
 * once per item, and a regex pass and a copy per item add up at 100,000 items.
 */
export function fingerprint(text: string): string {
  return hex8(fingerprintHash(text));
}

/** The 32-bit FNV-1a hash behind `fingerprint`, as an unsigned number. */
export function fingerprintHash(text: string): number {
  // Lower-case as it goes for ASCII; only text with other letters pays for a lower-cased copy, from its first one.
  const hash = hashOf(text, true);
  return hash >= 0 ? hash : hashOf(text.toLowerCase(), false);
}

/**
 * Hashes `text`, normalising as it goes; with `asciiOnly`, gives up (-1) at the first non-ASCII character
 * other than a blank, whose lower case only `toLowerCase` of the whole text knows.
 */
function hashOf(text: string, asciiOnly: boolean): number {
  let hash = FNV_OFFSET;
  let pendingSpace = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code < 0x80) {
      if (pendingSpace) {
        hash = Math.imul(hash ^ 32, FNV_PRIME);
        pendingSpace = false;
      }
      hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
      seen = true;
      continue;
    }
    if (isSpace(code)) {
      pendingSpace = seen;
      continue;
    }
    if (asciiOnly && code >= 0x80) return -1;
    if (pendingSpace) {
      hash = Math.imul(hash ^ 32, FNV_PRIME);
      pendingSpace = false;
    }
    hash = Math.imul(hash ^ code, FNV_PRIME);
    seen = true;
  }
  return hash >>> 0;
}

/** A 32-bit unsigned number as 8 lower-case hex digits (one string made, not one per digit). */
function hex8(value: number): string {
  return String.fromCharCode(
    hexDigit(value >>> 28),
    hexDigit((value >>> 24) & 15),
    hexDigit((value >>> 20) & 15),
    hexDigit((value >>> 16) & 15),
    hexDigit((value >>> 12) & 15),
    hexDigit((value >>> 8) & 15),
    hexDigit((value >>> 4) & 15),
    hexDigit(value & 15),
  );
}

/** The character code of a hex digit 0–15, lower case. */
function hexDigit(nibble: number): number {
  return nibble < 10 ? 48 + nibble : 87 + nibble;
}

/** Hands out keys, adding a suffix (`#2`, `~2`, …) when a base key repeats. */
export class KeyAllocator {
  private readonly counts = new Map<string, number>();
  constructor(private readonly separator: '#' | '~') {}

  next(base: string): string {
    const seen = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, seen);
    return seen === 1 ? base : `${base}${this.separator}${seen}`;
  }
}

/**
 * Item keys of one meeting: `itemKeyBase` with `~2`, `~3` … when a base repeats, as a `KeyAllocator('~')` gives
 * them, counted by section kind and hash rather than by the whole key string.
 */
export class ItemKeys {
  // A meeting has a few dozen items: kinds, hashes and counts side by side, searched in place; hashed past that.
  private readonly kinds: string[] = [];
  private readonly hashes: number[] = [];
  private readonly counts: number[] = [];
  private byKey: Map<string, number> | null = null;
  constructor(private readonly meetingKey: string) {}

  next(sectionKind: string, text: string): string {
    const hash = fingerprintHash(text);
    const hex = hex8(hash);
    const seen = this.count(sectionKind, hash, hex);
    const base = `${this.meetingKey}/${sectionKind}/${hex}`;
    return seen === 1 ? base : `${base}~${seen}`;
  }

  /** How many times (this one included) the base of `sectionKind` and `hash` has been given out. */
  private count(sectionKind: string, hash: number, hex: string): number {
    if (this.byKey) {
      const key = `${sectionKind}/${hex}`;
      const seen = (this.byKey.get(key) ?? 0) + 1;
      this.byKey.set(key, seen);
      return seen;
    }
    const { kinds, hashes, counts } = this;
    for (let i = 0; i < hashes.length; i++) {
      if (hashes[i] === hash && kinds[i] === sectionKind) {
        const seen = (counts[i] as number) + 1;
        counts[i] = seen;
        return seen;
      }
    }
    kinds.push(sectionKind);
    hashes.push(hash);
    counts.push(1);
    if (hashes.length > ITEM_KEYS_IN_PLACE) {
      this.byKey = new Map(kinds.map((kind, i) => [`${kind}/${hex8(hashes[i] as number)}`, counts[i] as number]));
    }
    return 1;
  }
}

/** Distinct item bases a meeting searches in place before it hashes them. */
const ITEM_KEYS_IN_PLACE = 32;

/** `<meetingKey>/<sectionKind>/<fingerprint>`, before any `~n` suffix. */
export function itemKeyBase(meetingKey: string, sectionKind: string, text: string): string {
  return `${meetingKey}/${sectionKind}/${fingerprint(text)}`;
}
