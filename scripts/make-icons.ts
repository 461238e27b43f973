// Draws the toolbar and store icons (public/icon/*.png) from one SVG, in headless Chromium.
// Run once after changing the drawing: `npx tsx scripts/make-icons.ts`.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './support/chromium';

// A document page with an index tab: three lines of agenda, one marked.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="14" y="8" width="88" height="112" rx="12" fill="#0969da"/>
  <rect x="24" y="30" width="58" height="10" rx="5" fill="#ffffff"/>
  <rect x="24" y="56" width="44" height="10" rx="5" fill="#ffffff" opacity="0.8"/>
  <rect x="24" y="82" width="52" height="10" rx="5" fill="#ffffff" opacity="0.8"/>
  <rect x="86" y="48" width="32" height="28" rx="6" fill="#fbbc05"/>
</svg>`;

const SIZES = [16, 32, 48, 128];
const OUT = resolve(import.meta.dirname, '../public/icon');

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style>${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}`,
  );
  await page.screenshot({ path: `${OUT}/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Wrote ${SIZES.map((s) => `${s}.png`).join(', ')} to ${OUT}`);
