import { describe, expect, it } from 'vitest';
import { isBackgroundRequest, isTabRequest } from '../../../lib/messaging/calls';
import { isNews } from '../../../lib/messaging/news';

describe('requests to a tab', () => {
  it.each([
    [{ type: 'agenda/get' }, true],
    [{ type: 'agenda/open' }, true],
    [{ type: 'agenda/part', version: 2, part: 1 }, true],
    [{ type: 'agenda/part', version: '2', part: 1 }, false],
    [{ type: 'agenda/part' }, false],
    [{ type: 'agenda/jump', key: '2018-12-12' }, true],
    [{ type: 'agenda/jump' }, false],
    [{ type: 'agenda/marks', marks: { agendaId: 'a', notes: ['2018-12-12'], follows: [] } }, true],
    [{ type: 'agenda/marks', marks: { agendaId: 'a', notes: [1], follows: [] } }, false],
    [{ type: 'agenda/marks', marks: { notes: [], follows: [] } }, false],
    [{ type: 'agenda/marks' }, false],
    [{ type: 'docs/refresh' }, true],
    // A request for the background, or an inherited name, is not one for the tab.
    [{ type: 'github/lookup', refs: [] }, false],
    [{ type: 'toString' }, false],
    [{ type: 'other' }, false],
    [null, false],
    ['agenda/get', false],
  ])('%j → %s', (message, expected) => {
    expect(isTabRequest(message)).toBe(expected);
  });

  it('narrows to one type when asked', () => {
    expect(isTabRequest({ type: 'agenda/get' }, 'agenda/get')).toBe(true);
    expect(isTabRequest({ type: 'agenda/get' }, 'agenda/open')).toBe(false);
    expect(isTabRequest({ type: 'agenda/jump' }, 'agenda/jump')).toBe(false);
  });
});

describe('requests to the background', () => {
  const many = Array.from({ length: 10_001 }, () => 'a/b#1');
  it.each([
    [{ type: 'github/lookup', refs: ['a/b#1'] }, true],
    [{ type: 'github/lookup', refs: ['a/b#1'], visibleFirst: ['a/b#1'], force: true }, true],
    [{ type: 'github/lookup', refs: 'a/b#1' }, false],
    [{ type: 'github/lookup', refs: [1] }, false],
    [{ type: 'github/lookup', refs: [], force: 'yes' }, false],
    [{ type: 'github/lookup', refs: [], visibleFirst: [null] }, false],
    [{ type: 'github/lookup', refs: many }, false],
    [{ type: 'github/state' }, true],
    [{ type: 'github/check' }, true],
    [{ type: 'docs/export' }, true],
    [{ type: 'history/contents', path: 'sig-auth/archive', want: 'listing' }, true],
    [{ type: 'history/contents', path: 'sig-auth/../x', want: 'listing' }, false],
    [{ type: 'history/contents', path: '', want: 'listing' }, false],
    [{ type: 'history/contents', path: 'a', want: 'exec' }, false],
    [
      { type: 'history/contents', path: 'notes', want: 'listing', repo: { owner: 'acme', repo: 'w', ref: 'main' } },
      true,
    ],
    [{ type: 'history/contents', path: '', want: 'listing', repo: { owner: 'acme', repo: 'w', ref: 'main' } }, true],
    [{ type: 'history/contents', path: '', want: 'html', repo: { owner: 'acme', repo: 'w', ref: 'main' } }, false],
    [{ type: 'history/contents', path: 'n.md', want: 'html', repo: { owner: 'a/b', repo: 'w', ref: 'main' } }, false],
    [{ type: 'history/contents', path: 'n.md', want: 'html', repo: { owner: 'acme', repo: '..', ref: 'main' } }, false],
    [{ type: 'history/contents', path: 'n.md', want: 'html', repo: { owner: 'acme', repo: 'w', ref: 'a..b' } }, false],
    [{ type: 'history/contents', path: 'n.md', want: 'html', repo: { owner: 'acme', repo: 'w' } }, false],
    [{ type: 'agenda/get' }, false],
    [{ type: '__proto__' }, false],
    [undefined, false],
  ])('%j → %s', (message, expected) => {
    expect(isBackgroundRequest(message)).toBe(expected);
  });

  it('narrows to one type when asked', () => {
    expect(isBackgroundRequest({ type: 'github/state' }, 'github/state')).toBe(true);
    expect(isBackgroundRequest({ type: 'github/state' }, 'github/check')).toBe(false);
  });
});

describe('news', () => {
  it('is told apart by its type', () => {
    expect(isNews({ type: 'github/reports', reports: [] }, 'github/reports', 'github/rate-limit')).toBe(true);
    expect(isNews({ type: 'github/rate-limit' }, 'github/reports', 'github/rate-limit')).toBe(true);
    expect(isNews({ type: 'agenda/changed' }, 'github/reports', 'github/rate-limit')).toBe(false);
    expect(isNews({ type: 'agenda/visible', meetingKey: null }, 'agenda/visible')).toBe(true);
    expect(isNews(undefined, 'github/reset')).toBe(false);
  });
});
