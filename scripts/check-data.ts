// check:data — validates a story's manifest and data files and prints every problem as `file: featureId: message`.
//
//   npx tsx scripts/check-data.ts                  the files of the story folder (STORY, else the default story)
//   npx tsx scripts/check-data.ts --story DIR      the files of that story folder
//   npx tsx scripts/check-data.ts FILE…            these files, under the story's rules; the story's own files
//                                                  resolve their references
//   npx tsx scripts/check-data.ts --seeds DIR …    seed articles for the verbatim-quote check
//                                                  (default ../shared/seeds next to the repository)
// Quotes from the other sources are checked against the passages in the story folder's excerpts/ (a source's
// `excerpt`).
//
// The layer of a FILE argument is taken from its name (…places…, …area… or …lake…, …claims…, …border…, …sources…,
// …basemap…) or else from its content (see detectLayer in src/data/validate.ts).
// Exit status: 0 when no problem was found, 1 otherwise. Never prints a stack trace.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  type DataFile,
  detectLayer,
  FILE_LEVEL,
  type Problem,
  parseJson,
  validateFiles,
} from '../src/data/validate.ts';
import {
  ROOT,
  readStoryFolder,
  type StoryFolder,
  StoryFolderError,
  storyFromArgs,
} from './lib/story-folder.ts';

const USAGE = `usage: npx tsx scripts/check-data.ts [--story DIR] [--seeds DIR] [FILE…]
  no FILE      check the story folder: story.json, sources, places, areas, claims, its border lines, basemap
  --story DIR  the story folder (default: $STORY, else data/armenia-azerbaijan-2021)
  FILE…        check these files under the story's rules; the layer comes from the file name (places, area or
               lake, claims, border, sources, basemap) or the content; the story's own files resolve source ids
               and answers
  --seeds DIR  seed articles for the verbatim-quote check (default: ../shared/seeds next to the repository)
exit status 0 when no problem was found, 1 otherwise`;

const DEFAULT_SEEDS = resolve(ROOT, '../shared/seeds');

/** The story's data files the validator reads (checks.json has its own checker: npm run checks). */
function storyDataFiles(folder: StoryFolder): string[] {
  const { paths } = folder;
  return [
    paths.sources,
    paths.places,
    paths.areas,
    paths.claims,
    ...folder.manifest.borderLines.map((line) => paths[`border:${line.id}`]),
    paths.basemap,
  ];
}

/** Place ids the manifest names that places.geojson lacks: each a problem of story.json. */
function manifestReferenceProblems(folder: StoryFolder, files: DataFile[]): Problem[] {
  const places = files.find((f) => f.layer === 'places')?.data as {
    features?: { properties?: { id?: unknown } }[];
  };
  if (!Array.isArray(places?.features)) return [];
  const ids = new Set(places.features.map((f) => f.properties?.id));
  const file = display(join(folder.dir, 'story.json'));
  return folder.manifest.areaShortcuts.flatMap((area, i) =>
    area.places
      .filter((id) => !ids.has(id))
      .map((id) => ({
        file,
        featureId: `areaShortcuts[${i}]`,
        message: `place "${id}" is not in places.geojson`,
      })),
  );
}

interface Args {
  story: string;
  files: string[];
  seedsDir: string | null;
  seedsExplicit: boolean;
  help: boolean;
  error: string | null;
}

function parseArgs(all: string[]): Args {
  const { dir, rest: argv } = storyFromArgs(all);
  const args: Args = {
    story: dir,
    files: [],
    seedsDir: null,
    seedsExplicit: false,
    help: false,
    error: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--seeds') {
      const dir = argv[++i];
      if (!dir) args.error = '--seeds needs a directory';
      else {
        args.seedsDir = resolve(dir);
        args.seedsExplicit = true;
      }
    } else if (a.startsWith('--seeds=')) {
      args.seedsDir = resolve(a.slice('--seeds='.length));
      args.seedsExplicit = true;
    } else if (a.startsWith('-')) args.error = `unknown option ${a}`;
    else args.files.push(resolve(a));
  }
  return args;
}

