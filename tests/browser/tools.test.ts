// The reader's tools in the built app: search, measure, export (PNG, GeoJSON, CSV, JSON, citation), print, full
// screen and the hover tooltip, each driven as a reader would (keyboard first), with screenshots of each.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ROOT, SCREENSHOTS, seriousViolations, useBuiltApp, waitForNextIdle } from './harness.ts';

/** Where the screenshots go: TOOLS_SHOTS, else the suite's screenshot folder. */
const SHOTS = process.env.TOOLS_SHOTS ?? SCREENSHOTS;
mkdirSync(SHOTS, { recursive: true });
const STORY = join(ROOT, 'data/armenia-azerbaijan-2021');
const places = JSON.parse(readFileSync(join(STORY, 'places.geojson'), 'utf8')).features as {
  id: string;
  geometry: { coordinates: [number, number] };
}[];
const placeAt = (id: string) => places.find((p) => p.id === id)?.geometry.coordinates as [number, number];

/**
 * Vincenty's inverse formula on WGS84 (Vincenty 1975), written here from the paper, apart from the app's code: the
 * test's own geodesic. Returns metres.
 */
function vincentyM([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (lon2 - lon1) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  let sinSigma = 0;
  let cosSigma = 0;
  let sigma = 0;
  let cos2Alpha = 0;
  let cos2SigmaM = 0;
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda);
    const cosL = Math.cos(lambda);
    sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
    if (sinSigma === 0) return 0;
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda =
      L +
      (1 - C) *
        f *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM ** 2)));
    if (Math.abs(lambda - previous) < 1e-12) break;
  }
  const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const deltaSigma =
    B *
    sinSigma *
    (cos2SigmaM +
      (B / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM ** 2) -
          (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma ** 2) * (-3 + 4 * cos2SigmaM ** 2)));
  return b * A * (sigma - deltaSigma);
}

const mapBounds = (page: Page) =>
  page.evaluate(() => {
    const map = window.__conflictMap?.map;
    if (!map) throw new Error('no map');
    const b = map.getBounds();
    return {
      west: b.getWest(),
      south: b.getSouth(),
      east: b.getEast(),
      north: b.getNorth(),
      zoom: map.getZoom(),
    };
  });

async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.screenshot({ path: join(SHOTS, `tools-${name}-${width}x${height}.png`) });
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

const PHONE = { width: 390, height: 844 };

