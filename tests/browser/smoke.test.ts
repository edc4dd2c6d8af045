// Smoke test of the production build: the map starts (worker included), draws the basemap and the border,
// and the page stays on its own origin with no errors. `.ci/run` runs this against a fresh dist/.
import { describe, expect, it } from 'vitest';
import { STORY_LAND_LAYERS, useBuiltApp } from './harness.ts';

describe('built app (dist/)', () => {
  const app = useBuiltApp();

  it('reaches idle with basemap and border drawn, offline, with no errors', async () => {
    const { page, log } = await app.open();

    const webgl2 = await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
    expect(webgl2, 'this Chromium offers WebGL 2 (software): check the launch flags').toBe(true);

    const drawn = await page.evaluate(() => window.__conflictMap?.renderedLayerIds() ?? []);
    expect(drawn).toEqual(expect.arrayContaining([...STORY_LAND_LAYERS, 'border', 'country-names']));

    const offOrigin = log.requests.filter((url) => !url.startsWith(app.origin) && !url.startsWith('data:'));
    expect(offOrigin, 'requests to other hosts').toEqual([]);
    expect(log.failedRequests, 'failed requests').toEqual([]);
    expect(log.consoleErrors, 'console errors').toEqual([]);
    // The worker must have come from the build, not from a guessed default URL.
    expect(log.requests.some((url) => /maplibre-gl-worker[^/]*\.js/.test(url))).toBe(true);
    await page.close();
  });
});
