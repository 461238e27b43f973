// @vitest-environment happy-dom
// A group's history as the reader sees it above the index: the group, its regular meeting in the reader's time,
// its chairs, Join and Recordings (http(s) only), the one button that loads every year with its progress in
// words, and what stopped a load: a rate limit with the time it can go on, offline with the age of what is
// stored, a file that cannot be read by its name. The history state is the real one, over a scripted GitHub.
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signal } from '@preact/signals';
import { FollowingView } from '@/components/FollowingView';
import { GroupHistory } from '@/components/GroupHistory';
import type { Agenda } from '@/lib/agenda/model';
import { memoryHistoryDb, type HistoryDb } from '@/lib/history/history-db';
import type { LoaderDeps } from '@/lib/history/loader';
import { createHistoryState, type HistoryState } from '@/lib/history/panel-history';
import type { ContentsAnswer, ContentsRequest } from '@/lib/messaging/history-contents';
import { agenda, meeting } from '../../support/agenda-builder';
import { startPanel } from '../../support/panel-harness';
import { freshRoot } from '../../support/render-root';

const FOLDER = 'sig-auth/archive';
const YEARS = [2014, 2015, 2016, 2017, 2018];

const SIGS_YAML = `
sigs:
  - dir: sig-auth
    name: Auth
    leadership:
      chairs:
        - github: aramase
          name: Anish Ramasekar
        - github: 'bad handle"><img src=x>'
          name: Someone Else
    meetings:
      - description: Regular SIG Meeting
        day: Wednesday
        time: "11:00"
        tz: PT (Pacific Time)
        frequency: biweekly
        url: https://zoom.us/my/k8s.sig.auth
        archive_url: https://docs.google.com/document/d/1woLGRoONE3EBVx-wTb4pvp4CI7tmLZ6lS26VTbosLKM/edit
        recordings_url: https://www.youtube.com/playlist?list=PL69nYSiGNLP0VMOZ-V7-5AchXTHAQFzJw
  - dir: sig-docs
    name: Docs
    meetings:
      - description: Regular SIG Meeting
        day: Tuesday
        time: "10:30"
        tz: PT (Pacific Time)
        frequency: weekly
        url: javascript:alert(document.cookie)
        recordings_url: "data:text/html,<script>alert(1)</script>"
`;

/** The page: the 2018 archive file of the group, as github.com shows it. */
function pageOf(dir = 'sig-auth', year = 2018): Agenda {
  return {
    ...agenda([meeting(`${year}-11-28`, { discussion: ['This year'] })]),
    id: `https://github.com/kubernetes/community/blob/master/${dir}/archive/meeting-notes-${year}.md`,
    url: `https://github.com/kubernetes/community/blob/master/${dir}/archive/meeting-notes-${year}.md`,
    source: 'github-markdown',
  };
}

interface Scripted {
  /** Answers a request for a path; undefined: answered as GitHub would for the files above. */
  answer?(request: Omit<ContentsRequest, 'type'>): ContentsAnswer | undefined | Promise<ContentsAnswer | undefined>;
  asked: string[];
}

function githubAnswer(request: Omit<ContentsRequest, 'type'>): ContentsAnswer {
  if (request.path === 'sigs.yaml') return { kind: 'text', text: SIGS_YAML, etag: '"y"' };
  if (request.path === FOLDER) {
    return {
      kind: 'listing',
      etag: '"l"',
      entries: YEARS.map((year) => ({
        name: `meeting-notes-${year}.md`,
        path: `${FOLDER}/meeting-notes-${year}.md`,
        type: 'file' as const,
        size: 100,
      })),
    };
  }
  return { kind: 'text', text: `<h2>${request.path}</h2>`, etag: `"${request.path}"` };
}

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});
let db: HistoryDb;
let clock: number;
let scripted: Scripted;
const stops: (() => void)[] = [];

function deps(): LoaderDeps {
  return {
    ask: async (request) => {
      scripted.asked.push(request.path);
      return (await scripted.answer?.(request)) ?? githubAnswer(request);
    },
    db,
    // The year in the file's name is its one meeting; 2016's file holds nothing the parser recognises.
    parse: (_html, url) => {
      const year = /meeting-notes-(\d{4})/.exec(url)?.[1] ?? '2000';
      return year === '2016'
        ? { ...agenda([]), url }
        : { ...agenda([meeting(`${year}-06-06`, { discussion: [`Notes of ${year}`] })]), url };
    },
    now: () => clock,
  };
}

