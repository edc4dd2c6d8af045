// Every place the story names gets a label when its area is framed, and both sides' claims are drawn:
// the "Areas of the story" shortcuts, checked through what MapLibre actually placed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBuiltApp, waitForNextIdle } from './harness.ts';

const AREAS = [
  { button: /Lake Sev, Goris and Verishen/, places: ['goris', 'verishen', 'lake-sev'] },
  { button: /Vardenis, Verin Shorzha, Kut and Sotk/, places: ['vardenis', 'verin-shorzha', 'kut', 'sotk'] },
  { button: /Kalbajar and the Armudlu direction/, places: ['kalbajar', 'armudlu-direction'] },
];

describe('areas of the story', () => {
  const app = useBuiltApp();

  it('frames each sector with every named place labelled', async () => {
    const { page, log } = await app.open();
    for (const [index, area] of AREAS.entries()) {
      await page.getByRole('button', { name: area.button }).click();
      // The camera moves, then the map settles.
      await page.waitForFunction(() => !window.__conflictMap?.map.isMoving(), null, { timeout: 60_000 });
      await waitForNextIdle(page);
      const labelled = await page.evaluate(() =>
        (
          window.__conflictMap?.map.queryRenderedFeatures({
            layers: ['places-label-key', 'places-label', 'places-label-village'],
          }) ?? []
        ).map((f) => String(f.properties.id)),
      );
      expect(labelled).toEqual(expect.arrayContaining(area.places));
      await page.screenshot({ path: join(SCREENSHOTS, `area-${index + 1}-1280x800.png`) });
    }
    const claims = await page.evaluate(() => window.__conflictMap?.renderedClaimIds() ?? []);
    expect(claims).toContain('az-mod-2021-06-01-armudlu');
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('labels the rest of Syunik (Sisian, Tegh, Mets Ishkhanasar) at a sector view', async () => {
    const { page } = await app.open('/?map=9.6/39.55/46.25');
    const labelled = await page.evaluate(() =>
      (
        window.__conflictMap?.map.queryRenderedFeatures({
          layers: ['places-label-key', 'places-label', 'places-label-village'],
        }) ?? []
      ).map((f) => String(f.properties.id)),
    );
    expect(labelled).toEqual(expect.arrayContaining(['sisian', 'tegh', 'mets-ishkhanasar', 'goris']));
    await page.screenshot({ path: join(SCREENSHOTS, 'area-syunik-1280x800.png') });
    await page.close();
  });

  it('shows both sides’ claims in the Lake Sev sector', async () => {
    const { page } = await app.open('/?map=11.2/39.59/46.25');
    const claims = await page.evaluate(() => window.__conflictMap?.renderedClaimIds() ?? []);
    expect(claims.some((id) => id.startsWith('am-'))).toBe(true);
    expect(claims.some((id) => id.startsWith('az-'))).toBe(true);
    await page.close();
  });
});
