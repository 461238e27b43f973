// Notes as a Markdown document the user can keep or share: by agenda, then by meeting, newest first.
import type { SectionKind } from '../agenda/model';
import type { NoteRecord } from './records';

const SECTION_NAMES: Record<SectionKind, string> = {
  announcements: 'Announcements',
  demos: 'Demos',
  pulls: 'Pulls of note',
  designs: 'Designs of note',
  discussion: 'Discussion',
  'action-items': 'Action items',
  'needs-review': 'Needs review',
  other: 'Other',
};

export interface MarkdownOptions {
  /** Agenda id → title to use as its heading; the id is used when missing. */
  titles?: Record<string, string>;
}

/** Pure. */
export function notesAsMarkdown(notes: readonly NoteRecord[], options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const agendas = [...new Set(notes.map((note) => note.agendaId))].sort();
  for (const agendaId of agendas) {
    out.push(`# Notes on ${escapeMarkdown(oneLine(options.titles?.[agendaId] ?? agendaId))}`, '');
    const mine = notes
      .filter((note) => note.agendaId === agendaId)
      .sort((a, b) => compareDesc(dateOf(a), dateOf(b)) || a.createdAt - b.createdAt);
    let date: string | null = null;
    for (const note of mine) {
      if (dateOf(note) !== date) {
        date = dateOf(note);
        out.push(`## ${date}`, '');
      }
      const target = note.target;
      const heading =
        target.kind === 'meeting'
          ? `The meeting: ${escapeMarkdown(shorten(target.quote))}`
          : `${SECTION_NAMES[target.anchor.sectionKind]}: ${escapeMarkdown(shorten(target.quote))}`;
      out.push(`### ${heading}`, '');
      if (target.kind === 'item') out.push(quote(escapeMarkdown(target.quote)), '');
      out.push(note.body.trim().length > 0 ? note.body.trim() : '_(empty note)_', '');
      for (const conflict of note.conflicts) {
        out.push(`_Also kept from an edit made at the same time (${new Date(conflict.updatedAt).toISOString()}):_`, '');
        out.push(quote(conflict.body), '');
      }
    }
  }
  return out.join('\n');
}

function dateOf(note: NoteRecord): string {
  return note.target.kind === 'meeting' ? note.target.meetingDate : note.target.anchor.meetingDate;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

/**
 * The page's text as literal text in Markdown: a backslash before every character that could start HTML, a
 * link, an image, an autolink, code or emphasis, so that an agenda's `<img onerror>` or `[x](javascript:…)`
 * does not come alive wherever the export is read. The user's own note is theirs, and is left as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>!&]/g, (c) => `\\${c}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string): string {
  const line = oneLine(text);
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
