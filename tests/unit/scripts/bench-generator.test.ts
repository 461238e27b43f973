// @vitest-environment happy-dom
// The benchmark's synthetic agendas: N meetings with unique dates, the same document for the same seed,
// and both renderings read back by the parser as N meetings.
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../../lib/agenda/parse';
import { generateAgenda, meetingDates, renderAgenda, seedAgenda } from '../../bench/generate-agenda';
import { joinAgenda, readSeed } from '../../bench/seed-templates';

const N = 60;
const URLS = {
  gdocs: 'https://docs.google.com/document/d/1synthetic-agenda-document-id/export?format=html',
  github: 'https://github.com/kubernetes/community/blob/master/sig-auth/meeting-notes.md',
} as const;

function parse(html: string, url: string) {
  return parseAgenda(new DOMParser().parseFromString(html, 'text/html'), url);
}

describe('the seed as templates', () => {
  it('cuts the seed into its 26 meetings without losing a character', () => {
    const seed = seedAgenda();
    expect(seed.meetings).toHaveLength(26);
    expect(joinAgenda(seed.preamble, seed.meetings)).toBe(readSeed());
    expect(seed.people).toEqual(expect.arrayContaining(['pbarker', 'liggitt', 'tallclair', 'Clayton']));
  });
});

describe(`a synthetic agenda of ${N} meetings`, () => {
  const agenda = generateAgenda({ meetings: N, seed: 7 });

  it('has N meeting headings with unique dates, newest first, a week apart', () => {
    expect(agenda.dates).toHaveLength(N);
    expect(new Set(agenda.dates).size).toBe(N);
    expect([...agenda.dates].sort().reverse()).toEqual(agenda.dates);
    expect(agenda.dates[0]).toBe('2018-12-26');
    expect(agenda.dates[1]).toBe('2018-12-19');
    expect(agenda.markdown.match(/^## /gm)).toHaveLength(N);
  });

  it('is the same document for the same seed, and another for another seed', () => {
    expect(generateAgenda({ meetings: N, seed: 7 }).markdown).toBe(agenda.markdown);
    expect(generateAgenda({ meetings: N, seed: 8 }).markdown).not.toBe(agenda.markdown);
    expect(renderAgenda(agenda, 'gdocs')).toBe(renderAgenda(generateAgenda({ meetings: N, seed: 7 }), 'gdocs'));
  });

  it('keeps the seed text in the first round of templates and varies references after it', () => {
    const seed = seedAgenda();
    const bodies = agenda.markdown.split(/^## .*$/m).slice(1);
    // Each piece between headings is the newline that ends the heading line, the body, and the newline before the next.
    expect(bodies.slice(0, 26)).toEqual(seed.meetings.map((m) => `\n${m.body}\n`));
    const refsIn = (text: string): Set<string> =>
      new Set(text.match(/github\.com\/[\w.-]+\/[\w.-]+\/(?:pull|issues)\/\d+/g) ?? []);
    const seedRefs = refsIn(readSeed());
    const later = refsIn(bodies.slice(26).join('\n'));
    // 34 more meetings (a round and a third of the templates), with fresh numbers: more references than the seed, all new.
    expect(later.size).toBeGreaterThan(seedRefs.size);
    expect([...later].filter((ref) => seedRefs.has(ref)).length).toBeLessThan(later.size / 10);
  });

  it('goes back every other week when asked, and refuses dates before 1900', () => {
    expect(meetingDates('2018-12-26', 3, 14)).toEqual(['2018-12-26', '2018-12-12', '2018-11-28']);
    expect(() => generateAgenda({ meetings: 5000, cadenceDays: 14 })).toThrow(/before 1900/);
  });

  it.each(['gdocs', 'github'] as const)(
    'reads back as %s: N meetings with the generated dates as keys',
    (rendering) => {
      const parsed = parse(renderAgenda(agenda, rendering), URLS[rendering]);
      expect(parsed.meetings.map((m) => m.key)).toEqual(agenda.dates);
      expect(parsed.problems).toEqual([]);
      // The templates' structure comes through: canceled meetings, sections, people and references.
      expect(parsed.meetings.filter((m) => m.canceled).length).toBeGreaterThanOrEqual(12);
      const items = parsed.meetings.flatMap((m) => m.sections.flatMap((s) => s.items));
      expect(items.some((i) => i.refs.length > 0)).toBe(true);
      expect(items.some((i) => i.people.length > 0)).toBe(true);
    },
  );
});
