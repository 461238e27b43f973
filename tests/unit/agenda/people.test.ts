// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mentionsIn, peopleIn, peopleInTag } from '../../../lib/agenda/people';

describe('peopleIn', () => {
  // Item texts as they read on the page (markdown's link brackets are gone once rendered).
  const cases: [string, string[]][] = [
    ['[@pbarker] Outgoing webhook auth https://docs.google.com/document/d/1rtn/edit', ['pbarker']],
    ['[liggitt] node self-labeling resolution', ['liggitt']],
    ['Node agents want to add taints to themselves (@mikedanese)', ['mikedanese']],
    [
      '[@cjcullen,@tallclair] Request for feedback on contributor summit "State of Security" outline',
      ['cjcullen', 'tallclair'],
    ],
    ['@brancz will make issue for review of kube-rbac-proxy', ['brancz']],
    ['(kksriram) Reviewing the Vault KMS provider with HashiCorp this week.', ['kksriram']],
    ['[Clayton] Something about bootstrapping', ['Clayton']],
    ['[Mike] CSR ?', ['Mike']],
    [
      'Should Audit Logging API go to v1 in 1.10? [@destijl, @crassirostris, @tallclair]',
      ['destijl', 'crassirostris', 'tallclair'],
    ],
    ['plan for secrets (@mayakacz, @immutableT)', ['mayakacz', 'immutableT']],
    [
      'Bound Service Account Tokens use case for dynamic webhook configuration (@mattmoyer/@pbarker)',
      ['mattmoyer', 'pbarker'],
    ],
    ['kube-oidc: OpenID Connect utilities for Kube [ericchiang]', ['ericchiang']],
    ['For 1.11 [mikedanese]:', ['mikedanese']],
    ['SIG contribx presentation (Paris Pittman)', ['Paris Pittman']],
    ['Kubernetes bug-bounty program (Maya Kaczorowski)', ['Maya Kaczorowski']],
    ['[Saad Ali, 20 minutes] 1.9 Q4 End-of-quarter Status Update', ['Saad Ali']],
    ['[Yassine Tijani  5 minutes] discuss CSI timeline', ['Yassine Tijani']],
    ['Representative from sig-auth to PM group (5 minutes, cjcullen)', ['cjcullen']],
    [
      'Demo of https://github.com/kelseyhightower/vault-controller  (Kelsey, 10 minutes demo + 10m questions)',
      ['Kelsey'],
    ],
    ['[kkmsft,patricklang] Review alternate proposal', ['kkmsft', 'patricklang']],
    ['[Jess Frazelle / Kent Rancourt]: Proposal for kubelet feature', ['Jess Frazelle', 'Kent Rancourt']],
    ['[lili]: Adding new subproject', ['lili']],
    ['citadel @enj @npmccallum: Turn an arbitrary command into a KMS GRPC server', ['enj', 'npmccallum']],
    ['Note(@ericchiang): some open questions here', ['ericchiang']],
    ['s/@liggitt/@enj/ in sig-auth chairs (thread, PR)', ['liggitt', 'enj']],
    ['David Eads (@deads2k, Red Hat) stepping down as sig lead', ['deads2k']],
    [
      'Unanimous support from other leads (Jordan Liggitt, Red Hat; Eric Chiang, CoreOS)',
      ['Jordan Liggitt', 'Eric Chiang'],
    ],
    ['Exec auth plugin - Beta requirements (awly@)', ['awly']],
    ['@x13n: make umbrella issue for audit work', ['x13n']],
    ['[Saad Ali] Cancelled due to U.S. Thanksgiving Holiday', ['Saad Ali']],
    ['[@pbarker] Dynamic audit PRs are up (@pbarker)', ['pbarker']],
    // Not people.
    ['[WIP] sidecar containers', []],
    ['[Update] kubernetes/community#911 reduce scope of node on taints/labels (sig-node)', []],
    ['[Please add any PRs that need attention here]', []],
    ['Video: [who] [link]', []],
    ['[liggitt] Proposed sig-auth chair change (thread)', ['liggitt']],
    ['Documenting the KMS encryption provider (Issue, PR).', []],
    ['NO SIG AUTH (busy with release)', []],
    ['server rotation promoted to beta in 1.12 (kubelet-only, must bring own approver)', []],
    ['Preference for well-known labels and prefixes (zero-config)', []],
    ['Deletion of bound object (pod, secret, service account, etc)', []],
    ['Requester expiration time (if specified)', []],
    ['@tallclair will open issue proposing abuse limit (~8k, etc)', ['tallclair']],
    ['(FYI) cAdvisor APIs deprecation', []],
    ['(AI: Chris, Paris reach out to OSMI ) Offer counseling services.', []],
    ['please send Tim and Jordan an email at kubernetes-sig-auth-leads@googlegroups.com', []],
    ['Nikhil Bhatia @ Microsoft - Demo for Kubernetes Policy Controller', []],
    ['see https://medium.com/@someone/post for details', []],
    ['State of Kubernetes Security: Mon, December 10, 10:00am – 10:30am (contributors summit)', []],
    ['Code freeze November 15th (middle of kubecon China)', []],
    ['RBAC and PSP in audit - #58143', []],
    ['', []],
  ];
  it.each(cases)('%j', (text, people) => expect(peopleIn(text)).toEqual(people));

  it('keeps the first spelling of a name written twice', () => {
    expect(peopleIn('[clayton] pull secrets, as @Clayton said')).toEqual(['clayton']);
  });
});

describe('peopleInTag', () => {
  it('lets square brackets and leading tags hold bare handles, but not a trailing aside', () => {
    expect(peopleInTag('[tallclair]', 'end')).toEqual(['tallclair']);
    expect(peopleInTag('(kksriram)', 'start')).toEqual(['kksriram']);
    expect(peopleInTag('(tallclair)', 'end')).toEqual([]);
    expect(peopleInTag('(Tim St. Clair)', 'end')).toEqual(['Tim St. Clair']);
    expect(peopleInTag('(Google)', 'end')).toEqual([]);
    expect(peopleInTag('[]', 'start')).toEqual([]);
  });
});

describe('mentionsIn', () => {
  it('skips addresses and URLs', () => {
    expect(mentionsIn('ping @alice, mail bob@example.com, see https://x.io/@carol and @dave.')).toEqual([
      'alice',
      'dave',
    ]);
  });
});
