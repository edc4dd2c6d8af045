// What a new reader sees in the first five seconds, checked in the built app: both countries named on the map (as
// placed by MapLibre, not only as styled), every claim with a place reachable from the map by pointer and by
// keyboard, the first view above the phone's sheet, the colour scheme followed everywhere, and one regression test
// per bug of issue 9.
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { type PageLog, recordPage, useBuiltApp, waitForMapIdle, waitForNextIdle } from './harness.ts';

const COUNTRIES = ['ARM', 'AZE'];

/** Codes of the countries whose names MapLibre placed in the current view. */
async function countriesNamed(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__conflictMap?.map;
    if (!map) return [];
    const names = map
      .queryRenderedFeatures({ layers: ['country-names'] })
      .map((f) => String(f.properties.code));
    return [...new Set(names)].sort();
  });
}

/** Ids of the claims drawn for the day whose layer is on, with a place: the map's keyboard targets. */
async function targetIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.map-claim-target')].map((b) => b.dataset.claim ?? ''),
  );
}

/** A page with reduced motion (framings jump instead of flying), opened and idle. */
async function openStill(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  const log = recordPage(page);
  await page.goto(url);
  await waitForMapIdle(page, log);
  return { page, log };
}

async function settle(page: Page, log: PageLog): Promise<void> {
  await page.waitForFunction(() => !window.__conflictMap?.map.isMoving(), null, { timeout: 20_000 });
  await waitForNextIdle(page);
  expect(log.consoleErrors).toEqual([]);
}

