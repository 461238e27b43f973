// What the panel says about a Google Docs editor tab, whose agenda is read from the document's export: how
// old the agenda shown is, what stands in the way and what to do about it. Pure, so every case is tested.
import type { ExportProblem, LiveDocState } from '../messaging/live-doc';

export interface LiveDocWords {
  /** "Read from Google Docs 3 minutes ago", or "Last good version, 12 minutes old" when a problem stands. */
  freshness: string | null;
  problem: { kind: ExportProblem['kind']; title: string; body: string } | null;
  /** Access to Google must be asked for with a click ("Allow access"); the panel knows which hosts itself. */
  needsAccess: boolean;
  /** Whether "Try again"/"Refresh" makes sense now. */
  canRetry: boolean;
  /** Said when the document has several tabs. */
  tabs: string | null;
}

const MINUTE = 60_000;

/** "just now", "1 minute", "12 minutes", "2 hours", "3 days". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}

function whenAgain(retryAt: number | undefined, now: number): string {
  if (retryAt === undefined || retryAt <= now) return 'You can try again now.';
  const minutes = Math.ceil((retryAt - now) / MINUTE);
  return `The index waits ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, as Google asked, before reading the document again.`;
}

export function problemWords(problem: ExportProblem, now: number): { title: string; body: string } {
  const status = problem.status ? ` (HTTP ${problem.status})` : '';
  switch (problem.kind) {
    case 'permission':
      return {
        title: 'Allow the index to read this document',
        body:
          'The Docs editor draws its text on a canvas, so the index reads the document’s HTML export instead, as ' +
          'File › Download › Web page would, with your Google sign-in. That needs access to docs.google.com and ' +
          'googleusercontent.com, where Google serves the download. Nothing is sent anywhere else.',
      };
    case 'signed-out':
      return {
        title: 'Google asks you to sign in',
        body:
          'Google answered with its sign-in page instead of the document. Sign in to Google in this browser, ' +
          'with an account that can open the document, then press Try again.',
      };
    case 'no-access':
      return {
        title: 'Google refused the download',
        body:
          `Your Google account may not download this document${status}. If it was shared with another of your ` +
          'accounts, open it with that one; the owner may also have turned off downloading for viewers and ' +
          'commenters, which stops the index too. /mobilebasic or a published copy (/pub) still work.',
      };
    case 'not-found':
      return {
        title: 'Google Docs has no such document',
        body: `The download answered “not found”${status}: the document may have been deleted, or its address is wrong.`,
      };
    case 'rate-limited':
      return {
        title: 'Google asks to slow down',
        body: `Google answered “too many requests”${status}. ${whenAgain(problem.retryAt, now)}`,
      };
    case 'offline':
      return {
        title: 'Google Docs cannot be reached',
        body: 'There is no network, or Google Docs did not answer. The index tries again on its own; Try again asks now.',
      };
    case 'server-error':
      return {
        title: 'Google Docs had a problem',
        body: `The download failed on Google’s side${status}. The index tries again in a few minutes.`,
      };
    case 'unreadable':
      return {
        title: 'Google’s answer was not the document',
        body: `Google answered the download with something other than the document’s HTML${status}. Try again later.`,
      };
  }
}

export function describeLiveDoc(live: LiveDocState, hasAgenda: boolean, now: number): LiveDocWords {
  const problem = live.problem ? { kind: live.problem.kind, ...problemWords(live.problem, now) } : null;
  let freshness: string | null = null;
  if (live.fetchedAt !== null) {
    const age = formatAge(now - live.fetchedAt);
    if (problem && hasAgenda) freshness = `Showing the last good version, ${age} old.`;
    else
      freshness =
        age === 'less than a minute' ? 'Read from Google Docs just now.' : `Read from Google Docs ${age} ago.`;
  }
  const rateLimited = live.problem?.kind === 'rate-limited' && (live.problem.retryAt ?? 0) > now;
  return {
    freshness,
    problem,
    needsAccess: live.problem?.kind === 'permission',
    canRetry: !rateLimited && live.problem?.kind !== 'permission',
    tabs: live.severalTabs
      ? 'This document has several tabs: the index shows the one open in the editor. Open another tab in Docs and the index follows.'
      : null,
  };
}
