// Fetches the story's data files, checks each one, and keeps what is sound: a file that fails to load or parse is
// reported by name and left out; a feature with a problem is reported and skipped; everything else is used.
import type { CheckResult } from '../checks/types.ts';
import type { StoryManifest } from '../story/manifest.ts';
import type { ChecksReply, ChecksRequest } from './checks-protocol.ts';
import checksWorkerUrl from './checks-worker.ts?worker&url';
import { byStatementDate, type Story } from './story.ts';
import type { AreaFeature, BorderFeature, ClaimFeature, PlaceFeature, Source } from './types.ts';
import { borderFile, type DataFile, dataUrl, fileName } from './urls.ts';
import {
  type DataFile as CheckedFile,
  FILE_LEVEL,
  type Layer,
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
  return `${problem.file}${where}${position}: ${problem.message}`;
}

/** Fetches and parses one file; reports and returns null when that fails. */
export async function fetchJson(file: DataFile, baseUrl: string, report: Report): Promise<unknown | null> {
  const name = fileName(file);
  try {
    const response = await fetch(dataUrl(file, baseUrl));
    if (!response.ok) {
      report(`${name} could not be loaded (HTTP ${response.status}); the rest of the map still works.`);
      return null;
    }
    const parsed = parseJson(await response.text(), name);
    if (!parsed.ok) {
      report(`${describe(parsed.problem)}. This file was left out; the rest of the map still works.`);
      return null;
    }
    return parsed.value;
  } catch (error) {
    report(`${name} could not be loaded (${error instanceof Error ? error.message : 'network error'}).`);
    return null;
  }
}

/**
 * Validates the files together and drops what is unsound: a whole file on a file-level problem,
 * otherwise only the features with problems.
 */
function keepSound(files: CheckedFile[], story: StoryManifest, report: Report): Map<string, unknown> {
  const problems = validateFiles(files, { story });
  for (const problem of problems.slice(0, 8)) report(describe(problem));
  if (problems.length > 8) report(`… and ${problems.length - 8} more problems in the data files.`);
  const kept = new Map<string, unknown>();
  for (const { file, data } of files) {
    const own = problems.filter((p) => p.file === file);
    if (own.some((p) => p.featureId === FILE_LEVEL)) continue;
    const bad = new Set(own.map((p) => p.featureId));
    if (file.endsWith('sources.json')) {
      kept.set(
        file,
        (data as Source[]).filter((s) => !bad.has(s.id)),
      );
    } else {
      const collection = data as { features: { properties: { id: string } }[] };
      kept.set(
        file,
        collection.features.filter((f) => !bad.has(f.properties?.id)),
      );
    }
  }
  return kept;
}

export async function loadStory(story: StoryManifest, baseUrl: string, report: Report): Promise<Story> {
  const names: DataFile[] = [
    'sources',
    'places',
    'areas',
    'claims',
    ...story.borderLines.map((line) => borderFile(line.id)),
  ];
  const raw = await Promise.all(names.map((file) => fetchJson(file, baseUrl, report)));
  const files: CheckedFile[] = names.flatMap((file, i) =>
    raw[i] === null ? [] : [{ file: fileName(file), layer: layerOf(file), data: raw[i] }],
  );
  const kept = keepSound(files, story, report);
  const get = <T>(file: DataFile): T[] => (kept.get(fileName(file)) as T[] | undefined) ?? [];
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
): Promise<CheckResult[] | null> {
  // The worker reads the files itself, by URL: it imports nothing of the built story (no module state to share).
  const file = (name: DataFile) => ({ url: dataUrl(name, baseUrl), name: fileName(name) });
  const request: ChecksRequest = {
    files: { checks: file('checks'), basemap: file('basemap'), claims: file('claims') },
    keptClaims: story.claims.map((claim) => claim.properties.id),
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
    return measureHere(baseUrl, story, report);
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
async function measureHere(baseUrl: string, story: Story, report: Report): Promise<CheckResult[] | null> {
  const [engine, checks, basemap] = await Promise.all([
    import('../checks/index.ts'),
    fetchJson('checks', baseUrl, report),
    fetchJson('basemap', baseUrl, report),
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
