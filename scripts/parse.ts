// npm run parse -- FILE: prints the Agenda parsed from an .html page or a .md file (rendered first
// as GitHub renders it) as JSON. A file it cannot read: one line on stderr, exit code 1.
import { loadPage, parseHtml, UsageError } from './support/load-agenda';

async function main(args: readonly string[]): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write('usage: npm run parse -- FILE (.html or .md)\n');
    return 1;
  }
  try {
    const agenda = await parseHtml(loadPage(file));
    process.stdout.write(`${JSON.stringify(agenda, null, 2)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof UsageError ? error.message : `cannot parse ${file}: ${String(error)}`;
    process.stderr.write(`parse: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
