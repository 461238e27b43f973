// With a token: one GraphQL query for up to 100 references, one aliased `repository { issueOrPullRequest }`
// per reference, and the reader that turns GitHub's answer (partial data plus per-alias errors, all with
// HTTP 200) back into one outcome per reference.
import { isProblem, type Problem } from './errors';
import { formatRef, type RefParts } from './refs';
import type { RefState, RefStatus } from './status';

/** GitHub allows up to 100 nodes a connection; more aliases a query only make one failure cost more. */
export const MAX_REFS_PER_QUERY = 100;

export interface StatusQuery {
  query: string;
  /** Which alias answers for which canonical reference, in query order. */
  aliases: { alias: string; ref: string }[];
}

/** One outcome per reference: a status, or the problem that kept it unknown. */
export type RefOutcome = { ref: string; status: RefStatus } | { ref: string; problem: Problem };

/**
 * A valid GraphQL name (letters, digits and `_`, not starting with a digit) for the index-th reference.
 * The index keeps it unique; the escaped reference only makes the query readable in logs.
 */
export function graphqlAlias(index: number, parts: RefParts): string {
  const readable = `${parts.owner}_${parts.repo}_${parts.number}`.replace(/[^_0-9A-Za-z]/g, '_').slice(0, 60);
  return `r${index}_${readable}`;
}

/** A GraphQL string literal. JSON's escaping is valid GraphQL escaping: quotes, backslashes, controls. */
export function graphqlString(value: string): string {
  return JSON.stringify(value);
}

const STATUS_FRAGMENT = `fragment RefStatusFields on IssueOrPullRequest {
  __typename
  ... on Issue { state stateReason title updatedAt url }
  ... on PullRequest { state isDraft merged title updatedAt url }
}`;

/** The query for up to `MAX_REFS_PER_QUERY` references. */
export function buildStatusQuery(refs: readonly RefParts[]): StatusQuery {
  if (refs.length > MAX_REFS_PER_QUERY) throw new RangeError(`At most ${MAX_REFS_PER_QUERY} references a query`);
  const aliases: StatusQuery['aliases'] = [];
  const fields = refs.map((parts, index) => {
    const alias = graphqlAlias(index, parts);
    aliases.push({ alias, ref: formatRef(parts) });
    return (
      `  ${alias}: repository(owner: ${graphqlString(parts.owner)}, name: ${graphqlString(parts.repo)}) {\n` +
      `    issueOrPullRequest(number: ${Math.trunc(parts.number)}) { ...RefStatusFields }\n  }`
    );
  });
  return { query: `query AgendaOverlayStatuses {\n${fields.join('\n')}\n}\n${STATUS_FRAGMENT}`, aliases };
}

