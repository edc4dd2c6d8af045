// The benchmark's baseline: the least a page can do to draw the same basemap and border files with MapLibre.
// No UI, no fonts, no lazy loading: the app's time to idle is reported as a ratio of this page's.
import 'maplibre-gl/dist/maplibre-gl.css';
// Straight from the build's story module (not src/story/current.ts, which also brings the panel's stylesheet).
import { DATA_URLS, STORY } from 'virtual:story';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

setWorkerUrl(workerUrl);
const base = document.baseURI;
const url = (file: string) => new URL(DATA_URLS[file] as string, base).href;
const map = new MapLibreMap({
  container: 'map',
  bounds: STORY.camera.bounds,
  fitBoundsOptions: { padding: 24 },
  style: {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: url('basemap') },
      border: { type: 'geojson', data: url(`border:${STORY.borderLines[0]?.id}`) },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#c9d8e3' } },
      { id: 'land', type: 'fill', source: 'basemap', paint: { 'fill-color': '#f5f3ee' } },
      { id: 'border', type: 'line', source: 'border', paint: { 'line-color': '#333', 'line-width': 2 } },
    ],
  },
});
map.once('idle', () => {
  document.documentElement.dataset.mapState = 'idle';
  performance.mark('map-idle');
});
