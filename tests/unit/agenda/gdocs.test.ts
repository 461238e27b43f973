// @vitest-environment happy-dom
// Google Docs HTML as Docs really writes it: the exports in tests/fixtures/gdocs-export.
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../../lib/agenda/blocks';
import { kixLevel, levelFromMargin, readDocumentStyles, readStyleSheet } from '../../../lib/agenda/gdocs';
import { parseDocument } from '../../../lib/agenda/parse';
import { detectSource } from '../../../lib/agenda/page-kind';
import { htmlDocument } from './helpers';
import { readFixture } from '../../support/fixtures';

const sample = (name: string): Document => htmlDocument(readFixture(`gdocs-export/${name}`));
const blocksOf = (doc: Document): ReturnType<typeof readBlocks> =>
  readBlocks(doc.body, { styles: readDocumentStyles(doc), baseUrl: 'https://docs.google.com/document/d/x/export' });

describe('style sheet', () => {
  it('maps classes to strike, weight and margin, ignoring list-marker rules', () => {
    const styles = readStyleSheet(
      '.lst-kix_a-1>li:before{content:"x"}.c5{font-weight:700}.c3{font-weight:400;text-decoration:none}' +
        '.c8{text-decoration-skip-ink:none;-webkit-text-decoration-skip:none;text-decoration:line-through}' +
        '.c6{margin-left:72pt;padding-left:0pt}.c9{color:#1155cc}',
    );
    expect(styles.get('c5')).toEqual({ struck: false, bold: true });
    expect(styles.get('c3')).toEqual({ struck: false, bold: false });
    expect(styles.get('c8')).toEqual({ struck: true });
    expect(styles.get('c6')).toEqual({ struck: false, marginPt: 72 });
    expect(styles.has('c9')).toBe(false);
    expect(styles.has('lst-kix_a-1')).toBe(false);
  });
  it('passes over list rules even when they declare what a text class would', () => {
    const styles = readStyleSheet(
      'ul.lst-kix_a-1{margin-left:36pt}ol.lst-kix_b-0{font-weight:700}.c3{margin-left:36pt}',
    );
    expect([...styles.keys()]).toEqual(['c3']);
  });
  it('reads list levels from class names and margins', () => {
    expect(kixLevel('c5 lst-kix_b48me416v1yu-2 start')).toBe(2);
    expect(kixLevel('c5 lst-kix_b48me416v1yu-0')).toBe(0);
    expect(kixLevel('c5 li-bullet-0')).toBeNull();
    expect([36, 72, 108, 0].map(levelFromMargin)).toEqual([0, 1, 2, 0]);
  });
});

describe('real exports', () => {
  it('detects them as Google Docs', () => {
    expect(detectSource(sample('mr0grog_lists.export.html'))).toBe('gdocs-html');
    expect(detectSource(sample('mr0grog_headings-and-paragraphs.export.html'))).toBe('gdocs-html');
  });

  it('reads flat lists with their depth from lst-kix_<id>-N, and <br> as a line break', () => {
    const items = blocksOf(sample('mr0grog_lists.export.html')).filter((b) => b.kind === 'item');
    expect(items.map((b) => [b.depth, b.text])).toEqual([
      [0, 'This is'],
      [0, 'A bulleted'],
      [0, 'List of stuff.'],
      [1, 'With'],
      [1, 'Subitems'],
      [2, 'And'],
      [2, 'Sub-subitems'],
      [3, 'But numbered not bulleted!'],
      [0, 'This item has line breaks.\nHere is a second line.'],
      [0, 'This is'],
      [0, 'A numbered'],
      [0, 'List of stuff.'],
      [1, 'With'],
      [1, 'Subitems'],
      [2, 'And'],
      [2, 'Sub-subitems'],
      [3, 'But bulleted not numbered!'],
      [0, 'This item has line breaks.\nHere is a second line.'],
      [0, 'This is'],
      [0, 'A checklist.'],
    ]);
  });

  it('reads the clipboard HTML (nested lists, aria-level) to the same depths', () => {
    const doc = htmlDocument(`<body>${readFixture('gdocs-export/mr0grog_lists.copy.html')}</body>`);
    const items = readBlocks(doc.body, { baseUrl: 'https://docs.google.com/' }).filter((b) => b.kind === 'item');
    expect(items.slice(0, 9).map((b) => [b.depth, b.text])).toEqual([
      [0, 'This is'],
      [0, 'A bulleted'],
      [0, 'List of stuff.'],
      [1, 'With'],
      [1, 'Subitems'],
      [2, 'And'],
      [2, 'Sub-subitems'],
      [3, 'But numbered not bulleted!'],
      [0, 'This item has line breaks.\nHere is a second line.'],
    ]);
  });

  it('keeps heading ids as jump anchors and joins text split across spans', () => {
    const headings = blocksOf(sample('mr0grog_internal-links.export.html')).filter((b) => b.kind === 'heading');
    expect(headings.map((b) => [b.level, b.text, b.id])).toEqual([
      [1, 'First heading', 'h.f9vumqshbd5l'],
      [2, 'Second heading', 'h.vco97q783gug'],
      [3, 'Second heading', 'h.fnzabnk14apa'],
    ]);
  });

  it('drops in-document links and unwraps Google redirects', () => {
    const blocks = blocksOf(sample('mr0grog_internal-links.export.html'));
    expect(blocks.flatMap((b) => b.links)).toEqual([]);
    const inline = blocksOf(sample('mr0grog_inline-formatting.export.html'));
    expect(inline.flatMap((b) => b.links)).toEqual([{ href: 'https://github.com/', text: 'linked (to GitHub)' }]);
  });

  it('reads strike and bold from the classes, and &nbsp; as a space', () => {
    const doc = htmlDocument(
      readFixture('gdocs-export/mr0grog_inline-formatting.export.html').replace(
        '</body>',
        '<p class="c2"><span class="c8">All struck</span></p><p class="c2"><span class="c5">All bold</span></p></body>',
      ),
    );
    const paragraphs = blocksOf(doc);
    const text = paragraphs.map((b) => [b.text, b.struck, b.bold]);
    expect(text).toContainEqual([
      'This is bold and italic or just italic. Or underlined, struck through, or linked (to GitHub).',
      false,
      false,
    ]);
    expect(text).toContainEqual(['All struck', true, false]);
    expect(text).toContainEqual(['All bold', false, true]);
  });

  it('finds no meetings in them, and says so', () => {
    for (const name of [
      'mr0grog_lists.export.html',
      'mr0grog_headings-and-paragraphs.export.html',
      'mr0grog_linebreaks-at-the-end-of-links.export.html',
    ]) {
      const { agenda } = parseDocument(
        sample(name),
        'https://docs.google.com/document/d/1AeGd3Zn2Aab0X1bHHF/export?format=html',
      );
      expect(agenda.source).toBe('gdocs-html');
      expect(agenda.meetings).toEqual([]);
      expect(agenda.problems).toEqual(['No date headings found: this page does not look like a meeting agenda.']);
      expect(agenda.id).toBe('https://docs.google.com/document/d/1AeGd3Zn2Aab0X1bHHF');
    }
  });
});

