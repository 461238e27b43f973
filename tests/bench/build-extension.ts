// Builds the extension for the benchmark into a folder of its own (WXT's `build({ outDir })`), so that a
// bench run never swaps `.output/` under an end-to-end test running beside it. WXT's log goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const BUILD_TIMEOUT_MS = 300_000;

export interface BuiltExtension {
  /** The unpacked Chrome MV3 extension, built to read pages on 127.0.0.1 (the bench serves its agendas there). */
  dir: string;
  remove(): void;
}

export function buildExtension(): BuiltExtension {
  const outDir = mkdtempSync(join(tmpdir(), 'agenda-overlay-bench-build-'));
  const remove = (): void => rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { build } = await import('wxt'); await build({ outDir: process.argv[1], mode: 'test' });",
      outDir,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 2, 2], timeout: BUILD_TIMEOUT_MS, env: { ...process.env, FORCE_COLOR: '0' } },
  );
  const dir = join(outDir, 'chrome-mv3-test');
  if (result.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    remove();
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(`The extension did not build (${why}); see WXT's output above.`);
  }
  return { dir, remove };
}
