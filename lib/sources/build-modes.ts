// Which builds read pages on this machine. The store build reads the agenda sites only; the test build (tests,
// the demo) also reads pages served on 127.0.0.1 and localhost, and lets tests point the Google hosts there.

/** The sites every build reads: Google Docs and GitHub. */
export const AGENDA_SITE_MATCHES: string[] = ['https://docs.google.com/document/*', 'https://github.com/*'];

export const LOCAL_PAGE_MATCHES: readonly string[] = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The build modes whose extension reads local pages: every mode but the store's. */
export function isLocalPagesMode(mode: string): boolean {
  return mode !== 'production';
}
