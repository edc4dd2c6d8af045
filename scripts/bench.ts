// Benchmark (not a test: `npm test` never runs it). Builds the app and a bare MapLibre page drawing the same
// basemap, serves both as the README asks a host to (pre-compressed files, cacheable hashed assets), and prints:
//  1. time from navigation to the map's first `idle` (story drawn) for the app, the embed and the bare page:
//     min / median / max of alternated runs (a new browser per run), and the app / bare ratio with its spread; also
//     the bare page drawing the story's claims too (MapLibre's cheapest way): what drawing them costs at all here;
//  2. the gzipped bytes a reader of the app downloads, with MapLibre's share apart;
//  3. the scale series: the same build with generated valid claims files of 1 k, 10 k and 100 k claims — time to
//     idle, main-thread JS heap, and main-thread blocking of a timeline step and of a layer toggle, each also as a
//     ratio to the committed story (its own claims) measured in the same run, and the same figures for the bare page
//     drawing the same claims (the floor: what MapLibre itself needs on this machine), with the app as a multiple;
//  4. Lighthouse (mobile preset, simulated throttling) for the app, the embed and the bare page: medians of
//     alternated runs, compressed serving.
// Usage: npm run bench [-- --runs 9 --scale-runs 3 --lighthouse-runs 5 --only idle,bytes,scale,lighthouse
//                          --scale-sizes 1000,10000,100000 --skip-build --scale-timeout 600]
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { validateFiles } from '../src/data/validate.ts';
import { uncertaintyAreas } from '../src/geo/uncertainty.ts';
import { storyDays } from '../src/story/manifest.ts';
import { CHROMIUM_ARGS, chromiumPath, DIST, launchChromium, ROOT } from '../tests/browser/harness.ts';
import { serveCompressed } from './bench/serve.ts';
import { syntheticClaims } from './bench/synthetic-claims.ts';
import { replaceBuiltData } from './lib/replace-built-data.ts';
import { readStoryFolder, storyDir } from './lib/story-folder.ts';
import { storyPlugin } from './lib/vite-story-plugin.ts';

const BARE_DIST = join(ROOT, '.cache/bench-bare');
const SCALE_CACHE = join(ROOT, '.cache/bench-scale');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const RUNS = option('runs', 9);
const SCALE_RUNS = option('scale-runs', 3);
const LIGHTHOUSE_RUNS = option('lighthouse-runs', 5);
const SCALE_TIMEOUT_MS = option('scale-timeout', 600) * 1000;
const onlyAt = process.argv.indexOf('--only');
const SECTIONS = new Set(
  onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : ['idle', 'bytes', 'scale', 'lighthouse'],
);
const SKIP_BUILD = process.argv.includes('--skip-build');
const sizesAt = process.argv.indexOf('--scale-sizes');
const SCALE_SIZES = sizesAt > 0 ? process.argv[sizesAt + 1].split(',').map(Number) : [1_000, 10_000, 100_000];

const TARGET = {
  idleRatio: 1.1,
  appBytes: 300 * 1024,
  lighthouseEmbed: 90,
  lcpMs: 2500,
  scaleBlockingMs: 200,
  scaleIdleRatio: 3,
  scaleHeapMb: 150,
};

// ---------------------------------------------------------------------------------------------
// Small statistics and printing helpers
// ---------------------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function spread(values: number[], digits = 0, unit = ''): string {
  const finite = values.filter(Number.isFinite);
  const failed = values.length - finite.length;
  if (finite.length === 0) return `no result (${failed} of ${values.length} runs timed out or failed)`;
  const f = (v: number) => `${v.toFixed(digits)}${unit}`;
  const text = `median ${f(median(finite))}  (min ${f(Math.min(...finite))}, max ${f(Math.max(...finite))}; n=${finite.length})`;
  return failed ? `${text}; ${failed} run(s) did not finish` : text;
}

const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// ---------------------------------------------------------------------------------------------
// One page load in a new browser
// ---------------------------------------------------------------------------------------------

interface Blocking {
  /** Sum of the durations of main-thread tasks longer than 50 ms. */
  totalMs: number;
  longestMs: number;
  /**
   * Of totalMs, the time the page's thread stood waiting for the GPU process to finish drawing (a trace of the same
   * interaction): on this machine's software WebGL that is the drawing itself; on a graphics card it is a fraction.
   */
  gpuWaitMs: number;
}

