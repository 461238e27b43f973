// The real documents the tests, the demo and the bench read: tests/fixtures/, copied in with their sources and
// licences listed in NOTICE. Nothing outside the repository is read.
import { readFileSync } from 'node:fs';
// Node's own URL: under happy-dom the global URL resolves file: URLs against http://localhost.
import { URL as NodeURL, fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new NodeURL('../fixtures/', import.meta.url));

/** The absolute path of `relative` inside tests/fixtures. */
export function fixturePath(relative: string): string {
  return FIXTURES + relative;
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** The reference document: SIG Auth's 2018 agenda as archived in kubernetes/community (26 meetings, 6 canceled). */
export const SEED_PATH = fixturePath('agendas/sig-auth_archive_meeting-notes-2018.md');

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}
