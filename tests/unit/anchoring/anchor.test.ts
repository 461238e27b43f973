import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { anchorFor, AnchorIndex, reattach, type ItemAnchor } from '../../../lib/anchoring/anchor';
import { locate, placeAll, targetFor, type AnchorTarget, type MeetingTarget } from '../../../lib/anchoring/target';
import { agenda, keyOf, linked, meeting, sigAuth, type MeetingSpec } from '../../support/agenda-builder';

const CSR = '[klizhentas] Discuss CSR API promotion out of beta https://github.com/kubernetes/kubernetes/issues/69836';
const TOKENS = '[mikedanese] moving service account token secret mounts to projected volumes';

function anchorOf(a: Agenda, date: string, fragment: string): ItemAnchor {
  const anchor = anchorFor(a, keyOf(a, date, fragment));
  if (!anchor) throw new Error('no anchor');
  return anchor;
}

/** sigAuth() with one meeting's discussion section replaced. */
function withDiscussion(date: string, discussion: NonNullable<MeetingSpec['sections']['discussion']>): MeetingSpec[] {
  return sigAuth().map((m) => (m.date === date ? { ...m, sections: { ...m.sections, discussion } } : m));
}

describe('anchorFor', () => {
  it('records date, section, normalised text, refs, links and neighbours', () => {
    const a = agenda(sigAuth());
    expect(anchorOf(a, '2018-10-31', 'node self-labeling')).toEqual({
      meetingDate: '2018-10-31',
      sectionKind: 'discussion',
      text: 'liggitt node self labeling resolution',
      refs: ['kubernetes/community#911'],
      links: ['github.com/kubernetes/community/pull/911'],
      prev: 'klizhentas discuss csr api promotion out of beta',
      next: 'mikedanese moving service account token secret mounts to projected volumes',
    });
  });

  it('records the parent of a nested item, and no neighbour past the edges', () => {
    const a = agenda(sigAuth());
    const anchor = anchorOf(a, '2018-10-31', 'API shape');
    expect(anchor.parent).toBe('klizhentas discuss csr api promotion out of beta');
    expect(anchor.prev).toBeUndefined();
    expect(anchor.next).toBe('approval flow issues');
  });

  it('is null for an unknown key', () => {
    expect(anchorFor(agenda(sigAuth()), '2018-10-31/discussion/00000000')).toBeNull();
  });
});