/** Polls with room for a loaded machine (vitest's default is one second). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

describe('the reader’s tools', () => {
  const app = useBuiltApp();

  it('search: finds a place by any of its names and frames it, from the keyboard', async () => {
    for (const viewport of [undefined, PHONE]) {
      const { page, log } = await app.open('/', viewport);
      const before = await mapBounds(page);
      const box = page.getByRole('searchbox', { name: 'Search places and claims' });
      await box.focus();
      // The Russian name of the village: the list shows it under its English one.
      await page.keyboard.type('Кут');
      const option = page.locator('.search-option').first();
      await poll(() => option.textContent()).toContain('Kut');
      await shot(page, 'search-results');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await poll(() => page.locator('.search [role="status"]').textContent()).toBe('Showing Kut on the map.');
      await waitForNextIdle(page);
      const [lon, lat] = placeAt('kut');
      await expect
        .poll(
          async () => {
            const b = await mapBounds(page);
            return b.west < lon && lon < b.east && b.south < lat && lat < b.north && b.zoom > before.zoom + 1;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      await waitForNextIdle(page);
      await shot(page, 'search-framed');
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    }
  }, 240_000);

  it('search: finds a claim by its words and opens it', async () => {
    const { page } = await app.open('/?date=2021-05-11');
    await page.getByRole('searchbox', { name: 'Search places and claims' }).fill('30-percent of the lake');
    await page.locator('.search-option').first().click();
    await page.locator('article.claim-card').waitFor();
    expect(page.url()).toContain('claim=am-goris-2021-05-12-verishen');
    // The claim was made on 12 May: the day moved so that it shows.
    expect(page.url()).toContain('date=2021-05-12');
    await page.close();
  }, 120_000);

  it('measure: two clicks give the geodesic distance (equal to an independent Vincenty to the shown 10 m) and each point’s side of the border, shared in the URL', async () => {
    const { page, log } = await app.open('/?map=12.00/39.5300/46.3300');
    await page.getByRole('button', { name: 'Measure', exact: true }).click();
    const canvas = page.locator('.maplibregl-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.7);
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.3);
    const panel = page.getByRole('region', { name: 'Measure on the map' });
    await expect
      .poll(() => panel.textContent(), { timeout: 30_000 })
      .toMatch(/Each point’s side of each border line/);
    await waitForNextIdle(page);
    await shot(page, 'measure');
    const url = new URL(page.url());
    const param = url.searchParams.get('measure') ?? '';
    const points = param.split('_').map((p) => {
      const [lat, lon] = p.split(',').map(Number) as [number, number];
      return [lon, lat] as [number, number];
    });
    expect(points).toHaveLength(2);

    // The shared link: the same measurement, measured from exactly the URL's points.
    const shared = await app.open(`/?${url.searchParams.toString()}`);
    const sharedPanel = shared.page.getByRole('region', { name: 'Measure on the map' });
    await expect
      .poll(() => sharedPanel.textContent(), { timeout: 30_000 })
      .toMatch(/Each point’s side of each border line/);
    const text = (await sharedPanel.textContent()) ?? '';
    const shown = Number(/Total: ([\d.]+) km/.exec(text)?.[1]);
    const expected = vincentyM(points[0] as [number, number], points[1] as [number, number]) / 1000;
    // The panel shows kilometres to two decimals: within half of the last digit shown (5 m).
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(text).toMatch(/B is [\d.]+ km [a-z-]+ of A in a straight line \(bearing \d+°\)/);
    // Near Goris both points are on the Armenian side of the OSM line; the sentence is the checks' own.
    const firstLine = sharedPanel.locator('table.measure-sides tbody tr').first();
    expect(await firstLine.locator('th').textContent()).toBe('Border (OpenStreetMap, c. 2017)');
    expect(await firstLine.locator('td').first().textContent()).toMatch(/^[\d.]+ k?m on the Armenia side$/);
    expect(log.consoleErrors).toEqual([]);
    expect(shared.log.consoleErrors).toEqual([]);
    await shared.page.close();
    await page.close();
  }, 180_000);

  it('measure: by keyboard alone, placing points at the cross', async () => {
    for (const viewport of [undefined, PHONE]) {
      const { page } = await app.open('/?map=11.00/39.5800/46.2800', viewport);
      const measure = page.getByRole('button', { name: 'Measure', exact: true });
      await measure.focus();
      await page.keyboard.press('Enter');
      const add = page.getByRole('button', { name: 'Add point at the cross' });
      await add.focus();
      await page.keyboard.press('Enter');
      // Move the map with the keyboard (MapLibre pans on the arrow keys when the map has the focus).
      await page.locator('.maplibregl-canvas').focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await waitForNextIdle(page);
      await add.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name: 'Measure on the map' });
      await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toMatch(/Total: [\d.]+ k?m/);
      expect(new URL(page.url()).searchParams.get('measure')?.split('_')).toHaveLength(2);
      await waitForNextIdle(page);
      await shot(page, 'measure-keyboard');
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
  }, 240_000);

  it('export: a PNG of the view with its texts, the view’s claims as GeoJSON that passes check:data, the checks as CSV and JSON, a citation', async () => {
    const { page, log } = await app.open(
      '/?date=2021-05-14&map=10.00/40.1500/45.7500&claim=am-2021-05-13-vardenis-breach',
    );
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Export this view' });
    await dialog.waitFor();
    await shot(page, 'export-dialog');
    expect(await seriousViolations(page)).toEqual([]);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Picture (PNG)' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('armenia-azerbaijan-2021-2021-05-14-map.png');
    const pngBytes = await saved(pngDownload);
    const image = PNG.sync.read(pngBytes);
    const canvasSize = await page.evaluate(() => {
      const c = window.__conflictMap?.map.getCanvas();
      return { width: c?.width ?? 0, height: c?.height ?? 0 };
    });
    expect(image.width).toBe(canvasSize.width);
    // The map at its own size, with a header and a footer written around it.
    expect(image.height).toBeGreaterThan(canvasSize.height + 150);
    expect(image.height).toBeLessThan(canvasSize.height + 600);
    const colours = new Set<number>();
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4 * 7) {
      const [r, g, b] = [image.data[i] ?? 0, image.data[i + 1] ?? 0, image.data[i + 2] ?? 0];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 200) dark++;
    }
    expect(colours.size).toBeGreaterThan(200);
    expect(dark).toBeGreaterThan(500);
    writeFileSync(join(SHOTS, 'tools-export-picture.png'), pngBytes);

    const [geoDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: 'Claims in view (GeoJSON)' }).click(),
    ]);
    const geojson = JSON.parse((await saved(geoDownload)).toString('utf8'));
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.length).toBeGreaterThan(0);
    const ids = geojson.features.map((f: { id: string }) => f.id);
    expect(ids).toContain('am-2021-05-13-vardenis-breach');
    // Nothing said after the day shown.
    expect(ids).not.toContain('az-mod-2021-06-01-armudlu');
    expect(ids.length).toBeLessThan(27);
    const dir = mkdtempSync(join(tmpdir(), 'tools-export-'));
    const file = join(dir, geoDownload.suggestedFilename());
    expect(file).toMatch(/view-claims\.geojson$/);
    writeFileSync(file, JSON.stringify(geojson));
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/check-data.ts', file], {
      cwd: ROOT,
      timeout: 90_000,
    });
    expect(stdout).toMatch(/check:data: OK/);

    // The figures are measured in a worker once the map has settled: until then the buttons say so and save nothing.
    for (const [name, parse] of [
      ['Figures checked (CSV)', (t: string) => t.split('\r\n')[0]?.split(',')[0]],
      ['Figures checked (JSON)', (t: string) => JSON.parse(t).length > 0],
    ] as const) {
      await expect
        .poll(
          async () => {
            const [download] = await Promise.all([
              page.waitForEvent('download', { timeout: 10_000 }).catch(() => null),
              dialog.getByRole('button', { name }).click(),
            ]);
            return download ? parse((await saved(download)).toString('utf8')) : null;
          },
          { timeout: 60_000 },
        )
        .toBe(name.includes('CSV') ? 'id' : true);
    }

    const cite = await dialog.getByRole('textbox', { name: 'Cite this view' }).inputValue();
    expect(cite).toContain(page.url());
    expect(cite).toContain('14 May 2021');
    await page.keyboard.press('Escape');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Export');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 300_000);

  it('print: the map as a still picture, the legend and the open claim, no buttons', async () => {
    for (const viewport of [undefined, PHONE]) {
      const { page } = await app.open(
        '/?map=10.00/39.5600/46.2800&claim=am-goris-2021-05-12-verishen',
        viewport,
      );
      await page.locator('article.claim-card').waitFor();
      // What the browser does when a reader prints: 'beforeprint', then the print media.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const shown = (selector: string) =>
          [...document.querySelectorAll(selector)].some((e) => e.checkVisibility());
        const copy = document.querySelector('.map-print-copy canvas') as HTMLCanvasElement | null;
        return {
          // Buttons that carry text (a linked claim's summary) print as that text; no control prints.
          buttons: shown('button:not(.link-button)'),
          copy: copy ? { width: copy.width, height: copy.height } : null,
          card: shown('article.claim-card'),
          legend: (document.querySelector('details.legend') as HTMLDetailsElement | null)?.open ?? false,
        };
      });
      expect(printed.buttons).toBe(false);
      expect(printed.copy?.width).toBeGreaterThan(100);
      expect(printed.card).toBe(true);
      expect(printed.legend).toBe(true);
      const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
      await page.screenshot({ path: join(SHOTS, `tools-print-${width}x${height}.png`), fullPage: true });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(50_000);
      await page.close();
    }
  }, 240_000);

  it('full screen: the map (and the embed’s map) goes full screen and back', async () => {
    for (const path of ['/', '/embed.html']) {
      const { page } = await app.open(path);
      const button = page.getByRole('button', { name: 'Full screen', exact: true });
      await button.click();
      await poll(() =>
        page.evaluate(() => document.fullscreenElement?.classList.contains('map-panel') ?? false),
      ).toBe(true);
      const exit = page.getByRole('button', { name: 'Exit full screen', exact: true });
      expect(await exit.getAttribute('aria-pressed')).toBe('true');
      await waitForNextIdle(page);
      if (path === '/') await shot(page, 'fullscreen');
      await exit.click();
      await poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
      await page.close();
    }
  }, 180_000);

  it('hover: a pointer over a claim shows its claimant and date, as text', async () => {
    const { page } = await app.open('/?map=12.00/39.5400/46.3000');
    const at = await page.evaluate(() => {
      const view = window.__conflictMap;
      if (!view) throw new Error('no map');
      const feature = view.map
        .queryRenderedFeatures()
        .find((f) => f.layer.id.startsWith('claims-') && f.geometry.type === 'Point');
      if (feature?.geometry.type !== 'Point') throw new Error('no claim marker in view');
      const p = view.map.project(feature.geometry.coordinates as [number, number]);
      const r = view.map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y, id: String(feature.properties.id) };
    });
    await page.mouse.move(at.x - 30, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 5 });
    const tooltip = page.locator('.claim-tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    expect(await tooltip.textContent()).toMatch(/said on \d{1,2} (May|June) 2021/);
    expect(await tooltip.locator('strong').count()).toBe(1);
    await shot(page, 'tooltip');
    await page.mouse.move(5, 400);
    await poll(() => tooltip.count()).toBe(0);
    await page.close();
  }, 120_000);

  it('timeline: ticks per day in each side’s colour, first and last day, Play skips days without claims, and Pause takes Play’s room', async () => {
    const { page, log } = await app.open('/?date=2021-05-11');
    const claims = JSON.parse(readFileSync(join(STORY, 'claims.geojson'), 'utf8')).features as {
      properties: { side: string; statementDate: string };
    }[];
    const pairs = new Set(claims.map((c) => `${c.properties.statementDate} ${c.properties.side}`));
    const ticks = await page.evaluate(() =>
      [...document.querySelectorAll('.timeline-tick-side')].map((e) => ({
        side: [...e.classList].find((c) => c.startsWith('side--'))?.slice(6),
        colour: getComputedStyle(e).backgroundColor,
      })),
    );
    expect(ticks).toHaveLength(pairs.size);
    const colourOf = new Map(ticks.map((t) => [t.side, t.colour]));
    // Each side its own colour.
    expect(new Set(colourOf.values()).size).toBe(colourOf.size);
    expect(await page.locator('.timeline-ends').textContent()).toBe('11 May3 June');
    const slider = page.getByRole('slider', { name: 'Day' });
    expect(await slider.getAttribute('aria-valuetext')).toBe('11 May 2021');
    // The day's counts are the slider's description.
    expect(await page.locator('#timeline-day-counts').textContent()).toBe('no claims');

    const row = page.locator('.timeline-row');
    const layout = () =>
      row.evaluate((r) => [...r.children].map((c) => Math.round(c.getBoundingClientRect().width)).join(','));
    const before = await layout();
    const seen: string[] = [];
    const play = page.getByRole('button', { name: 'Play' });
    await play.click();
    const pause = page.getByRole('button', { name: 'Pause' });
    await pause.waitFor();
    expect(await layout()).toBe(before);
    await shot(page, 'timeline');
    // Record every day Play shows until it stops on the last day.
    await expect
      .poll(
        async () => {
          const day = new URL(page.url()).searchParams.get('date') ?? '2021-06-03';
          if (seen.at(-1) !== day) seen.push(day);
          return (await page.getByRole('button', { name: 'Play' }).count()) === 1 && day === '2021-06-03';
        },
        { timeout: 90_000, interval: 100 },
      )
      .toBe(true);
    const claimDays = new Set(claims.map((c) => c.properties.statementDate));
    expect(seen.length).toBeGreaterThan(3);
    for (const day of seen.slice(1)) expect(claimDays.has(day), day).toBe(true);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 180_000);

  it('on a phone: the export dialog, the timeline and full screen fit', async () => {
    const { page } = await app.open('/?date=2021-05-27', PHONE);
    await shot(page, 'timeline');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('dialog', { name: 'Export this view' }).waitFor();
    await shot(page, 'export-dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Full screen', exact: true }).click();
    await poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await waitForNextIdle(page);
    await shot(page, 'fullscreen');
    await page.close();
  }, 120_000);
});
