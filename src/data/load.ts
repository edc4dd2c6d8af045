// Fetches the story's data files, checks each one, and keeps what is sound: a file that fails to load or parse is
// reported by name and left out; a feature with a problem is reported and skipped; everything else is used.
// A feature is dropped by its position in the file, the identity the validator reports it under: an id cannot be
// trusted to name it (it may be missing, or differ between the feature and its properties).
import type { CheckResult } from '../checks/types.ts';
import { shownText } from '../shown-text.ts';
import type { Story } from './story.ts';
import type { Border, ClaimFeature, LakeFeature, PlaceFeature, Source } from './types.ts';
import { DATA_FILE_NAMES, type DataFile, dataUrl } from './urls.ts';
import { decodeUtf8 } from './utf8.ts';
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

const LAYERS: Partial<Record<DataFile, Layer>> = {
  sources: 'sources',
  places: 'places',
  lake: 'lake',
  claims: 'claims',
  border: 'border',
  basemap: 'basemap',
};

/** The file name readers and editors know (data/claims.geojson), not the hashed build URL. */
function fileName(file: DataFile): string {
  return DATA_FILE_NAMES[file];
}

function describe(problem: Problem): string {
  const where = problem.featureId === FILE_LEVEL ? '' : ` (${problem.featureId})`;
  const position = problem.line ? ` at line ${problem.line}, column ${problem.column}` : '';
  return shownText(`${problem.file}${where}${position}: ${problem.message}`, MAX_MESSAGE_LENGTH);
}

/**
 * How long one data file may take, headers and body: ours are at most a few hundred KB, so even a slow phone
 * connection fits with room to spare. A server that never answers costs a reader this long, then the rest goes on.
 */
export const FETCH_TIMEOUT_MS = 20_000;

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
function keepSound(files: CheckedFile[], report: Report): Map<string, unknown> {
  const problems = validateFiles(files);
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
  const kept = new Map<string, unknown>();
  for (const { file, data } of files) {
    const own = problems.filter((p) => p.file === file);
    // A problem that names no feature (the file as a whole, or "… and N more") leaves no way to tell the sound
    // features from the others: the whole file is left out. A missing sources.json is not this file's fault.
    if (own.some((p) => p.index === undefined && p.message !== NO_SOURCES)) continue;
    const bad = new Set(own.map((p) => p.index));
    const items = file.endsWith('sources.json')
      ? (data as unknown[])
      : (data as { features: unknown[] }).features;
    kept.set(
      file,
      items.filter((_, index) => !bad.has(index)),
    );
  }
  return kept;
}

export async function loadStory(baseUrl: string, report: Report, options: LoadOptions = {}): Promise<Story> {
  const names: DataFile[] = ['sources', 'places', 'lake', 'claims', 'border'];
  const raw = await Promise.all(names.map((file) => fetchJson(file, baseUrl, report, options)));
  const files: CheckedFile[] = names.flatMap((file, i) =>
    raw[i] === null ? [] : [{ file: fileName(file), layer: LAYERS[file] as Layer, data: raw[i] }],
  );
  const kept = keepSound(files, report);
  const get = <T>(file: DataFile): T[] => (kept.get(fileName(file)) as T[] | undefined) ?? [];
  return {
    sources: new Map(get<Source>('sources').map((source) => [source.id, source])),
    places: get<PlaceFeature>('places'),
    lake: get<LakeFeature>('lake')[0] ?? null,
    claims: get<ClaimFeature>('claims').sort((a, b) =>
      a.properties.statementDate.localeCompare(b.properties.statementDate),
    ),
    border: get<Border['features'][number]>('border'),
  };
}

/**
 * Computes the checks in the browser from the same data the map shows (the basemap comes from the HTTP cache:
 * MapLibre fetched it already). Loaded after the story, so it never delays the map.
 */
export async function loadChecks(
  baseUrl: string,
  story: Story,
  report: Report,
  options: LoadOptions = {},
): Promise<CheckResult[] | null> {
  // The story's files were fetched and checked already: measure what the map shows, and fetch only the rest.
  const names: DataFile[] = ['checks', 'basemap'];
  const [engine, ...raw] = await Promise.all([
    import('../checks/index.ts'),
    ...names.map((file) => fetchJson(file, baseUrl, report, options)),
  ]);
  const storyComplete =
    story.places.length > 0 && story.claims.length > 0 && story.border.length > 0 && story.lake;
  if (raw.some((value) => value === null) || !storyComplete) {
    report('The figures could not be checked because a data file is missing.');
    return null;
  }
  const [checks, basemap] = raw as never[];
  const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
  const places = collection(story.places);
  const claims = collection(story.claims);
  const border = collection(story.border);
  const lake = collection(story.lake ? [story.lake] : []);
  try {
    return engine.evaluateChecks({ checks, places, claims, border, basemap, lake });
  } catch (error) {
    report(`The figures could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
