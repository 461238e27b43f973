// @vitest-environment happy-dom
// The address "Copy a link" gives: the seed's meetings in the renderings people share, each checked against the
// element its fragment names in that very page.
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../../lib/agenda/parse';
import { meetingAddress } from '../../../lib/panel/meeting-link';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { demoAgendaHtml } from '../../../scripts/render/seed-demo';
import { readSeed } from '../../support/fixtures';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('on GitHub', () => {
  const url = 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md';
  const doc = page(renderGithubHtml(readSeed(), { title: 'meeting-notes-2018.md' }));
  const agenda = parseAgenda(doc, url);

  it("is the file's address with the anchor GitHub's own heading links use", () => {
    const july = agenda.meetings.find((m) => m.key === '2018-07-25')!;
    const address = meetingAddress(agenda, july)!;
    expect(address.startsWith(`${url}#`)).toBe(true);
    const fragment = decodeURIComponent(new URL(address).hash.slice(1));
    // GitHub's heading link is `href="#slug"` beside `id="user-content-slug"`.
    const link = doc.querySelector(`a.anchor[href="#${fragment}"]`);
    expect(link?.id).toBe(`user-content-${fragment}`);
    expect(link?.previousElementSibling?.textContent).toContain('July 25, 2018');
  });

  it('gives every meeting of the seed an address of its own', () => {
    const addresses = agenda.meetings.map((m) => meetingAddress(agenda, m));
    expect(addresses.every((a) => a !== null)).toBe(true);
    expect(new Set(addresses).size).toBe(agenda.meetings.length);
  });
});

describe('on a Google Docs rendering', () => {
  const doc = page(demoAgendaHtml());

  it("is the published page's address with the heading's id, which the browser scrolls to", () => {
    const url = 'https://docs.google.com/document/d/e/2PACX-1vExample/pub';
    const agenda = parseAgenda(doc, url);
    const july = agenda.meetings.find((m) => m.key === '2018-07-25')!;
    const address = meetingAddress(agenda, july)!;
    const id = decodeURIComponent(new URL(address).hash.slice(1));
    expect(id).toMatch(/^h\./);
    expect(address).toBe(`${url}#${id}`);
    expect(doc.getElementById(id)?.textContent).toContain('July 25, 2018');
  });

  it("is the editor's address with #heading= in the editor, keeping its account and tab", () => {
    const url = 'https://docs.google.com/document/u/1/d/1AbCdEfGhIjKlMnOpQrStUv/edit?tab=t.0';
    const agenda = { ...parseAgenda(doc, url), source: 'gdocs-editor' as const };
    const july = agenda.meetings.find((m) => m.key === '2018-07-25')!;
    const address = meetingAddress(agenda, july)!;
    const parsed = new URL(address);
    expect(`${parsed.origin}${parsed.pathname}${parsed.search}`).toBe(url);
    const id = parsed.hash.replace(/^#heading=/, '');
    expect(doc.getElementById(id)?.textContent).toContain('July 25, 2018');
  });
});

describe('when there is nothing to link to', () => {
  it('gives no address for a heading without an id, or a page that is not http(s)', () => {
    const noId = { anchor: {} };
    expect(meetingAddress({ url: 'https://example.com/agenda', source: 'generic' }, noId)).toBeNull();
    expect(meetingAddress({ url: 'file:///tmp/agenda.html', source: 'generic' }, { anchor: { id: 'm1' } })).toBeNull();
    expect(
      meetingAddress({ url: 'https://example.com/agenda#old', source: 'generic' }, { anchor: { id: 'm 1' } }),
    ).toBe('https://example.com/agenda#m%201');
  });
});
