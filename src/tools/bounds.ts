// The box to frame around a geometry. Pure.
import { bbox } from '@turf/turf';
import type { Bounds } from '../map/camera.ts';

/** [west, south, east, north] around a geometry, grown by `marginDeg` on every side (a point needs some room). */
export function boundsOfGeometry(geometry: GeoJSON.Geometry, marginDeg: number): Bounds {
  const [west, south, east, north] = bbox(geometry);
  return [west - marginDeg, south - marginDeg, east + marginDeg, north + marginDeg];
}
