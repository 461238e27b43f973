// Whether a re-read of the page changed its agenda. Compared value by value, stopping at the first
// difference: a 5,000-meeting agenda is 20 MB as JSON, and keeping that string to compare against (as the
// watchers once did) cost the page both the time to write it on every edit and the memory to hold it.
import type { AgendaSnapshot } from './protocol';

export function sameSnapshot(a: AgendaSnapshot, b: AgendaSnapshot): boolean {
  return sameJson(a, b);
}

/**
 * Equality of JSON-shaped values as JSON would see it: the same primitives, arrays of equal items, objects
 * with equal values under the same keys (a key whose value is undefined counts as absent).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key in left) {
    const value = left[key];
    if (value === undefined) continue;
    defined++;
    if (!sameJson(value, right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) defined--;
  return defined === 0;
}
