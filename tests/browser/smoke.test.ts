// Smoke test of the production build: the map starts (worker included), draws the basemap and the border,
// and the page stays on its own origin with no errors. `.ci/run` runs this against a fresh dist/.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DIST,
  launchChromium,
  recordPage,
  type StaticServer,
  serveFolder,
  waitForMapIdle,
} from './harness.ts';

describe('built app (dist/)', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveFolder(DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('reaches idle with basemap and border drawn, offline, with no errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page, log);

    const webgl2 = await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
    expect(webgl2, 'this Chromium offers WebGL 2 (software): check the launch flags').toBe(true);

    const drawn = await page.evaluate(() => window.__conflictMap?.renderedLayerIds() ?? []);
    expect(drawn).toEqual(expect.arrayContaining(['land-story', 'land-other', 'border', 'country-labels']));

    const offOrigin = log.requests.filter(
      (url) => !url.startsWith(server.origin) && !url.startsWith('data:'),
    );
    expect(offOrigin, 'requests to other hosts').toEqual([]);
    expect(log.failedRequests, 'failed requests').toEqual([]);
    expect(log.consoleErrors, 'console errors').toEqual([]);
    // The worker must have come from the build, not from a guessed default URL.
    expect(log.requests.some((url) => /maplibre-gl-worker[^/]*\.js/.test(url))).toBe(true);
    await page.close();
  });
});
