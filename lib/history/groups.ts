// The groups of kubernetes/community's `sigs.yaml`: each SIG, working group, user group and committee with
// its folder, its chairs and its meetings (subprojects' meetings included, since their agendas are groups'
// agendas too). The file is untrusted text from the network: every field is checked, links are kept only
// when they are http(s), and a file that is not YAML or has no groups is a problem in words, never a throw.

export interface GroupMeeting {
  description: string;
  day: string;
  time: string;
  tz: string;
  frequency: string;
  /** The join link (http(s) only), if any. */
  url: string | null;
  /** Where the agenda lives: a Google Doc, usually (http(s) only). */
  archiveUrl: string | null;
  recordingsUrl: string | null;
}

export interface Person {
  github: string;
  name: string;
}

export interface Group {
  /** The group's folder in kubernetes/community: `sig-auth`, `wg-batch`, `committee-steering`. */
  dir: string;
  name: string;
  kind: 'sig' | 'workinggroup' | 'usergroup' | 'committee';
  chairs: Person[];
  meetings: GroupMeeting[];
}

export type GroupsReading = { ok: true; groups: Group[] } | { ok: false; problem: string };

const KINDS: readonly [key: string, kind: Group['kind']][] = [
  ['sigs', 'sig'],
  ['workinggroups', 'workinggroup'],
  ['usergroups', 'usergroup'],
  ['committees', 'committee'],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' ? String(value) : '';
}

/** An http(s) address as written, or null: nothing else may become a link in the panel. */
export function httpUrl(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function meetingOf(entry: Record<string, unknown>): GroupMeeting {
  return {
    description: text(entry.description),
    day: text(entry.day),
    time: text(entry.time),
    tz: text(entry.tz),
    frequency: text(entry.frequency),
    url: httpUrl(entry.url),
    archiveUrl: httpUrl(entry.archive_url),
    recordingsUrl: httpUrl(entry.recordings_url),
  };
}

function personOf(entry: Record<string, unknown>): Person | null {
  const github = text(entry.github);
  const name = text(entry.name) || github;
  return name ? { github, name } : null;
}

function groupOf(entry: Record<string, unknown>, kind: Group['kind']): Group | null {
  const dir = text(entry.dir);
  // A folder name is one path segment: anything else could not be asked for safely.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(dir)) return null;
  const leadership = isRecord(entry.leadership) ? entry.leadership : {};
  const chairs = listOf(leadership.chairs)
    .map(personOf)
    .filter((p): p is Person => p !== null);
  const meetings = listOf(entry.meetings).map(meetingOf);
  for (const subproject of listOf(entry.subprojects)) meetings.push(...listOf(subproject.meetings).map(meetingOf));
  return { dir, name: text(entry.name) || dir, kind, chairs, meetings };
}

/** Every group of a `sigs.yaml` text. The YAML parser is loaded only then: it is most of the panel's size otherwise. */
export async function readGroups(yamlText: string): Promise<GroupsReading> {
  let document: unknown;
  try {
    const { parse } = await import('yaml');
    // Plain data only: no custom tags, and aliases bounded so that a hostile file cannot expand without end.
    document = parse(yamlText, { maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable';
    return { ok: false, problem: `sigs.yaml is not valid YAML (${reason}).` };
  }
  if (!isRecord(document)) return { ok: false, problem: 'sigs.yaml does not list any groups.' };
  const groups: Group[] = [];
  for (const [key, kind] of KINDS) {
    for (const entry of listOf(document[key])) {
      const group = groupOf(entry, kind);
      if (group) groups.push(group);
    }
  }
  return groups.length > 0 ? { ok: true, groups } : { ok: false, problem: 'sigs.yaml does not list any groups.' };
}