interface GraphQLError {
  type?: unknown;
  path?: unknown;
  message?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorsOf(body: Record<string, unknown>): GraphQLError[] {
  return Array.isArray(body.errors) ? body.errors.filter(isRecord) : [];
}

function messageOf(error: GraphQLError | undefined): string | undefined {
  return typeof error?.message === 'string' ? error.message : undefined;
}

/** A whole query failed (no `data`): name the kind from the errors GitHub gave. */
function wholeQueryProblem(errors: GraphQLError[]): Problem {
  const first = errors[0];
  const githubMessage = messageOf(first);
  const detail = githubMessage ? { githubMessage } : {};
  const types = errors.map((error) => error.type);
  if (types.includes('RATE_LIMITED') || errors.some((e) => /rate limit/i.test(messageOf(e) ?? ''))) {
    return { kind: 'rate-limited', detail };
  }
  if (types.includes('FORBIDDEN')) return { kind: 'forbidden', detail: { ...detail, status: 200 } };
  if (errors.some((e) => /went wrong|timeout|timed out/i.test(messageOf(e) ?? ''))) {
    return { kind: 'server-error', detail };
  }
  if (!first) return { kind: 'malformed', detail: { reason: 'no data and no errors' } };
  return { kind: 'malformed', detail: { reason: `GitHub rejected the query (${githubMessage ?? 'no message'})` } };
}

const PR_STATES: Readonly<Record<string, RefState>> = { OPEN: 'open', CLOSED: 'closed', MERGED: 'merged' };

/** One `issueOrPullRequest` node, checked field by field. */
export function readStatusNode(ref: string, node: Record<string, unknown>, now: number): RefStatus | Problem {
  const { title, updatedAt, url, state } = node;
  if (
    typeof title !== 'string' ||
    typeof updatedAt !== 'string' ||
    typeof url !== 'string' ||
    typeof state !== 'string'
  ) {
    return { kind: 'malformed', detail: { reason: 'an issue or pull request without state, title, updatedAt or url' } };
  }
  const isPull = node.__typename === 'PullRequest' || (node.__typename === undefined && 'isDraft' in node);
  const base = { ref, title, updatedAt, url, fetchedAt: now };
  if (isPull) {
    const known = PR_STATES[state];
    if (!known) return { kind: 'malformed', detail: { reason: `unknown pull request state ${state}` } };
    // `merged` and the MERGED state say the same; trust either, GitHub has sent both.
    const merged = node.merged === true || known === 'merged';
    const finalState: RefState = merged ? 'merged' : known === 'open' && node.isDraft === true ? 'draft' : known;
    return { ...base, kind: 'pr', state: finalState };
  }
  if (node.__typename !== undefined && node.__typename !== 'Issue') {
    return { kind: 'malformed', detail: { reason: `unexpected node type ${String(node.__typename)}` } };
  }
  if (state === 'OPEN') return { ...base, kind: 'issue', state: 'open' };
  if (state !== 'CLOSED') return { kind: 'malformed', detail: { reason: `unknown issue state ${state}` } };
  // GitHub draws "duplicate" like "not planned" (grey); no reason at all (issues closed before 2022) as completed.
  const notPlanned = node.stateReason === 'NOT_PLANNED' || node.stateReason === 'DUPLICATE';
  return { ...base, kind: 'issue', state: notPlanned ? 'not-planned' : 'completed' };
}

function problemForAlias(errors: GraphQLError[], alias: string, authenticated: boolean): Problem {
  const error = errors.find((e) => Array.isArray(e.path) && e.path[0] === alias);
  const githubMessage = messageOf(error);
  const detail = { authenticated, ...(githubMessage ? { githubMessage } : {}) };
  if (!error || error.type === 'NOT_FOUND') return { kind: 'not-found', detail };
  if (error.type === 'FORBIDDEN') return { kind: 'forbidden', detail: { ...detail, status: 200 } };
  if (error.type === 'RATE_LIMITED') return { kind: 'rate-limited', detail };
  return { kind: 'malformed', detail: { reason: githubMessage ?? `error ${String(error.type)}` } };
}

/**
 * One outcome per aliased reference, or one problem for the whole query. GitHub answers a missing
 * repository or number with `null` data plus a NOT_FOUND error whose `path` starts with the alias.
 */
export function readStatusAnswer(
  body: unknown,
  query: StatusQuery,
  now: number,
  authenticated: boolean,
): { outcomes: RefOutcome[] } | { problem: Problem } {
  if (!isRecord(body)) return { problem: { kind: 'malformed', detail: { reason: 'not a JSON object' } } };
  const errors = errorsOf(body);
  const data = body.data;
  if (!isRecord(data)) return { problem: wholeQueryProblem(errors) };
  const outcomes = query.aliases.map(({ alias, ref }): RefOutcome => {
    if (!(alias in data)) {
      const error = errors.find((e) => Array.isArray(e.path) && e.path[0] === alias);
      return error
        ? { ref, problem: problemForAlias(errors, alias, authenticated) }
        : { ref, problem: { kind: 'malformed', detail: { reason: 'a reference missing from the answer' } } };
    }
    const repository = data[alias];
    if (repository === null) return { ref, problem: problemForAlias(errors, alias, authenticated) };
    if (!isRecord(repository))
      return { ref, problem: { kind: 'malformed', detail: { reason: 'a repository that is not an object' } } };
    const node = repository.issueOrPullRequest;
    if (node === null) return { ref, problem: problemForAlias(errors, alias, authenticated) };
    if (!isRecord(node))
      return { ref, problem: { kind: 'malformed', detail: { reason: 'no issueOrPullRequest in the answer' } } };
    const read = readStatusNode(ref, node, now);
    return isProblem(read) ? { ref, problem: read } : { ref, status: read };
  });
  return { outcomes };
}
