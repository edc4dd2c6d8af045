// The data validator and the story data. Engine tests: each broken file yields its one problem under the made-up
// fixture story's rules (tests/fixtures/stories/northvale-southmark), from the library and from the check:data CLI.
// Story tests: the repository's own story passes, with every quote verbatim in its seed article.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lakeCollection, lakeRing, ringAreaM2 } from '../../data/armenia-azerbaijan-2021/build-lake.ts';
import type { ClaimProperties, PlaceProperties, Source } from '../../src/data/types.ts';
import { type Problem, parseJson, scanJson, validateFiles, validateTexts } from '../../src/data/validate.ts';
import { dataFiles, FIXTURE_DIR, fixture, ROOT, story } from './stories.ts';

const FIXTURES = resolve(ROOT, 'tests/fixtures/broken');
const SEEDS_DIR = resolve(ROOT, '../shared/seeds');
const HAVE_SEEDS = existsSync(SEEDS_DIR);

function loadSeeds(): Record<string, string> {
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(SEEDS_DIR)) seeds[name] = readFileSync(resolve(SEEDS_DIR, name), 'utf8');
  return seeds;
}

const committed = dataFiles(story);
const fixtureFiles = dataFiles(fixture);
const seeds = HAVE_SEEDS ? loadSeeds() : undefined;
const rules = { story: story.manifest };
const fixtureRules = { story: fixture.manifest };

/** Validates one broken file the way the CLI does, under the fixture story: its files supply the other layers. */
function checkFixture(name: string): Problem[] {
  const file = `tests/fixtures/broken/${name}`;
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  return validateTexts([{ file, text }], { ...fixtureRules, context: fixtureFiles });
}

/** Validates a broken claims file under the real story, whose sources are seed articles. */
function checkQuoteFixture(name: string): Problem[] {
  const file = `tests/fixtures/broken-quotes/${name}`;
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  return validateTexts([{ file, text }], { ...rules, seeds, context: committed });
}

/** Seeds are needed for the verbatim-quote checks: required in CI, otherwise skipped with the reason in the name. */
function itWithSeeds(name: string, fn: () => void): void {
  if (HAVE_SEEDS || process.env.CI) it(name, fn);
  else it.skip(`${name} — skipped: seed articles not found at ${SEEDS_DIR}`, fn);
}

describe('the fixture story (engine)', () => {
  it('passes the validator under its own rules', () => {
    expect(validateFiles(fixtureFiles, fixtureRules)).toEqual([]);
  });

  it('fails under another story’s rules: its sides, days and region are not that story’s', () => {
    const messages = validateFiles(fixtureFiles, rules).map((p) => p.message);
    expect(messages.some((m) => m.includes('"side" must be one of armenia'))).toBe(true);
    expect(messages.some((m) => m.includes('is outside the story (2021-05-11 … 2021-06-03)'))).toBe(true);
    expect(messages.some((m) => m.includes('lies outside the story region'))).toBe(true);
  });
});