/** Paths as the user would type them: relative to the working directory. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? path : rel;
}

interface Loaded {
  files: DataFile[];
  problems: Problem[];
}

function load(paths: string[]): Loaded {
  const out: Loaded = { files: [], problems: [] };
  for (const path of paths) {
    const file = display(path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message;
      out.problems.push({ file, featureId: FILE_LEVEL, message: `cannot read: ${reason}` });
      continue;
    }
    const parsed = parseJson(text, file);
    if (parsed.ok) out.files.push({ file, layer: detectLayer(file, parsed.value), data: parsed.value });
    else out.problems.push(parsed.problem);
  }
  return out;
}

function loadSeeds(dir: string): Record<string, string> {
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.txt')) seeds[name] = readFileSync(join(dir, name), 'utf8');
  }
  return seeds;
}

function format(p: Problem): string {
  if (p.line !== undefined && p.column !== undefined) return `${p.file}:${p.line}:${p.column}: ${p.message}`;
  return `${p.file}: ${p.featureId}: ${p.message}`;
}

function countOf(files: DataFile[], layer: DataFile['layer']): number {
  const data = files.find((f) => f.layer === layer)?.data as { features?: unknown[] } | unknown[] | undefined;
  if (Array.isArray(data)) return data.length;
  return Array.isArray(data?.features) ? data.features.length : 0;
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.error) {
    console.error(`check:data: ${args.error}`);
    return 1;
  }
  const notices: string[] = [];
  let folder: StoryFolder;
  try {
    folder = readStoryFolder(args.story);
  } catch (e) {
    if (!(e instanceof StoryFolderError)) throw e;
    console.log(e.message);
    console.log('check:data: the story manifest has problems');
    return 1;
  }
  const committed = storyDataFiles(folder);

  const checked = load(args.files.length ? args.files : committed);
  const context = args.files.length ? load(committed.filter((c) => !args.files.includes(c))).files : [];
  const story = folder.manifest;

  const seedsDir = args.seedsDir ?? (existsSync(DEFAULT_SEEDS) ? DEFAULT_SEEDS : null);
  let seeds: Record<string, string> | undefined;
  if (seedsDir && existsSync(seedsDir)) seeds = loadSeeds(seedsDir);
  else {
    notices.push(
      `seed articles not found (${display(seedsDir ?? DEFAULT_SEEDS)}): verbatim-quote checks were NOT run; pass --seeds DIR`,
    );
  }
  if (args.seedsExplicit && !seeds) return report(checked.problems, notices, checked.files, undefined, true);
  // The passages of the other sources, kept in the story folder: always there, so always checked.
  const excerptsDir = join(folder.dir, 'excerpts');
  const excerpts = existsSync(excerptsDir) ? loadSeeds(excerptsDir) : undefined;

  const problems = [
    ...checked.problems,
    ...validateFiles(checked.files, { story, seeds, excerpts, context }),
    ...(args.files.length ? [] : manifestReferenceProblems(folder, checked.files)),
  ];
  return report(problems, notices, checked.files, seeds, false, excerpts);
}

function report(
  problems: Problem[],
  notices: string[],
  files: DataFile[],
  seeds: Record<string, string> | undefined,
  seedsMissing: boolean,
  excerpts?: Record<string, string>,
): number {
  for (const n of notices) console.log(`notice: ${n}`);
  if (seedsMissing) {
    console.log('check:data: the --seeds directory does not exist');
    return 1;
  }
  for (const p of problems) console.log(format(p));
  if (problems.length > 0) {
    const fileCount = new Set(problems.map((p) => p.file)).size;
    console.log(
      `check:data: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} file(s)`,
    );
    return 1;
  }
  const quotes = [
    seeds ? `quotes checked against ${Object.keys(seeds).length} seed articles` : 'seed quotes NOT checked',
    excerpts ? `${Object.keys(excerpts).length} excerpts` : 'no excerpts',
  ].join(' and ');
  console.log(
    `check:data: OK — ${files.length} file(s): ${countOf(files, 'places')} places, ${countOf(files, 'claims')} claims, ` +
      `${countOf(files, 'sources')} sources; ${quotes}`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Last resort: a one-line message, never a stack trace.
  console.error(`check:data: internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
