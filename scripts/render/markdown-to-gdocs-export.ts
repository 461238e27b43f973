// Renders an agenda written in Markdown (the kubernetes/community meeting-notes dialect) into the HTML that
// Google Docs gives for `/document/export?format=html`: one line, formatting only in numbered style classes,
// flat lists told apart by `lst-kix_<id>-<level>`, links wrapped in google.com/url redirects.
// It stands in for a real export in the demo page and in tests.
// The real exports in tests/fixtures/gdocs-export/ are the reference for every detail below.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { Random } from '../support/random';

export interface GdocsExportOptions {
  /** The document's title; shown as the Docs "Title" paragraph (a leading `# same text` is not repeated). */
  title?: string;
  /** Seeds the pseudo-random ids (`h.…`, `lst-kix_…`, `usg=…`) and the spots where text is split into spans. */
  seed?: number;
}

export function renderGdocsExport(markdown: string, opts: GdocsExportOptions = {}): string {
  const seed = opts.seed ?? 1;
  const doc = new DocRenderer(new Random(seed), new Random(seed ^ 0x5bd1e995));
  const blocks = withTitle(parseBlocks(markdown), opts.title);
  const body = blocks.map((block) => doc.block(block)).join('') + doc.closeList();
  return doc.finish(body);
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness: Docs ids look random, but the same input must give the same output.

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// ---------------------------------------------------------------------------------------------------------------
// Blocks: the Markdown is read line by line, because Docs structure is line-shaped too (a paragraph or a list item
// per line, depth by indentation). Inline Markdown is left to markdown-it.

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'item'; level: number; ordered: boolean; text: string }
  | { kind: 'paragraph'; indent: number; text: string }
  | { kind: 'empty' };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^( *)([*+-])(?:( +)(.*))?$/;
const ORDERED = /^( *)(\d{1,9}[.)])(?:( +)(.*))?$/;

function parseBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const unit = indentUnit(lines);
  const blocks: Block[] = [];
  let blankRun = 0;
  // The item or paragraph that a following, non-blank line continues (Markdown's lazy continuation).
  let open: { text: string } | null = null;

  for (const line of lines) {
    if (line.trim() === '') {
      blankRun++;
      open = null;
      continue;
    }
    if (open && blankRun === 0 && !HEADING.test(line) && !listItem(line, unit)) {
      open.text += `\n${line.trimStart()}`; // trailing spaces stay: `  \n` is a hard break
      continue;
    }
    // One blank line only separates Markdown blocks; more than one stands for an empty Docs paragraph.
    if (blankRun >= 2 && blocks.length > 0) blocks.push({ kind: 'empty' });
    blankRun = 0;
    const block = lineBlock(line, unit);
    blocks.push(block);
    open = block.kind === 'item' || block.kind === 'paragraph' ? block : null;
  }
  return blocks;
}

