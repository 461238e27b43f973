// Shared by the panel's tests: the seed parsed as GitHub renders it.
import type { Agenda } from '../../../lib/agenda/model';
import { parseAgenda } from '../../../lib/agenda/parse';
import { renderGithubHtml } from '../../../scripts/render/markdown-to-github-html';
import { readSeed } from '../../support/fixtures';

/** The seed agenda as GitHub renders it. Needs a DOM: the test file must run in happy-dom. */
export function parseSeed(): Agenda {
  const html = renderGithubHtml(readSeed(), { title: 'meeting-notes-2018.md' });
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return parseAgenda(doc, 'https://github.com/kubernetes/community/blob/master/sig-auth/archive/meeting-notes-2018.md');
}
