// One meeting from its heading and the blocks under it: sections, the item tree, the recording,
// whether it was canceled, and content-derived keys.
import type { Block } from './blocks';
import { headingSaysCanceled, LEAD_LINES, lineSaysCanceled } from './cancel';
import type { HeadingDate } from './dates';
import type { ElementIndex, MeetingPlaces } from './element-index';
import { ItemKeys } from './keys';
import { isVideoLink, linksOf } from './links';
import type { Item, Link, Meeting, Section, SectionKind } from './model';
import { actionOwnerIn, attendeeLabel, attendeesIn, mergePeople, peopleIn } from './people';
import { refsOf } from './refs';
import { isParagraphTitle, sectionKind } from './sections';
import { isPlaceholder, oneLine, wordCount } from './text';

export interface MeetingHead {
  block: Block;
  date: HeadingDate;
  /** `YYYY-MM-DD`. */
  isoDate: string;
  key: string;
  /** The heading writes no year: it was inferred. */
  yearInferred?: true;
  /** The title, when it is not the whole text of the block (a date line above its recording line). */
  title?: string;
}

interface DraftItem {
  block: Block;
  depth: number;
  /** An empty bullet: dropped, its children move up to its place. */
  ghost: boolean;
  /** Null until it has one (most items have none). */
  children: DraftItem[] | null;
}

interface DraftSection {
  kind: SectionKind;
  title: string;
  items: DraftItem[];
  /** Open items by depth, for hanging the next item on its parent. */
  path: DraftItem[];
  /** For a section opened by a bullet ("Pulls of note"): the bullet had children of its own (empty ones count). */
  hadChildren: boolean;
  /** The title bullet had none, and the author wrote its items at its own level: keep taking them. */
  adopting: boolean;
}

/** "Recording", "[Recording](…)", "Recording: link", "Recorded meeting", "Video: …". */
const RECORDING = /^\s*(?:meeting\s+)?(?:recordings?|recorded(?:\s+meeting)?|video(?:\s+recording)?)(?![\w-])/i;
const MAX_RECORDING_WORDS = 8;

/** The words and numbers of a line: "10:30am", "7 pm", "18:30", "Pacific". */
const TIME_TOKEN = /\d+(?::\d+)?(?:\s?(?:a\.?m\.?|p\.?m\.?)(?![a-z]))?|\p{L}+/giu;
/** A clock time among them. */
const CLOCK = /^(?:\d{1,2}(?::\d{2})?\s?[ap]\.?m\.?|\d{1,2}:\d{2})$/i;
/** Words that may stand beside a clock time in a meeting's time line: zones, regions, "fourth Tuesday". */
const TIME_WORDS = new Set([
  'pacific',
  'eastern',
  'central',
  'mountain',
  'pt',
  'pst',
  'pdt',
  'et',
  'est',
  'edt',
  'ct',
  'utc',
  'gmt',
  'cet',
  'cest',
  'ist',
  'bst',
  'jst',
  'apac',
  'emea',
  'amer',
  'eu',
  'us',
  'time',
  'noon',
  'midnight',
  'to',
  'first',
  'second',
  'third',
  'fourth',
  'last',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
]);
const MAX_TIME_LINE = 60;

/** "10:30am Pacific (18:30 UTC)", "7pm Pacific - fourth Tuesday", "(APAC) 7pm Pacific": only a time and its zone. */
export function isTimeLine(text: string): boolean {
  if (text.length > MAX_TIME_LINE) return false;
  let clocks = 0;
  for (const [token] of text.matchAll(TIME_TOKEN)) {
    if (CLOCK.test(token)) clocks++;
    else if (!TIME_WORDS.has(token.toLowerCase())) return false;
  }
  return clocks > 0;
}

function isTableRow(block: Block): boolean {
  return block.element.tagName === 'TR';
}

/** True for the item that only points at the meeting's recording. */
export function isRecordingLine(text: string): boolean {
  return RECORDING.test(text) && wordCount(text) <= MAX_RECORDING_WORDS;
}

/** The recording among an item's links: YouTube first, else the first link, else null. */
export function recordingHref(links: readonly Link[]): string | null {
  return links.find((l) => isVideoLink(l.href))?.href ?? links[0]?.href ?? null;
}

/** The meeting under `head`; its key and its items' keys go into `elements`, with the element to bring into view. */
export function buildMeeting(head: MeetingHead, entries: readonly Block[], elements: ElementIndex): Meeting {
  const builder = new MeetingBuilder(head);
  for (const block of entries) builder.add(block);
  return builder.finish(elements);
}

class MeetingBuilder {
  private readonly sections: DraftSection[] = [];
  private base: DraftSection | null = null;
  private bullet: DraftSection | null = null;
  private readonly leadLines: string[] = [];
  private recording: string | null = null;
  private minDepth = Number.POSITIVE_INFINITY;
  private time: string | undefined;
  private sawItem = false;