describe('an agenda written in Docs', () => {
  // Built from the real export's markup: a struck heading, a bold-text heading style, flat lists, a <br>.
  const styles =
    '<style type="text/css">.c1{font-weight:700}.c2{text-decoration:line-through}.c3{margin-left:36pt}.c4{margin-left:72pt}.c9{font-weight:400}</style>';
  const html =
    `<html><head>${styles}</head><body class="doc-content">` +
    '<p class="title"><span>SIG Example Agenda</span></p>' +
    '<h2 id="h.aaa"><span>January 9</span><span>, 2019</span></h2>' +
    '<ul class="lst-kix_x1-0 start"><li class="c3"><span>Discussion topics</span></li></ul>' +
    '<ul class="lst-kix_x1-1 start"><li class="c4"><span>[jane] First&nbsp;topic<br>second line </span><span><a href="https://www.google.com/url?q=https://github.com/kubernetes/kubernetes/pull/1%23issuecomment-9&amp;sa=D&amp;source=editors&amp;ust=1&amp;usg=x">#1</a></span></li>' +
    '<li class="c4"><span class="c2">A struck item</span></li></ul>' +
    '<p class="c4"><span>More about the struck item</span></p>' +
    '<h2 id="h.bbb"><span class="c2">January 2, 2019</span></h2>' +
    '<ul class="lst-kix_x2-0 start"><li class="c3"><span>Anything</span></li></ul>' +
    '</body></html>';
  const { agenda, elements } = parseDocument(htmlDocument(html), 'https://docs.google.com/document/d/1abcdefghijk/pub');

  it('reads meetings, sections, depth, links and strike', () => {
    expect(agenda.source).toBe('gdocs-html');
    expect(agenda.meetings.map((m) => [m.key, m.canceled, m.anchor.id])).toEqual([
      ['2019-01-09', false, 'h.aaa'],
      ['2019-01-02', true, 'h.bbb'],
    ]);
    const [first] = agenda.meetings;
    expect(first?.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([
      ['discussion', 'Discussion topics', 2],
    ]);
    const [topic, struck] = first?.sections[0]?.items ?? [];
    expect(topic?.text).toBe('[jane] First topic\nsecond line #1');
    expect(topic?.people).toEqual(['jane']);
    expect(topic?.links).toEqual([
      { href: 'https://github.com/kubernetes/kubernetes/pull/1#issuecomment-9', text: '#1' },
    ]);
    expect(topic?.refs).toEqual(['kubernetes/kubernetes#1']);
    expect(struck?.struck).toBe(false);
    expect(struck?.text).toBe('A struck item\nMore about the struck item');
    expect(elements.get(struck?.key ?? '')?.localName).toBe('li');
    expect(elements.get('2019-01-09')?.id).toBe('h.aaa');
  });
});
