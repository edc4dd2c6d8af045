// scripts/checks.ts end to end: the table, --json, and a clear message with exit code 1 on bad data. Each test runs
// the CLI (a Node process with tsx) up to four times: on a busy two-core machine one run can take several seconds.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
/** One run of the CLI: 2–3 s alone, up to 20 s on a loaded machine. Each test sets a timeout for its runs. */
const RUN_MS = 60_000;
const run = (...args: string[]) =>
  spawnSync(tsx, [join(root, 'scripts', 'checks.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: RUN_MS,
  });

const scratch = mkdtempSync(join(tmpdir(), 'checks-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run checks', () => {
  it('prints a table with every check, then the reasons', { timeout: RUN_MS }, () => {
    const r = run();
    expect(r.status).toBe(0);
    const [header] = r.stdout.split('\n');
    for (const column of ['id', 'reported', 'measured', 'verdict', 'allowed by the wording', 'method'])
      expect(header).toContain(column);
    expect(r.stdout).toMatch(
      /verishen-five-km-north-of-goris +5 km +3\.25 km, 326° NW +inconsistent +3\.75–6\.25 km/,
    );
    expect(r.stdout).toMatch(
      /armudlu-400-m-inside-azerbaijan +400 m +−36 to \+1305 m \(4 lines\) +depends on the line/,
    );
    expect(r.stdout).toMatch(
      /mod-six-captured-800-m-inside-armenia — cannot be checked\n {2}cannot be checked: no sourced position/,
    );
  });

  it('--json prints the full results, full precision', { timeout: RUN_MS }, () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out.length).toBeGreaterThanOrEqual(7);
    for (const c of out) {
      for (const key of [
        'id',
        'claim',
        'quote',
        'reported',
        'measured',
        'range',
        'rangeText',
        'lines',
        'unit',
        'method',
        'verdict',
        'verdictBasis',
        'tolerance',
        'reason',
        'geometry',
      ]) {
        expect(c).toHaveProperty(key);
      }
    }
    const v = out.find((c) => c.id === 'verishen-five-km-north-of-goris');
    expect(String(v?.measured).length).toBeGreaterThan(8);
  });

  it('--markdown prints the table that the README shows, row for row', { timeout: 120_000 }, () => {
    const r = run('--markdown');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '| check | whose words | reported | measured (every line, with the uncertainty) | each line | allowed by the wording | verdict |',
    );
    const ids = (JSON.parse(run('--json').stdout) as { id: string }[]).map((c) => c.id);
    expect(lines.slice(2).map((l) => /\(`([^`]+)`\)/.exec(l)?.[1])).toEqual(ids);
    // The outlet's own words are said to be the outlet's, not the claimant's.
    expect(r.stdout).toMatch(
      /`verishen-five-km-north-of-goris`\) \| The Armenian Weekly \(the outlet’s own words\) \|/,
    );
    // The README holds exactly this output between its markers (regenerate it with the command when it changes).
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const begin = '<!-- checks:begin (npm run -s checks -- --markdown) -->\n';
    const between = readme.slice(readme.indexOf(begin) + begin.length, readme.indexOf('<!-- checks:end -->'));
    expect(readme).toContain(begin);
    expect(between).toBe(r.stdout);
    expect(run('--markdown', '--json').status).toBe(1);
  });

  it('bad data: a clear message and exit code 1; a broken check does not hide the others', {
    timeout: 4 * RUN_MS,
  }, () => {
    // A copy of the made-up fixture story, broken one way at a time.
    const fixture = join(root, 'tests/fixtures/stories/northvale-southmark');
    cpSync(fixture, scratch, { recursive: true });
    writeFileSync(join(scratch, 'claims.geojson'), '{"type": "FeatureCollection", "features": [');
    const broken = run('--story', scratch);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/claims\.geojson is not valid JSON/);

    cpSync(join(fixture, 'claims.geojson'), join(scratch, 'claims.geojson'));
    const checks = JSON.parse(readFileSync(join(fixture, 'checks.json'), 'utf8'));
    checks.checks[0].quote = 'crossed three kilometres';
    writeFileSync(join(scratch, 'checks.json'), JSON.stringify(checks));
    const wrongQuote = run('--story', scratch, '--json');
    expect(wrongQuote.status).toBe(1);
    expect(wrongQuote.stderr).toMatch(/crossing-two-km could not be computed: .*does not occur verbatim/);
    const results = JSON.parse(wrongQuote.stdout) as { id: string; problem?: string }[];
    expect(results.filter((r) => r.problem).map((r) => r.id)).toEqual(['crossing-two-km']);
    expect(results).toHaveLength(checks.checks.length);

    rmSync(join(scratch, 'border.geojson'));
    const missing = run('--story', scratch);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*border\.geojson: ENOENT/);
  });
});
