// @vitest-environment node
// The panel's added archives, below the components: an address is added and loaded, kept for its agenda and read
// back without a request; an address that is not one, a folder not there and an archive added twice are said in
// words and kept nowhere; a rate limit keeps the archive to load later; removing it forgets it for that agenda.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { Window } from 'happy-dom';
import type { Agenda } from '../../../lib/agenda/model';
import { createGitHubClient, type GitHubClient } from '../../../lib/github/client';
import { fetchContents } from '../../../lib/history/contents-service';
import { memoryHistoryDb, type HistoryDb } from '../../../lib/history/history-db';
import type { LoaderDeps } from '../../../lib/history/loader';
import { createHistoryState, type HistoryState } from '../../../lib/history/panel-history';
import { parseArchiveHtml } from '../../../lib/history/parse-file';
import {
  ACME,
  acmeFiles,
  sigAuthFiles,
  startContentsStandIn,
  type ContentsStandIn,
} from '../../support/contents-standin';

const AGENDA_URL = 'http://127.0.0.1:8000/acme/widgets/blob/main/AGENDA.md';
const FOLDER = `https://github.com/${ACME.repo}/tree/${ACME.ref}/${ACME.folder}`;
const NOW = Date.UTC(2026, 11, 2, 9, 0);

const page = {
  id: AGENDA_URL,
  url: AGENDA_URL,
  title: 'AGENDA.md',
  source: 'github-markdown',
  meetings: [],
  problems: [],
} as unknown as Agenda;

let standIn: ContentsStandIn;
let client: GitHubClient;
let db: HistoryDb;
let window: Window;
const opened: string[] = [];
const stops: (() => void)[] = [];

function deps(): LoaderDeps {
  return {
    ask: (request) => fetchContents(client, { type: 'history/contents', ...request }, () => NOW),
    db,
    parse: (html, url) => parseArchiveHtml(html, url, new window.DOMParser() as unknown as DOMParser),
    now: () => NOW,
  };
}

/** A panel over the page: its history state started, as the side panel starts it. */
/** The panel's localStorage, which outlives a reload. */
const store = new Map<string, string>();

async function panelFor(agenda: Agenda = page): Promise<HistoryState> {
  const history = createHistoryState(signal<Agenda | null>(agenda), {
    deps: async () => deps(),
    open: (url) => void opened.push(url),
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    webHost: async () => 'github.com',
  });
  stops.push(history.start());
  // The stored archives are read back in a few turns of the event loop.
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  return history;
}

beforeEach(async () => {
  standIn = await startContentsStandIn({ files: sigAuthFiles(), repos: { [ACME.repo]: acmeFiles() } });
  client = createGitHubClient({ apiBase: standIn.apiBase, token: null, now: () => NOW, retry: { attempts: 1 } });
  db = memoryHistoryDb();
  window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  opened.length = 0;
  store.clear();
});

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  client.dispose();
  await window.happyDOM.close();
  await standIn.close();
});

describe('archives added to an agenda', { timeout: 30_000 }, () => {
  it('adds a folder, shows every year, and after a reload has it again without a request', async () => {
    const history = await panelFor();
    expect(history.sources.value).toEqual([]);
    expect(await history.addSource(FOLDER)).toBe(true);
    expect(history.addressProblem.value).toBeNull();
    expect(history.sources.value.map((v) => [v.name, v.status.kind, v.load?.files.length])).toEqual([
      ['acme/widgets › meetings/notes', 'loaded', 4],
    ]);
    expect(history.scope.value).toBe('history');
    expect(history.merged.value?.years).toEqual(['2019', '2018', '2017', '2016']);
    const requests = standIn.requests.length;
    expect(requests).toBe(5);

    // A meeting of the archive opens on GitHub at its heading.
    expect(history.openElsewhere('2017-11-01')).toBe(true);
    expect(opened).toEqual([
      'https://github.com/acme/widgets/blob/main/meetings/notes/weekly-2017.md#november-1-2017-11a---noon-pacific-time',
    ]);

    const again = await panelFor();
    expect(again.sources.value.map((v) => [v.name, v.load?.files.filter((f) => f.agenda).length])).toEqual([
      ['acme/widgets › meetings/notes', 4],
    ]);
    expect(again.scope.value).toBe('history');
    expect(standIn.requests.length).toBe(requests);
    // Another agenda has none of it.
    const other = await panelFor({ ...page, id: 'another', url: 'http://127.0.0.1:8000/other.md' });
    expect(other.sources.value).toEqual([]);
  });

  it.each([
    [
      'not an address',
      'javascript:alert(1)',
      'Only http(s) addresses can be added; that one is a javascript: address.',
      0,
    ],
    [
      'a folder not there',
      `https://github.com/${ACME.repo}/tree/${ACME.ref}/meetings/minutes`,
      'acme/widgets has no meetings/minutes at main, or the repository is private (HTTP 404). Check the address; a private repository needs a token in the options.',
      1,
    ],
    [
      'a folder without notes',
      `https://github.com/${ACME.repo}/tree/${ACME.ref}`,
      'acme/widgets holds no Markdown files. Paste the address of the folder that holds the meeting notes.',
      1,
    ],
  ])('%s: said in words, kept nowhere', async (_name, address, words, requests) => {
    const history = await panelFor();
    expect(await history.addSource(address)).toBe(false);
    expect(history.addressProblem.value).toBe(words);
    expect(history.sources.value).toEqual([]);
    expect(standIn.requests).toHaveLength(requests);
    expect((await panelFor()).sources.value).toEqual([]);
  });

  it('says an archive added twice is added already, asking nothing', async () => {
    const history = await panelFor();
    await history.addSource(FOLDER);
    const requests = standIn.requests.length;
    expect(await history.addSource(`${FOLDER}/`)).toBe(false);
    expect(history.addressProblem.value).toBe('acme/widgets › meetings/notes is added already.');
    expect(standIn.requests.length).toBe(requests);
    expect(history.sources.value).toHaveLength(1);
  });

  it('keeps an archive a rate limit stopped, to load later', async () => {
    standIn.setRemaining(0);
    const history = await panelFor();
    expect(await history.addSource(FOLDER)).toBe(true);
    const [view] = history.sources.value;
    expect(view!.load?.failure?.kind).toBe('rate-limited');
    expect(history.scope.value).toBe('page');
    const later = await panelFor();
    expect(later.sources.value.map((v) => [v.name, v.load])).toEqual([['acme/widgets › meetings/notes', null]]);
  });

  it('removes an archive: the page alone again, and still after a reload', async () => {
    const history = await panelFor();
    await history.addSource(FOLDER);
    await history.removeSource(history.sources.value[0]!.key);
    expect(history.sources.value).toEqual([]);
    expect(history.scope.value).toBe('page');
    expect(history.scopedAgenda.value).toBeNull();
    expect((await panelFor()).sources.value).toEqual([]);
  });
});