describe('the first five seconds', () => {
  const app = useBuiltApp();

  for (const [name, path, viewport] of [
    ['app 1280×800', '/', { width: 1280, height: 800 }],
    ['app 390×844', '/', { width: 390, height: 844 }],
    ['app 360×740', '/', { width: 360, height: 740 }],
    ['embed 390×844', '/embed.html', { width: 390, height: 844 }],
    ['embed 700×900', '/embed.html', { width: 700, height: 900 }],
  ] as const) {
    it(`names both countries in the first view (${name}), in every label language`, async () => {
      const { page, log } = await app.open(path, viewport);
      expect(await countriesNamed(page)).toEqual(COUNTRIES);
      if (path === '/') {
        for (const [lang, word] of [
          ['hy', 'Ադրբեջան'],
          ['az', 'Ermənistan'],
          ['ru', 'Армения'],
        ] as const) {
          await page.getByRole('combobox', { name: /Place names in/ }).selectOption(lang);
          await settle(page, log);
          expect(await countriesNamed(page), lang).toEqual(COUNTRIES);
          const text = await page.evaluate(() =>
            JSON.stringify(window.__conflictMap?.map.getLayoutProperty('country-names', 'text-field')),
          );
          expect(text).toContain(word);
        }
      }
      await page.close();
    }, 240_000);
  }

  it('labels the story’s key places in the first view, never with “(approx.)” after a name', async () => {
    const { page } = await app.open('/', { width: 1280, height: 800 });
    const labelled = await page.evaluate(() =>
      (window.__conflictMap?.map.queryRenderedFeatures({ layers: ['places-label-key'] }) ?? []).map((f) =>
        String(f.properties.id),
      ),
    );
    expect(labelled).toEqual(
      expect.arrayContaining(['lake-sev', 'verishen', 'goris', 'armudlu-direction', 'verin-shorzha', 'kut']),
    );
    // Bug: "Armudlu direction (stated position) (approx.)". Approximate places say so by their marker and ring.
    const fields = await page.evaluate(() =>
      ['places-label-key', 'places-label', 'places-label-village'].map((id) =>
        JSON.stringify(window.__conflictMap?.map.getLayoutProperty(id, 'text-field')),
      ),
    );
    for (const field of fields) expect(field).not.toContain('approx');
    await page.close();
  });

  it('reaches every claim with a place from the map by pointer: a click opens it, or a chooser lists it', async () => {
    const { page, log } = await openStill(app.browser, `${app.origin}/`, { width: 1280, height: 800 });
    const ids = await targetIds(page);
    const located = await page.evaluate(() => {
      const claims = window.__conflictMap?.map.querySourceFeatures('claims') ?? [];
      return [...new Set(claims.map((f) => String(f.properties.id)))].sort();
    });
    expect([...ids].sort()).toEqual(located);
    expect(ids.length).toBeGreaterThan(0);
    const start = await page.evaluate(() => {
      const map = window.__conflictMap?.map;
      return map ? { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() } : null;
    });
    for (const id of ids) {
      await page.evaluate((camera) => camera && window.__conflictMap?.map.jumpTo(camera), start);
      await settle(page, log);
      // The claim's marker on screen: its point, moved by its slot in its group.
      const at = await page.evaluate((claim) => {
        const map = window.__conflictMap?.map;
        const feature = map
          ?.querySourceFeatures('claims')
          .find((f) => f.properties.id === claim && f.geometry.type === 'Point');
        if (!map || !feature || feature.geometry.type !== 'Point') return null;
        const p = map.project(feature.geometry.coordinates as [number, number]);
        const raw = feature.properties.offset;
        const offset = Array.isArray(raw) ? raw : raw ? JSON.parse(String(raw)) : [0, 0];
        const box = map.getCanvas().getBoundingClientRect();
        return { x: box.left + p.x + offset[0], y: box.top + p.y + offset[1] };
      }, id);
      expect(at, id).not.toBeNull();
      if (!at) continue;
      await page.mouse.click(at.x, at.y);
      const chooser = page.locator('.claim-chooser');
      if (await chooser.isVisible().catch(() => false)) {
        await chooser.locator(`button[data-claim="${id}"]`).click();
      }
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`claim=${id}`);
      await page.getByRole('button', { name: /Back to the list/ }).click();
    }
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it('reaches every claim with a place from the map by keyboard (Tab), and Enter opens it', async () => {
    const { page } = await app.open('/', { width: 1280, height: 800 });
    const ids = await targetIds(page);
    await page.locator('.maplibregl-canvas').focus();
    const reached = new Set<string>();
    for (let i = 0; i < ids.length + 4 && reached.size < ids.length; i++) {
      await page.keyboard.press('Tab');
      const claim = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claim);
      if (claim) reached.add(claim);
    }
    expect([...reached].sort()).toEqual([...ids].sort());
    const last = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claim);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`claim=${last}`);
    await page.close();
  }, 240_000);

  it('lists claims drawn on one line in a chooser of buttons, reachable by keyboard', async () => {
    const { page, log } = await openStill(app.browser, `${app.origin}/?map=13.2/39.5965/46.2335`, {
      width: 1280,
      height: 800,
    });
    // A point on the shoreline two claims share (the 12 May accounts of the whole shore), away from the markers.
    const at = await page.evaluate(() => {
      const map = window.__conflictMap?.map;
      if (!map) return null;
      const box = map.getCanvas().getBoundingClientRect();
      for (let y = 0; y < box.height; y += 4)
        for (let x = 0; x < box.width; x += 4) {
          const ids = window.__conflictMap?.claimsAt({ x, y }, 2) ?? [];
          if (ids.length >= 2) return { x: box.left + x, y: box.top + y, ids };
        }
      return null;
    });
    expect(at, 'a spot where two claims meet').not.toBeNull();
    if (!at) return;
    await page.mouse.click(at.x, at.y);
    const chooser = page.getByRole('dialog', { name: /claims at this spot/ });
    await chooser.waitFor();
    const listed = await chooser
      .locator('button[data-claim]')
      .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.claim));
    expect(listed.sort()).toEqual([...at.ids].sort());
    // Built from DOM nodes: the buttons hold text, and the first has the focus.
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claim);
    expect(focused).toBe(await chooser.locator('button[data-claim]').first().getAttribute('data-claim'));
    await page.keyboard.press('Tab');
    const second = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.claim);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`claim=${second}`);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it('on a phone, frames the story’s key places between the tools row and the bottom sheet, and keeps a selected claim above the sheet', async () => {
    const { page, log } = await openStill(app.browser, `${app.origin}/`, { width: 390, height: 844 });
    const sheetTop = await page.evaluate(
      () => document.querySelector('.sidebar')?.getBoundingClientRect().top ?? 0,
    );
    const toolsBottom = await page.evaluate(
      () => document.querySelector('.map-tools')?.getBoundingClientRect().bottom ?? 0,
    );
    expect(toolsBottom).toBeGreaterThan(0);
    const below = await page.evaluate(
      ({ limit, top }) => {
        const map = window.__conflictMap?.map;
        if (!map) return ['no map'];
        const box = map.getCanvas().getBoundingClientRect();
        return map
          .querySourceFeatures('places')
          .filter((f) =>
            ['lake-sev', 'goris', 'verishen', 'armudlu-direction', 'kut', 'vardenis'].includes(
              String(f.properties.id),
            ),
          )
          .filter((f) => {
            const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
            return p.y + box.top > limit - 10 || p.y + box.top < top || p.x < 0 || p.x > box.width;
          })
          .map((f) => String(f.properties.id));
      },
      { limit: sheetTop, top: toolsBottom },
    );
    expect(below).toEqual([]);
    await page.getByRole('button', { name: /Show more of the panel/ }).waitFor();
    await page.locator('.map-claim-target[data-claim="az-mod-2021-06-01-armudlu"]').focus();
    await page.keyboard.press('Enter');
    await settle(page, log);
    const sheet = await page.evaluate(
      () => document.querySelector('.sidebar')?.getBoundingClientRect().top ?? 0,
    );
    const y = await page.evaluate(() => {
      const map = window.__conflictMap?.map;
      if (!map) return Number.POSITIVE_INFINITY;
      return map.project([45.911667, 40.075]).y + map.getCanvas().getBoundingClientRect().top;
    });
    expect(y).toBeLessThan(sheet);
    await page.close();
  });
});

