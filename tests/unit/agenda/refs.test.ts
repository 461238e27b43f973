// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { refFromUrl, refsInText, refsOf } from '../../../lib/agenda/refs';

describe('refFromUrl', () => {
  const cases: [string, string | null][] = [
    ['https://github.com/kubernetes/kubernetes/pull/71174', 'kubernetes/kubernetes#71174'],
    ['https://github.com/kubernetes/kubernetes/issues/69836', 'kubernetes/kubernetes#69836'],
    ['https://github.com/kubernetes/community/pull/911#issuecomment-434757411', 'kubernetes/community#911'],
    ['https://github.com/cncf/toc/pull/146/files', 'cncf/toc#146'],
    [
      'https://github.com/kubernetes/community/pull/1950/files#diff-4e2582430273ddd4c245083aff3b23e1R119',
      'kubernetes/community#1950',
    ],
    [
      'https://github.com/kubernetes/community/pull/2908/commits/4ad6fa7c27f4a21c27a6be83c2dc81c43549fa55',
      'kubernetes/community#2908',
    ],
    ['https://github.com/kubernetes/kubernetes/pull/63819/', 'kubernetes/kubernetes#63819'],
    ['https://github.com/kubernetes/features/issues/43#issuecomment-340082591', 'kubernetes/features#43'],
    ['https://github.com/kubernetes/enhancements/issues/1103', 'kubernetes/enhancements#1103'],
    ['https://github.com/kubernetes/enhancements/pull/1400', 'kubernetes/enhancements#1400'],
    ['https://github.com/orgs/community/discussions/42', 'orgs/community#42'],
    ['https://github.com/kubernetes/community/discussions/5001?sort=top', 'kubernetes/community#5001'],
    [
      'https://github.com/GoogleCloudPlatform/K8s-Cloudkms-Plugin/issues/7',
      'googlecloudplatform/k8s-cloudkms-plugin#7',
    ],
    ['http://www.github.com/kubernetes/kubernetes/pull/5', 'kubernetes/kubernetes#5'],
    // Not issues or pulls.
    ['https://github.com/kubernetes/kubernetes/issues?q=is%3Aopen+label%3Asig%2Fauth', null],
    ['https://github.com/kubernetes/kubernetes/pulls?q=is%3Aopen', null],
    ['https://github.com/kubernetes/kubernetes/projects/13', null],
    ['https://github.com/brancz/kube-rbac-proxy', null],
    ['https://github.com/kubernetes/community/blob/master/sig-auth/charter.md', null],
    ['https://gitlab.com/kubernetes/kubernetes/issues/1', null],
    ['https://github.com/kubernetes/kubernetes/pull/12abc', null],
  ];
  it.each(cases)('%s', (href, ref) => expect(refFromUrl(href)).toBe(ref));
});

describe('refsInText', () => {
  const cases: [string, string[]][] = [
    ['Container-level service account: kubernetes/community#2497', ['kubernetes/community#2497']],
    [
      'TokenRequest API kubernetes/kubernetes#58027 and kubernetes/features#43.',
      ['kubernetes/kubernetes#58027', 'kubernetes/features#43'],
    ],
    ['Subproject PR - #2525', []],
    ['community#1503', []],
    ['see https://github.com/kubernetes/kubernetes/pull/1#issuecomment-2', []],
    ['no refs here', []],
  ];
  it.each(cases)('%j', (text, refs) => expect(refsInText(text)).toEqual(refs));
});

describe('refsOf', () => {
  it('takes the repository of `#69848` from its link, dedupes, keeps order', () => {
    const links = [
      { href: 'https://github.com/kubernetes/kubernetes/pull/69848#issuecomment-434158411', text: '#69848' },
      { href: 'https://github.com/kubernetes/community/pull/2497', text: 'kubernetes/community#2497' },
      { href: 'https://github.com/kubernetes/kubernetes/pull/69848/files', text: 'files' },
    ];
    expect(refsOf('Discussion in #69848, kubernetes/community#2497, kubernetes/enhancements#1', links)).toEqual([
      'kubernetes/kubernetes#69848',
      'kubernetes/community#2497',
      'kubernetes/enhancements#1',
    ]);
  });
});
