// The browser takes the map's WebGL context away mid-session (WEBGL_lose_context, as after a GPU reset): nothing
// throws while it is gone; after the restore the map agrees with the panel; if it never comes back the page says so
// and the text lists remain.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type PageLog, recordPage, useBuiltApp, waitForMapIdle } from './harness.ts';

declare global {
  interface Window {
    __loseContext?: { loseContext(): void; restoreContext(): void };
  }
}

const CLAIM = 'am-goris-2021-05-12-verishen';

/** Takes the context away, and returns once MapLibre has heard of it. */
async function loseContext(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const map = window.__conflictMap?.map;
        // The same context MapLibre draws with: getContext returns the existing one.
        const extension = map?.getCanvas().getContext('webgl2')?.getExtension('WEBGL_lose_context');
        if (!map || !extension) return fail(new Error('WEBGL_lose_context is not available'));
        window.__loseContext = extension;
        map.once('webglcontextlost', () => done());
        extension.loseContext();
      }),
  );
}

/** What the map draws and how its style is set, for comparing two pages. */
async function mapState(page: Page) {
  return page.evaluate(() => {
    const view = window.__conflictMap;
    const map = view?.map;
    if (!view || !map) throw new Error('no map');
    const layers = map.getStyle().layers;
    return {
      claims: view.renderedClaimIds(),
      layers: view.renderedLayerIds(),
      visibility: Object.fromEntries(
        layers.map((l) => [l.id, map.getLayoutProperty(l.id, 'visibility') ?? 'visible']),
      ),
      filters: Object.fromEntries(layers.map((l) => [l.id, JSON.stringify(map.getFilter(l.id) ?? null)])),
      label: JSON.stringify(map.getLayoutProperty('places-label', 'text-field')),
    };
  });
}

function uncaught(log: PageLog): string[] {
  return log.consoleErrors.filter((message) => message.startsWith('uncaught') || message.includes('Error'));
}

describe('a lost WebGL context', () => {
  const app = useBuiltApp();

  it('never makes a call into the map throw; after the restore the map agrees with the panel', async () => {
    const { page, log } = await app.open('/?map=9.5/39.85/46.05');
    await loseContext(page);
    const overlay = page.getByRole('status').filter({ hasText: 'restoring' });
    await overlay.waitFor({ timeout: 60_000 });
    expect(await overlay.textContent()).toContain('The browser interrupted the map’s graphics (WebGL)');

    // While it is gone, the reader changes everything the map shows: layers, day, language, selection.
    await page.getByRole('checkbox', { name: /Azerbaijani side’s claims/ }).uncheck();
    await page.getByRole('slider', { name: 'Day' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('combobox', { name: /Place names in/ }).selectOption('hy');
    await page.getByRole('button', { name: /Goris/ }).filter({ hasText: 'Yolyan' }).first().click();
    await page.locator('article.claim-card').waitFor();
    // Every call the app and the tests make into the map returns instead of throwing.
    const calls = await page.evaluate(() => {
      const view = window.__conflictMap;
      if (!view) return 'no map';
      view.jumpTo({ center: [46.2, 39.6], zoom: 10 });
      view.fitBounds([46.1, 39.5, 46.3, 39.7], true);
      return JSON.stringify([
        view.renderedClaimIds(),
        view.renderedLayerIds(),
        view.storyDrawn(),
        view.pendingFiles(),
      ]);
    });
    expect(calls).toBe('[[],[],false,[]]');
    expect(uncaught(log)).toEqual([]);

    await page.evaluate(() => window.__loseContext?.restoreContext());
    await waitForMapIdle(page, log);
    expect(uncaught(log)).toEqual([]);
    expect(page.url()).toContain('date=2021-05-13');
    expect(page.url()).toContain(`claim=${CLAIM}`);

    // The same link in a page whose context was never lost: the map must be the same, drawn and styled.
    const restored = await mapState(page);
    const control = await app.open(new URL(page.url()).pathname + new URL(page.url()).search);
    const fresh = await mapState(control.page);
    expect(restored).toEqual(fresh);
    // And what the panel says is what the map shows.
    expect(restored.claims).toContain(CLAIM);
    expect(restored.claims.some((id) => id.startsWith('az-'))).toBe(false);
    expect(restored.claims.every((id) => (id.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '') <= '2021-05-13')).toBe(
      true,
    );
    expect(restored.label).toContain('name_hy');
    expect(restored.filters['selected-shape']).toContain(CLAIM);
    await control.page.close();
    await page.close();
  });

  it('that does not come back: said in words, and the text lists stay', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${app.origin}/`);
    await waitForMapIdle(page, log);
    await loseContext(page);
    const alert = page.getByRole('alert').filter({ hasText: 'stopped drawing' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('Every claim and check is listed in text on this page');
    expect(await page.evaluate(() => document.documentElement.dataset.mapState)).toBe('unavailable');
    // The lists work without the map.
    await page.getByRole('button', { name: /Goris/ }).filter({ hasText: 'Yolyan' }).first().click();
    await page.locator('article.claim-card blockquote').waitFor();
    await page.getByRole('button', { name: /Back to the list/ }).click();
    await page.getByRole('tab', { name: /Figures checked/ }).click();
    await page
      .getByRole('button', { name: /Draw on map/ })
      .first()
      .waitFor();
    expect(uncaught(log)).toEqual([]);
    await page.close();
  });
});
