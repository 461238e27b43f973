// The demo agenda: the SIG Auth 2018 agenda (the reference document in ../shared/seed) rendered as Google Docs
// would export it, for `npm start` and the tests.
import { readFileSync } from 'node:fs';
// Node's own URL: under happy-dom the global URL resolves file: URLs against http://localhost.
import { URL as NodeURL } from 'node:url';
import { renderGdocsExport } from './markdown-to-gdocs-export';

const REPO_ROOT = new NodeURL('../../', import.meta.url);
const SEED = new NodeURL('../shared/seed/sig-auth-agenda-2018.md', REPO_ROOT);

export function demoAgendaHtml(): string {
  const seed = readFileSync(SEED, 'utf8');
  return renderGdocsExport(seed, { title: 'Kubernetes Sig-auth Meeting Agenda' });
}
