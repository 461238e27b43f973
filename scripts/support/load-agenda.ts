// Reads an agenda file as the extension would see it: an .html page as it is, an .md file rendered first as GitHub
// renders it (or as Google Docs would export it), parsed in a happy-dom window that runs no scripts and loads nothing.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { parseAgenda } from '../../lib/agenda/parse';
import type { Agenda } from '../../lib/agenda/model';
import { isLiveDocument } from '../../lib/sources/page-address';
import { renderGdocsExport } from '../render/markdown-to-gdocs-export';
import { renderGithubHtml } from '../render/markdown-to-github-html';

export interface Page {
  html: string;
  url: string;
}

export class UsageError extends Error {}

/** Reads FILE into HTML and the address it would have on the web. */
export function loadPage(file: string, rendering: 'github' | 'gdocs' = 'github'): Page {
  const path = resolve(file);
  let stats: ReturnType<typeof statSync>;
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
  const name = basename(path);
  if (rendering === 'gdocs') {
    // A Docs export has no file name to read a year from: the document alone must tell.
    return {
      html: renderGdocsExport(text, { title: '' }),
      url: 'https://docs.google.com/document/d/1corpus-document/export?format=html',
    };
  }
  // As GitHub would serve it, so that a year in the file name (meeting-notes-2018.md) can be read.
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
  return withDocument(page, (doc) =>
    parseAgenda(doc, page.url, undefined, { now: Date.now(), live: isLiveDocument(page.url) }),
  );
}

/** Runs `read` on the page's DOM in a happy-dom window that runs no scripts and loads nothing. */
export async function withDocument<T>(page: Page, read: (doc: Document) => T): Promise<T> {
  const window = new Window({
    url: page.url.startsWith('file:') ? 'http://localhost/' : page.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
    return read(doc);
  } finally {
    await window.happyDOM.close();
  }
}
