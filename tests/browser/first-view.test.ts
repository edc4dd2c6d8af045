// What a reader gets before any script has run, and the hand-over to the live map: the title, the panel's skeleton
// and a picture of the map's first view are in the HTML; the picture sits where the live map draws the same places;
// nothing shifts on the way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mercator } from '../../scripts/build/first-view-svg.ts';
import { readStoryFolder, storyDir } from '../../scripts/lib/story-folder.ts';
import { DIST, recordPage, SCREENSHOTS, useBuiltApp, waitForMapIdle } from './harness.ts';

const story = readStoryFolder(storyDir());
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
      expect(html, page).toMatch(/rel="preload" as="fetch" href="\.\/assets\/claims-[\w-]+\.geojson"/);
      expect(html, page).toMatch(
        /rel="preload" as="font" type="font\/woff2" href="\.\/assets\/noto-sans-latin-400/,
      );
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
      return { image: getComputedStyle(element).backgroundImage, width: box.width, height: box.height };
    });
    expect(picture.image).toMatch(/first-view-light-[\w-]+\.svg/);
    expect(picture.width).toBeGreaterThan(500);
    expect(picture.height).toBeGreaterThan(500);
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
      // The picture has given way to the live map; put it back under the map to measure where it draws.
      const placed = await page.evaluate(
        ({ places, cover }) => {
          const panel = document.querySelector('.map-panel');
          const map = window.__conflictMap?.map;
          if (!panel || !map) throw new Error('no map panel');
          const preview = document.createElement('div');
          preview.className = 'map-preview';
          panel.prepend(preview);
          const style = getComputedStyle(preview);
          const [sizeX] = style.backgroundSize.split(' ').map(Number.parseFloat);
          const [positionX, positionY] = style.backgroundPosition.split(' ').map(Number.parseFloat);
          const result = places.map(([place, world, lonLat]) => {
            const live = map.project(lonLat);
            return {
              place,
              picture: [
                positionX + (world[0] - cover.x) * (sizeX / cover.width),
                positionY + (world[1] - cover.y) * (sizeX / cover.width),
              ],
              live: [live.x, live.y],
            };
          });
          return { result, image: style.backgroundImage };
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
      expect(placed.image).toContain(scheme === 'dark' ? 'first-view-dark' : 'first-view-light');
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
