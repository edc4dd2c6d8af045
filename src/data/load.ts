// Fetches the story's data files, checks each one, and keeps what is sound: a file that fails to load or parse is
// reported by name and left out; a feature with a problem is reported and skipped; everything else is used.
// A feature is dropped by its position in the file, the identity the validator reports it under: an id cannot be
// trusted to name it (it may be missing, or differ between the feature and its properties).
import type { CheckResult } from '../checks/types.ts';
import { shownText } from '../shown-text.ts';
import type { StoryManifest } from '../story/manifest.ts';
import type { ChecksReply, ChecksRequest } from './checks-protocol.ts';
import checksWorkerUrl from './checks-worker.ts?worker&url';
import { FETCH_TIMEOUT_MS } from './fetch-timeout.ts';
import { byStatementDate, type Story } from './story.ts';
import type { AreaFeature, BorderFeature, ClaimFeature, PlaceFeature, Source } from './types.ts';
import { borderFile, type DataFile, dataUrl, fileName } from './urls.ts';
import { decodeUtf8 } from './utf8.ts';

export { FETCH_TIMEOUT_MS };

import {
  type DataFile as CheckedFile,
  FILE_LEVEL,
  type Layer,
  MAX_MESSAGE_LENGTH,
  NO_SOURCES,
  type Problem,
  parseJson,
  validateFiles,
} from './validate.ts';

type Report = (message: string) => void;

/** The validator's layer of each data file (border lines are all of layer "border"). */
function layerOf(file: DataFile): Layer {
  if (file.startsWith('border:')) return 'border';
  const layers: Record<string, Layer> = {
    sources: 'sources',
    places: 'places',
    areas: 'areas',
    claims: 'claims',
    basemap: 'basemap',
  };
  return layers[file] ?? 'geojson';
}

function describe(problem: Problem): string {
  const where = problem.featureId === FILE_LEVEL ? '' : ` (${problem.featureId})`;
  const position = problem.line ? ` at line ${problem.line}, column ${problem.column}` : '';
  return shownText(`${problem.file}${where}${position}: ${problem.message}`, MAX_MESSAGE_LENGTH);
}

export interface LoadOptions {
  /** See FETCH_TIMEOUT_MS; the tests shorten it. */
  timeoutMs?: number;
}

