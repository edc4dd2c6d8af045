// The map embedded in other people's pages: dist/ served twice, on two origins (the host page on one, the embed on
// the other, as a newsroom's article and our map would be), with the real pym.js parent, the plain snippet, the
// postMessage API, cooperative gestures with a real mouse wheel, and the two sandboxes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_TYPICAL_HEIGHT } from '../../src/embed/snippet.ts';
import {
  DIST,
  IDLE_TIMEOUT_MS,
  launchChromium,
  type PageLog,
  recordPage,
  SCREENSHOTS,
  STORY_LAND_LAYERS,
  type StaticServer,
  seriousViolations,
  serveFolder,
  waitForMapIdle,
} from './harness.ts';

/** Waits for a message, a resize or a click's effect: a second alone, much longer on a loaded machine. */
const WAIT_MS = 60_000;
const IDLE_MS = IDLE_TIMEOUT_MS;
const CLAIM = 'am-goris-2021-05-12-verishen';

/** A message the host page received, as recorded by the init script below. */
interface HostMessage {
  data: unknown;
  fromFrame: boolean;
  origin: string;
}

declare global {
  interface Window {
    __hostMessages?: HostMessage[];
    /** Gestures the embedded map declined (cooperative gestures), recorded inside the frame. */
    __blockedGestures?: string[];
  }
}

/** Records every message the top page receives, and whether it came from the embed's window. */
function recordHostMessages(): void {
  if (window.top !== window) return;
  window.__hostMessages = [];
  window.addEventListener('message', (event) => {
    const frame = document.querySelector('iframe');
    window.__hostMessages?.push({
      data: event.data,
      fromFrame: Boolean(frame) && event.source === frame?.contentWindow,
      origin: event.origin,
    });
  });
}

