// new-story — scaffolds a story folder that validates and builds as it is, for a newsroom to fill in.
//
//   npm run new-story -- <id>               data/<id>/
//   npm run new-story -- <id> --dir PATH    PATH (any folder; it must not exist yet)
//
// The folder holds a manifest (story.json) and one small, made-up example of every data file: two sides and a
// commentator, a border line, a reference area, two places, three claims, two checks, and a stand-in basemap of
// two rectangular "countries". Replace them with the dispute's own data; build a real basemap from
// OpenStreetMap with `npm run build:basemap -- --story DIR` once story.json has a "basemap" recipe (see
// data/README.md). Every value to replace says so ("Replace: …").
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { uncertaintyAreas } from '../src/geo/uncertainty.ts';
import type { StoryManifest } from '../src/story/manifest.ts';
import { displayPath, ROOT } from './lib/story-folder.ts';

const USAGE = `usage: npm run new-story -- <id> [--dir PATH]
  <id>        lower-case words joined by "-", e.g. my-border-2024
  --dir PATH  where to write the folder (default: data/<id>); it must not exist yet`;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A box of the made-up example, [west, south, east, north]: two "countries" split at latitude 0.5. */
const WEST = 10;
const EAST = 11;

type Json = Record<string, unknown>;
const feature = (id: string | null, properties: Json, geometry: Json | null) => ({
  type: 'Feature',
  ...(id ? { id } : {}),
  properties,
  geometry,
});
const collection = (features: Json[]) => ({ type: 'FeatureCollection', features });
const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

