// Screenshot comparisons: the app and the embed at phone and desktop widths, light and dark, against reference images
// kept in tests/browser/reference/. A change that alters what a reader sees fails here until the references are
// updated on purpose: `npm run test:update-screenshots` (then look at the new images before committing them).
//
// Images are compared at half resolution (2×2 pixels averaged), which keeps the files small and smooths the
// antialiasing jitter of software WebGL. A pixel differs when a channel is off by more than PIXEL_TOLERANCE; a
// screenshot fails when more than SHARE_TOLERANCE of its pixels differ. Two runs on the same machine agreed
// within both (see the commit that added this file); a moved label or marker, or a changed colour, does not.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, recordPage, SCREENSHOTS, useBuiltApp, waitForMapIdle } from './harness.ts';

const REFERENCE = join(ROOT, 'tests/browser/reference');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const PIXEL_TOLERANCE = 48;
const SHARE_TOLERANCE = 0.006;

type Scheme = 'light' | 'dark';
const CASES: { name: string; path: string; width: number; height: number; scheme: Scheme }[] = [];
for (const scheme of ['light', 'dark'] as const) {
  for (const [width, height] of [
    [360, 740],
    [390, 844],
    [1280, 800],
  ])
    CASES.push({
      name: `app-${width}x${height}-${scheme}`,
      path: `/?theme=${scheme}`,
      width,
      height,
      scheme,
    });
  for (const [width, height] of [
    [390, 844],
    [700, 900],
  ])
    CASES.push({
      name: `embed-${width}x${height}-${scheme}`,
      path: `/embed.html?theme=${scheme}`,
      width,
      height,
      scheme,
    });
}

/** Averages 2×2 blocks: half the width and height. */
function halve(png: PNG): PNG {
  const out = new PNG({ width: Math.floor(png.width / 2), height: Math.floor(png.height / 2) });
  for (let y = 0; y < out.height; y++)
    for (let x = 0; x < out.width; x++)
      for (let c = 0; c < 4; c++) {
        let sum = 0;
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ])
          sum += png.data[((2 * y + (dy as number)) * png.width + 2 * x + (dx as number)) * 4 + c] as number;
        out.data[(y * out.width + x) * 4 + c] = Math.round(sum / 4);
      }
  return out;
}

/** The share of pixels that differ beyond the tolerance, and an image marking them in red. */
function compare(actual: PNG, reference: PNG): { share: number; diff: PNG } {
  if (actual.width !== reference.width || actual.height !== reference.height)
    return { share: 1, diff: actual };
  const diff = new PNG({ width: actual.width, height: actual.height });
  let differing = 0;
  for (let i = 0; i < actual.data.length; i += 4) {
    let off = false;
    for (let c = 0; c < 3; c++)
      if (Math.abs((actual.data[i + c] as number) - (reference.data[i + c] as number)) > PIXEL_TOLERANCE)
        off = true;
    if (off) differing++;
    const grey = Math.round(
      ((actual.data[i] as number) + (actual.data[i + 1] as number) + (actual.data[i + 2] as number)) / 6,
    );
    diff.data.set(off ? [255, 0, 0, 255] : [grey + 128, grey + 128, grey + 128, 255], i);
  }
  return { share: differing / (actual.width * actual.height), diff };
}

/** Waits until the map has settled and the page's text has stopped changing (figures measured, lists drawn). */
async function steady(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const text = await page.evaluate(() => document.body.innerText);
    if (text === last && !text.includes('…')) break;
    last = text;
    await page.waitForTimeout(500);
  }
  await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle');
}

describe('screenshots against the references', () => {
  const app = useBuiltApp();
  beforeAll(() => {
    mkdirSync(REFERENCE, { recursive: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  for (const { name, path, width, height, scheme } of CASES) {
    it(`${name} matches tests/browser/reference/${name}.png`, async () => {
      const page = await app.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      const log = recordPage(page);
      await page.goto(`${app.origin}${path}`);
      await waitForMapIdle(page, log, 60_000);
      await steady(page);
      const actual = halve(PNG.sync.read(await page.screenshot()));
      await page.close();
      const file = join(REFERENCE, `${name}.png`);
      if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`${file} is missing: run npm run test:update-screenshots`);
        writeFileSync(file, PNG.sync.write(actual, { colorType: 2 }));
        return;
      }
      const { share, diff } = compare(actual, PNG.sync.read(readFileSync(file)));
      if (share > SHARE_TOLERANCE) {
        writeFileSync(join(SCREENSHOTS, `${name}-actual.png`), PNG.sync.write(actual));
        writeFileSync(join(SCREENSHOTS, `${name}-diff.png`), PNG.sync.write(diff));
      }
      expect(
        share,
        `${(share * 100).toFixed(2)} % of pixels differ (see test-results/screenshots/${name}-diff.png); ` +
          'if the change is intended, run npm run test:update-screenshots and look at the new images',
      ).toBeLessThanOrEqual(SHARE_TOLERANCE);
      expect(log.consoleErrors).toEqual([]);
    });
  }
});
