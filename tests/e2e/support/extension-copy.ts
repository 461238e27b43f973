// A copy of a built extension whose manifest grants some hosts at install, as if the reader had allowed them:
// browsers only ask through a dialog that no test can answer. The code is the build's, unchanged.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ExtensionCopy {
  dir: string;
  remove(): void;
}

export function extensionCopyGranting(sourceDir: string, hostPermissions: string[]): ExtensionCopy {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-overlay-granted-'));
  cpSync(sourceDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = hostPermissions;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
