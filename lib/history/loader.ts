// Loads a group's history: sigs.yaml, the archive folder listing(s) and every notes file, each request
// conditional on the ETag stored, none at all when the history was checked less than a day ago. Each file
// is parsed by the caller's parser (the panel's DOMParser and the page's own parser) and stored whole.
// A failure stops nothing that is stored: the history read before stays, and says how old it is.
import type { Agenda } from '../agenda/model';
import type { ContentsAnswer, ContentsRequest, ListingEntry } from '../messaging/history-contents';
import { archiveFolders, fileLabel, githubFileUrl, notesFiles } from './archive-files';
import { readGroups, type Group } from './groups';
import type { HistoryDb } from './history-db';
import type { FileRecord, GroupsRecord, ListingRecord, LoadRecord } from './history-records';
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
  /** `2017`, or the file name. */
  label: string;
  /** The parsed file; null when it was never read. */
  agenda: Agenda | null;
  /** Why it could not be read this time, in words (a stored copy may still be shown). */
  problem: string | null;
}

export type LoadFailure =
  | { kind: 'rate-limited'; message: string; until: number | null }
  | { kind: 'offline'; message: string };

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

function loadKey(match: GroupMatch): string {
  return match.archivePath ? match.archivePath.split('/').slice(0, -1).join('/') : match.group.dir;
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
  const record = await db.get<LoadRecord>(`load:${loadKey(match)}`).catch(() => undefined);
  if (!record) return null;
  return {
    files: await storedFiles(record.files, record.unreadable, db),
    checkedAt: record.checkedAt || null,
    failure: null,
    requests: 0,
  };
}

async function storedFiles(
  paths: readonly string[],
  unreadable: Record<string, string>,
  db: HistoryDb,
): Promise<HistoryFile[]> {
  const files: HistoryFile[] = [];
  for (const path of paths) {
    const record = await db.get<FileRecord>(`file:${path}`).catch(() => undefined);
    files.push({ path, label: fileLabel(path), agenda: record?.agenda ?? null, problem: unreadable[path] ?? null });
  }
  return files;
}

/** A listing, asked conditionally; null with a failure when it could not be had. */
async function listing(
  path: string,
  deps: LoaderDeps,
  now: number,
): Promise<{ entries: ListingEntry[] | null; answer: ContentsAnswer }> {
  const id = `listing:${path}` as const;
  const stored = await deps.db.get<ListingRecord>(id).catch(() => undefined);
  const answer = await deps.ask({ path, want: 'listing', etag: stored?.etag ?? null });
  if (answer.kind === 'not-modified' && stored) {
    await deps.db.put({ ...stored, checkedAt: now });
    return { entries: stored.entries, answer };
  }
  if (answer.kind === 'listing') {
    await deps.db.put({ id, kind: 'listing', path, entries: answer.entries, etag: answer.etag, checkedAt: now });
    return { entries: answer.entries, answer };
  }
  if (answer.kind === 'failure' && answer.failure === 'not-found') return { entries: [], answer };
  return { entries: stored?.entries ?? null, answer };
}

/** Loads (or, within a day, just reads back) the group's whole history. */
export async function loadHistory(
  match: GroupMatch,
  deps: LoaderDeps,
  options: LoadOptions = {},
): Promise<HistoryLoad> {
  const key = loadKey(match);
  const previous = await deps.db.get<LoadRecord>(`load:${key}`).catch(() => undefined);
  const now = deps.now();
  if (previous && !options.force && now - previous.checkedAt < DAY_MS) {
    const files = await storedFiles(previous.files, previous.unreadable, deps.db);
    options.onProgress?.(files.length, files.length);
    return { files, checkedAt: previous.checkedAt, failure: null, requests: 0 };
  }

  let requests = 0;
  let failure: LoadFailure | null = null;
  const stoppedWith = async (stop: LoadFailure): Promise<HistoryLoad> => ({
    files: previous ? await storedFiles(previous.files, previous.unreadable, deps.db) : [],
    checkedAt: previous?.checkedAt || null,
    failure: stop,
    requests,
  });

  // Which folders: the open archive file's own, or every archive folder of the group's folder.
  let folders: string[];
  if (match.archivePath) {
    folders = [key];
  } else {
    const top = await listing(match.group.dir, deps, now);
    requests++;
    const stop = stopOf(top.answer);
    if (stop || !top.entries)
      return stoppedWith(stop ?? { kind: 'offline', message: 'The group’s folder could not be read.' });
    folders = archiveFolders(top.entries);
  }
  const paths: string[] = [];
  for (const folder of folders) {
    const found = await listing(folder, deps, now);
    requests++;
    const stop = stopOf(found.answer);
    if (stop || !found.entries)
      return stoppedWith(stop ?? { kind: 'offline', message: `${folder} could not be read.` });
    paths.push(...notesFiles(found.entries, match.archivePath).map((entry) => entry.path));
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
        const stored = await deps.db.get<FileRecord>(`file:${path}`).catch(() => undefined);
        requests++;
        return { stored, answer: await deps.ask({ path, want: 'html', etag: stored?.etag ?? null }) };
      })();
      asked.set(at, pending);
    }
    return pending;
  };
  for (const [at, path] of paths.entries()) {
    const id = `file:${path}` as const;
    if (!failure) {
      const { stored, answer } = await ask(at);
      failure = stopOf(answer);
      if (!failure && at + 1 < paths.length) void ask(at + 1);
      if (stored) have.set(path, stored.agenda);
      if (answer.kind === 'not-modified' && stored) {
        await deps.db.put({ ...stored, checkedAt: now });
      } else if (answer.kind === 'text') {
        const agenda = await deps.parse(answer.text, githubFileUrl(path));
        if (agenda.meetings.length === 0) {
          unreadable[path] = `${path} could not be read: it has no meeting the overlay recognises.`;
        } else {
          have.set(path, agenda);
          await deps.db.put({ id, kind: 'file', path, agenda, etag: answer.etag, fetchedAt: now, checkedAt: now });
        }
      } else if (answer.kind === 'failure' && !failure) {
        unreadable[path] = `${path} could not be read: ${answer.message}`;
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
    paths.filter((path) => !have.has(path)),
    unreadable,
    deps.db,
  );
  const files = paths.map(
    (path) =>
      rest.find((file) => file.path === path) ?? {
        path,
        label: fileLabel(path),
        agenda: have.get(path) ?? null,
        problem: unreadable[path] ?? null,
      },
  );
  return { files, checkedAt: checkedAt || null, failure, requests };
}