describe('reattach', () => {
  it('finds the very item again, with score 1', () => {
    const a = agenda(sigAuth());
    const key = keyOf(a, '2018-10-31', 'klizhentas');
    expect(reattach(a, anchorOf(a, '2018-10-31', 'klizhentas'))).toEqual({ itemKey: key, score: 1 });
  });

  it('survives meetings added above', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'klizhentas');
    const after = agenda([
      meeting('2018-12-12', { discussion: ['Canceled in lieu of kubecon seattle SIG events'] }),
      meeting('2018-12-05', { discussion: ['Discuss CSR API follow-ups', 'TokenRequest API'] }),
      ...sigAuth(),
    ]);
    expect(reattach(after, anchor)).toEqual({ itemKey: keyOf(after, '2018-10-31', 'klizhentas'), score: 1 });
  });

  it('survives items reordered and inserted above it in its section', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'mikedanese');
    const after = agenda(
      withDiscussion('2018-10-31', [
        'A new topic inserted first',
        '[mikedanese] moving service account token secret mounts to projected volumes',
        linked('[liggitt] node self-labeling resolution', 'https://github.com/kubernetes/community/pull/911'),
        CSR,
      ]),
    );
    const found = reattach(after, anchor);
    expect(found?.itemKey).toBe(keyOf(after, '2018-10-31', 'mikedanese'));
    // Same text, date, section and links; only the neighbours differ.
    expect(found?.score).toBeGreaterThanOrEqual(0.9);
    expect(found?.score).toBeLessThan(1);
  });

  it('follows a small edit of the text, which changes the key', () => {
    const before = agenda(sigAuth());
    const oldKey = keyOf(before, '2018-10-31', 'mikedanese');
    const anchor = anchorOf(before, '2018-10-31', 'mikedanese');
    const after = agenda(
      withDiscussion('2018-10-31', [
        CSR,
        linked('[liggitt] node self-labeling resolution', 'https://github.com/kubernetes/community/pull/911'),
        '[mikedanese] Moving service-account token secret mounts into projected volumes',
      ]),
    );
    const newKey = keyOf(after, '2018-10-31', 'mikedanese');
    expect(newKey).not.toBe(oldKey);
    const found = reattach(after, anchor);
    expect(found?.itemKey).toBe(newKey);
    expect(found?.score).toBeGreaterThan(0.7);
  });

  it('follows an item moved to another section of the same meeting', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'mikedanese');
    const specs = withDiscussion('2018-10-31', [CSR]);
    const moved = specs.map((m) =>
      m.date === '2018-10-31' ? { ...m, sections: { ...m.sections, designs: [TOKENS] } } : m,
    );
    const after = agenda(moved);
    expect(reattach(after, anchor)?.itemKey).toBe(keyOf(after, '2018-10-31', 'mikedanese'));
    expect(keyOf(after, '2018-10-31', 'mikedanese')).toContain('/designs/');
  });

  it('gives null for a deleted item rather than picking a neighbour', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'node self-labeling');
    const after = agenda(withDiscussion('2018-10-31', [CSR, TOKENS]));
    expect(reattach(after, anchor)).toBeNull();
  });

  it('gives null for an item rewritten in the same place: links and neighbours alone are not enough', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'node self-labeling');
    const rewritten = linked('[liggitt] node restriction decision', 'https://github.com/kubernetes/community/pull/911');
    const after = agenda(withDiscussion('2018-10-31', [CSR, rewritten, TOKENS]));
    expect(reattach(after, anchor)).toBeNull();
  });

  it('gives null for a text half rewritten that also lost its link and moved section', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'node self-labeling');
    const specs = withDiscussion('2018-10-31', [CSR, TOKENS]).map((m) =>
      m.date === '2018-10-31'
        ? {
            ...m,
            sections: { ...m.sections, designs: ['node self-labeling resolution, round two with kubelet owners'] },
          }
        : m,
    );
    expect(reattach(agenda(specs), anchor)).toBeNull();
    // With its link kept, the same text is enough.
    const withLink = withDiscussion('2018-10-31', [CSR, TOKENS]).map((m) =>
      m.date === '2018-10-31'
        ? {
            ...m,
            sections: {
              ...m.sections,
              designs: [
                linked(
                  'node self-labeling resolution, round two with kubelet owners',
                  'https://github.com/kubernetes/community/pull/911',
                ),
              ],
            },
          }
        : m,
    );
    const after = agenda(withLink);
    expect(reattach(after, anchor)?.itemKey).toBe(keyOf(after, '2018-10-31', 'round two'));
  });

  it('does not jump to the same text in another meeting while its own meeting is still there', () => {
    const specs: MeetingSpec[] = [
      meeting('2018-11-14', { discussion: ['TokenRequest API status', 'Other topic'] }),
      meeting('2018-10-31', { discussion: ['TokenRequest API status', 'Something else entirely'] }),
    ];
    const before = agenda(specs);
    const anchor = anchorOf(before, '2018-10-31', 'TokenRequest');
    const after = agenda([specs[0] as MeetingSpec, meeting('2018-10-31', { discussion: ['Something else entirely'] })]);
    expect(reattach(after, anchor)).toBeNull();
    // Nor when its meeting is still there but emptied.
    const emptied = agenda([specs[0] as MeetingSpec, meeting('2018-10-31', {})]);
    expect(reattach(emptied, anchor)).toBeNull();
    // …and with both present, each anchor stays in its own meeting.
    expect(reattach(before, anchor)?.itemKey).toBe(keyOf(before, '2018-10-31', 'TokenRequest'));
    expect(reattach(before, anchorOf(before, '2018-11-14', 'TokenRequest'))?.itemKey).toBe(
      keyOf(before, '2018-11-14', 'TokenRequest'),
    );
  });

  it('searches the whole agenda when the meeting date itself was corrected', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-10-31', 'klizhentas');
    const after = agenda(sigAuth().map((m) => (m.date === '2018-10-31' ? { ...m, date: '2018-11-01' } : m)));
    const found = reattach(after, anchor);
    expect(found?.itemKey).toBe(keyOf(after, '2018-11-01', 'klizhentas'));
    expect(found?.score).toBeCloseTo(0.85, 2); // everything but the date
  });

  it('finds the item in another rendering: link text instead of the URL, a Google redirect link', () => {
    const github = agenda(sigAuth());
    const anchor = anchorOf(github, '2018-10-31', 'node self-labeling');
    const docs = agenda(
      withDiscussion('2018-10-31', [
        CSR,
        {
          text: '[liggitt] Node self-labeling resolution',
          links: [
            {
              href: 'https://www.google.com/url?q=https://github.com/kubernetes/community/pull/911%23issuecomment-434757411&sa=D',
              text: 'Node self-labeling resolution',
            },
          ],
        },
        TOKENS,
      ]),
    );
    expect(reattach(docs, anchor)).toEqual({ itemKey: keyOf(docs, '2018-10-31', 'liggitt'), score: 1 });
  });

  it('matches an item that is only a link by its link', () => {
    const before = agenda(sigAuth());
    const anchor = anchorOf(before, '2018-11-28', 'pull/71174');
    expect(anchor.text).toBe('');
    expect(reattach(before, anchor)?.itemKey).toBe(keyOf(before, '2018-11-28', 'pull/71174'));
    const after = agenda(
      sigAuth().map((m) =>
        m.date === '2018-11-28'
          ? {
              ...m,
              sections: {
                ...m.sections,
                discussion: [
                  {
                    text: '[Clayton] Something about bootstrapping',
                    children: ['https://github.com/kubernetes/kubernetes/pull/99999'],
                  },
                ],
              },
            }
          : m,
      ),
    );
    expect(reattach(after, anchor)).toBeNull();
  });

  it('breaks ties between identical items with the remembered key', () => {
    const a = agenda([meeting('2018-10-31', { pulls: ['.', '.', '.'] })]);
    const index = new AnchorIndex(a);
    const second = a.meetings[0]?.sections[0]?.items[1]?.key ?? '';
    expect(second).toMatch(/~2$/);
    const anchor = index.anchorFor(second) as ItemAnchor;
    // Its neighbours make the middle one the best match anyway; the hint agrees.
    expect(index.reattach(anchor, second)?.itemKey).toBe(second);
  });
});

