// The extension's clock, set for a test: a copy of a built extension with one more content script, run first on
// the same pages in the same isolated world as the agenda's, that makes `Date` start at a given moment and run on
// from there. The page's own scripts and the rest of the browser keep the real time; the extension's code is the
// build's, which reads the clock with `Date.now()` where it calls the parser.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ContentScript {
  matches: string[];
  js?: string[];
  run_at?: string;
}

const CLOCK_FILE = 'content-scripts/testing-clock.js';

/** Sets the clock of the content scripts of the extension in `dir` (a copy: the file is changed in place). */
export function setContentClock(dir: string, now: number): void {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: ContentScript[] };
  const scripts = manifest.content_scripts ?? [];
  const matches = [...new Set(scripts.flatMap((s) => s.matches))];
  if (matches.length === 0) throw new Error('the built extension has no content scripts');
  writeFileSync(
    join(dir, CLOCK_FILE),
    `(() => {
  const RealDate = Date;
  const startedAt = RealDate.now();
  const now = () => ${now} + (RealDate.now() - startedAt);
  class ClockDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
    static now() { return now(); }
  }
  globalThis.Date = ClockDate;
})();
`,
  );
  manifest.content_scripts = [{ matches, js: [CLOCK_FILE], run_at: 'document_start' }, ...scripts];
  writeFileSync(manifestPath, JSON.stringify(manifest));
}
