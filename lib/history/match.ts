// Which group an agenda belongs to: a Google Doc by the document id in one of the group's meetings'
// `archive_url`, a file of kubernetes/community by its path (`sig-auth/archive/meeting-notes-2018.md`).
import type { Group, GroupMeeting } from './groups';

export interface GroupMatch {
  group: Group;
  /** The meeting whose agenda this is, or the group's regular meeting for an archive file. */
  meeting: GroupMeeting | null;
  /** For an archive file: its path in the repository; null for a live doc. */
  archivePath: string | null;
}

const DOC_ID = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/;

/** The Google Docs document id of an address, or null. */
export function docIdOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!/(^|\.)docs\.google\.com$/i.test(parsed.hostname) && !isLoopbackHost(parsed.hostname)) return null;
    return DOC_ID.exec(parsed.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

function isLoopbackHost(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost';
}

/**
 * The path of a kubernetes/community file in its github.com address
 * (`/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md` → `sig-auth/archive/meeting-notes-2018.md`),
 * or null. Loopback hosts stand in for github.com in tests.
 */
export function archivePathOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.hostname !== 'github.com' && !isLoopbackHost(parsed.hostname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const blob = /^\/kubernetes\/community\/blob\/[^/]+\/(.+)$/.exec(path);
  if (!blob) return null;
  const segments = blob[1]!.split('/');
  if (segments.length < 2 || !segments.every((segment) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(segment))) return null;
  return /\.(md|markdown)$/i.test(segments[segments.length - 1]!) ? segments.join('/') : null;
}

/** `archive`, `meeting-notes-archive`, `meeting-notes`, `archives`: where groups keep old agendas. */
export function isArchiveFolder(name: string): boolean {
  return /archive|meeting-notes|minutes/i.test(name);
}

/** The group's usual meeting: the one called regular, else the first with a day and time. */
export function regularMeeting(group: Group): GroupMeeting | null {
  return (
    group.meetings.find((m) => /regular/i.test(m.description)) ??
    group.meetings.find((m) => /\b(sig|wg|group|committee)\s+meeting\b/i.test(m.description)) ??
    group.meetings.find((m) => m.day && m.time) ??
    null
  );
}

/** The group an agenda at `url` belongs to, if any. */
export function matchGroup(groups: readonly Group[], url: string): GroupMatch | null {
  const docId = docIdOf(url);
  if (docId) {
    for (const group of groups) {
      const meeting = group.meetings.find((m) => m.archiveUrl !== null && docIdOf(m.archiveUrl) === docId);
      if (meeting) return { group, meeting, archivePath: null };
    }
    return null;
  }
  const path = archivePathOf(url);
  if (!path) return null;
  const dir = path.split('/')[0]!;
  const group = groups.find((g) => g.dir === dir);
  return group ? { group, meeting: regularMeeting(group), archivePath: path } : null;
}
