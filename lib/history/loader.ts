// Loads a group's history: sigs.yaml, the archive folder listing(s) and every notes file, each request
// conditional on the ETag stored, none at all when the history was checked less than a day ago. An archive
// the user added by its address (a folder of any repository, or one file) loads the same way. Each file
// is parsed by the caller's parser (the panel's DOMParser and the page's own parser) and stored whole.
// A failure stops nothing that is stored: the history read before stays, and says how old it is.
import type { Agenda } from '../agenda/model';
import type { ContentsAnswer, ContentsRepo, ContentsRequest, ListingEntry } from '../messaging/history-contents';
import { archiveFolders, fileLabel, githubFileUrl, notesFiles } from './archive-files';
import { contentsRepoOf, isArchiveSource, sourceFileUrl, sourceKey, type ArchiveSource } from './archive-address';
import { readGroups, type Group } from './groups';
import type { HistoryDb } from './history-db';
import type { FileRecord, GroupsRecord, ListingRecord, LoadRecord, SourcesRecord } from './history-records';
import type { GroupMatch } from './match';

export const DAY_MS = 86_400_000;

export interface LoaderDeps {
  ask(request: Omit<ContentsRequest, 'type'>): Promise<ContentsAnswer>;
  db: HistoryDb;
  /** The same parser as the page's, over an inert document. */
  parse(html: string, url: string): Agenda | Promise<Agenda>;
  now(): number;
}

export interface GroupsResult {
  groups: Group[] | null;
  /** What went wrong, in words; the stored groups (if any) are still given. */
  problem: string | null;
  requests: number;
}

/** sigs.yaml's groups: from the store when checked within a day, else asked again (conditionally). */
export async function loadGroups(deps: LoaderDeps, options: { force?: boolean } = {}): Promise<GroupsResult> {
  const stored = await deps.db.get<GroupsRecord>('groups').catch(() => undefined);
  const now = deps.now();
  if (stored && !options.force && now - stored.checkedAt < DAY_MS)
    return { groups: stored.groups, problem: null, requests: 0 };
  const answer = await deps.ask({ path: 'sigs.yaml', want: 'raw', etag: stored?.etag ?? null });
  if (answer.kind === 'not-modified' && stored) {
    await deps.db.put({ ...stored, checkedAt: now });
    return { groups: stored.groups, problem: null, requests: 1 };
  }
  if (answer.kind === 'text') {
    const reading = await readGroups(answer.text);
    if (reading.ok) {
      await deps.db.put({ id: 'groups', kind: 'groups', groups: reading.groups, etag: answer.etag, checkedAt: now });
      return { groups: reading.groups, problem: null, requests: 1 };
    }
    return { groups: stored?.groups ?? null, problem: reading.problem, requests: 1 };
  }
  const problem = answer.kind === 'failure' ? answer.message : 'GitHub gave no sigs.yaml.';
  return { groups: stored?.groups ?? null, problem, requests: 1 };
}

export interface HistoryFile {
  path: string;
  /** Where the file is on GitHub's website: its meetings open there. */
  url: string;
  /** `2017`, or the file name. */
  label: string;
  /** The parsed file; null when it was never read. */
  agenda: Agenda | null;
  /** Why it could not be read this time, in words (a stored copy may still be shown). */
  problem: string | null;
}

export type LoadFailure =
  | { kind: 'rate-limited'; message: string; until: number | null }
  | { kind: 'offline'; message: string }
  /** An added archive's folder or file is not there (HTTP 404), named in the message. */
  | { kind: 'not-found'; message: string };

export interface HistoryLoad {
  files: HistoryFile[];
  /** When the whole history was last checked with GitHub; null if never. */
  checkedAt: number | null;
  /** What stopped the load before the end; the files still hold what is stored. */
  failure: LoadFailure | null;
  /** Requests this load made: files + listings (sigs.yaml is `loadGroups`'). */
  requests: number;
}

export interface LoadOptions {
  force?: boolean;
  onProgress?(done: number, total: number): void;
}

/**
 * Where a history's files are and what it is made of. kubernetes/community keeps the record ids it always had
 * (`file:<path>`); an added archive's records carry its repository and ref (`file:<host>/<owner>/<repo>@<ref>:<path>`).
 */
interface Plan {
  /** The load record's key. */
  key: string;
  repo: ContentsRepo | undefined;
  /** What record ids say before a path. */
  prefix: string;
  url(path: string): string;
  /** A group folder whose archive folders are listed first; null when the folders are known. */
  top: string | null;
  folders: string[];
  /** The one file of an added file; null when the files come from the folders' listings. */
  file: string | null;
  /** The open archive file, whose family of files is wanted; null for every notes file of the folders. */
  openFile: string | null;
  /** A missing folder stops the load with its name (an added archive), or means no archive (a group). */
  missingStops: boolean;
}

function groupPlan(match: GroupMatch): Plan {
  const key = match.archivePath ? match.archivePath.split('/').slice(0, -1).join('/') : match.group.dir;
  return {
    key,
    repo: undefined,
    prefix: '',
    url: githubFileUrl,
    top: match.archivePath ? null : match.group.dir,
    folders: match.archivePath ? [key] : [],
    file: null,
    openFile: match.archivePath,
    missingStops: false,
  };
}

