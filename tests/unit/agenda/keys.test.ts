// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fingerprint, itemKeyBase, KeyAllocator, normaliseForKey } from '../../../lib/agenda/keys';
import { allItems, parseGithub } from './helpers';

describe('fingerprint', () => {
  it('is FNV-1a of the normalised text', () => {
    // Reference values of 32-bit FNV-1a.
    expect(fingerprint('')).toBe('811c9dc5');
    expect(fingerprint('a')).toBe('e40c292c');
    expect(fingerprint('foobar')).toBe('bf9cf968');
  });
  it('ignores case, spacing and line breaks', () => {
    expect(normaliseForKey('  Sig  lead\nChange ')).toBe('sig lead change');
    expect(fingerprint('Sig lead change')).toBe(fingerprint('sig   LEAD\nchange'));
    expect(fingerprint('sig lead change')).not.toBe(fingerprint('sig lead changes'));
  });
});

describe('KeyAllocator', () => {
  it('suffixes repeats', () => {
    const meetings = new KeyAllocator('#');
    expect(['2018-01-10', '2018-01-10', '2018-01-24', '2018-01-10'].map((k) => meetings.next(k))).toEqual([
      '2018-01-10',
      '2018-01-10#2',
      '2018-01-24',
      '2018-01-10#3',
    ]);
    const items = new KeyAllocator('~');
    const base = itemKeyBase('2018-01-10', 'discussion', 'Feedback welcome');
    expect(base).toBe(`2018-01-10/discussion/${fingerprint('Feedback welcome')}`);
    expect([items.next(base), items.next(base)]).toEqual([base, `${base}~2`]);
  });
});

describe('keys in a parsed agenda', () => {
  const md = [
    '## January 24, 2018',
    '*   Discussion',
    '    *   TokenRequest',
    '        *   Feedback welcome',
    '    *   KMS',
    '        *   Feedback welcome',
    '## January 24, 2018',
    '*   Discussion',
    '    *   Second meeting that day',
  ].join('\n');

  it('derives keys from content, not positions, and survives edits above', () => {
    const before = parseGithub(md).agenda;
    const after = parseGithub(
      md.replace(
        '*   Discussion\n    *   TokenRequest',
        '*   Discussion\n    *   A new first topic\n    *   TokenRequest',
      ),
    ).agenda;
    const keysBefore = allItems(before.meetings[0]!).map((i) => i.key);
    const keysAfter = allItems(after.meetings[0]!).map((i) => i.key);
    for (const key of keysBefore) expect(keysAfter).toContain(key);
    expect(keysBefore[1]).toBe(`2018-01-24/discussion/${fingerprint('Feedback welcome')}`);
    expect(keysBefore[3]).toBe(`2018-01-24/discussion/${fingerprint('Feedback welcome')}~2`);
  });

  it('numbers a repeated date', () => {
    expect(parseGithub(md).agenda.meetings.map((m) => m.key)).toEqual(['2018-01-24', '2018-01-24#2']);
    const second = parseGithub(md).agenda.meetings[1]!;
    expect(allItems(second)[0]?.key).toMatch(/^2018-01-24#2\/discussion\/[0-9a-f]{8}$/);
  });
});
