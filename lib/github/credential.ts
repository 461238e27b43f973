// Which credential fetched a cached status: a one-way hash of the token, so that what a token could see is
// served only while that token is in use, and the cache never holds the token itself.

/** Anonymous look-ups: what they see is public, and served to every credential. */
export const ANONYMOUS_CREDENTIAL = 'anonymous';

/** A short SHA-256 of the token (namespaced, so it is no plain hash of the token either); anonymous without one. */
export async function credentialOf(token: string | null | undefined): Promise<string> {
  const trimmed = token?.trim();
  if (!trimmed) return ANONYMOUS_CREDENTIAL;
  const bytes = new TextEncoder().encode(`agenda-overlay github token\u0000${trimmed}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return `token:${hex}`;
}
