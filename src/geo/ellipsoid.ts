/**
 * Reference ellipsoids. All lengths in metres.
 *
 * @packageDocumentation
 */

/** An ellipsoid of revolution: equatorial radius and flattening. */
export interface Ellipsoid {
  /** Equatorial radius (semi-major axis) in metres. */
  readonly equatorialRadiusM: number;
  /** Flattening f = (a − b) / a (dimensionless). */
  readonly flattening: number;
}

/** WGS84 (NIMA TR8350.2): a = 6 378 137 m, 1/f = 298.257223563. The datum of every coordinate in data/. */
export const WGS84: Ellipsoid = { equatorialRadiusM: 6_378_137, flattening: 1 / 298.257223563 };

/** International 1924 (Hayford) ellipsoid: a = 6 378 388 m, 1/f = 297. Used by Vincenty's 1975 test lines. */
export const INTERNATIONAL_1924: Ellipsoid = { equatorialRadiusM: 6_378_388, flattening: 1 / 297 };

/** Bessel 1841 ellipsoid: a = 6 377 397.155 m, 1/f = 299.1528128. Used by Vincenty's 1975 test line (a). */
export const BESSEL_1841: Ellipsoid = { equatorialRadiusM: 6_377_397.155, flattening: 1 / 299.1528128 };

/** Polar radius (semi-minor axis) b = a(1 − f), in metres. */
export function polarRadiusM(e: Ellipsoid): number {
  return e.equatorialRadiusM * (1 - e.flattening);
}

/** First eccentricity squared e² = f(2 − f). */
export function eccentricitySquared(e: Ellipsoid): number {
  return e.flattening * (2 - e.flattening);
}

/** Meridional radius of curvature M(φ) in metres at geodetic latitude `latDeg`. */
export function meridionalRadiusM(latDeg: number, e: Ellipsoid = WGS84): number {
  const e2 = eccentricitySquared(e);
  const s = Math.sin((latDeg * Math.PI) / 180);
  const w = 1 - e2 * s * s;
  return (e.equatorialRadiusM * (1 - e2)) / (w * Math.sqrt(w));
}

/** Prime-vertical radius of curvature N(φ) in metres at geodetic latitude `latDeg`. */
export function primeVerticalRadiusM(latDeg: number, e: Ellipsoid = WGS84): number {
  const e2 = eccentricitySquared(e);
  const s = Math.sin((latDeg * Math.PI) / 180);
  return e.equatorialRadiusM / Math.sqrt(1 - e2 * s * s);
}
