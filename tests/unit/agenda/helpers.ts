// Shared by the agenda tests: building documents, parsing renderings.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, type ParseResult } from '../../../lib/agenda/parse';
import type { Item, Meeting, SourceKind } from '../../../lib/agenda/model';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { renderGdocsExport } from '../../../scripts/render/markdown-to-gdocs-export';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../../..');

export function htmlDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A document whose body is `body`. */
export function bodyDocument(body: string): Document {
  return htmlDocument(`<!DOCTYPE html><html><head><title></title></head><body>${body}</body></html>`);
}

export function parseHtml(html: string, url = 'https://example.com/agenda', source?: SourceKind): ParseResult {
  return parseDocument(htmlDocument(html), url, source);
}

/** Markdown as GitHub renders a file of kubernetes/community. */
export function parseGithub(markdown: string, file = 'meeting-notes.md'): ParseResult {
  const url = `https://github.com/kubernetes/community/blob/master/${file}`;
  return parseDocument(htmlDocument(renderGithubHtml(markdown, { title: file })), url);
}

/** Markdown as a Google Docs HTML export of the same agenda. */
export function parseGdocs(markdown: string, title = 'Kubernetes Sig-auth Meeting Agenda'): ParseResult {
  const url = 'https://docs.google.com/document/d/1example-agenda-document-id/export?format=html';
  return parseDocument(htmlDocument(renderGdocsExport(markdown, { title })), url);
}

export function meeting(result: ParseResult, key: string): Meeting {
  const found = result.agenda.meetings.find((m) => m.key === key);
  if (!found) throw new Error(`no meeting ${key} in ${result.agenda.meetings.map((m) => m.key).join(', ')}`);
  return found;
}

/** Every item of a meeting, depth first. */
export function allItems(m: Meeting): Item[] {
  const out: Item[] = [];
  const stack: Item[] = m.sections.flatMap((s) => s.items).reverse();
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    out.push(item);
    stack.push(...[...item.children].reverse());
  }
  return out;
}

export function itemByText(m: Meeting, start: string): Item {
  const found = allItems(m).find((i) => i.text.startsWith(start));
  if (!found) throw new Error(`no item starting "${start}" in ${m.key}`);
  return found;
}
