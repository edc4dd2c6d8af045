// The map style as data: sources, then a table of layers drawn bottom to top, each in a layer group the
// reader can switch on and off. The story's manifest says which sides, border lines and countries there are;
// nothing here touches a map instance (map-view.ts hands the result to MapLibre).
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  borderLayer,
  claimsLayer,
  type LayerGroup,
  type OutlineStyle,
  type SideSpec,
  type StoryCountry,
  type StoryManifest,
} from '../story/manifest.ts';
import { type Language, primaryLanguage } from '../ui/languages.ts';
import { nameProperty } from './display-data.ts';
import { LABEL_FONT } from './fonts.ts';
import { landTone, type Palette, sideColour } from './palette.ts';

export type { LayerGroup };

export const SOURCE = {
  basemap: 'basemap',
  areas: 'areas',
  places: 'places',
  claims: 'claims',
  uncertainty: 'uncertainty',
  measure: 'measure',
  /** Points along the border where each story country is named on its own side (countryNameAnchors.ts). */
  countryNames: 'country-names',
  /** One source per border line of the story. */
  border: (lineId: string) => `border-line-${lineId}`,
} as const;

export const IMAGE = {
  hatch: (side: string) => `hatch-${side}`,
  marker: (side: string) => `marker-${side}`,
  /** The ring around the selected claim's marker. */
  selectedRing: 'selected-ring',
};

/** Line dash per outline style (in line widths), the outline cue beside a side's colour. */
const OUTLINE_DASH: Record<OutlineStyle, number[] | null> = {
  solid: null,
  dashed: [3, 2],
  dotted: [1, 1.5],
};

/** Dashes that tell the story's border lines apart: the first (main) line is solid. */
const OTHER_BORDER_DASHES = [
  [4, 2],
  [1, 2],
  [6, 2, 1, 2],
  [2, 2],
];

export const SELECTED_POINT_LAYER = 'selected-point';
export const SELECTED_SHAPE_LAYER = 'selected-shape';

export interface StyleInput {
  palette: Palette;
  story: StoryManifest;
  /** Absolute URLs: the basemap, the uncertainty areas, and each border line by id. */
  urls: { basemap: string; uncertainty: string; borders: Record<string, string> };
  fontFaces: StyleSpecification['font-faces'];
  /** Where each story country is named along the border (virtual:story-map). */
  countryNames?: GeoJSON.FeatureCollection;
}

