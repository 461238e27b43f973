// @vitest-environment happy-dom
// The acceptance case: the SIG Auth 2018 agenda, as GitHub renders the archived Markdown and as a
// Google Docs export of the same document. Expected values were read off the seed by hand.
import { describe, expect, it } from 'vitest';
import type { Item, Meeting, SectionKind } from '../../../lib/agenda/model';
import type { ParseResult } from '../../../lib/agenda/parse';
import { allItems, meeting, parseGdocs, parseGithub } from './helpers';
import { readSeed } from '../../support/fixtures';

const seed = readSeed();
const renderings: [string, ParseResult][] = [
  ['GitHub', parseGithub(seed, 'sig-auth/archive/meeting-notes-2018.md')],
  ['Google Docs', parseGdocs(seed)],
];

const ALL_DATES = [
  '2018-12-26',
  '2018-12-12',
  '2018-11-28',
  '2018-11-14',
  '2018-10-31',
  '2018-10-17',
  '2018-10-03',
  '2018-09-19',
  '2018-09-05',
  '2018-08-22',
  '2018-08-08',
  '2018-07-25',
  '2018-07-11',
  '2018-06-27',
  '2018-06-13',
  '2018-05-30',
  '2018-05-16',
  '2018-05-02',
  '2018-04-18',
  '2018-04-04',
  '2018-03-21',
  '2018-03-07',
  '2018-02-21',
  '2018-02-07',
  '2018-01-24',
  '2018-01-10',
];
const CANCELED = ['2018-12-26', '2018-12-12', '2018-11-14', '2018-09-05', '2018-05-02', '2018-03-07'];

/** What a hand-checked item must be: its text, and the links, refs, people and children it has. */
interface Expected {
  text: string;
  links?: string[];
  refs?: string[];
  people?: string[];
  children?: Expected[];
}

function expectItems(actual: readonly Item[], expected: readonly Expected[]): void {
  expect(actual.map((i) => i.text)).toEqual(expected.map((e) => e.text));
  expected.forEach((e, n) => {
    const item = actual[n] as Item;
    expect(
      item.links.map((l) => l.href),
      item.text,
    ).toEqual(e.links ?? []);
    expect(item.refs, item.text).toEqual(e.refs ?? []);
    expect(item.people, item.text).toEqual(e.people ?? []);
    if (e.children) expectItems(item.children, e.children);
    else expect(item.children, item.text).toEqual([]);
  });
}

function expectSections(m: Meeting, expected: [SectionKind, string, Expected[]][]): void {
  expect(m.sections.map((s) => [s.kind, s.title])).toEqual(expected.map(([kind, title]) => [kind, title]));
  expected.forEach(([, , items], n) => expectItems(m.sections[n]?.items ?? [], items));
}

const leaves = (...texts: string[]): Expected[] => texts.map((text) => ({ text }));