describe('the story’s data', () => {
  it('passes the validator (structure, schemas, ids, references, dates)', () => {
    expect(validateFiles(committed, rules)).toEqual([]);
  });

  itWithSeeds('every quote from a seed article appears verbatim in it', () => {
    expect(HAVE_SEEDS, `seed articles missing at ${SEEDS_DIR}`).toBe(true);
    expect(validateFiles(committed, { ...rules, seeds })).toEqual([]);
  });

  const places = committed.find((f) => f.layer === 'places')?.data as FeatureCollection<
    never,
    PlaceProperties
  >;
  const claims = committed.find((f) => f.layer === 'claims')?.data as FeatureCollection<
    never,
    ClaimProperties
  >;

  it('has the place ids other code relies on', () => {
    const ids = places.features.map((f) => f.properties.id);
    for (const id of [
      'goris',
      'verishen',
      'sisian',
      'tegh',
      'vardenis',
      'sotk',
      'verin-shorzha',
      'kut',
      'kalbajar',
      'lake-sev',
      'armudlu-direction',
      'mets-ishkhanasar',
      'syunik',
      'gegharkunik',
      'kalbajar-district',
      'lachin-district',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('has the claim ids other code relies on', () => {
    const ids = claims.features.map((f) => f.properties.id);
    for (const id of [
      'am-pm-2021-05-12-syunik-advance',
      'am-goris-2021-05-12-verishen',
      'am-mod-2021-05-12-retreated',
      'am-ombudsman-2021-05-12-residents',
      'az-2021-05-own-side',
      'am-pm-2021-05-13-250-troops',
      'am-2021-05-13-vardenis-breach',
      'am-mod-2021-05-27-six-captured',
      'az-mfa-2021-05-27-infiltration',
      'az-mod-2021-06-01-armudlu',
      'am-mod-2021-06-02-armudlu-denial',
      'us-2021-05-13-price',
      'ru-mfa-2021-05-13-lavrov',
      'us-2021-05-27-price',
      'un-2021-05-27-dujarric',
      'osce-mg-2021-05-28-cochairs',
      'am-pm-2021-06-02-technical-work',
    ]) {
      expect(ids).toContain(id);
    }
  });

  const claimGeometry = (id: string) => {
    const claim = claims.features.find((f) => f.properties.id === id);
    if (!claim) throw new Error(`no claim ${id}`);
    return claim.geometry as unknown;
  };

  it('draws the Armudlu claim at the stated coordinates N 40°04′30″ E 45°54′42″', () => {
    const [lon, lat] = (claimGeometry('az-mod-2021-06-01-armudlu') as { coordinates: number[] }).coordinates;
    expect(lat).toBeCloseTo(40 + 4 / 60 + 30 / 3600, 6);
    expect(lon).toBeCloseTo(45 + 54 / 60 + 42 / 3600, 6);
  });

  it('draws the 12 May claims from the claimants’ own words, the lake shore, not from the 3.5 km figure', () => {
    const ring = lakeRing();
    for (const id of ['am-pm-2021-05-12-syunik-advance', 'am-goris-2021-05-12-verishen']) {
      const shore = claimGeometry(id) as LineString;
      expect(shore.type).toBe('LineString');
      expect(shore.coordinates).toEqual(ring);
    }
  });

  it('draws each claim from its claimant’s own account, or not at all, and says so', () => {
    for (const f of claims.features) {
      const p = f.properties;
      if (f.geometry === null) expect(p.geometryBy).toBeNull();
      else expect([p.id, p.geometryBy]).toEqual([p.id, 'claimant']);
    }
    // Baku's two statements about its positions of 12–13 May gave none: the only description of them, an
    // Armenian research centre's, is not drawn as theirs.
    for (const id of ['az-mfa-2021-05-13-border-deployment', 'az-2021-05-own-side']) {
      expect(claimGeometry(id)).toBeNull();
      expect(claims.features.find((f) => f.properties.id === id)?.properties.notes).toMatch(/Orbeli/);
    }
  });

  it('draws the 27 May detention site at the Azerbaijani MoD’s coordinates N 40°09′06″ E 45°58′07″', () => {
    const [lon, lat] = (claimGeometry('az-mod-2021-05-27-detention-site') as { coordinates: number[] })
      .coordinates;
    expect(lat).toBeCloseTo(40 + 9 / 60 + 6 / 3600, 6);
    expect(lon).toBeCloseTo(45 + 58 / 60 + 7 / 3600, 6);
  });

  it('marks every quote as the claimant’s own words or an outlet’s report, from every kind of claimant', () => {
    const kinds = new Map<string, Set<string>>();
    for (const f of claims.features) {
      expect(['direct', 'reported']).toContain(f.properties.quoteKind);
      kinds.set(f.properties.side, (kinds.get(f.properties.side) ?? new Set()).add(f.properties.quoteKind));
    }
    expect([...(kinds.get('armenia') ?? [])].sort()).toEqual(['direct', 'reported']);
    expect([...(kinds.get('azerbaijan') ?? [])].sort()).toEqual(['direct', 'reported']);
  });

  it('checks every quote verbatim: seed articles, else the passage kept in excerpts/', () => {
    const dir = resolve(story.dir, 'excerpts');
    const excerpts = Object.fromEntries(
      readdirSync(dir).map((name) => [name, readFileSync(resolve(dir, name), 'utf8')] as const),
    );
    expect(validateFiles(committed, { ...rules, excerpts })).toEqual([]);
    // Every quote's source is a seed or has an excerpt, but for two statements whose full text (Massis Post, the
    // Norwegian delegation to the OSCE) was checked when they were added and was not found again since.
    const sources = committed.find((f) => f.layer === 'sources')?.data as Source[];
    const unchecked = claims.features
      .map((f) => sources.find((s) => s.id === f.properties.source) as Source)
      .filter((s) => !s.seed && !s.excerpt)
      .map((s) => s.id);
    expect([...new Set(unchecked)].sort()).toEqual(['massispost-2021-05-osce', 'norway-eu-pc1318']);
    // A broken excerpt is caught.
    const broken = { ...excerpts, 'news-az-2021-06-02.txt': 'nothing here' };
    expect(validateFiles(committed, { ...rules, excerpts: broken }).map((p) => p.message)).toEqual([
      expect.stringMatching(/^quote is not verbatim in news-az-2021-06-02\.txt/),
    ]);
  });
});

describe('the schematic lake', () => {
  it('is reproduced exactly by the story’s build-lake.ts', () => {
    const lake = committed.find((f) => f.layer === 'areas')?.data;
    expect(lake).toEqual(JSON.parse(JSON.stringify(lakeCollection())));
  });

  it('covers the reported 2 km², is longer east–west and is centred on the sourced point', () => {
    const ring = lakeRing();
    expect(ringAreaM2(ring) / 1e6).toBeCloseTo(2, 3);
    const lons = ring.map((p) => p[0] as number);
    const lats = ring.map((p) => p[1] as number);
    const widthM = (Math.max(...lons) - Math.min(...lons)) * 111_320 * Math.cos((39.598 * Math.PI) / 180);
    const heightM = (Math.max(...lats) - Math.min(...lats)) * 111_000;
    expect(widthM / heightM).toBeCloseTo(4 / 3, 1);
    expect((Math.max(...lons) + Math.min(...lons)) / 2).toBeCloseTo(46.2311, 4);
    expect((Math.max(...lats) + Math.min(...lats)) / 2).toBeCloseTo(39.5981, 4);
  });
});

describe('broken fixtures: one problem each', () => {
  const cases: Array<[file: string, message: string, seedsNeeded?: boolean]> = [
    ['out-of-range.places.geojson', 'is out of range (lon −180…180, lat −90…90)'],
    ['swapped-lon-lat.places.geojson', 'it looks like [lat, lon]'],
    ['infinite.places.geojson', 'not a finite number (Infinity)'],
    ['duplicate-id.places.geojson', 'duplicate id "test-place"'],
    ['missing-property.places.geojson', 'missing property "kind"'],
    ['negative-uncertainty.places.geojson', '"uncertaintyM" must be a finite number ≥ 0 or null'],
    ['open-ring.lake.geojson', 'ring is not closed'],
    ['empty-ring.lake.geojson', 'a linear ring has 0 positions; it needs at least 4'],
    [
      'bad-side.claims.geojson',
      '"side" must be one of northvale, southmark, monitors, joint; found the string "russia"',
    ],
    [
      'invalid-date.claims.geojson',
      '"statementDate" must be a real calendar date YYYY-MM-DD, found the string "2030-02-30"',
    ],
    ['statement-before-event.claims.geojson', '"statementDate" 2030-01-12 is before "eventDate" 2030-01-13'],
    ['unknown-source.claims.geojson', 'unknown source id "no-such-source"'],
    ['unknown-answers.claims.geojson', 'unknown claim id "no-such-claim" in "answers"'],
    ['third-party-geometry.claims.geojson', 'claims of the Joint statements carry no geometry'],
    ['bad-url.sources.json', '"url" must be an http(s) address or null'],
    ['one-sided.border.geojson', 'missing property "rightCountry"'],
  ];

  for (const [file, message] of cases) {
    it(file, () => {
      const problems = checkFixture(file);
      expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(message)]);
    });
  }

  for (const [file, message] of [
    ['quote-not-in-seed.claims.geojson', 'quote is not verbatim in 000_a7406c2808281acd.txt'],
    ['straight-apostrophe.claims.geojson', 'differs only in quote marks or apostrophes'],
  ] as const) {
    itWithSeeds(`${file} (the story’s seed articles)`, () => {
      const problems = checkQuoteFixture(file);
      expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(message)]);
    });
  }

  it('malformed.places.geojson: invalid JSON with the line and column of the error', () => {
    const problems = checkFixture('malformed.places.geojson');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 10,
      column: 9,
      message: expect.stringMatching(/^invalid JSON: /),
    });
  });

  it('html-in-property.places.geojson: HTML is not a problem, and it stays text (not stripped, not escaped)', () => {
    expect(checkFixture('html-in-property.places.geojson')).toEqual([]);
    const parsed = parseJson(readFileSync(resolve(FIXTURES, 'html-in-property.places.geojson'), 'utf8'), 'x');
    const name =
      parsed.ok && (parsed.value as FeatureCollection<never, PlaceProperties>).features[0]?.properties.name;
    expect(name).toBe('<b>Northtown</b> <script>alert("x")</script>');
  });

  it('every fixture in the folder is covered by a test', () => {
    const covered = new Set([
      ...cases.map(([f]) => f),
      'malformed.places.geojson',
      'html-in-property.places.geojson',
    ]);
    expect(readdirSync(FIXTURES).filter((f) => !covered.has(f))).toEqual([]);
  });
});

