// The background's export fetcher: only for the sender's own editor page, only with the permission, one
// fetch per document at a time, nothing sent to Google while its Retry-After runs, failures told apart.
import { describe, expect, it, vi } from 'vitest';
import { createDocsExportService, type DocsExportDeps } from '../../../lib/background/docs-export';
import { GOOGLE_HOSTS } from '../../../lib/sources/google-hosts';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const EDITOR = `https://docs.google.com/document/d/${ID}/edit?tab=t.0`;
const EXPORT = `https://docs.google.com/document/d/${ID}/export?format=html&tab=t.0`;
const DOC =
  '<html><head><style>.c0{margin:0}</style></head><body class="c5"><h2 id="h.a">May 1, 2024</h2></body></html>';

function response(body: string, init: ResponseInit & { url?: string } = {}): Response {
  const r = new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, ...init });
  Object.defineProperty(r, 'url', { value: init.url ?? 'https://doc-0s.googleusercontent.com/x' });
  return r;
}

function setup(overrides: Partial<DocsExportDeps> = {}) {
  let now = 1_000_000;
  const fetch = vi.fn<DocsExportDeps['fetch']>(async () => response(DOC));
  const deps: DocsExportDeps = {
    readHosts: async () => GOOGLE_HOSTS,
    hasPermission: async () => true,
    fetch,
    isOnline: () => true,
    now: () => now,
    ...overrides,
  };
  return {
    service: createDocsExportService(deps),
    fetch: deps.fetch as typeof fetch,
    advance: (ms: number) => (now += ms),
    now: () => now,
  };
}

describe('createDocsExportService', () => {
  it('fetches the export of the sender’s document, same tab, with the user’s cookies', async () => {
    const { service, fetch } = setup();
    expect(await service.exportFor(EDITOR)).toEqual({ ok: true, html: DOC, fetchedAt: 1_000_000 });
    expect(fetch).toHaveBeenCalledWith(EXPORT, { credentials: 'include', cache: 'no-store', redirect: 'follow' });
  });

  it.each([
    ['a published page', `https://docs.google.com/document/d/${ID}/pub`],
    ['another site', `https://evil.example/document/d/${ID}/edit`],
    ['no address', undefined],
  ])('fetches nothing for %s', async (_name, url) => {
    const { service, fetch } = setup();
    expect(await service.exportFor(url)).toEqual({ ok: false, notEditor: true });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks for the permission instead of fetching without it', async () => {
    const hasPermission = vi.fn(async () => false);
    const { service, fetch } = setup({ hasPermission });
    expect(await service.exportFor(EDITOR)).toEqual({
      ok: false,
      problem: { kind: 'permission', origins: ['https://docs.google.com/*', 'https://*.googleusercontent.com/*'] },
    });
    expect(hasPermission).toHaveBeenCalledWith(['https://docs.google.com/*', 'https://*.googleusercontent.com/*']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shares one fetch between everyone asking for the same document meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { service, fetch } = setup({
      fetch: vi.fn(async () => {
        await gate;
        return response(DOC);
      }),
    });
    const answers = [service.exportFor(EDITOR), service.exportFor(EDITOR), service.exportFor(`${EDITOR}#heading=h.a`)];
    await Promise.resolve();
    release();
    expect(new Set((await Promise.all(answers)).map((a) => JSON.stringify(a))).size).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await service.exportFor(EDITOR);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('after a 429, sends nothing to Google until Retry-After has passed', async () => {
    const fetch = vi.fn<DocsExportDeps['fetch']>(async () =>
      response('Too Many Requests', { status: 429, headers: { 'retry-after': '60' } }),
    );
    const { service, advance } = setup({ fetch });
    const first = await service.exportFor(EDITOR);
    expect(first).toEqual({ ok: false, problem: { kind: 'rate-limited', status: 429, retryAt: 1_060_000 } });
    advance(59_000);
    expect(await service.exportFor(`https://docs.google.com/document/d/OtherDocument1234/edit`)).toEqual(first);
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(1_000);
    fetch.mockResolvedValueOnce(response(DOC));
    expect((await service.exportFor(EDITOR)).ok).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps Google’s wait through a restart of the worker', async () => {
    const kept = new Map<string, number>();
    const waits = { get: async (o: string) => kept.get(o), set: async (o: string, t: number) => void kept.set(o, t) };
    const first = setup({
      waits,
      fetch: vi.fn(async () => response('', { status: 429, headers: { 'retry-after': '60' } })),
    });
    await first.service.exportFor(EDITOR);
    const restarted = setup({ waits });
    expect(await restarted.service.exportFor(EDITOR)).toEqual({
      ok: false,
      problem: { kind: 'rate-limited', status: 429, retryAt: 1_060_000 },
    });
    expect(restarted.fetch).not.toHaveBeenCalled();
  });

  it('tells offline from a redirect it may not follow (the sign-in page)', async () => {
    const offline = setup({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    expect(await offline.service.exportFor(EDITOR)).toEqual({ ok: false, problem: { kind: 'offline' } });

    const noNetwork = setup({
      fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      isOnline: () => false,
    });
    expect(await noNetwork.service.exportFor(EDITOR)).toEqual({ ok: false, problem: { kind: 'offline' } });
    expect(noNetwork.fetch).toHaveBeenCalledTimes(1);

    const redirected = vi.fn<DocsExportDeps['fetch']>(async (_url, init) => {
      if (init.redirect === 'follow') throw new TypeError('Failed to fetch');
      return Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    });
    const signedOut = setup({ fetch: redirected });
    expect(await signedOut.service.exportFor(EDITOR)).toEqual({ ok: false, problem: { kind: 'signed-out' } });
    expect(redirected).toHaveBeenLastCalledWith(EXPORT, {
      credentials: 'include',
      cache: 'no-store',
      redirect: 'manual',
    });
  });
});
