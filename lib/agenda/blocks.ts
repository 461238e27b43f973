// DOM → a flat stream of blocks (headings, list items with their depth, paragraphs), in one
// iterative pass over the content root. Iterative on purpose: lists nested thousands deep must not
// exhaust the call stack. Text is read from text nodes (never innerHTML), styles from tags, inline
// `style` attributes and, for Google Docs, the class map read once from `<style>`.
import { kixLevel, levelFromMargin, readDeclarations, type ClassStyle, type StyleMap } from './gdocs';
import { cleanHref } from './links';
import type { Link } from './model';
import { hasVisible, isSpace, normaliseText } from './text';

export type BlockKind = 'heading' | 'item' | 'paragraph';

export interface Block {
  kind: BlockKind;
  /** Heading level 1–6; 0 for other blocks. */
  level: number;
  /** List depth of an item, 0 for a top-level bullet; 0 for other blocks. */
  depth: number;
  /** Normalised text; `<br>` and paragraphs inside an item become `\n`. */
  text: string;
  /** Anchors with an http(s) target (Google redirects unwrapped), in order. */
  links: Link[];
  /** Every piece of its text is struck through. */
  struck: boolean;
  /** Every piece of its text is bold. */
  bold: boolean;
  /** The element's own jump anchor: `h.xxxx` in Docs, GitHub's `user-content-…`. */
  id?: string;
  /** A paragraph indented like a list level (Docs' margin-left): the level its text lines up with. */
  indent?: number;
  element: Element;
}

export interface ReadOptions {
  /** Google Docs class styles; absent for other sources. */
  styles?: StyleMap;
  /** The page address, to resolve relative links. */
  baseUrl: string;
}

/** Class attributes whose style is kept, at most: a Doc of 5,000 meetings has about 30,000 different ones. */
const MAX_CACHED_CLASSES = 100_000;

/** Deeper levels are folded into this one; keeps every later walk over item trees shallow. */
export const MAX_DEPTH = 64;

/**
 * Elements the content script adds to the page (a highlight `<div>`, `<agenda-overlay-status>` badges)
 * are not the page's text. Only divs and custom elements are checked: attribute reads cost.
 */