describe('never throws', () => {
  it('survives 100,000 nested GeometryCollections (geojson-validation alone overflows the stack)', () => {
    const depth = 100_000;
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":' +
      '{"type":"GeometryCollection","geometries":['.repeat(depth) +
      ']}'.repeat(depth) +
      '}]}';
    const problems = validateTexts([{ file: 'deep.geojson', text }], fixtureRules);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('nested GeometryCollection')]);
  });

  it('survives 100,000 nested coordinate arrays', () => {
    const depth = 100_000;
    const coordinates = `${'['.repeat(depth)}0${']'.repeat(depth)}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${coordinates}}}]}`;
    expect(() => validateTexts([{ file: 'deep.geojson', text }], fixtureRules)).not.toThrow();
    expect(validateTexts([{ file: 'deep.geojson', text }], fixtureRules).length).toBeGreaterThan(0);
  });

  it('turns the geojson-validation TypeError on a Polygon of one empty ring into a problem', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[]]}}]}';
    expect(validateTexts([{ file: 'x.geojson', text }], fixtureRules).length).toBe(1);
  });

  it('rejects a non-object and a wrong top-level type', () => {
    expect(validateTexts([{ file: 'places.geojson', text: '42' }], fixtureRules)[0]?.message).toContain(
      'FeatureCollection',
    );
    expect(validateTexts([{ file: 'sources.json', text: '{}' }], fixtureRules)[0]?.message).toContain(
      'array of sources',
    );
  });
});

