import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

// Vitest 5's reporter calls Map.groupBy (Node 21+) when it prints failures; on Node 20 give it one,
// or a failing test would crash the report instead of showing what failed.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function groupBy<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const key = keyOf(item, index++);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  };
}

export default defineConfig({
  plugins: [preact()],
  // The same `@/` the app's code uses (WXT's alias for the project root), so a test imports a component as the app does.
  resolve: { alias: { '@/': `${fileURLToPath(new URL('./', import.meta.url))}` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          // Pure logic runs in Node; a test that needs a DOM says `// @vitest-environment happy-dom` at its top.
          environment: 'node',
        },
      },
      {
        extends: true,
        // The end-to-end tests drive one real Chromium each; run the files one at a time on a 2-core machine.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // A browser, a page and a panel on two busy cores: give polled expectations time.
          expect: { poll: { timeout: 8_000, interval: 100 } },
        },
      },
      {
        extends: true,
        // The same journeys in Firefox ESR (puppeteer-core over WebDriver BiDi), one browser at a time.
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
