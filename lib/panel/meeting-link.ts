// The address people can paste in chat to land on a meeting: the page's own address plus its heading's anchor,
// in the form that page understands.
import type { Agenda, Meeting } from '../agenda/model';
import { safeHref } from './safe-href';

/** GitHub prefixes the ids of a rendered file's headings; its links (and its script) use the id without it. */
const GITHUB_ID_PREFIX = 'user-content-';

/** Null when the heading has no anchor of its own, or the page's address is not http(s). */
export function meetingAddress(
  agenda: Pick<Agenda, 'url' | 'source'>,
  meeting: Pick<Meeting, 'anchor'>,
): string | null {
  const id = meeting.anchor.id;
  const page = safeHref(agenda.url);
  if (!id || !page) return null;
  const base = page.replace(/#.*$/, '');
  switch (agenda.source) {
    case 'gdocs-editor':
      // What the editor's own heading links use; its export's ids are the editor's.
      return `${base}#heading=${encodeURIComponent(id)}`;
    case 'github-markdown':
      return `${base}#${encodeURIComponent(id.startsWith(GITHUB_ID_PREFIX) ? id.slice(GITHUB_ID_PREFIX.length) : id)}`;
    default:
      // A published Doc, its export, any other page: the browser scrolls to an element's id by itself.
      return `${base}#${encodeURIComponent(id)}`;
  }
}
