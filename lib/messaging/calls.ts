// Every request that crosses between the extension's processes, paired with its answer, and beside each the check
// that a received message is well formed. A new message is one entry here and one handler where it is answered.
// Messages come from other processes, and a page can send look-alikes: nothing is acted on before its check passes.
import type { ConnectionCheck, GitHubServiceState } from './github-connection';
import { MAX_LOOKUP_REFS, type GitHubLookupAnswer } from './github-lookup';
import { isContentsRepo, isSafePath, type ContentsAnswer, type ContentsRequest } from './history-contents';
import type { ExportAnswer } from './live-doc';
import type { AgendaOpening, AgendaPart, AgendaSnapshot, JumpResult, PageMarks } from './protocol';

/** A request's fields besides `type`, and what it is answered with. */
interface Call<Fields extends object, Answer> {
  fields: Fields;
  answer: Answer;
}

type NoFields = Record<never, never>;

/** Panel → the content script of the tab it shows, through `tabs.sendMessage`. */
export interface TabCalls {
  /** The whole agenda at once. */
  'agenda/get': Call<NoFields, AgendaSnapshot>;
  /** The first part of the agenda, and how many parts follow (lib/messaging/agenda-parts.ts). */
  'agenda/open': Call<NoFields, AgendaOpening>;
  /** A further part of the version `agenda/open` gave. */
  'agenda/part': Call<{ version: number; part: number }, AgendaPart>;
  'agenda/jump': Call<{ key: string }, JumpResult>;
  /** Replaces the note and follow marks drawn before. */
  'agenda/marks': Call<{ marks: PageMarks }, { ok: true }>;
  /** Read the page (or, in the Docs editor, its export) again now. */
  'docs/refresh': Call<NoFields, AgendaSnapshot>;
}

/** A content script or an extension page → the background, through `runtime.sendMessage`. */
export interface BackgroundCalls {
  /** Statuses of GitHub references; `visibleFirst` are on screen now, most important first. */
  'github/lookup': Call<{ refs: string[]; visibleFirst?: string[]; force?: boolean }, GitHubLookupAnswer>;
  /** How the connection stands (extension pages only). */
  'github/state': Call<NoFields, GitHubServiceState>;
  /** Try the saved settings now (extension pages only). */
  'github/check': Call<NoFields, ConnectionCheck>;
  /** The HTML export of the document the asking Docs editor tab shows. */
  'docs/export': Call<NoFields, ExportAnswer>;
  /** A folder listing or a file of a group's archives (extension pages only). */
  'history/contents': Call<Omit<ContentsRequest, 'type'>, ContentsAnswer>;
}

export type TabCall = keyof TabCalls;
export type BackgroundCall = keyof BackgroundCalls;

// Distributes over a union of `K`, so that `TabRequest` is a union that narrows on `type`.
type RequestIn<Calls, K extends keyof Calls> = K extends keyof Calls
  ? Calls[K] extends Call<infer Fields, unknown>
    ? { type: K } & Fields
    : never
  : never;
type AnswerIn<Calls, K extends keyof Calls> = Calls[K] extends Call<object, infer Answer> ? Answer : never;

export type TabRequest<K extends TabCall = TabCall> = RequestIn<TabCalls, K>;
export type TabAnswer<K extends TabCall> = AnswerIn<TabCalls, K>;
export type BackgroundRequest<K extends BackgroundCall = BackgroundCall> = RequestIn<BackgroundCalls, K>;
export type BackgroundAnswer<K extends BackgroundCall> = AnswerIn<BackgroundCalls, K>;

type FieldChecks<Calls> = { [K in keyof Calls]: (message: Record<string, unknown>) => boolean };

const anything = (): boolean => true;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isPageMarks(value: unknown): value is PageMarks {
  const marks = value as Partial<PageMarks> | null;
  return typeof marks?.agendaId === 'string' && isStringArray(marks.notes) && isStringArray(marks.follows);
}

const TAB_CHECKS: FieldChecks<TabCalls> = {
  'agenda/get': anything,
  'agenda/open': anything,
  'agenda/part': (m) => Number.isInteger(m.version) && Number.isInteger(m.part),
  'agenda/jump': (m) => typeof m.key === 'string',
  'agenda/marks': (m) => isPageMarks(m.marks),
  'docs/refresh': anything,
};

const BACKGROUND_CHECKS: FieldChecks<BackgroundCalls> = {
  // A longer look-up is ignored: askers send at most MAX_LOOKUP_REFS at a time.
  'github/lookup': (m) =>
    isStringArray(m.refs) &&
    m.refs.length <= MAX_LOOKUP_REFS &&
    (m.visibleFirst === undefined || isStringArray(m.visibleFirst)) &&
    (m.force === undefined || typeof m.force === 'boolean'),
  'github/state': anything,
  'github/check': anything,
  'docs/export': anything,
  'history/contents': (m) =>
    typeof m.path === 'string' &&
    (m.repo === undefined || isContentsRepo(m.repo)) &&
    // An added repository's root folder is the empty path; kubernetes/community's never is asked for.
    (isSafePath(m.path) || (m.path === '' && m.repo !== undefined && m.want === 'listing')) &&
    (m.want === 'listing' || m.want === 'html' || m.want === 'raw') &&
    (m.etag === undefined || m.etag === null || typeof m.etag === 'string'),
};

function isRequestOf<Calls>(checks: FieldChecks<Calls>, message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  if (typeof m.type !== 'string' || !Object.hasOwn(checks, m.type)) return false;
  return checks[m.type as keyof Calls](m);
}

/** A well-formed request for a tab's content script; with `type`, only that one. */
export function isTabRequest<K extends TabCall = TabCall>(message: unknown, type?: K): message is TabRequest<K> {
  return isRequestOf(TAB_CHECKS, message) && (type === undefined || (message as { type: unknown }).type === type);
}

/** A well-formed request for the background; with `type`, only that one. */
export function isBackgroundRequest<K extends BackgroundCall = BackgroundCall>(
  message: unknown,
  type?: K,
): message is BackgroundRequest<K> {
  return (
    isRequestOf(BACKGROUND_CHECKS, message) && (type === undefined || (message as { type: unknown }).type === type)
  );
}