/** A layer, the group that shows or hides it, and whether the timeline filters it. */
export interface LayerEntry {
  group: LayerGroup | 'base';
  /** true: the date filter is combined with the layer's own filter (claims and their uncertainty areas). */
  dated: boolean;
  spec: LayerSpecification;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

const geometryIs = (...types: string[]): ExpressionSpecification => [
  'in',
  ['geometry-type'],
  ['literal', types],
];
const sideIs = (side: string): ExpressionSpecification => ['==', ['get', 'side'], side];

/**
 * Label text for places in a language, falling back to the story's first label language where the data has no
 * name in it.
 */
export function placeLabel(
  language: Language,
  story: Pick<StoryManifest, 'labelLanguages'>,
): ExpressionSpecification {
  const primary = primaryLanguage(story);
  const name: ExpressionSpecification =
    language === primary
      ? ['get', 'name']
      : ['coalesce', ['get', nameProperty(language, primary)], ['get', 'name']];
  // Both branches are `formatted`: MapLibre drops a label whose branches disagree in type. An approximate position
  // says so by its marker (hollow, in a dotted ring the legend explains), not by words after every name.
  // The other names of a contested place (`also`) show from zoom 10: in wider views they would crowd out the names
  // of the places around it.
  return [
    'step',
    ['zoom'],
    ['format', name, {}],
    10,
    [
      'case',
      ['has', 'also'],
      ['format', name, {}, '\n', {}, ['get', 'also'], { 'font-scale': 0.8 }],
      ['format', name, {}],
    ],
  ];
}

/** A story country's name in a label language: the manifest's, else its name in the first label language. */
export function countryName(
  country: StoryCountry,
  language: Language,
  story: Pick<StoryManifest, 'labelLanguages'>,
): string {
  return language === primaryLanguage(story) ? country.name : (country.names?.[language] ?? country.name);
}

/** The name, in `language`, of the story country whose code is in the feature's property `property`. */
function countryNameOf(
  property: string,
  language: Language,
  story: Pick<StoryManifest, 'countries' | 'labelLanguages'>,
): ExpressionSpecification {
  const pairs = story.countries.flatMap((c) => [c.code, countryName(c, language, story)]);
  return pairs.length
    ? (['match', ['get', property], ...pairs, ''] as unknown as ExpressionSpecification)
    : ['literal', ''];
}

/**
 * A country label point (basemap kind "country-label"): the story's countries named in `language`, the others by
 * the basemap's name; under it, smaller, the name in the country's own language when it differs. A label point
 * that names a part of a country (an exclave) keeps its own name.
 */
export function countryLabel(
  language: Language,
  story: Pick<StoryManifest, 'countries' | 'labelLanguages'>,
): ExpressionSpecification {
  const wholeCountry: ExpressionSpecification = [
    'in',
    ['get', 'name'],
    ['literal', story.countries.map((c) => c.name)],
  ];
  const first: ExpressionSpecification = [
    'case',
    wholeCountry,
    countryNameOf('a3', language, story),
    ['get', 'name'],
  ];
  return [
    'case',
    ['all', ['to-boolean', ['get', 'nameNative']], ['!=', ['get', 'nameNative'], first]],
    ['format', first, {}, '\n', {}, ['get', 'nameNative'], { 'font-scale': 0.8 }],
    ['format', first, {}],
  ];
}

/** Every layer whose text depends on the label language, with its text in `language` (map-view.ts switches them). */
export function labelTexts(
  language: Language,
  story: Pick<StoryManifest, 'countries' | 'labelLanguages'>,
): Record<string, ExpressionSpecification> {
  const place = placeLabel(language, story);
  return {
    ...Object.fromEntries(PLACE_LABEL_LAYERS.map((id) => [id, place])),
    'country-labels': countryLabel(language, story),
    'country-names': countryNameOf('code', language, story),
  };
}

const isKind = (...kinds: string[]): ExpressionSpecification => [
  'match',
  ['get', 'kind'],
  kinds,
  true,
  false,
];

/** Layers that label places by name; map-view.ts switches their language. */
export const PLACE_LABEL_LAYERS = [
  'places-label-key',
  'places-label',
  'places-label-village',
  'regions-label',
];

function placeLabelLayer(
  id: string,
  filter: ExpressionSpecification,
  p: Palette,
  label: ExpressionSpecification,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SOURCE.places,
    filter,
    layout: {
      'text-field': label,
      'text-font': [LABEL_FONT],
      'text-size': ['match', ['get', 'kind'], 'town', 14, 'lake', 13.5, 12.5],
      // Several candidate positions, so close neighbours (towns a few km apart) both get a label.
      'text-variable-anchor': ['left', 'right', 'top', 'bottom', 'top-left', 'bottom-left'],
      // Clear of the claim markers (22 px) that sit on several places.
      'text-radial-offset': 1.25,
      'text-justify': 'auto',
      'text-max-width': 14,
      // Towns first, then the lake and the rest: what survives label collisions at small scales.
      'symbol-sort-key': ['match', ['get', 'kind'], 'town', 0, 'lake', 1, 2],
    },
    paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6 },
  };
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;

/** The latitude at which metres are turned into pixels: the middle of the story's first view. */
export function storyLatitude(story: Pick<StoryManifest, 'camera'>): number {
  const [, south, , north] = story.camera.bounds;
  return (south + north) / 2;
}

/**
 * A length in metres (from a property) as pixels at the current zoom, at `latitude`: lets the GPU draw an
 * uncertainty radius as a disc of the right size with no geometry computed in the browser. Within a story's
 * first view (a few degrees of latitude) the scale changes by a few per cent.
 */
export function metresAsPixels(
  metres: ExpressionSpecification,
  latitude: number,
  factor = 1,
): ExpressionSpecification {
  const metresPerPixelAtZoom0 = (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / TILE_SIZE;
  const at = (zoom: number): ExpressionSpecification => [
    '*',
    metres,
    (factor * 2 ** zoom) / metresPerPixelAtZoom0,
  ];
  return ['interpolate', ['exponential', 2], ['zoom'], 0, at(0), 16, at(16)];
}

const approximate: ExpressionSpecification = ['==', ['get', 'approximate'], true];

/** A claim's line width: wide enough to be the strongest line on the map at every zoom. */
const CLAIM_LINE_WIDTH: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  2.5,
  10,
  3.2,
  13,
  4.5,
];

