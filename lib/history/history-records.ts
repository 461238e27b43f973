// What the panel keeps of a group's history in IndexedDB (store `history` of `agenda-overlay`), one record a
// thing fetched, each with the ETag that makes the next request conditional and the time it was checked.
import type { Agenda } from '../agenda/model';
import type { Group } from './groups';
import type { ListingEntry } from '../messaging/history-contents';
import type { ArchiveSource } from './archive-address';

/** `sigs.yaml`, read into groups. */
export interface GroupsRecord {
  id: 'groups';
  kind: 'groups';
  groups: Group[];
  etag: string | null;
  checkedAt: number;
}

/** A folder of kubernetes/community (`listing:<path>`) or of an added archive (`listing:<source>:<path>`). */
export interface ListingRecord {
  id: `listing:${string}`;
  kind: 'listing';
  path: string;
  entries: ListingEntry[];
  etag: string | null;
  checkedAt: number;
}

/** One archive file, parsed by the same parser as the page. */
export interface FileRecord {
  id: `file:${string}`;
  kind: 'file';
  path: string;
  agenda: Agenda;
  etag: string | null;
  fetchedAt: number;
  checkedAt: number;
}

/** The last load of a group's history: which files it is made of, when it was checked, what went wrong. */
export interface LoadRecord {
  id: `load:${string}`;
  kind: 'load';
  /** The folder(s) read, or the one archive file's folder. */
  key: string;
  files: string[];
  checkedAt: number;
  /** File path → why it could not be read (the rest is usable). */
  unreadable: Record<string, string>;
}

/** The archives the user added to one agenda, by their GitHub addresses, in the order added. */
export interface SourcesRecord {
  id: `sources:${string}`;
  kind: 'sources';
  /** The agenda's id: the Docs document id, else its address without query and fragment. */
  agendaId: string;
  sources: ArchiveSource[];
}

export type HistoryRecord = GroupsRecord | ListingRecord | FileRecord | LoadRecord | SourcesRecord;
