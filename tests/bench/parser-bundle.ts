// The parser as one classic script for a plain web page: `lib/agenda/parse.ts` bundled by esbuild into an
// IIFE that sets `window.__parseAgenda` (and `window.__parseDocument`). Not minified, so that a CPU
// profile names the parser's own functions.
import { build } from 'esbuild';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

export async function buildParserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { parseAgenda, parseDocument } from './lib/agenda/parse';\n" +
        'Object.assign(window, { __parseAgenda: parseAgenda, __parseDocument: parseDocument });\n',
      resolveDir: REPO_ROOT,
      sourcefile: 'bench-parser-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no parser bundle');
  return `${file.text}\n//# sourceURL=bench-parser.js\n`;
}
