// Without a token: REST. `GET /repos/{o}/{r}/issues/{n}` answers for issues and pull requests alike
// (a pull request carries `pull_request`, with `merged_at`, and nowadays `draft`); the pulls endpoint is
// asked only where the issue answer cannot tell: an open pull request without `draft` (older GitHub
// Enterprise), or a closed one without `merged_at`.
import type { Problem } from './errors';
import type { RefParts } from './refs';
import type { RefState, RefStatus } from './status';

export function issuePath(parts: RefParts): string {
  return `/repos/${encodeURIComponent(parts.owner)}/${encodeURIComponent(parts.repo)}/issues/${parts.number}`;
}

export function pullPath(parts: RefParts): string {
  return `/repos/${encodeURIComponent(parts.owner)}/${encodeURIComponent(parts.repo)}/pulls/${parts.number}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(reason: string): Problem {
  return { kind: 'malformed', detail: { reason } };
}

interface Common {
  state: 'open' | 'closed';
  title: string;
  updatedAt: string;
  url: string;
}

/** The fields every issue and pull answer has, checked. */
function readCommon(body: unknown, what: string): Common | Problem {
  if (!isRecord(body)) return malformed(`the ${what} answer is not a JSON object`);
  const { state, title, updated_at: updatedAt, html_url: url } = body;
  if (state !== 'open' && state !== 'closed') return malformed(`the ${what} answer has no open/closed state`);
  if (typeof title !== 'string' || typeof updatedAt !== 'string' || typeof url !== 'string') {
    return malformed(`the ${what} answer lacks title, updated_at or html_url`);
  }
  return { state, title, updatedAt, url };
}

export type IssueReading = { status: RefStatus; needsPull: boolean } | Problem;

/** An issue answer: the full status, and whether only the pulls endpoint can finish it. */
export function readIssueAnswer(body: unknown, ref: string, now: number): IssueReading {
  const common = readCommon(body, 'issue');
  if ('kind' in common) return common;
  const record = body as Record<string, unknown>;
  const base = { ref, title: common.title, updatedAt: common.updatedAt, url: common.url, fetchedAt: now };
  const pull = record.pull_request;
  if (pull === undefined || pull === null) {
    const reason = record.state_reason;
    // Closed with no reason (before 2022) is drawn as completed; "duplicate" like "not planned".
    const state: RefState =
      common.state === 'open'
        ? 'open'
        : reason === 'not_planned' || reason === 'duplicate'
          ? 'not-planned'
          : 'completed';
    return { status: { ...base, kind: 'issue', state }, needsPull: false };
  }
  if (!isRecord(pull)) return malformed('the issue answer has a pull_request that is not an object');
  if (common.state === 'closed') {
    if (!('merged_at' in pull)) return { status: { ...base, kind: 'pr', state: 'closed' }, needsPull: true };
    const merged = typeof pull.merged_at === 'string';
    return { status: { ...base, kind: 'pr', state: merged ? 'merged' : 'closed' }, needsPull: false };
  }
  if (typeof record.draft !== 'boolean') return { status: { ...base, kind: 'pr', state: 'open' }, needsPull: true };
  return { status: { ...base, kind: 'pr', state: record.draft ? 'draft' : 'open' }, needsPull: false };
}

/** A pull answer: `merged`/`merged_at` and `draft` decide. */
export function readPullAnswer(body: unknown, ref: string, now: number): RefStatus | Problem {
  const common = readCommon(body, 'pull request');
  if ('kind' in common) return common;
  const record = body as Record<string, unknown>;
  const merged = record.merged === true || typeof record.merged_at === 'string';
  const state: RefState = merged
    ? 'merged'
    : common.state === 'closed'
      ? 'closed'
      : record.draft === true
        ? 'draft'
        : 'open';
  return { ref, kind: 'pr', state, title: common.title, updatedAt: common.updatedAt, url: common.url, fetchedAt: now };
}