async function show(page: Agenda = pageOf()): Promise<HistoryState> {
  const history = createHistoryState(signal<Agenda | null>(page), {
    deps: async () => deps(),
    open: () => undefined,
    webHost: async () => 'github.com',
  });
  stops.push(history.start());
  render(<GroupHistory history={history} />, root);
  await vi.waitFor(() => expect(history.match.value).not.toBeNull());
  return history;
}

const region = (): HTMLElement => root.querySelector<HTMLElement>('section.group')!;
const button = (name: string): HTMLButtonElement | undefined =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name);
const links = (): [string | null, string | null][] =>
  [...root.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);

// The regular meeting is shown in the reader's zone: pin the zone so the words are known.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = zone;
});

beforeEach(() => {
  db = memoryHistoryDb();
  clock = Date.now();
  scripted = { asked: [] };
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the group of an agenda', () => {
  it('names the group, its regular meeting in the reader’s time, its chairs and its links', async () => {
    await show();
    await vi.waitFor(() => expect(region()).not.toBeNull());
    expect(region().getAttribute('aria-label')).toBe('SIG Auth: group and history');
    expect(root.querySelector('.group__name strong')?.textContent).toBe('SIG Auth');
    // Wednesday 11:00 Pacific is 20:00 in Berlin, winter or summer alike.
    expect(root.querySelector('.group__when')?.textContent).toMatch(/^ · Wednesday 8:00 PM GMT\+[12] · biweekly$/);
    expect(root.querySelector('.group__when')?.getAttribute('title')).toBe(
      'Wednesday 11:00 PT (Pacific Time), biweekly',
    );
    expect(links()).toEqual([
      ['Join', 'https://zoom.us/my/k8s.sig.auth'],
      ['Recordings', 'https://www.youtube.com/playlist?list=PL69nYSiGNLP0VMOZ-V7-5AchXTHAQFzJw'],
      ['Anish Ramasekar', 'https://github.com/aramase'],
    ]);
    // A handle that is not one stays a name, not a link.
    expect(root.querySelector('.group__chairs')?.textContent).toBe('Chairs: Anish Ramasekar, Someone Else');
    expect(button('Load the group’s history')).toBeDefined();
  });

  it('makes no link of a join or recordings address that is not http(s)', async () => {
    const history = await show(pageOf('sig-docs'));
    await vi.waitFor(() => expect(root.querySelector('.group__name strong')?.textContent).toBe('SIG Docs'));
    expect(links()).toEqual([]);
    // Even a group handed to the panel with such links (the reading of sigs.yaml is not the only guard).
    const group = history.groups.value!.find((g) => g.dir === 'sig-docs')!;
    // Read-only to the views: the test writes it as a tampered reading would.
    (history.groups as unknown as { value: typeof history.groups.value }).value = [
      {
        ...group,
        meetings: [
          { ...group.meetings[0]!, url: 'javascript:alert(1)', recordingsUrl: 'data:text/html,<script>x</script>' },
        ],
      },
    ];
    await vi.waitFor(() => expect(root.querySelector('.group__name strong')?.textContent).toBe('SIG Docs'));
    expect(links()).toEqual([]);
    expect(root.innerHTML).not.toMatch(/javascript:|data:text/);
  });
});

