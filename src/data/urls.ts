// Where the app fetches each data file of its story. The build copies the files of the story folder with a
// content hash, so a new version of a file never meets an old cached copy.
import { DATA_FILE_NAMES, DATA_URLS } from '../story/current.ts';

/** A data file of the story: sources, places, claims, areas, basemap, checks, uncertainty, or `border:<line id>`. */
export type DataFile = string;

export const borderFile = (lineId: string): DataFile => `border:${lineId}`;

/** The file's name as it is in the repository (data/<story>/claims.geojson), for messages. */
export function fileName(file: DataFile): string {
  return DATA_FILE_NAMES[file] ?? file;
}

/** Absolute URL of a data file: MapLibre fetches sources from its worker, where relative URLs do not resolve. */
export function dataUrl(file: DataFile, baseUrl: string): string {
  const url = DATA_URLS[file];
  if (url === undefined) throw new Error(`no data file "${file}" in this story`);
  return new URL(url, baseUrl).href;
}
