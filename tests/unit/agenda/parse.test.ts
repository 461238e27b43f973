// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseAgenda, parseDocument, NO_MEETINGS } from '../../../lib/agenda/parse';
import { agendaId, detectSource } from '../../../lib/agenda/page-kind';
import { allItems, bodyDocument, htmlDocument, parseGithub, parseHtml } from './helpers';

describe('source detection', () => {
  const cases: [string, string][] = [
    ['<ul class="c4 lst-kix_abc123-0 start"><li>x</li></ul>', 'gdocs-html'],
    ['<h2 id="h.7g4fsi8p3zfh">Heading</h2>', 'gdocs-html'],
    ['<p><a href="https://www.google.com/url?q=https://x.example/&sa=D">x</a></p>', 'gdocs-html'],
    ['<article class="markdown-body"><h2>x</h2></article>', 'github-markdown'],
    [
      '<article class="markdown-body"><a href="https://www.google.com/url?q=https://x.example/&sa=D">x</a></article>',
      'github-markdown',
    ],
    ['<h2>January 8, 2019</h2>', 'generic'],
  ];
  it.each(cases)('%s', (body, kind) => expect(detectSource(bodyDocument(body))).toBe(kind));

  it('uses the given source instead', () => {
    expect(parseAgenda(bodyDocument('<h2>January 8, 2019</h2>'), 'https://x.example/', 'gdocs-editor').source).toBe(
      'gdocs-editor',
    );
  });
});

describe('agenda identity and title', () => {
  it('drops query and fragment, and names a Doc by its id', () => {
    expect(agendaId('https://github.com/kubernetes/community/blob/master/a.md?plain=1#L5')).toBe(
      'https://github.com/kubernetes/community/blob/master/a.md',
    );
    expect(agendaId('https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYw/edit#heading=h.x')).toBe(
      'https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYw',
    );
    expect(agendaId('not a url?x=1')).toBe('not a url');
  });

  it('takes the title from <title>, else the first H1', () => {
    expect(parseHtml('<html><head><title> SIG  Auth </title></head><body></body></html>').agenda.title).toBe(
      'SIG Auth',
    );
    expect(parseHtml('<html><body><h1>SIG Node Meeting Notes</h1></body></html>').agenda.title).toBe(
      'SIG Node Meeting Notes',
    );
  });
});