function claimLayers(spec: SideSpec, p: Palette): LayerEntry[] {
  const side = spec.id;
  const colour = sideColour(p, spec);
  const group = claimsLayer(side);
  const dash = OUTLINE_DASH[spec.outline];
  const lineOrArea = geometryIs('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString');
  return [
    {
      // The area within which an approximate position may lie (data/uncertainty.geojson): a faint dotted edge and
      // no fill, so overlapping areas never add up to a mass that hides what lies under them.
      group,
      dated: true,
      spec: {
        id: `uncertainty-edge-${side}`,
        type: 'line',
        source: SOURCE.uncertainty,
        filter: sideIs(side),
        paint: { 'line-color': colour, 'line-width': 1, 'line-opacity': 0.55, 'line-dasharray': [0.5, 2.5] },
      },
    },
    {
      group,
      dated: true,
      spec: {
        id: `claims-area-${side}`,
        type: 'fill',
        source: SOURCE.claims,
        filter: ['all', sideIs(side), geometryIs('Polygon', 'MultiPolygon')],
        paint: { 'fill-pattern': IMAGE.hatch(side) },
      },
    },
    {
      // A halo under each claimed line, so it reads above land, water and the border alike.
      group,
      dated: true,
      spec: {
        id: `claims-casing-${side}`,
        type: 'line',
        source: SOURCE.claims,
        filter: ['all', sideIs(side), lineOrArea],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': p.labelHalo,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 5, 10, 6.2, 13, 8],
          'line-opacity': 0.85,
        },
      },
    },
    {
      group,
      dated: true,
      spec: {
        id: `claims-line-${side}`,
        type: 'line',
        source: SOURCE.claims,
        filter: ['all', sideIs(side), lineOrArea],
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': colour,
          'line-width': CLAIM_LINE_WIDTH,
          ...(dash ? { 'line-dasharray': dash } : {}),
        },
      },
    },
    {
      // One marker per claimed position, and one on each claimed line or area (display-data.ts), so every claim
      // reads at the overview. Markers of claims at one spot sit side by side (`offset`), never on top of each
      // other. They take part in label placement: names move aside instead of covering them.
      group,
      dated: true,
      spec: {
        id: `claims-point-${side}`,
        type: 'symbol',
        source: SOURCE.claims,
        filter: ['all', sideIs(side), geometryIs('Point', 'MultiPoint')],
        layout: {
          'icon-image': IMAGE.marker(side),
          'icon-offset': ['coalesce', ['get', 'offset'], ['literal', [0, 0]]],
          'icon-allow-overlap': true,
          'icon-padding': 1,
        },
      },
    },
  ];
}

/** The story's border lines: the first solid, the others in a second colour and a dash of their own. */
function borderLineLayers(story: StoryManifest, p: Palette): LayerEntry[] {
  const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 6, 1.2, 12, 2.5];
  return story.borderLines.flatMap((line, index): LayerEntry[] => {
    const group = borderLayer(story, line.id);
    const source = SOURCE.border(line.id);
    const entry = (spec: LayerSpecification): LayerEntry => ({ group, dated: false, spec });
    if (index > 0) {
      const dash = OTHER_BORDER_DASHES[(index - 1) % OTHER_BORDER_DASHES.length] as number[];
      return [
        entry({
          id: `border-${line.id}`,
          type: 'line',
          source,
          layout: { 'line-join': 'round' },
          paint: { 'line-color': p.otherBorder, 'line-width': width, 'line-dasharray': dash },
        }),
      ];
    }
    // The main line keeps the ids it always had: "border", "border-halo", "border-interpolated".
    return [
      entry({
        id: 'border-halo',
        type: 'line',
        source,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': p.borderHalo,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 12, 6],
          'line-opacity': 0.8,
        },
      }),
      entry({
        id: 'border',
        type: 'line',
        source,
        filter: ['!=', ['get', 'interpolated'], true],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': p.border, 'line-width': width },
      }),
      entry({
        // A stretch bridged across a gap in the source data: dotted, so it does not read as surveyed.
        id: 'border-interpolated',
        type: 'line',
        source,
        filter: ['==', ['get', 'interpolated'], true],
        paint: { 'line-color': p.border, 'line-width': width, 'line-dasharray': [1, 2] },
      }),
    ];
  });
}

