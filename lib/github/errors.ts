// Every failure in its own words. The kinds are few and stable (the panel may pick an icon by kind);
// the words carry the detail a user needs to act: which host, how long to wait, what to change.
import type { FailureKind, RefFailure } from './status';

export interface FailureDetail {
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** When look-ups may go on (ms since the epoch), for rate limits. */
  until?: number;
  /** The API host, for offline and server errors. */
  host?: string;
  /** GitHub's own message from the answer, when it gave one. */
  githubMessage?: string;
  /** How many tries were made, for server errors. */
  attempts?: number;
  /** What was wrong, for malformed answers and other specific cases. */
  reason?: string;
  /** Whether a token was sent: a not-found means something else with and without one. */
  authenticated?: boolean;
  /** The rate limit was not hit: we stopped at our own reserve. */
  reserve?: { remaining: number; limit: number };
  /** The request timed out rather than failing at once. */
  timeoutMs?: number;
}

/** `45 s`, `12 min`, `2 h 5 min`: how long until `until`, rounded up. */
export function waitInWords(until: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

function githubSaid(detail: FailureDetail): string {
  return detail.githubMessage ? ` GitHub said: “${detail.githubMessage}”` : '';
}

/** The words for a failure. `now` turns a reset time into a wait. */
export function failureMessage(kind: FailureKind, detail: FailureDetail, now: number): string {
  const host = detail.host ?? 'GitHub';
  switch (kind) {
    case 'not-found':
      return detail.authenticated
        ? 'Not found on GitHub, or private and not visible to this token.'
        : 'Not found on GitHub, or private: only people with access can see it (a token may help).';
    case 'bad-token':
      return `GitHub did not accept the token (HTTP ${detail.status ?? 401}). Replace it in the options, or remove it to look up without one.`;
    case 'rate-limited': {
      const wait = detail.until !== undefined ? ` Looking up again in ${waitInWords(detail.until, now)}.` : '';
      if (detail.reserve) {
        return `GitHub's hourly quota is nearly used up (${detail.reserve.remaining} of ${detail.reserve.limit} left, kept in reserve).${wait} A token raises the limit.`;
      }
      if (detail.reason === 'retry-after') return `GitHub asked to slow down (secondary rate limit).${wait}`;
      return `GitHub's rate limit is used up.${wait}${detail.authenticated ? '' : ' A token raises the limit.'}`;
    }
    case 'forbidden':
      return `GitHub refused access (HTTP ${detail.status ?? 403}).${githubSaid(detail)}`;
    case 'server-error': {
      const tries = detail.attempts && detail.attempts > 1 ? `, still after ${detail.attempts} tries` : '';
      const status = detail.status ? ` (HTTP ${detail.status})` : '';
      return `GitHub had a server error${status}${tries}; will try again later.${githubSaid(detail)}`;
    }
    case 'offline':
      return detail.timeoutMs
        ? `${host} did not answer within ${detail.timeoutMs < 1000 ? `${detail.timeoutMs} ms` : `${Math.round(detail.timeoutMs / 1000)} s`}; will try again later.`
        : `Could not reach ${host}: offline, or the API address is wrong.`;
    case 'malformed':
      return `GitHub's answer could not be read${detail.reason ? `: ${detail.reason}` : ''}.`;
    case 'invalid-ref':
      return 'Not a GitHub reference of the form owner/repo#123.';
  }
}

/** A failure for one reference, with its words. */
export function makeFailure(ref: string, kind: FailureKind, detail: FailureDetail, now: number): RefFailure {
  const failure: RefFailure = { ref, error: kind, message: failureMessage(kind, detail, now), fetchedAt: now };
  if (detail.until !== undefined) failure.until = detail.until;
  return failure;
}

/** A failure before it is pinned to a reference: what the transport and the answer readers return. */
export interface Problem {
  kind: FailureKind;
  detail: FailureDetail;
}

export function isProblem(value: object): value is Problem {
  return 'detail' in value && 'kind' in value;
}
