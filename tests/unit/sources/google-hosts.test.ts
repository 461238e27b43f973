// The Google hosts in one place: the production ones, a loopback-only override for tests, the editor's
// address, the export's, and the permissions they need.
import { describe, expect, it } from 'vitest';
import {
  editorAddress,
  exportPermissionOrigins,
  exportUrl,
  GOOGLE_HOSTS,
  googleHostsFrom,
  googleHostsOfBuild,
  isSignInAddress,
} from '../../../lib/sources/google-hosts';
import { sourceForUrl } from '../../../lib/sources/page-address';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const LOCAL = { docsOrigin: 'http://127.0.0.1:4100', contentPatterns: ['http://localhost/*'] };

describe('googleHostsFrom', () => {
  it('is Google’s own hosts when nothing is stored', () => {
    expect(googleHostsFrom(undefined)).toEqual(GOOGLE_HOSTS);
    expect(GOOGLE_HOSTS).toEqual({
      docsOrigin: 'https://docs.google.com',
      contentPatterns: ['https://*.googleusercontent.com/*'],
    });
  });

  it('takes a loopback override (the tests’ local servers)', () => {
    expect(googleHostsFrom(LOCAL)).toEqual(LOCAL);
    expect(
      googleHostsFrom({ docsOrigin: 'http://localhost:8080', contentPatterns: ['http://127.0.0.1/*'] }).docsOrigin,
    ).toBe('http://localhost:8080');
  });

  it.each([
    ['another site', { docsOrigin: 'https://evil.example', contentPatterns: ['http://localhost/*'] }],
    ['https on loopback', { docsOrigin: 'https://127.0.0.1:4100', contentPatterns: ['http://localhost/*'] }],
    ['a path on the origin', { docsOrigin: 'http://127.0.0.1:4100/x', contentPatterns: ['http://localhost/*'] }],
    [
      'a host that only starts like loopback',
      { docsOrigin: 'http://127.0.0.1.evil.example', contentPatterns: ['http://localhost/*'] },
    ],
    ['a content pattern elsewhere', { docsOrigin: 'http://127.0.0.1:4100', contentPatterns: ['https://*/*'] }],
    ['no content pattern', { docsOrigin: 'http://127.0.0.1:4100', contentPatterns: [] }],
    ['not an object', 'http://127.0.0.1:4100'],
  ])('ignores an override of %s and keeps Google’s hosts', (_name, stored) => {
    expect(googleHostsFrom(stored)).toEqual(GOOGLE_HOSTS);
  });
});

describe('editorAddress', () => {
  it.each([
    [`https://docs.google.com/document/d/${ID}/edit`, { docId: ID, accountPath: '', tab: null }],
    [
      `https://docs.google.com/document/d/${ID}/edit?tab=t.xk2p9&usp=sharing#heading=h.abc`,
      { docId: ID, accountPath: '', tab: 't.xk2p9' },
    ],
    [`https://docs.google.com/document/u/1/d/${ID}/edit`, { docId: ID, accountPath: 'u/1/', tab: null }],
    [`https://docs.google.com/document/d/${ID}/view`, { docId: ID, accountPath: '', tab: null }],
    [`https://docs.google.com/document/d/${ID}/`, { docId: ID, accountPath: '', tab: null }],
  ])('reads %s', (url, expected) => {
    expect(editorAddress(url, GOOGLE_HOSTS)).toEqual(expected);
  });

  it.each([
    `https://docs.google.com/document/d/${ID}/pub`,
    `https://docs.google.com/document/d/${ID}/mobilebasic`,
    `https://docs.google.com/document/d/e/2PACX-1vRabcdefghijkl/pub`,
    `https://docs.google.com/spreadsheets/d/${ID}/edit`,
    `https://docs.google.com.evil.example/document/d/${ID}/edit`,
    `http://127.0.0.1:4100/document/d/${ID}/edit`,
    'not a url',
    undefined,
  ])('is not the editor at %s', (url) => {
    expect(editorAddress(url, GOOGLE_HOSTS)).toBeNull();
  });

  it('is the editor on the configured local origin only', () => {
    expect(editorAddress(`http://127.0.0.1:4100/document/d/${ID}/edit`, LOCAL)?.docId).toBe(ID);
    expect(editorAddress(`http://127.0.0.1:4101/document/d/${ID}/edit`, LOCAL)).toBeNull();
    expect(editorAddress(`https://docs.google.com/document/d/${ID}/edit`, LOCAL)).toBeNull();
  });
});

