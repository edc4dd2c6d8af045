// Fixed camera facts of the story, as [west, south, east, north] in degrees.
export type Bounds = [number, number, number, number];

/** The first view: Syunik and Gegharkunik (their extents from amCharts geodata, see geo_facts §1b). */
export const STORY_BOUNDS: Bounds = [44.81, 38.83, 46.63, 40.74];

/** The basemap is clipped to this box (scripts/build-basemap.ts); the camera stays inside it. */
export const BASEMAP_BOUNDS: Bounds = [43.0, 38.3, 48.6, 41.9];

export const MIN_ZOOM = 5;
export const MAX_ZOOM = 14;

/** A camera position a reader can share: centre [lon, lat] and zoom. */
export interface Camera {
  center: [number, number];
  zoom: number;
}
