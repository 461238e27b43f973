// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { encodeRedirectTarget, renderGdocsExport } from '../../../../scripts/render/markdown-to-gdocs-export';
import { demoAgendaHtml } from '../../../../scripts/render/seed-demo';
import { readSeed } from '../../../support/fixtures';

const seedMarkdown = readSeed();
const seedHtml = demoAgendaHtml();
const seedDoc = parse(seedHtml);
const classRules = styleRules(seedDoc);

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** `.c7{font-weight:700}` → Map { 'c7' => 'font-weight:700' } */
function styleRules(doc: Document): Map<string, string> {
  const css = doc.querySelector('style')?.textContent ?? '';
  return new Map([...css.matchAll(/\.(c\d+)\{([^}]*)\}/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\u00a0/g, ' ');
}

/** The target a Docs redirect link points at. */
function redirectTarget(href: string): string | null {
  const url = new URL(href);
  return url.host === 'www.google.com' && url.pathname === '/url' ? url.searchParams.get('q') : null;
}

/** Every `[text](url)` target in the Markdown. */
function markdownLinkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\((\S+?)\)(?=[\s),.:;\]]|$)/gm)].map((m) => m[1] ?? '');
}

describe('renderGdocsExport on the SIG Auth 2018 seed', () => {
  const headings = [...seedDoc.querySelectorAll('h2')];

  it('is one line of HTML shaped like a Docs export', () => {
    expect(seedHtml).not.toContain('\n');
    expect(
      seedHtml.startsWith(
        '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">',
      ),
    ).toBe(true);
    expect(seedHtml.endsWith('</body></html>')).toBe(true);
    expect(seedDoc.body.className).toMatch(/^c\d+ doc-content$/);
  });

  it('has the 26 date headings with unique h. ids', () => {
    expect(headings).toHaveLength(26);
    const ids = headings.map((h) => h.id);
    for (const id of ids) expect(id).toMatch(/^h\.[a-z0-9]{12}$/);
    expect(new Set(ids).size).toBe(26);
    expect(text(headings[0]!)).toBe('December 26, 2018, 11a - Noon (Pacific Time)');
    expect(text(headings[25]!)).toBe('January 10, 2018, 11a - Noon (Pacific Time)');
  });

  it('keeps heading text whole when it is split across spans', () => {
    const split = headings.filter((h) => h.querySelectorAll('span').length > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const heading of split) {
      expect(text(heading)).toMatch(/^\w+ \d{1,2}, 2018, 11a - Noon \(Pacific Time\)$/);
      expect(text(heading.querySelector('span')!)).toMatch(/^\w+ \d{1,2}, 2018$/);
    }
  });

  it('renders the title as a Docs title paragraph', () => {
    const title = seedDoc.querySelector('p.title');
    expect(title && text(title)).toBe('Kubernetes Sig-auth Meeting Agenda');
    expect(title?.id).toMatch(/^h\.[a-z0-9]{12}$/);
    expect(seedDoc.querySelectorAll('h1')).toHaveLength(0);
  });

  it('strikes the canceled March 7 heading through a line-through class', () => {
    const struck = headings.find((h) => /^March 0?7, 2018/.test(text(h)));
    expect(struck).toBeDefined();
    const spans = [...struck!.querySelectorAll('span')];
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) {
      const styles = [...span.classList].map((name) => classRules.get(name) ?? '');
      expect(styles.some((style) => /text-decoration:[^;]*line-through/.test(style))).toBe(true);
    }
    // and no other heading is struck
    const lineThrough = new Set([...classRules].filter(([, s]) => s.includes('line-through')).map(([name]) => name));
    const otherStruck = headings.filter(
      (h) =>
        h !== struck && [...h.querySelectorAll('span')].some((s) => [...s.classList].some((c) => lineThrough.has(c))),
    );
    expect(otherStruck).toHaveLength(0);
  });

  it('writes lists flat, depth only in the lst-kix level suffix and the margin', () => {
    expect(seedDoc.querySelectorAll('ul ul, ul ol, li ul')).toHaveLength(0);
    const lists = [...seedDoc.querySelectorAll('ul')];
    const levels = new Set(lists.map((ul) => /lst-kix_[a-z0-9]{12}-(\d)/.exec(ul.className)?.[1]));
    for (const level of ['0', '1', '2']) expect(levels.has(level)).toBe(true);

    for (const ul of lists) {
      const level = Number(/lst-kix_[a-z0-9]{12}-(\d)/.exec(ul.className)?.[1]);
      for (const li of ul.querySelectorAll('li')) {
        expect(li.classList.contains('li-bullet-0')).toBe(true);
        const margins = [...li.classList].map((c) => /margin-left:(\d+)pt/.exec(classRules.get(c) ?? '')?.[1]);
        expect(margins).toContain(String(36 * (level + 1)));
      }
    }
    // a rule for the bullet glyph of each level in use
    const css = seedDoc.querySelector('style')?.textContent ?? '';
    for (const ul of lists) {
      const listClass = /lst-kix_[a-z0-9]{12}-\d/.exec(ul.className)?.[0];
      expect(css).toContain(`.${listClass}>li:before{content:"\\0025`);
      expect(css).toContain(`ul.${listClass}{list-style-type:none}`);
    }
  });

  it('gives each meeting one list id, and marks the first list of each level with start', () => {
    const ids = new Set<string>();
    for (const heading of headings) {
      const meetingIds = new Set<string>();
      const started = new Set<string>();
      for (let node = heading.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
        if (node.tagName !== 'UL') continue;
        const [, id = '', level = ''] = /lst-kix_([a-z0-9]{12})-(\d)/.exec(node.className) ?? [];
        meetingIds.add(id);
        expect(node.classList.contains('start')).toBe(!started.has(level));
        started.add(level);
      }
      expect(meetingIds.size).toBe(1);
      const [id = ''] = meetingIds;
      expect(ids.has(id)).toBe(false);
      ids.add(id);
    }
  });

  it('wraps every outside link in a google.com/url redirect whose q is the original URL', () => {
    const anchors = [...seedDoc.querySelectorAll('a[href]')];
    const targets = new Set<string>();
    for (const a of anchors) {
      const href = a.getAttribute('href') ?? '';
      if (href.startsWith('mailto:')) continue; // Docs leaves mail links unwrapped
      expect(href).toMatch(
        /^https:\/\/www\.google\.com\/url\?q=[^&]+&sa=D&source=editors&ust=\d{16}&usg=AOvVaw[\w-]{22}$/,
      );
      const target = redirectTarget(href);
      expect(target).not.toBeNull();
      targets.add(target!);
    }
    for (const target of markdownLinkTargets(seedMarkdown)) {
      if (!target.startsWith('mailto:')) expect(targets).toContain(target);
    }
    expect(targets).toContain('https://github.com/kubernetes/community/pull/911#issuecomment-434757411');
    expect(targets).toContain(
      'https://groups.google.com/forum/?utm_medium=email&utm_source=footer#!msg/kubernetes-sig-auth/kqhoYhrzYLc/HBCOWEYKBQAJ',
    );
    expect(targets).toContain(
      'https://github.com/kubernetes/kubernetes/pulls?q=is%3Aopen+is%3Apr+milestone%3Av1.10+label%3Asig%2Fauth',
    );
    expect(seedHtml).toContain('pull/911%23issuecomment-434757411&amp;sa=D');
  });

  it('auto-links bare URLs as Docs does', () => {
    const item = [...seedDoc.querySelectorAll('li')].find((li) => text(li).startsWith('[klizhentas] Discuss CSR API'));
    const a = item?.querySelector('a');
    expect(a && text(a)).toBe('https://github.com/kubernetes/kubernetes/issues/69836');
    expect(redirectTarget(a!.getAttribute('href')!)).toBe('https://github.com/kubernetes/kubernetes/issues/69836');
  });

  it('keeps link and span styling in classes: links blue and underlined, anchors inheriting', () => {
    for (const a of seedDoc.querySelectorAll('a[href]')) {
      const spanStyles = [...(a.parentElement?.classList ?? [])].map((c) => classRules.get(c) ?? '').join(';');
      expect(spanStyles).toContain('color:#1155cc');
      expect(spanStyles).toContain('text-decoration:underline');
      expect(classRules.get(a.className)).toBe('color:inherit;text-decoration:inherit');
    }
    expect(seedHtml).not.toMatch(/ style="/);
  });

  it('escapes text that looks like HTML, and writes a leading space as &nbsp;', () => {
    expect(seedDoc.querySelectorAll('script, add')).toHaveLength(0);
    const items = [...seedDoc.querySelectorAll('li')].map(text);
    expect(items).toContain('<add your planned work items/areas here for discussion>');
    expect(items).toContain('Format of client-go <-> plugin communications');
    expect(seedHtml).toContain('&lt;add your planned work items/areas here for discussion&gt;');
    const removing = [...seedDoc.querySelectorAll('li')].find((li) => text(li).includes('Removing node.ExternalID'));
    expect(removing?.innerHTML).toMatch(/^<span class="c\d+">&nbsp;Removing node\.ExternalID/);
  });

  it('turns inline HTML underline into a class and an escaped line break into <br>', () => {
    const underlined = [...seedDoc.querySelectorAll('span')].find((s) => text(s) === 'Features in 1.13 (from 1.12)');
    const styles = [...(underlined?.classList ?? [])].map((c) => classRules.get(c) ?? '').join(';');
    expect(styles).toContain('text-decoration:underline');
    const broken = [...seedDoc.querySelectorAll('li')].find((li) => text(li).includes('q2Xz68mF3_LggEY'));
    expect(broken?.querySelector('br')).not.toBeNull();
  });

  it('puts empty paragraphs between meetings', () => {
    const before = headings[1]?.previousElementSibling;
    expect(before?.tagName).toBe('P');
    expect(before?.textContent).toBe('');
    expect([...before!.classList].map((c) => classRules.get(c))).toContain('height:11pt');
  });

  it('is deterministic, and the seed option changes only the ids', () => {
    expect(demoAgendaHtml()).toBe(seedHtml);
    const other = renderGdocsExport(seedMarkdown, { title: 'Kubernetes Sig-auth Meeting Agenda', seed: 7 });
    expect(other).not.toBe(seedHtml);
    expect([...parse(other).querySelectorAll('h2')].map(text)).toEqual(headings.map(text));
  });
});

