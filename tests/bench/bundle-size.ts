// What the built extension makes the browser load: the content script (on every matching page) and the
// side panel (its page's scripts and style sheets, with every chunk they import), in bytes and gzipped.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  bytes: { content_script: number; panel: number };
  gzip_bytes: { content_script: number; panel: number };
  /** The panel's files, relative to the output folder. */
  panel_files: string[];
}

const CONTENT_SCRIPT = 'content-scripts/agenda.js';
const PANEL_PAGE = 'sidepanel.html';

export function measureBundles(outputDir: string): BundleFigures {
  const contentScript = join(outputDir, CONTENT_SCRIPT);
  if (!existsSync(contentScript)) throw new Error(`No ${CONTENT_SCRIPT} in ${outputDir}: is the extension built?`);
  const panelFiles = panelAssets(outputDir);
  const sum = (files: string[], size: (file: string) => number): number => files.reduce((n, f) => n + size(f), 0);
  const raw = (file: string): number => statSync(file).size;
  const gzip = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
  return {
    bytes: { content_script: raw(contentScript), panel: sum(panelFiles, raw) },
    gzip_bytes: { content_script: gzip(contentScript), panel: sum(panelFiles, gzip) },
    panel_files: panelFiles.map((f) => relative(outputDir, f)),
  };
}

/** The panel page's scripts, style sheets and preloads, then every chunk they import, each once. */
function panelAssets(outputDir: string): string[] {
  const page = join(outputDir, PANEL_PAGE);
  if (!existsSync(page)) throw new Error(`No ${PANEL_PAGE} in ${outputDir}: is the extension built?`);
  const html = readFileSync(page, 'utf8');
  const found = new Set<string>();
  const queue: string[] = [];
  const add = (reference: string, from: string): void => {
    if (/^[a-z]+:/i.test(reference)) return; // another origin, or chrome-extension:// of another build
    const path = reference.startsWith('/')
      ? join(outputDir, reference)
      : join(dirname(from), reference.replace(/[?#].*$/, ''));
    if (found.has(path) || !existsSync(path)) return;
    found.add(path);
    if (path.endsWith('.js') || path.endsWith('.mjs')) queue.push(path);
  };
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(m[1] ?? '', page);
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g))
    add(m[1] ?? '', page);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g))
    add(m[1] ?? '', page);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const code = readFileSync(file, 'utf8');
    // Static imports (`from"./x.js"`, `import"./x.js"`) and dynamic ones (`import("./x.js")`).
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`]+\.(?:m?js|css))["'`]/g))
      add(m[1] ?? '', file);
  }
  return [...found].sort((a, b) => posix.normalize(a).localeCompare(posix.normalize(b)));
}