interface Load {
  idleMs: number;
  /** The longest main-thread task from navigation to idle: how long the page stood frozen while loading. */
  longestLoadTaskMs: number;
  /**
   * When the page's thread was last busy after loading (the end of its last long task before a quiet second): the
   * map reports idle before the frame it drew is on screen, and at scale the page can stay frozen well after.
   */
  busyUntilMs: number;
  heapMb: number;
  step: Blocking | null;
  toggle: Blocking | null;
  requested: string[];
}

const FAILED: Load = {
  idleMs: Number.NaN,
  longestLoadTaskMs: Number.NaN,
  busyUntilMs: Number.NaN,
  heapMb: Number.NaN,
  step: null,
  toggle: null,
  requested: [],
};

/** Records main-thread long tasks from now on (the observer stays for the page's life). */
async function watchLongTasks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { benchLongTasks?: [number, number][] };
    if (!w.benchLongTasks) {
      w.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.benchLongTasks?.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask' });
    }
    return performance.now();
  });
}

/**
 * Waits for the map's next idle after a change (a repaint forced so one comes; with `repaint: false`, not), then
 * until no long task has come for a second. (The page function names no inner function: tsx would wrap it in a
 * helper that does not exist in the page.)
 */
async function settle(page: Page, timeoutMs: number, { repaint = true } = {}): Promise<void> {
  await page.evaluate(
    async ([timeout, repaint]) => {
      const w = window as unknown as {
        benchLongTasks: [number, number][];
        __conflictMap?: { map: BenchMap };
        benchMap?: BenchMap;
      };
      type BenchMap = { once(e: string, f: () => void): void; triggerRepaint(): void };
      const map = w.__conflictMap?.map ?? w.benchMap;
      if (map && repaint) {
        await Promise.race([
          new Promise<void>((done) => {
            map.once('idle', () => done());
            map.triggerRepaint();
          }),
          new Promise((done) => setTimeout(done, timeout)),
        ]);
      }
      const giveUpAt = performance.now() + timeout;
      for (let seen = -1; seen !== w.benchLongTasks.length && performance.now() < giveUpAt; ) {
        seen = w.benchLongTasks.length;
        await new Promise((done) => setTimeout(done, 1000));
      }
    },
    [timeoutMs, repaint] as const,
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Chromium's names for the page's thread waiting on the GPU process (a WebGL sync call, or the frame's commit). */
const GPU_WAITS = new Set([
  'CommandBufferProxyImpl::WaitForGetOffset',
  'CommandBufferProxyImpl::WaitForToken',
]);

/** Within the page thread's tasks over 50 ms, the time spent in GPU waits (outermost only, so never twice). */
function gpuWaitInLongTasks(events: TraceEvent[]): number {
  const pageThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}/${e.tid}`),
  );
  const onPage = events.filter((e) => e.ph === 'X' && pageThreads.has(`${e.pid}/${e.tid}`));
  const long = onPage.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) > 50_000);
  const waits = onPage.filter((e) => GPU_WAITS.has(e.name)).sort((a, b) => a.ts - b.ts);
  let total = 0;
  let coveredUntil = 0;
  for (const wait of waits) {
    const end = wait.ts + (wait.dur ?? 0);
    if (end <= coveredUntil) continue;
    const inLongTask = long.some((task) => wait.ts >= task.ts && wait.ts < task.ts + (task.dur ?? 0));
    if (inLongTask) total += end - Math.max(wait.ts, coveredUntil);
    coveredUntil = end;
  }
  return total / 1000;
}

async function blockingOf(page: Page, act: () => Promise<void>, timeoutMs: number): Promise<Blocking> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,gpu', transferMode: 'ReportEvents' });
  const start = await watchLongTasks(page);
  await act();
  await settle(page, timeoutMs);
  const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await traced;
  await cdp.detach();
  const tasks = await page.evaluate((from) => {
    return (window as unknown as { benchLongTasks: [number, number][] }).benchLongTasks.filter(
      ([at]) => at >= from,
    );
  }, start);
  return {
    totalMs: tasks.reduce((sum, [, duration]) => sum + duration, 0),
    longestMs: Math.max(0, ...tasks.map(([, duration]) => duration)),
    gpuWaitMs: gpuWaitInLongTasks(events),
  };
}

/** A timeline step and a layer toggle, done the way a reader does them (the app) or by the bare page's hooks. */
interface Interactions {
  step(page: Page, timeoutMs: number): Promise<void>;
  toggle(page: Page, timeoutMs: number): Promise<void>;
}

const APP_INTERACTIONS: Interactions = {
  step: (page, timeout) => page.getByRole('button', { name: 'Previous day' }).click({ timeout }),
  // The first side's claims layer, whatever the story calls it.
  toggle: (page, timeout) => page.locator('input[name="layer"][value^="claims-"]').first().click({ timeout }),
};

/** tests/bench/bare.ts with `?day=…&previous=…`: the same claims drawn in MapLibre's cheapest way. */
const BARE_INTERACTIONS: Interactions = {
  step: (page) => page.evaluate('benchStep()'),
  toggle: (page) => page.evaluate('benchToggle()'),
};

async function loadPage(
  url: string,
  { interact, timeoutMs = 120_000 }: { interact?: Interactions; timeoutMs?: number } = {},
): Promise<Load> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname.replace(/^\//, '')));
    // Long tasks from the first script on (not only after idle).
    await page.addInitScript(() => {
      const w = window as unknown as { benchLongTasks?: [number, number][] };
      w.benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.benchLongTasks?.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask' });
    });
    await page.goto(url);
    try {
      await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
        timeout: timeoutMs,
        polling: 100,
      });
    } catch {
      return { ...FAILED, requested };
    }
    // Whatever loads right after idle (the checks) is part of the page too.
    await page.waitForLoadState('networkidle');
    const idleMs = await page.evaluate(
      () => performance.getEntriesByName('map-idle')[0]?.startTime ?? Number.NaN,
    );
    const longestLoadTaskMs = await page.evaluate(
      (idle) =>
        Math.max(
          0,
          ...(window as unknown as { benchLongTasks: [number, number][] }).benchLongTasks
            .filter(([at]) => at < idle)
            .map(([, duration]) => duration),
        ),
      idleMs,
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    let step: Blocking | null = null;
    let toggle: Blocking | null = null;
    let busyUntilMs = Number.NaN;
    if (interact) {
      // A page frozen for longer than the timeout gives no figure for that interaction; idle and heap still count.
      const measure = (act: () => Promise<void>) =>
        blockingOf(page, act, timeoutMs).catch((error: unknown) => {
          console.log(
            `  (interaction gave up: ${error instanceof Error ? error.message.split('\n')[0] : error})`,
          );
          return null;
        });
      await watchLongTasks(page);
      await settle(page, timeoutMs, { repaint: false });
      busyUntilMs = await page.evaluate(() =>
        Math.max(
          0,
          ...(window as unknown as { benchLongTasks: [number, number][] }).benchLongTasks.map(
            ([at, duration]) => at + duration,
          ),
        ),
      );
      await settle(page, timeoutMs);
      step = await measure(() => interact.step(page, timeoutMs));
      toggle = await measure(() => interact.toggle(page, timeoutMs));
    }
    return {
      idleMs,
      longestLoadTaskMs,
      busyUntilMs,
      heapMb: usedSize / 2 ** 20,
      step,
      toggle,
      requested,
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Time to idle: app, embed, bare page
// ---------------------------------------------------------------------------------------------

/**
 * The bare page's query that also draws the claims: shown up to the app's first day (the story's default,
 * cumulative), and its step goes to the day before, as the app's "Previous day" does from its first view.
 */
function bareClaimsQuery(): string {
  const { manifest } = readStoryFolder(storyDir(process.env.STORY));
  const days = storyDays(manifest);
  const day = manifest.dates.default;
  return `?day=${day}&previous=${days[Math.max(0, days.indexOf(day) - 1)]}`;
}

async function idleSeries(): Promise<string[]> {
  const app = await serveCompressed(DIST);
  const bare = await serveCompressed(BARE_DIST);
  const pages = [
    { name: 'app', url: `${app.origin}/` },
    { name: 'embed', url: `${app.origin}/embed.html` },
    { name: 'bare page', url: `${bare.origin}/` },
    { name: 'bare + claims', url: `${bare.origin}/${bareClaimsQuery()}` },
  ];
  const times: Record<string, number[]> = { app: [], embed: [], 'bare page': [], 'bare + claims': [] };
  let requested: string[] = [];
  try {
    // One warm-up of each (disk cache, JIT), not counted; then alternate so drift hits all alike.
    requested = (await loadPage(pages[0].url)).requested;
    for (const page of pages.slice(1)) await loadPage(page.url);
    for (let run = 0; run < RUNS; run++) {
      for (const page of pages) times[page.name].push((await loadPage(page.url)).idleMs);
    }
  } finally {
    await app.close();
    await bare.close();
  }
  console.log(
    `\n1. Time from navigation to the map's first idle with the story drawn (${RUNS} alternated runs each, new browser per run, 1280×800, software WebGL, compressed serving):`,
  );
  for (const page of pages) console.log(`  ${page.name.padEnd(13)} ${spread(times[page.name], 0, ' ms')}`);
  console.log(`  runs, app:  ${times.app.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`  runs, bare: ${times['bare page'].map((t) => t.toFixed(0)).join(', ')}`);
  for (const name of ['app', 'embed']) {
    const ratio = median(times[name]) / median(times['bare page']);
    const perRun = times[name].map((t, i) => t / times['bare page'][i]);
    console.log(
      `  ratio ${name} / bare: ${ratio.toFixed(3)} (medians); per alternated pair ${spread(perRun, 2)}   target ≤ ${TARGET.idleRatio}  ${verdict(ratio <= TARGET.idleRatio)}`,
    );
  }
  // Not a target: how much of the app's ratio drawing the story's claims at all costs MapLibre here.
  const floor = times['bare + claims'].map((t, i) => t / times['bare page'][i]);
  const overFloor = times.app.map((t, i) => t / times['bare + claims'][i]);
  console.log(
    `  bare + claims (the bare page also drawing the story's claims and uncertainty areas, MapLibre's cheapest way) / bare: ${(median(times['bare + claims']) / median(times['bare page'])).toFixed(3)} (medians); per alternated run ${spread(floor, 2)}`,
  );
  console.log(
    `  app / bare + claims: ${(median(times.app) / median(times['bare + claims'])).toFixed(3)} (medians); per alternated run ${spread(overFloor, 2)}`,
  );
  return requested;
}

// ---------------------------------------------------------------------------------------------
// 2. Bytes
// ---------------------------------------------------------------------------------------------

type Kind = 'js' | 'css' | 'data' | 'fonts' | 'other';

function kindOf(file: string): Kind {
  if (/\.m?js$/.test(file)) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (/\.(geo)?json$/.test(file)) return 'data';
  if (/\.woff2?$/.test(file)) return 'fonts';
  return 'other';
}

/** MapLibre's chunks are named by vite.config.ts (`maplibre-*`, `maplibre-gl-worker-*`). */
function isMapLibre(file: string): boolean {
  return /[\\/]maplibre[-.]/.test(file);
}

/** Build outputs a page can load: not the pre-compressed copies, source maps or example host pages. */
function isShipped(file: string): boolean {
  return !/\.(br|gz|map)$/.test(file) && !relative(DIST, file).startsWith('examples');
}

function bytesReport(requested: string[]): void {
  const wanted = new Set(requested.map((path) => join(DIST, path === '' ? 'index.html' : path)));
  const rows = filesUnder(DIST)
    .filter((file) => wanted.has(file) && isShipped(file))
    .map((file) => ({
      file: relative(DIST, file),
      kind: kindOf(file),
      mapLibre: isMapLibre(file),
      gz: gzipSync(readFileSync(file), { level: 9 }).length,
    }));
  const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((total, row) => total + row.gz, 0);
  console.log(
    `\n2. Shipped to a reader of the app (the ${rows.length} files index.html requested, worker included), gzip -9:`,
  );
  for (const kind of ['js', 'css', 'data', 'fonts', 'other'] as const) {
    const ours = sum((row) => row.kind === kind && !row.mapLibre);
    const theirs = sum((row) => row.kind === kind && row.mapLibre);
    console.log(
      `  ${kind.padEnd(6)} ${kb(ours + theirs).padStart(10)}  (MapLibre ${kb(theirs)}, ours ${kb(ours)})`,
    );
  }
  const beyond = sum((row) => !row.mapLibre);
  console.log(`  MapLibre itself          ${kb(sum((row) => row.mapLibre))}`);
  console.log(
    `  everything beyond MapLibre ${kb(beyond)}   target ≤ ${kb(TARGET.appBytes)}  ${verdict(beyond <= TARGET.appBytes)}`,
  );
  const everythingBeyond = filesUnder(DIST)
    .filter((file) => isShipped(file) && !isMapLibre(file))
    .reduce((total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  console.log(
    `  all of dist/ beyond MapLibre (embed page, every font subset, previews; examples excluded) ${kb(everythingBeyond)}`,
  );
  console.log('  largest files:');
  for (const row of [...rows].sort((a, b) => b.gz - a.gz).slice(0, 8)) {
    console.log(`  ${kb(row.gz).padStart(10)}  ${row.file}${row.mapLibre ? '  (MapLibre)' : ''}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Scale series
// ---------------------------------------------------------------------------------------------

/**
 * dist/ and the bare page with their claims (and the uncertainty areas derived from them) replaced by `n` generated
 * claims.
 */
function scaleDist(n: number): { app: string; bare: string } {
  const folder0 = readStoryFolder(storyDir(process.env.STORY));
  const read = (file: 'claims' | 'sources' | 'places') =>
    JSON.parse(readFileSync(folder0.paths[file], 'utf8'));
  const claims = syntheticClaims(read('claims'), n, folder0.manifest);
  // The generated file must be one the app accepts whole, or the series would measure less than n claims.
  const started = performance.now();
  const problems = validateFiles(
    [
      { file: 'sources.json', layer: 'sources', data: read('sources') },
      { file: 'places.geojson', layer: 'places', data: read('places') },
      { file: 'claims.geojson', layer: 'claims', data: claims },
    ],
    { story: folder0.manifest },
  );
  const validateMs = performance.now() - started;
  if (problems.length) throw new Error(`generated claims are invalid: ${JSON.stringify(problems[0])}`);
  const text = JSON.stringify(claims);
  const uncertainty = JSON.stringify(uncertaintyAreas(claims as never));
  const folders = { app: join(SCALE_CACHE, String(n)), bare: join(SCALE_CACHE, `bare-${n}`) };
  for (const [folder, from] of [
    [folders.app, DIST],
    [folders.bare, BARE_DIST],
  ]) {
    rmSync(folder, { recursive: true, force: true });
    cpSync(from, folder, { recursive: true });
    replaceBuiltData(folder, { claims: text, uncertainty });
  }
  console.log(
    `  generated ${n.toLocaleString('en')} claims: ${(text.length / 2 ** 20).toFixed(1)} MB, valid (node validator: ${validateMs.toFixed(0)} ms)`,
  );
  return folders;
}

async function scaleSeries(): Promise<void> {
  console.log(
    `\n3. Scale series (${SCALE_RUNS} alternated runs per size, new browser per run, 1280×800; served uncompressed):`,
  );
  const folder0 = readStoryFolder(storyDir(process.env.STORY));
  // The committed story first: the baseline every size is compared with.
  const committed = (JSON.parse(readFileSync(folder0.paths.claims, 'utf8')) as { features: unknown[] })
    .features.length;
  const sizes = [
    { n: committed, folders: { app: DIST, bare: BARE_DIST } },
    ...SCALE_SIZES.map((n) => ({ n, folders: scaleDist(n) })),
  ];
  const bareQuery = bareClaimsQuery();
  const servers = await Promise.all(
    sizes.map(async ({ folders }) => ({
      app: await serveCompressed(folders.app, { compress: false }),
      bare: await serveCompressed(folders.bare, { compress: false }),
    })),
  );
  const results = new Map<number, { app: Load[]; bare: Load[] }>(
    sizes.map(({ n }) => [n, { app: [], bare: [] }]),
  );
  const line = (label: string, run: number, n: number, result: Load) =>
    console.log(
      `  run ${run + 1}, ${String(n).padStart(6)} claims, ${label}: idle ${result.idleMs.toFixed(0)} ms (longest task while loading ${result.longestLoadTaskMs.toFixed(0)} ms; busy until ${result.busyUntilMs.toFixed(0)} ms), heap ${result.heapMb.toFixed(1)} MB, step ${result.step?.totalMs.toFixed(0) ?? '—'} ms (GPU wait ${result.step?.gpuWaitMs.toFixed(0) ?? '—'}), toggle ${result.toggle?.totalMs.toFixed(0) ?? '—'} ms (GPU wait ${result.toggle?.gpuWaitMs.toFixed(0) ?? '—'})   (load ${load()})`,
    );
  const attempt = (url: string, interact: Interactions, what: string) =>
    loadPage(url, { interact, timeoutMs: SCALE_TIMEOUT_MS }).catch((error: unknown) => {
      console.log(`  ${what}: ${error instanceof Error ? error.message : error}`);
      return FAILED;
    });
  try {
    for (let run = 0; run < SCALE_RUNS; run++) {
      for (const [i, { n }] of sizes.entries()) {
        const app = await attempt(
          `${servers[i].app.origin}/`,
          APP_INTERACTIONS,
          `${n} claims, run ${run + 1}`,
        );
        results.get(n)?.app.push(app);
        line('app ', run, n, app);
        const bare = await attempt(
          `${servers[i].bare.origin}/${bareQuery}`,
          BARE_INTERACTIONS,
          `${n} claims, bare page, run ${run + 1}`,
        );
        results.get(n)?.bare.push(bare);
        line('bare', run, n, bare);
      }
    }
  } finally {
    await Promise.all(servers.flatMap(({ app, bare }) => [app.close(), bare.close()]));
  }
  const of = (n: number, pick: (load: Load) => number | undefined, page: 'app' | 'bare' = 'app') =>
    (results.get(n)?.[page] ?? []).map((load) => pick(load) ?? Number.NaN);
  const base = {
    idle: median(of(committed, (l) => l.idleMs)),
    heap: median(of(committed, (l) => l.heapMb)),
    step: median(of(committed, (l) => l.step?.totalMs)),
    toggle: median(of(committed, (l) => l.toggle?.totalMs)),
  };
  const ratio = (value: number, of: number) =>
    of > 0 ? `${(value / of).toFixed(2)}×` : `n/a (${committed}: 0 ms)`;
  console.log(
    '  claims  time to idle (ratio)       JS heap (ratio)      timeline step blocking   layer toggle blocking',
  );
  for (const { n } of sizes) {
    const idle = median(of(n, (l) => l.idleMs));
    const heap = median(of(n, (l) => l.heapMb));
    const step = median(of(n, (l) => l.step?.totalMs));
    const stepLongest = median(of(n, (l) => l.step?.longestMs));
    const toggle = median(of(n, (l) => l.toggle?.totalMs));
    const toggleLongest = median(of(n, (l) => l.toggle?.longestMs));
    const stepGpu = median(of(n, (l) => l.step?.gpuWaitMs));
    const toggleGpu = median(of(n, (l) => l.toggle?.gpuWaitMs));
    console.log(
      `  ${String(n).padStart(6)}  ${`${idle.toFixed(0)} ms (${ratio(idle, base.idle)})`.padEnd(26)} ${`${heap.toFixed(1)} MB (${ratio(heap, base.heap)})`.padEnd(20)} ${`${step.toFixed(0)} ms (longest ${stepLongest.toFixed(0)}; GPU wait ${stepGpu.toFixed(0)}; ${ratio(step, base.step)})`.padEnd(24)} ${toggle.toFixed(0)} ms (longest ${toggleLongest.toFixed(0)}; GPU wait ${toggleGpu.toFixed(0)}; ${ratio(toggle, base.toggle)})`,
    );
  }
  console.log(
    '  The bare MapLibre page drawing the same claims (plain fills, lines and circles, one colour; no labels, no markers',
  );
  console.log(
    '  grouped, no panel): the floor for drawing that many claims at all here, and the app as a multiple of it.',
  );
  console.log('  claims  bare: idle, step, toggle             app / bare: idle, step, toggle');
  for (const { n } of sizes) {
    const bare = {
      idle: median(of(n, (l) => l.idleMs, 'bare')),
      step: median(of(n, (l) => l.step?.totalMs, 'bare')),
      toggle: median(of(n, (l) => l.toggle?.totalMs, 'bare')),
    };
    const app = {
      idle: median(of(n, (l) => l.idleMs)),
      step: median(of(n, (l) => l.step?.totalMs)),
      toggle: median(of(n, (l) => l.toggle?.totalMs)),
    };
    console.log(
      `  ${String(n).padStart(6)}  ${`${bare.idle.toFixed(0)} ms, ${bare.step.toFixed(0)} ms, ${bare.toggle.toFixed(0)} ms`.padEnd(36)} ${ratio(app.idle, bare.idle)}, ${ratio(app.step, bare.step)}, ${ratio(app.toggle, bare.toggle)}`,
    );
  }
  console.log(
    '  The page busy after loading (the end of its last long task; the map reports idle before its frame is drawn):',
  );
  for (const { n } of sizes) {
    console.log(
      `  ${String(n).padStart(6)}  app ${median(of(n, (l) => l.busyUntilMs)).toFixed(0)} ms (longest task ${median(of(n, (l) => l.longestLoadTaskMs)).toFixed(0)} ms), bare ${median(of(n, (l) => l.busyUntilMs, 'bare')).toFixed(0)} ms (longest task ${median(of(n, (l) => l.longestLoadTaskMs, 'bare')).toFixed(0)} ms)`,
    );
  }
  for (const { n } of sizes.slice(1)) {
    console.log(
      `  spread at ${n}: idle ${spread(
        of(n, (l) => l.idleMs),
        0,
        ' ms',
      )}; heap ${spread(
        of(n, (l) => l.heapMb),
        1,
        ' MB',
      )}; step ${spread(
        of(n, (l) => l.step?.totalMs),
        0,
        ' ms',
      )}; toggle ${spread(
        of(n, (l) => l.toggle?.totalMs),
        0,
        ' ms',
      )}`,
    );
  }
  const big = SCALE_SIZES[SCALE_SIZES.length - 1];
  const idleRatio = median(of(big, (l) => l.idleMs)) / base.idle;
  const heap = median(of(big, (l) => l.heapMb));
  const step = median(of(big, (l) => l.step?.totalMs));
  const toggle = median(of(big, (l) => l.toggle?.totalMs));
  const bareStep = median(of(big, (l) => l.step?.totalMs, 'bare'));
  const bareToggle = median(of(big, (l) => l.toggle?.totalMs, 'bare'));
  console.log(
    `  at ${big.toLocaleString('en')}: step ${step.toFixed(0)} ms, toggle ${toggle.toFixed(0)} ms (target ≤ ${TARGET.scaleBlockingMs} ms blocking each; the bare page: ${bareStep.toFixed(0)} ms, ${bareToggle.toFixed(0)} ms) ${verdict(step <= TARGET.scaleBlockingMs && toggle <= TARGET.scaleBlockingMs)}; idle ${idleRatio.toFixed(2)}× (target ≤ ${TARGET.scaleIdleRatio}×) ${verdict(idleRatio <= TARGET.scaleIdleRatio)}; heap ${heap.toFixed(1)} MB (target ≤ ${TARGET.scaleHeapMb} MB) ${verdict(heap <= TARGET.scaleHeapMb)}`,
  );
  console.log(
    '  (blocking: the summed duration of main-thread tasks over 50 ms from the click until the map is idle and no long task came for 1 s; GPU wait: the part of it the page thread spent waiting for the GPU process to draw, from a trace of the same interaction (software WebGL here); heap: main thread, after a forced GC, once the map is idle)',
  );
}

// ---------------------------------------------------------------------------------------------
// 4. Lighthouse
// ---------------------------------------------------------------------------------------------

interface LighthouseRun {
  score: number;
  lcp: number;
  tbt: number;
  fcp: number;
  cls: number;
  si: number;
}

async function lighthouseRun(url: string): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: (lhr.categories.performance.score ?? Number.NaN) * 100,
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      fcp: audit('first-contentful-paint'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
    };
  } finally {
    chrome.kill();
  }
}

async function lighthouseSeries(): Promise<void> {
  const app = await serveCompressed(DIST);
  const bare = await serveCompressed(BARE_DIST);
  const pages = [
    { name: 'app', url: `${app.origin}/` },
    { name: 'embed', url: `${app.origin}/embed.html` },
    { name: 'bare page', url: `${bare.origin}/` },
  ];
  const runs: Record<string, LighthouseRun[]> = { app: [], embed: [], 'bare page': [] };
  try {
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      for (const page of pages) runs[page.name].push(await lighthouseRun(page.url));
    }
  } finally {
    await app.close();
    await bare.close();
  }
  console.log(
    `\n4. Lighthouse ${'12.2.3'} mobile preset (simulated throttling), compressed serving, medians of ${LIGHTHOUSE_RUNS} alternated runs:`,
  );
  console.log('  page        score (min–max)   LCP       TBT       FCP       Speed Index  CLS');
  const m = (name: string, key: keyof LighthouseRun) => median(runs[name].map((r) => r[key]));
  for (const { name } of pages) {
    const scores = runs[name].map((r) => Math.round(r.score));
    console.log(
      `  ${name.padEnd(10)}  ${`${m(name, 'score').toFixed(0)} (${Math.min(...scores)}–${Math.max(...scores)})`.padEnd(16)}  ${`${(m(name, 'lcp') / 1000).toFixed(2)} s`.padEnd(8)}  ${`${m(name, 'tbt').toFixed(0)} ms`.padEnd(8)}  ${`${(m(name, 'fcp') / 1000).toFixed(2)} s`.padEnd(8)}  ${`${(m(name, 'si') / 1000).toFixed(2)} s`.padEnd(11)}  ${m(name, 'cls').toFixed(3)}`,
    );
  }
  const embed = m('embed', 'score');
  console.log(
    `  embed ${embed.toFixed(0)} ≥ bare ${m('bare page', 'score').toFixed(0)} and ≥ ${TARGET.lighthouseEmbed}: ${verdict(embed >= m('bare page', 'score') && embed >= TARGET.lighthouseEmbed)}`,
  );
  for (const name of ['app', 'embed']) {
    const lcp = m(name, 'lcp');
    console.log(`  LCP ${name} ${(lcp / 1000).toFixed(2)} s ≤ 2.5 s: ${verdict(lcp <= TARGET.lcpMs)}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  console.log(`Load averages (1, 5, 15 min) at start: ${load()}`);
  if (!SKIP_BUILD || !existsSync(join(DIST, 'index.html'))) {
    console.log('Building the app (npm run build) and the bare baseline page…');
    execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  }
  if (!SKIP_BUILD || !existsSync(join(BARE_DIST, 'index.html'))) {
    await build({
      root: join(ROOT, 'tests/bench'),
      base: './',
      logLevel: 'error',
      configFile: false,
      // The story plugin gives the bare page the same hashed data files (and `virtual:story`) as the app.
      plugins: [storyPlugin()],
      build: { outDir: BARE_DIST, emptyOutDir: true, assetsInlineLimit: 0 },
    });
  }
  mkdirSync(SCALE_CACHE, { recursive: true });
  let requested: string[] = [];
  if (SECTIONS.has('idle')) requested = await idleSeries();
  console.log(`  (load averages now: ${load()})`);
  if (SECTIONS.has('bytes')) {
    if (requested.length === 0) requested = (await loadPage(`${await serveOnce()}/`)).requested;
    bytesReport(requested);
  }
  if (SECTIONS.has('scale')) await scaleSeries();
  console.log(`  (load averages now: ${load()})`);
  if (SECTIONS.has('lighthouse')) await lighthouseSeries();
  console.log(`\nLoad averages (1, 5, 15 min) at the end: ${load()}`);
}

/** A server for one page load when the idle series did not run (the bytes need the list of requests). */
let once: Awaited<ReturnType<typeof serveCompressed>> | undefined;
async function serveOnce(): Promise<string> {
  once ??= await serveCompressed(DIST);
  return once.origin;
}

main()
  .then(() => once?.close())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