describe('issue 9: each bug, fixed and kept fixed', () => {
  const app = useBuiltApp();

  /** Whether the painted pixels of an image run like "/" (up-right) rather than "\" (down-right). */
  function stripesRiseToTheRight(png: Buffer): boolean {
    const image = PNG.sync.read(png);
    const { width, height, data } = image;
    const painted = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      return Math.max(r, g, b) - Math.min(r, g, b) > 60; // saturated: the side's hue, not grey or white
    };
    let rising = 0;
    let falling = 0;
    for (let y = 1; y < height - 1; y++)
      for (let x = 1; x < width - 1; x++) {
        if (!painted(x, y)) continue;
        if (painted(x + 1, y - 1)) rising++;
        if (painted(x + 1, y + 1)) falling++;
      }
    return rising > falling;
  }

  it('draws each side’s hatch the same way in the layer keys, the legend and the manifest', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 4 });
    const log = recordPage(page);
    await page.goto(`${app.origin}/`);
    await waitForMapIdle(page, log);
    await page.getByText('How to read the map').click();
    for (const [side, pattern] of [
      ['armenia', '/'],
      ['azerbaijan', '\\'],
    ] as const) {
      const key = await page.locator(`.layer-key--claims-${side}`).screenshot();
      const swatch = await page.locator(`.legend svg.side--${side} rect[fill^="url"]`).screenshot();
      expect(stripesRiseToTheRight(key), `layer key, ${side}`).toBe(pattern === '/');
      expect(stripesRiseToTheRight(swatch), `legend, ${side}`).toBe(pattern === '/');
    }
    await page.close();
  });

  it('counts no claims as shown when every claim layer is off, and the list says why', async () => {
    const { page, log } = await app.open('/');
    for (const name of [/Armenian side’s claims/, /Azerbaijani side’s claims/, /Third-party statements/])
      await page.getByRole('checkbox', { name }).uncheck();
    await settle(page, log);
    const count = await page.locator('.timeline p.muted').textContent();
    expect(count).toMatch(/^0 of \d+ claims shown/);
    expect(await page.locator('#tabpanel-claims').textContent()).toContain('switched off');
    await page.close();
  });

  it('frames and selects a check given in the URL without a camera', async () => {
    const check = 'armudlu-400-m-inside-azerbaijan';
    const { page, log } = await app.open(`/?check=${check}`);
    await page.waitForFunction(() => document.querySelector('.check-item--selected') !== null, null, {
      timeout: 30_000,
    });
    await settle(page, log);
    expect(await page.getByRole('tab', { name: /Figures checked/ }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await page.locator('.check-item--selected h3').textContent()).toBeTruthy();
    const view = await page.evaluate(() => {
      const map = window.__conflictMap?.map;
      return map ? { zoom: map.getZoom(), inView: map.getBounds().contains([45.911667, 40.075]) } : null;
    });
    expect(view?.zoom).toBeGreaterThan(11);
    expect(view?.inView).toBe(true);
    await page.close();
  });

  it('moves back to the whole region every time “Whole region” is pressed', async () => {
    const { page, log } = await openStill(app.browser, `${app.origin}/`, { width: 1280, height: 800 });
    const whole = page.getByRole('button', { name: 'Whole region' });
    const zoomAfterPress = async () => {
      await whole.click();
      await settle(page, log);
      return page.evaluate(() => window.__conflictMap?.map.getZoom() ?? 0);
    };
    const first = await zoomAfterPress();
    await page.evaluate(() => window.__conflictMap?.map.jumpTo({ center: [46.23, 39.6], zoom: 12 }));
    await settle(page, log);
    const second = await zoomAfterPress();
    expect(second).toBeCloseTo(first, 1);
    await page.close();
  });

  it('shows the legend’s disclosure marker', async () => {
    const { page } = await app.open('/');
    const display = await page.locator('.legend summary').evaluate((el) => getComputedStyle(el).display);
    expect(display).toBe('list-item');
    await page.close();
  });

  it('does not say a verdict twice ("Cannot be checked cannot be checked")', async () => {
    const { page } = await app.open('/');
    await page.getByRole('tab', { name: /Figures checked/ }).click();
    await page.locator('.check-list').waitFor();
    const text = (await page.locator('.check-list').textContent()) ?? '';
    expect(text).toContain('Cannot be checked');
    expect(text.toLowerCase()).not.toMatch(/cannot be checked\s*cannot be checked/);
    await page.close();
  });

  it('puts the layer switches a few Tab presses into the panel, before the claim list', async () => {
    const { page } = await app.open('/');
    await page.locator('.sidebar').evaluate((el) => el.querySelector<HTMLElement>('button, input')?.focus());
    let presses = 0;
    for (; presses < 40; presses++) {
      const isLayer = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.name === 'layer',
      );
      if (isLayer) break;
      await page.keyboard.press('Tab');
    }
    expect(presses).toBeLessThanOrEqual(12);
    await page.close();
  });

  it('draws the legend and the layer keys in the dark scheme’s colours when the page is dark', async () => {
    const { page } = await app.open('/?theme=dark');
    const colours = await page.evaluate(() => ({
      lake: getComputedStyle(document.querySelector('.legend-lake') as Element).fill,
      areaKey: getComputedStyle(document.querySelector('.layer-key--areas') as Element).backgroundColor,
      controls: getComputedStyle(document.querySelector('.maplibregl-ctrl-group') as Element).backgroundColor,
    }));
    // The dark lake (#30506a) and panel (#222220), not the light ones.
    expect(colours.lake).toBe('rgb(48, 80, 106)');
    expect(colours.areaKey).toBe('rgb(48, 80, 106)');
    expect(colours.controls).toBe('rgb(34, 34, 32)');
    await page.close();
  });

  it('follows theme=: the embed is light on a dark system by default, the app follows the system', async () => {
    const page = await app.browser.newPage({ viewport: { width: 700, height: 900 }, colorScheme: 'dark' });
    const log = recordPage(page);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const mapWater = () =>
      page.evaluate(() => window.__conflictMap?.map.getPaintProperty('water', 'background-color'));
    await page.goto(`${app.origin}/embed.html`);
    await waitForMapIdle(page, log);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await mapWater()).toBe('#c6d7e4');
    await page.goto(`${app.origin}/embed.html?theme=dark`);
    await waitForMapIdle(page, log);
    expect(await mapWater()).toBe('#1b2631');
    await page.goto(`${app.origin}/`);
    await waitForMapIdle(page, log);
    expect(await background()).toBe('rgb(23, 23, 22)');
    await page.goto(`${app.origin}/?theme=light`);
    await waitForMapIdle(page, log);
    expect(await background()).toBe('rgb(251, 250, 247)');
    expect(await mapWater()).toBe('#c6d7e4');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it('gives the embedded map a usable height on a phone (≥ 300 px and over half the screen)', async () => {
    for (const width of [320, 390]) {
      const { page } = await app.open('/embed.html', { width, height: 760 });
      const height = await page.locator('.map-panel').evaluate((el) => el.getBoundingClientRect().height);
      expect(height).toBeGreaterThanOrEqual(300);
      expect(height).toBeGreaterThan(760 * 0.5);
      await page.close();
    }
  }, 240_000);
});
