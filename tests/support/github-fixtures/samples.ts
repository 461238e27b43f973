// The recorded GitHub answers in tests/fixtures/github-api, and builders that reshape them for any reference
// and state while keeping every recorded field and header: what a test gets looks exactly like what GitHub sends.
import { readFixture } from '../fixtures';

export type FixtureKind = 'pr' | 'issue';
export type FixtureState = 'open' | 'draft' | 'merged' | 'closed' | 'completed' | 'not-planned';

const jsonCache = new Map<string, unknown>();

export function readSample(name: string): unknown {
  if (!jsonCache.has(name)) jsonCache.set(name, JSON.parse(readFixture(`github-api/${name}`)));
  return structuredClone(jsonCache.get(name));
}

export interface ReplayExchange {
  scheme: string;
  method: string;
  host: string;
  path: string;
  status: number;
  responseHeaders: [string, string][];
  body: string;
}

/** Python's repr of a list of (name, value) tuples, as PyGithub records headers. */
function parsePythonHeaderList(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  const tuple = /\('((?:[^'\\]|\\.)*)', (?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\)/g;
  for (const match of text.matchAll(tuple)) {
    pairs.push([match[1] ?? '', match[2] ?? match[3] ?? '']);
  }
  return pairs;
}

/** A PyGithub `*.replay.txt`: 10 lines an exchange (scheme, verb, host, port, path, request headers, request body, status, response headers, body), a blank line between. */
export function readReplay(name: string): ReplayExchange[] {
  const lines = readFixture(`github-api/${name}`).split('\n');
  const exchanges: ReplayExchange[] = [];
  for (let i = 0; i + 9 < lines.length; ) {
    if ((lines[i] ?? '').trim() === '') {
      i++;
      continue;
    }
    const at = (k: number): string => lines[i + k] ?? '';
    exchanges.push({
      scheme: at(0),
      method: at(1),
      host: at(2),
      path: at(4),
      status: Number(at(7)),
      responseHeaders: parsePythonHeaderList(at(8)),
      body: at(9),
    });
    i += 10;
  }
  return exchanges;
}

// Headers that describe the recorded transfer or the recorded token, not the answer: we send our own.
const TRANSFER_HEADERS = new Set([
  'date',
  'content-encoding',
  'transfer-encoding',
  'content-length',
  'etag',
  'last-modified',
  'github-authentication-token-expiration',
  'x-oauth-scopes',
  'x-accepted-oauth-scopes',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-ratelimit-used',
  'x-ratelimit-resource',
]);

function answerHeaders(exchange: ReplayExchange | undefined): [string, string][] {
  if (!exchange) throw new Error('A recorded exchange is missing from the samples');
  return exchange.responseHeaders.filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase()));
}

/** The recorded REST headers of `GET /repos/PyGithub/PyGithub/issues/28`, less transfer and quota headers. */
export function restHeaderTemplate(): [string, string][] {
  const exchange = readReplay('pygithub_Issue.setUp.replay.txt').find((e) => /\/issues\/\d+$/.test(e.path));
  return answerHeaders(exchange);
}

/** The recorded GraphQL headers of `POST /graphql`, less transfer and quota headers. */
export function graphqlHeaderTemplate(): [string, string][] {
  return answerHeaders(readReplay('pygithub_GraphQl.testNode.replay.txt')[0]);
}

/** The recorded NOT_FOUND error (returned with HTTP 200): its shape, for our own paths and messages. */
export function graphqlNotFoundTemplate(): Record<string, unknown> {
  const sample = readSample('pygithub_POST_graphql_node_not_found_error.json') as { errors: Record<string, unknown>[] };
  const error = sample.errors[0];
  if (!error) throw new Error('The NOT_FOUND sample has no error');
  return error;
}

export interface FixtureRef {
  owner: string;
  repo: string;
  number: number;
  kind: FixtureKind;
  state: FixtureState;
  title: string;
  updatedAt: string;
}

export interface FixtureUrls {
  /** The API base the answer's `url` fields point at. */
  apiBase: string;
  /** The web host of `html_url`: `https://github.com`. */
  htmlBase: string;
}

const CLOSED_AT = '2024-05-02T10:00:00Z';

function isOpen(state: FixtureState): boolean {
  return state === 'open' || state === 'draft';
}

/**
 * `GET /repos/{o}/{r}/issues/{n}`: the recorded closed issue for issues, the recorded pull request from the
 * mixed issue list for pull requests, with this reference's fields. `draftInIssue: false` drops `draft`
 * from pull requests, as older GitHub Enterprise answers do.
 */