describe('which headings are meetings', () => {
  it('reads dates at H1, H2 or H3, and ignores the title and non-date headings', () => {
    for (const level of [1, 2, 3]) {
      const h = `h${level}`;
      const { agenda } = parseHtml(
        `<body><h1>Meeting notes</h1><${h}>January 22, 2019</${h}><ul><li>One</li></ul><${h}>January 8, 2019</${h}><ul><li>Two</li></ul></body>`,
      );
      expect(
        agenda.meetings.map((m) => m.key),
        h,
      ).toEqual(['2019-01-22', '2019-01-08']);
    }
  });

  it('treats a dated heading deeper than the meetings as a section of the meeting', () => {
    const { agenda } = parseHtml(
      '<body><h2>January 22, 2019</h2><h3>Follow-up from Jan 8</h3><ul><li>Thing</li></ul><h2>January 8, 2019</h2><ul><li>Other</li></ul><h2>January 1, 2019</h2></body>',
    );
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2019-01-22', '2019-01-08', '2019-01-01']);
    expect(agenda.meetings[0]?.sections.map((s) => [s.kind, s.title])).toEqual([
      ['action-items', 'Follow-up from Jan 8'],
    ]);
  });

  it('ends a meeting at a heading above the meetings level', () => {
    const { agenda } = parseHtml(
      '<body><h2>January 8, 2019</h2><ul><li>In</li></ul><h1>Archive</h1><ul><li>Out</li></ul></body>',
    );
    expect(allItems(agenda.meetings[0]!).map((i) => i.text)).toEqual(['In']);
  });

  it('reads bold date lines as meetings when a Doc has no date headings', () => {
    const { agenda } = parseHtml(
      '<body><p><b>Tue, Jan 8, 2019</b></p><ul><li>One</li></ul><p><strong>Jan 1, 2019</strong></p><p><b>Discussion</b></p><ul><li>Two</li></ul></body>',
    );
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2019-01-08', '2019-01-01']);
    expect(agenda.meetings[1]?.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([
      ['discussion', 'Discussion', 1],
    ]);
  });

  it('sorts an oldest-first document newest first, keys in document order', () => {
    const { agenda } = parseHtml(
      '<body><h2>Jan 1, 2019</h2><h2>Jan 8, 2019</h2><h2>Jan 8, 2019</h2><h2>Jan 15, 2019</h2></body>',
    );
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2019-01-15', '2019-01-08', '2019-01-08#2', '2019-01-01']);
  });
});

describe('years', () => {
  const noYear = '<h2>December 24</h2><ul><li>a</li></ul><h2>January 8</h2><ul><li>b</li></ul>';

  it('takes the year from the title, and says so', () => {
    const { agenda } = parseHtml(`<html><head><title>SIG Node notes 2019</title></head><body>${noYear}</body></html>`);
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2019-12-24', '2019-01-08']);
    expect(agenda.meetings.map((m) => m.yearInferred)).toEqual([true, true]);
    expect(agenda.problems).toEqual([]);
    expect(agenda.years).toMatchObject({
      inferred: 2,
      method: 'named',
      how: 'from the year in the document’s title (2019)',
    });
  });

  it('takes the year from the address, and says so', () => {
    const { agenda } = parseHtml(
      `<body>${noYear}</body>`,
      'https://github.com/kubernetes/community/blob/master/sig-node/meeting-notes-2018.md',
    );
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2018-12-24', '2018-01-08']);
    expect(agenda.years).toMatchObject({
      inferred: 2,
      method: 'named',
      how: 'from the year in the page address (2018)',
    });
  });

  it('takes the year from a heading above the meetings', () => {
    const { agenda } = parseHtml(`<body><h1>Storage SIG Meeting Notes (2017)</h1>${noYear}</body>`);
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2017-12-24', '2017-01-08']);
    expect(agenda.years).toMatchObject({ inferred: 2, method: 'named' });
  });

  it('leaves out meetings whose year cannot be known, and says so', () => {
    const { agenda } = parseHtml(`<body>${noYear}</body>`, 'https://example.com/agenda');
    expect(agenda.meetings).toEqual([]);
    expect(agenda.years).toBeUndefined();
    expect(agenda.problems).toEqual(['2 date headings have no year and none could be inferred; they were left out.']);
  });

  it('reads the year of a GitHub file from its title (the file name)', () => {
    const result = parseGithub('## Dec 4\n\n* a\n\n## Nov 20\n\n* b\n', 'sig-x/meeting-notes-2019.md');
    expect(result.agenda.meetings.map((m) => m.key)).toEqual(['2019-12-04', '2019-11-20']);
    expect(result.agenda.years?.method).toBe('named');
  });

  it('marks nothing as inferred when every heading writes its year', () => {
    const { agenda } = parseHtml(
      '<body><h2>Jan 15, 2019</h2><ul><li>a</li></ul><h2>Jan 8, 2019</h2><ul><li>b</li></ul></body>',
    );
    expect(agenda.years).toBeUndefined();
    expect(agenda.meetings.some((m) => 'yearInferred' in m)).toBe(false);
  });
});

describe('problems', () => {
  it('says when there are no meetings', () => {
    const { agenda } = parseHtml('<body><h1>Agenda</h1><h2>Meeting notes</h2><ul><li>Something</li></ul></body>');
    expect(agenda.meetings).toEqual([]);
    expect(agenda.problems).toEqual([NO_MEETINGS]);
  });

  it('does not throw on a document with no body at all', () => {
    const doc = document.implementation.createDocument(null, null, null);
    const { agenda } = parseDocument(doc as Document, 'https://example.com/');
    expect(agenda.meetings).toEqual([]);
    expect(agenda.problems).toHaveLength(1);
  });

  it('reports, rather than throws, when the DOM itself fails', () => {
    const doc = bodyDocument('<h2>January 8, 2019</h2>');
    Object.defineProperty(doc, 'title', {
      get() {
        throw new Error('boom');
      },
    });
    const { agenda } = parseDocument(doc, 'https://example.com/');
    expect(agenda.problems).toEqual(['Part of the page could not be read (boom).']);
  });
});

describe('the result', () => {
  const md =
    '# SIG Example\n\n## January 8, 2019\n\n*   [Recording](https://youtu.be/x)\n*   Pulls of note\n    *   [@amy] fix [#12](https://github.com/o/r/pull/12)\n        *   nested\n';
  const result = parseGithub(md);

  it('is plain JSON, the same after a round trip', () => {
    expect(JSON.parse(JSON.stringify(result.agenda))).toEqual(result.agenda);
  });

  it('is deterministic', () => {
    expect(parseGithub(md).agenda).toEqual(result.agenda);
  });

  it('maps every meeting and item key to its element', () => {
    const keys = [result.agenda.meetings[0]!.key, ...allItems(result.agenda.meetings[0]!).map((i) => i.key)];
    expect([...result.elements].map(([key]) => key)).toEqual(keys);
    expect(result.elements.get('2019-01-08')?.textContent).toBe('January 8, 2019');
    const items = allItems(result.agenda.meetings[0]!);
    expect(items.map((i) => [i.text, i.people, i.refs])).toEqual([
      ['[@amy] fix #12', ['amy'], ['o/r#12']],
      ['nested', [], []],
    ]);
    expect(result.agenda.meetings[0]?.anchor).toEqual({ id: 'user-content-january-8-2019' });
  });

  it('reads a Docs-style document given as a plain string of HTML too', () => {
    const doc = htmlDocument('<h2 id="h.x">March 5, 2019</h2><ul class="lst-kix_q-0"><li>Item</li></ul>');
    expect(parseAgenda(doc, 'https://docs.google.com/document/d/abcdefghijkl/mobilebasic').meetings[0]?.anchor.id).toBe(
      'h.x',
    );
  });
});