function lineBlock(line: string, unit: number): Block {
  const heading = HEADING.exec(line);
  if (heading) return { kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' };
  return (
    listItem(line, unit) ?? {
      kind: 'paragraph',
      indent: Math.floor(leadingSpaces(line) / unit),
      text: line.trimStart(),
    }
  );
}

function listItem(line: string, unit: number): Block | null {
  const match = BULLET.exec(line) ?? ORDERED.exec(line);
  if (!match) return null;
  const [, indent = '', marker = '', gap = '', text = ''] = match;
  // `*   text` is the usual spacing; a wider gap is a leading space the author typed in Docs.
  const usualGap = Math.max(1, 4 - marker.length);
  const extra = Math.max(0, gap.length - usualGap);
  return {
    kind: 'item',
    level: Math.min(8, Math.floor(indent.length / unit)),
    ordered: /\d/.test(marker),
    text: ' '.repeat(extra) + text,
  };
}

/** The dialect nests by 4 spaces; other archives nest by 2 or 3, which the smallest list indentation reveals. */
function indentUnit(lines: string[]): number {
  let smallest = Infinity;
  for (const line of lines) {
    const indent = leadingSpaces(line);
    if (indent > 0 && (BULLET.test(line) || ORDERED.test(line))) smallest = Math.min(smallest, indent);
  }
  return smallest >= 4 ? 4 : Math.max(2, smallest);
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** The Docs title paragraph comes from `opts.title`, else from a leading `# heading`. */
function withTitle(blocks: Block[], title: string | undefined): Block[] {
  const first = blocks[0];
  const leadingH1 = first?.kind === 'heading' && first.level === 1 ? first.text.trim() : undefined;
  if (title === undefined) {
    return leadingH1 === undefined ? blocks : [{ kind: 'title', text: leadingH1 }, ...blocks.slice(1)];
  }
  const rest = leadingH1 === title.trim() ? blocks.slice(1) : blocks;
  return [{ kind: 'title', text: title }, ...rest];
}

// ---------------------------------------------------------------------------------------------------------------
// Inline text: a block's text becomes runs of uniformly styled text, like the spans of a Docs paragraph.

interface Style {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  code: boolean;
}
type StyleKey = keyof Style;

interface Run {
  /** '\n' stands for a Shift+Enter line break (`<br>`). */
  text: string;
  style: Style;
  href?: string;
}

const markdownIt = createMarkdownIt();

function createMarkdownIt() {
  const md = new MarkdownIt('default', { html: true, linkify: true, typographer: false });
  // Docs auto-links only what looks like a URL with a scheme, not every word with a dot in it.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  // Keep targets exactly as written: the redirect wrapper does the encoding, as Docs does.
  md.normalizeLink = (url) => url;
  return md;
}

/** Inline HTML tags the archives use, and the style each one switches on. */
const TAG_STYLES: Record<string, StyleKey> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strike',
  del: 'strike',
  strike: 'strike',
  code: 'code',
};

function parseRuns(text: string): Run[] {
  const counts: Record<StyleKey, number> = { bold: 0, italic: 0, underline: 0, strike: 0, code: 0 };
  const openTags: { tag: string; keys: StyleKey[] }[] = [];
  const runs: Run[] = [];
  let href: string | undefined;

  const emit = (content: string): void => {
    if (content === '') return;
    const style: Style = {
      bold: counts.bold > 0,
      italic: counts.italic > 0,
      underline: counts.underline > 0,
      strike: counts.strike > 0,
      code: counts.code > 0,
    };
    const last = runs[runs.length - 1];
    if (last && last.href === href && sameStyle(last.style, style)) last.text += content;
    else runs.push(href === undefined ? { text: content, style } : { text: content, style, href });
  };
  const toggle = (keys: StyleKey[], delta: number): void => {
    for (const key of keys) counts[key] = Math.max(0, counts[key] + delta);
  };

  for (const token of inlineTokens(text.trimEnd())) {
    switch (token.type) {
      case 'text':
        emit(token.content);
        break;
      case 'softbreak':
        emit(' ');
        break;
      case 'hardbreak':
        emit('\n');
        break;
      case 'strong_open':
      case 'strong_close':
        toggle(['bold'], token.nesting);
        break;
      case 'em_open':
      case 'em_close':
        toggle(['italic'], token.nesting);
        break;
      case 's_open':
      case 's_close':
        toggle(['strike'], token.nesting);
        break;
      case 'link_open':
        href = String(token.attrGet('href') ?? '');
        break;
      case 'link_close':
        href = undefined;
        break;
      case 'code_inline':
        toggle(['code'], 1);
        emit(token.content);
        toggle(['code'], -1);
        break;
      case 'html_inline': {
        const effect = htmlTagEffect(token.content);
        if (effect === null)
          emit(token.content); // not a tag we know: Docs would show it as typed
        else if (effect.kind === 'break') emit('\n');
        else if (effect.kind === 'open') {
          openTags.push(effect);
          toggle(effect.keys, 1);
        } else {
          const index = openTags.map((t) => t.tag).lastIndexOf(effect.tag);
          const [closed] = index >= 0 ? openTags.splice(index, 1) : [];
          if (closed) toggle(closed.keys, -1);
        }
        break;
      }
      case 'image':
        emit(token.content);
        break;
      default:
        emit(token.content);
    }
  }
  return runs;
}

function inlineTokens(text: string): Token[] {
  return markdownIt.parseInline(text, {})[0]?.children ?? [];
}

type TagEffect = { kind: 'break' } | { kind: 'open'; tag: string; keys: StyleKey[] } | { kind: 'close'; tag: string };

function htmlTagEffect(html: string): TagEffect | null {
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>$/.exec(html);
  if (!match) return null;
  const [, slash = '', rawTag = '', attributes = ''] = match;
  const tag = rawTag.toLowerCase();
  if (tag === 'br') return { kind: 'break' };
  if (tag !== 'span' && !(tag in TAG_STYLES)) return null;
  if (slash) return { kind: 'close', tag };
  const known = TAG_STYLES[tag];
  return { kind: 'open', tag, keys: known ? [known] : spanStyleKeys(attributes) };
}

/** `<span style="text-decoration:underline;">` and the like, as Docs-to-Markdown writes them. */
function spanStyleKeys(attributes: string): StyleKey[] {
  const style = (/style\s*=\s*["']([^"']*)["']/i.exec(attributes)?.[1] ?? '').toLowerCase();
  const keys: StyleKey[] = [];
  if (/text-decoration[^;]*underline/.test(style)) keys.push('underline');
  if (/text-decoration[^;]*line-through/.test(style)) keys.push('strike');
  if (/font-weight\s*:\s*(bold|[6-9]00)/.test(style)) keys.push('bold');
  if (/font-style\s*:\s*italic/.test(style)) keys.push('italic');
  return keys;
}

function sameStyle(a: Style, b: Style): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strike === b.strike &&
    a.code === b.code
  );
}

