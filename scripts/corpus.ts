// npm run corpus -- DIR [--gdocs] [--json]: reads every agenda in a folder (.md rendered as GitHub would, or as a
// Google Docs export with --gdocs; .html as it is) and prints what the parser found in each, then the documents
// where it may have missed or misread meetings. How we look at a new group's documents.
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseAgenda } from '../lib/agenda/parse';
import { corpusFacts, dateLikeBlocks, formatFacts, suspicious, type CorpusFacts } from './support/corpus-report';
import { loadPage, withDocument } from './support/load-agenda';

const READABLE = new Set(['.md', '.markdown', '.html', '.htm']);

async function main(args: readonly string[]): Promise<number> {
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: npm run corpus -- DIR [--gdocs] [--json]\n');
    return 1;
  }
  const rendering = args.includes('--gdocs') ? 'gdocs' : 'github';
  const files = readdirSync(dir)
    .filter((name) => READABLE.has(extname(name).toLowerCase()))
    .sort();
  const facts: CorpusFacts[] = [];
  for (const file of files) {
    const page = loadPage(join(dir, file), rendering);
    facts.push(await withDocument(page, (doc) => corpusFacts(file, parseAgenda(doc, page.url), dateLikeBlocks(doc))));
  }
  const flagged = suspicious(facts);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ documents: facts, flagged }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${facts.map(formatFacts).join('\n')}\n\n`);
  process.stdout.write(
    flagged.length === 0
      ? `${facts.length} documents, none flagged.\n`
      : `${facts.length} documents; worth a look:\n${flagged.map((f) => `  ${f.file}: ${f.why}`).join('\n')}\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
