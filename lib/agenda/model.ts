// The agenda model: plain, serialisable JSON that crosses from the content script to the panel.
// Keys are derived from content (date, section, text), never from positions, so that
// notes and follows attached to them survive edits made above them.

export type SourceKind = 'gdocs-html' | 'gdocs-editor' | 'github-markdown' | 'generic';

export type SectionKind =
  | 'announcements'
  | 'demos'
  | 'pulls'
  | 'designs'
  | 'discussion'
  | 'action-items'
  | 'needs-review'
  | 'other';

/**
 * Where a meeting's heading can be linked to in its page. No position: an edit above a meeting must not change
 * the meeting (the content script finds elements by key, and a panel patched with the meetings an edit changed
 * must hold the same agenda as the page).
 */
export interface Anchor {
  /** The heading's own id (Google Docs heading ids `h.xxxx`, GitHub's `user-content-…`), if it has one. */
  id?: string;
}

export interface Link {
  href: string;
  text: string;
}

export interface Item {
  /** `<meetingKey>/<sectionKind>/<fingerprint>`, with `~2`, `~3` … when a fingerprint repeats. */
  key: string;
  text: string;
  links: Link[];
  /** Canonical GitHub references: `owner/repo#123`. */
  refs: string[];
  /** Handles or names as written, without `@`: `pbarker`, `Clayton`. */
  people: string[];
  struck: boolean;
  children: Item[];
}

export interface Section {
  kind: SectionKind;
  /** The title as written ('Pulls of note'); empty for items that stand before any section heading. */
  title: string;
  items: Item[];
}

export interface Meeting {
  /** `YYYY-MM-DD`, plus `#2`, `#3` … when a date repeats in one document. */
  key: string;
  date: string;
  /** The heading's text as written. */
  title: string;
  /** The time as written in the heading ('11a - Noon (Pacific Time)'), if any. */
  time?: string;
  /** The heading writes no year: the date's year was inferred (the agenda's `years` says how). */
  yearInferred?: true;
  canceled: boolean;
  /** Why it counts as canceled, in words ('heading struck through', 'Canceled for holidays'). */
  canceledReason?: string;
  recording: string | null;
  anchor: Anchor;
  sections: Section[];
  /** Total number of items, children included. */
  itemCount: number;
}

export interface Agenda {
  /** Stable identity of the document (URL without query and fragment, or the Docs document id). */
  id: string;
  title: string;
  url: string;
  source: SourceKind;
  /** Newest first. */
  meetings: Meeting[];
  /** What could not be read, in words; empty when everything was understood. */
  problems: string[];
  /** Present when some meetings' years were inferred: how, and any doubt. */
  years?: YearNote;
}

export type YearMethod = 'neighbours' | 'named' | 'hints' | 'today' | 'calendar';

/** What the panel says, once, about the years it had to infer. */
export interface YearNote {
  /** How many meetings have a year their heading does not write. */
  inferred: number;
  method: YearMethod;
  /** How the years were found, in a few words to follow "Years inferred ": 'from today’s date, …'. */
  how: string;
  /** When the evidence disagrees or is thin: what, and what was used. */
  doubt?: string;
}
