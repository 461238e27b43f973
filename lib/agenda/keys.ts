// Content-derived keys: notes and follows hang on them, so they must survive edits made elsewhere
// in the document. A key never contains a position.

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
  // Lower-case as it goes for ASCII; only text with other letters pays for a lower-cased copy.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "any non-ASCII character", not a control character.
  const lower = /[^\x00-\x7f]/.test(text) ? text.toLowerCase() : text;
  let hash = FNV_OFFSET;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isSpace(code)) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      hash = Math.imul(hash ^ 32, FNV_PRIME);
      pendingSpace = false;
    }
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), FNV_PRIME);
    started = true;
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The characters `\s` matches. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
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

/** `<meetingKey>/<sectionKind>/<fingerprint>`, before any `~n` suffix. */
export function itemKeyBase(meetingKey: string, sectionKind: string, text: string): string {
  return `${meetingKey}/${sectionKind}/${fingerprint(text)}`;
}
