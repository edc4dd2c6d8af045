/**
 * The coordinate convention of every function in src/geo.
 *
 * @packageDocumentation
 */

/**
 * A position as GeoJSON writes it: `[lonDeg, latDeg]` in WGS84 degrees (longitude first).
 * Any GeoJSON `Position` can be passed directly; a third (height) element is ignored.
 */
export type LonLat = readonly number[];

/** Throws a RangeError unless `p` is a finite [lon, lat] with |lat| ≤ 90. */
export function assertLonLat(p: LonLat, what = 'position'): void {
  const lon = p[0];
  const lat = p[1];
  if (
    p.length < 2 ||
    typeof lon !== 'number' ||
    typeof lat !== 'number' ||
    !Number.isFinite(lon) ||
    !Number.isFinite(lat) ||
    Math.abs(lat) > 90
  ) {
    throw new RangeError(`${what} must be [lonDeg, latDeg] with |lat| ≤ 90, got ${JSON.stringify(p)}`);
  }
}