export function makeLayers(
  p: Palette,
  story: StoryManifest,
  language: Language = primaryLanguage(story),
): LayerEntry[] {
  const storyCountries = story.countries.map((c) => c.code);
  const isStory: ExpressionSpecification = ['in', ['get', 'a3'], ['literal', storyCountries]];
  const texts = labelTexts(language, story);
  const label = placeLabel(language, story);
  const keyPlaces = story.keyPlaces ?? [];
  const isKey: ExpressionSpecification = ['in', ['get', 'id'], ['literal', keyPlaces]];
  const isLake: ExpressionSpecification = ['==', ['get', 'kind'], 'lake'];
  const base = (spec: LayerSpecification): LayerEntry => ({ group: 'base', dated: false, spec });
  const inGroup = (group: LayerGroup, spec: LayerSpecification): LayerEntry => ({
    group,
    dated: false,
    spec,
  });
  const claims = story.sides.flatMap((side) => claimLayers(side, p));
  const halo = { 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6 };
  return [
    base({ id: 'water', type: 'background', paint: { 'background-color': p.water } }),
    base({
      id: 'land-other',
      type: 'fill',
      source: SOURCE.basemap,
      filter: ['all', ['==', ['get', 'kind'], 'country'], ['!', isStory]],
      paint: { 'fill-color': p.landOther },
    }),
    // One layer per story country, each paint a constant: MapLibre builds a shader program per combination of
    // constant and data-driven paint properties, and on software WebGL each program costs the first frame tens of
    // milliseconds. With constants only, every fill, line and circle layer here shares one program of its type.
    ...story.countries.map((country, i) =>
      base({
        id: `land-story-${country.code}`,
        type: 'fill',
        source: SOURCE.basemap,
        filter: ['all', ['==', ['get', 'kind'], 'country'], ['==', ['get', 'a3'], country.code]],
        paint: { 'fill-color': landTone(p, i) },
      }),
    ),
    base({
      id: 'country-edges',
      type: 'line',
      source: SOURCE.basemap,
      filter: ['==', ['get', 'kind'], 'country'],
      paint: { 'line-color': p.countryEdge, 'line-width': 0.8 },
    }),
    // Water is drawn as water; other reference areas (a disputed zone) as a pale area.
    inGroup('areas', {
      id: 'areas-fill-lake',
      type: 'fill',
      source: SOURCE.areas,
      filter: isLake,
      paint: { 'fill-color': p.lake, 'fill-opacity': 0.9 },
    }),
    inGroup('areas', {
      id: 'areas-fill-zone',
      type: 'fill',
      source: SOURCE.areas,
      filter: ['!', isLake],
      paint: { 'fill-color': p.zone, 'fill-opacity': 0.15 },
    }),
    // Schematic outline: dashed, so it cannot be mistaken for a surveyed shore or line.
    ...([true, false] as const).flatMap((lake) =>
      ([true, false] as const).map((schematic) =>
        inGroup('areas', {
          id: `areas-edge-${lake ? 'lake' : 'zone'}${schematic ? '-schematic' : ''}`,
          type: 'line',
          source: SOURCE.areas,
          filter: [
            'all',
            lake ? isLake : ['!', isLake],
            ['==', ['to-boolean', ['get', 'schematic']], schematic],
          ],
          paint: {
            'line-color': lake ? p.lakeEdge : p.zoneEdge,
            'line-width': 1.5,
            ...(schematic ? { 'line-dasharray': [2, 2] } : {}),
          },
        }),
      ),
    ),
    inGroup('places', {
      // Quiet: a faint dotted ring, no fill (the uncertainty of a claim is drawn the same way, in its side's hue).
      id: 'places-uncertainty',
      type: 'circle',
      source: SOURCE.places,
      filter: ['all', approximate, ['!', ['match', ['get', 'kind'], ['region', 'district'], true, false]]],
      paint: {
        'circle-radius': metresAsPixels(['get', 'uncertaintyM'], storyLatitude(story)),
        'circle-color': p.labelMuted,
        'circle-opacity': 0,
        'circle-stroke-color': p.labelMuted,
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.5,
      },
    }),
    ...borderLineLayers(story, p),
    // Claims above the border: they are what the map is about.
    ...claims.filter((entry) => entry.spec.type !== 'symbol'),
    inGroup('checks', {
      id: 'measure-area',
      type: 'fill',
      source: SOURCE.measure,
      filter: geometryIs('Polygon', 'MultiPolygon'),
      paint: { 'fill-color': p.measure, 'fill-opacity': 0.35 },
    }),
    inGroup('checks', {
      id: 'measure-line',
      type: 'line',
      source: SOURCE.measure,
      filter: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': p.measure, 'line-width': 3 },
    }),
    inGroup('checks', {
      id: 'measure-point',
      type: 'circle',
      source: SOURCE.measure,
      filter: geometryIs('Point'),
      paint: {
        'circle-radius': 5,
        'circle-color': p.measure,
        'circle-stroke-color': p.labelHalo,
        'circle-stroke-width': 1.5,
      },
    }),
    // Approximate positions hollow, others filled; towns a size up.
    ...([true, false] as const).flatMap((isApproximate) =>
      ([true, false] as const).map((town) =>
        inGroup('places', {
          id: `places-dot-${town ? 'town' : 'other'}${isApproximate ? '-approximate' : ''}`,
          type: 'circle',
          source: SOURCE.places,
          filter: [
            'all',
            town
              ? ['==', ['get', 'kind'], 'town']
              : ['match', ['get', 'kind'], ['village', 'peak', 'reported-position'], true, false],
            isApproximate ? approximate : ['!', approximate],
          ],
          paint: {
            'circle-radius': town ? 4 : 3,
            'circle-color': isApproximate ? p.hollow : p.place,
            'circle-stroke-color': isApproximate ? p.place : p.labelHalo,
            'circle-stroke-width': 1.4,
          },
        }),
      ),
    ),
    base({
      // The selected line or area claim; map-view.ts sets this layer's filter (and the ring's) to its id.
      id: SELECTED_SHAPE_LAYER,
      type: 'line',
      source: SOURCE.claims,
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': p.label, 'line-width': 9, 'line-opacity': 0.35 },
    }),
    // Labels, bottom to top: MapLibre places the top ones first, so what matters most is placed first.
    inGroup('places', {
      id: 'regions-label',
      type: 'symbol',
      source: SOURCE.places,
      filter: ['match', ['get', 'kind'], ['region', 'district'], true, false],
      maxzoom: 11,
      layout: {
        'text-field': label,
        'text-font': [LABEL_FONT],
        'text-size': 12,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 10,
      },
      paint: { 'text-color': p.labelMuted, ...halo, 'text-halo-width': 1.5 },
    }),
    base({
      id: 'water-labels',
      type: 'symbol',
      source: SOURCE.basemap,
      filter: ['==', ['get', 'kind'], 'water-label'],
      minzoom: 7,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11.5, 10, 14],
        'text-letter-spacing': 0.06,
        'text-max-width': 8,
      },
      paint: { 'text-color': p.waterLabel, ...halo, 'text-halo-width': 1.2 },
    }),
    // Each story country named on its own side at every zoom: at the story's label points in wide views, then at
    // points on the border, each name extending away from the line into its country (countryNameAnchors.ts).
    base({
      id: 'country-names',
      type: 'symbol',
      source: SOURCE.countryNames,
      filter: ['all', ['>=', ['zoom'], ['get', 'minzoom']], ['<', ['zoom'], ['get', 'maxzoom']]],
      layout: {
        'text-field': texts['country-names'] as ExpressionSpecification,
        'text-font': [LABEL_FONT],
        'text-size': ['case', ['==', ['get', 'anchor'], 'center'], 13.5, 12],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-anchor': ['get', 'anchor'],
        'text-offset': [
          'match',
          ['get', 'anchor'],
          'right',
          ['literal', [-0.55, 0]],
          'left',
          ['literal', [0.55, 0]],
          'bottom',
          ['literal', [0, -0.55]],
          'top',
          ['literal', [0, 0.55]],
          ['literal', [0, 0]],
        ],
        // Coarse bands first: the names a wide view keeps are the evenly spaced ones; the padding keeps a name from
        // repeating right beside itself.
        'symbol-sort-key': ['get', 'minzoom'],
        'text-padding': 12,
      },
      paint: { 'text-color': p.countryLabel, ...halo, 'text-halo-width': 1.4 },
    }),
    inGroup('places', {
      ...placeLabelLayer('places-label-village', ['all', isKind('village'), ['!', isKey]], p, label),
      minzoom: 8.5,
    }),
    // Villages are labelled from zoom 8.5: below it they sit a few pixels from their towns and their labels land
    // beside the wrong marker. The story's key places are labelled at every zoom, before any other.
    inGroup(
      'places',
      placeLabelLayer(
        'places-label',
        ['all', ['!', isKind('region', 'district', 'village')], ['!', isKey]],
        p,
        label,
      ),
    ),
    inGroup('places', {
      ...placeLabelLayer('places-label-key', isKey, p, label),
      // In the manifest's order: a small place beside a bigger one (a village by its town) is listed first, so it
      // takes its side before the town takes any.
      layout: {
        ...(placeLabelLayer('places-label-key', isKey, p, label).layout ?? {}),
        'symbol-sort-key': ['index-of', ['get', 'id'], ['literal', keyPlaces]],
      },
    } as LayerSpecification),
    base({
      // Each country at its label point: the story's countries only in the widest views (below zoom 6, where the
      // story's own name points take over), the neighbours and named parts (an exclave) up to zoom 9.
      id: 'country-labels',
      type: 'symbol',
      source: SOURCE.basemap,
      filter: [
        'all',
        ['==', ['get', 'kind'], 'country-label'],
        [
          'any',
          ['<', ['zoom'], 7],
          ['!', ['in', ['get', 'name'], ['literal', story.countries.map((c) => c.name)]]],
        ],
      ],
      maxzoom: 9,
      layout: {
        'text-field': texts['country-labels'] as ExpressionSpecification,
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 12, 9, 14],
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.1,
        'text-max-width': 12,
      },
      paint: { 'text-color': p.countryLabel, ...halo, 'text-halo-width': 1.5 },
    }),
    // Markers above every label: labels make room for them, never the other way round.
    ...claims.filter((entry) => entry.spec.type === 'symbol'),
    base({
      id: SELECTED_POINT_LAYER,
      type: 'symbol',
      source: SOURCE.claims,
      filter: ['==', ['get', 'id'], ''],
      layout: {
        'icon-image': IMAGE.selectedRing,
        'icon-offset': ['coalesce', ['get', 'offset'], ['literal', [0, 0]]],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    }),
    ...(['line', 'point'] as const).map((placement) =>
      inGroup('checks', {
        id: `measure-label-${placement}`,
        type: 'symbol',
        source: SOURCE.measure,
        filter: [
          'all',
          ['has', 'label'],
          placement === 'line' ? geometryIs('LineString') : ['!', geometryIs('LineString')],
        ],
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [LABEL_FONT],
          'text-size': 13,
          'symbol-placement': placement === 'line' ? 'line-center' : 'point',
          'text-allow-overlap': true,
          'text-offset': [0, -0.8],
        },
        paint: { 'text-color': p.measure, 'text-halo-color': p.labelHalo, 'text-halo-width': 2 },
      }),
    ),
  ];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A line's credit as the HTML MapLibre's attribution control takes: the text escaped, linked when it has a url. */
