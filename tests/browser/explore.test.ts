// A reader exploring the built app: layers by accessible name, a claim by keyboard, the timeline,
// a shared link restored, the checks drawn, and axe-core on the page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  IDLE_TIMEOUT_MS,
  type PageLog,
  recordPage,
  SCREENSHOTS,
  STORY_LAND_LAYERS,
  useBuiltApp,
  waitForMapIdle,
  waitForNextIdle,
} from './harness.ts';

async function renderedClaims(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__conflictMap?.renderedClaimIds() ?? []);
}

/** Waits until the map has redrawn after a change; nothing may have gone wrong meanwhile. */
async function settle(page: Page, log: PageLog): Promise<void> {
  await waitForNextIdle(page);
  expect(log.consoleErrors).toEqual([]);
}

describe('exploring the story', () => {
  const app = useBuiltApp();
  const open = app.open;

  it('toggles each side’s claims by the checkbox’s accessible name', async () => {
    const { page, log } = await open('/?map=9.5/39.85/46.05');
    const before = await renderedClaims(page);
    expect(before.some((id) => id.startsWith('am-'))).toBe(true);
    expect(before.some((id) => id.startsWith('az-'))).toBe(true);

    await page.getByRole('checkbox', { name: /Azerbaijani side’s claims/ }).uncheck();
    await settle(page, log);
    const withoutAz = await renderedClaims(page);
    expect(withoutAz.some((id) => id.startsWith('az-'))).toBe(false);
    expect(withoutAz.some((id) => id.startsWith('am-'))).toBe(true);

    await page.getByRole('checkbox', { name: /Armenian side’s claims/ }).uncheck();
    await settle(page, log);
    expect(await renderedClaims(page)).toEqual([]);

    await page.getByRole('checkbox', { name: /Azerbaijani side’s claims/ }).check();
    await settle(page, log);
    const onlyAz = await renderedClaims(page);
    expect(onlyAz.length).toBeGreaterThan(0);
    expect(onlyAz.every((id) => id.startsWith('az-'))).toBe(true);
    await page.close();
  });

  it('shows each published border line on its own, with the credit its licence asks for while it is on', async () => {
    const { page, log } = await open('/?map=10/40.1/45.9');
    const layers = () => page.evaluate(() => window.__conflictMap?.renderedLayerIds() ?? []);
    const credit = page.locator('.maplibregl-ctrl-attrib a[href="https://www.amcharts.com/"]');
    // Only the main line is on when the page opens.
    expect(await layers()).toContain('border');
    expect(await layers()).not.toContain('border-amcharts-armenia');
    expect(await credit.count()).toBe(0);

    await page.getByRole('checkbox', { name: /amCharts, map of Armenia/ }).check();
    await settle(page, log);
    expect(await layers()).toContain('border-amcharts-armenia');
    expect(await credit.count()).toBe(1);
    expect(await credit.first().textContent()).toContain('amCharts');

    await page.getByRole('checkbox', { name: /Natural Earth/ }).check();
    await page.getByRole('checkbox', { name: /amCharts, map of Armenia/ }).uncheck();
    await settle(page, log);
    expect(await layers()).toContain('border-natural-earth');
    expect(await layers()).not.toContain('border-amcharts-armenia');
    expect(await credit.count()).toBe(0);
    await page.close();
  });

  it('opens a claim from the list by keyboard and shows its verbatim quote as text', async () => {
    const { page } = await open();
    const item = page.getByRole('button', { name: /Goris/ }).filter({ hasText: 'Yolyan' }).first();
    await item.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('article.claim-card');
    await card.waitFor();
    await expect
      .poll(() => card.locator('blockquote').textContent())
      .toContain('Azerbaijan claims control over 30-percent of the lake');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-card-heading');
    expect(page.url()).toContain('claim=am-goris-2021-05-12-verishen');
    // The Armenian Weekly's account of her post, not her words: the card says whose the words are.
    expect(await card.locator('.claim-quote-kind').textContent()).toBe(
      'As reported by The Armenian Weekly (not their own words)',
    );
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle');
    await page.screenshot({ path: join(SCREENSHOTS, 'claim-card-1280x800.png') });
    await page.close();
  });

  it('says "In their words" only over the claimant’s own words, and whose account the positions follow', async () => {
    // The Azerbaijani defence ministry's own statement, with its own coordinates of the detention site.
    const { page } = await open('/?claim=az-mod-2021-05-27-detention-site');
    const card = page.locator('article.claim-card');
    await card.waitFor();
    expect(await card.locator('.claim-quote-kind').textContent()).toBe('In their words');
    expect(await card.locator('blockquote').textContent()).toContain('(N 40°09′06″; E 45°58′07″)');
    // Drawn by the claimant's own account, so no "as described by" line; the basis says so.
    expect(await card.locator('.claim-drawn-by').count()).toBe(0);
    expect(await card.locator('.claim-basis').first().textContent()).toContain(
      'Drawn from the claimant’s own account of the positions.',
    );
    // News.Az's indirect report of the Armudlu statement: reported, with the outlet named.
    await page.goto(`${app.origin}/?claim=az-mod-2021-06-01-armudlu`);
    await card.waitFor();
    await expect
      .poll(() => card.locator('.claim-quote-kind').textContent())
      .toBe('As reported by News.Az (not their own words)');
    await page.close();
  });

  it('moves the timeline and sees claims appear and disappear', async () => {
    const { page, log } = await open('/?map=8.2/39.85/46.0');
    const all = await renderedClaims(page);
    const slider = page.getByRole('slider', { name: 'Day' });
    await slider.focus();
    await page.keyboard.press('Home');
    await settle(page, log);
    const firstDay = await renderedClaims(page);
    expect(firstDay.length).toBeLessThan(all.length);
    // 1 June: Azerbaijan's Armudlu claim (stated 2 June) is not yet on the map; a day later it is.
    await page.goto(`${app.origin}/?map=8.2/39.85/46.0&date=2021-06-01`);
    await waitForMapIdle(page, log);
    expect(await renderedClaims(page)).not.toContain('az-mod-2021-06-01-armudlu');
    await page.getByRole('button', { name: 'Next day' }).click();
    await settle(page, log);
    expect(await renderedClaims(page)).toContain('az-mod-2021-06-01-armudlu');
    await page.getByRole('radio', { name: 'This day only' }).check();
    await settle(page, log);
    const dayOnly = await renderedClaims(page);
    expect(dayOnly).toContain('az-mod-2021-06-01-armudlu');
    expect(dayOnly.some((id) => id.includes('2021-05-12'))).toBe(false);
    await page.close();
  });

  it('changes the day with a map filter, never by handing the map its claims again', async () => {
    const { page, log } = await open();
    await page.evaluate(() => {
      const source = window.__conflictMap?.map.getSource('claims') as unknown as {
        setData: (...args: unknown[]) => unknown;
      };
      const w = window as unknown as { claimsSetData: number };
      w.claimsSetData = 0;
      const original = source.setData.bind(source);
      source.setData = (...args: unknown[]) => {
        w.claimsSetData++;
        return original(...args);
      };
    });
    await page.getByRole('button', { name: 'Previous day' }).click();
    await settle(page, log);
    await page.getByRole('radio', { name: 'This day only' }).check();
    await settle(page, log);
    expect(await page.evaluate(() => (window as unknown as { claimsSetData: number }).claimsSetData)).toBe(0);
    const filter = await page.evaluate(() => window.__conflictMap?.map.getFilter('claims-line-armenia'));
    expect(JSON.stringify(filter)).toContain('["==",["get","statementDate"],"2021-06-02"]');
    await page.close();
  });

  it('restores the same state from a copied link, and back/forward work', async () => {
    const { page, log } = await open();
    await page.getByRole('checkbox', { name: /Places/ }).uncheck();
    await page.getByRole('combobox', { name: /Place names in/ }).selectOption('hy');
    await page.getByRole('slider', { name: 'Day' }).focus();
    await page.keyboard.press('Home');
    await settle(page, log);
    const url = page.url();
    expect(url).toContain('lang=hy');
    expect(url).toContain('date=2021-05-11');
    expect(url).not.toMatch(/layers=[^&]*places/);

    const second = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const secondLog = recordPage(second);
    await second.goto(url);
    await waitForMapIdle(second, secondLog);
    expect(await second.getByRole('checkbox', { name: /Places/ }).isChecked()).toBe(false);
    expect(await second.getByRole('combobox', { name: /Place names in/ }).inputValue()).toBe('hy');
    expect(await second.getByRole('slider', { name: 'Day' }).getAttribute('aria-valuetext')).toBe(
      '11 May 2021',
    );
    await second.close();

    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('date=2021-05-11');
    await page.goForward();
    await expect.poll(() => page.url()).toContain('date=2021-05-11');
    await page.close();
  });

  it('draws a selected check on the map', async () => {
    const { page, log } = await open();
    await page.getByRole('tab', { name: /Figures checked/ }).click();
    const draw = page.getByRole('button', { name: /Draw on map/ }).first();
    await draw.waitFor();
    await draw.click();
    await settle(page, log);
    const drawn = await page.evaluate(() => window.__conflictMap?.renderedLayerIds() ?? []);
    expect(drawn.some((id) => id.startsWith('measure-'))).toBe(true);
    expect(page.url()).toMatch(/check=[a-z0-9-]+/);
    await page.screenshot({ path: join(SCREENSHOTS, 'check-selected-1280x800.png') });
    // The depth check: the measured segment from the border to the deepest claimed position.
    await page
      .getByRole('button', { name: /Draw on map/ })
      .nth(1)
      .click();
    await settle(page, log);
    await page.screenshot({ path: join(SCREENSHOTS, 'check-depth-1280x800.png') });
    await page.close();
  });

  it('names a broken data file in plain words and keeps the rest of the map working', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    // A truncated claims file (as from a failed deploy) and a missing places file.
    await page.route(/claims-[^/]*\.geojson$/, (route) =>
      route.fulfill({
        contentType: 'application/geo+json',
        body: '{"type": "FeatureCollection", "features": [',
      }),
    );
    await page.route(/places-[^/]*\.geojson$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${app.origin}/`);
    const alert = page.getByRole('alert').filter({ hasText: 'Something did not load' });
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/data\/armenia-azerbaijan-2021\/claims\.geojson at line 1, column \d+/);
    expect(text).toContain('data/armenia-azerbaijan-2021/places.geojson could not be loaded (HTTP 404)');
    // The map still draws: basemap, border and lake, with no uncaught errors.
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
      timeout: IDLE_TIMEOUT_MS,
    });
    const drawn = await page.evaluate(() => window.__conflictMap?.renderedLayerIds() ?? []);
    expect(drawn).toEqual(expect.arrayContaining([...STORY_LAND_LAYERS, 'border']));
    expect(log.consoleErrors.filter((m) => m.startsWith('uncaught'))).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe-core violations', async () => {
    const { page } = await open();
    const violations = await axeViolations(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(violations)).toEqual([]);
    await page.close();
  });

  it('keeps the header to two rows on phones and tablets: "Copy link" and "Embed" open from "Share"', async () => {
    const { page } = await open('/', { width: 360, height: 740 });
    const header = await page.evaluate(
      () => document.querySelector('.app-header')?.getBoundingClientRect().height,
    );
    // Title (two lines at 360 px) and one row of tools: it was three rows, 165 px, before "Share".
    expect(header).toBeLessThanOrEqual(120);
    const share = page.getByRole('button', { name: 'Share' });
    const copy = page.getByRole('button', { name: 'Copy link' });
    const embed = page.getByRole('button', { name: 'Embed', exact: true });
    expect(await share.getAttribute('aria-expanded')).toBe('false');
    expect(await copy.isVisible()).toBe(false);
    await share.click();
    expect(await share.getAttribute('aria-expanded')).toBe('true');
    expect(await copy.isVisible()).toBe(true);
    // Escape closes the menu and puts focus back on "Share".
    await copy.focus();
    await page.keyboard.press('Escape');
    expect(await copy.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Share');
    // A tap elsewhere closes it too; "Embed" from the menu opens its dialog.
    await share.click();
    await page.mouse.click(180, 400);
    expect(await embed.isVisible()).toBe(false);
    await share.click();
    await embed.click();
    await page.getByRole('dialog', { name: 'Embed this map' }).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Embed');
    await page.close();

    // A tablet (portrait) has the same menu: title and subtitle on the first row, the tools on the second.
    const { page: tablet } = await open('/', { width: 820, height: 1180 });
    const tabletHeader = await tablet.evaluate(
      () => document.querySelector('.app-header')?.getBoundingClientRect().height,
    );
    expect(tabletHeader).toBeLessThanOrEqual(145);
    expect(await tablet.getByRole('button', { name: 'Share' }).isVisible()).toBe(true);
    await tablet.close();

    // On a wide screen the two are in the row and "Share" is not shown.
    const { page: wide } = await open('/', { width: 1280, height: 800 });
    expect(await wide.getByRole('button', { name: 'Copy link' }).isVisible()).toBe(true);
    expect(await wide.getByRole('button', { name: 'Share' }).isVisible()).toBe(false);
    await wide.close();
  });

  for (const [name, viewport] of [
    ['phone-360x740', { width: 360, height: 740 }],
    ['desktop-1280x800', { width: 1280, height: 800 }],
  ] as const) {
    it(`is usable at ${name} with no horizontal scrolling`, async () => {
      const { page } = await open('/', viewport);
      await page.screenshot({ path: join(SCREENSHOTS, `explore-${name}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      // Touch targets: every button and checkbox row is at least 44 px tall.
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.sidebar button, .check-row, .header-tools button')]
          .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
          .map((el) => el.textContent?.trim().slice(0, 40)),
      );
      expect(small).toEqual([]);
      await page.close();
    });
  }
});
