// The page's agenda and the group's archive files as one agenda: every meeting of every year, newest first.
// The page's own meetings win over a stored copy of the same file or the same date (the page is live); the
// meetings from other files remember where they came from, so that the panel can open them on GitHub.
import type { Agenda, Meeting } from '../agenda/model';
import type { HistoryFile } from './loader';

export interface MergedHistory {
  agenda: Agenda;
  /** Meeting key → the GitHub address of the file it comes from, for meetings that are not on the page. */
  origins: ReadonlyMap<string, string>;
  /** The years the whole history spans, newest first. */
  years: string[];
}

/** Where a meeting of an archive file is on GitHub: the file's address, at the meeting's heading anchor. */
export function meetingLink(fileUrl: string, meeting: Meeting): string {
  const id = meeting.anchor.id;
  const slug = id?.startsWith('user-content-') ? id.slice('user-content-'.length) : id;
  return slug ? `${fileUrl}#${encodeURIComponent(slug)}` : fileUrl;
}

/** An address without its query and fragment, to tell a stored file that is the page itself. */
function bare(url: string): string {
  return url.replace(/[?#].*$/s, '');
}

/**
 * `pageFiles`: the addresses the page itself is at (the open archive file's github.com address, the page's
 * own): a stored copy of that file gives nothing, since the page is newer.
 */
export function mergeHistory(page: Agenda, pageFiles: readonly string[], files: readonly HistoryFile[]): MergedHistory {
  const own = new Set(pageFiles.map(bare));
  const keys = new Set(page.meetings.map((m) => m.key));
  const origins = new Map<string, string>();
  const extra: Meeting[] = [];
  for (const file of files) {
    if (!file.agenda || own.has(bare(file.url))) continue;
    for (const meeting of file.agenda.meetings) {
      if (keys.has(meeting.key)) continue;
      keys.add(meeting.key);
      origins.set(meeting.key, file.url);
      extra.push(meeting);
    }
  }
  const meetings = [...page.meetings, ...extra];
  // Newest first; a stable sort keeps a page's own order within a day.
  meetings.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const years = [...new Set(meetings.map((m) => m.date.slice(0, 4)))];
  return { agenda: { ...page, meetings }, origins, years };
}