describe.each(renderings)('the seed, rendered by %s', (_name, result) => {
  const { agenda } = result;

  it('holds 26 meetings, newest first, from 2018-12-26 to 2018-01-10, with nothing it could not read', () => {
    expect(agenda.meetings.map((m) => m.key)).toEqual(ALL_DATES);
    expect(agenda.meetings.map((m) => m.date)).toEqual(ALL_DATES);
    expect(agenda.problems).toEqual([]);
  });

  it('finds the 6 canceled meetings, the struck one included', () => {
    expect(agenda.meetings.filter((m) => m.canceled).map((m) => m.key)).toEqual(CANCELED);
    expect(meeting(result, '2018-03-07').canceledReason).toBe('heading struck through');
    expect(meeting(result, '2018-12-26').canceledReason).toBe('Canceled for holidays');
    expect(meeting(result, '2018-09-05').canceledReason).toBe('Cancelled, no agenda items, release is closing out');
    expect(meeting(result, '2018-05-02').canceledReason).toBe('Meeting cancelled');
  });

  it('reads title and time of every heading', () => {
    for (const m of agenda.meetings) {
      expect(m.time).toBe('11a - Noon (Pacific Time)');
      expect(m.title).toMatch(/^[A-Z][a-z]+ \d{1,2}, 2018, 11a - Noon \(Pacific Time\)$/);
    }
    expect(meeting(result, '2018-08-08').title).toBe('August 08, 2018, 11a - Noon (Pacific Time)');
  });

  it('takes recordings from the Recording items, and null where there is none or no link', () => {
    expect(meeting(result, '2018-11-28').recording).toBeNull(); // "Recording" without a link
    expect(meeting(result, '2018-12-26').recording).toBeNull();
    expect(meeting(result, '2018-10-31').recording).toBe('https://youtu.be/xfj8wG4aG_0');
    expect(meeting(result, '2018-08-08').recording).toBe('https://www.youtube.com/watch?v=dTzDsrtjyT0');
    expect(agenda.meetings.filter((m) => m.recording !== null)).toHaveLength(19);
    for (const m of agenda.meetings) expect(allItems(m).some((i) => /^Recording\b/.test(i.text))).toBe(false);
  });

  it('gives each meeting a jump anchor and an element', () => {
    for (const m of agenda.meetings) {
      expect(m.anchor.id).toBeTruthy();
      expect(result.elements.get(m.key)?.localName).toBe('h2');
      for (const item of allItems(m))
        expect(result.elements.get(item.key)?.localName, item.text).toMatch(/^(li|p|pre)$/);
    }
  });

  it('2018-12-12: canceled in lieu of KubeCon, its event links kept', () => {
    const m = meeting(result, '2018-12-12');
    expect(m.canceledReason).toBe('Canceled in lieu of kubecon seattle SIG events:');
    expectSections(m, [
      [
        'other',
        '',
        [
          { text: 'Canceled in lieu of kubecon seattle SIG events:' },
          {
            text: 'State of Kubernetes Security: Mon, December 10, 10:00am – 10:30am (contributors summit)',
            links: ['http://bit.ly/kubernetes-summit'],
          },
          { text: 'SIG Auth intro: Tuesday, December 11, 10:50am-11:25am', links: ['https://sched.co/Grd0'] },
          { text: 'SIG Auth deep dive: Thursday, December 13, 10:50am-11:25am', links: ['https://sched.co/Grez'] },
        ],
      ],
    ]);
    expect(m.itemCount).toBe(4);
  });

  it('2018-11-28: sections, presenters, bare URLs; empty "Pulls/Designs of note" dropped', () => {
    const m = meeting(result, '2018-11-28');
    expect(m.canceled).toBe(false);
    expectSections(m, [
      [
        'announcements',
        'Announcements',
        [
          {
            text: '1.13 release notes draft open for review (preview), any comments on SIG Auth items welcome (search for "SIG Auth")',
            links: [
              'https://github.com/kubernetes/sig-release/pull/386',
              'https://github.com/marpaia/sig-release/blob/1.13-release-notes/releases/release-1.13/release-notes-draft.md',
            ],
            refs: ['kubernetes/sig-release#386'],
          },
        ],
      ],
      ['demos', 'Demos', [{ text: 'kube-rbac-proxy', links: ['https://github.com/brancz/kube-rbac-proxy'] }]],
      [
        'discussion',
        'Discussion topics',
        [
          { text: 'sig-auth ownership of kube-rbac-proxy', links: ['https://github.com/brancz/kube-rbac-proxy'] },
          {
            text: '[@pbarker] Outgoing webhook auth https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit?usp=sharing',
            links: ['https://docs.google.com/document/d/1rtnPnrW2Ws1I8h826oYwSKuqWif5SaRnm2jvwFH9lIk/edit?usp=sharing'],
            people: ['pbarker'],
          },
          {
            text: '[@cjcullen,@tallclair] Request for feedback on contributor summit "State of Security" outline: https://docs.google.com/document/d/1m5tPasZJ_7IZDw_i-iQsEe7bNMa1VGlytHcI_I9jMOg/edit#',
            links: ['https://docs.google.com/document/d/1m5tPasZJ_7IZDw_i-iQsEe7bNMa1VGlytHcI_I9jMOg/edit#'],
            people: ['cjcullen', 'tallclair'],
          },
          {
            text: '[Clayton] Something about bootstrapping',
            people: ['Clayton'],
            children: [
              { text: 'Unblocking static pods to run prior to establishing kubelet/API connection' },
              {
                text: 'https://github.com/kubernetes/kubernetes/pull/71174 ?',
                links: ['https://github.com/kubernetes/kubernetes/pull/71174'],
                refs: ['kubernetes/kubernetes#71174'],
              },
            ],
          },
        ],
      ],
      [
        'action-items',
        'Action items',
        [{ text: '@brancz will make issue for review of kube-rbac-proxy', people: ['brancz'] }],
      ],
    ]);
    expect(m.itemCount).toBe(9);
  });

  it('2018-10-31: the deep CSR discussion, #69848 read from its link, "…" and "." placeholders dropped', () => {
    const m = meeting(result, '2018-10-31');
    expectSections(m, [
      ['announcements', 'Announcements', leaves('Code freeze November 15th (middle of kubecon China)')],
      [
        'demos',
        'Demos',
        [
          {
            text: 'Nikhil Bhatia @ Microsoft - Demo for Kubernetes Policy Controller -- https://github.com/Azure/kubernetes-policy-controller',
            links: ['https://github.com/Azure/kubernetes-policy-controller'],
          },
        ],
      ],
      [
        'discussion',
        'Discussion topics',
        [
          {
            text: '[klizhentas] Discuss CSR API promotion out of beta https://github.com/kubernetes/kubernetes/issues/69836',
            links: ['https://github.com/kubernetes/kubernetes/issues/69836'],
            refs: ['kubernetes/kubernetes#69836'],
            people: ['klizhentas'],
            children: [
              {
                text: 'API shape/issues',
                children: leaves(
                  'Requires requesters to know all the info about the end certificate',
                  'Use for higher-level requests ("give me a node client cert", "give me a serving cert for a pod backing a service")',
                ),
              },
              {
                text: 'Approval flow/issues',
                children: leaves('Cannot limit or add components to request (limit or add SANs, usages, etc)'),
              },
              {
                text: 'Signing flow/issues',
                children: leaves(
                  'Method for multiple signers to interact (or approver to indicate what signer should be used)',
                ),
              },
              {
                text: 'Guarantees on issued certificates',
                children: leaves(
                  'No (current) guarantee all requested extensions/SANs are issued',
                  'No (current) guarantee issued client certificates will be accepted as API client certs',
                ),
              },
            ],
          },
          {
            text: '[liggitt] node self-labeling resolution',
            links: ['https://github.com/kubernetes/community/pull/911#issuecomment-434757411'],
            refs: ['kubernetes/community#911'],
            people: ['liggitt'],
            children: leaves('NodeRestriction limits self-labeling under kubernetes.io and k8s.io'),
          },
          {
            text: '[mikedanese] moving service account token secret mounts to projected volumes',
            people: ['mikedanese'],
            children: [
              { text: 'Breaks in the presence of PSPs that only allow secret volumes' },
              {
                text: 'Ugly options:',
                children: leaves('Change PSP to allow projected volumes if secret volumes are allowed'),
              },
              {
                text: 'Discussion in #69848',
                links: ['https://github.com/kubernetes/kubernetes/pull/69848#issuecomment-434158411'],
                refs: ['kubernetes/kubernetes#69848'],
              },
            ],
          },
        ],
      ],
      ['action-items', 'Action items', [{ text: '[Mike] CSR ?', people: ['Mike'] }]],
    ]);
    expect(m.itemCount).toBe(21);
  });

  it('2018-08-08: "Discussion" section, features and community refs from link texts', () => {
    const m = meeting(result, '2018-08-08');
    expectSections(m, [
      [
        'announcements',
        'Announcements',
        [
          {
            text: 'HashiCorp Vault KMS provider - repo. Feedback welcome.',
            links: ['https://github.com/oracle/kubernetes-vault-kms-plugin'],
          },
          {
            text: 'Audit event type promotion to v1 - #65891',
            links: ['https://github.com/kubernetes/kubernetes/pull/65891'],
            refs: ['kubernetes/kubernetes#65891'],
          },
        ],
      ],
      [
        'pulls',
        'Pulls of note',
        [
          {
            text: 'New sig-auth charter: https://github.com/kubernetes/community/blob/master/sig-auth/charter.md',
            links: ['https://github.com/kubernetes/community/blob/master/sig-auth/charter.md'],
            children: leaves('Feedback welcome', 'Follow up: listing subprojects & related responsibilities'),
          },
          {
            text: 'Remove basic auditing: https://github.com/kubernetes/kubernetes/pull/65862',
            links: ['https://github.com/kubernetes/kubernetes/pull/65862'],
            refs: ['kubernetes/kubernetes#65862'],
            children: leaves(
              'Part of advanced auditing going to GA',
              'Advanced auditing is not 100% compatible with the basic auditing log format',
            ),
          },
        ],
      ],
      [
        'discussion',
        'Discussion',
        [
          {
            text: 'Container-level service account: kubernetes/community#2497',
            links: ['https://github.com/kubernetes/community/pull/2497'],
            refs: ['kubernetes/community#2497'],
            children: leaves(
              'Concern: pod is the security boundary, separating permissions at the container level could create some unexpected attack vectors',
              'Useful for auditing',
            ),
          },
          {
            text: 'Kubelet TLS Bootstrap GA kubernetes/features#43',
            links: ['https://github.com/kubernetes/features/issues/43'],
            refs: ['kubernetes/features#43'],
            children: [
              ...leaves(
                'client bootstrap flow to GA in 1.12',
                'client rotation stays in beta in 1.12',
                'server rotation promoted to beta in 1.12 (kubelet-only, must bring own approver)',
              ),
              {
                text: 'CSR API is still v1beta1. Some potential improvements desired before v1:',
                children: leaves(
                  'approver has input to add/remove/modify the cert that is signed',
                  'signing profiles',
                  'integration to produce certs with service DNS names as SANs',
                ),
              },
            ],
          },
        ],
      ],
    ]);
    expect(m.itemCount).toBe(19);
  });

  it('2018-01-24: "Needs review:" and "Discussion:" titles, a presenter list at the end', () => {
    const m = meeting(result, '2018-01-24');
    expect(m.sections.map((s) => [s.kind, s.title, s.items.length])).toEqual([
      ['pulls', 'Pulls of note', 2],
      ['designs', 'Designs of note', 1],
      ['needs-review', 'Needs review:', 2],
      ['discussion', 'Discussion:', 5],
    ]);
    const discussion = m.sections[3]?.items ?? [];
    expect(discussion.map((i) => [i.refs, i.people])).toEqual([
      [['kubernetes/community#1503'], []],
      [[], ['destijl', 'crassirostris', 'tallclair']],
      [[], ['enj']],
      [['kubernetes/community#1460'], []],
      [['kubernetes/community#911'], []],
    ]);
    expect(discussion[1]?.children.map((i) => i.text)).toEqual([
      "Google: we think it should, we haven't seen problems in our usage that would require changes.",
      'Require passing scale tests for v1',
      'Require specing out how the rest of the system contributes audit info',
      'Requirements & discussion on https://github.com/kubernetes/kubernetes/issues/58083',
    ]);
    expect(discussion[1]?.children[1]?.children.flatMap((i) => i.refs)).toEqual([
      'kubernetes/kubernetes#53020',
      'kubernetes/kubernetes#56126',
    ]);
    expect(m.itemCount).toBe(30);
  });

  it('2018-03-07: struck heading, "NO SIG AUTH" line, one announcement', () => {
    const m = meeting(result, '2018-03-07');
    expect(m.title).toBe('March 7, 2018, 11a - Noon (Pacific Time)');
    expectSections(m, [
      ['other', '', leaves('NO SIG AUTH (busy with release)')],
      ['announcements', 'Announcements', leaves('SIG-auth presenting at the Kubernetes community meeting')],
    ]);
  });

  it('2018-06-13: a Google redirect copied into the Markdown is unwrapped, mailto dropped', () => {
    const item = allItems(meeting(result, '2018-06-13')).find((i) => i.text.startsWith('Dynamic configs'));
    expect(item?.links.map((l) => l.href)).toEqual([
      'https://github.com/kubernetes/community/pull/1937',
      'https://docs.google.com/document/d/1ihFfEfgViKlUMbY2NKxaJzBkgHh-Phk5hqKTzK-NEEs/edit',
    ]);
    expect(item?.refs).toEqual(['kubernetes/community#1937']);
    const email = allItems(meeting(result, '2018-06-13')).find((i) => i.text.startsWith('If you are interested'));
    expect(email?.links).toEqual([]);
  });

  it('counts every item, children included', () => {
    const total = agenda.meetings.reduce((n, m) => n + m.itemCount, 0);
    expect(total).toBe(agenda.meetings.reduce((n, m) => n + allItems(m).length, 0));
    expect(meeting(result, '2018-10-17').itemCount).toBe(27);
  });
});

