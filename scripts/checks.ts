// Runs every check of data/checks.json against the data and prints the results.
//   npx tsx scripts/checks.ts            readable table, then the reason for each verdict
//   npx tsx scripts/checks.ts --json     the full results as a JSON array (full precision)
//   npx tsx scripts/checks.ts --data DIR read the files from DIR instead of data/
// Exit code 1 with a plain message when a file is missing, is not JSON, or the data are unusable.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckDataError } from '../src/checks/errors.ts';
import { evaluateChecks } from '../src/checks/evaluate.ts';
import { formatMeasured, formatReported, formatTolerance, formatVerdict } from '../src/checks/format.ts';
import type { CheckInputs, CheckResult, MeasureKind } from '../src/checks/types.ts';
import { shownText } from '../src/shown-text.ts';

const FILES = {
  checks: 'checks.json',
  places: 'places.geojson',
  claims: 'claims.geojson',
  border: 'border.geojson',
  basemap: 'basemap.geojson',
  lake: 'lake-sev.geojson',
} as const;

const SHORT_METHOD: Record<MeasureKind, string> = {
  'distance-between-places': 'geodesic distance + bearing, WGS84 (Vincenty)',
  'depth-inside-country': 'max distance from border inside country, WGS84',
  'polygon-share-by-border': 'outline split by border, ellipsoidal areas',
  'point-side-of-border': 'side of border + geodesic distance, WGS84',
  'places-to-nearest-claimed-position': 'geodesic distance to nearest claimed point',
  'polygon-area': 'ellipsoidal area (equal-area projection)',
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

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${path} is not valid JSON: ${(e as Error).message}`);
  }
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

function main(): void {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dataFlag = args.indexOf('--data');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir =
    dataFlag >= 0 ? resolve(args[dataFlag + 1] ?? fail('--data needs a directory')) : join(root, 'data');

  const inputs = Object.fromEntries(
    Object.entries(FILES).map(([key, file]) => [key, readJson(dir, file)]),
  ) as unknown as CheckInputs;

  let results: CheckResult[];
  try {
    results = evaluateChecks(inputs);
  } catch (e) {
    if (e instanceof CheckDataError)
      fail(`The check data has ${e.problems.length} problem(s):`, ...e.problems.map((p) => `- ${p}`));
    throw e;
  }

  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const rows = [
    ['id', 'reported', 'measured', 'verdict', 'tolerance (consistent / roughly)', 'method'],
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