/** Fetches and parses one file; reports and returns null when that fails or takes longer than the timeout. */
export async function fetchJson(
  file: DataFile,
  baseUrl: string,
  report: Report,
  { timeoutMs = FETCH_TIMEOUT_MS }: LoadOptions = {},
): Promise<unknown | null> {
  const name = fileName(file);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // The signal covers the body too: a server that sends the headers and then stalls is cut off as well.
    const response = await fetch(dataUrl(file, baseUrl), { signal: controller.signal });
    if (!response.ok) {
      report(`${name} could not be loaded (HTTP ${response.status}); the rest of the map still works.`);
      return null;
    }
    const decoded = decodeUtf8(new Uint8Array(await response.arrayBuffer()));
    if (!decoded.ok) {
      report(`${name}: ${decoded.message}. This file was left out; the rest of the map still works.`);
      return null;
    }
    const parsed = parseJson(decoded.text, name);
    if (!parsed.ok) {
      report(`${describe(parsed.problem)}. This file was left out; the rest of the map still works.`);
      return null;
    }
    return parsed.value;
  } catch (error) {
    if (controller.signal.aborted) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      report(
        `${name} did not arrive within ${seconds} s; it was left out, and the rest of the map still works.`,
      );
      return null;
    }
    const reason = shownText(error instanceof Error ? error.message : 'network error');
    report(`${name} could not be loaded (${reason}).`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Validates the files together and drops what is unsound: a whole file on a file-level problem,
 * otherwise only the features with problems.
 */
function keepSound(files: CheckedFile[], story: StoryManifest, report: Report): Map<string, Kept> {
  const problems = validateFiles(files, { story });
  // One line per broken feature (its first problem), so one badly broken feature cannot hide the others.
  const byFeature = new Map<string, Problem[]>();
  for (const problem of problems) {
    const key = `${problem.file}\u0000${problem.index ?? FILE_LEVEL}`;
    byFeature.set(key, [...(byFeature.get(key) ?? []), problem]);
  }
  const groups = [...byFeature.values()];
  for (const [first, ...more] of groups.slice(0, 8)) {
    if (first)
      report(more.length ? `${describe(first)} (and ${more.length} more problems there)` : describe(first));
  }
  if (groups.length > 8) report(`… and problems in ${groups.length - 8} more places in the data files.`);
  const kept = new Map<string, Kept>();
  for (const { file, data } of files) {
    const own = problems.filter((p) => p.file === file);
    // A problem that names no feature (the file as a whole, or "… and N more") leaves no way to tell the sound
    // features from the others: the whole file is left out. A missing sources.json is not this file's fault.
    if (own.some((p) => p.index === undefined && p.message !== NO_SOURCES)) continue;
    const bad = new Set(own.map((p) => p.index));
    const items = file.endsWith('sources.json')
      ? (data as unknown[])
      : (data as { features: unknown[] }).features;
    const positions = items.flatMap((_, index) => (bad.has(index) ? [] : [index]));
    kept.set(file, { items: positions.map((index) => items[index]), positions });
  }
  return kept;
}

/** What is kept of one file: its sound items, and their positions in the file (their one identity). */
interface Kept {
  items: unknown[];
  positions: number[];
}

export async function loadStory(
  story: StoryManifest,
  baseUrl: string,
  report: Report,
  options: LoadOptions = {},
): Promise<Story> {
  const names: DataFile[] = [
    'sources',
    'places',
    'areas',
    'claims',
    ...story.borderLines.map((line) => borderFile(line.id)),
  ];
  const raw = await Promise.all(names.map((file) => fetchJson(file, baseUrl, report, options)));
  const files: CheckedFile[] = names.flatMap((file, i) =>
    raw[i] === null ? [] : [{ file: fileName(file), layer: layerOf(file), data: raw[i] }],
  );
  const kept = keepSound(files, story, report);
  const get = <T>(file: DataFile): T[] => (kept.get(fileName(file))?.items as T[] | undefined) ?? [];
  return {
    sources: new Map(get<Source>('sources').map((source) => [source.id, source])),
    places: get<PlaceFeature>('places'),
    areas: get<AreaFeature>('areas'),
    // Sorted once, here: every list keeps this order.
    claims: get<ClaimFeature>('claims').sort(byStatementDate),
    borderLines: story.borderLines.map((line) => ({
      id: line.id,
      label: line.label,
      features: get<BorderFeature>(borderFile(line.id)),
    })),
    claimPositions: kept.get(fileName('claims'))?.positions ?? [],
  };
}

/**
 * Computes the checks from the same data the map shows, in a worker (data/checks-worker.ts), so the page's thread
 * never spends the measuring time. The worker fetches checks.json and the basemap (MapLibre fetched the basemap
 * already: it comes from the HTTP cache). Called after the story has loaded, so it never delays the map.
 */
export async function loadChecks(
  baseUrl: string,
  story: Story,
  report: Report,
  options: LoadOptions = {},
): Promise<CheckResult[] | null> {
  // The worker reads the files itself, by URL: it imports nothing of the built story (no module state to share).
  const file = (name: DataFile) => ({ url: dataUrl(name, baseUrl), name: fileName(name) });
  const request: ChecksRequest = {
    files: { checks: file('checks'), basemap: file('basemap'), claims: file('claims') },
    keptClaims: story.claimPositions ?? [],
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
    places: story.places,
    areas: story.areas,
    borderLines: story.borderLines,
  };
  let worker: Worker;
  try {
    worker = new Worker(checksWorkerUrl, { type: 'module', name: 'checks' });
  } catch {
    // A frame sandboxed without allow-same-origin has an opaque origin and may not start a worker from our URL:
    // there the checks are measured on the page's thread, as they were before the worker.
    return measureHere(baseUrl, story, report, options);
  }
  const reply = await new Promise<ChecksReply>((resolve) => {
    worker.onmessage = (event: MessageEvent<ChecksReply>) => resolve(event.data);
    worker.onerror = (event) =>
      resolve({
        results: null,
        problems: [`The figures could not be checked: ${event.message || 'worker failed'}`],
      });
    worker.postMessage(request);
  });
  worker.terminate();
  for (const problem of reply.problems) report(problem);
  return reply.results;
}

/** The same measurement on the page's thread: only where no worker can be started. */
async function measureHere(
  baseUrl: string,
  story: Story,
  report: Report,
  options: LoadOptions,
): Promise<CheckResult[] | null> {
  const [engine, checks, basemap] = await Promise.all([
    import('../checks/index.ts'),
    fetchJson('checks', baseUrl, report, options),
    fetchJson('basemap', baseUrl, report, options),
  ]);
  // Without the declarations there is nothing to check; anything else missing only fails the checks that need it.
  if (checks === null) {
    report('The figures could not be checked because the checks file is missing.');
    return null;
  }
  const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
  try {
    return engine.evaluateChecks({
      checks: checks as never,
      basemap: (basemap ?? collection([])) as never,
      places: collection(story.places),
      claims: collection(story.claims),
      borderLines: story.borderLines.map((line) => ({ ...line, features: collection(line.features) })),
      areas: collection(story.areas),
    });
  } catch (error) {
    report(`The figures could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
