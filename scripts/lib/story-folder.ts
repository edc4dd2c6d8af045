// Finding and reading a story folder (data/<story>/) from Node: the build (vite.config.ts), every CLI and the
// tests use this, so `--story DIR`, `STORY=DIR` and the default mean the same everywhere.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CheckInputs } from '../../src/checks/types.ts';
import {
  STORY_FILES,
  type StoryFileKey,
  type StoryManifest,
  validateManifest,
} from '../../src/story/manifest.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The story the build, the CLIs and the tests use when none is named. */
export const DEFAULT_STORY = 'data/armenia-azerbaijan-2021';

export class StoryFolderError extends Error {
  override name = 'StoryFolderError';
}

/**
 * The story folder named by `--story DIR` (or `--story=DIR`) in `argv`, else by the STORY environment variable,
 * else the default; relative paths are taken from the working directory. Returns the absolute path and the
 * arguments without the flag.
 */
export function storyFromArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { dir: string; rest: string[] } {
  const rest: string[] = [];
  let named: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--story') {
      named = argv[++i];
      if (!named) throw new StoryFolderError('--story needs a folder, e.g. --story data/my-story');
    } else if (a.startsWith('--story=')) named = a.slice('--story='.length);
    else rest.push(a);
  }
  return { dir: storyDir(named ?? env.STORY), rest };
}

/** Absolute path of a story folder: `named` from the working directory, or the default from the repository. */
export function storyDir(named?: string): string {
  return named ? resolve(named) : join(ROOT, DEFAULT_STORY);
}

/** A path as a reader of the repository knows it (data/x/claims.geojson), absolute when outside it. */
export function displayPath(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export interface StoryFolder {
  dir: string;
  manifest: StoryManifest;
  /** Absolute path of each data file, the border lines as `border:<id>`. */
  paths: Record<StoryFileKey | `border:${string}`, string>;
}

/** Reads and validates the manifest; throws a StoryFolderError naming every problem. */
export function readStoryFolder(dir: string): StoryFolder {
  const manifestPath = join(dir, 'story.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new StoryFolderError(
      `${displayPath(dir)} is not a folder (expected a story folder with a story.json)`,
    );
  if (!existsSync(manifestPath)) throw new StoryFolderError(`${displayPath(manifestPath)} is missing`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new StoryFolderError(`${displayPath(manifestPath)} is not valid JSON: ${(error as Error).message}`);
  }
  const problems = validateManifest(data);
  if (problems.length > 0)
    throw new StoryFolderError(`${displayPath(manifestPath)}:\n  ${problems.join('\n  ')}`);
  const manifest = data as StoryManifest;
  const paths = Object.fromEntries([
    ...Object.entries(STORY_FILES).map(([key, file]) => [key, join(dir, file)]),
    ...manifest.borderLines.map((line) => [`border:${line.id}`, join(dir, line.file)]),
  ]) as StoryFolder['paths'];
  return { dir, manifest, paths };
}

/** The files a folder lacks, by path; empty when it is complete. */
export function missingFiles(folder: StoryFolder): string[] {
  return Object.values(folder.paths).filter((path) => !existsSync(path));
}

/** The checks engine's inputs, read from a story folder (scripts/checks.ts and the node tests read them so). */
export function readCheckInputs(folder: StoryFolder): CheckInputs {
  const { paths, manifest } = folder;
  return {
    checks: readJsonFile(paths.checks),
    places: readJsonFile(paths.places),
    claims: readJsonFile(paths.claims),
    areas: readJsonFile(paths.areas),
    basemap: readJsonFile(paths.basemap),
    borderLines: manifest.borderLines.map((line) => ({
      id: line.id,
      label: line.label,
      features: readJsonFile(paths[`border:${line.id}`]),
    })),
  } as unknown as CheckInputs;
}

/** Parses one of the folder's JSON files; throws a StoryFolderError naming the file. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StoryFolderError(
      `cannot read ${displayPath(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StoryFolderError(`${displayPath(path)} is not valid JSON: ${(error as Error).message}`);
  }
}
