// Where the app fetches each data file. Vite copies the files from data/ into the build with a content
// hash, so a new version of a file never meets an old cached copy.
import basemap from '../../data/basemap.geojson?url';
import border from '../../data/border.geojson?url';
import checks from '../../data/checks.json?url';
import claims from '../../data/claims.geojson?url';
import lake from '../../data/lake-sev.geojson?url';
import places from '../../data/places.geojson?url';
import sources from '../../data/sources.json?url';
import uncertainty from '../../data/uncertainty.geojson?url';

const DATA_URLS = { basemap, border, sources, places, lake, claims, checks, uncertainty } as const;

export type DataFile = keyof typeof DATA_URLS;

/** Names as they are in the repository, for messages. */
export const DATA_FILE_NAMES: Record<DataFile, string> = {
  basemap: 'data/basemap.geojson',
  border: 'data/border.geojson',
  sources: 'data/sources.json',
  places: 'data/places.geojson',
  lake: 'data/lake-sev.geojson',
  claims: 'data/claims.geojson',
  checks: 'data/checks.json',
  uncertainty: 'data/uncertainty.geojson',
};

/** Absolute URL of a data file: MapLibre fetches sources from its worker, where relative URLs do not resolve. */
export function dataUrl(file: DataFile, baseUrl: string): string {
  return new URL(DATA_URLS[file], baseUrl).href;
}
