// npm run parse -- FILE: prints the Agenda parsed from an .html page or a .md file (rendered first
// as GitHub renders it) as JSON. A file it cannot read: one line on stderr, exit code 1.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { parseAgenda } from '../lib/agenda/parse';
import { isLiveDocument } from '../lib/sources/sources';
import type { Agenda } from '../lib/agenda/model';
import { renderGithubHtml } from './render/markdown-to-github-html';

interface Page {
  html: string;
  url: string;
}

class UsageError extends Error {}

/** Reads FILE into HTML and the address it would have on the web. */
export function loadPage(file: string): Page {
  const path = resolve(file);
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (stats.isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory`);
  const ext = extname(path).toLowerCase();
  if (ext !== '.html' && ext !== '.htm' && ext !== '.md' && ext !== '.markdown') {
    throw new UsageError(`cannot read ${file}: expected an .html or .md file`);
  }
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) throw new UsageError(`cannot read ${file}: it is not a text file`);
  const text = bytes.toString('utf8');
  if (ext === '.html' || ext === '.htm') return { html: text, url: pathToFileURL(path).href };
  // As GitHub would serve it, so that a year in the file name (meeting-notes-2018.md) can be read.
  const name = basename(path);
  return {
    html: renderGithubHtml(text, { title: name }),
    url: `https://github.com/kubernetes/community/blob/master/${encodeURIComponent(name)}`,
  };
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8000);
  return head.includes(0);
}

/** Parses HTML in a happy-dom window that runs no scripts and loads nothing. */
export async function parseHtml(page: Page): Promise<Agenda> {
  const window = new Window({
    url: page.url.startsWith('file:') ? 'http://localhost/' : page.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
    return parseAgenda(doc, page.url, undefined, { now: Date.now(), live: isLiveDocument(page.url) });
  } finally {
    await window.happyDOM.close();
  }
}

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
