// The panel looked at in light and in dark mode: a screenshot of each when asked, and no serious or critical
// accessibility violation in either. It is left in light mode.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';
import { settle } from './pointer';

export interface SchemeShots {
  /** Written as `<path>-light.png` and `<path>-dark.png`. */
  path: string;
  clip: { x: number; y: number; width: number; height: number };
}

export async function checkBothSchemes(panel: Page, shots?: SchemeShots): Promise<void> {
  if (shots) mkdirSync(dirname(shots.path), { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await settle(panel);
    if (shots) await panel.screenshot({ path: `${shots.path}-${scheme}.png`, clip: shots.clip });
    expect(await seriousViolations(panel)).toEqual([]);
  }
  await panel.emulateMedia({ colorScheme: 'light' });
}