export function scaffold(id: string): Record<string, unknown> {
  const source = [{ source: 'example-source', note: 'Replace: what this source supports' }];
  const border = [
    [WEST, 0.5],
    [10.5, 0.52],
    [EAST, 0.5],
  ];
  const manifest: StoryManifest = {
    id,
    language: 'en',
    texts: {
      title: `Replace: the story's title (${id})`,
      subtitle: 'Replace: one sentence on what the map shows.',
      pageTitle: `Replace: the page title (${id})`,
      description: 'Replace: the page description for search engines and link previews.',
      mapLabel: 'Replace: the map’s accessible name, e.g. “Map of the border between A and B”',
      embedFrameTitle: 'Replace: the embed’s iframe title, e.g. “Interactive map: the A–B border dispute”',
      sourceLine:
        'Replace: the embed’s source line, e.g. “Sources: statements by each side, cited under each claim.”',
    },
    dates: { first: '2040-01-01', last: '2040-03-31', default: '2040-03-31' },
    camera: { bounds: [WEST, 0, EAST, 1], maxBounds: [9, -1, 12, 2], minZoom: 5, maxZoom: 14 },
    region: [9, -1, 12, 2],
    countries: [
      { code: 'AAA', name: 'Country A' },
      { code: 'BBB', name: 'Country B' },
    ],
    sides: [
      {
        id: 'side-a',
        label: 'Side A',
        layerLabel: 'Side A’s claims',
        colour: { light: '#0072b2', dark: '#56b4e9', name: 'blue' },
        pattern: '/',
        marker: 'circle',
        outline: 'solid',
        positions: true,
      },
      {
        id: 'side-b',
        label: 'Side B',
        layerLabel: 'Side B’s claims',
        colour: { light: '#d55e00', dark: '#e69f00', name: 'orange' },
        pattern: '\\',
        marker: 'diamond',
        outline: 'dashed',
        positions: true,
      },
      {
        id: 'third-party',
        label: 'Third party',
        layerLabel: 'Third-party statements',
        colour: { light: '#6b6b6b', dark: '#b0b0b0', name: 'grey' },
        pattern: '/',
        marker: 'circle',
        outline: 'dotted',
        positions: false,
      },
    ],
    labelLanguages: [{ code: 'en', name: 'English' }],
    fonts: ['@fontsource/noto-sans'],
    borderLines: [
      {
        id: 'main',
        file: 'border.geojson',
        label: 'Border (replace: whose line, which year)',
        legend: 'Replace: what the line is and where it comes from.',
        shown: true,
      },
    ],
    referenceAreas: { label: 'Reference areas', legend: 'Replace: what the reference areas are.' },
    areaShortcuts: [{ id: 'example', label: 'Town A and Town B', places: ['town-a', 'town-b'] }],
    attribution: 'Replace: the basemap’s attribution',
  };
  const claims = collection([
    feature(
      'a-2040-01-10-crossing',
      {
        id: 'a-2040-01-10-crossing',
        side: 'side-a',
        claimant: 'Replace: who said it',
        eventDate: '2040-01-10',
        statementDate: '2040-01-10',
        summary: 'Replace: a neutral one-line summary in your words.',
        quote: 'Replace: the exact words, character for character.',
        quoteKind: 'direct',
        source: 'example-source',
        kind: 'advance',
        incident: 'example',
        geometryBasis: 'Replace: how the geometry was drawn from the words.',
        geometryBy: 'claimant',
        uncertaintyM: 500,
        answers: [],
        sources: [],
      },
      {
        type: 'LineString',
        coordinates: [
          [10.5, 0.5],
          [10.5, 0.45],
        ],
      },
    ),
    feature(
      'b-2040-01-11-denial',
      {
        id: 'b-2040-01-11-denial',
        side: 'side-b',
        claimant: 'Replace: who said it',
        eventDate: '2040-01-10',
        statementDate: '2040-01-11',
        summary: 'Replace: a neutral one-line summary in your words.',
        quote: 'Replace: the exact words of the answer.',
        quoteKind: 'direct',
        source: 'example-source',
        kind: 'denial',
        incident: 'example',
        geometryBasis: null,
        geometryBy: null,
        uncertaintyM: null,
        answers: ['a-2040-01-10-crossing'],
        sources: [],
      },
      null,
    ),
    feature(
      'un-2040-01-12-restraint',
      {
        id: 'un-2040-01-12-restraint',
        side: 'third-party',
        claimant: 'Replace: who said it',
        eventDate: null,
        statementDate: '2040-01-12',
        summary: 'Replace: a neutral one-line summary in your words.',
        quote: 'Replace: the exact words.',
        quoteKind: 'direct',
        source: 'example-source',
        kind: 'statement',
        incident: 'example',
        geometryBasis: null,
        geometryBy: null,
        uncertaintyM: null,
        answers: ['a-2040-01-10-crossing'],
        sources: [],
      },
      null,
    ),
  ]);
  const place = (pid: string, name: string, coordinates: number[]) =>
    feature(
      pid,
      { id: pid, name, altNames: [], names: {}, kind: 'town', uncertaintyM: null, sources: source },
      { type: 'Point', coordinates },
    );
  return {
    'story.json': manifest,
    'sources.json': [
      {
        id: 'example-source',
        outlet: 'Replace: the outlet',
        headline: 'Replace: the headline',
        published: '2040-01-10',
        publishedCertainty: 'exact',
        url: null,
        language: 'en',
        identifiedBy: 'Replace: how the text was identified (e.g. “read at the URL on …”).',
        seed: null,
        kind: 'article',
      },
    ],
    'places.geojson': collection([
      place('town-a', 'Town A', [10.3, 0.3]),
      place('town-b', 'Town B', [10.7, 0.7]),
    ]),
    'claims.geojson': claims,
    'areas.geojson': collection([
      feature(
        'example-zone',
        {
          id: 'example-zone',
          name: 'Example zone',
          altNames: [],
          names: {},
          kind: 'zone',
          schematic: true,
          basis: 'Replace: how the outline was drawn.',
          sources: source,
        },
        { type: 'Polygon', coordinates: [ring(10.45, 0.45, 10.55, 0.55)] },
      ),
    ]),
    'border.geojson': collection([
      feature(
        'border-main',
        {
          id: 'border-main',
          name: 'Replace: the line’s name',
          basis: 'Replace: what the line is.',
          sources: source,
        },
        { type: 'LineString', coordinates: border },
      ),
    ]),
    'basemap.geojson': collection([
      feature(
        null,
        { kind: 'country', a3: 'AAA', name: 'Country A' },
        {
          type: 'Polygon',
          coordinates: [[[WEST, 0], [EAST, 0], ...[...border].reverse(), [WEST, 0]]],
        },
      ),
      feature(
        null,
        { kind: 'country', a3: 'BBB', name: 'Country B' },
        {
          type: 'Polygon',
          coordinates: [[...border, [EAST, 1], [WEST, 1], [WEST, 0.5]]],
        },
      ),
      feature(
        null,
        { kind: 'country-label', a3: 'AAA', name: 'Country A', nameNative: null },
        {
          type: 'Point',
          coordinates: [10.5, 0.15],
        },
      ),
      feature(
        null,
        { kind: 'country-label', a3: 'BBB', name: 'Country B', nameNative: null },
        {
          type: 'Point',
          coordinates: [10.5, 0.85],
        },
      ),
    ]),
    'checks.json': {
      $comment: 'Replace: one entry per figure the reporting quotes. Format: data/README.md.',
      checks: [
        {
          id: 'example-distance',
          title: 'Replace: the figure, e.g. “Town B, about 50 km from Town A”',
          claim: 'a-2040-01-10-crossing',
          quote: 'the exact words',
          reported: 60,
          unit: 'km',
          tolerance: { kind: 'about' },
          toleranceBasis:
            'Replace: how the wording reads (about, at most, at least) and why (one rule: data/README.md).',
          measure: { kind: 'distance-between-places', from: 'town-a', to: 'town-b' },
        },
        {
          id: 'example-depth',
          title: 'Replace: e.g. “crossed 5 km into Country A”',
          claim: 'a-2040-01-10-crossing',
          quote: 'Replace',
          reported: 5,
          unit: 'km',
          tolerance: { kind: 'about' },
          toleranceBasis:
            'Replace: how the wording reads (about, at most, at least) and why (one rule: data/README.md).',
          measure: {
            kind: 'depth-inside-country',
            claims: { ids: ['a-2040-01-10-crossing'] },
            country: 'AAA',
          },
        },
      ],
    },
    'uncertainty.geojson': uncertaintyAreas(claims as unknown as Parameters<typeof uncertaintyAreas>[0]),
    'README.md': `# ${id}

A story folder scaffolded by \`npm run new-story\`. Everything in it is a made-up example that validates and
builds; replace it with the dispute's own data (the format is in data/README.md of the repository):

1. story.json: texts, days, camera, countries, sides, label languages and fonts, border lines, shortcuts.
2. sources.json, places.geojson, claims.geojson, areas.geojson, border.geojson: each item with its source.
3. basemap.geojson: add a \`basemap\` recipe to story.json and run \`npm run build:basemap -- --story <this folder>\`.
4. checks.json: one check per figure the reporting quotes.
5. \`npm run build:uncertainty -- --story <this folder>\` after editing claims.

Then: \`npm run check:data -- --story <this folder>\`, \`npm run checks -- --story <this folder>\`, and
\`STORY=<this folder> npm run dev\` (or \`npm run build\`).
`,
  };
}

function main(argv: string[]): number {
  const args = [...argv];
  const dirFlag = args.indexOf('--dir');
  const dir = dirFlag >= 0 ? args.splice(dirFlag, 2)[1] : undefined;
  const [id, ...rest] = args;
  if (!id || rest.length > 0 || id.startsWith('-') || (dirFlag >= 0 && !dir)) {
    console.error(USAGE);
    return 1;
  }
  if (!ID.test(id)) {
    console.error(`new-story: "${id}" is not an id: use lower-case words joined by "-"`);
    return 1;
  }
  const target = dir ? resolve(dir) : join(ROOT, 'data', id);
  if (existsSync(target)) {
    console.error(`new-story: ${displayPath(target)} exists already: choose another id or --dir`);
    return 1;
  }
  mkdirSync(target, { recursive: true });
  for (const [name, content] of Object.entries(scaffold(id))) {
    const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
    writeFileSync(join(target, name), text);
  }
  const folder = displayPath(target);
  console.log(`new-story: wrote ${folder}/ — a made-up example that validates and builds. Next:
  npm run check:data -- --story ${folder}
  npm run checks -- --story ${folder}
  STORY=${folder} npm run dev`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}
