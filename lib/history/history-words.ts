// The history's state in words, for the panel: progress, age, what went wrong and when it goes on.
import type { Group } from './groups';
import type { HistoryLoad } from './loader';

export function groupTitle(group: Group): string {
  switch (group.kind) {
    case 'sig':
      return `SIG ${group.name}`;
    case 'workinggroup':
      return `WG ${group.name}`;
    case 'usergroup':
      return `UG ${group.name}`;
    case 'committee':
      return /committee/i.test(group.name) ? group.name : `${group.name} Committee`;
  }
}

/** `just now`, `3 h ago`, `2 days ago`. */
export function ageInWords(then: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - then) / 60_000));
  if (minutes < 2) return 'just now';
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

/** `3 of 5 years` (a group's files are years), `3 of 5 files` (an added archive's). */
export function progressWords(done: number, total: number, unit: 'year' | 'file' = 'year'): string {
  return total === 0 ? 'Reading the archive folder…' : `${done} of ${total} ${unit}${total === 1 ? '' : 's'}`;
}

/** What stopped the last load, with what is still usable and for how long it has been. */
export function failureWords(load: HistoryLoad, now: number, locale?: string): string | null {
  const failure = load.failure;
  if (!failure) return null;
  const stored = load.files.filter((file) => file.agenda).length;
  const kept =
    stored > 0
      ? ` Showing the history stored ${load.checkedAt ? ageInWords(load.checkedAt, now) : 'earlier'} (${stored} ${stored === 1 ? 'file' : 'files'}).`
      : ' Nothing is stored yet.';
  if (failure.kind === 'rate-limited') {
    const at = failure.until
      ? ` It can go on at ${new Date(failure.until).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })}.`
      : '';
    return `GitHub's rate limit stopped the load.${at}${kept}`;
  }
  if (failure.kind === 'not-found') return `${failure.message}${kept}`;
  return `Offline: ${failure.message}${kept}`;
}
