// The claim list with thousands of claims: only the rows near the visible part are in the DOM, each says its place
// in the whole list, and the keyboard reaches every claim.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticClaims } from '../../scripts/bench/synthetic-claims.ts';
import { recordPage, STORY_FOLDER, useBuiltApp, waitForMapIdle } from './harness.ts';

const CLAIMS = 5000;

describe('a long claim list', () => {
  // The built app with a generated claims file of 5,000 valid claims (scripts/bench/synthetic-claims.ts).
  const app = useBuiltApp({
    data: () => {
      const originals = JSON.parse(readFileSync(STORY_FOLDER.paths.claims, 'utf8'));
      return { claims: JSON.stringify(syntheticClaims(originals, CLAIMS, STORY_FOLDER.manifest)) };
    },
  });

  it('reads and validates the claims file in a worker, not on the page’s thread', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    await page.goto(`${app.origin}/`);
    await waitForMapIdle(page, log, 60_000);
    expect(
      workers.some((path) => /\/story-worker-[\w-]+\.js$/.test(path)),
      workers.join(', '),
    ).toBe(true);
    // Keyboard targets on the map only for claims in view, and never thousands (each is a DOM marker).
    const targets = await page.locator('.map-claim-target').count();
    expect(targets).toBeGreaterThan(0);
    expect(targets).toBeLessThanOrEqual(60);
    // What the worker kept is what the page shows: every generated claim (they are all valid).
    await expect
      .poll(() => page.locator('ol.claim-list > li[data-claim]').first().getAttribute('aria-setsize'))
      .toBe(String(CLAIMS));
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('draws only the rows near the visible part, sized and numbered for assistive technology', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${app.origin}/`);
    await waitForMapIdle(page, log, 60_000);
    const rows = page.locator('ol.claim-list > li[data-claim]');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await rows.count()).toBeLessThan(60);
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(CLAIMS));
    expect(await rows.first().getAttribute('aria-posinset')).toBe('1');
    // One tab stop: the first row; the arrow keys and End move through every claim.
    const first = page.locator('ol.claim-list button[tabindex="0"]');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const position = () =>
      page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset') ?? null);
    await expect.poll(position).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(position).toBe(String(CLAIMS));
    expect(await rows.count()).toBeLessThan(60);
    await page.keyboard.press('Enter');
    await page.locator('article.claim-card').waitFor();
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });
});
