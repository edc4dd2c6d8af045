// Broken and hostile input in a real browser: features the validator reports are gone from the counts, the lists
// and the map; the page always leaves "Loading…"; the embed always says `ready`.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultLayers, layerGroups } from '../../src/story/manifest.ts';
import { BROKEN_CLAIMS, committedText, hostileClaimsText } from '../fixtures/broken-story.ts';
import { recordPage, STORY_FOLDER, useBuiltApp, waitForMapIdle } from './harness.ts';

const STORY = STORY_FOLDER.manifest;

/** A committed claim with an uncertainty area by Lake Sev: broken in place, so its area must go too. */
const BROKEN_IN_PLACE = 'am-pm-2021-05-12-syunik-advance';
const LAKE_VIEW = '/?map=11/39.6/46.225';

const committedClaims = (
  JSON.parse(committedText('claims.geojson')) as { features: { properties: { id: string; side: string } }[] }
).features.map((f) => f.properties);
const kept = committedClaims.filter((claim) => claim.id !== BROKEN_IN_PLACE);
const keptOfSide = (side: string) => kept.filter((claim) => claim.side === side).length;

/** How many claims the list holds: its rows are drawn near the visible part only, each saying the list's size. */
async function listedCount(target: Page | Frame): Promise<number> {
  const first = target.locator('.claim-list > li[aria-setsize]').first();
  await first.waitFor();
  return Number(await first.getAttribute('aria-setsize'));
}

/** Serves the hostile claims file, and places with one nameless feature added, instead of the committed ones. */
async function serveBrokenStory(page: Page): Promise<void> {
  await page.route(/claims-[^/]*\.geojson$/, (route) =>
    route.fulfill({ contentType: 'application/geo+json', body: hostileClaimsText(BROKEN_IN_PLACE) }),
  );
  const places = JSON.parse(committedText('places.geojson')) as { features: unknown[] };
  places.features.push({
    type: 'Feature',
    id: 'nameless',
    properties: {},
    geometry: { type: 'Point', coordinates: [46.2, 39.6] },
  });
  await page.route(/places-[^/]*\.geojson$/, (route) =>
    route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(places) }),
  );
}

async function uncertaintyAreas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__conflictMap?.map;
    const layers = (map?.getStyle().layers ?? [])
      .map((l) => l.id)
      .filter((id) => id.startsWith('uncertainty-'));
    return [...new Set((map?.queryRenderedFeatures({ layers }) ?? []).map((f) => String(f.properties.id)))];
  });
}

describe('broken features in the data files', () => {
  const app = useBuiltApp();

  it('are named, and left out of the counts, the lists and the map; the rest works', async () => {
    // Control: with the committed data, the claim broken below has its uncertainty area drawn at this view.
    const control = await app.open(LAKE_VIEW);
    expect(await uncertaintyAreas(control.page)).toContain(BROKEN_IN_PLACE);
    await control.page.close();

    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await serveBrokenStory(page);
    await page.goto(`${app.origin}${LAKE_VIEW}`);
    await waitForMapIdle(page, log);

    // Named: the alert lists the problems (the first few, then a count).
    const alert = page.getByRole('alert').filter({ hasText: 'Something did not load' });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('data/armenia-azerbaijan-2021/claims.geojson (bad-empty-properties)');
    expect(text).toContain('data/armenia-azerbaijan-2021/places.geojson (nameless)');

    // Counts: each side's claims, as the layer list shows them ("n of total").
    for (const [name, side] of [
      [/Armenian side’s claims/, 'armenia'],
      [/Azerbaijani side’s claims/, 'azerbaijan'],
      [/Third-party statements/, 'third-party'],
    ] as const) {
      const row = page.locator('label.check-row').filter({ hasText: name });
      expect(await row.locator('.layer-count').textContent()).toBe(
        `(${keptOfSide(side)} of ${keptOfSide(side)})`,
      );
    }
    expect(
      await page
        .locator('label.check-row')
        .filter({ hasText: /^Places/ })
        .textContent(),
    ).toContain(
      `(${(JSON.parse(committedText('places.geojson')) as { features: unknown[] }).features.length})`,
    );
    // Lists: every sound claim, nothing else.
    await page.locator('.claim-list').waitFor();
    expect(await listedCount(page)).toBe(kept.length);
    // Map: no dropped claim is drawn, nor the uncertainty area of the one broken in place.
    const drawn = await page.evaluate(() => window.__conflictMap?.renderedClaimIds() ?? []);
    const dropped = [BROKEN_IN_PLACE, ...BROKEN_CLAIMS.map((f) => String(f.id)), 'bad-properties-id'];
    expect(drawn.filter((id) => dropped.includes(id) && id !== 'am-goris-2021-05-12-verishen')).toEqual([]);
    expect(await uncertaintyAreas(page)).not.toContain(BROKEN_IN_PLACE);
    expect(drawn.length).toBeGreaterThan(0);

    // A claim card reads every kept claim's "answers": it opens, with its quote.
    await page.locator('.claim-list button').filter({ hasText: 'Azerbaijani' }).first().click();
    await page.locator('article.claim-card blockquote').waitFor({ timeout: 60_000 });
    expect(log.consoleErrors.filter((m) => m.startsWith('uncaught'))).toEqual([]);
    await page.close();
  });

  it('do not stop the embed from drawing and sending `ready`', async () => {
    const page = await app.browser.newPage({ viewport: { width: 700, height: 800 } });
    const log = recordPage(page);
    await serveBrokenStory(page);
    // A host page on the same server, recording what the embed announces.
    await page.route(`${app.origin}/host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>
          <script>window.received = []; addEventListener('message', (e) => received.push(e.data));</script>
          <iframe src="embed.html" title="map" width="600" height="900"></iframe></body></html>`,
      }),
    );
    await page.goto(`${app.origin}/host.html`);
    await page.waitForFunction(
      () =>
        (window as unknown as { received: { type?: string }[] }).received.some((m) => m?.type === 'ready'),
      null,
      { timeout: 90_000 },
    );
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    if (!frame) throw new Error('no embed frame');
    await frame.locator('details.embed-more > summary').first().click();
    expect(await listedCount(frame)).toBe(kept.length);
    expect(log.consoleErrors.filter((m) => m.startsWith('uncaught'))).toEqual([]);
    await page.close();
  });
});

