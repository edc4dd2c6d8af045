// Shared plumbing for the browser tests: a static server for dist/, the system Chromium, and waits that give up
// with a message instead of hanging.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { replaceBuiltData } from '../../scripts/lib/replace-built-data.ts';
import { readStoryFolder, type StoryFolder, storyDir } from '../../scripts/lib/story-folder.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
/** The story the build was made for (STORY, else the default one), read once for every browser test. */
export const STORY_FOLDER: StoryFolder = readStoryFolder(storyDir(process.env.STORY));
/** The map's land layers, one per story country: a drawn map has all of them. */
export const STORY_LAND_LAYERS = STORY_FOLDER.manifest.countries.map(
  (country) => `land-story-${country.code}`,
);

/** Flags that give headless Chromium software WebGL 2 and stop it from calling home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it (Debian: apt-get install -y chromium; macOS: brew install --cask chromium) ' +
        'or set CHROME_PATH to a Chrome or Chromium executable.',
    );
  }
  return found;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /**
   * Send `Access-Control-Allow-Origin: *` with every file: what a host must do for the embed to work in a
   * `sandbox="allow-scripts"` frame, where every request (module scripts, data, fonts, the map's worker) goes out
   * with `Origin: null`.
   */
  cors?: boolean;
  /**
   * Redirects (302) every path under `from` to the same path on `to`: `/remote/embed.html?x` → `${to}/embed.html?x`.
   * The example host pages frame only their own site's embed pages; a test that needs the embed on another origin
   * gives them a same-site address that redirects there, as a newsroom's server could.
   */
  redirect?: { from: string; to: string };
  /**
   * Send this Content-Security-Policy header with every file (see builtPolicy), as the README tells hosts to, except
   * with the example host pages in examples/: they stand for a newsroom's own pages, with the snippet's inline script.
   */
  csp?: string;
}

/** The policy the build wrote into the pages' <meta> tags (scripts/csp.ts): the header hosts are told to send. */
export function builtPolicy(): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error('dist/index.html has no CSP <meta>: run `npm run build`.');
  return policy;
}

/** Serves a folder on 127.0.0.1 at a free port. Unknown paths get a 404, never index.html. */
export async function serveFolder(
  folder: string,
  { cors = false, redirect, csp }: ServeOptions = {},
): Promise<StaticServer> {
  if (!existsSync(join(folder, 'index.html'))) {
    throw new Error(`${folder}/index.html is missing: run \`npm run build\` before the browser tests.`);
  }
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (redirect && url.pathname.startsWith(redirect.from)) {
      const target = `${redirect.to}/${url.pathname.slice(redirect.from.length)}${url.search}`;
      response.writeHead(302, { location: target }).end();
      return;
    }
    const path = decodeURIComponent(url.pathname);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      ...(csp && !path.startsWith('/examples/') ? { 'content-security-policy': csp } : {}),
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** What a page did on the network and in its console while a test ran. */
export interface PageLog {
  requests: string[];
  failedRequests: string[];
  consoleErrors: string[];
}

export function recordPage(page: Page): PageLog {
  const log: PageLog = { requests: [], failedRequests: [], consoleErrors: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    log.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) log.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.consoleErrors.push(`uncaught: ${error.message}`));
  return log;
}

/**
 * How long the map may take to settle: about 1.5 s alone on the 2-core test machine, but past 30 s with software
 * WebGL when other engineers' builds and browsers share the cores. Waiting longer costs nothing when all is well.
 */
export const IDLE_TIMEOUT_MS = 90_000;

/** Waits for the app to report that the map has settled, or fails saying what the page was doing. */
export async function waitForMapIdle(page: Page, log: PageLog, timeoutMs = IDLE_TIMEOUT_MS): Promise<void> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.mapState === 'idle', null, {
      timeout: timeoutMs,
    });
  } catch {
    const state = await page.evaluate(() => document.documentElement.dataset.mapState ?? '(not set)');
    throw new Error(
      `The map did not reach "idle" within ${timeoutMs / 1000} s (map state: ${state}). ` +
        `Console errors: ${log.consoleErrors.join(' | ') || 'none'}. Failed requests: ${log.failedRequests.join(' | ') || 'none'}.`,
    );
  }
}

/** Waits for the map's next `idle` after whatever the test just changed (a repaint is forced so one comes). */
export async function waitForNextIdle(page: Page, timeoutMs = IDLE_TIMEOUT_MS): Promise<void> {
  await Promise.race([
    page.evaluate(
      () =>
        new Promise<void>((done) => {
          const map = window.__conflictMap?.map;
          if (!map) throw new Error('no map on the page');
          map.once('idle', () => done());
          map.triggerRepaint();
        }),
    ),
    new Promise((_, fail) =>
      setTimeout(() => fail(new Error(`The map did not settle within ${timeoutMs / 1000} s.`)), timeoutMs),
    ),
  ]);
}

export interface BuiltApp {
  readonly origin: string;
  readonly browser: Browser;
  /** Opens a page of the built app, records it, and waits for the map's idle. */
  open(path?: string, viewport?: { width: number; height: number }): Promise<{ page: Page; log: PageLog }>;
}

/**
 * Serves dist/ and starts Chromium once for the calling test file; both are closed after it. With `data`, serves a
 * copy of dist/ whose named data files have that text instead (e.g. `{ claims: … }`, generated claims), removed after.
 */
export function useBuiltApp({ data }: { data?: () => Record<string, string> } = {}): BuiltApp {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let copy: string | undefined;
  beforeAll(async () => {
    if (data) {
      copy = mkdtempSync(join(tmpdir(), 'built-app-'));
      cpSync(DIST, copy, { recursive: true });
      replaceBuiltData(copy, data());
    }
    server = await serveFolder(copy ?? DIST);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('useBuiltApp(): the server and browser start in beforeAll');
    return value;
  };
  return {
    get origin() {
      return started(server).origin;
    },
    get browser() {
      return started(browser);
    },
    async open(path = '/', viewport = { width: 1280, height: 800 }) {
      const page = await started(browser).newPage({ viewport });
      const log = recordPage(page);
      await page.goto(`${started(server).origin}${path}`);
      await waitForMapIdle(page, log);
      return { page, log };
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now; returns every violation (id, impact, how many nodes). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the pages' Content-Security-Policy
  // blocks inline scripts (as it should), and this is the test's code, not the page's.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (c: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
      };
    };
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

/** The serious and critical ones: what the tests fail on. */
export async function seriousViolations(
  page: Page,
): Promise<{ id: string; impact: string; nodes: number }[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