function sourcePlan(source: ArchiveSource): Plan {
  const key = sourceKey(source);
  return {
    key,
    repo: contentsRepoOf(source),
    prefix: `${key.slice(0, key.lastIndexOf(':'))}:`,
    url: (path) => sourceFileUrl(source, path),
    top: null,
    folders: source.kind === 'folder' ? [source.path] : [],
    file: source.kind === 'file' ? source.path : null,
    openFile: null,
    missingStops: true,
  };
}

function stopOf(answer: ContentsAnswer): LoadFailure | null {
  if (answer.kind !== 'failure') return null;
  if (answer.failure === 'rate-limited')
    return { kind: 'rate-limited', message: answer.message, until: answer.until ?? null };
  if (answer.failure === 'offline') return { kind: 'offline', message: answer.message };
  return null;
}

/** The files stored for a past load, as they are: what the panel shows offline or before a click. */
export async function storedHistory(match: GroupMatch, db: HistoryDb): Promise<HistoryLoad | null> {
  return storedLoad(groupPlan(match), db);
}

/** An added archive's files as stored: after a reload, no request at all. */
export async function storedSourceHistory(source: ArchiveSource, db: HistoryDb): Promise<HistoryLoad | null> {
  return storedLoad(sourcePlan(source), db);
}

async function storedLoad(plan: Plan, db: HistoryDb): Promise<HistoryLoad | null> {
  const record = await db.get<LoadRecord>(`load:${plan.key}`).catch(() => undefined);
  if (!record) return null;
  return {
    files: await storedFiles(plan, record.files, record.unreadable, db),
    checkedAt: record.checkedAt || null,
    failure: null,
    requests: 0,
  };
}

async function storedFiles(
  plan: Plan,
  paths: readonly string[],
  unreadable: Record<string, string>,
  db: HistoryDb,
): Promise<HistoryFile[]> {
  const files: HistoryFile[] = [];
  for (const path of paths) {
    const record = await db.get<FileRecord>(`file:${plan.prefix}${path}`).catch(() => undefined);
    files.push(fileOf(plan, path, record?.agenda ?? null, unreadable[path] ?? null));
  }
  return files;
}

function fileOf(plan: Plan, path: string, agenda: Agenda | null, problem: string | null): HistoryFile {
  return { path, url: plan.url(path), label: fileLabel(path), agenda, problem };
}

/** A listing, asked conditionally; null with a failure when it could not be had. */
async function listing(
  plan: Plan,
  path: string,
  deps: LoaderDeps,
  now: number,
): Promise<{ entries: ListingEntry[] | null; answer: ContentsAnswer }> {
  const id = `listing:${plan.prefix}${path}` as const;
  const stored = await deps.db.get<ListingRecord>(id).catch(() => undefined);
  const answer = await deps.ask({
    path,
    want: 'listing',
    etag: stored?.etag ?? null,
    ...(plan.repo ? { repo: plan.repo } : {}),
  });
  if (answer.kind === 'not-modified' && stored) {
    await deps.db.put({ ...stored, checkedAt: now });
    return { entries: stored.entries, answer };
  }
  if (answer.kind === 'listing') {
    await deps.db.put({ id, kind: 'listing', path, entries: answer.entries, etag: answer.etag, checkedAt: now });
    return { entries: answer.entries, answer };
  }
  if (answer.kind === 'failure' && answer.failure === 'not-found' && !plan.missingStops) return { entries: [], answer };
  return { entries: stored?.entries ?? null, answer };
}

/** Loads (or, within a day, just reads back) the group's whole history. */
export function loadHistory(match: GroupMatch, deps: LoaderDeps, options: LoadOptions = {}): Promise<HistoryLoad> {
  return loadPlan(groupPlan(match), deps, options);
}

/** Loads (or, within a day, just reads back) an archive the user added: its folder's notes files, or its one file. */
export function loadSource(source: ArchiveSource, deps: LoaderDeps, options: LoadOptions = {}): Promise<HistoryLoad> {
  return loadPlan(sourcePlan(source), deps, options);
}