/** Waits for a condition in a page or frame, or fails saying what it waited for. */
async function until(
  target: Page | Frame,
  what: string,
  check: () => unknown,
  timeoutMs = WAIT_MS,
): Promise<void> {
  try {
    await target.waitForFunction(check, null, { timeout: timeoutMs });
  } catch (error) {
    throw new Error(
      `Gave up after ${timeoutMs / 1000} s waiting for ${what}. (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

/** Polls a value until it passes, or fails saying what it waited for and the last value seen. */
async function poll<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(
        `Gave up after ${timeoutMs / 1000} s waiting for ${what}; last value: ${JSON.stringify(last)}.`,
      );
    await new Promise((done) => setTimeout(done, 100));
    last = await read();
  }
  return last;
}

/** The frame whose URL starts with `prefix` (the embed), once it exists. */
async function frameAt(page: Page, prefix: string): Promise<Frame> {
  const frame = await poll(
    `a frame showing ${prefix}`,
    async () => page.frames().find((f) => f.url().startsWith(prefix)) ?? null,
    (found) => found !== null,
  );
  if (!frame) throw new Error(`no frame showing ${prefix}`);
  return frame;
}

async function waitForFrameIdle(frame: Frame, log: PageLog): Promise<void> {
  try {
    await frame.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
      timeout: IDLE_MS,
    });
  } catch {
    const state = await frame
      .evaluate(() => document.documentElement.dataset.mapState ?? '(not set)')
      .catch(() => '(frame gone)');
    throw new Error(
      `The embedded map did not reach "idle" within ${IDLE_MS / 1000} s (map state: ${state}). ` +
        `Console errors: ${log.consoleErrors.join(' | ') || 'none'}. Failed requests: ${log.failedRequests.join(' | ') || 'none'}.`,
    );
  }
}

/** Messages the host got from the embed's window with `source: 'conflict-map'` (the API's announcements). */
async function announcements(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() =>
    (window.__hostMessages ?? [])
      .filter((m) => m.fromFrame && (m.data as { source?: unknown } | null)?.source === 'conflict-map')
      .map((m) => m.data as Record<string, unknown>),
  );
}

async function postToEmbed(page: Page, message: unknown): Promise<void> {
  await page.evaluate(
    (data) => document.querySelector('iframe')?.contentWindow?.postMessage(data, '*'),
    message,
  );
}

/** The iframe's height on the host page, and the embed document's own height, in whole pixels. */
async function heights(page: Page, frame: Frame): Promise<{ iframe: number; content: number }> {
  const iframe = await page.evaluate(
    () => document.querySelector('iframe')?.getBoundingClientRect().height ?? 0,
  );
  const content = await frame.evaluate(() =>
    Math.ceil(document.documentElement.getBoundingClientRect().height),
  );
  return { iframe: Math.round(iframe), content };
}

async function renderedClaims(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => window.__conflictMap?.renderedClaimIds() ?? []);
}

/** Starts recording, inside the frame, the gestures the map declines (cooperative gestures). */
async function recordBlockedGestures(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    window.__blockedGestures = [];
    window.__conflictMap?.map.on('cooperativegestureprevented', (event) =>
      window.__blockedGestures?.push(event.gestureType),
    );
  });
}

async function zoomOf(frame: Frame): Promise<number> {
  return frame.evaluate(() => window.__conflictMap?.map.getZoom() ?? Number.NaN);
}

describe('embedding the map in another site’s page', () => {
  let host: StaticServer;
  let maps: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // The embed's origin sends Access-Control-Allow-Origin: *, the one thing the sandbox="allow-scripts" case needs.
    maps = await serveFolder(DIST, { cors: true });
    // The example pages frame only their own site's embed: /remote/… on the host's site redirects to the maps origin.
    host = await serveFolder(DIST, { redirect: { from: '/remote/', to: maps.origin } });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await maps?.close();
  });

  interface Opened {
    page: Page;
    log: PageLog;
    frame: Frame;
  }

  /** Opens an example host page on the host origin, with the embed from the other origin. */
  async function openHost(
    example: 'article' | 'pym',
    {
      query = '',
      sandbox,
      viewport = { width: 1280, height: 800 },
      embedOrigin = maps.origin,
      initScript,
    }: {
      query?: string;
      sandbox?: string;
      viewport?: { width: number; height: number };
      embedOrigin?: string;
      /** Runs in the host page (and the frame) before any of their own scripts. */
      initScript?: () => void;
    } = {},
  ): Promise<Opened> {
    const page = await browser.newPage({ viewport });
    const log = recordPage(page);
    await page.addInitScript(recordHostMessages);
    if (initScript) await page.addInitScript(initScript);
    // A same-site address: the host's own embed, or /remote/embed.html, which its server redirects to the other origin.
    const src = `${embedOrigin === host.origin ? '' : '/remote'}/embed.html${query}`;
    const params = new URLSearchParams({ src, ...(sandbox ? { sandbox } : {}) });
    await page.goto(`${host.origin}/examples/${example}.html?${params}`);
    const frame = await frameAt(page, `${embedOrigin}/embed.html`);
    await waitForFrameIdle(frame, log);
    return { page, log, frame };
  }

  /** Waits until the host has sized the iframe to exactly the embed's height. */
  async function sizedToContent(page: Page, frame: Frame): Promise<{ iframe: number; content: number }> {
    return poll(
      'the host to size the iframe to the embed’s height',
      () => heights(page, frame),
      ({ iframe, content }) => content > 200 && iframe === content,
    );
  }

  it('with pym.js on the host page, the iframe takes the height the embed reports', async () => {
    const { page, frame, log } = await openHost('pym');
    const { content } = await sizedToContent(page, frame);
    // pym named the frame "map" (childId) and set its height from our pym-format message.
    expect(frame.url()).toContain('childId=map');
    expect(frame.url()).toContain('initialWidth=');
    const pym = await page.evaluate(() =>
      (window.__hostMessages ?? [])
        .filter((m) => m.fromFrame && typeof m.data === 'string')
        .map((m) => m.data),
    );
    expect(pym).toContain(`pymxPYMxmapxPYMxheightxPYMx${content}`);
    expect(await page.evaluate(() => document.querySelector('#map iframe')?.getAttribute('height'))).toBe(
      `${content}px`,
    );
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('with the plain snippet, the iframe takes the reported height; every height format is sent', async () => {
    const { page, frame, log } = await openHost('article');
    const { content } = await sizedToContent(page, frame);
    const received = await page.evaluate(() =>
      (window.__hostMessages ?? []).filter((m) => m.fromFrame).map((m) => m.data),
    );
    expect(received).toContainEqual({ 'conflict-map-height': { 'conflict-map': content } });
    expect(received).toContainEqual({ sentinel: 'amp', type: 'embed-size', height: content });
    expect(received).toContainEqual(`pymxPYMxconflict-mapxPYMxheightxPYMx${content}`);
    expect(received).toContainEqual(
      JSON.stringify({ src: frame.url(), context: 'iframe.resize', height: content }),
    );
    // In normal use the first height is the final one: data arriving does not change the layout.
    const keyed = received.filter(
      (data) => typeof data === 'object' && data !== null && 'conflict-map-height' in data,
    );
    expect(keyed).toHaveLength(1);
    // No inner scrollbar, nothing clipped.
    const inner = await frame.evaluate(() => ({
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight,
      innerWidth,
      footerBottom:
        document.querySelector('.embed-foot')?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY,
    }));
    expect(inner.scrollHeight).toBeLessThanOrEqual(inner.innerHeight);
    expect(inner.scrollWidth).toBeLessThanOrEqual(inner.innerWidth);
    expect(inner.footerBottom).toBeLessThanOrEqual(inner.innerHeight);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('reserves, in the snippet, about the height the embed has at 700 px wide', async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${maps.origin}/embed.html`);
    await waitForMapIdle(page, log);
    const height = await page.evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height),
    );
    // Fonts differ between systems; within 10 % the article barely moves when the real height arrives.
    expect(Math.abs(height - EMBED_TYPICAL_HEIGHT), `measured ${height} px`).toBeLessThanOrEqual(
      EMBED_TYPICAL_HEIGHT * 0.1,
    );
    await page.close();
  });

  it('applies URL parameters inside the frame: layers, date, language, camera, hidden controls', async () => {
    const query =
      '?layers=claims-armenia,places,border&date=2021-05-20&lang=hy&map=8.4/39.75/45.9' +
      '&title=0&legend=0&timeline=0&zoom=0&checks=0&foo=bar&zoom2=1';
    const warnings: string[] = [];
    const { page, frame } = await openHost('article', { query });
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    await sizedToContent(page, frame);

    // Controls hidden.
    for (const selector of ['.embed-head', '.timeline', '.legend', '.maplibregl-ctrl-zoom-in']) {
      expect(await frame.locator(selector).count(), selector).toBe(0);
    }
    expect(await frame.getByText(/Figures checked/).count()).toBe(0);
    // Layers.
    expect(await frame.getByRole('checkbox', { name: /Armenian side’s claims/ }).isChecked()).toBe(true);
    expect(await frame.getByRole('checkbox', { name: /Azerbaijani side’s claims/ }).isChecked()).toBe(false);
    const claims = await renderedClaims(frame);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((id) => id.startsWith('am-'))).toBe(true);
    // Date: nothing said after 20 May.
    const dates = claims.map((id) => id.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '');
    expect(
      dates.every((date) => date <= '2021-05-20'),
      dates.join(' '),
    ).toBe(true);
    // Language of place names, and the camera.
    const label = await frame.evaluate(() =>
      JSON.stringify(window.__conflictMap?.map.getLayoutProperty('places-label', 'text-field')),
    );
    expect(label).toContain('name_hy');
    expect(await zoomOf(frame)).toBeCloseTo(8.4, 1);
    // The embed never writes its state into its own URL (that would add entries to the host's history).
    expect(frame.url()).toBe(`${maps.origin}/embed.html${query}`);
    await page.reload();
    // Unknown and malformed parameters are named in a warning and break nothing.
    const reloaded = await frameAt(page, `${maps.origin}/embed.html`);
    await until(reloaded, 'the reloaded embed to render', () => document.querySelector('.embed') !== null);
    await poll(
      'a warning naming the unknown parameters',
      async () => warnings,
      (list) => list.some((text) => text.includes('foo') && text.includes('zoom2')),
    );
    await page.close();
  });

  it('lets the wheel scroll the article over the map; Ctrl + wheel zooms the map', async () => {
    const { page, frame } = await openHost('article');
    await sizedToContent(page, frame);
    await page.evaluate(() => window.scrollTo(0, 200));
    const mapCentre = async () => {
      const box = await page.evaluate(() => {
        const r = document.querySelector('iframe')?.getBoundingClientRect();
        return r ? { x: r.left, y: r.top } : null;
      });
      const map = await frame.evaluate(() => {
        const r = document.querySelector('.map')?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      });
      if (!box || !map) throw new Error('no iframe or no map');
      return { x: box.x + map.x, y: box.y + map.y };
    };
    const scrollY = () => page.evaluate(() => window.scrollY);
    /**
     * Resolves with the scroll position when the next scroll (possibly smooth) has ended: the browser's own
     * `scrollend` event, not two samples some milliseconds apart, which a slow machine can take for a stop.
     */
    const nextScrollEnd = () =>
      page.evaluate(() => {
        (window as unknown as { scrollEnded: Promise<number> }).scrollEnded = new Promise((done) =>
          addEventListener('scrollend', () => done(window.scrollY), { once: true }),
        );
      });
    const scrollEnded = () =>
      page.evaluate(() => (window as unknown as { scrollEnded: Promise<number> }).scrollEnded);
    await recordBlockedGestures(frame);

    const zoom0 = await zoomOf(frame);
    const y0 = await scrollY();
    let at = await mapCentre();
    await page.mouse.move(at.x, at.y);
    await nextScrollEnd();
    await page.mouse.wheel(0, 240);
    const y1 = await scrollEnded();
    expect(y1, 'the article scrolled under the wheel').toBeGreaterThan(y0 + 100);
    expect(await zoomOf(frame)).toBeCloseTo(zoom0, 5);
    // The map held back and said why (it shows its hint for this event; the next test checks the wording).
    expect(await frame.evaluate(() => window.__blockedGestures)).toContain('wheel_zoom');

    at = await mapCentre();
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -240);
    await page.keyboard.up('Control');
    await poll(
      'the map to zoom in under Ctrl + wheel',
      () => zoomOf(frame),
      (zoom) => zoom > zoom0 + 0.1,
    );
    expect(await scrollY()).toBe(y1);
    await page.close();
  });

  it('shows the Ctrl hint, not the touch one, in a narrow frame on a desktop browser', async () => {
    const { page, frame } = await openHost('article', { viewport: { width: 390, height: 844 } });
    await sizedToContent(page, frame);
    const map = frame.locator('.map');
    await map.scrollIntoViewIfNeeded();
    await recordBlockedGestures(frame);
    await map.hover();
    await page.mouse.wheel(0, 120);
    await poll(
      'the map to decline the wheel (and show its hint)',
      () => frame.evaluate(() => window.__blockedGestures ?? []),
      (blocked) => blocked.includes('wheel_zoom'),
    );
    // Which of MapLibre's two texts the hint shows is decided by CSS media queries, not by the frame's width.
    const shown = await frame.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.maplibregl-cooperative-gesture-screen > *')]
        .filter((element) => getComputedStyle(element).display !== 'none')
        .map((element) => element.textContent),
    );
    expect(shown).toEqual(['Hold Ctrl and scroll to zoom the map']);
    await page.close();
  });

  it('with gestures=free, the wheel zooms the map and the article stays put', async () => {
    const { page, frame } = await openHost('article', { query: '?gestures=free' });
    await sizedToContent(page, frame);
    const map = frame.locator('.map');
    await map.scrollIntoViewIfNeeded();
    const y0 = await page.evaluate(() => window.scrollY);
    const zoom0 = await zoomOf(frame);
    await map.hover();
    await page.mouse.wheel(0, -240);
    await poll(
      'the map to zoom in under the wheel',
      () => zoomOf(frame),
      (zoom) => zoom > zoom0 + 0.1,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(y0);
    await page.close();
  });

  it('answers the host over postMessage: ready, then layers, date and claim, both ways', async () => {
    const { page, frame, log } = await openHost('article', { query: '?id=story-map' });
    const ready = await poll(
      'the "ready" announcement',
      () => announcements(page),
      (list) => list.length > 0,
    );
    expect(ready[0]).toEqual({
      source: 'conflict-map',
      id: 'story-map',
      type: 'ready',
      layers: [
        'claims-armenia',
        'claims-azerbaijan',
        'claims-third-party',
        'places',
        'border',
        'areas',
        'checks',
      ],
      date: '2021-06-03',
      mode: 'cumulative',
      claim: null,
    });
    /** Does something, then returns the first announcement made after it. */
    const answerTo = async (what: string, action: () => Promise<unknown>) => {
      const before = (await announcements(page)).length;
      await action();
      const list = await poll(
        `the embed to answer ${what}`,
        () => announcements(page),
        (all) => all.length > before,
      );
      return list[before];
    };
    const send = (message: Record<string, unknown>) =>
      answerTo(JSON.stringify(message), () => postToEmbed(page, { target: 'conflict-map', ...message }));

    expect(await send({ type: 'setLayers', layers: ['claims-azerbaijan', 'border'] })).toEqual({
      source: 'conflict-map',
      id: 'story-map',
      type: 'layers',
      layers: ['claims-azerbaijan', 'border'],
    });
    expect(await frame.getByRole('checkbox', { name: /Armenian side’s claims/ }).isChecked()).toBe(false);

    expect(await send({ type: 'setDate', date: '2021-05-20', mode: 'day' })).toEqual({
      source: 'conflict-map',
      id: 'story-map',
      type: 'date',
      date: '2021-05-20',
      mode: 'day',
    });
    expect(await frame.getByRole('slider', { name: 'Day' }).getAttribute('aria-valuetext')).toBe(
      '20 May 2021',
    );

    expect(await send({ type: 'selectClaim', claim: CLAIM })).toEqual({
      source: 'conflict-map',
      id: 'story-map',
      type: 'claim',
      claim: CLAIM,
    });
    await frame.locator('article.claim-card').waitFor({ timeout: WAIT_MS });
    expect(await frame.locator('article.claim-card blockquote').textContent()).toContain(
      '30-percent of the lake',
    );
    // The host's command did not pull focus into the frame (that would scroll the article to it).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

    expect(await send({ type: 'selectClaim', claim: null })).toMatchObject({ type: 'claim', claim: null });
    expect(await frame.locator('article.claim-card').count()).toBe(0);

    // A reader's own change in the frame is announced too.
    const unchecked = await answerTo('a reader unticking "Border"', () =>
      frame.getByRole('checkbox', { name: /^Border \(OpenStreetMap/ }).uncheck(),
    );
    expect(unchecked).toMatchObject({ type: 'layers', layers: ['claims-azerbaijan'] });
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('takes a flood of host commands as one: 10,000 setDate give one change and one announcement', async () => {
    const { page, frame } = await openHost('article', { query: '?id=flood' });
    await poll(
      'the "ready" announcement',
      () => announcements(page),
      (list) => list.length > 0,
    );
    const before = (await announcements(page)).length;
    const started = Date.now();
    await page.evaluate(() => {
      const target = document.querySelector('iframe')?.contentWindow;
      if (!target) throw new Error('no embed window');
      for (let i = 0; i < 9_999; i++) {
        const day = `2021-05-${String(11 + (i % 20)).padStart(2, '0')}`;
        target.postMessage({ target: 'conflict-map', type: 'setDate', date: day }, '*');
      }
      target.postMessage({ target: 'conflict-map', type: 'setDate', date: '2021-05-20' }, '*');
      // Messages are handled in order: the answer to this one means every setDate before it has been handled.
      target.postMessage({ target: 'conflict-map', type: 'setLayers', layers: ['border'] }, '*');
    });
    const after = await poll(
      'the answer to the command sent after the flood',
      async () => (await announcements(page)).slice(before),
      (list) => list.some((m) => m.type === 'layers'),
      60_000,
    );
    console.info(`10,000 setDate commands handled in ${Date.now() - started} ms (including delivery).`);
    expect(after.filter((m) => m.type === 'date')).toEqual([
      { source: 'conflict-map', id: 'flood', type: 'date', date: '2021-05-20', mode: 'cumulative' },
    ]);
    expect(await frame.getByRole('slider', { name: 'Day' }).getAttribute('aria-valuetext')).toBe(
      '20 May 2021',
    );
    await page.close();
  });

  it('ignores malformed messages and messages from windows other than its parent', async () => {
    const { page, frame } = await openHost('article');
    await poll(
      'the "ready" announcement',
      () => announcements(page),
      (list) => list.length > 0,
    );
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    const bad: unknown[] = [
      null,
      42,
      JSON.stringify({ target: 'conflict-map', type: 'setLayers', layers: [] }),
      { target: 'conflict-map', type: 'setLayers', layers: ['nope'] },
      { target: 'conflict-map', type: 'setLayers', layers: 'claims-armenia' },
      { target: 'conflict-map', type: 'setLayers', layers: [], extra: 1 },
      { target: 'conflict-map', type: 'setDate', date: '2020-01-01' },
      { target: 'conflict-map', type: 'selectClaim', claim: '<img src=x onerror="document.title=1">' },
      { target: 'conflict-map', type: 'selectClaim', claim: 'no-such-claim' },
      { target: 'conflict-map', type: 'eval', code: 'document.title = 1' },
    ];
    const before = (await announcements(page)).length;
    for (const message of bad) await postToEmbed(page, message);

    // A sibling frame on the host page (same origin as the host, but not the embed's parent) sends a valid command.
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.name = 'sibling';
      sibling.srcdoc = '<p>sibling</p>';
      document.body.append(sibling);
      return new Promise((done) => sibling.addEventListener('load', done));
    });
    const sibling = page.frames().find((f) => f.name() === 'sibling');
    if (!sibling) throw new Error('the sibling frame did not load');
    await sibling.evaluate(() => {
      const embed = parent.document.querySelector<HTMLIFrameElement>('iframe[data-conflict-map]');
      embed?.contentWindow?.postMessage({ target: 'conflict-map', type: 'setLayers', layers: [] }, '*');
    });

    // Messages are handled in order: once this one is answered, all the ones before it have been handled.
    await postToEmbed(page, { target: 'conflict-map', type: 'setDate', date: '2021-05-15' });
    const after = await poll(
      'the answer to the last, valid command',
      async () => (await announcements(page)).slice(before),
      (list) => list.some((m) => m.type === 'date'),
    );
    expect(after).toEqual([
      { source: 'conflict-map', id: 'conflict-map', type: 'date', date: '2021-05-15', mode: 'cumulative' },
    ]);
    expect(await frame.getByRole('checkbox', { name: /Armenian side’s claims/ }).isChecked()).toBe(true);
    expect(await frame.locator('article.claim-card').count()).toBe(0);
    expect(await frame.evaluate(() => document.title)).not.toBe('1');
    expect(await frame.evaluate(() => document.querySelector('img[onerror]'))).toBeNull();
    // Each message addressed to the map was named in a warning; the others (null, 42, a string) were silent.
    expect(warnings.filter((text) => text.startsWith('Ignored a conflict-map message'))).toHaveLength(8);
    await page.close();
  });

  it('accepts commands only from the origins listed in `origins`', async () => {
    const denied = await openHost('article', { query: '?origins=https://news.example' });
    const warnings: string[] = [];
    denied.page.on(
      'console',
      (message) => void (message.type() === 'warning' && warnings.push(message.text())),
    );
    // Announcements go only to a listed origin, so this host (another origin) hears nothing, not even "ready"…
    expect(await announcements(denied.page)).toEqual([]);
    // …and its commands are refused.
    await postToEmbed(denied.page, { target: 'conflict-map', type: 'setDate', date: '2021-05-15' });
    await poll(
      'the embed to refuse a command from an origin it does not list',
      async () => warnings,
      (list) => list.some((text) => text.includes(`from origin ${host.origin}`)),
    );
    expect(await denied.frame.getByRole('slider', { name: 'Day' }).getAttribute('aria-valuetext')).toBe(
      '3 June 2021',
    );
    await denied.page.close();

    const allowed = await openHost('article', { query: `?origins=https://news.example,${host.origin}` });
    await poll(
      'the "ready" announcement',
      () => announcements(allowed.page),
      (list) => list.length > 0,
    );
    await postToEmbed(allowed.page, { target: 'conflict-map', type: 'setDate', date: '2021-05-15' });
    await poll(
      'the date announcement',
      () => announcements(allowed.page),
      (list) => list.some((m) => m.type === 'date' && m.date === '2021-05-15'),
    );
    await allowed.page.close();
  });

  for (const sandbox of ['allow-scripts allow-same-origin', 'allow-scripts']) {
    it(`draws the map and sizes itself inside sandbox="${sandbox}"`, async () => {
      const { page, frame, log } = await openHost('article', { sandbox });
      expect(await page.evaluate(() => document.querySelector('iframe')?.getAttribute('sandbox'))).toBe(
        sandbox,
      );
      // Without allow-same-origin the frame's origin is opaque: every request goes out with `Origin: null`.
      expect(await frame.evaluate(() => origin)).toBe(
        sandbox.includes('allow-same-origin') ? maps.origin : 'null',
      );
      const drawn = await frame.evaluate(() => window.__conflictMap?.renderedLayerIds() ?? []);
      expect(drawn).toEqual(expect.arrayContaining(['border', ...STORY_LAND_LAYERS]));
      expect((await renderedClaims(frame)).length).toBeGreaterThan(0);
      await sizedToContent(page, frame);
      // The API works too: the host checks event.source, which an opaque origin does not change.
      const ready = await poll(
        'the "ready" announcement',
        () => announcements(page),
        (list) => list.length > 0,
      );
      expect(ready[0]).toMatchObject({ type: 'ready' });
      await postToEmbed(page, { target: 'conflict-map', type: 'setDate', date: '2021-05-20' });
      await poll(
        'the date announcement',
        () => announcements(page),
        (list) => list.some((m) => m.type === 'date'),
      );
      expect(log.failedRequests).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    });
  }

  it('says in the frame what is missing when an opaque-origin sandbox meets a server without CORS', async () => {
    // The host origin's server does not send Access-Control-Allow-Origin: the embed's module script is refused.
    const page = await browser.newPage({ viewport: { width: 700, height: 800 } });
    const params = new URLSearchParams({ src: `${host.origin}/embed.html`, sandbox: 'allow-scripts' });
    await page.goto(`${host.origin}/examples/article.html?${params}`);
    const frame = await frameAt(page, `${host.origin}/embed.html`);
    await until(
      frame,
      'the "could not start" note to show',
      () => {
        const note = document.getElementById('embed-fallback');
        return note !== null && getComputedStyle(note).visibility === 'visible';
      },
      WAIT_MS,
    );
    expect(await frame.locator('#embed-fallback').textContent()).toContain('Access-Control-Allow-Origin: *');
    await page.close();
  });

  for (const example of ['article', 'pym'] as const) {
    it(`${example} example: frames only this site’s embed pages from ?src=, and says so when it refuses`, async () => {
      const refused = [
        'https://evil.example/phish.html',
        `${maps.origin}/embed.html`, // the map, but on another site: not this page's to vouch for
        '/examples/article.html', // this site, but not an embed page
        'javascript:document.title=1',
      ];
      for (const src of refused) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        const log = recordPage(page);
        await page.goto(
          `${host.origin}/examples/${example}.html?${new URLSearchParams({ src, sandbox: 'none' })}`,
        );
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: WAIT_MS });
        expect(await alert.textContent()).toContain('only frames the map’s own embed page'.replace('’', "'"));
        const frameSrc = await page.locator('iframe').first().getAttribute('src');
        expect(
          new URL(frameSrc ?? '', page.url()).href.startsWith(`${host.origin}/embed.html`),
          frameSrc ?? '',
        ).toBe(true);
        // The refused address was never requested, and the sandbox of the default frame was kept.
        const target = new URL(src, page.url()).href;
        expect(log.requests.filter((url) => url === target)).toEqual([]);
        expect(await page.evaluate(() => document.title)).not.toBe('1');
        await page.close();
      }
    });

    it(`${example} example: loads the frame once, at the address ?src= gives (no aborted first load)`, async () => {
      const { page, log } = await openHost(example, {
        query: '?date=2021-05-20',
        sandbox: 'allow-scripts',
        // Records every change to the src of a frame already in the page: each one restarts its loading.
        initScript: () => {
          const changes: string[] = [];
          (window as unknown as { srcChanges: string[] }).srcChanges = changes;
          new MutationObserver((records) => {
            for (const r of records)
              if (r.target.nodeName === 'IFRAME')
                changes.push(`${r.oldValue} → ${(r.target as HTMLIFrameElement).src}`);
          }).observe(document, {
            subtree: true,
            attributes: true,
            attributeFilter: ['src'],
            attributeOldValue: true,
          });
        },
      });
      expect(await page.evaluate(() => (window as unknown as { srcChanges: string[] }).srcChanges)).toEqual(
        [],
      );
      // The frame went straight to the address asked for: the default embed was never requested, nothing aborted.
      expect(log.requests.filter((url) => url.startsWith(`${host.origin}/embed.html`))).toEqual([]);
      expect(log.failedRequests).toEqual([]);
      await page.close();
    });
  }

  it('gives, in the full app’s Embed dialog, code that works as pasted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${host.origin}/?layers=claims-armenia,border&date=2021-05-20&lang=hy`);
    const button = page.getByRole('button', { name: 'Embed', exact: true });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.waitFor({ timeout: WAIT_MS });
    // Focus is in the dialog, on the code.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-code');
    const snippet = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
    expect(snippet).toContain(
      `src="${host.origin}/embed.html?layers=claims-armenia,border&amp;date=2021-05-20&amp;lang=hy"`,
    );
    expect(snippet).toContain(
      'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await until(page, 'Escape to close the dialog', () => !document.querySelector('dialog')?.open);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Embed');

    // The code, pasted as it is into some page on a third address.
    await page.route(`${host.origin}/pasted.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><title>Pasted</title></head><body><h1>A page</h1>${snippet}<p>After.</p></body></html>`,
      }),
    );
    await page.addInitScript(recordHostMessages);
    await page.goto(`${host.origin}/pasted.html`);
    const frame = await frameAt(page, `${host.origin}/embed.html`);
    await waitForFrameIdle(frame, log);
    await sizedToContent(page, frame);
    expect(await frame.getByRole('checkbox', { name: /Azerbaijani side’s claims/ }).isChecked()).toBe(false);
    expect(await frame.getByRole('slider', { name: 'Day' }).getAttribute('aria-valuetext')).toBe(
      '20 May 2021',
    );
    await page.close();
  });

  it('has no serious or critical axe-core violations, with a claim open and the lists unfolded', async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 800 } });
    const log = recordPage(page);
    await page.goto(`${maps.origin}/embed.html?claim=${CLAIM}`);
    await waitForMapIdle(page, log);
    await page.locator('article.claim-card').waitFor({ timeout: WAIT_MS });
    for (const summary of await page.locator('details.embed-more > summary').all()) await summary.click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  for (const example of ['article', 'pym'] as const) {
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      const name = `embed-${example}-${viewport.width}x${viewport.height}`;
      it(`fits its content with no inner scrollbar: ${name}`, async () => {
        const { page, frame } = await openHost(example, { viewport });
        await sizedToContent(page, frame);
        // Let the reported height settle, then check nothing is clipped and nothing scrolls inside the frame.
        const inner = await frame.evaluate(() => ({
          scrollHeight: document.documentElement.scrollHeight,
          scrollWidth: document.documentElement.scrollWidth,
          innerHeight,
          innerWidth,
        }));
        expect(inner.scrollHeight).toBeLessThanOrEqual(inner.innerHeight);
        expect(inner.scrollWidth).toBeLessThanOrEqual(inner.innerWidth);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
        await page.close();
      });
    }
  }
});