describe('parseJson / scanJson', () => {
  it('locates errors on the right line and column', () => {
    const result = parseJson('{\n  "a": 1,\n  "b": tru\n}', 'f.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ line: 3, column: 8 });
  });

  it('reports the end of the text for truncated input', () => {
    const result = parseJson('{"a": [1, 2', 'f.json');
    if (result.ok) throw new Error('should not parse');
    expect(result.problem).toMatchObject({ line: 1, column: 12 });
  });

  it('agrees with JSON.parse on valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(scanJson(text)).toBe(-1);
      }),
    );
  });

  it('finds an error whenever JSON.parse throws', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom(',', '}', ']', '"', ':', 'x', '\\', '0'),
        (json, at, ch) => {
          const i = at % (json.length + 1);
          const text = json.slice(0, i) + ch + json.slice(i);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(scanJson(text) === -1).toBe(valid);
        },
      ),
    );
  });
});

describe('check:data CLI', () => {
  const run = promisify(execFile);
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run('npx', ['tsx', 'scripts/check-data.ts', ...args], { cwd: ROOT });
      return { code: 0, stdout };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: err.code ?? -1, stdout: `${err.stdout ?? ''}${err.stderr ?? ''}` };
    }
  };

  const onFixture = ['--story', FIXTURE_DIR];

  it('exits 0 on the story’s data and on the fixture story', { timeout: 60_000 }, async () => {
    for (const args of [[], onFixture]) {
      const { code, stdout } = await cli(...args);
      expect(stdout).toContain('check:data: OK');
      expect(code).toBe(0);
    }
  });

  it('exits 1 naming the manifest’s problems', { timeout: 60_000 }, async () => {
    const { code, stdout } = await cli('--story', 'tests/fixtures/broken');
    expect(code).toBe(1);
    expect(stdout).toContain('story.json is missing');
  });

  it('exits 1 with file:line:col for malformed JSON, never a stack trace', { timeout: 60_000 }, async () => {
    const { code, stdout } = await cli(...onFixture, 'tests/fixtures/broken/malformed.places.geojson');
    expect(code).toBe(1);
    expect(stdout).toContain('tests/fixtures/broken/malformed.places.geojson:10:9: invalid JSON: ');
    expect(stdout).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with `file: featureId: message` for each broken fixture', { timeout: 120_000 }, async () => {
    const files = [
      'out-of-range.places.geojson',
      'open-ring.lake.geojson',
      'bad-side.claims.geojson',
      'unknown-answers.claims.geojson',
      'bad-url.sources.json',
    ];
    const results = await Promise.all(files.map((f) => cli(...onFixture, `tests/fixtures/broken/${f}`)));
    results.forEach(({ code, stdout }, i) => {
      expect(code, files[i]).toBe(1);
      expect(stdout).toMatch(
        new RegExp(`^tests/fixtures/broken/${files[i]?.replace('.', '\\.')}: test-[a-z]+: `, 'm'),
      );
      expect(stdout).toContain('check:data: 1 problem in 1 file(s)');
    });
  });

  it('says so when the seeds directory is missing', { timeout: 60_000 }, async () => {
    const { code, stdout } = await cli('--seeds', 'no/such/dir');
    expect(code).toBe(1);
    expect(stdout).toContain('verbatim-quote checks were NOT run');
  });
});