describe('exportUrl and exportPermissionOrigins', () => {
  it('asks for the HTML export of the same account and tab', () => {
    expect(exportUrl(GOOGLE_HOSTS, { docId: ID, accountPath: '', tab: null })).toBe(
      `https://docs.google.com/document/d/${ID}/export?format=html`,
    );
    expect(exportUrl(GOOGLE_HOSTS, { docId: ID, accountPath: 'u/1/', tab: 't.xk2p9' })).toBe(
      `https://docs.google.com/document/u/1/d/${ID}/export?format=html&tab=t.xk2p9`,
    );
    expect(exportUrl(LOCAL, { docId: ID, accountPath: '', tab: null })).toBe(
      `http://127.0.0.1:4100/document/d/${ID}/export?format=html`,
    );
  });

  it('needs docs.google.com and googleusercontent.com, or the local stand-ins', () => {
    expect(exportPermissionOrigins(GOOGLE_HOSTS)).toEqual([
      'https://docs.google.com/*',
      'https://*.googleusercontent.com/*',
    ]);
    expect(exportPermissionOrigins(LOCAL)).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });
});

describe('isSignInAddress', () => {
  it.each([
    ['https://accounts.google.com/ServiceLogin?continue=x', true],
    ['https://accounts.google.com/v3/signin/identifier', true],
    ['http://127.0.0.1:4100/ServiceLogin?continue=x', true],
    ['https://doc-0s-4k-docs.googleusercontent.com/docs/securesc/abc/def', false],
    ['https://docs.google.com/document/d/x/export?format=html', false],
  ])('%s → %s', (url, expected) => {
    expect(isSignInAddress(url)).toBe(expected);
  });
});

describe('sourceForUrl', () => {
  it.each([
    [`https://docs.google.com/document/d/${ID}/edit`, 'gdocs-editor', true],
    [`https://docs.google.com/document/u/0/d/${ID}/edit?tab=t.0`, 'gdocs-editor', true],
    [`https://docs.google.com/document/d/${ID}/pub`, 'gdocs-html', false],
    [`https://docs.google.com/document/d/${ID}/pub?embedded=true`, 'gdocs-html', false],
    [`https://docs.google.com/document/d/e/2PACX-1vRabcdefghijkl/pub`, 'gdocs-html', false],
    [`https://docs.google.com/document/d/${ID}/mobilebasic`, 'gdocs-html', false],
    [`http://127.0.0.1:4100/document/d/${ID}/edit`, 'generic', true],
    [`http://127.0.0.1:4100/agenda.html`, 'generic', false],
    [`https://github.com/document/d/${ID}/edit`, 'github-markdown', false],
  ])('%s is %s (editor: %s)', (url, kind, editor) => {
    const source = sourceForUrl(url);
    expect(source.kind).toBe(kind);
    expect(source.editor !== undefined).toBe(editor);
    expect(source.unreadable).toBeUndefined();
  });
});

describe('googleHostsOfBuild', () => {
  it('keeps the store build on Google, whatever storage holds, without reading it', async () => {
    let reads = 0;
    const hosts = await googleHostsOfBuild('production', async () => {
      reads++;
      return LOCAL;
    });
    expect(hosts).toEqual(GOOGLE_HOSTS);
    expect(reads).toBe(0);
  });
  it('lets the test build point them at loopback stand-ins', async () => {
    expect(await googleHostsOfBuild('test', async () => LOCAL)).toEqual(LOCAL);
    expect(await googleHostsOfBuild('development', async () => undefined)).toEqual(GOOGLE_HOSTS);
  });
});
