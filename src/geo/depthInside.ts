/**
 * How deep a geometry reaches into a country, measured from a border line.
 *
 * Method: the geometry is sampled (sampleGeometry.ts: vertices, edges and an interior grid); for each
 * sample the signed distance to the border is computed in a local plane (fast), then the samples within
 * 1 % (+ 5 m) of the largest are re-measured on the ellipsoid and the largest is kept. The true maximum
 * over the geometry can exceed the sampled one by at most `spacingM / √2` (distance is 1-Lipschitz),
 * reported as `samplingErrorBoundM`.
 *
 * @packageDocumentation
 */
import type { Geometry } from 'geojson';
import { type BorderPart, type SideOfBorder, signedDistanceToBorderM } from './borderSides.ts';
import { sampleGeometry } from './sampleGeometry.ts';

/** Result of {@link maxDepthInside}. */
export interface DepthInside {
  /** Largest distance from the border of any point of the geometry on `country`'s side, metres; 0 if none. */
  depthM: number;
  /** That point, or null when no part of the geometry is on `country`'s side. */
  deepestPoint: [number, number] | null;
  /** Its nearest border point. */
  nearestBorderPoint: [number, number] | null;
  /** Details of the side test at the deepest point. */
  side: SideOfBorder | null;
  /** Largest signed distance over the geometry (negative when all of it is on the other side), metres. */
  maxSignedM: number;
  /** Number of samples taken, and how many had an unknown side. */
  samples: number;
  unknownSide: number;
  spacingM: number;
  /** The true maximum is at most this much larger than `depthM` (0 for points). */
  samplingErrorBoundM: number;
}

/** Maximum depth of `geometry` inside `country`, measured from `border` (see module notes). */
export function maxDepthInside(
  geometry: Geometry,
  border: readonly BorderPart[],
  country: string,
  spacingM = 25,
): DepthInside {
  const { points, spacingM: spacing } = sampleGeometry(geometry, spacingM);
  const onlyPoints = geometry.type === 'Point' || geometry.type === 'MultiPoint';
  let unknownSide = 0;
  const approx = points.map((p) => {
    const r = signedDistanceToBorderM(p, border, country, false);
    if (r.signedM === null) unknownSide++;
    return { p, s: r.signedM ?? Number.NEGATIVE_INFINITY };
  });
  const maxApprox = Math.max(...approx.map((a) => a.s));
  const shortlist = approx.filter((a) => a.s >= maxApprox - Math.abs(maxApprox) * 0.01 - 5);
  let best: { p: [number, number]; s: number; side: SideOfBorder } | null = null;
  for (const a of shortlist) {
    const r = signedDistanceToBorderM(a.p, border, country, true);
    const s = r.signedM ?? Number.NEGATIVE_INFINITY;
    if (!best || s > best.s) best = { p: a.p, s, side: r.side };
  }
  const inside = best !== null && best.s > 0;
  return {
    depthM: inside && best ? best.s : 0,
    deepestPoint: inside && best ? best.p : null,
    nearestBorderPoint: inside && best ? best.side.nearest.nearestPoint : null,
    side: best ? best.side : null,
    maxSignedM: best ? best.s : Number.NaN,
    samples: points.length,
    unknownSide,
    spacingM: spacing,
    samplingErrorBoundM: onlyPoints ? 0 : spacing / Math.SQRT2,
  };
}
