// The demo agenda: the SIG Auth 2018 agenda (the reference document, tests/fixtures/agendas) rendered as Google Docs
// would export it, for `npm start` and the tests.
import { readSeed } from '../../tests/support/fixtures';
import { renderGdocsExport } from './markdown-to-gdocs-export';

export function demoAgendaHtml(): string {
  return renderGdocsExport(readSeed(), { title: 'Kubernetes Sig-auth Meeting Agenda' });
}
