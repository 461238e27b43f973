// @vitest-environment happy-dom
import { find } from 'linkifyjs';
import { describe, expect, it } from 'vitest';
import { docsDocumentId, unwrapGoogleRedirect } from '../../../lib/agenda/gdocs';
import { bareUrls, cleanHref, isVideoLink, linksOf, mergeLinks } from '../../../lib/agenda/links';
import { readFixture } from '../../support/fixtures';

describe('cleanHref', () => {
  const base = 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md';
  const cases: [string, string, string | null][] = [
    ['https://sched.co/Grd0', base, 'https://sched.co/Grd0'],
    ['  https://youtu.be/xfj8wG4aG_0 ', base, 'https://youtu.be/xfj8wG4aG_0'],
    ['http://bit.ly/kubernetes-summit', base, 'http://bit.ly/kubernetes-summit'],
    // Google Docs' redirect, with the target's own # and & percent-encoded.
    [
      'https://www.google.com/url?q=https://groups.google.com/forum/%23!topic/kubernetes-sig-auth/kqhoYhrzYLc&sa=D&source=editors&ust=1&usg=x',
      base,
      'https://groups.google.com/forum/#!topic/kubernetes-sig-auth/kqhoYhrzYLc',
    ],
    [
      'https://www.google.com/url?q=https://github.com/kubernetes/community/pull/1937&sa=D&ust=1528917891000000&usg=AFQjCNFqLzgSYw0OSFTS4sqgKk4oRHePeQ',
      base,
      'https://github.com/kubernetes/community/pull/1937',
    ],
    ['https://www.google.com/url?q=javascript:alert(1)&sa=D', base, null],
    ['../charter.md', base, 'https://github.com/kubernetes/community/blob/master/sig-auth/charter.md'],
    ['javascript:alert(1)', base, null],
    ['JaVaScRiPt:alert(1)', base, null],
    ['data:text/html,<script>alert(1)</script>', base, null],
    ['vbscript:msgbox(1)', base, null],
    ['mailto:kubernetes-sig-auth-leads@googlegroups.com', base, null],
    ['#h.t1pscltwx2kr', base, null],
    ['relative/page.html', 'file:///tmp/agenda.html', null],
    ['', base, null],
    ['http://[::1', base, null],
  ];
  it.each(cases)('%s', (href, pageUrl, cleaned) => expect(cleanHref(href, pageUrl)).toBe(cleaned));
});

describe('bareUrls', () => {
  it('finds typed URLs, without the punctuation after them', () => {
    expect(
      bareUrls('Issue: https://github.com/kubernetes/kubernetes/issues/53020, and (see https://sched.co/Grez).'),
    ).toEqual([
      {
        href: 'https://github.com/kubernetes/kubernetes/issues/53020',
        text: 'https://github.com/kubernetes/kubernetes/issues/53020',
      },
      { href: 'https://sched.co/Grez', text: 'https://sched.co/Grez' },
    ]);
  });
  it('takes www. addresses but not bare domains in prose', () => {
    expect(bareUrls('NodeRestriction limits self-labeling under kubernetes.io and k8s.io')).toEqual([]);
    expect(bareUrls('see www.openpolicyagent.org')).toEqual([
      { href: 'http://www.openpolicyagent.org/', text: 'www.openpolicyagent.org' },
    ]);
  });
  it('keeps only http(s)', () => {
    expect(bareUrls('javascript:alert(1) ftp://example.com/file mailto:a@b.c')).toEqual([]);
  });

  it('ends every URL of the seed and samples where linkify ends it (its fast path included)', () => {
    const files = [
      'agendas/sig-auth_archive_meeting-notes-2018.md',
      'agendas/sig-node_archive_meeting-notes-2019.md',
      'agendas/sig-storage_archive_meeting-notes-2017.md',
    ];
    let count = 0;
    for (const line of files.flatMap((f) => readFixture(f).split('\n'))) {
      const expected = [...line.matchAll(/(?<![\w.@/-])(?:https?:\/\/|www\.)[^\s<>"]+/gi)].flatMap((m) =>
        find(m[0], 'url')
          .filter((x) => x.start === 0)
          .map((x) => x.value),
      );
      expect(
        bareUrls(line).map((l) => l.text),
        line,
      ).toEqual(expected);
      count += expected.length;
    }
    expect(count).toBeGreaterThan(500);
  });
});

describe('linksOf', () => {
  it("adds typed URLs that are not an anchor's own text", () => {
    const anchor = {
      href: 'https://github.com/kubernetes/community/pull/2738',
      text: 'https://github.com/kubernetes/community/pull/2738',
    };
    expect(
      linksOf('see https://github.com/kubernetes/community/pull/2738 and https://sched.co/Grez', [anchor]),
    ).toEqual([anchor, { href: 'https://sched.co/Grez', text: 'https://sched.co/Grez' }]);
  });
});

describe('mergeLinks', () => {
  it('puts anchors first and drops repeated targets', () => {
    const a = { href: 'https://a.example/', text: 'a' };
    const b = { href: 'https://b.example/', text: 'https://b.example/' };
    expect(mergeLinks([a], [b, { href: 'https://a.example/', text: 'https://a.example/' }])).toEqual([a, b]);
  });
});

describe('Google Docs addresses', () => {
  it('unwraps only Google redirects', () => {
    expect(unwrapGoogleRedirect('https://www.google.com/url?q=https://github.com/&sa=D')).toBe('https://github.com/');
    expect(unwrapGoogleRedirect('https://google.com/url?q=https://a.example/x%3Fy%3D1%26z%3D2&sa=D')).toBe(
      'https://a.example/x?y=1&z=2',
    );
    expect(unwrapGoogleRedirect('https://www.google.com/search?q=kubernetes')).toBe(
      'https://www.google.com/search?q=kubernetes',
    );
  });
  it('finds the document id in every address of a Doc', () => {
    for (const url of [
      'https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit?usp=sharing',
      'https://docs.google.com/document/u/1/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/mobilebasic',
      'https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/export?format=html',
    ]) {
      expect(docsDocumentId(url)).toBe('1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk');
    }
    expect(docsDocumentId('https://github.com/kubernetes/community')).toBeNull();
  });
  it('knows a recording when it sees one', () => {
    expect(isVideoLink('https://youtu.be/xfj8wG4aG_0')).toBe(true);
    expect(isVideoLink('https://www.youtube.com/watch?v=dTzDsrtjyT0')).toBe(true);
    expect(isVideoLink('https://youtube.com.evil.example/watch')).toBe(false);
  });
});
