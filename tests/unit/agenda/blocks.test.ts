// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readBlocks, type Block } from '../../../lib/agenda/blocks';
import { bodyDocument } from './helpers';

function blocks(body: string): Pick<Block, 'kind' | 'level' | 'depth' | 'text' | 'struck' | 'bold'>[] {
  const doc = bodyDocument(body);
  return readBlocks(doc.body, { baseUrl: 'https://github.com/o/r/blob/main/notes.md' }).map(
    ({ kind, level, depth, text, struck, bold }) => ({ kind, level, depth, text, struck, bold }),
  );
}
const item = (depth: number, text: string, struck = false): object => ({
  kind: 'item',
  level: 0,
  depth,
  text,
  struck,
  bold: false,
});

describe('readBlocks', () => {
  it('reads nested lists as items with their depth, text after a sub-list as its sibling', () => {
    expect(
      blocks(
        '<ul><li>Announcements<ul><li>One</li><li>Two<ul><li>Deep</li></ul></li></ul><p>After the sub-list</p></li><li>Next</li></ul>',
      ),
    ).toEqual([
      item(0, 'Announcements'),
      item(1, 'One'),
      item(1, 'Two'),
      item(2, 'Deep'),
      item(1, 'After the sub-list'),
      item(0, 'Next'),
    ]);
  });

  it('joins loose-list paragraphs with a line break, and source line breaks with a space', () => {
    expect(blocks('<ul><li><p>First\nparagraph</p><p>second</p></li></ul>')).toEqual([
      item(0, 'First paragraph\nsecond'),
    ]);
  });

  it('keeps line breaks inside <pre>', () => {
    expect(blocks('<pre><code>a\nb</code></pre>')[0]?.text).toBe('a\nb');
  });

  it('reads headings with their level and id, struck with <del> and <s>', () => {
    const doc = bodyDocument(
      '<div class="markdown-heading"><h2 class="heading-element"><del>March 7, 2018</del></h2><a id="user-content-march-7-2018" class="anchor" href="#march-7-2018"><svg><path></path></svg></a></div>' +
        '<h3 id="plain-id">Plain</h3><h1><a id="user-content-old" class="anchor" href="#old"></a>Old style</h1>',
    );
    const out = readBlocks(doc.body, { baseUrl: '' });
    expect(out.map((b) => [b.kind, b.level, b.text, b.id, b.struck])).toEqual([
      ['heading', 2, 'March 7, 2018', 'user-content-march-7-2018', true],
      ['heading', 3, 'Plain', 'plain-id', false],
      ['heading', 1, 'Old style', 'user-content-old', false],
    ]);
  });

  it('marks an item struck only when all of its text is', () => {
    expect(
      blocks(
        '<ul><li><s>all</s> <del>of it</del></li><li><s>part</s> of it</li><li><span style="text-decoration: line-through">styled</span></li></ul>',
      ),
    ).toEqual([item(0, 'all of it', true), item(0, 'part of it', false), item(0, 'styled', true)]);
  });

  it('reads bold, and Docs clipboard wrappers that say normal weight', () => {
    const out = blocks('<p><strong>January 8, 2019</strong></p><b style="font-weight:normal"><p>not bold</p></b>');
    expect(out.map((b) => [b.text, b.bold])).toEqual([
      ['January 8, 2019', true],
      ['not bold', false],
    ]);
  });

  it('turns &nbsp; into a space and drops empty paragraphs', () => {
    expect(blocks('<p>&nbsp;</p><p>a&nbsp;&nbsp;b</p><p>   </p>')).toEqual([
      { kind: 'paragraph', level: 0, depth: 0, text: 'a b', struck: false, bold: false },
    ]);
  });

  it('reads table rows as paragraphs, cells joined', () => {
    expect(
      blocks('<table><tr><th>Date</th><th>Topic</th></tr><tr><td>Jan 8</td><td>RBAC</td></tr></table>').map(
        (b) => b.text,
      ),
    ).toEqual(['Date | Topic', 'Jan 8 | RBAC']);
  });

  it('reads loose text as a paragraph, and skips scripts, styles and our own overlay', () => {
    expect(
      blocks(
        '<div>Cancelled<div>inner</div></div><script>alert(1)</script><style>p{}</style><div data-agenda-overlay="x">overlay</div><agenda-overlay-status>badge</agenda-overlay-status><div hidden>hidden</div>',
      ).map((b) => b.text),
    ).toEqual(['Cancelled', 'inner']);
  });

  it('collects links with their text', () => {
    const doc = bodyDocument(
      '<ul><li>see <a href="https://a.example/x">this</a>, <a href="javascript:alert(1)">that</a> and https://b.example/y</li></ul>',
    );
    const [block] = readBlocks(doc.body, { baseUrl: 'https://github.com/' });
    expect(block?.links).toEqual([{ href: 'https://a.example/x', text: 'this' }]);
    expect(block?.text).toBe('see this, that and https://b.example/y');
  });

  it('keeps the non-empty blocks, in order', () => {
    const doc = bodyDocument('<h2>A</h2><p></p><ul><li>b</li></ul><p>c</p>');
    expect(readBlocks(doc.body, { baseUrl: '' }).map((b) => b.text)).toEqual(['A', 'b', 'c']);
  });
});
