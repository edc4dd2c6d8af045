// The map as a reader sees it: labels in more than one script, screenshots at phone and desktop widths,
// and a plain message instead of a blank box when WebGL 2 is missing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordPage, SCREENSHOTS, useBuiltApp, waitForNextIdle } from './harness.ts';

/** Counts pixels dark enough to be label ink (the light palette draws labels in dark grey on pale land). */
function inkPixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const luminance = 0.2126 * image.data[i] + 0.7152 * image.data[i + 1] + 0.0722 * image.data[i + 2];
    if (luminance < 140) ink++;
  }
  return ink;
}

describe('map in a real browser', () => {
  const app = useBuiltApp();
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

  it('draws an Armenian-script label with the bundled font', async () => {
    // Place names in Armenian: the lake, a key place, is labelled in the first view as "Սև լիճ".
    const { page, log } = await app.open('/?lang=hy');
    const anchor = await page.evaluate(() => {
      const map = window.__conflictMap?.map;
      const label = map
        ?.queryRenderedFeatures({ layers: ['places-label-key'] })
        .find((feature) => feature.properties.id === 'lake-sev');
      if (!map || !label || label.geometry.type !== 'Point') return null;
      const point = map.project(label.geometry.coordinates as [number, number]);
      const box = map.getContainer().getBoundingClientRect();
      return { x: point.x + box.left, y: point.y + box.top, text: String(label.properties.name_hy) };
    });
    expect(anchor, 'the lake is labelled in the first view').not.toBeNull();
    if (!anchor) return;
    expect(anchor.text).toMatch(/[\u0530-\u058F]/);

    const clip = { x: anchor.x - 90, y: anchor.y - 40, width: 180, height: 80 };
    const withArmenian = await page.screenshot({ clip });
    await page.evaluate(() =>
      window.__conflictMap?.map.setLayoutProperty('places-label-key', 'text-field', ''),
    );
    await waitForNextIdle(page);
    const withoutLabels = await page.screenshot({ clip });

    // The Armenian name adds ink: if its glyphs were missing, the two images would hold about the same amount.
    expect(inkPixels(withArmenian)).toBeGreaterThan(inkPixels(withoutLabels) + 40);
    const fontRequests = log.requests.filter((url) => url.includes('noto-sans-armenian'));
    expect(fontRequests.length, 'the bundled Armenian font was fetched').toBeGreaterThan(0);
    expect(log.failedRequests).toEqual([]);
    await page.close();
  });

  for (const [name, viewport] of [
    ['phone-390x844', { width: 390, height: 844 }],
    ['desktop-1280x800', { width: 1280, height: 800 }],
  ] as const) {
    it(`renders the region at ${name}`, async () => {
      const { page, log } = await app.open('/', viewport);
      await page.screenshot({ path: join(SCREENSHOTS, `map-${name}.png`) });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'no horizontal scrolling').toBeLessThanOrEqual(viewport.width);
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    });
  }

  it('explains in words when the browser has no WebGL 2', async () => {
    const page = await app.browser.newPage({ viewport: { width: 800, height: 600 } });
    const log = recordPage(page);
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (type === 'webgl2' || type === 'webgl') return null;
        return original.call(this, type as '2d', ...(rest as []));
      } as typeof original;
    });
    await page.goto(`${app.origin}/`);
    const message = page.getByRole('alert').filter({ hasText: 'WebGL 2' });
    await message.waitFor({ timeout: 60_000 });
    expect(await message.textContent()).toContain('cannot be drawn');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('explains in words when MapLibre itself cannot start WebGL (GPUInitializationError)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 800, height: 600 } });
    const log = recordPage(page);
    // WebGL 2 exists (any other canvas gets a context), but the map's own canvas is refused with a
    // webglcontextcreationerror, as on a blocklisted GPU. The app makes no probe of its own: MapLibre's failure is
    // what it reacts to.
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (type === 'webgl2' && this.classList.contains('maplibregl-canvas')) {
          const event = new Event('webglcontextcreationerror') as Event & { statusMessage?: string };
          event.statusMessage = 'GPU process unavailable (simulated)';
          this.dispatchEvent(event);
          return null;
        }
        return original.call(this, type as '2d', ...(rest as []));
      } as typeof original;
    });
    await page.goto(`${app.origin}/`);
    const message = page.getByRole('alert').filter({ hasText: 'WebGL 2' });
    await message.waitFor({ timeout: 60_000 });
    expect(log.consoleErrors.filter((text) => text.startsWith('uncaught'))).toEqual([]);
    await page.close();
  });
});
