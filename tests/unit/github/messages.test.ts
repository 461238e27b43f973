import { describe, expect, it } from 'vitest';
import { isGitHubBroadcast, isGitHubLookupRequest } from '../../../lib/github/messages';

describe('GitHub messages', () => {
  it('accepts well-formed look-up requests only', () => {
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: ['a/b#1'] })).toBe(true);
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: ['a/b#1'], visibleFirst: ['a/b#1'], force: true })).toBe(true);
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: 'a/b#1' })).toBe(false);
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: [1] })).toBe(false);
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: [], force: 'yes' })).toBe(false);
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: [], visibleFirst: [null] })).toBe(false);
    expect(isGitHubLookupRequest({ type: 'github/lookup', refs: Array.from({ length: 10_001 }, () => 'a/b#1') })).toBe(false);
    expect(isGitHubLookupRequest(null)).toBe(false);
    expect(isGitHubLookupRequest({ type: 'agenda/get' })).toBe(false);
  });

  it('knows its broadcasts', () => {
    expect(isGitHubBroadcast({ type: 'github/reports', reports: [] })).toBe(true);
    expect(isGitHubBroadcast({ type: 'github/rate-limit' })).toBe(true);
    expect(isGitHubBroadcast({ type: 'agenda/changed' })).toBe(false);
    expect(isGitHubBroadcast(undefined)).toBe(false);
  });
});