export function issueBody(ref: FixtureRef, urls: FixtureUrls, draftInIssue = true): Record<string, unknown> {
  const path = `${ref.owner}/${ref.repo}`;
  const api = `${urls.apiBase}/repos/${path}`;
  const html = `${urls.htmlBase}/${path}`;
  let body: Record<string, unknown>;
  if (ref.kind === 'pr') {
    const list = readSample('pygithub_GET_issues_list_mixed_prs.json') as Record<string, unknown>[];
    const template = list.find((item) => item.pull_request);
    if (!template) throw new Error('The mixed issue list has no pull request');
    body = template;
    body.pull_request = {
      url: `${api}/pulls/${ref.number}`,
      html_url: `${html}/pull/${ref.number}`,
      diff_url: `${html}/pull/${ref.number}.diff`,
      patch_url: `${html}/pull/${ref.number}.patch`,
      merged_at: ref.state === 'merged' ? CLOSED_AT : null,
    };
    if (draftInIssue) body.draft = ref.state === 'draft';
    else delete body.draft;
  } else {
    body = readSample('pygithub_GET_issues_28_closed_completed.json') as Record<string, unknown>;
    delete body.pull_request;
    delete body.draft;
  }
  Object.assign(body, {
    url: `${api}/issues/${ref.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${ref.number}/labels{/name}`,
    comments_url: `${api}/issues/${ref.number}/comments`,
    events_url: `${api}/issues/${ref.number}/events`,
    timeline_url: `${api}/issues/${ref.number}/timeline`,
    html_url: `${html}/${ref.kind === 'pr' ? 'pull' : 'issues'}/${ref.number}`,
    number: ref.number,
    title: ref.title,
    state: isOpen(ref.state) ? 'open' : 'closed',
    state_reason:
      ref.kind === 'issue' && ref.state === 'completed'
        ? 'completed'
        : ref.kind === 'issue' && ref.state === 'not-planned'
          ? 'not_planned'
          : null,
    updated_at: ref.updatedAt,
    closed_at: isOpen(ref.state) ? null : CLOSED_AT,
  });
  return body;
}

/** `GET /repos/{o}/{r}/pulls/{n}`: the recorded merged pull request with this reference's fields. */
export function pullBody(ref: FixtureRef, urls: FixtureUrls): Record<string, unknown> {
  const body = readSample('pygithub_GET_pulls_31_merged.json') as Record<string, unknown>;
  const api = `${urls.apiBase}/repos/${ref.owner}/${ref.repo}`;
  const merged = ref.state === 'merged';
  Object.assign(body, {
    url: `${api}/pulls/${ref.number}`,
    html_url: `${urls.htmlBase}/${ref.owner}/${ref.repo}/pull/${ref.number}`,
    issue_url: `${api}/issues/${ref.number}`,
    number: ref.number,
    title: ref.title,
    state: isOpen(ref.state) ? 'open' : 'closed',
    draft: ref.state === 'draft',
    merged,
    merged_at: merged ? CLOSED_AT : null,
    closed_at: isOpen(ref.state) ? null : CLOSED_AT,
    updated_at: ref.updatedAt,
    merged_by: merged ? body.merged_by : null,
    merge_commit_sha: merged ? body.merge_commit_sha : null,
  });
  return body;
}

/** The `issueOrPullRequest` node GraphQL answers with for the fields our query asks. */
export function graphqlNode(ref: FixtureRef, urls: FixtureUrls): Record<string, unknown> {
  const url = `${urls.htmlBase}/${ref.owner}/${ref.repo}/${ref.kind === 'pr' ? 'pull' : 'issues'}/${ref.number}`;
  if (ref.kind === 'pr') {
    const state = ref.state === 'merged' ? 'MERGED' : isOpen(ref.state) ? 'OPEN' : 'CLOSED';
    return {
      __typename: 'PullRequest',
      state,
      isDraft: ref.state === 'draft',
      merged: ref.state === 'merged',
      title: ref.title,
      updatedAt: ref.updatedAt,
      url,
    };
  }
  const stateReason = ref.state === 'completed' ? 'COMPLETED' : ref.state === 'not-planned' ? 'NOT_PLANNED' : null;
  return {
    __typename: 'Issue',
    state: isOpen(ref.state) ? 'OPEN' : 'CLOSED',
    stateReason,
    title: ref.title,
    updatedAt: ref.updatedAt,
    url,
  };
}
