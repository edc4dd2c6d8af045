/**
 * The spherical (haversine) distance Turf uses, for comparison with the ellipsoidal one.
 *
 * @packageDocumentation
 */
import { distance } from '@turf/turf';
import type { LonLat } from './lonlat.ts';

/** Turf's Earth radius: the mean radius 6 371 008.8 m. */
export const TURF_EARTH_RADIUS_M = 6_371_008.8;

/**
 * Haversine distance in metres on a sphere of radius 6 371 008.8 m, as `@turf/turf` `distance` computes
 * it. Differs from the WGS84 geodesic by up to about ±0.5 % depending on latitude and direction
 * (≈ −0.2 % to +0.3 % at 40° N).
 */
export function sphericalDistanceM(a: LonLat, b: LonLat): number {
  return distance([a[0] as number, a[1] as number], [b[0] as number, b[1] as number], { units: 'meters' });
}
