// The GitHub address of an archive the user pastes: folders and Markdown files on github.com (or the GitHub
// Enterprise host the API base points at) are read into owner, repository, ref and path; anything else is a
// problem in words. Hostile text (other schemes, other hosts, `..`, very long strings) never becomes a source.
import { describe, expect, it } from 'vitest';
import {
  MAX_ADDRESS_LENGTH,
  isArchiveSource,
  parseArchiveAddress,
  sourceFileUrl,
  sourceKey,
  sourceName,
  sourceUrl,
  webHostOf,
  type ArchiveSource,
} from '../../../lib/history/archive-address';
import { contentsPath } from '../../../lib/history/contents-service';

const folder = (over: Partial<ArchiveSource> = {}): ArchiveSource => ({
  host: 'github.com',
  owner: 'acme',
  repo: 'widgets',
  ref: 'main',
  path: 'meetings/notes',
  kind: 'folder',
  ...over,
});

describe('parseArchiveAddress: addresses that are archives', () => {
  it.each<[string, ArchiveSource]>([
    ['https://github.com/acme/widgets/tree/main/meetings/notes', folder()],
    ['  https://github.com/acme/widgets/tree/main/meetings/notes/  ', folder()],
    ['http://github.com/acme/widgets/tree/main/meetings/notes', folder()],
    ['https://www.github.com/acme/widgets/tree/main/meetings/notes', folder()],
    ['https://GitHub.com/acme/widgets/tree/main/meetings/notes?plain=1#readme', folder()],
    ['https://github.com/acme/widgets/tree/main', folder({ path: '' })],
    ['https://github.com/acme/widgets/tree/v1.2.0/notes', folder({ ref: 'v1.2.0', path: 'notes' })],
    [
      'https://github.com/acme/widgets/blob/main/meetings/notes/weekly-2018.md',
      folder({ path: 'meetings/notes/weekly-2018.md', kind: 'file' }),
    ],
    [
      'https://github.com/acme/widgets/blob/main/Meeting%20Notes/2024.markdown#june-5-2024',
      folder({ path: 'Meeting Notes/2024.markdown', kind: 'file' }),
    ],
    [
      'https://github.com/kubernetes/community/tree/master/sig-auth/archive',
      folder({ owner: 'kubernetes', repo: 'community', ref: 'master', path: 'sig-auth/archive' }),
    ],
  ])('%s', (input, source) => {
    expect(parseArchiveAddress(input)).toEqual({ ok: true, source });
  });

  it('takes a GitHub Enterprise address when the API base is on that host, and only then', () => {
    const host = webHostOf('https://ghe.example.com/api/v3');
    expect(host).toBe('ghe.example.com');
    expect(parseArchiveAddress('https://ghe.example.com/acme/widgets/tree/main/notes', host)).toEqual({
      ok: true,
      source: folder({ host: 'ghe.example.com', path: 'notes' }),
    });
    expect(parseArchiveAddress('https://ghe.example.com/acme/widgets/tree/main/notes')).toEqual({
      ok: false,
      problem: 'ghe.example.com is not GitHub. Paste an address on github.com.',
    });
    expect(parseArchiveAddress('https://github.com/acme/widgets/tree/main/notes', host)).toEqual({
      ok: false,
      problem: 'github.com is not GitHub. Paste an address on ghe.example.com (the GitHub the options point at).',
    });
  });

  it.each([
    ['https://api.github.com', 'github.com'],
    ['https://ghe.example.com:8443/api/v3/', 'ghe.example.com:8443'],
    ['http://127.0.0.1:4000', 'github.com'],
    ['', 'github.com'],
    ['not an address', 'github.com'],
  ])('the web host of the API base %j is %s', (apiBase, host) => {
    expect(webHostOf(apiBase)).toBe(host);
  });
});

