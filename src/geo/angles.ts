/**
 * Small angle helpers, in degrees unless the name says otherwise.
 *
 * @packageDocumentation
 */

/** Degrees → radians. */
export const DEG_TO_RAD = Math.PI / 180;
/** Radians → degrees. */
export const RAD_TO_DEG = 180 / Math.PI;

/** Longitude (or any angle) in degrees, reduced to the range (−180, 180]. */
export function normalizeLonDeg(lonDeg: number): number {
  let x = lonDeg % 360;
  if (x <= -180) x += 360;
  else if (x > 180) x -= 360;
  return x;
}

/** A bearing in degrees reduced to [0, 360). */
export function normalizeBearingDeg(bearingDeg: number): number {
  const x = bearingDeg % 360;
  return x < 0 ? x + 360 : x === 360 ? 0 : x;
}

/** Smallest absolute difference between two bearings, in degrees, in [0, 180]. */
export function bearingDifferenceDeg(aDeg: number, bDeg: number): number {
  const d = Math.abs(normalizeBearingDeg(aDeg) - normalizeBearingDeg(bDeg));
  return d > 180 ? 360 - d : d;
}

const COMPASS_16 = [
  'N',
  'NNE',
  'NE',
  'ENE',
  'E',
  'ESE',
  'SE',
  'SSE',
  'S',
  'SSW',
  'SW',
  'WSW',
  'W',
  'WNW',
  'NW',
  'NNW',
] as const;

/** 16-point compass name ("NNW") of a bearing in degrees. */
export function compassPoint16(bearingDeg: number): string {
  const i = Math.round(normalizeBearingDeg(bearingDeg) / 22.5) % 16;
  return COMPASS_16[i] as string;
}

/**
 * Degrees–minutes–seconds to decimal degrees. `hemisphere` 'S' or 'W' makes the result negative.
 * Example: dmsToDeg(40, 4, 30, 'N') = 40.075.
 */
export function dmsToDeg(
  deg: number,
  min: number,
  sec: number,
  hemisphere: 'N' | 'S' | 'E' | 'W' = 'N',
): number {
  const v = Math.abs(deg) + min / 60 + sec / 3600;
  return hemisphere === 'S' || hemisphere === 'W' ? -v : v;
}
