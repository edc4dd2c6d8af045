// Past MAX_UNCERTAINTY_AREAS approximate positions shown at once, no dotted ring is drawn (for every side alike),
// the map says so, and showing one day or fewer sides brings the rings back.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syntheticClaims } from '../../scripts/bench/synthetic-claims.ts';
import type { ClaimFeature } from '../../src/data/types.ts';
import { uncertaintyAreas } from '../../src/geo/uncertainty.ts';
import { hasUncertaintyArea, MAX_UNCERTAINTY_AREAS } from '../../src/map/uncertainty-limit.ts';
import { STORY_FOLDER, useBuiltApp, waitForNextIdle } from './harness.ts';

// The committed claims with a place all have an uncertainty radius, and copies keep it: about one claim in ten
// has a place, so 25,000 claims give some 2,300 areas, past the limit.
const CLAIMS = 25_000;
const STORY = STORY_FOLDER.manifest;

/** The uncertainty areas MapLibre drew in view, as [side, statementDate] of each (one per area and tile). */
function drawnAreas(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const map = window.__conflictMap?.map;
    if (!map) throw new Error('no map on the page');
    const layers = map
      .getStyle()
      .layers.map((layer) => layer.id)
      .filter((id) => id.startsWith('uncertainty-edge-'));
    return map
      .queryRenderedFeatures({ layers })
      .map((f) => [String(f.properties.side), String(f.properties.statementDate)] as [string, string]);
  });
}

describe('uncertainty areas past the limit', () => {
  // The built app with generated valid claims, and the uncertainty areas built from them as
  // `npm run build:uncertainty` does.
  const generated = syntheticClaims(
    JSON.parse(readFileSync(STORY_FOLDER.paths.claims, 'utf8')),
    CLAIMS,
    STORY,
  );
  const claims = generated.features as ClaimFeature[];
  const app = useBuiltApp({
    data: () => ({
      claims: JSON.stringify(generated),
      uncertainty: JSON.stringify(uncertaintyAreas(generated as never)),
    }),
  });

  it('draws none past the limit, says so, and draws them for one day or fewer sides', async () => {
    const { page, log } = await app.open();

    // The first view: every claim up to the story's last day, all sides on.
    const day = STORY.dates.default;
    const shown = claims.filter(
      (claim) => claim.properties.statementDate <= day && hasUncertaintyArea(claim),
    );
    expect(shown.length).toBeGreaterThan(MAX_UNCERTAINTY_AREAS);
    const note = page.locator('.map-note');
    await expect
      .poll(() => note.textContent())
      .toContain(`${shown.length.toLocaleString('en-GB')} claims shown`);
    expect(await drawnAreas(page)).toEqual([]);

    // One day: that day's areas are drawn, and only that day's.
    await page.getByRole('radio', { name: 'This day only' }).check();
    await waitForNextIdle(page);
    expect(await note.count()).toBe(0);
    const oneDay = await drawnAreas(page);
    expect(oneDay.length).toBeGreaterThan(0);
    expect(new Set(oneDay.map(([, date]) => date))).toEqual(new Set([day]));

    // Back to every day, then sides off one by one until what is shown is under the limit: the same rule for each.
    await page.getByRole('radio', { name: 'Up to this day' }).check();
    await waitForNextIdle(page);
    expect(await drawnAreas(page)).toEqual([]);
    // From the last side: the generated claims of this story's first side have the widest radii, which show at
    // the first view's zoom (areas a few tens of metres wide are below a pixel there, and MapLibre drops them).
    const sides = STORY.sides.map((side) => side.id);
    const on = new Set(sides);
    sides.reverse();
    for (const side of sides) {
      const count = shown.filter((claim) => on.has(claim.properties.side)).length;
      if (count <= MAX_UNCERTAINTY_AREAS) break;
      await page.locator(`input[name="layer"][value="claims-${side}"]`).uncheck();
      on.delete(side);
    }
    await waitForNextIdle(page);
    expect(await note.count()).toBe(0);
    const drawnSides = new Set((await drawnAreas(page)).map(([side]) => side));
    expect(drawnSides.size).toBeGreaterThan(0);
    expect([...drawnSides].every((side) => on.has(side))).toBe(true);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 300_000);
});
