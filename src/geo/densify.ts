/**
 * Densification of a polyline along its geodesics.
 *
 * @packageDocumentation
 */
import type { Position } from 'geojson';
import { type Ellipsoid, WGS84 } from './ellipsoid.ts';
import { geodesicDirect, geodesicInverse } from './geodesic.ts';
import type { LonLat } from './lonlat.ts';

/**
 * Returns the vertices of `line` with extra points inserted along each segment's geodesic so that no
 * piece is longer than `maxStepM` metres. The original vertices are kept (as `[lon, lat]`).
 */
export function densifyGeodesic(
  line: readonly LonLat[] | readonly Position[],
  maxStepM: number,
  ellipsoid: Ellipsoid = WGS84,
): [number, number][] {
  if (!(maxStepM > 0)) throw new RangeError('maxStepM must be positive');
  const out: [number, number][] = [];
  for (let i = 0; i < line.length; i++) {
    const a = line[i] as LonLat;
    out.push([a[0] as number, a[1] as number]);
    const b = line[i + 1] as LonLat | undefined;
    if (!b) break;
    const inv = geodesicInverse(a, b, ellipsoid);
    const n = Math.ceil(inv.distanceM / maxStepM);
    for (let k = 1; k < n; k++) {
      out.push(geodesicDirect(a, inv.initialBearingDeg, (inv.distanceM * k) / n, ellipsoid).position);
    }
  }
  return out;
}
