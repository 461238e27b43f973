// Shared by the panel's tests: small hand-built agendas, and the seed parsed as GitHub renders it.
import type { Agenda, Item, Meeting, Section, SectionKind } from '../../../lib/agenda/model';
import { parseAgenda } from '../../../lib/agenda/parse';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { readSeed } from '../../support/fixtures';

/** The seed agenda as GitHub renders it. Needs a DOM: the test file must run in happy-dom. */
export function parseSeed(): Agenda {
  const html = renderGithubHtml(readSeed(), { title: 'meeting-notes-2018.md' });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return parseAgenda(doc, 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md');
}

let counter = 0;

export interface ItemSpec {
  text: string;
  people?: string[];
  refs?: string[];
  children?: ItemSpec[];
}

export function item(spec: ItemSpec | string): Item {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  counter++;
  return {
    key: `k${counter}`,
    text: s.text,
    links: [],
    refs: s.refs ?? [],
    people: s.people ?? [],
    struck: false,
    children: (s.children ?? []).map(item),
  };
}

export function section(kind: SectionKind, title: string, items: (ItemSpec | string)[]): Section {
  return { kind, title, items: items.map(item) };
}

export interface MeetingSpec {
  date: string;
  title?: string;
  time?: string;
  canceled?: boolean;
  recording?: string | null;
  sections: Section[];
}

function countItems(items: readonly Item[]): number {
  return items.reduce((sum, i) => sum + 1 + countItems(i.children), 0);
}

export function meeting(spec: MeetingSpec): Meeting {
  const m: Meeting = {
    key: spec.date,
    date: spec.date,
    title: spec.title ?? spec.date,
    canceled: spec.canceled ?? false,
    recording: spec.recording ?? null,
    anchor: {},
    sections: spec.sections,
    itemCount: spec.sections.reduce((sum, s) => sum + countItems(s.items), 0),
  };
  if (spec.time !== undefined) m.time = spec.time;
  return m;
}

export function agenda(meetings: Meeting[], id = 'https://example.com/agenda'): Agenda {
  return { id, title: 'Test agenda', url: id, source: 'generic', meetings, problems: [] };
}
