// Camera types. The story's own camera (first view, bounds, zooms) is in its manifest (story.json `camera`).
export type { Bounds } from '../story/manifest.ts';

/** A camera position a reader can share: centre [lon, lat] and zoom. */
export interface Camera {
  center: [number, number];
  zoom: number;
}
