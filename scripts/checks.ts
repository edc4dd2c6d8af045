// Runs every check of a story's checks.json against its data and prints the results.
//   npx tsx scripts/checks.ts              readable table, then the reason for each verdict
//   npx tsx scripts/checks.ts --json       the full results as a JSON array (full precision)
//   npx tsx scripts/checks.ts --markdown   the table as Markdown, one row per check with each line's range (the
//                                          README's table is this output, and a test keeps them equal)
//   npx tsx scripts/checks.ts --story DIR  the story folder to check (default: STORY, else the default story)
// Exit code 1 with a plain message when a file is missing or is not JSON, or when a check could not be computed
// (the others are still printed).
import { CheckDataError } from '../src/checks/errors.ts';
import { evaluateChecks } from '../src/checks/evaluate.ts';
import {
  formatMeasured,
  formatRange,
  formatReported,
  formatTolerance,
  formatVerdict,
} from '../src/checks/format.ts';
import type { CheckInputs, CheckResult, MeasureKind } from '../src/checks/types.ts';
import { shownText } from '../src/shown-text.ts';
import {
  readCheckInputs,
  readJsonFile,
  readStoryFolder,
  StoryFolderError,
  storyFromArgs,
} from './lib/story-folder.ts';

const SHORT_METHOD: Record<MeasureKind, string> = {
  'distance-between-places': 'geodesic distance + bearing, WGS84 (Vincenty)',
  'depth-inside-country': 'max distance from border inside country, WGS84',
  'polygon-share-by-border': 'outline split by border, ellipsoidal areas',
  'point-side-of-border': 'side of border + geodesic distance, WGS84',
  'places-to-nearest-claimed-position': 'geodesic distance to nearest claimed point',
  'polygon-area': 'ellipsoidal area (equal-area projection)',
  'distance-to-line': 'geodesic distance to border line + side, WGS84',
};

/** Longest line printed: data text (ids, names, reasons quoting them) is cut and escaped, so no line can hide another. */
const MAX_LINE = 2000;

/** Writes lines, each cut and escaped: a "\r" or a newline in the data cannot rewrite or forge a CI log line. */
function write(stream: NodeJS.WriteStream, lines: string[]): void {
  stream.write(`${lines.map((line) => shownText(line, MAX_LINE)).join('\n')}\n`);
}

function fail(...lines: string[]): never {
  write(
    process.stderr,
    lines.map((line, i) => (i === 0 ? `checks: ${line}` : line)),
  );
  process.exit(1);
}

/** The engine's inputs from a story folder. */
function readInputs(argv: string[]): { inputs: CheckInputs; outlets: Map<string, string>; rest: string[] } {
  const { dir, rest } = storyFromArgs(argv);
  const folder = readStoryFolder(dir);
  const inputs = readCheckInputs(folder);
  const sources = readJsonFile(folder.paths.sources) as { id: string; outlet: string }[];
  return { inputs, outlets: new Map(sources.map((x) => [x.id, x.outlet])), rest };
}

function table(rows: string[][]): string {
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0] as string[]), sep, ...rows.slice(1).map(line)].join('\n');
}

/** A Markdown table cell: pipes escaped, line breaks as <br>. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** Each line's range and where it lies against the band: "Border (OpenStreetMap, c. 2017): −36 to +24 m (below)". */
function perLine(r: CheckResult): string {
  const signed = r.measureKind !== 'polygon-share-by-border' && r.measureKind !== 'polygon-area';
  const measured = r.lines.filter((l) => l.line !== null && l.range !== null);
  if (measured.length === 0) return '—';
  const where: Record<string, string> = {
    below: 'below it',
    within: 'within it',
    above: 'above it',
    across: 'across an edge of it',
  };
  return measured
    .map(
      (l) =>
        `${l.label}: ${formatRange(l.range, r.unit, signed)}${l.position ? ` (${where[l.position]})` : ''}`,
    )
    .join('\n');
}

/** The checks as a Markdown table: whose words, the figure, the range, each line's range, the band, the verdict. */
function markdown(results: CheckResult[], inputs: CheckInputs, outlets: Map<string, string>): string {
  const claimant = new Map(inputs.claims.features.map((f) => [f.properties.id, f.properties.claimant]));
  const rows = results.map((r) => {
    const who = r.attributedTo
      ? `${r.attributedTo.who} (the outlet’s own words)`
      : r.claim
        ? (claimant.get(r.claim) ?? r.claim)
        : r.source
          ? `${outlets.get(r.source) ?? r.source} (a sourced property, no claimant)`
          : '—';
    return [
      `${r.title} (\`${r.id}\`)`,
      who,
      r.reportedWording
        ? `${formatReported(r.reported, r.unit)} (“${r.reportedWording}”)`
        : formatReported(r.reported, r.unit),
      formatMeasured(r),
      perLine(r),
      formatTolerance(r),
      formatVerdict(r.verdict),
    ];
  });
  const header = [
    'check',
    'whose words',
    'reported',
    'measured (every line, with the uncertainty)',
    'each line',
    'allowed by the wording',
    'verdict',
  ];
  const line = (r: string[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function main(): void {
  let inputs: CheckInputs;
  let outlets: Map<string, string>;
  let args: string[];
  try {
    ({ inputs, outlets, rest: args } = readInputs(process.argv.slice(2)));
  } catch (e) {
    if (e instanceof StoryFolderError) fail(...e.message.split('\n'));
    throw e;
  }
  const unknown = args.filter((a) => a !== '--json' && a !== '--markdown');
  if (unknown.length)
    fail(`unknown argument ${unknown[0]} (usage: checks [--json | --markdown] [--story DIR])`);
  const json = args.includes('--json');
  const md = args.includes('--markdown');
  if (json && md) fail('--json and --markdown: choose one');

  let results: CheckResult[];
  try {
    results = evaluateChecks(inputs);
  } catch (e) {
    if (e instanceof CheckDataError)
      fail(`The check data has ${e.problems.length} problem(s):`, ...e.problems.map((p) => `- ${p}`));
    throw e;
  }
  // A check that could not be computed is a broken story: say so on stderr and exit 1, after printing the rest.
  const failed = results.filter((r) => r.problem);
  process.exitCode = failed.length > 0 ? 1 : 0;
  for (const r of failed) write(process.stderr, [`checks: ${r.id} could not be computed: ${r.problem}`]);

  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  if (md) {
    process.stdout.write(`${markdown(results, inputs, outlets)}\n`);
    return;
  }
  const rows = [
    ['id', 'reported', 'measured', 'verdict', 'allowed by the wording', 'method'],
    ...results.map((r) => [
      r.id,
      formatReported(r.reported, r.unit),
      formatMeasured(r),
      formatVerdict(r.verdict),
      formatTolerance(r),
      SHORT_METHOD[r.measureKind],
    ]),
  ];
  // Cells are cut and escaped before the table is laid out, so a newline in a cell cannot add a row.
  const cells = rows.map((row) => row.map((cell) => shownText(cell, 200)));
  write(process.stdout, [...table(cells).split('\n'), '']);
  for (const r of results) {
    write(process.stdout, [`${r.id} — ${formatVerdict(r.verdict)}`, `  ${r.reason}`]);
    for (const c of r.caveats) write(process.stdout, [`  caveat: ${c}`]);
  }
}

main();
