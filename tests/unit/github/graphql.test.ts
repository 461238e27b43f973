import { describe, expect, it } from 'vitest';
import {
  buildStatusQuery,
  graphqlAlias,
  graphqlString,
  MAX_REFS_PER_QUERY,
  readStatusAnswer,
} from '../../../lib/github/graphql';
import { parseRef, type RefParts } from '../../../lib/github/refs';
import { readSample } from '../../support/github-fixtures/samples';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function parts(ref: string): RefParts {
  const parsed = parseRef(ref);
  if (!parsed) throw new Error(ref);
  return parsed;
}

describe('buildStatusQuery', () => {
  it('asks one aliased repository { issueOrPullRequest } per reference, with every status field', () => {
    const query = buildStatusQuery([parts('kubernetes/kubernetes#69848'), parts('kubernetes/community#2497')]);
    expect(query.aliases).toEqual([
      { alias: 'r0_kubernetes_kubernetes_69848', ref: 'kubernetes/kubernetes#69848' },
      { alias: 'r1_kubernetes_community_2497', ref: 'kubernetes/community#2497' },
    ]);
    expect(query.query).toContain(
      'r0_kubernetes_kubernetes_69848: repository(owner: "kubernetes", name: "kubernetes") {\n    issueOrPullRequest(number: 69848) { ...RefStatusFields }',
    );
    expect(query.query).toContain('... on Issue { state stateReason title updatedAt url }');
    expect(query.query).toContain('... on PullRequest { state isDraft merged title updatedAt url }');
    expect(query.query.match(/repository\(/g)).toHaveLength(2);
  });

  it('makes valid, unique aliases from any repository name', () => {
    const refs = ['a/b.c#1', 'a/b-c#1', 'a/b_c#1', '9lives/9.9#9', 'x/.github#2'].map(parts);
    const aliases = buildStatusQuery(refs).aliases.map((a) => a.alias);
    for (const alias of aliases) expect(alias).toMatch(GRAPHQL_NAME);
    expect(new Set(aliases).size).toBe(refs.length);
    expect(graphqlAlias(3, parts('9lives/9.9#9'))).toBe('r3_9lives_9_9_9');
  });

  it('JSON-escapes owner and name strings, so no text can end the literal', () => {
    // parseRef never lets these through; the builder escapes anyway.
    const query = buildStatusQuery([{ owner: 'a"b\\c', repo: 'x\ny") { viewer { login } } #', number: 1 }]);
    expect(query.query).toContain('repository(owner: "a\\"b\\\\c", name: "x\\ny\\") { viewer { login } } #")');
    expect(query.query).not.toContain('viewer { login } } #"){');
    expect(JSON.parse(graphqlString('q"\\\n\u0001'))).toBe('q"\\\n\u0001');
    expect(query.aliases[0]?.alias).toMatch(GRAPHQL_NAME);
  });

  it('refuses more than 100 references', () => {
    const many = Array.from({ length: MAX_REFS_PER_QUERY + 1 }, (_, i) => parts(`o/r#${i + 1}`));
    expect(() => buildStatusQuery(many)).toThrow(RangeError);
    expect(buildStatusQuery(many.slice(0, 100)).aliases).toHaveLength(100);
  });
});

describe('readStatusAnswer', () => {
  const refs = ['o/r#1', 'o/r#2', 'o/r#3', 'o/r#4', 'o/r#5', 'o/r#6', 'o/r#7', 'o/gone#8', 'o/r#9'];
  const query = buildStatusQuery(refs.map(parts));
  const alias = (i: number): string => query.aliases[i]?.alias ?? '';
  const url = 'https://github.com/o/r/pull/1';
  const pr = (state: string, isDraft: boolean, merged: boolean): unknown => ({
    issueOrPullRequest: {
      __typename: 'PullRequest',
      state,
      isDraft,
      merged,
      title: `PR ${state}`,
      updatedAt: '2024-04-01T00:00:00Z',
      url,
    },
  });
  const issue = (state: string, stateReason: string | null): unknown => ({
    issueOrPullRequest: {
      __typename: 'Issue',
      state,
      stateReason,
      title: `Issue ${state}`,
      updatedAt: '2024-04-02T00:00:00Z',
      url,
    },
  });
  // The recorded NOT_FOUND error, moved to our aliases, as GitHub sends it with HTTP 200.
  const recorded = readSample('pygithub_POST_graphql_node_not_found_error.json') as {
    errors: Record<string, unknown>[];
  };
  const notFound = recorded.errors[0] ?? {};

  it('reads every state GitHub users know, and NOT_FOUND errors with HTTP 200', () => {
    const body = {
      data: {
        [alias(0)]: pr('OPEN', false, false),
        [alias(1)]: pr('OPEN', true, false),
        [alias(2)]: pr('MERGED', false, true),
        [alias(3)]: pr('CLOSED', false, false),
        [alias(4)]: issue('OPEN', null),
        [alias(5)]: issue('CLOSED', 'COMPLETED'),
        [alias(6)]: issue('CLOSED', 'NOT_PLANNED'),
        [alias(7)]: null,
        [alias(8)]: { issueOrPullRequest: null },
      },
      errors: [
        { ...notFound, path: [alias(7)], message: "Could not resolve to a Repository with the name 'o/gone'." },
        {
          ...notFound,
          path: [alias(8), 'issueOrPullRequest'],
          message: 'Could not resolve to an issue or pull request with the number of 9.',
        },
      ],
    };
    const result = readStatusAnswer(body, query, NOW, true);
    if (!('outcomes' in result)) throw new Error('expected outcomes');
    const summary = result.outcomes.map((o) =>
      'status' in o ? `${o.status.kind}:${o.status.state}` : `problem:${o.problem.kind}`,
    );
    expect(summary).toEqual([
      'pr:open',
      'pr:draft',
      'pr:merged',
      'pr:closed',
      'issue:open',
      'issue:completed',
      'issue:not-planned',
      'problem:not-found',
      'problem:not-found',
    ]);
    const first = result.outcomes[0];
    expect(first && 'status' in first ? first.status : null).toEqual({
      ref: 'o/r#1',
      kind: 'pr',
      state: 'open',
      title: 'PR OPEN',
      updatedAt: '2024-04-01T00:00:00Z',
      url,
      fetchedAt: NOW,
    });
    const last = result.outcomes[8];
    expect(last && 'problem' in last ? last.problem.detail.githubMessage : null).toBe(
      'Could not resolve to an issue or pull request with the number of 9.',
    );
  });

  it('reads an old closed issue without a reason as completed, and a duplicate as not planned', () => {
    const q = buildStatusQuery([parts('o/r#1'), parts('o/r#2')]);
    const body = {
      data: {
        [q.aliases[0]?.alias ?? '']: issue('CLOSED', null),
        [q.aliases[1]?.alias ?? '']: issue('CLOSED', 'DUPLICATE'),
      },
    };
    const result = readStatusAnswer(body, q, NOW, true);
    expect('outcomes' in result && result.outcomes.map((o) => ('status' in o ? o.status.state : 'x'))).toEqual([
      'completed',
      'not-planned',
    ]);
  });

  it('names whole-query failures: rate limited, server trouble, rejected query, nothing at all', () => {
    const rateLimited = readStatusAnswer(
      { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] },
      query,
      NOW,
      true,
    );
    expect(rateLimited).toEqual({
      problem: { kind: 'rate-limited', detail: { githubMessage: 'API rate limit exceeded for user ID 1.' } },
    });
    const wentWrong = readStatusAnswer(
      { data: null, errors: [{ message: 'Something went wrong while executing your query.' }] },
      query,
      NOW,
      true,
    );
    expect('problem' in wentWrong && wentWrong.problem.kind).toBe('server-error');
    const parseError = readStatusAnswer(
      { errors: [{ message: 'Parse error on "}" (RCURLY) at [3, 1]' }] },
      query,
      NOW,
      true,
    );
    expect('problem' in parseError && parseError.problem).toEqual({
      kind: 'malformed',
      detail: { reason: 'GitHub rejected the query (Parse error on "}" (RCURLY) at [3, 1])' },
    });
    expect(readStatusAnswer({}, query, NOW, true)).toEqual({
      problem: { kind: 'malformed', detail: { reason: 'no data and no errors' } },
    });
    expect(readStatusAnswer('<html>', query, NOW, true)).toEqual({
      problem: { kind: 'malformed', detail: { reason: 'not a JSON object' } },
    });
  });

  it('marks a wrong-shaped node or a missing alias as malformed, keeping the others', () => {
    const q = buildStatusQuery([parts('o/r#1'), parts('o/r#2'), parts('o/r#3'), parts('o/r#4')]);
    const body = {
      data: {
        [q.aliases[0]?.alias ?? '']: { issueOrPullRequest: { __typename: 'Issue', state: 'OPEN', title: 7 } },
        [q.aliases[1]?.alias ?? '']: issue('OPEN', null),
        [q.aliases[2]?.alias ?? '']: {
          issueOrPullRequest: { __typename: 'PullRequest', state: 'SIDEWAYS', title: 't', updatedAt: 'u', url: 'v' },
        },
      },
    };
    const result = readStatusAnswer(body, q, NOW, true);
    if (!('outcomes' in result)) throw new Error('expected outcomes');
    expect(result.outcomes.map((o) => ('status' in o ? o.status.state : o.problem.kind))).toEqual([
      'malformed',
      'open',
      'malformed',
      'malformed',
    ]);
  });
});
