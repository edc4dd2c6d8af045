/**
 * A local plane around a point: east/north metres from an origin, using the ellipsoid's radii of
 * curvature at the origin (an equirectangular projection tangent at the origin).
 *
 * Accuracy: exact at the origin; the relative scale error grows roughly as (d / R)·tan φ0 with the
 * distance d from the origin (≈0.1 % at 8 km and latitude 40°). Used only to find candidates and
 * sides; every distance this project reports is then measured on the ellipsoid.
 *
 * @packageDocumentation
 */
import { DEG_TO_RAD, normalizeLonDeg } from './angles.ts';
import { type Ellipsoid, meridionalRadiusM, primeVerticalRadiusM, WGS84 } from './ellipsoid.ts';
import type { LonLat } from './lonlat.ts';

/** Forward and inverse mapping between [lonDeg, latDeg] and local [eastM, northM]. */
export interface LocalProjection {
  readonly origin: readonly [number, number];
  /** [lonDeg, latDeg] → [eastM, northM] relative to the origin. */
  forward(p: LonLat): [number, number];
  /** [eastM, northM] → [lonDeg, latDeg]. */
  inverse(xy: readonly number[]): [number, number];
}

/** Local east/north plane centred on `origin` (see module notes for the accuracy). */
export function localProjection(origin: LonLat, ellipsoid: Ellipsoid = WGS84): LocalProjection {
  const lon0 = origin[0] as number;
  const lat0 = origin[1] as number;
  const kx = primeVerticalRadiusM(lat0, ellipsoid) * Math.cos(lat0 * DEG_TO_RAD) * DEG_TO_RAD;
  const ky = meridionalRadiusM(lat0, ellipsoid) * DEG_TO_RAD;
  return {
    origin: [lon0, lat0],
    forward: (p) => [normalizeLonDeg((p[0] as number) - lon0) * kx, ((p[1] as number) - lat0) * ky],
    inverse: (xy) => [normalizeLonDeg(lon0 + (xy[0] as number) / kx), lat0 + (xy[1] as number) / ky],
  };
}

/** Metres per degree of longitude and latitude at `latDeg` (handy for margins in degrees). */
export function metresPerDegree(
  latDeg: number,
  ellipsoid: Ellipsoid = WGS84,
): { lonM: number; latM: number } {
  return {
    lonM: primeVerticalRadiusM(latDeg, ellipsoid) * Math.cos(latDeg * DEG_TO_RAD) * DEG_TO_RAD,
    latM: meridionalRadiusM(latDeg, ellipsoid) * DEG_TO_RAD,
  };
}
