// @vitest-environment happy-dom
// The details pane under the index, as the reader sees it: an item's whole text, only its http(s) links as links
// (a `javascript:` link written in the agenda stays text-less and unclickable), the people it names, its GitHub
// references with their status in words, follow buttons; a meeting's sections and recording.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ItemDetail } from '@/components/ItemDetail';
import { createGitHubStatus } from '@/lib/panel/github-status';
import { agenda, keyOf, meeting } from '../../support/agenda-builder';
import { startPanel, type Harness } from '../../support/panel-harness';
import { ScriptedTransport, status } from '../../support/status-transport';
import { freshRoot } from '../../support/render-root';

const LONG =
  '[@pbarker] Outgoing webhook auth: which credentials the API server presents to admission webhooks, and how ' +
  'they rotate, tracked in kubernetes/kubernetes#71174 and kubernetes/community#911';

const AGENDA = agenda([
  meeting(
    '2018-11-28',
    {
      discussion: [
        {
          text: LONG,
          links: [
            { href: 'javascript:alert(document.cookie)', text: 'the proposal' },
            { href: 'https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit', text: '' },
            { href: 'data:text/html,<script>alert(1)</script>', text: 'inline demo' },
          ],
        },
        'sig-auth ownership of kube-rbac-proxy',
      ],
      'action-items': ['@brancz will make issue for review of kube-rbac-proxy'],
    },
    { recording: 'https://www.youtube.com/watch?v=abc123' },
  ),
  meeting('2018-11-14', { discussion: ['Bound tokens'] }, { recording: 'javascript:alert(1)' }),
]);
const ITEM = keyOf(AGENDA, '2018-11-28', 'Outgoing webhook auth');

let root: HTMLElement;
freshRoot((element) => {
  root = element;
});
let panel: Harness;
let transport: ScriptedTransport;

beforeEach(async () => {
  transport = new ScriptedTransport();
  transport.table.set('kubernetes/kubernetes#71174', status('kubernetes/kubernetes#71174', 'pr', 'merged'));
  transport.table.set('kubernetes/community#911', status('kubernetes/community#911', 'issue', 'open'));
  const github = createGitHubStatus(transport, { coalesceMs: 0 });
  panel = await startPanel(AGENDA, { panel: { github } });
  await github.request(['kubernetes/kubernetes#71174', 'kubernetes/community#911']);
  await vi.waitFor(() => expect(panel.state.private?.ready.value).toBe(true));
  render(<ItemDetail state={panel.state} />, root);
});

afterEach(() => {
  panel.state.github?.dispose();
  panel.dispose();
});

const pane = (): HTMLElement => root.querySelector<HTMLElement>('section[aria-label="Details"]')!;

async function select(key: string): Promise<void> {
  panel.state.index.reveal(key);
  await vi.waitFor(() => expect(pane().classList.contains('detail--empty')).toBe(false));
}

describe('the details pane', () => {
  it('asks for a selection while nothing is selected', () => {
    expect(pane().textContent).toBe('Select a meeting or an item to see it in full here.');
  });

  it('shows an item’s whole text, and only its http(s) links as links, opening in a new tab', async () => {
    await select(ITEM);
    expect(pane().querySelector('.detail__text')?.textContent).toBe(LONG);
    const anchors = [...pane().querySelectorAll('a')];
    expect(anchors.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      [
        'https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit',
        // A link without words shows its address.
        'https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit',
      ],
    ]);
    expect(anchors[0]?.getAttribute('target')).toBe('_blank');
    expect(anchors[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    // The unsafe links are not there at all, not even as words.
    expect(pane().innerHTML).not.toMatch(/javascript:|data:text/);
    expect(pane().textContent).not.toContain('the proposal');
    expect(pane().textContent).not.toContain('inline demo');
  });

  it('names the people and the GitHub references with their status in words', async () => {
    await select(ITEM);
    expect([...pane().querySelectorAll('.chip--person')].map((c) => c.textContent)).toEqual(['@pbarker']);
    const badges = [...pane().querySelectorAll('.detail__meta [data-state]')];
    expect(badges.map((b) => [b.querySelector('.ref-badge__ref')?.textContent, b.getAttribute('data-state')])).toEqual([
      ['kubernetes/kubernetes#71174', 'pr-merged'],
      ['kubernetes/community#911', 'issue-open'],
    ]);
    expect(badges.map((b) => b.textContent)).toEqual([
      'kubernetes/kubernetes#71174Merged',
      'kubernetes/community#911Open',
    ]);
  });

  it('follows a reference from its button, and the button says so', async () => {
    await select(ITEM);
    const group = pane().querySelector('[role="group"][aria-label="Follow across meetings"]')!;
    const follow = [...group.querySelectorAll('button')];
    expect(follow.map((b) => b.textContent)).toEqual([
      '☆ kubernetes/kubernetes#71174',
      '☆ kubernetes/community#911',
      '☆ @pbarker',
    ]);
    expect(follow.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false']);
    follow[0]!.click();
    await vi.waitFor(() => expect(follow[0]!.getAttribute('aria-pressed')).toBe('true'));
    expect(follow[0]!.textContent).toBe('★ kubernetes/kubernetes#71174');
    expect(follow[0]!.title).toBe('Stop following kubernetes/kubernetes#71174');
    expect(panel.state.private?.followed.value.map((f) => f.value)).toEqual(['kubernetes/kubernetes#71174']);
    follow[0]!.click();
    await vi.waitFor(() => expect(follow[0]!.getAttribute('aria-pressed')).toBe('false'));
    expect(panel.state.private?.followed.value).toEqual([]);
  });

  it('offers a private note on the item', async () => {
    await select(ITEM);
    expect(pane().querySelector('[role="group"][aria-label="Your private notes"] label')?.textContent).toBe(
      'Add a private note',
    );
  });

  it('shows a meeting with its sections and its recording, and no recording that is not http(s)', async () => {
    await select('2018-11-28');
    expect(pane().querySelector('.detail__meta')?.textContent).toBe('Discussion topics (2) · Action items (1)');
    const recording = [...pane().querySelectorAll('a')].find((a) => a.textContent === '▶ Recording');
    expect(recording?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abc123');
    // The meeting's references, summed up.
    expect(pane().querySelector('.status-summary ul')?.getAttribute('aria-label')).toBe(
      '1 merged PR and 1 open issue mentioned in this meeting',
    );

    await select('2018-11-14');
    expect(pane().querySelector('.detail__text')?.textContent).toContain('Nov 14, 2018');
    expect(pane().querySelector('a')).toBeNull();
    expect(pane().textContent).not.toContain('Recording');
  });
});
