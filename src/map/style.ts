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
  type StoryManifest,
} from '../story/manifest.ts';
import { type Language, primaryLanguage } from '../ui/languages.ts';
import { nameProperty } from './display-data.ts';
import { LABEL_FONT } from './fonts.ts';
import { type Palette, sideColour } from './palette.ts';

export type { LayerGroup };

export const SOURCE = {
  basemap: 'basemap',
  areas: 'areas',
  places: 'places',
  claims: 'claims',
  uncertainty: 'uncertainty',
  measure: 'measure',
  /** One source per border line of the story. */
  border: (lineId: string) => `border-line-${lineId}`,
} as const;

export const IMAGE = {
  hatch: (side: string) => `hatch-${side}`,
  marker: (side: string) => `marker-${side}`,
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
      'text-size': ['match', ['get', 'kind'], 'town', 14, 12.5],
      // Several candidate positions, so close neighbours (towns a few km apart) both get a label.
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

function claimLayers(spec: SideSpec, p: Palette): LayerEntry[] {
  const side = spec.id;
  const colour = sideColour(p, spec);
  const group = claimsLayer(side);
  const dash = OUTLINE_DASH[spec.outline];
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
  const label = placeLabel(language, story);
  const base = (spec: LayerSpecification): LayerEntry => ({ group: 'base', dated: false, spec });
  const inGroup = (group: LayerGroup, spec: LayerSpecification): LayerEntry => ({
    group,
    dated: false,
    spec,
  });
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
    inGroup('areas', {
      // Water is drawn as water; other reference areas (a disputed zone) as a pale area.
      id: 'areas-fill',
      type: 'fill',
      source: SOURCE.areas,
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'lake', p.lake, p.zone],
        'fill-opacity': ['match', ['get', 'kind'], 'lake', 0.9, 0.15],
      },
    }),
    inGroup('areas', {
      // Schematic outline: dashed, so it cannot be mistaken for a surveyed shore or line.
      id: 'areas-edge',
      type: 'line',
      source: SOURCE.areas,
      paint: {
        'line-color': ['match', ['get', 'kind'], 'lake', p.lakeEdge, p.zoneEdge],
        'line-width': 1.5,
        'line-dasharray': ['case', ['get', 'schematic'], ['literal', [2, 2]], ['literal', [1, 0]]],
      },
    }),
    ...story.sides.flatMap((side) => claimLayers(side, p).filter((entry) => entry.spec.type !== 'symbol')),
    ...borderLineLayers(story, p),
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
    ...story.sides.flatMap((side) => claimLayers(side, p).filter((entry) => entry.spec.type === 'symbol')),
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
        'circle-radius': metresAsPixels(['get', 'uncertaintyM'], storyLatitude(story)),
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
      placeLabelLayer('places-label', ['!', isKind('region', 'district', 'village')], p, label),
    ),
    inGroup('places', {
      ...placeLabelLayer('places-label-village', isKind('village'), p, label),
      minzoom: 8.5,
    }),
    inGroup('places', {
      id: 'regions-label',
      type: 'symbol',
      source: SOURCE.places,
      filter: ['match', ['get', 'kind'], ['region', 'district'], true, false],
      maxzoom: 11,
      layout: {
        'text-field': label,
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

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A line's credit as the HTML MapLibre's attribution control takes: the text escaped, linked when it has a url. */
export function attributionHtml({ text, url }: { text: string; url?: string }): string {
  return url
    ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

export function makeStyle({ palette, story, urls, fontFaces }: StyleInput): StyleSpecification {
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
