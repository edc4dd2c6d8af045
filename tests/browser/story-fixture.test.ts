// A second story, built and opened with nothing changed outside its folder: the made-up fixture story
// (tests/fixtures/stories/northvale-southmark: four sides, two border lines, a zone and a lake, Devanagari names)
// is built with STORY=<folder> into a temporary directory, served, and explored in Chromium: its sides' claims are
// drawn, toggled and counted. The repository's working tree is the same before and after.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  type PageLog,
  ROOT,
  recordPage,
  SCREENSHOTS,
  type StaticServer,
  serveFolder,
  waitForMapIdle,
  waitForNextIdle,
} from './harness.ts';

const FIXTURE = 'tests/fixtures/stories/northvale-southmark';

/** What git sees in the working tree: tracked changes and untracked files (a build must add or change none). */
function workingTree(): string {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const diff = spawnSync('git', ['diff', 'HEAD'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return `${status.stdout}\n${diff.stdout}`;
}

async function renderedClaims(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__conflictMap?.renderedClaimIds() ?? []);
}

describe('a second story (the fixture), built with STORY=<folder>', () => {
  const out = mkdtempSync(join(tmpdir(), 'story-fixture-'));
  let before = '';
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    before = workingTree();
    const built = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'vite'),
      ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, STORY: FIXTURE } },
    );
    if (built.status !== 0)
      throw new Error(`building the fixture story failed:\n${built.stdout}${built.stderr}`);
    server = await serveFolder(out);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const open = async (path = '/'): Promise<{ page: Page; log: PageLog }> => {
    if (!browser || !server) throw new Error('not started');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${server.origin}${path}`);
    await waitForMapIdle(page, log);
    return { page, log };
  };

  it('shows the story’s own title, sides and layers', async () => {
    const { page, log } = await open();
    expect(await page.title()).toBe('Test fixture: Northvale–Southmark');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Northvale–Southmark line dispute, 2030 (test fixture)',
    );
    const layers = await page
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    expect(layers).toEqual([
      'claims-northvale',
      'claims-southmark',
      'claims-monitors',
      'claims-joint',
      'places',
      'border',
      'border-treaty-1921',
      'areas',
      'checks',
    ]);
    // The second border line is off by default (shown: false in the manifest).
    expect(await page.getByRole('checkbox', { name: /Treaty line of 1921/ }).isChecked()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'fixture-story-1280x800.png') });
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    await page.close();
  });

  it('draws each side’s claims, counts them, and toggles them by the checkbox', async () => {
    const { page, log } = await open();
    const drawn = await renderedClaims(page);
    for (const prefix of ['nv-', 'sm-', 'mon-'])
      expect(
        drawn.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    // Counts per side for the last day: every claim of each side (joint statements carry no position).
    const count = (name: RegExp) =>
      page.locator('label.check-row').filter({ hasText: name }).locator('.layer-count').textContent();
    expect(await count(/Northvale’s claims/)).toBe('(4 of 4)');
    expect(await count(/Southmark’s claims/)).toBe('(3 of 3)');
    expect(await count(/Monitoring mission’s reports/)).toBe('(1 of 1)');
    expect(await count(/Joint statements/)).toBe('(1 of 1)');

    await page.getByRole('checkbox', { name: /Southmark’s claims/ }).uncheck();
    await waitForNextIdle(page);
    const withoutSouthmark = await renderedClaims(page);
    expect(withoutSouthmark.some((id) => id.startsWith('sm-'))).toBe(false);
    expect(withoutSouthmark.some((id) => id.startsWith('nv-'))).toBe(true);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('moves through the story’s own days', async () => {
    const { page } = await open('/?date=2030-02-03');
    const count = (name: RegExp) =>
      page.locator('label.check-row').filter({ hasText: name }).locator('.layer-count').textContent();
    expect(await count(/Northvale’s claims/)).toBe('(1 of 4)');
    expect(await count(/Southmark’s claims/)).toBe('(2 of 3)');
    const drawn = await renderedClaims(page);
    expect(drawn).toContain('sm-2030-02-03-positions');
    expect(drawn).not.toContain('mon-2030-04-15-patrol');
    await page.close();
  });

  it('labels places in the story’s second language with the Devanagari font it chose', async () => {
    if (!browser || !server) throw new Error('not started');
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.woff2')) fonts.push(request.url());
    });
    await page.goto(`${server.origin}/?lang=hi`);
    await waitForMapIdle(page, log);
    const labels = await page.evaluate(() =>
      (window.__conflictMap?.map.queryRenderedFeatures({ layers: ['places-label'] }) ?? []).map(
        (f) => f.properties.name_hi ?? null,
      ),
    );
    expect(labels).toContain('नॉर्थटाउन');
    expect(fonts.some((url) => url.includes('devanagari'))).toBe(true);
    expect(fonts.some((url) => url.includes('armenian') || url.includes('cyrillic'))).toBe(false);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('left the working tree as it was: the story needed nothing outside its folder', () => {
    expect(workingTree()).toBe(before);
  });
});
