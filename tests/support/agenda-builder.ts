// Small agendas built by hand for tests: keys, refs and people are derived the way the parser derives
// them, so fixtures read like the documents they stand for.
import { unwrapGoogleRedirect } from '../../lib/agenda/gdocs';
import { itemKeyBase, KeyAllocator } from '../../lib/agenda/keys';
import type { Agenda, Item, Link, Meeting, Section, SectionKind } from '../../lib/agenda/model';
import { peopleIn } from '../../lib/agenda/people';
import { refFromUrl, refsInText } from '../../lib/agenda/refs';

export interface ItemSpec {
  text: string;
  links?: Link[];
  struck?: boolean;
  children?: (string | ItemSpec)[];
}

export type Sections = Partial<Record<SectionKind, (string | ItemSpec)[]>>;

export interface MeetingSpec {
  date: string;
  sections: Sections;
  title?: string;
  canceled?: boolean;
  recording?: string | null;
}

const SECTION_TITLES: Record<SectionKind, string> = {
  announcements: 'Announcements',
  demos: 'Demos',
  pulls: 'Pulls of note',
  designs: 'Designs of note',
  discussion: 'Discussion topics',
  'action-items': 'Action items',
  'needs-review': 'Needs review',
  other: '',
};

export function meeting(
  date: string,
  sections: Sections,
  extra: Partial<Omit<MeetingSpec, 'date' | 'sections'>> = {},
): MeetingSpec {
  return { date, sections, ...extra };
}

/** An item whose link is given explicitly, as a rendering with link text would have it. */
export function linked(text: string, href: string, children: (string | ItemSpec)[] = []): ItemSpec {
  return { text, links: [{ href, text }], children };
}

export function agenda(meetings: MeetingSpec[], id = 'sig-auth-2018'): Agenda {
  const meetingKeys = new KeyAllocator('#');
  return {
    id,
    title: 'Kubernetes Sig-auth Meeting Agenda',
    url: 'https://example.test/agenda',
    source: 'generic',
    problems: [],
    meetings: meetings.map((spec): Meeting => {
      const key = meetingKeys.next(spec.date);
      const itemKeys = new KeyAllocator('~');
      let itemCount = 0;
      const build = (raw: string | ItemSpec, kind: SectionKind): Item => {
        const item = typeof raw === 'string' ? { text: raw } : raw;
        itemCount++;
        const links = item.links ?? bareLinks(item.text);
        // The parser unwraps Google's redirect links before it reads references from them.
        const refs = [
          ...new Set([
            ...links.map((l) => refFromUrl(unwrapGoogleRedirect(l.href))).filter((r): r is string => r !== null),
            ...refsInText(item.text),
          ]),
        ];
        return {
          key: itemKeys.next(itemKeyBase(key, kind, item.text)),
          text: item.text,
          links,
          refs,
          people: peopleIn(item.text),
          struck: item.struck ?? false,
          children: (item.children ?? []).map((child) => build(child, kind)),
        };
      };
      const sections = (Object.entries(spec.sections) as [SectionKind, (string | ItemSpec)[]][]).map(
        ([kind, items]): Section => ({
          kind,
          title: SECTION_TITLES[kind],
          items: items.map((item) => build(item, kind)),
        }),
      );
      return {
        key,
        date: spec.date,
        title: spec.title ?? `${spec.date}, 11a - Noon (Pacific Time)`,
        canceled: spec.canceled ?? false,
        recording: spec.recording ?? null,
        anchor: {},
        sections,
        itemCount,
      };
    }),
  };
}

function bareLinks(text: string): Link[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((m) => ({ href: m[0], text: m[0] }));
}

/** The key of the first item (depth-first) whose text contains `fragment`, in the meeting on `date`. */
export function keyOf(agendaValue: Agenda, date: string, fragment: string): string {
  for (const m of agendaValue.meetings) {
    if (m.date !== date) continue;
    const stack = m.sections.flatMap((s) => s.items);
    while (stack.length > 0) {
      const item = stack.shift() as Item;
      if (item.text.includes(fragment)) return item.key;
      stack.unshift(...item.children);
    }
  }
  throw new Error(`No item containing "${fragment}" on ${date}`);
}