describe('renderGdocsExport on small inputs', () => {
  it('never lets a <script> through from the text', () => {
    const html = renderGdocsExport(
      '## Jan 1, 2020\n\n*   <script>alert(1)</script> & "quotes"\n*   <img src=x onerror=alert(1)>',
    );
    expect(html).not.toMatch(/<script|<img/i);
    const items = [...parse(html).querySelectorAll('li')].map(text);
    expect(items).toEqual(['<script>alert(1)</script> & "quotes"', '<img src=x onerror=alert(1)>']);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('renders bold, italic, struck and <del> text through classes', () => {
    const doc = parse(renderGdocsExport('Some **bold** and _italic_ and ~~gone~~ and <del>old</del> end'));
    const rules = styleRules(doc);
    const styleOf = (t: string): string => {
      const span = [...doc.querySelectorAll('span')].find((s) => text(s) === t);
      return [...(span?.classList ?? [])].map((c) => rules.get(c) ?? '').join(';');
    };
    expect(styleOf('bold')).toContain('font-weight:700');
    expect(styleOf('italic')).toContain('font-style:italic');
    expect(styleOf('gone')).toContain('line-through');
    expect(styleOf('old')).toContain('line-through');
  });

  it('writes soft line breaks (two trailing spaces, <br>) as <br> inside the span', () => {
    const html = renderGdocsExport('*   first line  \n    second line\n*   one<br>two\n*   joined\n    line');
    const items = [...parse(html).querySelectorAll('li')];
    expect(items.map((li) => li.innerHTML.replace(/ class="c\d+"/g, ''))).toEqual([
      '<span>first line<br>second line</span>',
      '<span>one<br>two</span>',
      '<span>joined line</span>',
    ]);
  });

  it('encodes redirect targets the way Docs does', () => {
    expect(encodeRedirectTarget('https://a.example/x?y=1&z=2#frag')).toBe('https://a.example/x?y%3D1%26z%3D2%23frag');
    expect(encodeRedirectTarget('https://a.example/is%3Aopen+x')).toBe('https://a.example/is%253Aopen%2Bx');
  });
});
