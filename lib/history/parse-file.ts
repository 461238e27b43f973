// An archive file's HTML through the page's own parser, in an inert document: DOMParser runs no scripts and
// loads nothing, and the parser reads text nodes only.
import type { Agenda } from '../agenda/model';
import { parseDocument } from '../agenda/parse';

export function parseArchiveHtml(
  html: string,
  url: string,
  parser: Pick<DOMParser, 'parseFromString'> = new DOMParser(),
): Agenda {
  const doc = parser.parseFromString(html, 'text/html');
  return parseDocument(doc, url).agenda;
}
