// Data text in messages: one helper (src/shown-text.ts) cuts and escapes it, and every place that quotes data in a
// message uses it: the validator, URL and embed warnings, host-message reasons and both CLIs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validateTexts } from '../../src/data/validate.ts';
import { parseInbound } from '../../src/embed/messages.ts';
import { parseEmbedSearch } from '../../src/embed/params.ts';
import { quoted, SHOWN_TEXT_MAX, shownList, shownText } from '../../src/shown-text.ts';
import { parseUrlState } from '../../src/url-state.ts';
import { fixture } from './stories.ts';

const F = fixture.manifest;

const ROOT = resolve(import.meta.dirname, '../..');
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is the point.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const HUGE = `a\r${'x'.repeat(1_000_000)}`;
/** Text made of what the helper must handle: plain, accented, astral, controls, bidi overrides, lone surrogates. */
const PIECES = fc
  .array(
    fc.constantFrom(
      'a',
      'é',
      'Ս',
      '🙂',
      '\r',
      '\n',
      '\t',
      '\u0000',
      '\u007f',
      '\u0085',
      '\u202e',
      '\u2028',
      '\ud800',
      '\udc00',
      '\\',
    ),
    {
      maxLength: 120,
    },
  )
  .map((pieces) => pieces.join(''));

describe('shownText', () => {
  it('shows control characters escaped', () => {
    expect(shownText('a\rb\nc\td')).toBe('a\\rb\\nc\\td');
    expect(shownText('nul\u0000 del\u007f c1\u0085')).toBe('nul\\u0000 del\\u007F c1\\u0085');
    expect(shownText('rtl\u202eevil\u2066 ls\u2028')).toBe('rtl\\u202Eevil\\u2066 ls\\u2028');
    expect(shownText('lone \ud800 half')).toBe('lone \\uD800 half');
  });

  it('keeps ordinary text, HTML and non-Latin scripts as they are', () => {
    for (const text of ['Lake Sev', 'Սև լիճ', 'Qaragöl', '<b>x</b> & "y"', 'C:\\data\\x.json', '🙂 ok']) {
      expect(shownText(text)).toBe(text);
    }
  });

  it('cuts long values with an ellipsis, never inside an escape or a surrogate pair', () => {
    expect(shownText('abcdef', 4)).toBe('abc…');
    expect(shownText('abcd', 4)).toBe('abcd');
    expect(shownText('ab\rcd', 4)).toBe('ab…');
    expect(shownText('a🙂🙂', 4)).toBe('a🙂…');
    expect(shownText(HUGE)).toHaveLength(SHOWN_TEXT_MAX);
    expect(shownText(HUGE).startsWith('a\\rxxx')).toBe(true);
    fc.assert(
      fc.property(PIECES, fc.integer({ min: 1, max: 60 }), (text, max) => {
        const shown = shownText(text, max);
        expect(shown.length).toBeLessThanOrEqual(max);
        expect(shown).not.toMatch(RAW_CONTROL);
        expect(shown).not.toMatch(LONE_SURROGATE);
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(shownText(hostile)).toBe('(unprintable value)');
    expect(shownText(null)).toBe('null');
    expect(quoted(42)).toBe('"42"');
    expect(
      shownList(
        Array.from({ length: 25 }, (_, i) => `k${i}\r`),
        3,
      ),
    ).toBe('k0\\r, k1\\r, k2\\r and 22 more');
  });
});

describe('messages that quote data', () => {
  it('validator: a 1 MB id with a carriage return gives a short, one-line problem', () => {
    const feature = {
      type: 'Feature',
      id: HUGE,
      properties: { id: HUGE, name: 'x', [HUGE]: 1 },
      geometry: { type: 'Point', coordinates: [-35, 45] },
    };
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature, feature] });
    const problems = validateTexts([{ file: 'places.geojson', text }], { story: F });
    expect(problems.length).toBeGreaterThan(3);
    for (const problem of problems) {
      expect(problem.featureId.length).toBeLessThanOrEqual(SHOWN_TEXT_MAX);
      expect(problem.message.length).toBeLessThanOrEqual(400);
      expect(`${problem.featureId} ${problem.message}`).not.toMatch(RAW_CONTROL);
    }
    expect(problems.map((p) => p.message).join('\n')).toContain('duplicate id "a\\rxxx');
  });

  it('URL warnings: a 1 MB value with control characters is cut and escaped', () => {
    const { warnings } = parseUrlState(`?date=${encodeURIComponent(HUGE)}&lang=%1B%5B2J`, F);
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) {
      expect(warning.length).toBeLessThan(200);
      expect(warning).not.toMatch(RAW_CONTROL);
    }
    expect(warnings[1]).toContain('lang="\\u001B[2J"');
  });

  it('embed warnings: unknown parameter names are cut, escaped and counted', () => {
    const search = `?${Array.from({ length: 1000 }, (_, i) => `k${i}%0D${'y'.repeat(1000)}=1`).join('&')}`;
    const { warnings } = parseEmbedSearch(search, F);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.length).toBeLessThan(600);
    expect(warnings[0]).toContain('and 990 more');
    expect(warnings[0]).not.toMatch(RAW_CONTROL);
  });

  it('host messages: unexpected keys in a command are cut and escaped in the reason', () => {
    const message = Object.fromEntries([
      ['target', 'conflict-map'],
      ['type', 'setDate'],
      ['date', F.dates.default],
      ...Array.from({ length: 50 }, (_, i) => [`${HUGE.slice(0, 10_000)}${i}`, 1]),
    ]);
    const inbound = parseInbound(message, { id: 'conflict-map', claimExists: () => false, story: F });
    if (inbound.kind !== 'invalid') throw new Error('expected an invalid message');
    expect(inbound.reason.length).toBeLessThan(600);
    expect(inbound.reason).not.toMatch(RAW_CONTROL);
  });
});

describe('CLI lines', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'shown-text-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (script: string, ...args: string[]) =>
    spawnSync(tsx, [join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('check:data prints a file name and a 1 MB id escaped and cut, one line each', {
    timeout: 60_000,
  }, () => {
    const file = join(scratch, 'odd\rname.places.geojson');
    const feature = { type: 'Feature', id: HUGE, properties: {}, geometry: null };
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
    const result = run('check-data.ts', file);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(2000);
      expect(line).not.toMatch(RAW_CONTROL);
    }
    expect(result.stdout).toContain('odd\\rname.places.geojson: a\\rxxx');
  });

  it('checks prints the problems of a checks.json escaped and cut, one line each', {
    timeout: 60_000,
  }, () => {
    const data = join(scratch, 'story');
    spawnSync('cp', ['-r', join(ROOT, 'tests/fixtures/stories/northvale-southmark'), data]);
    const checks = JSON.parse(readFileSync(join(data, 'checks.json'), 'utf8'));
    checks.checks[0].id = HUGE;
    writeFileSync(join(data, 'checks.json'), JSON.stringify(checks));
    const result = run('checks.ts', '--story', data);
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(2000);
      expect(line).not.toMatch(RAW_CONTROL);
    }
    expect(result.stderr).toContain('a\\rxxx');
  });
});
