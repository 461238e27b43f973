// The Markdown export of notes: page-derived titles and quotes are text wherever the export is read, never markup.
import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../lib/store/records';
import { notesAsMarkdown } from '../../../lib/store/notes-markdown';

const HOSTILE =
  '<img src=x onerror=alert(1)> [click](javascript:alert(2)) ![i](https://evil.example/t.png) `code` *b* <https://evil.example>';

function note(target: NoteRecord['target'], body = 'My own **note**'): NoteRecord {
  return {
    id: 'n1',
    agendaId: 'https://example.com/agenda',
    target,
    body,
    createdAt: 1,
    updatedAt: 1,
    revision: 1,
    conflicts: [],
  };
}

describe('notes as Markdown', () => {
  it('escapes the agenda title and the quoted meeting and item texts', () => {
    const markdown = notesAsMarkdown(
      [
        note({ kind: 'meeting', meetingKey: '2019-01-08', meetingDate: '2019-01-08', quote: HOSTILE }),
        note({
          kind: 'item',
          itemKey: '2019-01-08/other/1',
          quote: HOSTILE,
          anchor: {
            meetingKey: '2019-01-08',
            meetingDate: '2019-01-08',
            sectionKind: 'other',
            fingerprint: '',
            text: HOSTILE,
            path: [],
          } as never,
        }),
      ],
      { titles: { 'https://example.com/agenda': `Agenda ${HOSTILE}` } },
    );
    // No raw HTML tag, link, image or autolink survives from the page's text.
    expect(markdown).not.toMatch(/(^|[^\\])<(img|https)/m);
    expect(markdown).not.toMatch(/(^|[^\\])!?\[[^\]]*(^|[^\\])\]\(/m);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
    // The user's own note is theirs: kept as written.
    expect(markdown).toContain('My own **note**');
  });
});
