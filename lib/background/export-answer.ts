// What Google's answer to an export request means: the document's HTML, or which problem stands in the way.
// Pure, so that every kind of answer is tested without a network.
import type { ExportProblem } from '../messaging/live-doc';
import { isSignInAddress } from '../sources/google-hosts';

/** Without a Retry-After, a 429 keeps us away this long. */
export const DEFAULT_RETRY_AFTER_MS = 5 * 60_000;
/** A Retry-After longer than this is read as this: the reader can still press "Refresh" after it. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

export interface ExportResponse {
  status: number;
  /** The final address, after redirects. */
  url: string;
  contentType: string;
  retryAfter: string | null;
  text: string;
}

export type ExportOutcome = { ok: true; html: string } | { ok: false; problem: ExportProblem };

/** `Retry-After` as seconds or an HTTP date → epoch ms; the default when absent or unreadable. */
export function retryAtFrom(header: string | null, now: number): number {
  const value = header?.trim() ?? '';
  let delay = DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value)) delay = Number(value) * 1000;
  else if (value) {
    const date = Date.parse(value);
    if (!Number.isNaN(date)) delay = date - now;
  }
  return now + Math.min(Math.max(delay, 1000), MAX_RETRY_AFTER_MS);
}

/** Docs' export always styles its paragraphs with `.cN` classes; lists are `lst-kix_…`, headings `h.…`. */
function looksLikeDocsExport(html: string): boolean {
  return /class="[^"]*\bc\d+\b|lst-kix_|id="h\.[\w-]+"/.test(html);
}

/** A sign-in form: an e-mail or password field, or Google's sign-in wording, and none of a document's marks. */
function looksLikeSignIn(html: string): boolean {
  if (looksLikeDocsExport(html)) return false;
  return /<input[^>]+type="?(email|password)|name="?identifier|<title>[^<]*sign[ -]?in/i.test(html);
}

function looksLikeAccessRequest(html: string): boolean {
  return !looksLikeDocsExport(html) && /you need (access|permission)|request access/i.test(html);
}

export function classifyExport(response: ExportResponse, now: number): ExportOutcome {
  const { status } = response;
  if (status === 429)
    return { ok: false, problem: { kind: 'rate-limited', status, retryAt: retryAtFrom(response.retryAfter, now) } };
  if (status === 401 || status === 403) return { ok: false, problem: { kind: 'no-access', status } };
  if (status === 404 || status === 410) return { ok: false, problem: { kind: 'not-found', status } };
  if (status >= 500) return { ok: false, problem: { kind: 'server-error', status } };
  if (status < 200 || status >= 300) return { ok: false, problem: { kind: 'unreadable', status } };
  if (isSignInAddress(response.url) || looksLikeSignIn(response.text))
    return { ok: false, problem: { kind: 'signed-out', status } };
  if (looksLikeAccessRequest(response.text)) return { ok: false, problem: { kind: 'no-access', status } };
  if (!/html/i.test(response.contentType) || !/<(html|body)[\s>]/i.test(response.text)) {
    return { ok: false, problem: { kind: 'unreadable', status } };
  }
  return { ok: true, html: response.text };
}
