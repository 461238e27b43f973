// Which kind of page a URL is, and what to tell the user when we cannot read it (yet).
import type { SourceKind } from '../agenda/model';
import { editorPathMatch, type EditorAddress } from './google-hosts';

export interface PageSource {
  kind: SourceKind;
  /** Said instead of parsing when this kind of page cannot be read. */
  unreadable?: string;
  /**
   * The page has the Docs editor's address: its text is on a canvas, so the agenda comes from the
   * document's export (lib/page/export-watcher.ts). On loopback hosts this is only a candidate, for the
   * tests' imitation of the editor: the background reads the export only for its configured Docs host.
   */
  editor?: EditorAddress;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export function sourceForUrl(url: string): PageSource {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'generic' };
  }
  const editor = editorPathMatch(parsed);
  if (parsed.hostname === 'docs.google.com') {
    return editor ? { kind: 'gdocs-editor', editor } : { kind: 'gdocs-html' };
  }
  if (parsed.hostname.endsWith('googleusercontent.com')) return { kind: 'gdocs-html' };
  if (parsed.hostname === 'github.com') return { kind: 'github-markdown' };
  if (editor && LOOPBACK.has(parsed.hostname)) return { kind: 'generic', editor };
  return { kind: 'generic' };
}

/**
 * A live document: a Google Docs rendering (the editor, /pub, /mobilebasic, the export), whose newest meeting is
 * near today. An archive (a GitHub file, a saved page) is not.
 */
export function isLiveDocument(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return hostname === 'docs.google.com' || hostname.endsWith('.googleusercontent.com');
  } catch {
    return false;
  }
}
