import { describe, expect, it } from 'vitest';
import { dice, normaliseForAnchor, textSimilarity } from '../../../lib/anchoring/similarity';
import { normaliseHref } from '../../../lib/anchoring/anchor';

describe('normaliseForAnchor', () => {
  it.each([
    ['[klizhentas] Discuss CSR API promotion out of beta', 'klizhentas discuss csr api promotion out of beta'],
    ['Discuss  CSR\nAPI — promotion!', 'discuss csr api promotion'],
    ['Outgoing webhook auth https://docs.google.com/document/d/1rtn/edit?usp=sharing', 'outgoing webhook auth'],
    ['**TokenRequest** (`v1`)', 'tokenrequest v1'],
    ['Ｆｕｌｌ width', 'full width'],
    ['', ''],
    ['...', ''],
  ])('%j → %j', (raw, normal) => {
    expect(normaliseForAnchor(raw)).toBe(normal);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words however they are rendered', () => {
    expect(textSimilarity('Outgoing webhook auth https://example.test/doc', 'outgoing Webhook auth')).toBe(1);
  });

  it('stays high for a small edit', () => {
    const before = 'moving service account token secret mounts to projected volumes';
    expect(textSimilarity(before, 'moving service account token secret mounts to projected volume')).toBeGreaterThan(
      0.85,
    );
    expect(
      textSimilarity(before, 'Moving service-account token secret mounts into projected volumes (draft)'),
    ).toBeGreaterThan(0.6);
  });

  it('is low for different topics', () => {
    expect(
      textSimilarity('Discuss CSR API promotion out of beta', 'sig-auth ownership of kube-rbac-proxy'),
    ).toBeLessThan(0.25);
  });

  it('is 0 against empty text', () => {
    expect(textSimilarity('something', '')).toBe(0);
  });

  it('dice of sets', () => {
    expect(dice(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(dice(new Set(), new Set())).toBe(1);
    expect(dice(new Set(['a']), new Set())).toBe(0);
  });
});

describe('normaliseHref', () => {
  it.each([
    [
      'https://github.com/kubernetes/community/pull/911#issuecomment-434757411',
      'github.com/kubernetes/community/pull/911',
    ],
    ['http://www.github.com/kubernetes/community/pull/911/', 'github.com/kubernetes/community/pull/911'],
    [
      'https://www.google.com/url?q=https://github.com/kubernetes/community/pull/911&sa=D&ust=1&usg=x',
      'github.com/kubernetes/community/pull/911',
    ],
    ['https://docs.google.com/document/d/1rtn/edit?usp=sharing', 'docs.google.com/document/d/1rtn/edit'],
    ['https://www.youtube.com/watch?v=xfj8wG4aG_0', 'youtube.com/watch?v=xfj8wG4aG_0'],
    ['not a url', 'not a url'],
  ])('%s', (href, normal) => {
    expect(normaliseHref(href)).toBe(normal);
  });
});
