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
// Only regular files are read (a named pipe or a device is refused, never opened for long), up to 20 MiB each,
// and they must be UTF-8.
// Exit status: 0 when no problem was found, 1 otherwise. Never prints a stack trace.
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { decodeUtf8 } from '../src/data/utf8.ts';
import {
  type DataFile,
  detectLayer,
  FILE_LEVEL,
  type Problem,
  parseJson,
  validateFiles,
} from '../src/data/validate.ts';
import { shownText } from '../src/shown-text.ts';
import {
  DEFAULT_STORY,
  ROOT,
  readStoryFolder,
  type StoryFolder,
  StoryFolderError,
  storyFromArgs,
} from './lib/story-folder.ts';

const USAGE = `usage: npx tsx scripts/check-data.ts [--story DIR] [--seeds DIR] [FILE…]
  no FILE      check the story folder: story.json, sources, places, areas, claims, its border lines, basemap
  --story DIR  the story folder (default: $STORY, else ${DEFAULT_STORY})
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

/** The largest file read, data or seed article: ours are well under 1 MiB (the basemap is the largest, 0.3 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const KINDS: Array<[(stat: ReturnType<typeof fstatSync>) => boolean, string]> = [
  [(s) => s.isDirectory(), 'a directory'],
  [(s) => s.isFIFO(), 'a named pipe'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
  [(s) => s.isSocket(), 'a socket'],
];

/**
 * The text of a regular file of at most MAX_FILE_BYTES in UTF-8, or why it was not read. The file is opened without
 * blocking (a named pipe with no writer would otherwise wait forever) and checked before any byte is read; it is
 * read up to the limit and one byte more, so a file that grows while it is read cannot exhaust memory either.
 */
function readText(path: string): { text: string } | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: `cannot read: ${code === 'ENOENT' ? 'file not found' : (e as Error).message}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = KINDS.find(([is]) => is(stat))?.[1] ?? 'not a regular file';
      return { error: `cannot read: this is ${kind}; only regular files are read` };
    }
    const limit = `the limit is ${MAX_FILE_BYTES / 1024 / 1024} MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`;
    if (stat.size > MAX_FILE_BYTES)
      return { error: `not read: ${stat.size.toLocaleString('en-US')} bytes; ${limit}` };
    // Read in chunks up to the limit and one byte more: a file that grows while it is read is caught too.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= MAX_FILE_BYTES) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, MAX_FILE_BYTES + 1 - length));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
    }
    if (length > MAX_FILE_BYTES) return { error: `not read: it grew past ${limit}` };
    const decoded = decodeUtf8(Buffer.concat(chunks, length));
    return decoded.ok ? { text: decoded.text } : { error: decoded.message };
  } catch (e) {
    return { error: `cannot read: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

interface Loaded {
  files: DataFile[];
  problems: Problem[];
}

function load(paths: string[]): Loaded {
  const out: Loaded = { files: [], problems: [] };
  for (const path of paths) {
    const file = display(path);
    const read = readText(path);
    if ('error' in read) {
      out.problems.push({ file, featureId: FILE_LEVEL, message: read.error });
      continue;
    }
    const parsed = parseJson(read.text, file);
    if (parsed.ok) out.files.push({ file, layer: detectLayer(file, parsed.value), data: parsed.value });
    else out.problems.push(parsed.problem);
  }
  return out;
}

function loadSeeds(dir: string): Record<string, string> {
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.txt')) continue;
    const read = readText(join(dir, name));
    if ('text' in read) seeds[name] = read.text;
    else say(`notice: seed ${join(display(dir), name)}: ${read.error}`);
  }
  return seeds;
}

/** Longest line printed (a problem's message is shorter still): no line can grow with the data it quotes. */
const MAX_LINE = 2000;

/** Prints one line, cut and escaped: a "\r" or a newline in a file name or the data cannot rewrite a CI log line. */
function say(text: string, stream: 'log' | 'error' = 'log'): void {
  console[stream](shownText(text, MAX_LINE));
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
    console.log(USAGE); // our own text: lines as written
    return 0;
  }
  if (args.error) {
    say(`check:data: ${args.error}`, 'error');
    return 1;
  }
  const notices: string[] = [];
  let folder: StoryFolder;
  try {
    folder = readStoryFolder(args.story);
  } catch (e) {
    if (!(e instanceof StoryFolderError)) throw e;
    for (const line of e.message.split('\n')) say(line);
    say('check:data: the story manifest has problems');
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
  for (const n of notices) say(`notice: ${n}`);
  if (seedsMissing) {
    say('check:data: the --seeds directory does not exist');
    return 1;
  }
  for (const p of problems) say(format(p));
  if (problems.length > 0) {
    const fileCount = new Set(problems.map((p) => p.file)).size;
    say(`check:data: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${fileCount} file(s)`);
    return 1;
  }
  const quotes = [
    seeds ? `quotes checked against ${Object.keys(seeds).length} seed articles` : 'seed quotes NOT checked',
    excerpts ? `${Object.keys(excerpts).length} excerpts` : 'no excerpts',
  ].join(' and ');
  say(
    `check:data: OK — ${files.length} file(s): ${countOf(files, 'places')} places, ${countOf(files, 'claims')} claims, ` +
      `${countOf(files, 'sources')} sources; ${quotes}`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // Last resort: a one-line message, never a stack trace.
  say(`check:data: internal error: ${e instanceof Error ? e.message : String(e)}`, 'error');
  process.exitCode = 1;
}
