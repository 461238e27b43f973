// The messages and state of the Google Docs editor, whose text is on a canvas: its content script asks the
// background for the document's HTML export, and tells the panel how fresh the agenda is and what stands
// in the way. Plain JSON; no message carries cookies or anything the page could not see.

/** What can stand between the editor and its export. */
export type ExportProblemKind =
  /** The extension may not yet read docs.google.com and googleusercontent.com: the user must allow it. */
  | 'permission'
  /** Google answered with its sign-in page instead of the document. */
  | 'signed-out'
  /** The signed-in account may not read the document (401/403, "You need access"). */
  | 'no-access'
  | 'not-found'
  /** 429: Google asks us to slow down; `retryAt` says until when. */
  | 'rate-limited'
  | 'offline'
  | 'server-error'
  /** Something answered, but not with a Docs export. */
  | 'unreadable';

export interface ExportProblem {
  kind: ExportProblemKind;
  /** The HTTP status, when there was one. */
  status?: number;
  /** Epoch ms before which asking again is pointless (429's Retry-After, or our own back-off). */
  retryAt?: number;
  /** With `permission`: the match patterns to ask for with `permissions.request`. */
  origins?: string[];
}

export type ExportAnswer =
  | { ok: true; html: string; fetchedAt: number }
  | { ok: false; problem: ExportProblem }
  /** The sender is not the editor on the configured Docs host: read the page itself instead. */
  | { ok: false; notEditor: true };

/** How the agenda of an editor tab stands; rides along on the tab's snapshot. */
export interface LiveDocState {
  /** When the agenda shown was fetched (epoch ms); null before the first good export. */
  fetchedAt: number | null;
  /** A fetch is under way. */
  refreshing: boolean;
  /** What went wrong at the last attempt; null after a success. */
  problem: ExportProblem | null;
  /** The document has several tabs: the index shows the one open in the editor (its `t.…` id, if known). */
  severalTabs: { tab: string | null } | null;
}