/** Two meetings in the shape of the 2018 SIG Auth agenda. */
export function sigAuth(): MeetingSpec[] {
  return [
    meeting('2018-11-28', {
      announcements: [
        {
          text: '1.13 release notes draft open for review',
          links: [{ href: 'https://github.com/kubernetes/sig-release/pull/386', text: '1.13 release notes draft' }],
        },
      ],
      demos: [linked('kube-rbac-proxy', 'https://github.com/brancz/kube-rbac-proxy')],
      discussion: [
        'sig-auth ownership of kube-rbac-proxy',
        '[@pbarker] Outgoing webhook auth https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit?usp=sharing',
        {
          text: '[Clayton] Something about bootstrapping',
          children: [
            'Unblocking static pods to run prior to establishing kubelet/API connection',
            'https://github.com/kubernetes/kubernetes/pull/71174 ?',
          ],
        },
      ],
      'action-items': ['@brancz will make issue for review of kube-rbac-proxy'],
    }),
    meeting('2018-10-31', {
      demos: [
        'Nikhil Bhatia @ Microsoft - Demo for Kubernetes Policy Controller -- https://github.com/Azure/kubernetes-policy-controller',
      ],
      discussion: [
        {
          text: '[klizhentas] Discuss CSR API promotion out of beta https://github.com/kubernetes/kubernetes/issues/69836',
          children: ['API shape/issues', 'Approval flow/issues'],
        },
        linked(
          '[liggitt] node self-labeling resolution',
          'https://github.com/kubernetes/community/pull/911#issuecomment-434757411',
        ),
        '[mikedanese] moving service account token secret mounts to projected volumes',
      ],
      'action-items': ['[Mike] CSR ?'],
    }),
  ];
}

/** `count` dates a week apart, newest first, the first on `newest`. */
export function weeklyDates(count: number, newest = '2020-01-01'): string[] {
  const start = Date.parse(`${newest}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start - i * 7 * 86_400_000).toISOString().slice(0, 10));
}

/** An agenda of a meeting on each of `dates`, each with the discussion items `items`; `canceled` dates say so. */
export function agendaOn(
  dates: readonly string[],
  options: { id?: string; items?: string[]; canceled?: readonly string[] } = {},
): Agenda {
  const items = options.items ?? ['Welcome'];
  const canceled = new Set(options.canceled ?? []);
  return agenda(
    dates.map((date) => meeting(date, { discussion: items }, { title: date, canceled: canceled.has(date) })),
    options.id ?? 'doc',
  );
}

// Exact agendas: every key, person and reference given as written, none derived. For tests of what the panel
// does with a field whatever the parser would make of the text (search over people, meeting times, rows).
let exactCounter = 0;

export interface ExactItemSpec {
  text: string;
  people?: string[];
  refs?: string[];
  children?: ExactItemSpec[];
}

export function exactItem(spec: ExactItemSpec | string): Item {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  exactCounter++;
  return {
    key: `k${exactCounter}`,
    text: s.text,
    links: [],
    refs: s.refs ?? [],
    people: s.people ?? [],
    struck: false,
    children: (s.children ?? []).map(exactItem),
  };
}

export function exactSection(kind: SectionKind, title: string, items: (ExactItemSpec | string)[]): Section {
  return { kind, title, items: items.map(exactItem) };
}

export interface ExactMeetingSpec {
  date: string;
  title?: string;
  time?: string;
  canceled?: boolean;
  recording?: string | null;
  sections: Section[];
}

function countExactItems(items: readonly Item[]): number {
  return items.reduce((sum, i) => sum + 1 + countExactItems(i.children), 0);
}

export function exactMeeting(spec: ExactMeetingSpec): Meeting {
  const m: Meeting = {
    key: spec.date,
    date: spec.date,
    title: spec.title ?? spec.date,
    canceled: spec.canceled ?? false,
    recording: spec.recording ?? null,
    anchor: {},
    sections: spec.sections,
    itemCount: spec.sections.reduce((sum, s) => sum + countExactItems(s.items), 0),
  };
  if (spec.time !== undefined) m.time = spec.time;
  return m;
}

export function exactAgenda(meetings: Meeting[], id = 'https://example.com/agenda'): Agenda {
  return { id, title: 'Test agenda', url: id, source: 'generic', meetings, problems: [] };
}
