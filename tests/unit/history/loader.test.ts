// @vitest-environment node
// The history loader end to end below the panel: the GitHub client and the background's contents service
// against the local contents stand-in, the real parser over happy-dom, and a memory store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createGitHubClient, type GitHubClient } from '../../../lib/github/client';
import { fetchContents } from '../../../lib/history/contents-service';
import { readGroups } from '../../../lib/history/groups';
import { memoryHistoryDb, type HistoryDb } from '../../../lib/history/history-db';
import {
  DAY_MS,
  loadGroups,
  loadHistory,
  loadSource,
  saveSources,
  storedHistory,
  storedSourceHistory,
  storedSources,
  type LoaderDeps,
} from '../../../lib/history/loader';
import { parseArchiveAddress, type ArchiveSource } from '../../../lib/history/archive-address';
import { matchGroup, type GroupMatch } from '../../../lib/history/match';
import { parseArchiveHtml } from '../../../lib/history/parse-file';
import {
  ACME,
  acmeFiles,
  sigAuthFiles,
  startContentsStandIn,
  type ContentsStandIn,
} from '../../support/contents-standin';

const ARCHIVE_2018 = 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md';
const DAY_ONE = Date.UTC(2026, 11, 2, 9, 0);

let standIn: ContentsStandIn;
let client: GitHubClient;
let db: HistoryDb;
let clock: number;
let window: Window;

function deps(): LoaderDeps {
  return {
    ask: (request) => fetchContents(client, { type: 'history/contents', ...request }, () => clock),
    db,
    parse: (html, url) => parseArchiveHtml(html, url, new window.DOMParser() as unknown as DOMParser),
    now: () => clock,
  };
}

function newClient(apiBase: string, token: string | null = null): GitHubClient {
  return createGitHubClient({ apiBase, token, now: () => clock, retry: { attempts: 1 } });
}

async function sigAuth(): Promise<GroupMatch> {
  const groups = await loadGroups(deps());
  return matchGroup(groups.groups!, ARCHIVE_2018)!;
}

beforeEach(async () => {
  standIn = await startContentsStandIn({ files: sigAuthFiles(), repos: { [ACME.repo]: acmeFiles() } });
  clock = DAY_ONE;
  client = newClient(standIn.apiBase);
  db = memoryHistoryDb();
  window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
});

afterEach(async () => {
  client.dispose();
  await window.happyDOM.close();
  await standIn.close();
});

