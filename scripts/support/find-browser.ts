// Where a browser the tests and `npm start` drive is: the path an environment variable names, else the first
// install found among the usual places.
import { existsSync } from 'node:fs';

export interface BrowserLookup {
  /** The variable that overrides the search (CHROME_PATH, FIREFOX_PATH). */
  envVar: string;
  candidates: readonly string[];
  /** What to say when it is nowhere: how to install it. */
  missing: string;
}

export function findBrowser({ envVar, candidates, missing }: BrowserLookup): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar} is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(missing);
  return found;
}
