// What a reader gets before any script has run, and the hand-over to the live map: the title, the panel's skeleton
// and a picture of the map's first view are in the HTML; the picture sits where the live map draws the same places;
// nothing shifts on the way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mercator } from '../../scripts/build/first-view-svg.ts';
import { DIST, recordPage, SCREENSHOTS, STORY_FOLDER, useBuiltApp, waitForMapIdle } from './harness.ts';

const story = STORY_FOLDER;
const BASEMAP_BOUNDS = story.manifest.camera.maxBounds;
const TITLE = story.manifest.texts.title;

/** Places the picture and the live map both draw, spread over the first view (positions from places.geojson). */
const PLACES: [string, [number, number]][] = (
  JSON.parse(readFileSync(story.paths.places, 'utf8')) as {
    features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
  }
).features
  .filter((place) => ['goris', 'vardenis', 'lake-sev', 'sisian'].includes(place.properties.id))
  .map((place) => [place.properties.id, place.geometry.coordinates]);

describe('first view', () => {
  const app = useBuiltApp();

  it('has the title, the panel skeleton and the map picture in the HTML, shown without JavaScript', async () => {
    for (const page of ['index.html', 'embed.html']) {
      const html = readFileSync(join(DIST, page), 'utf8');
      expect(html, page).toContain(TITLE);
      expect(html, page).toContain('class="map-preview"');
      expect(html, page).toMatch(/<link rel="stylesheet" href="\.\/assets\/first-view-[\w-]+\.css">/);
      // The picture is inline, so it paints with the HTML: no file to fetch, no preload competing with it.
      expect(html, page).toMatch(/<div class="map-preview" aria-hidden="true"><svg /);
      expect(html, page).not.toContain('rel="preload"');
    }
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toContain('class="sidebar"');
    const context = await app.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${app.origin}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
    const picture = await page.locator('.map-preview').evaluate((element) => {
      const box = element.getBoundingClientRect();
      const svg = element.querySelector('svg')?.getBoundingClientRect();
      const painted = element.querySelector('[class^="fvf"]');
      return {
        width: box.width,
        height: box.height,
        svg: svg ? { width: svg.width, height: svg.height } : null,
        fill: painted ? getComputedStyle(painted).fill : null,
      };
    });
    expect(picture.width).toBeGreaterThan(500);
    expect(picture.height).toBeGreaterThan(500);
    // The picture covers more than the map area (the map can be panned up to its edges) and its colours are set.
    expect(picture.svg?.width).toBeGreaterThan(picture.width);
    expect(picture.fill).toMatch(/^rgb/);
    await page.screenshot({ path: join(SCREENSHOTS, 'first-view-no-js-1280x800.png') });
    await context.close();
  });

  for (const [name, viewport, scheme] of [
    ['desktop-1280x800', { width: 1280, height: 800 }, 'light'],
    ['phone-390x844', { width: 390, height: 844 }, 'dark'],
  ] as const) {
    it(`puts each place of the picture where the live map draws it, with no layout shift: ${name}`, async () => {
      const context = await app.browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      const log = recordPage(page);
      await page.addInitScript(() => {
        const w = window as unknown as { shifts: number };
        w.shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!entry.hadRecentInput) w.shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${app.origin}/`);
      await waitForMapIdle(page, log);
      // The picture has given way to the live map; put the page's own picture back under the map to measure where
      // it draws.
      const placed = await page.evaluate(
        async ({ places, cover }) => {
          const panel = document.querySelector('.map-panel');
          const map = window.__conflictMap?.map;
          if (!panel || !map) throw new Error('no map panel');
          const html = await (await fetch(location.href)).text();
          const built = new DOMParser().parseFromString(html, 'text/html').querySelector('.map-preview');
          if (!built) throw new Error('no picture in the page');
          const preview = document.importNode(built, true);
          panel.prepend(preview);
          const panelBox = panel.getBoundingClientRect();
          const svgBox = preview.querySelector('svg')?.getBoundingClientRect();
          if (!svgBox) throw new Error('no svg in the picture');
          const scale = svgBox.width / cover.width;
          const result = places.map(([place, world, lonLat]) => {
            const live = map.project(lonLat);
            return {
              place,
              picture: [
                svgBox.left - panelBox.left + (world[0] - cover.x) * scale,
                svgBox.top - panelBox.top + (world[1] - cover.y) * scale,
              ],
              live: [live.x, live.y],
            };
          });
          // How light the picture's water is: the scheme the reader's system asks for.
          const [r, g, b] = getComputedStyle(preview).backgroundColor.match(/\d+/g)?.map(Number) ?? [];
          return { result, lightness: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 };
        },
        {
          places: PLACES.map(([place, lonLat]) => [place, mercator(lonLat), lonLat] as const),
          cover: (() => {
            const [x0, y0] = mercator([BASEMAP_BOUNDS[0], BASEMAP_BOUNDS[3]]);
            const [x1] = mercator([BASEMAP_BOUNDS[2], BASEMAP_BOUNDS[1]]);
            return { x: x0, y: y0, width: x1 - x0 };
          })(),
        },
      );
      expect(placed.result.length).toBe(4);
      if (scheme === 'dark') expect(placed.lightness).toBeLessThan(0.35);
      else expect(placed.lightness).toBeGreaterThan(0.65);
      for (const { place, picture, live } of placed.result) {
        expect(Math.abs(picture[0] - live[0]), `${place} x`).toBeLessThan(1.5);
        expect(Math.abs(picture[1] - live[1]), `${place} y`).toBeLessThan(1.5);
      }
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
      expect(shifts, 'cumulative layout shift from navigation to idle').toBeLessThan(0.01);
      expect(log.consoleErrors).toEqual([]);
      await context.close();
    });
  }
});