describe('where the two renderings differ, each is read as it shows', () => {
  const [github, gdocs] = renderings.map(([, r]) => r) as [ParseResult, ParseResult];

  it('keeps the same item keys for the meetings both show alike', () => {
    for (const key of ['2018-11-28', '2018-10-31', '2018-08-08', '2018-01-24', '2018-12-12']) {
      expect(allItems(meeting(gdocs, key)).map((i) => i.key)).toEqual(allItems(meeting(github, key)).map((i) => i.key));
    }
  });

  it('2018-02-07: GitHub folds the over-indented bullets into one line; Docs keeps them as items', () => {
    // Markdown: "*   sig lead change\n        *   David Eads …" — 8 spaces after a paragraph is a lazy continuation.
    const onGithub = allItems(meeting(github, '2018-02-07')).find((i) => i.text.startsWith('sig lead change'));
    expect(onGithub?.text).toMatch(
      /^sig lead change \* David Eads \(@deads2k, Red Hat\) stepping down as sig lead \* Tim Allclair/,
    );
    expect(onGithub?.children).toEqual([]);
    const inDocs = allItems(meeting(gdocs, '2018-02-07')).find((i) => i.text.startsWith('sig lead change'));
    expect(inDocs?.text).toBe('sig lead change');
    expect(inDocs?.children.map((i) => i.people)).toEqual([['deads2k'], ['tallclair'], [], []]);
    expect(inDocs?.children[1]?.children.map((i) => i.people).at(-1)).toEqual(['Jordan Liggitt', 'Eric Chiang']);
    // Both put it under the "Discussion" bullet that had nothing under it.
    for (const r of [github, gdocs]) {
      const discussion = meeting(r, '2018-02-07').sections.find((s) => s.kind === 'discussion');
      expect(discussion?.items.map((i) => i.text.slice(0, 15))).toEqual(['sig lead change', 'Discuss the sig']);
    }
  });

  it('2018-10-03: the feature list is a code block on GitHub, a list in Docs; its refs are found in both', () => {
    for (const r of [github, gdocs]) {
      const refs = allItems(meeting(r, '2018-10-03')).flatMap((i) => i.refs);
      expect(refs).toEqual([
        'kubernetes/sig-release#284',
        'kubernetes/features#600',
        'kubernetes/features#22',
        'kubernetes/features#542',
        'kubernetes/community#2738',
      ]);
    }
  });
});