// Docs splits text into several spans where part of it was typed later or re-styled. Imitate that, sometimes.

/** "November 28, 2018, 11a - Noon (Pacific Time)" → "November 28, 2018" + ", 11a - Noon (Pacific Time)". */
function splitAfterYear(runs: Run[], random: Random): Run[] {
  const only = runs[0];
  if (runs.length !== 1 || !only || only.href !== undefined || !random.chance(0.6)) return runs;
  const match = /^(.*?\b(?:19|20)\d\d)(,.+)$/s.exec(only.text);
  if (!match?.[1] || !match[2]) return runs;
  return [
    { ...only, text: match[1] },
    { ...only, text: match[2] },
  ];
}

/** Now and then a long plain run is cut at a space, the way edits leave a Docs paragraph. */
function splitAtAWord(runs: Run[], random: Random): Run[] {
  return runs.flatMap((run) => {
    const space = run.text.indexOf(' ', Math.floor(run.text.length / 2));
    if (run.href !== undefined || run.text.length < 40 || space < 1 || !random.chance(0.08)) return [run];
    return [
      { ...run, text: run.text.slice(0, space) },
      { ...run, text: run.text.slice(space) },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Styles: every declaration block used becomes a class. Classes are numbered at the end, most used first, so that
// their numbers carry no meaning (as in Docs).

class StyleClasses {
  private readonly ids = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly declarations: string[] = [];

  /** A placeholder for the class with these declarations; `finish` turns it into `cN`. */
  use(declarations: string): string {
    let id = this.ids.get(declarations);
    if (id === undefined) {
      id = this.declarations.length;
      this.ids.set(declarations, id);
      this.declarations.push(declarations);
      this.counts.push(0);
    }
    this.counts[id] = (this.counts[id] ?? 0) + 1;
    return `\u0000${id}\u0000`;
  }

  finish(html: string): { css: string; html: string } {
    const order = this.declarations
      .map((_, id) => id)
      .sort((a, b) => (this.counts[b] ?? 0) - (this.counts[a] ?? 0) || a - b);
    const names = new Map(order.map((id, rank) => [id, `c${rank}`]));
    const rules = order.map((id) => `.${names.get(id)}{${this.declarations[id]}}`);
    rules.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // Docs lists them by name as text: .c1 .c10 .c11 .c2 …
    return {
      css: rules.join(''),
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks the placeholders this renderer wrote itself.
      html: html.replace(/\u0000(\d+)\u0000/g, (_, id: string) => names.get(Number(id)) ?? ''),
    };
  }
}

const PARAGRAPH = 'padding-top:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left';
const TITLE_PARAGRAPH =
  'padding-top:0pt;padding-bottom:3pt;line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left';
const EMPTY_LINE = 'height:11pt';
const LIST_RESET = 'padding:0;margin:0';
const BODY = 'background-color:#ffffff;max-width:468pt;padding:72pt 72pt 72pt 72pt';
const LINK_ANCHOR = 'color:inherit;text-decoration:inherit';
const SKIP_INK = 'text-decoration-skip-ink:none;-webkit-text-decoration-skip:none;';

const HEADING_PARAGRAPH: Record<number, string> = {
  1: 'padding-top:20pt;padding-bottom:6pt',
  2: 'padding-top:18pt;padding-bottom:6pt',
  3: 'padding-top:16pt;padding-bottom:4pt',
  4: 'padding-top:14pt;padding-bottom:4pt',
  5: 'padding-top:12pt;padding-bottom:4pt',
  6: 'padding-top:12pt;padding-bottom:4pt',
};

/** The font of each kind of paragraph, repeated in full on the last span of every paragraph (Docs does that). */
interface Font {
  color: string;
  size: string;
  italic?: boolean;
}
const BODY_FONT: Font = { color: '#000000', size: '11pt' };
const TITLE_FONT: Font = { color: '#000000', size: '26pt' };
const HEADING_FONT: Record<number, Font> = {
  1: { color: '#000000', size: '20pt' },
  2: { color: '#000000', size: '16pt' },
  3: { color: '#434343', size: '14pt' },
  4: { color: '#666666', size: '12pt' },
  5: { color: '#666666', size: '11pt' },
  6: { color: '#666666', size: '11pt', italic: true },
};

function decoration(style: Style, link: boolean): string {
  const lines = [link || style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean);
  return lines.join(' ');
}

/** The complete text style, as on a paragraph's last span. */
function fullTextStyle(style: Style, font: Font): string {
  const deco = decoration(style, false);
  return (
    `${deco ? SKIP_INK : ''}color:${font.color};font-weight:${style.bold ? 700 : 400};` +
    `text-decoration:${deco || 'none'};vertical-align:baseline;font-size:${font.size};` +
    `font-family:"${style.code ? 'Courier New' : 'Arial'}";font-style:${style.italic || font.italic ? 'italic' : 'normal'}`
  );
}

/** Only what differs from the paragraph's font, as on the other spans: one small class per property. */
function deltaTextStyles(style: Style, link: boolean): string[] {
  const out: string[] = [];
  const deco = decoration(style, link);
  if (link) out.push(`${SKIP_INK}color:#1155cc;text-decoration:${deco}`);
  else if (deco) out.push(`${SKIP_INK}text-decoration:${deco}`);
  if (style.bold) out.push('font-weight:700');
  if (style.italic) out.push('font-style:italic');
  if (style.code) out.push('font-family:"Courier New"');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Lists: Docs writes every run of same-level items as its own flat <ul>/<ol>; one list id per list, which here means
// one per meeting (a heading ends the list), and the level is the `-N` suffix of the list class.

interface ListState {
  id: string;
  tag: 'ul' | 'ol';
  startedLevels: Set<number>;
  /** Items numbered so far per level, for `<ol start>`. */
  counts: number[];
}

const BULLET_GLYPHS = ['\\0025cf', '\\0025cb', '\\0025a0']; // ● ○ ■, repeating down the levels
const NUMBER_FORMATS = ['decimal', 'lower-latin', 'lower-roman'];

function listStyleRules(list: ListState): string[] {
  const rules: string[] = [];
  for (let level = 0; level < 9; level++) {
    const name = `lst-kix_${list.id}-${level}`;
    const counter = `lst-ctn-kix_${list.id}-${level}`;
    rules.push(`${list.tag}.${name}{list-style-type:none}`);
    if (list.tag === 'ul') {
      rules.push(`.${name}>li:before{content:"${BULLET_GLYPHS[level % 3]}   "}`);
    } else {
      rules.push(`.${name}>li:before{content:"" counter(${counter},${NUMBER_FORMATS[level % 3]}) ". "}`);
      rules.push(`.${name}>li{counter-increment:${counter}}`);
      rules.push(`ol.${name}.start{counter-reset:${counter} 0}`);
    }
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------------------------
// The document.

const HEAD = '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">';

/** The element rules every export carries, verbatim from the samples. */
const COMMON_CSS =
  'ol{margin:0;padding:0}table td,table th{padding:0}' +
  '.title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  '.subtitle{padding-top:0pt;color:#666666;font-size:15pt;padding-bottom:16pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  'li{color:#000000;font-size:11pt;font-family:"Arial"}p{margin:0;color:#000000;font-size:11pt;font-family:"Arial"}' +
  'h1{padding-top:20pt;color:#000000;font-size:20pt;padding-bottom:6pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  'h2{padding-top:18pt;color:#000000;font-size:16pt;padding-bottom:6pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  'h3{padding-top:16pt;color:#434343;font-size:14pt;padding-bottom:4pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  'h4{padding-top:14pt;color:#666666;font-size:12pt;padding-bottom:4pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  'h5{padding-top:12pt;color:#666666;font-size:11pt;padding-bottom:4pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}' +
  'h6{padding-top:12pt;color:#666666;font-size:11pt;padding-bottom:4pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;font-style:italic;orphans:2;widows:2;text-align:left}';

const BULLET_BEFORE = 'li.li-bullet-0:before{margin-left:-18pt;white-space:nowrap;display:inline-block;min-width:18pt}';

class DocRenderer {
  private readonly classes = new StyleClasses();
  private readonly usedIds = new Set<string>();
  private readonly lists: ListState[] = [];
  /** The lists of the current meeting, by tag; a heading starts new ones. */
  private meetingLists = new Map<'ul' | 'ol', ListState>();
  private openList: { list: ListState; level: number } | null = null;

  /** `ids` feeds heading and list ids, `text` everything else, so adding a link does not change every id. */
  constructor(
    private readonly ids: Random,
    private readonly text: Random,
  ) {}

  block(block: Block): string {
    if (block.kind === 'item') return this.item(block.level, block.ordered, block.text);
    const close = this.closeList();
    switch (block.kind) {
      case 'title':
        return close + this.title(block.text);
      case 'heading':
        this.meetingLists = new Map();
        return close + this.heading(block.level, block.text);
      case 'paragraph':
        return close + this.paragraph(block.indent, block.text);
      case 'empty':
        return close + this.emptyParagraph();
    }
  }

  closeList(): string {
    if (!this.openList) return '';
    const tag = this.openList.list.tag;
    this.openList = null;
    return `</${tag}>`;
  }

  finish(body: string): string {
    const listCss = this.lists.length === 0 ? [] : [BULLET_BEFORE, ...this.lists.flatMap(listStyleRules)];
    const bodyClass = this.classes.use(BODY);
    const { css, html } = this.classes.finish(`${bodyClass}\u0001${body}`);
    const [bodyName = '', bodyHtml = ''] = html.split('\u0001');
    // Docs emits the list rules in no particular order.
    const styles = this.text.shuffle(listCss).join('') + COMMON_CSS + css;
    return `${HEAD}${styles}</style></head><body class="${bodyName} doc-content">${bodyHtml}</body></html>`;
  }

  private title(text: string): string {
    const paragraph = this.classes.use(TITLE_PARAGRAPH);
    return `<p class="${paragraph} title" id="${this.headingId()}">${this.spans(parseRuns(text), TITLE_FONT)}</p>`;
  }

  private heading(level: number, text: string): string {
    const tag = `h${level}`;
    const paragraph = this.classes.use(
      `${HEADING_PARAGRAPH[level]};line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left`,
    );
    const runs = splitAfterYear(parseRuns(text), this.text);
    const font = HEADING_FONT[level] ?? BODY_FONT;
    return `<${tag} class="${paragraph}" id="${this.headingId()}">${this.spans(runs, font)}</${tag}>`;
  }

  private paragraph(indent: number, text: string): string {
    const classes = [this.classes.use(PARAGRAPH)];
    if (indent > 0) classes.push(this.classes.use(`margin-left:${36 * indent}pt`));
    const runs = splitAtAWord(parseRuns(text), this.text);
    if (runs.length === 0) classes.push(this.classes.use(EMPTY_LINE));
    return `<p class="${classes.join(' ')}">${this.spans(runs, BODY_FONT)}</p>`;
  }

  private emptyParagraph(): string {
    return `<p class="${this.classes.use(PARAGRAPH)} ${this.classes.use(EMPTY_LINE)}">${this.spans([], BODY_FONT)}</p>`;
  }

  private item(level: number, ordered: boolean, text: string): string {
    const list = this.listFor(ordered ? 'ol' : 'ul');
    let out = '';
    if (this.openList?.list !== list || this.openList.level !== level) {
      out += this.closeList() + this.openListTag(list, level);
      this.openList = { list, level };
    }
    // A new item at a shallower level restarts the numbering below it.
    list.counts = list.counts.slice(0, level + 1);
    list.counts[level] = (list.counts[level] ?? 0) + 1;

    const runs = splitAtAWord(parseRuns(text), this.text);
    const classes = [
      this.classes.use(PARAGRAPH),
      this.classes.use(`margin-left:${36 * (level + 1)}pt;padding-left:0pt`),
    ];
    if (runs.length === 0) classes.push(this.classes.use(EMPTY_LINE));
    return `${out}<li class="${classes.join(' ')} li-bullet-0">${this.spans(runs, BODY_FONT)}</li>`;
  }

  private listFor(tag: 'ul' | 'ol'): ListState {
    let list = this.meetingLists.get(tag);
    if (!list) {
      list = { id: this.uniqueId(), tag, startedLevels: new Set(), counts: [] };
      this.meetingLists.set(tag, list);
      this.lists.push(list);
    }
    return list;
  }

  private openListTag(list: ListState, level: number): string {
    const first = !list.startedLevels.has(level);
    list.startedLevels.add(level);
    const classes = `${this.classes.use(LIST_RESET)} lst-kix_${list.id}-${level}${first ? ' start' : ''}`;
    const start = list.tag === 'ol' ? ` start="${(list.counts[level] ?? 0) + 1}"` : '';
    return `<${list.tag} class="${classes}"${start}>`;
  }

  /**
   * A paragraph's runs as spans: the last plain span carries the full font, the others only what differs;
   * links sit in their own span with Docs' link colour, wrapped in the redirect.
   */
  private spans(runs: Run[], font: Font): string {
    if (runs.length === 0) return `<span class="${this.classes.use(fullTextStyle(PLAIN, font))}"></span>`;
    return runs
      .map((run, index) => {
        const isLast = index === runs.length - 1;
        const text = escapeText(run.text);
        if (run.href !== undefined) {
          const classes = deltaTextStyles(run.style, true)
            .map((d) => this.classes.use(d))
            .join(' ');
          const anchor = this.classes.use(LINK_ANCHOR);
          return `<span class="${classes}"><a class="${anchor}" href="${escapeHtml(this.wrapLink(run.href))}">${text}</a></span>`;
        }
        const classes = isLast
          ? [this.classes.use(fullTextStyle(run.style, font))]
          : deltaTextStyles(run.style, false).map((d) => this.classes.use(d));
        return classes.length === 0 ? `<span>${text}</span>` : `<span class="${classes.join(' ')}">${text}</span>`;
      })
      .join('');
  }

  /** Docs sends every outside link through google.com/url; mail and in-document links stay as they are. */
  private wrapLink(target: string): string {
    if (!/^https?:/i.test(target)) return target;
    const usg = `AOvVaw${this.text.string(URL_SAFE, 22)}`;
    return `https://www.google.com/url?q=${encodeRedirectTarget(target)}&sa=D&source=editors&ust=1700000000000000&usg=${usg}`;
  }

  private headingId(): string {
    return `h.${this.uniqueId()}`;
  }

  private uniqueId(): string {
    let id: string;
    do id = this.ids.string(LOWER_ALNUM, 12);
    while (this.usedIds.has(id));
    this.usedIds.add(id);
    return id;
  }
}

const PLAIN: Style = { bold: false, italic: false, underline: false, strike: false, code: false };

// ---------------------------------------------------------------------------------------------------------------
// Escaping.

/**
 * The `q` value of the redirect: like encodeURI (so `%` becomes %25 and `?` `/` `:` stay), plus the characters that
 * would end the value early (`& = #`) and `+`, which a query decoder would read as a space.
 */
export function encodeRedirectTarget(target: string): string {
  let encoded: string;
  try {
    encoded = encodeURI(target);
  } catch {
    encoded = encodeURI(target.replace(/[\uD800-\uDFFF]/g, '\uFFFD')); // a lone surrogate
  }
  return encoded.replace(/[&=#+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Docs writes typographic characters as named entities (`I&rsquo;m`), the rest of non-ASCII as is. */
const NAMED_ENTITIES: Record<string, string> = {
  '\u00a0': '&nbsp;',
  '\u2018': '&lsquo;',
  '\u2019': '&rsquo;',
  '\u201c': '&ldquo;',
  '\u201d': '&rdquo;',
  '\u2013': '&ndash;',
  '\u2014': '&mdash;',
  '\u2026': '&hellip;',
  '\u2022': '&bull;',
  '\u00e9': '&eacute;',
  '\u00e8': '&egrave;',
  '\u00e1': '&aacute;',
  '\u00ed': '&iacute;',
  '\u00f3': '&oacute;',
  '\u00fa': '&uacute;',
  '\u00f1': '&ntilde;',
  '\u00fc': '&uuml;',
  '\u00f6': '&ouml;',
  '\u00e4': '&auml;',
  '\u00e7': '&ccedil;',
  '\u00a9': '&copy;',
  '\u00ae': '&reg;',
  '\u2122': '&trade;',
  '\u00b0': '&deg;',
  '\u00d7': '&times;',
  '\u2192': '&rarr;',
  '\u2190': '&larr;',
};

const NAMED_CHARACTER = new RegExp(`[${Object.keys(NAMED_ENTITIES).join('')}]`, 'g');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text of one span: escaped, spaces that HTML would collapse kept as `&nbsp;`, line breaks as `<br>`. */
function escapeText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      escapeHtml(line)
        .replace(NAMED_CHARACTER, (c) => NAMED_ENTITIES[c] ?? c)
        .replace(/ {2,}/g, (spaces) => ` ${'&nbsp;'.repeat(spaces.length - 1)}`)
        .replace(/^ /, '&nbsp;'),
    )
    .join('<br>');
}