export function attributionHtml({ text, url }: { text: string; url?: string }): string {
  return url
    ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

export function makeStyle({ palette, story, urls, fontFaces, countryNames }: StyleInput): StyleSpecification {
  return {
    version: 8,
    name: 'conflict-map',
    'font-faces': fontFaces,
    sources: {
      [SOURCE.basemap]: { type: 'geojson', data: urls.basemap, attribution: story.attribution },
      ...Object.fromEntries(
        story.borderLines.map((line) => [
          SOURCE.border(line.id),
          {
            type: 'geojson' as const,
            data: urls.borders[line.id] ?? EMPTY,
            // MapLibre lists a source's attribution only while one of its layers is shown.
            ...(line.attribution ? { attribution: attributionHtml(line.attribution) } : {}),
          },
        ]),
      ),
      [SOURCE.countryNames]: { type: 'geojson', data: countryNames ?? EMPTY },
      [SOURCE.areas]: { type: 'geojson', data: EMPTY },
      [SOURCE.claims]: { type: 'geojson', data: EMPTY },
      // Derived from the claims by scripts/build-uncertainty.ts; fetched by MapLibre's worker directly.
      [SOURCE.uncertainty]: { type: 'geojson', data: urls.uncertainty },
      [SOURCE.places]: { type: 'geojson', data: EMPTY },
      [SOURCE.measure]: { type: 'geojson', data: EMPTY },
    },
    layers: makeLayers(palette, story).map((entry) => entry.spec),
  };
}