async function loadPlan(plan: Plan, deps: LoaderDeps, options: LoadOptions): Promise<HistoryLoad> {
  const { key } = plan;
  const previous = await deps.db.get<LoadRecord>(`load:${key}`).catch(() => undefined);
  const now = deps.now();
  if (previous && !options.force && now - previous.checkedAt < DAY_MS) {
    const files = await storedFiles(plan, previous.files, previous.unreadable, deps.db);
    options.onProgress?.(files.length, files.length);
    return { files, checkedAt: previous.checkedAt, failure: null, requests: 0 };
  }

  let requests = 0;
  let failure: LoadFailure | null = null;
  const stoppedWith = async (stop: LoadFailure): Promise<HistoryLoad> => ({
    files: previous ? await storedFiles(plan, previous.files, previous.unreadable, deps.db) : [],
    checkedAt: previous?.checkedAt || null,
    failure: stop,
    requests,
  });
  /** Why a listing stopped the load: a rate limit, offline, or (for an added folder) a folder not there. */
  const listingStop = (answer: ContentsAnswer, folder: string): LoadFailure => {
    const stop = stopOf(answer);
    if (stop) return stop;
    if (answer.kind === 'failure' && answer.failure === 'not-found')
      return { kind: 'not-found', message: answer.message };
    const message = answer.kind === 'failure' ? answer.message : `${folder || 'The root folder'} could not be read.`;
    return { kind: 'offline', message };
  };

  // Which folders: the open archive file's own, every archive folder of the group's folder, or the added one.
  let folders = plan.folders;
  if (plan.top !== null) {
    const top = await listing(plan, plan.top, deps, now);
    requests++;
    const stop = stopOf(top.answer);
    if (stop || !top.entries)
      return stoppedWith(stop ?? { kind: 'offline', message: 'The group’s folder could not be read.' });
    folders = archiveFolders(top.entries);
  }
  const paths: string[] = plan.file !== null ? [plan.file] : [];
  for (const folder of folders) {
    const found = await listing(plan, folder, deps, now);
    requests++;
    if (stopOf(found.answer) || !found.entries) return stoppedWith(listingStop(found.answer, folder));
    paths.push(...notesFiles(found.entries, plan.openFile).map((entry) => entry.path));
  }

  const unreadable: Record<string, string> = {};
  /** What this load holds of each file, so that the end need not read it all back from the store. */
  const have = new Map<string, Agenda>();
  options.onProgress?.(0, paths.length);
  // The next file is asked for while this one is parsed: the network and the parser overlap, in order.
  const asked = new Map<number, Promise<{ stored: FileRecord | undefined; answer: ContentsAnswer }>>();
  const ask = (at: number): Promise<{ stored: FileRecord | undefined; answer: ContentsAnswer }> => {
    let pending = asked.get(at);
    if (!pending) {
      const path = paths[at]!;
      pending = (async () => {
        const stored = await deps.db.get<FileRecord>(`file:${plan.prefix}${path}`).catch(() => undefined);
        requests++;
        const answer = await deps.ask({
          path,
          want: 'html',
          etag: stored?.etag ?? null,
          ...(plan.repo ? { repo: plan.repo } : {}),
        });
        return { stored, answer };
      })();
      asked.set(at, pending);
    }
    return pending;
  };
  for (const [at, path] of paths.entries()) {
    const id = `file:${plan.prefix}${path}` as const;
    if (!failure) {
      const { stored, answer } = await ask(at);
      failure = stopOf(answer);
      if (!failure && at + 1 < paths.length) void ask(at + 1);
      if (stored) have.set(path, stored.agenda);
      if (answer.kind === 'not-modified' && stored) {
        await deps.db.put({ ...stored, checkedAt: now });
      } else if (answer.kind === 'text') {
        const agenda = await deps.parse(answer.text, plan.url(path));
        if (agenda.meetings.length === 0) {
          unreadable[path] = `${path} could not be read: it has no meeting the overlay recognises.`;
        } else {
          have.set(path, agenda);
          await deps.db.put({ id, kind: 'file', path, agenda, etag: answer.etag, fetchedAt: now, checkedAt: now });
        }
      } else if (answer.kind === 'failure' && !failure) {
        unreadable[path] = `${path} could not be read: ${answer.message}`;
        // An added file that is not there stops its load with the name, as an added folder does.
        if (plan.file !== null && answer.failure === 'not-found' && !stored)
          failure = { kind: 'not-found', message: answer.message };
      } else if (answer.kind !== 'failure') {
        unreadable[path] = `${path} could not be read: GitHub's answer was not a file.`;
      }
    }
    options.onProgress?.(at + 1, paths.length);
  }
  // A load cut short keeps the old time: the next click tries again rather than trusting a partial check.
  const checkedAt = failure ? (previous?.checkedAt ?? 0) : now;
  await deps.db.put({ id: `load:${key}`, kind: 'load', key, files: paths, checkedAt, unreadable });
  const rest = await storedFiles(
    plan,
    paths.filter((path) => !have.has(path)),
    unreadable,
    deps.db,
  );
  const files = paths.map(
    (path) =>
      rest.find((file) => file.path === path) ?? fileOf(plan, path, have.get(path) ?? null, unreadable[path] ?? null),
  );
  return { files, checkedAt: checkedAt || null, failure, requests };
}

/** The archives added to an agenda, as stored; none when nothing was added or the store cannot be read. */
export async function storedSources(agendaId: string, db: HistoryDb): Promise<ArchiveSource[]> {
  const record = await db.get<SourcesRecord>(`sources:${agendaId}`).catch(() => undefined);
  return record?.sources.filter(isArchiveSource) ?? [];
}

/** Keeps the archives added to an agenda (the whole list, one record). */
export async function saveSources(agendaId: string, sources: readonly ArchiveSource[], db: HistoryDb): Promise<void> {
  await db.put({ id: `sources:${agendaId}`, kind: 'sources', agendaId, sources: [...sources] });
}