  constructor(private readonly head: MeetingHead) {
    this.readHeadingLinks();
  }

  add(block: Block): void {
    if (!this.sawItem && block.kind !== 'item' && this.time === undefined && isTimeLine(block.text)) {
      // "### 10:30am Pacific (18:30 UTC)" under the date: when the meeting is, not a section of it.
      this.time = oneLine(block.text);
      return;
    }
    if (block.kind === 'heading') {
      this.openTitled(block.text);
      return;
    }
    // A table row ("Incoming | | Completed |") is the table's, not a title.
    const titled = block.kind === 'paragraph' && !isTableRow(block);
    if (titled && isParagraphTitle(block.text, block.bold, block.links.length > 0)) {
      this.openTitled(block.text);
      return;
    }
    this.addItem(block, block.kind === 'item' ? block.depth : this.topDepth());
  }

  /** A heading or "Issues:" paragraph inside the meeting: a section of its own. */
  private openTitled(title: string): void {
    const line = oneLine(title);
    const kind = sectionKind(line);
    if (kind === null) this.noteLead(line);
    this.base = this.newSection(kind ?? 'other', line);
    this.bullet = null;
  }

  private addItem(block: Block, rawDepth: number): void {
    this.sawItem = true;
    // Depth counts from the meeting's shallowest bullet: a Doc may indent a whole meeting.
    this.minDepth = Math.min(this.minDepth, rawDepth);
    const depth = rawDepth - this.minDepth;
    const line = oneLine(block.text);
    if (isRecordingLine(line)) {
      this.takeRecording(block);
      return;
    }
    const ghost = isPlaceholder(block.text);
    const atTop = depth === 0;
    if (atTop && !ghost && block.kind === 'item' && this.isBulletTitle(block, line)) {
      // "Action Items *": an empty bullet under the title that markdown folded into its line.
      const title = withoutSwallowedBullet(line);
      const swallowed = title !== line;
      this.bullet = this.newSection(sectionKind(title) ?? 'other', title);
      this.bullet.hadChildren = swallowed;
      return;
    }
    if (atTop && !ghost) this.noteLead(line);
    const target = this.targetFor(depth, ghost);
    insert(target, { block, depth, ghost, children: null });
  }

  /** Where an item goes: under the current title bullet, or back in the base section. */
  private targetFor(depth: number, ghost: boolean): DraftSection {
    const bullet = this.bullet;
    if (bullet) {
      if (depth > 0) {
        bullet.hadChildren = true;
        return bullet;
      }
      if (bullet.adopting || (!bullet.hadChildren && !ghost)) {
        bullet.adopting = true;
        return bullet;
      }
      this.bullet = null;
    }
    return this.baseSection();
  }

  /** The section for items outside any title bullet; a fresh untitled one after a bullet's, to keep document order. */
  private baseSection(): DraftSection {
    const base = this.base;
    if (base && (base.title !== '' || this.sections[this.sections.length - 1] === base)) return base;
    this.base = this.newSection('other', '');
    return this.base;
  }