describe('parseArchiveAddress: everything else, in words', () => {
  const long = `https://github.com/acme/widgets/tree/main/${'a/'.repeat(MAX_ADDRESS_LENGTH)}`;
  it.each<[string, string, string]>([
    ['empty', '   ', 'Paste the address of an archive folder or a Markdown file on GitHub'],
    [
      'javascript:',
      'javascript:alert(document.cookie)//github.com/a/b/tree/main/x',
      'that one is a javascript: address',
    ],
    ['JavaScript: in capitals', 'JaVaScRiPt:alert(1)', 'that one is a javascript: address'],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'that one is a data: address'],
    ['file:', 'file:///etc/passwd', 'that one is a file: address'],
    ['no scheme', 'github.com/acme/widgets/tree/main/notes', 'That is not a web address'],
    ['an owner/repo only', 'acme/widgets', 'That is not a web address'],
    ['another host', 'https://gitlab.com/acme/widgets/-/tree/main/notes', 'gitlab.com is not GitHub'],
    [
      'a look-alike host',
      'https://github.com.evil.example/acme/widgets/tree/main/x',
      'github.com.evil.example is not GitHub',
    ],
    ['a port', 'https://github.com:8080/acme/widgets/tree/main/x', 'github.com:8080 is not GitHub'],
    [
      'raw files',
      'https://raw.githubusercontent.com/acme/widgets/main/x.md',
      'raw.githubusercontent.com is not GitHub',
    ],
    [
      'user and password',
      'https://me:secret@github.com/acme/widgets/tree/main/x',
      'Leave the user name and password out',
    ],
    ['.. in the path', 'https://github.com/acme/widgets/tree/main/notes/../../../../settings', '“..” or “.”'],
    ['.. encoded', 'https://github.com/acme/widgets/tree/main/notes/%2e%2e/secrets', '“..” or “.”'],
    ['.. at the end', 'https://github.com/acme/widgets/tree/main/..', '“..” or “.”'],
    ['a lone .', 'https://github.com/acme/widgets/tree/main/./notes', '“..” or “.”'],
    ['an encoded slash', 'https://github.com/acme/widgets/tree/main/a%2F..%2Fb', 'does not ask GitHub for a path with'],
    ['a backslash', 'https://github.com/acme/widgets/tree/main/a\\..\\b', 'backslash'],
    ['a line break', 'https://github.com/acme/widgets/tree/main/a\nb', 'control character'],
    ['a broken escape', 'https://github.com/acme/widgets/tree/main/%E0%A4%A', 'broken %-escape'],
    [
      'a hidden folder',
      'https://github.com/acme/widgets/tree/main/.github',
      'does not ask GitHub for a path with “.github”',
    ],
    ['GitHub itself', 'https://github.com/', 'not a repository’s folder or file'],
    ['a user page', 'https://github.com/acme', 'not a repository’s folder or file'],
    ['a repository page', 'https://github.com/acme/widgets', 'That is the address of acme/widgets, not of a folder'],
    ['an issue', 'https://github.com/acme/widgets/issues/12', 'acme/widgets’s “issues” page'],
    ['no ref', 'https://github.com/acme/widgets/tree', 'names no branch or tag'],
    ['a ref with ..', 'https://github.com/acme/widgets/tree/a..b/notes', '“a..b” is not a branch'],
    ['a bad owner', 'https://github.com/-acme/widgets/tree/main/x', '“-acme” is not a GitHub user'],
    ['a bad repo', 'https://github.com/acme/wid%20gets/tree/main/x', '“wid gets” is not a repository name'],
    ['a file that is not Markdown', 'https://github.com/acme/widgets/blob/main/notes/2018.pdf', 'Only Markdown files'],
    ['blob without a file', 'https://github.com/acme/widgets/blob/main', 'names no file'],
    ['very long', long, 'too long for a GitHub address'],
    ['very long without a scheme', 'a'.repeat(1_000_000), 'too long for a GitHub address'],
  ])('%s', (_name, input, words) => {
    const reading = parseArchiveAddress(input);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toContain(words);
  });

  it('quotes at most 40 characters of what it cannot read', () => {
    const reading = parseArchiveAddress(`https://github.com/acme/${'r'.repeat(150)}/tree/main/x`);
    expect(reading).toEqual({ ok: false, problem: `“${'r'.repeat(40)}…” is not a repository name.` });
  });

  it('reads a hostile long address in linear time', () => {
    const started = performance.now();
    for (const n of [10_000, 100_000]) {
      parseArchiveAddress(`https://github.com/${'/.'.repeat(n)}`);
      parseArchiveAddress(`https://github.com/a/b/tree/main/${'%2e'.repeat(n / 3)}`);
    }
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('what a source is called and where it is', () => {
  const source = folder({ path: 'Meeting Notes', ref: 'v1.0' });
  it('names it, links it, keys it', () => {
    expect(sourceName(source)).toBe('acme/widgets › Meeting Notes');
    expect(sourceName(folder({ path: '', host: 'ghe.example.com' }))).toBe('ghe.example.com: acme/widgets');
    expect(sourceUrl(source)).toBe('https://github.com/acme/widgets/tree/v1.0/Meeting%20Notes');
    expect(sourceUrl(folder({ path: '' }))).toBe('https://github.com/acme/widgets/tree/main');
    expect(sourceFileUrl(source, 'Meeting Notes/2018.md')).toBe(
      'https://github.com/acme/widgets/blob/v1.0/Meeting%20Notes/2018.md',
    );
    expect(sourceKey(source)).toBe('github.com/acme/widgets@v1.0:Meeting Notes');
  });

  it('asks the contents endpoint with the ref, each name encoded', () => {
    expect(contentsPath({ path: 'Meeting Notes/2018.md', repo: { owner: 'acme', repo: 'widgets', ref: 'v1.0' } })).toBe(
      '/repos/acme/widgets/contents/Meeting%20Notes/2018.md?ref=v1.0',
    );
    expect(contentsPath({ path: '', repo: { owner: 'acme', repo: 'widgets', ref: 'main' } })).toBe(
      '/repos/acme/widgets/contents?ref=main',
    );
    expect(contentsPath({ path: 'sig-auth/archive' })).toBe('/repos/kubernetes/community/contents/sig-auth/archive');
  });

  it('checks a stored source again when it is read back', () => {
    expect(isArchiveSource(source)).toBe(true);
    expect(isArchiveSource({ ...source, path: '../x' })).toBe(false);
    expect(isArchiveSource({ ...source, host: 'evil.example/x' })).toBe(false);
    expect(isArchiveSource({ ...source, kind: 'exec' })).toBe(false);
    expect(isArchiveSource({ ...source, path: '', kind: 'file' })).toBe(false);
    expect(isArchiveSource(null)).toBe(false);
  });
});
