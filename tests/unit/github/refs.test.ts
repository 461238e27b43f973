import { describe, expect, it } from 'vitest';
import { canonicalRef, formatRef, parseRef } from '../../../lib/github/refs';

describe('parseRef', () => {
  it.each([
    ['kubernetes/kubernetes#69848', { owner: 'kubernetes', repo: 'kubernetes', number: 69848 }],
    ['kubernetes/community#2497', { owner: 'kubernetes', repo: 'community', number: 2497 }],
    ['Kubernetes/Enhancements#0042', { owner: 'Kubernetes', repo: 'Enhancements', number: 42 }],
    ['a/b.c_d-e#1', { owner: 'a', repo: 'b.c_d-e', number: 1 }],
    [' kubernetes/website#7 ', { owner: 'kubernetes', repo: 'website', number: 7 }],
  ])('reads %s', (ref, parts) => {
    expect(parseRef(ref)).toEqual(parts);
  });

  it.each([
    'kubernetes#1',
    'kubernetes/kubernetes',
    'kubernetes/kubernetes#',
    'kubernetes/kubernetes#0',
    'kubernetes/kubernetes#-1',
    'kubernetes/kubernetes#1234567890',
    '-k/kubernetes#1',
    'k/../issues#1',
    'k/..#1',
    'k/.#1',
    'o"wner/repo#1',
    'owner/re"po#1',
    'owner/repo\n#1',
    'own er/repo#1',
    'a/b/c#1',
    `${'a'.repeat(40)}/repo#1`,
    `owner/${'r'.repeat(101)}#1`,
  ])('refuses %j', (ref) => {
    expect(parseRef(ref)).toBeNull();
  });
});

describe('formatRef and canonicalRef', () => {
  it('spells every reference one way: lower case, no leading zeros', () => {
    expect(formatRef({ owner: 'Kubernetes', repo: 'KEPs', number: 7 })).toBe('kubernetes/keps#7');
    expect(canonicalRef('Kubernetes/Kubernetes#007')).toBe('kubernetes/kubernetes#7');
    expect(canonicalRef('not a ref')).toBeNull();
  });
});
