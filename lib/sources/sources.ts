// Which kind of page a URL is, and what to tell the user when we cannot read it (yet).
import type { SourceKind } from '../agenda/model';

export interface PageSource {
  kind: SourceKind;
  /** Said instead of parsing when this kind of page cannot be read. */
  unreadable?: string;
}

const DOCS_EDITOR = /^\/document\/(u\/\d+\/)?d\/[^/]+\/(edit|view|preview)?$/;

export function sourceForUrl(url: string): PageSource {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'generic' };
  }
  if (parsed.hostname === 'docs.google.com') {
    if (DOCS_EDITOR.test(parsed.pathname)) {
      return {
        kind: 'gdocs-editor',
        unreadable:
          'The Google Docs editor draws the document on a canvas, which the overlay cannot read yet. ' +
          'Open the same document as /mobilebasic or /pub (File › Share › Publish to web) to use the index.',
      };
    }
    return { kind: 'gdocs-html' };
  }
  if (parsed.hostname.endsWith('googleusercontent.com')) return { kind: 'gdocs-html' };
  if (parsed.hostname === 'github.com') return { kind: 'github-markdown' };
  return { kind: 'generic' };
}