const OVERLAY_ATTRIBUTE = 'data-agenda-overlay';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'title',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'button',
  'input',
  'textarea',
  'audio',
  'video',
]);
/** Elements that start a paragraph of their own when no block is open, and a new line inside one. */
const PARAGRAPHS = new Set(['p', 'pre', 'blockquote', 'dt', 'dd', 'figcaption', 'address', 'summary']);
/** Containers: they never hold a block's text themselves, but break lines. */
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'figure',
  'details',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'fieldset',
  'form',
  'hgroup',
  'body',
  'html',
  'hr',
]);
/** Where pages put `style="text-decoration: line-through"` and the like (attribute reads cost, at 300,000 elements). */
const INLINE_STYLED = new Set([
  'span',
  'font',
  'p',
  'li',
  'div',
  'td',
  'b',
  'i',
  'u',
  'em',
  'strong',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** What an element does to the blocks, by tag name: one look-up per element instead of a chain of them. */
const Role = {
  Other: 0,
  Skipped: 1,
  Break: 2,
  Heading: 3,
  Item: 4,
  List: 5,
  Row: 6,
  Cell: 7,
  Paragraph: 8,
  Container: 9,
  Anchor: 10,
} as const;
type Role = (typeof Role)[keyof typeof Role];
const ROLES = new Map<string, Role>([
  ...[...SKIPPED].map((name) => [name, Role.Skipped] as const),
  ['br', Role.Break],
  ...Object.keys(HEADINGS).map((name) => [name, Role.Heading] as const),
  ['li', Role.Item],
  ['ul', Role.List],
  ['ol', Role.List],
  ['tr', Role.Row],
  ['td', Role.Cell],
  ['th', Role.Cell],
  ...[...PARAGRAPHS].map((name) => [name, Role.Paragraph] as const),
  ...[...CONTAINERS].map((name) => [name, Role.Container] as const),
  ['a', Role.Anchor],
]);

interface Style {
  struck: boolean;
  bold: boolean;
  /** Inside `<pre>`: line breaks in the text are real. */
  pre: boolean;
}

interface OpenBlock {
  block: Block;
  /** Raw text so far (strings concatenate cheaply; no arrays to collect). */
  raw: string;
  hasText: boolean;
  allStruck: boolean;
  allBold: boolean;
  /** Opened by loose text rather than by an element of its own: closes at the next block element. */
  implicit: boolean;
  owner: Frame;
  /** A list item whose nested list has ended: text after it is a block of its own. */
  afterList: boolean;
  /**
   * The raw text is empty or ends in a blank or a line break: more blanks there change nothing once the text is
   * normalised (a run of blanks is one space, and lines are trimmed), so they are not added.
   */
  blankEnd: boolean;
}

interface OpenAnchor {
  href: string;
  raw: string;
  /** The block its link goes to. */
  block: Block | null;
}

interface Frame {
  node: Node;
  /** The next child to visit (sibling walk). */
  child: Node | null;
  /** The children and the index of the next one (index walk). */
  kids: ArrayLike<Node> | null;
  next: number;
  style: Style;
  list: ListInfo | null;
  anchor: OpenAnchor | null;
  newlineOnExit: boolean;
}

interface ListInfo {
  kix: number | null;
}

const PLAIN: Style = { struck: false, bold: false, pre: false };

/** Reads the blocks under `root`, in document order. */
export function readBlocks(root: Element, options: ReadOptions): Block[] {
  return new BlockReader(options, walksByIndex(root)).read(root);
}

/**
 * The blocks of `nodes`, children of `root` in the page's order, as `readBlocks(root)` reads them there: the same
 * for a run of `root`'s children that starts at a heading, a list or another block element (an edit re-read).
 */
export function readBlocksOf(root: Element, nodes: readonly Node[], options: ReadOptions): Block[] {
  return new BlockReader(options, walksByIndex(root)).read(root, nodes);
}

/**
 * Browsers link siblings directly, and `firstChild`/`nextSibling` is the fastest walk there (a
 * `childNodes` list per element costs more). happy-dom finds a sibling by searching its parent's
 * child array, which is quadratic on Docs' flat pages of 100,000 siblings: index its `childNodes`.
 */
function walksByIndex(root: Element): boolean {
  const view = root.ownerDocument?.defaultView as object | null | undefined;
  return !!view && 'happyDOM' in view;
}

class BlockReader {
  private readonly blocks: Block[] = [];
  private readonly open: OpenBlock[] = [];
  /** Records of closed blocks, for the next ones to reuse: nothing refers to a closed block's record. */
  private readonly spare: OpenBlock[] = [];
  private readonly lists: ListInfo[] = [];
  private readonly anchors: OpenAnchor[] = [];
  private readonly classCache = new Map<string, ClassStyle | null>();

  constructor(
    private readonly options: ReadOptions,
    private readonly byIndex: boolean,
  ) {}

  read(root: Element, only?: readonly Node[]): Block[] {
    // Frames are reused by depth: a page of 300,000 nodes should not make 300,000 of them.
    const frames: Frame[] = [this.resetFrame(undefined, root, PLAIN)];
    if (only) {
      (frames[0] as Frame).kids = only;
      (frames[0] as Frame).child = null;
    }
    let depth = 1;
    while (depth > 0) {
      const frame = frames[depth - 1] as Frame;
      const child = nextChild(frame);
      if (!child) {
        this.exit(frame);
        depth--;
        continue;
      }
      if (child.nodeType === 3) {
        this.text((child as Text).data, frame);
      } else if (child.nodeType === 1) {
        const slot = this.enter(child as Element, frame, frames[depth]);
        if (slot) frames[depth++] = slot;
      }
    }
    return this.finish();
  }

  /** Handles an element's start; returns its frame (`slot`, reused), or null when its content is not read. */
  private enter(el: Element, parent: Frame, slot: Frame | undefined): Frame | null {
    const name = el.localName;
    const role = ROLES.get(name) ?? Role.Other;
    if (role === Role.Skipped || ((name === 'div' || name.includes('-')) && isOverlayOrHidden(el, name))) return null;
    if (role === Role.Break) {
      this.append('\n', parent.style);
      return null;
    }
    const cls = this.options.styles ? classOf(el) : '';
    const frame = this.resetFrame(slot, el, this.styleOf(el, name, cls, parent.style));
    switch (role) {
      case Role.Heading: {
        this.closeImplicit();
        const id = headingId(el);
        const block = this.openBlock('heading', el, frame, HEADINGS[name] as number, 0);
        if (id) block.id = id;
        break;
      }
      case Role.Item:
        this.closeImplicit();
        this.openBlock('item', el, frame, 0, this.itemDepth(el));
        break;
      case Role.List:
        this.closeImplicit();
        frame.list = { kix: kixLevel(this.options.styles ? cls : classOf(el)) };
        this.lists.push(frame.list);
        break;
      case Role.Row:
        this.closeImplicit();
        if (this.explicitTop()) this.append('\n', frame.style);
        else this.openBlock('paragraph', el, frame, 0, 0);
        break;
      case Role.Cell: {
        const top = this.explicitTop();
        if (top?.hasText) {
          top.raw += ' | ';
          top.blankEnd = true;
        }
        break;
      }
      case Role.Paragraph:
        this.closeImplicit();
        if (this.explicitTop()) this.lineBreak(frame);
        else {
          const indent = this.marginLevel(el, cls);
          const block = this.openBlock('paragraph', el, frame, 0, 0);
          if (indent !== null) block.indent = indent;
        }
        break;
      case Role.Container:
        this.closeImplicit();
        if (this.explicitTop()) this.lineBreak(frame);
        break;
      case Role.Anchor:
        this.enterAnchor(el, frame);
        break;
    }
    return frame;
  }

  private exit(frame: Frame): void {
    if (frame.anchor) this.exitAnchor(frame.anchor);
    let top = this.open[this.open.length - 1];
    if (frame.list) {
      this.lists.pop();
      if (top?.block.kind === 'item') top.afterList = true;
    }
    while (top && top.owner === frame) {
      this.closeBlock();
      top = this.open[this.open.length - 1];
    }
    if (frame.newlineOnExit && top) {
      top.raw += '\n';
      top.blankEnd = true;
    }
  }

  private lineBreak(frame: Frame): void {
    const top = this.open[this.open.length - 1];
    if (top) {
      top.raw += '\n';
      top.blankEnd = true;
    }
    frame.newlineOnExit = true;
  }

  private text(raw: string, frame: Frame): void {
    let data = raw;
    const visible = hasVisible(data);
    if (this.open.length === 0) {
      if (!visible) return;
      // Loose text (a generic page's `<div>Cancelled</div>`): a paragraph of its own.
      this.openBlock('paragraph', frame.node as Element, frame, 0, 0, true);
    }
    // A line break in the source is a space on screen, except in <pre>.
    if (!frame.style.pre && data.includes('\n')) data = data.replace(/[\r\n]+/g, ' ');
    const top = this.open[this.open.length - 1];
    if (top?.afterList && visible) {
      // "<li>Announcements<ul>…</ul><p>More</p></li>": the paragraph follows the sub-items, as their sibling.
      top.afterList = false;
      const element = blockElement(frame.node as Element, top.block.element);
      this.openBlock('item', element, top.owner, 0, Math.min(top.block.depth + 1, MAX_DEPTH));
    }
    this.append(data, frame.style, visible);
  }

  /** Adds text to the open block (and anchor); `visible` when it holds more than blanks. */
  private append(data: string, style: Style, visible = false): void {
    const top = this.open[this.open.length - 1];
    if (!top) return;
    const anchor = this.anchors[this.anchors.length - 1];
    if (!visible && top.blankEnd && !anchor && !style.pre && data !== '\n') return;
    top.raw += data;
    top.blankEnd = endsBlank(data);
    if (anchor) anchor.raw += data;
    if (visible) {
      top.hasText = true;
      if (!style.struck) top.allStruck = false;
      if (!style.bold) top.allBold = false;
    }
  }

  private enterAnchor(el: Element, frame: Frame): void {
    const href = el.getAttribute('href');
    const top = this.open[this.open.length - 1] ?? null;
    // GitHub's older heading markup puts the jump anchor inside the heading.
    if (top?.block.kind === 'heading' && top.block.id === undefined) {
      const id = el.getAttribute('id');
      if (id) top.block.id = id;
    }
    if (href === null) return;
    frame.anchor = { href, raw: '', block: top ? top.block : null };
    this.anchors.push(frame.anchor);
  }

  private exitAnchor(anchor: OpenAnchor): void {
    this.anchors.pop();
    const block = anchor.block;
    if (!block) return;
    const href = cleanHref(anchor.href, this.options.baseUrl);
    if (!href) return;
    const text = normaliseText(anchor.raw);
    block.links.push({ href, text: text.includes('\n') ? text.replace(/\n/g, ' ') : text });
  }

  /** Starts a block; `level` for headings, `depth` for items. */
  private openBlock(kind: BlockKind, el: Element, owner: Frame, level: number, depth: number, implicit = false): Block {
    const block: Block = {
      kind,
      level,
      depth,
      text: '',
      links: [],
      struck: false,
      bold: false,
      element: el,
    };
    this.blocks.push(block);
    const record = this.spare.pop();
    if (record) {
      record.block = block;
      record.raw = '';
      record.hasText = false;
      record.allStruck = true;
      record.allBold = true;
      record.implicit = implicit;
      record.owner = owner;
      record.afterList = false;
      record.blankEnd = true;
      this.open.push(record);
    } else {
      this.open.push({
        block,
        raw: '',
        hasText: false,
        allStruck: true,
        allBold: true,
        implicit,
        owner,
        afterList: false,
        blankEnd: true,
      });
    }
    return block;
  }

  private resetFrame(slot: Frame | undefined, el: Element, style: Style): Frame {
    const kids = this.byIndex ? el.childNodes : null;
    const child = this.byIndex ? null : el.firstChild;
    if (!slot) return { node: el, child, kids, next: 0, style, list: null, anchor: null, newlineOnExit: false };
    slot.node = el;
    slot.child = child;
    slot.kids = kids;
    slot.next = 0;
    slot.style = style;
    slot.list = null;
    slot.anchor = null;
    slot.newlineOnExit = false;
    return slot;
  }

  private closeBlock(): void {
    const ob = this.open.pop();
    if (!ob) return;
    const block = ob.block;
    block.text = normaliseText(ob.raw);
    block.struck = ob.hasText && ob.allStruck;
    block.bold = ob.hasText && ob.allBold;
    ob.raw = '';
    this.spare.push(ob);
  }

  private closeImplicit(): void {
    while (this.open[this.open.length - 1]?.implicit) this.closeBlock();
  }

  private explicitTop(): OpenBlock | undefined {
    const top = this.open[this.open.length - 1];
    return top && !top.implicit ? top : undefined;
  }

  /** Docs' `lst-kix_<id>-N`, then the clipboard's aria-level, then real nesting, then Docs' 36pt margins. */
  private itemDepth(el: Element): number {
    const list = this.lists[this.lists.length - 1];
    if (list?.kix != null) return Math.min(list.kix, MAX_DEPTH);
    const aria = el.getAttribute('aria-level');
    let depth: number;
    if (aria !== null && /^\d+$/.test(aria)) depth = Math.max(0, Number(aria) - 1);
    else if (this.lists.length > 1) depth = this.lists.length - 1;
    else depth = this.marginLevel(el, this.options.styles ? classOf(el) : '') ?? 0;
    return Math.min(depth, MAX_DEPTH);
  }

  /**
   * The list level an element's margin-left lines up with (36pt a level), or null when it has none. `cls` is its
   * class attribute, read by the caller when Docs styles are known ('' otherwise).
   */
  private marginLevel(el: Element, cls: string): number | null {
    const inline = el.getAttribute('style');
    const fromInline = inline ? readDeclarations(inline)?.marginPt : undefined;
    if (fromInline !== undefined) return fromInline > 0 ? levelFromMargin(fromInline) : null;
    const margin = cls ? this.classStyle(cls)?.marginPt : undefined;
    if (margin === undefined) return null;
    return margin > 0 ? Math.min(levelFromMargin(margin), MAX_DEPTH) : null;
  }

  /** The style inside `el`; `cls` is its class attribute when Docs styles are known ('' otherwise). */
  private styleOf(el: Element, name: string, cls: string, parent: Style): Style {
    let struck = parent.struck || name === 'del' || name === 's' || name === 'strike';
    let bold = parent.bold || name === 'b' || name === 'strong';
    const pre = parent.pre || name === 'pre';
    if (this.options.styles) {
      const style = cls ? this.classStyle(cls) : null;
      if (style) {
        struck ||= style.struck;
        if (style.bold !== undefined) bold = style.bold;
      }
    }
    // Docs exports style by class alone; elsewhere inline styles sit on these few tags.
    const inline = this.options.styles || !INLINE_STYLED.has(name) ? null : el.getAttribute('style');
    if (inline) {
      const declared = readDeclarations(inline);
      if (declared) {
        struck ||= declared.struck;
        if (declared.bold !== undefined) bold = declared.bold;
      }
    }
    return struck === parent.struck && bold === parent.bold && pre === parent.pre ? parent : { struck, bold, pre };
  }

  /** What a whole class attribute ("c0 c6 li-bullet-0") says, cached: Docs repeats a few combinations everywhere. */
  private classStyle(cls: string): ClassStyle | null {
    let style = this.classCache.get(cls);
    if (style !== undefined) return style;
    style = null;
    const styles = this.options.styles;
    // Token by token, as `cls.split(/\s+/)` gives them (an empty token matches no class).
    for (let start = 0; start < cls.length; ) {
      let end = start;
      while (end < cls.length && !isSpace(cls.charCodeAt(end))) end++;
      const own = end > start ? styles?.get(cls.slice(start, end)) : undefined;
      start = end + 1;
      if (!own) continue;
      style ??= { struck: false };
      style.struck ||= own.struck;
      if (own.bold !== undefined) style.bold = own.bold;
      if (own.marginPt !== undefined) style.marginPt = own.marginPt;
    }
    // Lists name their own list ("c2 lst-kix_v2khxt1gzq19-0 start"), so a long Doc has many thousands of class
    // attributes; most come back (a list goes on after a paragraph). The cache is bounded, not the page.
    if (this.classCache.size < MAX_CACHED_CLASSES) this.classCache.set(cls, style);
    return style;
  }

  private finish(): Block[] {
    while (this.open.length > 0) this.closeBlock();
    return attachIndentedParagraphs(this.blocks);
  }
}

/**
 * Empty paragraphs and headings are Docs' spacing: dropped; empty items stay, their children hang on them.
 * Docs has no paragraphs inside list items: a second paragraph of an item is a paragraph indented
 * to line up with it. Join it to that item (as GitHub's `<li><p>…</p><p>…</p></li>` would be), or,
 * after deeper items, make it their sibling (as text after a nested `<ul>` is).
 */
function attachIndentedParagraphs(blocks: Block[]): Block[] {
  const out: Block[] = [];
  // An empty heading stands between a list and the paragraph after it (Docs-to-Markdown leaves "## " above a date).
  let afterEmptyHeading = false;
  for (const block of blocks) {
    if (block.kind !== 'item' && block.text.length === 0) {
      if (block.kind === 'heading') afterEmptyHeading = true;
      continue;
    }
    const prev = afterEmptyHeading ? undefined : out[out.length - 1];
    afterEmptyHeading = false;
    if (block.kind !== 'paragraph' || block.indent === undefined || prev?.kind !== 'item') {
      out.push(block);
      continue;
    }
    if (prev.depth === block.indent) {
      prev.text = prev.text ? `${prev.text}\n${block.text}` : block.text;
      prev.links.push(...block.links);
      prev.struck = prev.struck && block.struck;
      continue;
    }
    block.kind = 'item';
    block.depth = Math.min(prev.depth > block.indent ? block.indent + 1 : prev.depth + 1, MAX_DEPTH);
    out.push(block);
  }
  return out;
}

/**
 * The class attribute ('' when none). `className` is read where it is a string (HTML elements): in Chromium
 * it costs half a `getAttribute('class')`, and a Docs page asks 300,000 times.
 */
function classOf(el: Element): string {
  const name = el.className as unknown;
  return typeof name === 'string' ? name : (el.getAttribute('class') ?? '');
}

/** The text ends in a blank or a line break (`\s`, or U+200B, which normalising turns into a space too). */
function endsBlank(data: string): boolean {
  const last = data.charCodeAt(data.length - 1);
  return isSpace(last) || last === 0x200b;
}

function isOverlayOrHidden(el: Element, name: string): boolean {
  return name.startsWith('agenda-overlay') || el.hasAttribute(OVERLAY_ATTRIBUTE) || el.hasAttribute('hidden');
}

/** The frame's next child, advancing it; null when it has none left. */
function nextChild(frame: Frame): Node | null {
  if (frame.kids) return frame.next < frame.kids.length ? (frame.kids[frame.next++] as Node) : null;
  const child = frame.child;
  if (child) frame.child = child.nextSibling;
  return child;
}

/** The paragraph (or other block) around a text's parent, up to but not past `limit`: what to scroll to. */
function blockElement(parent: Element, limit: Element): Element {
  let el: Element | null = parent;
  while (el && el !== limit) {
    if (PARAGRAPHS.has(el.localName) || CONTAINERS.has(el.localName)) return el;
    el = el.parentElement;
  }
  return parent;
}

/** A heading's jump anchor: its own id, or GitHub's `<a id="user-content-…" class="anchor">` beside it. */
function headingId(heading: Element): string | undefined {
  if (heading.id) return heading.id;
  const wrapper = heading.parentElement;
  if (!wrapper || !/(?:^|\s)markdown-heading(?:\s|$)/.test(wrapper.getAttribute('class') ?? '')) return undefined;
  for (let sibling = heading.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName === 'a' && sibling.id) return sibling.id;
  }
  return undefined;
}
