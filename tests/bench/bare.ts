// The benchmark's baseline: the least a page can do to draw the same basemap and border files with MapLibre.
// No UI, no fonts, no lazy loading: the app's time to idle is reported as a ratio of this page's.
//
// With `?day=D&previous=P` it also draws the story's claims and uncertainty areas in MapLibre's cheapest way (plain
// fills, lines and circles, one colour; a layer per side and kind, as the app has) showing claims stated up to D: the
// floor for drawing that many claims at all on this machine. `window.benchStep()` shows those up to P (a timeline
// step); `window.benchToggle()` hides the first side's layers (a layer toggle, the app's way). The scale series compares the app's figures with these.
import 'maplibre-gl/dist/maplibre-gl.css';
// Straight from the build's story module (not src/story/current.ts, which also brings the panel's stylesheet).
import { DATA_URLS, STORY } from 'virtual:story';
import {
  type ExpressionSpecification,
  type LayerSpecification,
  Map as MapLibreMap,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

setWorkerUrl(workerUrl);
const base = document.baseURI;
const url = (file: string) => new URL(DATA_URLS[file] as string, base).href;
const params = new URLSearchParams(location.search);
const day = params.get('day');
const previous = params.get('previous');

const upTo = (d: string): ExpressionSpecification => ['<=', ['get', 'statementDate'], d];
const isType = (...types: string[]): ExpressionSpecification => ['in', ['geometry-type'], ['literal', types]];
// Per side, as the app draws them, so that a toggle hides one side's claims the app's way (their visibility).
const sideLayers = (side: string): LayerSpecification[] => [
  { id: `uncertainty-${side}`, type: 'line', source: 'uncertainty', paint: { 'line-color': '#555' } },
  {
    id: `areas-${side}`,
    type: 'fill',
    source: 'claims',
    paint: { 'fill-color': '#a33', 'fill-opacity': 0.2 },
    filter: isType('Polygon', 'MultiPolygon'),
  },
  {
    id: `lines-${side}`,
    type: 'line',
    source: 'claims',
    paint: { 'line-color': '#a33', 'line-width': 2 },
    filter: isType('LineString', 'MultiLineString'),
  },
  {
    id: `points-${side}`,
    type: 'circle',
    source: 'claims',
    paint: { 'circle-color': '#a33', 'circle-radius': 5 },
    filter: isType('Point', 'MultiPoint'),
  },
];
const firstSide = STORY.sides[0]?.id ?? '';
interface ClaimLayer {
  layer: LayerSpecification;
  side: string;
  own?: ExpressionSpecification;
}
const claimLayers: ClaimLayer[] = STORY.sides.flatMap((side: { id: string }) =>
  sideLayers(side.id).map((layer) => ({
    layer,
    side: side.id,
    own: (layer as { filter?: ExpressionSpecification }).filter,
  })),
);
const filterFor = ({ side, own }: ClaimLayer, d: string): ExpressionSpecification => [
  'all',
  ['==', ['get', 'side'], side],
  upTo(d),
  ...(own ? [own] : []),
];

const map = new MapLibreMap({
  container: 'map',
  bounds: STORY.camera.bounds,
  fitBoundsOptions: { padding: 24 },
  style: {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: url('basemap') },
      border: { type: 'geojson', data: url(`border:${STORY.borderLines[0]?.id}`) },
      ...(day
        ? {
            claims: { type: 'geojson', data: url('claims') },
            uncertainty: { type: 'geojson', data: url('uncertainty') },
          }
        : {}),
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#c9d8e3' } },
      { id: 'land', type: 'fill', source: 'basemap', paint: { 'fill-color': '#f5f3ee' } },
      { id: 'border', type: 'line', source: 'border', paint: { 'line-color': '#333', 'line-width': 2 } },
      ...(day
        ? claimLayers.map(
            (entry) => ({ ...entry.layer, filter: filterFor(entry, day) }) as LayerSpecification,
          )
        : []),
    ],
  },
});
map.once('idle', () => {
  document.documentElement.dataset.mapState = 'idle';
  performance.mark('map-idle');
});
Object.assign(window, {
  benchMap: map,
  benchStep: () => {
    if (previous) for (const entry of claimLayers) map.setFilter(entry.layer.id, filterFor(entry, previous));
  },
  benchToggle: () => {
    for (const { layer, side } of claimLayers)
      if (side === firstSide) map.setLayoutProperty(layer.id, 'visibility', 'none');
  },
});