describe('data files that never arrive', () => {
  const app = useBuiltApp();

  /** Holds every request for a file matching `pattern` open, with no answer, for as long as the page lives. */
  const neverAnswer = (page: Page, pattern: RegExp) => page.route(pattern, () => {});

  it('are named after the timeout; the map settles, the checks run, the embed sends `ready`', async () => {
    // Both pages wait out the same 20 s timeout side by side.
    const app1 = async () => {
      const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const log = recordPage(page);
      // sources.json is fetched by the app's loader (the checks do not need it).
      await neverAnswer(page, /sources-[^/]*\.json$/);
      await page.goto(`${app.origin}/`);
      const alert = page.getByRole('alert').filter({ hasText: 'Something did not load' });
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toContain(
        'data/armenia-azerbaijan-2021/sources.json did not arrive within 20 s',
      );
      await waitForMapIdle(page, log, 60_000);
      expect(await listedCount(page)).toBeGreaterThan(20);
      await page.getByRole('tab', { name: /Figures checked/ }).click();
      await page
        .getByRole('button', { name: /Draw on map/ })
        .first()
        .waitFor({ timeout: 60_000 });
      expect(log.consoleErrors.filter((m) => m.startsWith('uncaught'))).toEqual([]);
      await page.close();
    };
    const embed = async () => {
      const page = await app.browser.newPage({ viewport: { width: 700, height: 800 } });
      const log = recordPage(page);
      // The basemap is fetched by MapLibre itself, which sets no timeout; claims by the app's loader.
      await neverAnswer(page, /basemap-[^/]*\.geojson$/);
      await neverAnswer(page, /claims-[^/]*\.geojson$/);
      await page.route(`${app.origin}/host.html`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>
            <script>window.received = []; addEventListener('message', (e) => received.push(e.data));</script>
            <iframe src="embed.html" title="map" width="600" height="900"></iframe></body></html>`,
        }),
      );
      await page.goto(`${app.origin}/host.html`);
      await page.waitForFunction(
        () =>
          (window as unknown as { received: { type?: string }[] }).received.some((m) => m?.type === 'ready'),
        null,
        { timeout: 90_000 },
      );
      const frame = page.frames().find((f) => f.url().includes('embed.html'));
      if (!frame) throw new Error('no embed frame');
      const text = (await frame.getByRole('alert').first().textContent()) ?? '';
      expect(text).toContain('data/armenia-azerbaijan-2021/claims.geojson did not arrive within 20 s');
      expect(text).toContain(
        'data/armenia-azerbaijan-2021/basemap.geojson did not arrive within 20 s; the map is drawn without it',
      );
      expect(log.consoleErrors.filter((m) => m.startsWith('uncaught'))).toEqual([]);
      await page.close();
    };
    await Promise.all([app1(), embed()]);
  });
});

describe('links that ask for what is not there', () => {
  const app = useBuiltApp();

  it('an unknown claim or check: a plain notice, the lists shown, the address corrected in place', async () => {
    // Control: the history a page opened with a sound link has, once settled (its first entry included).
    const control = await app.open('/?date=2021-05-20');
    const entries = await control.page.evaluate(() => history.length);
    await control.page.close();

    const { page } = await app.open('/?claim=no-such-claim&check=no-such-check&date=2021-05-20');
    const alert = page.getByRole('alert').filter({ hasText: 'Something did not load' });
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('no-such-check');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('This link opens the claim “no-such-claim”, which is not in the story');
    expect(text).toContain(
      'This link shows the checked figure “no-such-check”, which is not among the checks',
    );
    // The lists are there: the checks (the tab the link asked for) and, one click away, the claims.
    await page
      .getByRole('button', { name: /Draw on map/ })
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Claims' }).click();
    expect(await page.locator('.claim-list > li').count()).toBeGreaterThan(0);
    // The rest of the link still applies; the stale ids are gone from the address, which was replaced, not pushed.
    expect(page.url()).toContain('date=2021-05-20');
    expect(page.url()).not.toContain('no-such');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.close();
  });

  it('the same notice in the embed', async () => {
    const { page } = await app.open('/embed.html?claim=no-such-claim');
    const alert = page.getByRole('alert').filter({ hasText: 'Something did not load' });
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('“no-such-claim”');
    expect(await page.locator('article.claim-card').count()).toBe(0);
    await page.close();
  });

  it('layers=foo turns nothing off: unknown names are ignored with a warning that names them', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    const log = recordPage(page);
    await page.goto(`${app.origin}/?layers=foo`);
    await waitForMapIdle(page, log);
    // Every layer as it is by default: the story's layers, those it hides at first (further border lines) unchecked.
    const boxes = page.locator('input[name="layer"]');
    expect(await boxes.count()).toBe(layerGroups(STORY).length);
    const shown = defaultLayers(STORY);
    for (const box of await boxes.all())
      expect(await box.isChecked()).toBe(shown.includes((await box.getAttribute('value')) ?? ''));
    expect(warnings.some((text) => text.includes('layers="foo"'))).toBe(true);
    expect(page.url()).not.toContain('layers=');
    await page.close();
  });
});
