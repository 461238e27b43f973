// Which addresses name a site the user can turn on, and how the stored list is kept clean.
import { describe, expect, it } from 'vitest';
import { customSiteOrigin, customSitesFrom, originPattern, withSite, withoutSite } from '@/lib/sources/custom-sites';

describe('customSiteOrigin', () => {
  it.each([
    ['https://wiki.example.com/team/agenda#top', 'https://wiki.example.com'],
    ['wiki.example.com', 'https://wiki.example.com'],
    ['http://intranet.local:8080/notes', 'http://intranet.local:8080'],
    ['https://github.example.com/org/community/blob/main/notes.md', 'https://github.example.com'],
    // Not sites to add: other schemes, credentials, nothing, and the sites every build reads already.
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['https://user:pw@example.com/', null],
    ['   ', null],
    ['https://github.com/kubernetes/community', null],
    ['https://docs.google.com/document/d/abc/edit', null],
  ])('%s → %s', (input, origin) => expect(customSiteOrigin(input)).toBe(origin));
});

describe('the stored list', () => {
  it('keeps origins only, each once, in the order added', () => {
    expect(
      customSitesFrom(['https://a.example', 42, 'https://a.example/x', 'ftp://b.example', 'https://c.example']),
    ).toEqual(['https://a.example', 'https://c.example']);
    expect(customSitesFrom('not a list')).toEqual([]);
  });

  it('adds and removes one site', () => {
    expect(withSite(['https://a.example'], 'https://b.example')).toEqual(['https://a.example', 'https://b.example']);
    expect(withSite(['https://a.example'], 'https://a.example')).toEqual(['https://a.example']);
    expect(withoutSite(['https://a.example', 'https://b.example'], 'https://a.example')).toEqual(['https://b.example']);
  });

  it('asks for the host, whatever the port (match patterns have none)', () => {
    expect(originPattern('http://intranet.local:8080')).toBe('http://intranet.local/*');
  });
});
