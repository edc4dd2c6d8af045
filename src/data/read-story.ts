// Reading a story's data files: fetch each, check it, keep what is sound. A file that fails to load or parse is
// reported by name and left out; a feature with a problem is reported and skipped; everything else is used.
// A feature is dropped by its position in the file, the identity the validator reports it under: an id cannot be
// trusted to name it (it may be missing, or differ between the feature and its properties).
// It imports nothing of the built story, so it runs as well in the story worker (story-worker.ts) as on the page.
import { shownText } from '../shown-text.ts';
import type { StoryManifest } from '../story/manifest.ts';
import type { WorkerFile } from './checks-protocol.ts';
import { FETCH_TIMEOUT_MS } from './fetch-timeout.ts';
import { byStatementDate, type Story } from './story.ts';
import type { AreaFeature, BorderFeature, ClaimFeature, PlaceFeature, Source } from './types.ts';
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

export type Report = (message: string) => void;

/** A data file of the story (see urls.ts), where to fetch it, and its name in the repository for messages. */
export interface StoryFile extends WorkerFile {
  file: string;
}

export interface LoadOptions {
  /** See FETCH_TIMEOUT_MS; the tests shorten it. */
  timeoutMs?: number;
}

/** The validator's layer of each data file (border lines are all of layer "border"). */
function layerOf(file: string): Layer {
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

/** Fetches and parses one file; reports and returns null when that fails or takes longer than the timeout. */
export async function fetchFile(
  { url, name }: WorkerFile,
  report: Report,
  { timeoutMs = FETCH_TIMEOUT_MS }: LoadOptions = {},
): Promise<unknown | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // The signal covers the body too: a server that sends the headers and then stalls is cut off as well.
    const response = await fetch(url, { signal: controller.signal });
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

/** Reads the story's data files (on whichever thread calls it) and keeps what is sound. */
export async function readStory(
  files: StoryFile[],
  story: StoryManifest,
  report: Report,
  options: LoadOptions = {},
): Promise<Story> {
  const raw = await Promise.all(files.map((file) => fetchFile(file, report, options)));
  const checked: CheckedFile[] = files.flatMap(({ file, name }, i) =>
    raw[i] === null ? [] : [{ file: name, layer: layerOf(file), data: raw[i] }],
  );
  const kept = keepSound(checked, story, report);
  // What was kept of a data file, by the story's name for it (kept is keyed by the file's repository name).
  const keptOf = (file: string) => {
    const name = files.find((candidate) => candidate.file === file)?.name;
    return name === undefined ? undefined : kept.get(name);
  };
  const get = <T>(file: string): T[] => (keptOf(file)?.items as T[] | undefined) ?? [];
  return {
    sources: new Map(get<Source>('sources').map((source) => [source.id, source])),
    places: get<PlaceFeature>('places'),
    areas: get<AreaFeature>('areas'),
    // Sorted once, here: every list keeps this order.
    claims: get<ClaimFeature>('claims').sort(byStatementDate),
    borderLines: story.borderLines.map((line) => ({
      id: line.id,
      label: line.label,
      features: get<BorderFeature>(`border:${line.id}`),
    })),
    claimPositions: keptOf('claims')?.positions ?? [],
  };
}
