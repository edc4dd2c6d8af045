// The map style as data: sources, then a table of layers drawn bottom to top, each in a layer group the
// reader can switch on and off. Nothing here touches a map instance; map-view.ts hands the result to MapLibre.
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../ui/languages.ts';
import { LABEL_FONT } from './fonts.ts';
import type { Palette } from './palette.ts';

export const SOURCE = {
  basemap: 'basemap',
  border: 'border',
  lake: 'lake',
  places: 'places',
  claims: 'claims',
  uncertainty: 'uncertainty',
  measure: 'measure',
} as const;

/** What a reader can switch on and off. Each group is one checkbox. */
export const LAYER_GROUPS = [
  'claims-armenia',
  'claims-azerbaijan',
  'claims-third-party',
  'places',
  'border',
  'lake',
  'checks',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export type Side = 'armenia' | 'azerbaijan' | 'third-party';
const SIDES: Side[] = ['armenia', 'azerbaijan', 'third-party'];

export const IMAGE = {
  hatch: (side: Side) => `hatch-${side}`,
  marker: (side: Side) => `marker-${side}`,
};

/** Second cue beside colour, per side: hatch direction and marker shape (see patterns.ts), outline dash. */
export const SIDE_CUES: Record<
  Side,
  { hatch: '/' | '\\'; marker: 'circle' | 'diamond'; dash: number[] | null }
> = {
  armenia: { hatch: '/', marker: 'circle', dash: null },
  azerbaijan: { hatch: '\\', marker: 'diamond', dash: [3, 2] },
  'third-party': { hatch: '/', marker: 'circle', dash: [1, 1.5] },
};

const STORY_COUNTRIES = ['ARM', 'AZE'];

export const SELECTED_POINT_LAYER = 'selected-point';
export const SELECTED_SHAPE_LAYER = 'selected-shape';

export interface StyleInput {
  palette: Palette;
  urls: { basemap: string; border: string; uncertainty: string };
  fontFaces: StyleSpecification['font-faces'];
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
const sideIs = (side: Side): ExpressionSpecification => ['==', ['get', 'side'], side];

/** Label text for places in a language, falling back to English where the data has no name in it. */
export function placeLabel(language: Language): ExpressionSpecification {
  const name: ExpressionSpecification =
    language === 'en' ? ['get', 'name_en'] : ['coalesce', ['get', `name_${language}`], ['get', 'name_en']];
  // Both branches are `formatted`: MapLibre drops a label whose branches disagree in type.
  return [
    'case',
    ['has', 'also'],
    ['format', name, {}, '\n', {}, ['get', 'also'], { 'font-scale': 0.8 }],
    ['format', ['case', ['get', 'approximate'], ['concat', name, ' (approx.)'], name], {}],
  ];
}

const isKind = (...kinds: string[]): ExpressionSpecification => [
  'match',
  ['get', 'kind'],
  kinds,
  true,
  false,
];

/** Layers that label places by name; map-view.ts switches their language. */
export const PLACE_LABEL_LAYERS = ['places-label', 'places-label-village', 'regions-label'];

function placeLabelLayer(
  id: string,
  filter: ExpressionSpecification,
  p: Palette,
  language: Language,
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SOURCE.places,
    filter,
    layout: {
      'text-field': placeLabel(language),
      'text-font': [LABEL_FONT],
      'text-size': ['match', ['get', 'kind'], 'town', 14, 12.5],
      // Several candidate positions, so close neighbours (Goris and Verishen are 3 km apart) both get a label.
      'text-variable-anchor': ['left', 'right', 'top', 'bottom', 'top-left', 'bottom-left'],
      'text-radial-offset': 0.6,
      'text-justify': 'auto',
      'text-max-width': 14,
      // Towns first, then the lake and the rest: what survives label collisions at small scales.
      'symbol-sort-key': ['match', ['get', 'kind'], 'town', 0, 'lake', 1, 2],
    },
    paint: { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6 },
  };
}

/** Latitude at which metres are turned into pixels; the story spans 39.5–40.2° N, where this is within 1 %. */
const STORY_LATITUDE = 39.8;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;

/**
 * A length in metres (from a property) as pixels at the current zoom: lets the GPU draw an uncertainty radius
 * as a band or disc of the right size with no geometry computed in the browser.
 */
export function metresAsPixels(metres: ExpressionSpecification, factor = 1): ExpressionSpecification {
  const metresPerPixelAtZoom0 =
    (EARTH_CIRCUMFERENCE_M * Math.cos((STORY_LATITUDE * Math.PI) / 180)) / TILE_SIZE;
  const at = (zoom: number): ExpressionSpecification => [
    '*',
    metres,
    (factor * 2 ** zoom) / metresPerPixelAtZoom0,
  ];
  return ['interpolate', ['exponential', 2], ['zoom'], 0, at(0), 16, at(16)];
}

const approximate: ExpressionSpecification = ['==', ['get', 'approximate'], true];

function claimLayers(side: Side, p: Palette): LayerEntry[] {
  const colour = p[side === 'third-party' ? 'thirdParty' : side];
  const group = `claims-${side}` as LayerGroup;
  const dash = SIDE_CUES[side].dash;
  return [
    {
      // The area within which an approximate position may lie (data/uncertainty.geojson): pale, dotted edge.
      group,
      dated: true,
      spec: {
        id: `uncertainty-${side}`,
        type: 'fill',
        source: SOURCE.uncertainty,
        filter: sideIs(side),
        // Faint: these areas can be kilometres wide and must not hide what lies under them.
        paint: { 'fill-color': colour, 'fill-opacity': 0.06 },
      },
    },
    {
      group,
      dated: true,
      spec: {
        id: `uncertainty-edge-${side}`,
        type: 'line',
        source: SOURCE.uncertainty,
        filter: sideIs(side),
        paint: { 'line-color': colour, 'line-width': 1, 'line-opacity': 0.7, 'line-dasharray': [0.5, 2] },
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
      group,
      dated: true,
      spec: {
        id: `claims-line-${side}`,
        type: 'line',
        source: SOURCE.claims,
        filter: ['all', sideIs(side), geometryIs('Polygon', 'MultiPolygon', 'LineString', 'MultiLineString')],
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': colour,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 3],
          ...(dash ? { 'line-dasharray': dash } : {}),
        },
      },
    },
    {
      group,
      dated: true,
      spec: {
        id: `claims-point-${side}`,
        type: 'symbol',
        source: SOURCE.claims,
        filter: ['all', sideIs(side), geometryIs('Point', 'MultiPoint')],
        layout: {
          'icon-image': IMAGE.marker(side),
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
    },
  ];
}

export function makeLayers(p: Palette, language: Language = 'en'): LayerEntry[] {
  const isStory: ExpressionSpecification = ['in', ['get', 'a3'], ['literal', STORY_COUNTRIES]];
  const base = (spec: LayerSpecification): LayerEntry => ({ group: 'base', dated: false, spec });
  const inGroup = (group: LayerGroup, spec: LayerSpecification): LayerEntry => ({
    group,
    dated: false,
    spec,
  });
  const borderWidth: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 6, 1.2, 12, 2.5];
  return [
    base({ id: 'water', type: 'background', paint: { 'background-color': p.water } }),
    base({
      id: 'land-other',
      type: 'fill',
      source: SOURCE.basemap,
      filter: ['all', ['==', ['get', 'kind'], 'country'], ['!', isStory]],
      paint: { 'fill-color': p.landOther },
    }),
    base({
      id: 'land-story',
      type: 'fill',
      source: SOURCE.basemap,
      filter: ['all', ['==', ['get', 'kind'], 'country'], isStory],
      paint: { 'fill-color': p.landStory },
    }),
    base({
      id: 'country-edges',
      type: 'line',
      source: SOURCE.basemap,
      filter: ['==', ['get', 'kind'], 'country'],
      paint: { 'line-color': p.countryEdge, 'line-width': 0.8 },
    }),
    inGroup('lake', {
      id: 'lake-fill',
      type: 'fill',
      source: SOURCE.lake,
      paint: { 'fill-color': p.lake, 'fill-opacity': 0.9 },
    }),
    inGroup('lake', {
      // Schematic outline: dashed, so it cannot be mistaken for a surveyed shore.
      id: 'lake-edge',
      type: 'line',
      source: SOURCE.lake,
      paint: {
        'line-color': p.lakeEdge,
        'line-width': 1.5,
        'line-dasharray': ['case', ['get', 'schematic'], ['literal', [2, 2]], ['literal', [1, 0]]],
      },
    }),
    ...SIDES.flatMap((side) => claimLayers(side, p).filter((entry) => entry.spec.type !== 'symbol')),
    inGroup('border', {
      id: 'border-halo',
      type: 'line',
      source: SOURCE.border,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': p.borderHalo,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 3, 12, 6],
        'line-opacity': 0.8,
      },
    }),
    inGroup('border', {
      id: 'border',
      type: 'line',
      source: SOURCE.border,
      filter: ['!=', ['get', 'interpolated'], true],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': p.border, 'line-width': borderWidth },
    }),
    inGroup('border', {
      // A stretch bridged across a gap in the source data: dotted, so it does not read as surveyed.
      id: 'border-interpolated',
      type: 'line',
      source: SOURCE.border,
      filter: ['==', ['get', 'interpolated'], true],
      paint: { 'line-color': p.border, 'line-width': borderWidth, 'line-dasharray': [1, 2] },
    }),
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
    ...SIDES.flatMap((side) => claimLayers(side, p).filter((entry) => entry.spec.type === 'symbol')),
    base({
      // The claim a reader selected; map-view.ts sets the filters of this and the next layer to its id.
      id: SELECTED_POINT_LAYER,
      type: 'circle',
      source: SOURCE.claims,
      filter: ['==', ['get', 'id'], ''],
      paint: {
        'circle-radius': 13,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': p.label,
        'circle-stroke-width': 2.5,
      },
    }),
    base({
      id: SELECTED_SHAPE_LAYER,
      type: 'line',
      source: SOURCE.claims,
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': p.label, 'line-width': 4, 'line-opacity': 0.6 },
    }),
    inGroup('places', {
      id: 'places-uncertainty',
      type: 'circle',
      source: SOURCE.places,
      filter: ['all', approximate, ['!', ['match', ['get', 'kind'], ['region', 'district'], true, false]]],
      paint: {
        'circle-radius': metresAsPixels(['get', 'uncertaintyM']),
        'circle-color': p.labelMuted,
        'circle-opacity': 0.06,
        'circle-stroke-color': p.labelMuted,
        'circle-stroke-width': 1,
        'circle-stroke-opacity': 0.7,
      },
    }),
    inGroup('places', {
      id: 'places-dot',
      type: 'circle',
      source: SOURCE.places,
      filter: ['match', ['get', 'kind'], ['town', 'village', 'peak', 'reported-position'], true, false],
      paint: {
        'circle-radius': ['match', ['get', 'kind'], 'town', 4.5, 3.5],
        'circle-color': ['case', ['get', 'approximate'], p.landStory, p.place],
        'circle-stroke-color': ['case', ['get', 'approximate'], p.place, p.labelHalo],
        'circle-stroke-width': 1.5,
      },
    }),
    // Villages are labelled from zoom 8.5: below it they sit a few pixels from their towns and their labels land
    // beside the wrong marker.
    inGroup(
      'places',
      placeLabelLayer('places-label', ['!', isKind('region', 'district', 'village')], p, language),
    ),
    inGroup('places', {
      ...placeLabelLayer('places-label-village', isKind('village'), p, language),
      minzoom: 8.5,
    }),
    inGroup('places', {
      id: 'regions-label',
      type: 'symbol',
      source: SOURCE.places,
      filter: ['match', ['get', 'kind'], ['region', 'district'], true, false],
      maxzoom: 11,
      layout: {
        'text-field': placeLabel(language),
        'text-font': [LABEL_FONT],
        'text-size': 13,
        'text-transform': 'uppercase',
        'text-letter-spacing': 0.12,
        'text-max-width': 10,
      },
      paint: { 'text-color': p.labelMuted, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
    }),
    base({
      id: 'country-labels',
      type: 'symbol',
      source: SOURCE.basemap,
      filter: ['==', ['get', 'kind'], 'country-label'],
      maxzoom: 9,
      layout: {
        'text-field': [
          'case',
          ['to-boolean', ['get', 'nameNative']],
          ['format', ['get', 'name'], {}, '\n', {}, ['get', 'nameNative'], { 'font-scale': 0.85 }],
          ['get', 'name'],
        ],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, 12, 9, 15],
        'text-letter-spacing': 0.08,
        'text-max-width': 12,
      },
      paint: { 'text-color': p.labelMuted, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 },
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

export function makeStyle({ palette, urls, fontFaces }: StyleInput): StyleSpecification {
  return {
    version: 8,
    name: 'conflict-map',
    'font-faces': fontFaces,
    sources: {
      [SOURCE.basemap]: {
        type: 'geojson',
        data: urls.basemap,
        attribution: '© OpenStreetMap contributors (ODbL), via geo-maps',
      },
      [SOURCE.border]: { type: 'geojson', data: urls.border },
      [SOURCE.lake]: { type: 'geojson', data: EMPTY },
      [SOURCE.claims]: { type: 'geojson', data: EMPTY },
      // Derived from the claims by scripts/build-uncertainty.ts; fetched by MapLibre's worker directly.
      [SOURCE.uncertainty]: { type: 'geojson', data: urls.uncertainty },
      [SOURCE.places]: { type: 'geojson', data: EMPTY },
      [SOURCE.measure]: { type: 'geojson', data: EMPTY },
    },
    layers: makeLayers(palette).map((entry) => entry.spec),
  };
}
