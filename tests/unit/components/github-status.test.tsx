// @vitest-environment happy-dom
// The panel's status components, rendered in happy-dom: words beside every icon, the banner's way out.
import { render } from 'preact';
import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitBanner } from '../../../components/RateLimitBanner';
import { RefBadge } from '../../../components/RefBadge';
import { StatusSummary } from '../../../components/StatusSummary';
import { summarise, type StatusBanner } from '../../../lib/panel/github-status';
import { failed, pending, status } from '../../support/status-transport';

let host: HTMLElement;

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}

afterEach(() => {
  render(null, host);
  host.remove();
});

describe('RefBadge', () => {
  it('shows GitHub’s icon with a word, and the title and last update on hover', () => {
    const el = mount(<RefBadge reference="k/k#4" report={status('k/k#4', 'pr', 'merged')} />).firstElementChild!;
    expect(el.getAttribute('data-state')).toBe('pr-merged');
    expect(el.className).toBe('ref-badge ref-badge--merged');
    expect(el.textContent).toBe('Merged');
    expect(el.getAttribute('title')).toBe('Pull request k/k#4: Merged\nTitle of k/k#4\nUpdated May 1, 2024');
    expect(el.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it.each([
    [status('k/k#1', 'pr', 'open'), 'pr-open', 'Open', 'open'],
    [status('k/k#1', 'pr', 'draft'), 'pr-draft', 'Draft', 'neutral'],
    [status('k/k#1', 'pr', 'closed'), 'pr-closed', 'Closed', 'closed'],
    [status('k/k#1', 'issue', 'open'), 'issue-open', 'Open', 'open'],
    [status('k/k#1', 'issue', 'completed'), 'issue-completed', 'Closed', 'merged'],
    [status('k/k#1', 'issue', 'not-planned'), 'issue-not-planned', 'Not planned', 'neutral'],
    [failed('k/k#1', 'not-found'), 'failure-not-found', 'Not found', 'neutral'],
    [failed('k/k#1', 'offline'), 'failure-offline', 'Unknown', 'attention'],
    [pending('k/k#1'), 'pending', 'Checking', 'neutral'],
    [undefined, 'unknown', 'Not checked', 'neutral'],
  ])('%#: %s reads %s', (report, key, label, tone) => {
    const el = mount(<RefBadge reference="k/k#1" report={report} />).firstElementChild!;
    expect(el.getAttribute('data-state')).toBe(key);
    expect(el.textContent).toBe(label);
    expect(el.classList.contains(`ref-badge--${tone}`)).toBe(true);
  });

  it('keeps the word for screen readers when it is not shown', () => {
    const el = mount(<RefBadge reference="k/k#1" report={status('k/k#1', 'pr', 'closed')} showLabel={false} showRef />)
      .firstElementChild!;
    expect(el.querySelector('.visually-hidden')?.textContent).toBe('Closed');
    expect(el.querySelector('.ref-badge__ref')?.textContent).toBe('k/k#1');
  });
});

describe('StatusSummary', () => {
  const reports = new Map(
    [
      status('a/b#1', 'pr', 'open'),
      status('a/b#2', 'pr', 'open'),
      status('a/b#3', 'issue', 'completed'),
      pending('a/b#4'),
    ].map((r) => [r.ref, r]),
  );

  it('shows a chip per status, in words, and the whole sentence', () => {
    const el = mount(<StatusSummary summary={summarise(reports, reports.keys())} scope="this year" />);
    const chips = [...el.querySelectorAll('.status-chip')].map((chip) => chip.textContent);
    expect(chips).toEqual(['2 open PRs', '1 closed issue', '1 not known yet']);
    expect(el.querySelector('ul')?.getAttribute('aria-label')).toBe(
      '2 open PRs and 1 closed issue mentioned this year; 1 not known yet',
    );
  });

  it('picks a filter and refreshes', () => {
    const onPick = vi.fn();
    const onRefresh = vi.fn();
    const el = mount(
      <StatusSummary
        summary={summarise(reports, reports.keys())}
        onPick={onPick}
        picked="pr-open"
        onRefresh={onRefresh}
      />,
    );
    const [openPrs] = el.querySelectorAll<HTMLButtonElement>('.status-chip__button');
    expect(openPrs?.getAttribute('aria-pressed')).toBe('true');
    openPrs?.click();
    expect(onPick).toHaveBeenCalledWith('pr-open');
    el.querySelector<HTMLButtonElement>('.status-summary__refresh')?.click();
    expect(onRefresh).toHaveBeenCalledOnce();
  });
});

describe('RateLimitBanner', () => {
  function state(banner: StatusBanner | null) {
    return { banner: signal(banner), refreshing: signal(false), refresh: vi.fn(async () => undefined) };
  }

  it('shows nothing when nothing is wrong', () => {
    expect(mount(<RateLimitBanner status={state(null)} />).innerHTML).toBe('');
  });

  it('tells a refused token, with the way to the options and a retry', () => {
    const s = state({
      kind: 'bad-token',
      tone: 'error',
      message: 'GitHub did not accept the token (HTTP 401).',
      offerOptions: true,
    });
    const openOptions = vi.fn();
    const el = mount(<RateLimitBanner status={s} openOptions={openOptions} />);
    expect(el.querySelector('[role="alert"]')?.getAttribute('data-banner')).toBe('bad-token');
    expect(el.textContent).toContain('GitHub did not accept the token (HTTP 401).');
    const [options, retry] = el.querySelectorAll('button');
    expect(options?.textContent).toBe('Change the token');
    options?.click();
    expect(openOptions).toHaveBeenCalledOnce();
    retry?.click();
    expect(s.refresh).toHaveBeenCalledOnce();
  });

  it('tells a rate limit', () => {
    const el = mount(
      <RateLimitBanner
        status={state({
          kind: 'rate-limited',
          tone: 'warning',
          message: 'GitHub’s rate limit is used up. Looking up again in 12 min.',
          until: 1,
          offerOptions: true,
        })}
      />,
    );
    expect(el.textContent).toContain('Looking up again in 12 min.');
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Add a token', 'Try again']);
  });
});