  /**
   * "Pulls of note" as a top-level bullet. Under a titled section ("Agenda/Notes:") bullets are topics, except a
   * label of another kind under a general agenda ("PRs to discuss or that need attention", "Design Review" under
   * SIG Storage's "Agenda/Notes"): the items under it are that section's.
   */
  private isBulletTitle(block: Block, line: string): boolean {
    if (block.links.length > 0 || /^[[(@]/.test(line)) return false;
    const kind = sectionKind(line);
    if (kind === null) return false;
    const base = this.base;
    if (!base || base.title === '') return true;
    return base.kind === 'discussion' && kind !== 'discussion';
  }

  private takeRecording(block: Block): void {
    const links = linksOf(block.text, block.links);
    if (!this.recording) this.recording = recordingHref(links);
  }

  private readHeadingLinks(): void {
    const links = this.head.block.links;
    const link = links.find((l) => isVideoLink(l.href) || /record|video/i.test(l.text));
    if (link) this.recording = link.href;
  }

  private noteLead(line: string): void {
    if (this.leadLines.length < LEAD_LINES) this.leadLines.push(line);
  }

  private topDepth(): number {
    return this.minDepth === Number.POSITIVE_INFINITY ? 0 : this.minDepth;
  }

  private newSection(kind: SectionKind, title: string): DraftSection {
    const section: DraftSection = { kind, title, items: [], path: [], hadChildren: false, adopting: false };
    this.sections.push(section);
    return section;
  }

  finish(elements: ElementIndex): Meeting {
    const { head } = this;
    const places = elements.addMeeting(head.key, head.block.element);
    const keys = new ItemKeys(head.key);
    const sections: Section[] = [];
    const counter = { items: 0 };
    for (const draft of this.sections) {
      const items = finishItems(draft.items, { kind: draft.kind, keys, places, attendees: false, counter });
      // A section titled "Attendees" opens with the people, one line or a few each, until its first line with more under it.
      if (attendeeLabel(draft.title)) addAttendees(items);
      // A title with nothing under it ("Demos", "Pulls of note" with an empty bullet) says nothing.
      if (items.length > 0) sections.push({ kind: draft.kind, title: draft.title, items });
    }
    const meeting: Meeting = {
      key: head.key,
      date: head.isoDate,
      title: head.title ?? oneLine(head.block.text),
      canceled: false,
      recording: this.recording,
      anchor: head.block.id ? { id: head.block.id } : {},
      sections,
      itemCount: counter.items,
    };
    const time = head.date.time ?? this.time;
    if (time) meeting.time = time;
    if (head.yearInferred) meeting.yearInferred = true;
    const reason = this.canceledReason();
    if (reason) {
      meeting.canceled = true;
      meeting.canceledReason = reason;
    }
    return meeting;
  }

  private canceledReason(): string | null {
    const { block, date } = this.head;
    if (block.struck) return 'heading struck through';
    if (headingSaysCanceled(date.rest)) return oneLine(block.text);
    return this.leadLines.find(lineSaysCanceled) ?? null;
  }
}

/** Hangs an item on the nearest shallower open item, or at the top of the section. */
function insert(section: DraftSection, item: DraftItem): void {
  const path = section.path;
  while (path.length > 0 && (path[path.length - 1] as DraftItem).depth >= item.depth) path.pop();
  const parent = path[path.length - 1];
  if (parent) {
    if (parent.children) parent.children.push(item);
    else parent.children = [item];
  } else section.items.push(item);
  path.push(item);
}

interface ItemContext {
  kind: SectionKind;
  keys: ItemKeys;
  /** The meeting's record in the element index: each item's key and element go there. */
  places: MeetingPlaces;
  /** The items are lines of an attendee list (the bullets under "Attendees"). */
  attendees: boolean;
  /** Items made so far in the meeting. */
  counter: { items: number };
}

/** Drafts → items: ghosts replaced by their children, keys given in document order. Depth is capped, so recursion is shallow. */
function finishItems(drafts: readonly DraftItem[] | null, ctx: ItemContext): Item[] {
  const out: Item[] = [];
  if (!drafts) return out;
  for (const draft of drafts) {
    if (draft.ghost) {
      out.push(...finishItems(draft.children, ctx));
      continue;
    }
    out.push(finishItem(draft, ctx));
  }
  return out;
}

function finishItem(draft: DraftItem, ctx: ItemContext): Item {
  const { block } = draft;
  // "Discuss … 2407 *": an empty bullet that markdown folded into the line above.
  const text = withoutSwallowedBullet(block.text);
  const key = ctx.keys.next(ctx.kind, text);
  ctx.places.itemKeys.push(key);
  ctx.places.itemElements.push(block.element);
  ctx.counter.items++;
  const links = linksOf(block.text, block.links);
  // "Attendees: Joe Beda, Sarah Novotny" names them on its own line; "Attendees" with bullets under it, below.
  const label = attendeeLabel(text);
  const listed = ctx.attendees ? attendeesIn(text) : label ? attendeesIn(label.rest) : [];
  return {
    key,
    text,
    links,
    refs: refsOf(text, links),
    people: peopleOf(peopleIn(text), actionOwnerIn(text), listed),
    struck: block.struck,
    children: finishItems(draft.children, label && !ctx.attendees ? { ...ctx, attendees: true } : ctx),
  };
}

/** An item's people from its three rules: the only list that names anyone as it is (each is a fresh array), else merged. */
function peopleOf(tagged: string[], owner: string[], listed: string[]): string[] {
  if (owner.length === 0 && listed.length === 0) return tagged;
  if (tagged.length === 0 && listed.length === 0) return owner;
  if (tagged.length === 0 && owner.length === 0) return listed;
  return mergePeople(tagged, owner, listed);
}

/** The leading lines of an attendee section that read as attendee lines; the first item with children ends them. */
function addAttendees(items: readonly Item[]): void {
  for (const item of items) {
    if (item.children.length > 0 || item.links.length > 0) return;
    const listed = attendeesIn(item.text);
    if (listed.length === 0) return;
    item.people = mergePeople(item.people, listed);
  }
}

/**
 * The text without the folded bullet (blanks, then `*`, `+` or `-` at its end); most lines do not end in one, and
 * keep their string. Trimmed by hand: `/\s+[*+-]$/` retries a long run of blanks at each of its starts.
 */
export function withoutSwallowedBullet(text: string): string {
  const last = text.charAt(text.length - 1);
  if (last !== '*' && last !== '+' && last !== '-') return text;
  const before = text.slice(0, -1);
  const trimmed = before.trimEnd();
  return trimmed.length < before.length ? trimmed : text;
}
