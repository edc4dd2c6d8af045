// Benchmark: builds the app and a bare MapLibre page drawing the same basemap, serves both, and prints
// (1) the median time from navigation to the map's first `idle` (story drawn) for each, and their ratio, over
// several alternating runs in one process, and (2) the gzipped bytes of every file the app page requests,
// with MapLibre's own share apart (example pages and the embed's own chunk are not downloaded by the app).
// Usage: npm run bench [-- --runs 9]
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { DIST, launchChromium, ROOT, serveFolder } from '../tests/browser/harness.ts';

const BARE_DIST = join(ROOT, '.cache/bench-bare');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
const IDLE_TARGET_RATIO = 1.1;
const APP_BYTES_TARGET = 300 * 1024;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

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

/** gzip -9 sizes of the files a page of the app requested (what a reader downloads), by kind. */
function shippedBytes(requested: string[]) {
  const wanted = new Set(requested.map((path) => join(DIST, path === '' ? 'index.html' : path)));
  const rows = filesUnder(DIST)
    .filter((file) => wanted.has(file))
    .map((file) => ({
      file: relative(DIST, file),
      kind: kindOf(file),
      mapLibre: isMapLibre(file),
      gz: gzipSync(readFileSync(file), { level: 9 }).length,
    }));
  const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(filter).reduce((total, row) => total + row.gz, 0);
  return { rows, sum };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Run {
  idleMs: number;
  /** Paths (relative to the served folder) the page requested, worker included. */
  requested: string[];
}

async function timeToIdle(url: string): Promise<Run> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname.replace(/^\//, '')));
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
      timeout: 60_000,
    });
    // Whatever loads right after idle (the checks) is part of the page too.
    await page.waitForLoadState('networkidle');
    const idleMs = await page.evaluate(
      () => performance.getEntriesByName('map-idle')[0]?.startTime ?? Number.NaN,
    );
    return { idleMs, requested };
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  console.log('Building the app (npm run build) and the bare baseline page…');
  execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  await build({
    root: join(ROOT, 'tests/bench'),
    base: './',
    logLevel: 'error',
    configFile: false,
    build: { outDir: BARE_DIST, emptyOutDir: true, assetsInlineLimit: 0 },
  });

  const app = await serveFolder(DIST);
  const bare = await serveFolder(BARE_DIST);
  const appTimes: number[] = [];
  let requested: string[] = [];
  const bareTimes: number[] = [];
  try {
    // One warm-up of each (disk cache, JIT), not counted; then alternate so drift hits both alike.
    requested = (await timeToIdle(`${app.origin}/`)).requested;
    await timeToIdle(`${bare.origin}/`);
    for (let run = 0; run < RUNS; run++) {
      appTimes.push((await timeToIdle(`${app.origin}/`)).idleMs);
      bareTimes.push((await timeToIdle(`${bare.origin}/`)).idleMs);
    }
  } finally {
    await app.close();
    await bare.close();
  }

  const appMedian = median(appTimes);
  const bareMedian = median(bareTimes);
  const ratio = appMedian / bareMedian;
  console.log(
    `\nTime to map idle, median of ${RUNS} runs each (new browser per run, 1280×800, software WebGL):`,
  );
  console.log(
    `  app        ${appMedian.toFixed(0)} ms   (runs: ${appTimes.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  bare page  ${bareMedian.toFixed(0)} ms   (runs: ${bareTimes.map((t) => t.toFixed(0)).join(', ')})`,
  );
  console.log(
    `  ratio      ${ratio.toFixed(3)}   target ≤ ${IDLE_TARGET_RATIO}  ${ratio <= IDLE_TARGET_RATIO ? 'MET' : 'NOT MET'}`,
  );

  const { rows, sum } = shippedBytes(requested);
  const mapLibre = sum((row) => row.mapLibre);
  const beyond = sum((row) => !row.mapLibre);
  console.log(
    `\nShipped to a reader of the app (the ${rows.length} files index.html requested, worker included), gzip -9:`,
  );
  for (const kind of ['js', 'css', 'data', 'fonts', 'other'] as const) {
    const ours = sum((row) => row.kind === kind && !row.mapLibre);
    const theirs = sum((row) => row.kind === kind && row.mapLibre);
    console.log(
      `  ${kind.padEnd(6)} ${kb(ours + theirs).padStart(10)}  (MapLibre ${kb(theirs)}, ours ${kb(ours)})`,
    );
  }
  console.log(`  MapLibre itself          ${kb(mapLibre)}`);
  console.log(
    `  everything beyond MapLibre ${kb(beyond)}   target ≤ ${kb(APP_BYTES_TARGET)}  ${beyond <= APP_BYTES_TARGET ? 'MET' : 'NOT MET'}`,
  );
  // For completeness: every file of dist/ a page of ours can load (both entries, every font subset that other
  // label languages pull in), the example host pages excluded.
  const everything = filesUnder(DIST).filter(
    (file) => !file.endsWith('.map') && !relative(DIST, file).startsWith('examples'),
  );
  const everythingBeyond = everything
    .filter((file) => !isMapLibre(file))
    .reduce((total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  console.log(
    `  all of dist/ beyond MapLibre (embed page, every font subset; examples excluded) ${kb(everythingBeyond)}`,
  );
  console.log('\nLargest files:');
  for (const row of [...rows].sort((a, b) => b.gz - a.gz).slice(0, 8)) {
    console.log(`  ${kb(row.gz).padStart(10)}  ${row.file}${row.mapLibre ? '  (MapLibre)' : ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