describe('targets', () => {
  it('targets a meeting by key and finds it by date when its key changed', () => {
    const a = agenda(sigAuth());
    const target = targetFor(a, '2018-10-31') as MeetingTarget;
    expect(target).toEqual({
      kind: 'meeting',
      meetingKey: '2018-10-31',
      meetingDate: '2018-10-31',
      quote: '2018-10-31, 11a - Noon (Pacific Time)',
    });
    expect(locate(a, target)).toEqual({ key: '2018-10-31', score: 1, moved: false });
    expect(locate(a, { ...target, meetingKey: '2018-10-31#2' })).toEqual({ key: '2018-10-31', score: 1, moved: true });
    const without = agenda(sigAuth().filter((m) => m.date !== '2018-10-31'));
    expect(locate(without, target)).toBeNull();
  });

  it('targets an item with its anchor and quote', () => {
    const a = agenda(sigAuth());
    const key = keyOf(a, '2018-10-31', 'mikedanese');
    expect(targetFor(a, key)).toMatchObject({
      kind: 'item',
      itemKey: key,
      quote: TOKENS,
      anchor: { sectionKind: 'discussion' },
    });
    expect(targetFor(a, 'nothing')).toBeNull();
  });

  it('places many entries, keeping the ones it cannot place', () => {
    const before = agenda(sigAuth());
    const targets = ['klizhentas', 'node self-labeling', 'mikedanese'].map(
      (fragment) => targetFor(before, keyOf(before, '2018-10-31', fragment)) as AnchorTarget,
    );
    const after = agenda(withDiscussion('2018-10-31', [TOKENS, CSR]));
    const placement = placeAll(after, targets, (t) => t);
    expect([...placement.byKey.keys()].sort()).toEqual(
      [keyOf(after, '2018-10-31', 'klizhentas'), keyOf(after, '2018-10-31', 'mikedanese')].sort(),
    );
    expect(placement.detached).toEqual([targets[1]]);
  });
});

describe('at scale', () => {
  it('re-attaches 1,000 anchors in an agenda of 100,000 items, narrowing by meeting first', () => {
    const specs: MeetingSpec[] = [];
    for (let m = 0; m < 2000; m++) {
      const date = new Date(Date.UTC(2000, 0, 1) + m * 86_400_000).toISOString().slice(0, 10);
      const items = Array.from(
        { length: 50 },
        (_, i) => `topic ${m} number ${i} about feature${(m * 50 + i) % 997} and review`,
      );
      specs.push(meeting(date, { discussion: items }));
    }
    const big = agenda(specs);
    const index = new AnchorIndex(big);
    expect(index.items).toHaveLength(100_000);
    const keys = Array.from({ length: 1000 }, (_, n) => index.items[(n * 97) % index.items.length]?.item.key ?? '');
    const anchors = keys.map((key) => index.anchorFor(key) as ItemAnchor);
    const found = anchors.map((anchor) => index.reattach(anchor)?.itemKey);
    expect(found).toEqual(keys);
  });

  it('narrows a whole-agenda search by shared words', () => {
    const specs: MeetingSpec[] = [];
    for (let m = 0; m < 500; m++) {
      const date = new Date(Date.UTC(2000, 0, 1) + m * 86_400_000).toISOString().slice(0, 10);
      specs.push(
        meeting(date, { discussion: Array.from({ length: 40 }, (_, i) => `item ${i} of the meeting about things`) }),
      );
    }
    specs.push(meeting('2010-06-15', { discussion: ['Graduate TokenRequest projection to GA'] }));
    const index = new AnchorIndex(agenda(specs));
    const anchor = index.anchorFor(keyOf(index.agenda, '2010-06-15', 'TokenRequest')) as ItemAnchor;
    const found = index.reattach({ ...anchor, meetingDate: '2010-06-16' });
    expect(found?.itemKey).toBe(keyOf(index.agenda, '2010-06-15', 'TokenRequest'));
  });
});
