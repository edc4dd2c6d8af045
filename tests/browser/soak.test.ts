// Soak: 1,000 layer toggles and 500 timeline moves, through the page's own controls, must not grow the JavaScript
// heap by more than 10 % once warmed up. The heap is measured after a full garbage collection (Chrome DevTools
// Protocol: HeapProfiler.collectGarbage, then Runtime.getHeapUsage), so only what is still reachable counts.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultLayers, layerGroups } from '../../src/story/manifest.ts';
import { STORY_FOLDER, useBuiltApp, waitForNextIdle } from './harness.ts';

const STORY = STORY_FOLDER.manifest;

/** Toggles layer checkboxes and moves the timeline, in the page, letting the map draw every few steps. */
async function exercise(page: Page, toggles: number, moves: number): Promise<void> {
  await page.evaluate(
    async ({ toggles, moves, layerCount }) => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const boxes = [...document.querySelectorAll<HTMLInputElement>('input[name="layer"]')];
      if (boxes.length !== layerCount)
        throw new Error(`expected ${layerCount} layer checkboxes, found ${boxes.length}`);
      const button = (label: string) => {
        const found = document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
        if (!found) throw new Error(`no "${label}" button`);
        return found;
      };
      const previous = button('Previous day');
      const next = button('Next day');
      // Each layer in turn off, then on again: after an even number of toggles every layer is as it was.
      for (let i = 0; i < toggles; i++) {
        boxes[Math.floor(i / 2) % boxes.length]?.click();
        if (i % 20 === 19) await frame();
      }
      // Back and forth across the story's days.
      let forward = false;
      for (let i = 0; i < moves; i++) {
        if (forward ? next.disabled : previous.disabled) forward = !forward;
        (forward ? next : previous).click();
        if (i % 10 === 9) await frame();
      }
    },
    { toggles, moves, layerCount: layerGroups(STORY).length },
  );
}

/** Bytes of JavaScript heap still reachable after two full collections. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

describe('soak', () => {
  const app = useBuiltApp();

  // 1,500 steps and some 100 redraws in software WebGL: a minute alone, several on a loaded machine.
  it('1,000 layer toggles and 500 timeline moves keep the heap within 10 % of its warmed-up size', {
    timeout: 480_000,
  }, async () => {
    const { page, log } = await app.open('/?map=8.5/39.85/46.0');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    // Warm-up, half the soak: every code path many times over, so that what grows only at first is done growing
    // before the baseline. In a first pass the heap grows by some 7 %: V8's optimised code for the hot paths, and
    // the browser's bounded buffers of performance entries (long animation frames, resource timings: each
    // pushState makes Chromium fetch the favicon again). Heap snapshots show nothing of the app's own growing.
    await exercise(page, 500, 250);
    await waitForNextIdle(page);
    const warm = await heapAfterGc(cdp);

    await exercise(page, 1_000, 500);
    await waitForNextIdle(page);
    const after = await heapAfterGc(cdp);

    const growth = (after - warm) / warm;
    console.info(
      `soak: heap after warm-up ${(warm / 1e6).toFixed(2)} MB, after 1,000 toggles and 500 moves ` +
        `${(after / 1e6).toFixed(2)} MB (${(growth * 100).toFixed(1)} %)`,
    );
    expect(growth).toBeLessThanOrEqual(0.1);
    // Every layer is back on, the page still answers, and nothing went wrong on the way.
    expect(await page.locator('input[name="layer"]:checked').count()).toBe(defaultLayers(STORY).length);
    expect(log.consoleErrors).toEqual([]);
    await cdp.detach();
    await page.close();
  });
});
