/**
 * Ellipsoidal distance from a point to any GeoJSON geometry (0 inside a polygon).
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry } from 'geojson';
import { geodesicInverse } from './geodesic.ts';
import type { LonLat } from './lonlat.ts';
import { nearestPointOnLines } from './nearestPointOnLines.ts';

/** Nearest point of a geometry and its distance. */
export interface DistanceToGeometry {
  /** Metres on the WGS84 ellipsoid. */
  distanceM: number;
  /** The nearest point of the geometry `[lonDeg, latDeg]` (the query point itself when inside a polygon). */
  nearestPoint: [number, number];
  /** Bearing from the query point to the nearest point, degrees from north (0 when they coincide). */
  bearingDeg: number;
}

/** Distance in metres from `point` to the nearest point of `geometry` (see {@link DistanceToGeometry}). */
export function distanceToGeometry(point: LonLat, geometry: Geometry): DistanceToGeometry {
  const here: [number, number] = [point[0] as number, point[1] as number];
  switch (geometry.type) {
    case 'Point': {
      const q: [number, number] = [geometry.coordinates[0] as number, geometry.coordinates[1] as number];
      const inv = geodesicInverse(here, q);
      return { distanceM: inv.distanceM, nearestPoint: q, bearingDeg: inv.initialBearingDeg };
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      const n = nearestPointOnLines(here, lines);
      return {
        distanceM: n.distanceM,
        nearestPoint: n.nearestPoint,
        bearingDeg: bearing(here, n.nearestPoint),
      };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      if (booleanPointInPolygon(here, geometry)) return { distanceM: 0, nearestPoint: here, bearingDeg: 0 };
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      const n = nearestPointOnLines(here, rings);
      return {
        distanceM: n.distanceM,
        nearestPoint: n.nearestPoint,
        bearingDeg: bearing(here, n.nearestPoint),
      };
    }
    case 'MultiPoint':
      return minOf(
        geometry.coordinates.map((c) => distanceToGeometry(here, { type: 'Point', coordinates: c })),
      );
    case 'GeometryCollection':
      return minOf(geometry.geometries.map((g) => distanceToGeometry(here, g)));
  }
}

function bearing(a: LonLat, b: LonLat): number {
  return geodesicInverse(a, b).initialBearingDeg;
}

function minOf(list: DistanceToGeometry[]): DistanceToGeometry {
  if (list.length === 0) throw new RangeError('distanceToGeometry: empty geometry');
  return list.reduce((m, x) => (x.distanceM < m.distanceM ? x : m));
}
