// @vitest-environment happy-dom
// Beside a page it cannot read, the panel says why and what to do: agendas to open, and a way to turn the site on.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnreadablePage } from '@/components/UnreadablePage';
import { freshRoot } from '../../support/render-root';

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubBrowser(tabUrl: string | undefined): void {
  vi.stubGlobal('browser', {
    tabs: { get: vi.fn(async () => ({ id: 7, url: tabUrl })) },
    runtime: { openOptionsPage: vi.fn(async () => undefined) },
  });
}

describe('UnreadablePage', () => {
  it('offers real agendas to open, with http(s) links only', async () => {
    stubBrowser(undefined);
    render(<UnreadablePage tabId={7} />, root);
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md',
      'https://docs.google.com/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/edit',
    ]);
    expect(root.textContent).toContain("This page can't be read");
  });

  it('names the site to turn on when the browser tells the tab address', async () => {
    stubBrowser('https://wiki.example.com/team/agenda');
    render(<UnreadablePage tabId={7} />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-action="turn-on-site"]')?.textContent).toBe('Read agendas on wiki.example.com'),
    );
  });

  it('says where to turn it on when the address is hidden from the extension', async () => {
    stubBrowser(undefined);
    render(<UnreadablePage tabId={7} />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Read agendas on this site'));
    expect(root.querySelector('[data-action="turn-on-site"]')).toBeNull();
  });
});
