// Which kind of page this is, where its content is, and what identifies the document.
import { findFirst } from './dom';
import { docsDocumentId } from './gdocs';
import type { SourceKind } from './model';

/** Google Docs HTML if Docs' fingerprints are there, GitHub if its markdown container is, else generic. */
export function detectSource(doc: Document): SourceKind {
  if (findFirst(doc, '[class*="lst-kix_"], [id^="h."]')) return 'gdocs-html';
  // Checked before Docs' redirect links: a GitHub file may hold a link copied out of a Doc.
  if (findFirst(doc, '.markdown-body')) return 'github-markdown';
  if (findFirst(doc, 'a[href*="google.com/url?q="]')) return 'gdocs-html';
  return 'generic';
}

/**
 * GitHub's rendered file (`article.markdown-body`) rather than the whole page around it; else the body. A Docs
 * page has no such container, and looking for one there walks every element of a long Doc twice.
 */
export function contentRoot(doc: Document, kind: SourceKind): Element | null {
  if (kind === 'gdocs-html' && doc.body) return doc.body;
  return findFirst(doc, 'article.markdown-body') ?? findFirst(doc, '.markdown-body') ?? doc.body ?? doc.documentElement;
}

/** The document's identity: the Docs document id's canonical address, or the URL without query and fragment. */
export function agendaId(url: string): string {
  const docId = docsDocumentId(url);
  if (docId) return `https://docs.google.com/document/d/${docId}`;
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

/** The page's title; else Docs' "Title" paragraph; else the first top-level heading. */
export function documentTitle(doc: Document): string {
  const title = (doc.title ?? '').replace(/\s+/g, ' ').trim();
  if (title) return title;
  const heading = findFirst(doc, 'body > p.title') ?? findFirst(doc, 'h1');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
