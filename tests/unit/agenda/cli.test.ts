// @vitest-environment happy-dom
// `npm run parse -- FILE`, run for real in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../../lib/agenda/model';
import { SEED_PATH } from '../../support/fixtures';
import { REPO } from './helpers';

const run = promisify(execFile);
const TSX = join(REPO, 'node_modules/.bin/tsx');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function parseCli(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/parse.ts', ...args], {
      cwd: REPO,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('scripts/parse.ts', { timeout: 60_000 }, () => {
  it('prints the seed as an Agenda in JSON', async () => {
    const { code, stdout, stderr } = await parseCli(SEED_PATH);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\{\n {2}"id": /); // two-space indent
    const agenda = JSON.parse(stdout) as Agenda;
    expect(agenda.source).toBe('github-markdown');
    expect(agenda.url).toBe(
      'https://github.com/kubernetes/community/blob/master/sig-auth_archive_meeting-notes-2018.md',
    );
    expect(agenda.meetings).toHaveLength(26);
    expect(agenda.meetings.filter((m) => m.canceled).map((m) => m.key)).toEqual([
      '2018-12-26',
      '2018-12-12',
      '2018-11-14',
      '2018-09-05',
      '2018-05-02',
      '2018-03-07',
    ]);
    const m = agenda.meetings.find((x) => x.key === '2018-10-31');
    expect(m?.recording).toBe('https://youtu.be/xfj8wG4aG_0');
    const item = m?.sections.find((s) => s.kind === 'discussion')?.items[1];
    expect(item).toMatchObject({
      text: '[liggitt] node self-labeling resolution',
      links: [
        {
          href: 'https://github.com/kubernetes/community/pull/911#issuecomment-434757411',
          text: 'node self-labeling resolution',
        },
      ],
      refs: ['kubernetes/community#911'],
      people: ['liggitt'],
    });
    expect(item?.children).toHaveLength(1);
  });

  it('reads an .html file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-cli-'));
    const file = join(dir, 'notes-2019.html');
    writeFileSync(
      file,
      '<h2 id="h.a">Jan 8</h2><ul class="lst-kix_z-0"><li>Hello <a href="javascript:x">x</a></li></ul>',
    );
    const { code, stdout } = await parseCli(file);
    expect(code).toBe(0);
    const agenda = JSON.parse(stdout) as Agenda;
    expect(agenda.source).toBe('gdocs-html');
    expect(agenda.meetings.map((x) => x.key)).toEqual(['2019-01-08']);
    expect(agenda.problems).toEqual([]);
    expect(agenda.years).toMatchObject({
      inferred: 1,
      method: 'named',
      how: 'from the year in the page address (2019)',
    });
    expect(agenda.meetings[0]?.sections[0]?.items[0]).toMatchObject({ text: 'Hello x', links: [] });
  });

  const failures: [string, () => string, RegExp][] = [
    ['a missing file', () => join(tmpdir(), 'no-such-agenda-file.md'), /no such file/],
    ['a directory', () => mkdtempSync(join(tmpdir(), 'agenda-dir-')), /is a directory/],
    ['an unsupported extension', () => writeTemp('agenda.pdf', '%PDF-1.4'), /expected an \.html or \.md file/],
    ['a binary file', () => writeTemp('agenda.html', Buffer.from([0x3c, 0x68, 0, 1, 2, 3])), /not a text file/],
  ];
  it.each(failures)('fails with one line on stderr and exit code 1 for %s', async (_name, path, message) => {
    const { code, stdout, stderr } = await parseCli(path());
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('fails without a file', async () => {
    const { code, stderr } = await parseCli();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^usage: /);
  });
});

function writeTemp(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'agenda-cli-')), name);
  writeFileSync(file, content);
  return file;
}
