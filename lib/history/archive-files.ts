// Which files of a folder listing are the group's meeting notes, and what each is called in the panel.
import type { ListingEntry } from '../messaging/history-contents';
import { isArchiveFolder } from './match';

/** A file name with its digits taken out: `meeting-notes-2018.md` and `meeting-notes-2019.md` are one family. */
function familyOf(name: string): string {
  return name.toLowerCase().replace(/\d+/g, '#');
}

function isMarkdown(entry: ListingEntry): boolean {
  return entry.type === 'file' && /\.(md|markdown)$/i.test(entry.name) && !/^readme\./i.test(entry.name);
}

/**
 * The files to read: for an archive file, the others of its family (other years of the same notes, not a
 * subgroup's); for a live doc, the files that call themselves meeting notes or minutes. Oldest first.
 */
export function notesFiles(entries: readonly ListingEntry[], openFile: string | null): ListingEntry[] {
  const markdown = entries.filter(isMarkdown);
  let chosen: ListingEntry[];
  if (openFile) {
    const family = familyOf(openFile.split('/').pop()!);
    chosen = markdown.filter((entry) => familyOf(entry.name) === family);
  } else {
    chosen = markdown.filter((entry) => /meeting[-_ ]?(notes|minutes)|^notes|minutes/i.test(entry.name));
  }
  if (chosen.length === 0) chosen = markdown;
  return [...chosen].sort((a, b) => a.name.localeCompare(b.name));
}

/** The archive folders of a group's folder listing. */
export function archiveFolders(entries: readonly ListingEntry[]): string[] {
  return entries.filter((entry) => entry.type === 'dir' && isArchiveFolder(entry.name)).map((entry) => entry.path);
}

/** What the panel calls a file: its year (`2018`, `2018–2019`), else its name. */
export function fileLabel(path: string): string {
  const name = path.split('/').pop() ?? path;
  const years = [...new Set(name.match(/(?:19|20)\d\d/g) ?? [])];
  if (years.length === 0) return name;
  return years.length === 1 ? years[0]! : `${years[0]}–${years[years.length - 1]}`;
}

/** The address of a file on github.com: the parser reads a year from its name, and meetings link there. */
export function githubFileUrl(path: string): string {
  return `https://github.com/kubernetes/community/blob/master/${path.split('/').map(encodeURIComponent).join('/')}`;
}