describe('loading the whole history', () => {
  it('says how far it has got in years, then offers the whole history, naming a file it could not read', async () => {
    const history = await show();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    scripted.answer = async (request) => {
      if (request.path.endsWith('2017.md')) await held;
      return undefined;
    };
    button('Load the group’s history')!.click();
    const progress = await vi.waitFor(() => {
      const found = root.querySelector('[role="status"]');
      expect(found?.textContent).toBe('Loading the history: 3 of 5 years');
      return found!;
    });
    expect(progress.querySelector('progress')?.getAttribute('aria-label')).toBe('History loaded');
    expect(progress.querySelector('progress')?.getAttribute('max')).toBe('5');
    expect(progress.querySelector('progress')?.getAttribute('value')).toBe('3');
    expect(button('Load the group’s history')).toBeUndefined();

    release();
    await vi.waitFor(() => expect(history.status.value.kind).toBe('loaded'));
    await vi.waitFor(() => expect(root.querySelector('[role="radiogroup"]')).not.toBeNull());
    const choices = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(choices.map((c) => [c.closest('label')?.textContent, c.checked])).toEqual([
      ['This page', false],
      ['Whole history (2014–2018)', true],
    ]);
    // 2014, 2015 and 2017 from the archive; 2018 is the page itself.
    expect(root.querySelector('.group__age')?.textContent).toBe('4 meetings, checked with GitHub just now.');
    expect([...root.querySelectorAll('.group__problem')].map((p) => p.textContent)).toEqual([
      'sig-auth/archive/meeting-notes-2016.md could not be read: it has no meeting the overlay recognises.',
    ]);
    expect(root.querySelector('[role="alert"]')).toBeNull();

    choices[0]!.click();
    await vi.waitFor(() => expect(history.scope.value).toBe('page'));
  });

  it('says a rate limit stopped it, and when it can go on', async () => {
    const until = Date.UTC(2026, 0, 14, 16, 45);
    scripted.answer = (request) =>
      request.path === FOLDER
        ? { kind: 'failure', failure: 'rate-limited', message: 'Rate limited.', until }
        : undefined;
    await show();
    button('Load the group’s history')!.click();
    const alert = await vi.waitFor(() => {
      const found = root.querySelector('[role="alert"]');
      expect(found).not.toBeNull();
      return found!;
    });
    // 16:45 UTC is 17:45 in Berlin in January.
    expect(alert.textContent).toBe(
      "GitHub's rate limit stopped the load. It can go on at 5:45 PM. Nothing is stored yet.",
    );
    // Still there to press again later.
    expect(button('Load the group’s history')).toBeDefined();
  });

  it('says it is offline, and how old the history still shown is', async () => {
    clock = Date.now() - 3 * 3_600_000;
    await show();
    button('Load the group’s history')!.click();
    await vi.waitFor(() => expect(button('Check again')).toBeDefined());
    expect(root.querySelector('.group__age')?.textContent).toBe('4 meetings, checked with GitHub 3 h ago.');

    clock = Date.now();
    scripted.answer = (request) =>
      request.path.endsWith('.md') ? { kind: 'failure', failure: 'offline', message: 'No connection.' } : undefined;
    button('Check again')!.click();
    const alert = await vi.waitFor(() => {
      const found = root.querySelector('[role="alert"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(alert.textContent).toBe('Offline: No connection. Showing the history stored 3 h ago (4 files).');
    // The stored years are still offered.
    expect(root.querySelector('[role="radiogroup"]')).not.toBeNull();
    expect(root.querySelector('.group__age')).toBeNull();
  });
});

describe('following across the whole history', () => {
  it('draws a topic’s timeline over every year, with when it was first and last discussed', async () => {
    const panel = await startPanel(pageOf(), {
      panel: { history: { deps: async () => deps(), open: () => undefined, webHost: async () => 'github.com' } },
    });
    try {
      const history = panel.state.history!;
      await vi.waitFor(() => expect(history.match.value).not.toBeNull());
      await vi.waitFor(() => expect(panel.state.private?.ready.value).toBe(true));
      await history.loadNow();
      expect(history.scope.value).toBe('history');
      await panel.state.private!.follow('phrase', 'Notes of');
      render(<FollowingView state={panel.state} mine={panel.state.private!} />, root);
      await vi.waitFor(() => expect(root.querySelectorAll('.timeline__when')).toHaveLength(3));
      expect([...root.querySelectorAll('.timeline__when')].map((el) => el.textContent)).toEqual([
        'Tue, Jun 6, 2017 · Discussion topics',
        'Sat, Jun 6, 2015 · Discussion topics',
        'Fri, Jun 6, 2014 · Discussion topics',
      ]);
      expect(root.querySelector('.topic__span')?.textContent).toBe(
        'First discussed Fri, Jun 6, 2014 · last discussed Tue, Jun 6, 2017',
      );

      // The page alone: no span, and only this page's meetings.
      history.setScope('page');
      await vi.waitFor(() => expect(root.querySelector('.topic__span')).toBeNull());
      expect(root.querySelector('.topic__none')?.textContent).toBe('Not mentioned in this agenda.');
    } finally {
      render(null, root);
      panel.dispose();
    }
  });
});
