// @vitest-environment happy-dom
// SIG Storage writes its sections as top-level bullets under "Agenda/Notes", with the items under them, and leaves
// the template's "[Please add any PRs that need attention here]" in every meeting. Read off the 2017 archive
// (kubernetes/community, sig-storage/archive/meeting-notes-2017.md).
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../support/fixtures';
import { meeting, parseGdocs, parseGithub } from './helpers';

const FILE = 'sig-storage_archive_meeting-notes-2017.md';
const markdown = readFixture(`agendas/${FILE}`);

describe.each([
  ['GitHub', parseGithub(markdown, FILE)],
  ['Google Docs', parseGdocs(markdown, '')],
])('SIG Storage 2017 as rendered by %s', (_name, result) => {
  const sections = (key: string) =>
    meeting(result, key).sections.map((s) => [s.kind, s.items.map((i) => i.text.slice(0, 40))]);

  it('reads "PRs to discuss" and "Design Review" under "Agenda/Notes" as sections of their kinds', () => {
    expect(sections('2017-11-09')).toEqual([
      [
        'discussion',
        [
          '[Saad Ali, 20 minutes] 1.9 Q4 Planning',
          '[Saad Ali] Kubernetes CSI Implementation',
          'Kubecon Storage-SIG planning (AMA)',
        ],
      ],
      ['pulls', ['Fix dangling volumes - https://github.co']],
      ['designs', ['[Sandeep Pissay, 20 mins] Review proposa', '[Yunwen Bai, 5 minutes] Dynamically prov']],
    ]);
  });

  it('leaves out a label whose only line is the template asking to add one', () => {
    expect(sections('2017-12-14').map(([kind]) => kind)).toEqual(['discussion']);
  });
});
