// @vitest-environment happy-dom
// The page is untrusted: whatever it holds must parse without harm, and without throwing.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../../lib/agenda/blocks';
import type { Item } from '../../../lib/agenda/model';
import { parseDocument } from '../../../lib/agenda/parse';
import { pathologicalBlocks } from '../../support/pathological';
import { perCall } from '../../support/timing';
import { allItems, bodyDocument, parseHtml } from './helpers';

const URL = 'https://example.com/agenda';

function firstMeetingItems(body: string): Item[] {
  const { agenda } = parseDocument(bodyDocument(body), URL);
  const m = agenda.meetings[0];
  if (!m) throw new Error(`no meeting; problems: ${agenda.problems.join(' ')}`);
  return allItems(m);
}

/** A meeting whose blocks are each `length` characters of one rule's favourite character or token, as paragraph and item. */
function pathologicalPage(length: number): Document {
  const doc = bodyDocument('<h2>January 8, 2019</h2>');
  for (const text of pathologicalBlocks(length)) {
    const p = doc.createElement('p');
    p.textContent = text;
    const ul = doc.createElement('ul');
    const li = doc.createElement('li');
    li.textContent = text;
    ul.append(li);
    doc.body.append(p, ul);
  }
  return doc;
}

describe('hostile input', () => {
  it('parses a page of 100,000-character pathological blocks in time linear in its size', () => {
    const small = pathologicalPage(10_000);
    const large = pathologicalPage(100_000);
    const smallMs = perCall(() => parseDocument(small, URL), 2);
    const largeMs = perCall(() => parseDocument(large, URL), 2);
    // Ten times the text: linear is 10, quadratic 100.
    expect(largeMs / smallMs).toBeLessThan(30);
    expect(parseDocument(large, URL).agenda.meetings).toHaveLength(1);
  }, 120_000);

  it('drops javascript:, data: and other non-http links', () => {
    const [item] = firstMeetingItems(
      '<h2>January 8, 2019</h2><ul><li>' +
        '<a href="javascript:alert(document.cookie)">click</a> <a href=" JAVASCRIPT:alert(1)">x</a> ' +
        '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a> <a href="vbscript:x">v</a> <a href="file:///etc/passwd">f</a> ' +
        '<a href="https://ok.example/">ok</a> javascript:alert(2)</li></ul>',
    );
    expect(item?.links).toEqual([{ href: 'https://ok.example/', text: 'ok' }]);
  });

  it('keeps text that looks like HTML as plain text, and never reads script or style content', () => {
    const items = firstMeetingItems(
      '<h2>January 8, 2019</h2><ul><li>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</li>' +
        '<li>safe<script>window.__pwned = true</script><style>li{color:red}</style></li></ul>',
    );
    expect(items.map((i) => i.text)).toEqual(['<script>alert(1)</script> <img src=x onerror=alert(1)>', 'safe']);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('reads a 100 KB item whole', () => {
    const long = `${'word '.repeat(20_000)}https://github.com/o/r/pull/1`;
    const [item] = firstMeetingItems(`<h2>January 8, 2019</h2><ul><li>${long}</li></ul>`);
    expect(item?.text.length).toBe(long.trim().length);
    expect(item?.refs).toEqual(['o/r#1']);
  });

  it('reads lists nested 50 deep as a 50-deep tree', () => {
    const depth = 50;
    const html = `<h2>January 8, 2019</h2>${'<ul><li>level'.repeat(depth)}${'</li></ul>'.repeat(depth)}`;
    const items = firstMeetingItems(html);
    expect(items).toHaveLength(depth);
    let node: Item | undefined = parseDocument(bodyDocument(html), URL).agenda.meetings[0]?.sections[0]?.items[0];
    let levels = 0;
    while (node) {
      levels++;
      node = node.children[0];
    }
    expect(levels).toBe(depth);
  });

  it('folds lists nested deeper than it follows into its deepest level, without blowing the stack', () => {
    const depth = 2_000;
    const doc = bodyDocument('<h2>January 8, 2019</h2>');
    // Built by hand: an HTML parser may refuse to nest this deep.
    let parent: Element = doc.body;
    for (let i = 0; i < depth; i++) {
      const ul = doc.createElement('ul');
      const li = doc.createElement('li');
      li.textContent = `level ${i}`;
      ul.appendChild(li);
      parent.appendChild(ul);
      parent = li;
    }
    const { agenda } = parseDocument(doc, URL);
    const items = allItems(agenda.meetings[0]!);
    expect(items).toHaveLength(depth);
    expect(agenda.meetings[0]?.itemCount).toBe(depth);
    let node: Item | undefined = agenda.meetings[0]?.sections[0]?.items[0];
    let levels = 0;
    while (node) {
      levels++;
      node = node.children[0];
    }
    expect(levels).toBe(MAX_DEPTH + 1);
  });

  it('survives broken HTML', () => {
    const { agenda } = parseHtml(
      '<body><h2>January 8, 2019<ul><li>unclosed <b>bold <i>both</b> italic</li></li></ul></h2>' +
        '</ul></li><h2>January 1, 2019</h2><li>stray item<p>in p<li>another</ul><table><td>cell<tr></body></html></html><div',
      URL,
    );
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2019-01-08', '2019-01-01']);
    expect(allItems(agenda.meetings[1]!).map((i) => i.text.split('\n')[0])).toEqual(['stray item', 'another |']);
  });

  it('survives odd text: control characters, emoji, right-to-left, lone surrogates, a huge heading', () => {
    const { agenda } = parseHtml(
      `<body><h2>January 8, 2019 \u0000\u202e\u{1F389}</h2><ul><li>\u0007bell \uD800 lone \u05e9\u05dc\u05d5\u05dd</li><li>__proto__</li><li>constructor</li></ul>` +
        `<h2>${'x'.repeat(50_000)} January 1, 2019</h2></body>`,
      URL,
    );
    expect(agenda.meetings.map((m) => m.key)).toEqual(['2019-01-08']);
    expect(allItems(agenda.meetings[0]!).map((i) => i.text)).toEqual([
      '\u0007bell \uD800 lone \u05e9\u05dc\u05d5\u05dd',
      '__proto__',
      'constructor',
    ]);
    expect(JSON.parse(JSON.stringify(agenda))).toEqual(agenda);
  });

  it('ignores elements the overlay added to the page', () => {
    const items = firstMeetingItems(
      '<h2>January 8, 2019</h2><ul><li>A topic <agenda-overlay-status data-agenda-overlay="status">● merged</agenda-overlay-status></li></ul>' +
        '<div data-agenda-overlay="highlight">Jan 9, 2019</div>',
    );
    expect(items.map((i) => i.text)).toEqual(['A topic']);
  });
});
