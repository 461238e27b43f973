// `npx tsx scripts/bench-history.ts [--extension DIR]`: the whole-history figures (tests/bench/measure-history.ts)
// on the test build in .output/chrome-mv3-test, or the build given. Prints them as JSON. Not part of `npm test`.
import { measureHistory } from '../tests/bench/measure-history';

const at = process.argv.indexOf('--extension');
const extensionDir = at === -1 ? undefined : process.argv[at + 1];
const figures = await measureHistory(extensionDir, (message) => process.stderr.write(`${message}\n`));
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