describe('loadGroups', { timeout: 30_000 }, () => {
  it('reads sigs.yaml once, then from the store for a day, then asks with its ETag', async () => {
    const first = await loadGroups(deps());
    expect(first.requests).toBe(1);
    expect(first.groups?.find((g) => g.dir === 'sig-auth')?.name).toBe('Auth');
    expect(standIn.requests[0]).toMatchObject({
      path: 'sigs.yaml',
      accept: 'application/vnd.github.raw',
      ifNoneMatch: null,
      status: 200,
    });
    expect((await loadGroups(deps())).requests).toBe(0);
    clock += DAY_MS;
    const later = await loadGroups(deps());
    expect(later).toMatchObject({ requests: 1, problem: null });
    expect(standIn.requests[1]).toMatchObject({ ifNoneMatch: expect.stringMatching(/^W\//), status: 304 });
  });
});

describe('loadHistory', { timeout: 30_000 }, () => {
  it('cold: one listing and one request a file, each parsed; warm within a day: no request', async () => {
    const match = await sigAuth();
    const before = standIn.requests.length;
    const progress: string[] = [];
    const load = await loadHistory(match, deps(), { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(load.failure).toBeNull();
    expect(load.requests).toBe(1 + 4);
    expect(standIn.requests.length - before).toBe(5);
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual([
      'sig-auth/archive',
      'sig-auth/archive/meeting-notes-2016.md',
      'sig-auth/archive/meeting-notes-2017.md',
      'sig-auth/archive/meeting-notes-2018.md',
      'sig-auth/archive/meeting-notes-2019.md',
    ]);
    expect(standIn.requests.at(-1)?.accept).toBe('application/vnd.github.html');
    expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    expect(load.files.map((f) => f.label)).toEqual(['2016', '2017', '2018', '2019']);
    const years = load.files.map((f) => new Set(f.agenda!.meetings.map((m) => m.date.slice(0, 4))));
    expect(years.map((set) => [...set].sort())).toEqual([['2016'], ['2017'], ['2018'], ['2019']]);
    expect(load.files[1]!.agenda!.meetings.length).toBeGreaterThan(10);

    const count = standIn.requests.length;
    clock += DAY_MS - 1;
    const warm = await loadHistory(match, deps());
    expect(warm).toMatchObject({ requests: 0, failure: null, checkedAt: DAY_ONE });
    expect(standIn.requests.length).toBe(count);
    expect(warm.files.map((f) => f.agenda?.meetings.length)).toEqual(load.files.map((f) => f.agenda?.meetings.length));
  });

  it('after a day asks again with the ETags and keeps what did not change (304)', async () => {
    const match = await sigAuth();
    await loadHistory(match, deps());
    standIn.write(
      'sig-auth/archive/meeting-notes-2019.md',
      '# SIG Auth 2019\n\n## January 9, 2019\n\n- TokenRequest follow-up\n',
    );
    clock += DAY_MS;
    const start = standIn.requests.length;
    const again = await loadHistory(match, deps());
    const seen = standIn.requests.slice(start);
    expect(seen.every((r) => r.ifNoneMatch !== null)).toBe(true);
    // The listing changed too (a file's size is in it); the three files that did not change cost nothing.
    expect(seen.map((r) => r.status)).toEqual([200, 304, 304, 304, 200]);
    expect(again.files[3]!.agenda!.meetings.map((m) => m.key)).toEqual(['2019-01-09']);
    expect(again.checkedAt).toBe(clock);
  });

  it('names a garbled or missing file and keeps the rest usable', async () => {
    standIn.fail('sig-auth/archive/meeting-notes-2017.md', 'garbled');
    standIn.fail('sig-auth/archive/meeting-notes-2016.md', 'not-found');
    const load = await loadHistory(await sigAuth(), deps());
    expect(load.failure).toBeNull();
    const byLabel = Object.fromEntries(load.files.map((f) => [f.label, f]));
    expect(byLabel['2017']).toMatchObject({
      agenda: null,
      problem: 'sig-auth/archive/meeting-notes-2017.md could not be read: it has no meeting the overlay recognises.',
    });
    expect(byLabel['2016']!.problem).toBe(
      'sig-auth/archive/meeting-notes-2016.md could not be read: sig-auth/archive/meeting-notes-2016.md is not on GitHub (HTTP 404).',
    );
    expect(byLabel['2018']!.agenda!.meetings.length).toBe(26);
    expect(byLabel['2019']!.problem).toBeNull();
  });

  it('stops at a rate limit, says when it goes on, and loses nothing stored', async () => {
    const match = await sigAuth();
    await loadHistory(match, deps());
    clock += DAY_MS;
    standIn.write('sig-auth/archive/meeting-notes-2016.md', '# changed\n\n## March 1, 2016\n\n- new\n');
    standIn.fail('sig-auth/archive/meeting-notes-2016.md', 'rate-limit');
    const start = standIn.requests.length;
    const load = await loadHistory(match, deps());
    expect(load.failure).toMatchObject({ kind: 'rate-limited', until: Date.UTC(2030, 0, 1) });
    expect(load.failure?.message).toMatch(/rate limit is used up\. Looking up again in/);
    // The listing and the 403; nothing after it.
    expect(standIn.requests.length - start).toBe(2);
    expect(load.files.map((f) => f.agenda?.meetings.length ?? 0).every((n) => n > 0)).toBe(true);
    expect(load.checkedAt).toBe(DAY_ONE);
    // The client keeps the wait: the next request does not go out at all.
    const next = await loadHistory(match, deps(), { force: true });
    expect(next.failure?.kind).toBe('rate-limited');
    expect(standIn.requests.length - start).toBe(2);
  });

  it('offline: the stored history with its age', async () => {
    const match = await sigAuth();
    await loadHistory(match, deps());
    clock += 2 * DAY_MS;
    client.dispose();
    client = newClient('http://127.0.0.1:9');
    const load = await loadHistory(match, deps());
    expect(load.failure).toMatchObject({
      kind: 'offline',
      message: 'Could not reach 127.0.0.1:9: offline, or the API address is wrong.',
    });
    expect(load.checkedAt).toBe(DAY_ONE);
    expect(load.files.filter((f) => f.agenda).length).toBe(4);
    expect((await storedHistory(match, db))?.files.length).toBe(4);
  });

  it('for a live doc lists the group folder, then its archive folder', async () => {
    const reading = await readGroups(sigAuthFiles()['sigs.yaml']!);
    const match = matchGroup(
      reading.ok ? reading.groups : [],
      'https://docs.google.com/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/edit',
    )!;
    const load = await loadHistory(match, deps());
    expect(standIn.requests.slice(0, 2).map((r) => r.path)).toEqual(['sig-auth', 'sig-auth/archive']);
    expect(load.requests).toBe(2 + 4);
    expect(load.files.map((f) => f.label)).toEqual(['2016', '2017', '2018', '2019']);
  });

  it('sends the token to the configured API host only', async () => {
    client.dispose();
    client = newClient(standIn.apiBase, 'ghp_history0123456789');
    await loadHistory(await sigAuth(), deps());
    expect(standIn.requests.every((r) => r.authorization === 'Bearer ghp_history0123456789')).toBe(true);
  });
});

function source(address: string): ArchiveSource {
  const reading = parseArchiveAddress(address);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.source;
}

const ACME_FOLDER = `https://github.com/${ACME.repo}/tree/${ACME.ref}/${ACME.folder}`;

describe('loadSource: an archive added by its address', { timeout: 30_000 }, () => {
  it('a folder: its listing at the ref, then each notes file; within a day from the store, no request', async () => {
    const folder = source(ACME_FOLDER);
    const progress: string[] = [];
    const load = await loadSource(folder, deps(), { onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(load).toMatchObject({ failure: null, requests: 1 + 4, checkedAt: DAY_ONE });
    expect(standIn.requests.map((r) => [r.repo, r.path, r.ref, r.status])).toEqual([
      ['acme/widgets', 'meetings/notes', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2016.md', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2017.md', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2018.md', 'main', 200],
      ['acme/widgets', 'meetings/notes/weekly-2019.md', 'main', 200],
    ]);
    expect(standIn.requests[0]!.accept).not.toContain('html');
    expect(standIn.requests[1]!.accept).toBe('application/vnd.github.html');
    expect(progress).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
    expect(load.files.map((f) => [f.label, f.url])).toEqual(
      [2016, 2017, 2018, 2019].map((year) => [
        String(year),
        `https://github.com/acme/widgets/blob/main/meetings/notes/weekly-${year}.md`,
      ]),
    );
    // The same real notes as SIG Auth's, read by the page's parser: 2018 has its 26 meetings.
    expect(load.files[2]!.agenda!.meetings.length).toBe(26);
    expect(load.files[1]!.agenda!.meetings.every((m) => m.date.startsWith('2017'))).toBe(true);

    clock += DAY_MS - 1;
    const warm = await loadSource(folder, deps());
    expect(warm).toMatchObject({ requests: 0, failure: null, checkedAt: DAY_ONE });
    expect(standIn.requests).toHaveLength(5);
    const stored = await storedSourceHistory(folder, db);
    expect(stored?.files.map((f) => f.agenda?.meetings.length)).toEqual(
      load.files.map((f) => f.agenda?.meetings.length),
    );
  });

  it('after a day asks again with its ETags: 304s cost nothing and keep the files', async () => {
    const folder = source(ACME_FOLDER);
    await loadSource(folder, deps());
    clock += DAY_MS;
    const again = await loadSource(folder, deps());
    expect(again).toMatchObject({ requests: 5, failure: null, checkedAt: clock });
    expect(standIn.requests.slice(5).map((r) => [r.status, r.ifNoneMatch !== null])).toEqual(
      Array.from({ length: 5 }, () => [304, true]),
    );
    expect(again.files.filter((f) => f.agenda).length).toBe(4);
  });

  it('a file: that one file, one request', async () => {
    const file = source(`https://github.com/${ACME.repo}/blob/${ACME.ref}/${ACME.folder}/weekly-2017.md`);
    const load = await loadSource(file, deps());
    expect(load).toMatchObject({ failure: null, requests: 1 });
    expect(standIn.requests.map((r) => r.path)).toEqual(['meetings/notes/weekly-2017.md']);
    expect(load.files).toHaveLength(1);
    expect(load.files[0]!.agenda!.meetings.length).toBeGreaterThan(10);
  });

  it('the root folder: its Markdown files (README left out)', async () => {
    const load = await loadSource(source(`https://github.com/${ACME.repo}/tree/${ACME.ref}`), deps());
    expect(standIn.requests[0]).toMatchObject({ path: '', ref: 'main', status: 200 });
    // Only README.md is Markdown there, and a README is not notes: nothing to read.
    expect(load).toMatchObject({ failure: null, files: [], requests: 1 });
  });

  it.each([
    [
      'a folder not there',
      `https://github.com/${ACME.repo}/tree/${ACME.ref}/meetings/minutes`,
      'acme/widgets has no meetings/minutes at main, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.',
    ],
    [
      'a branch not there',
      `https://github.com/${ACME.repo}/tree/trunk/${ACME.folder}`,
      'acme/widgets has no meetings/notes at trunk, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.',
    ],
    [
      'a repository not there',
      'https://github.com/acme/gadgets/tree/main/notes',
      'acme/gadgets has no notes at main, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.',
    ],
    [
      'a file not there',
      `https://github.com/${ACME.repo}/blob/${ACME.ref}/${ACME.folder}/weekly-2031.md`,
      'acme/widgets has no meetings/notes/weekly-2031.md at main, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.',
    ],
  ])('%s: a 404 that names it', async (_name, address, message) => {
    const load = await loadSource(source(address), deps());
    expect(load.failure).toEqual({ kind: 'not-found', message });
    expect(load.checkedAt).toBeNull();
  });

  it('names a garbled file and keeps the rest usable', async () => {
    standIn.fail(`${ACME.folder}/weekly-2017.md`, 'garbled', ACME.repo);
    const load = await loadSource(source(ACME_FOLDER), deps());
    expect(load.failure).toBeNull();
    expect(load.files.map((f) => f.problem)).toEqual([
      null,
      'meetings/notes/weekly-2017.md could not be read: it has no meeting the overlay recognises.',
      null,
      null,
    ]);
    expect(load.files.filter((f) => f.agenda).length).toBe(3);
  });

  it('stops at a rate limit and loses nothing stored', async () => {
    const folder = source(ACME_FOLDER);
    await loadSource(folder, deps());
    clock += DAY_MS;
    standIn.fail(`${ACME.folder}/weekly-2016.md`, 'rate-limit', ACME.repo);
    const load = await loadSource(folder, deps());
    expect(load.failure).toMatchObject({ kind: 'rate-limited', until: Date.UTC(2030, 0, 1) });
    expect(standIn.requests.slice(5).map((r) => r.status)).toEqual([304, 403]);
    expect(load.files.filter((f) => f.agenda).length).toBe(4);
    expect(load.checkedAt).toBe(DAY_ONE);
  });

  it('offline: the stored files, and the time they were checked', async () => {
    const folder = source(ACME_FOLDER);
    await loadSource(folder, deps());
    clock += 2 * DAY_MS;
    client.dispose();
    client = newClient('http://127.0.0.1:9');
    const load = await loadSource(folder, deps());
    expect(load.failure?.kind).toBe('offline');
    expect(load).toMatchObject({ checkedAt: DAY_ONE });
    expect(load.files.filter((f) => f.agenda).length).toBe(4);
  });

  it('keeps its records apart from kubernetes/community’s of the same path', async () => {
    const auth = await sigAuth();
    await loadHistory(auth, deps());
    const same = source('https://github.com/acme/widgets/tree/main/sig-auth/archive');
    standIn.write('sig-auth/archive/meeting-notes-2016.md', '# Elsewhere\n\n## May 4, 2016\n\n- other\n', ACME.repo);
    const load = await loadSource(same, deps());
    expect(load.files.map((f) => f.agenda?.meetings.length)).toEqual([1]);
    expect((await storedHistory(auth, db))!.files[0]!.agenda!.meetings.length).toBeGreaterThan(1);
  });
});

describe('the archives added to an agenda', () => {
  it('are kept per agenda, checked again when read back', async () => {
    const folder = source(ACME_FOLDER);
    await saveSources('https://127.0.0.1/acme/widgets/blob/main/AGENDA.md', [folder], db);
    expect(await storedSources('https://127.0.0.1/acme/widgets/blob/main/AGENDA.md', db)).toEqual([folder]);
    expect(await storedSources('another agenda', db)).toEqual([]);
    await db.put({
      id: 'sources:tampered',
      kind: 'sources',
      agendaId: 'tampered',
      sources: [folder, { ...folder, path: '../../x' }, { ...folder, host: 'evil.example/' }],
    });
    expect(await storedSources('tampered', db)).toEqual([folder]);
  });
});
