// The floor of the panel's first render: a minimal extension page (floor-page/) added to the extension the bench
// loads, opened like the panel (`bench-floor.html?tab=<id>`). The store build never holds it: it is copied into
// the bench's own build, or into a copy of the test build under --no-build.
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FLOOR_DIR = resolve(import.meta.dirname, 'floor-page');
const FLOOR_FILES = ['bench-floor.html', 'bench-floor.js'];
export const FLOOR_PAGE = 'bench-floor.html';

/** Adds the floor page to the extension in `dir` (a build of the bench's own). */
export function addFloorPage(dir: string): void {
  for (const file of FLOOR_FILES) copyFileSync(join(FLOOR_DIR, file), join(dir, file));
}

/** A copy of the extension in `dir` with the floor page added, so that a shared build is left as it was. */
export function copyWithFloorPage(dir: string): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'agenda-overlay-bench-floor-'));
  const copy = join(root, 'extension');
  cpSync(dir, copy, { recursive: true });
  addFloorPage(copy);
  return { dir: copy, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function floorPageUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/${FLOOR_PAGE}?tab=${tabId}`;
}
