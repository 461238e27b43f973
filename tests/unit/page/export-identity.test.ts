// @vitest-environment happy-dom
// One document, four renderings: the editor (read through its export), the published page, /pub?embedded=true
// and /mobilebasic share the agenda's identity and its meetings' keys and heading ids, so notes and follows
// attach to the same meetings wherever the document is read.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lib/agenda/parse';
import { sourceForUrl } from '../../../lib/sources/page-address';
import { demoAgendaHtml } from '../../../scripts/render/seed-demo';
import { DOC_ID, mobileBasicFixtureHtml, publishedFixtureHtml } from '../../support/docs-fixtures';

const TITLE = 'Kubernetes Sig-auth Meeting Agenda';
const EXPORT = demoAgendaHtml();
const DOCS = `https://docs.google.com/document/d/${DOC_ID}`;

function parse(html: string, url: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const source = sourceForUrl(url);
  // The editor's agenda is its export parsed under the editor's address (lib/page/export-watcher.ts).
  return parseDocument(doc, url, source.kind === 'gdocs-editor' ? 'gdocs-html' : source.kind).agenda;
}

const renderings: [string, string, string][] = [
  ['the editor, through its export', EXPORT, `${DOCS}/edit?tab=t.0#heading=h.x`],
  ['the editor of a second account', EXPORT, `https://docs.google.com/document/u/1/d/${DOC_ID}/edit`],
  ['the published page', publishedFixtureHtml(TITLE, EXPORT), `${DOCS}/pub`],
  ['the embedded published page', publishedFixtureHtml(TITLE, EXPORT), `${DOCS}/pub?embedded=true`],
  ['mobilebasic', mobileBasicFixtureHtml(TITLE, EXPORT), `${DOCS}/mobilebasic`],
];

describe('one document in every Google rendering', () => {
  const reference = parse(EXPORT, `${DOCS}/edit`);

  it.each(renderings)('%s has the document id as identity, and the same meetings', (_name, html, url) => {
    const agenda = parse(html, url);
    expect(agenda.id).toBe(DOCS);
    expect(agenda.meetings.map((m) => m.key)).toEqual(reference.meetings.map((m) => m.key));
    expect(agenda.meetings.map((m) => m.anchor.id)).toEqual(reference.meetings.map((m) => m.anchor.id));
    expect(agenda.meetings.flatMap((m) => m.sections.flatMap((s) => s.items.map((i) => i.key)))).toEqual(
      reference.meetings.flatMap((m) => m.sections.flatMap((s) => s.items.map((i) => i.key))),
    );
  });

  it('has 26 meetings whose headings carry Docs’ own ids', () => {
    expect(reference.meetings).toHaveLength(26);
    expect(reference.meetings.every((m) => /^h\.\w+$/.test(m.anchor.id ?? ''))).toBe(true);
  });

  it('cannot tie a “Publish to web” address (/d/e/2PACX-…) to the document: it names the publication', () => {
    const agenda = parse(
      publishedFixtureHtml(TITLE, EXPORT),
      'https://docs.google.com/document/d/e/2PACX-1vRabcdefghijklmnop/pub',
    );
    expect(agenda.id).toBe('https://docs.google.com/document/d/2PACX-1vRabcdefghijklmnop');
    expect(agenda.meetings.map((m) => m.key)).toEqual(reference.meetings.map((m) => m.key));
  });
});
