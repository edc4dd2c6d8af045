/**
 * Distance from a point to a polyline (or a set of polylines), measured on the ellipsoid.
 *
 * Method: every segment is the geodesic between its two vertices. Candidate segments are found in a
 * local plane centred on the point (see localProjection.ts); for each candidate the nearest point is
 * then refined along the segment's geodesic by golden-section search on the ellipsoidal distance
 * (Vincenty, < 0.1 mm). The search stops when the bracket is shorter than 1e-9 of the segment, so the
 * distance error is far below a millimetre. With `exact: false` the local-plane result is returned
 * (relative error ≈ (d / R)·tan φ, about 0.1 % at 8 km) — fast enough to sample thousands of points.
 *
 * @packageDocumentation
 */
import { type Ellipsoid, WGS84 } from './ellipsoid.ts';
import { geodesicDirect, geodesicDistanceM, geodesicInverse } from './geodesic.ts';
import { localProjection } from './localProjection.ts';
import type { LonLat } from './lonlat.ts';
import { closestOnSegment, crossZ } from './planarSegment.ts';

/** Which side of a line a point lies on, looking along the line's direction. */
export type LineSide = 'left' | 'right' | 'on';

/** The nearest point of a set of polylines to a given point. */
export interface NearestOnLines {
  /** Distance from the point to the nearest point of the lines, in metres. */
  distanceM: number;
  /** The nearest point `[lonDeg, latDeg]`. */
  nearestPoint: [number, number];
  /** Index of the polyline (part) holding the nearest point. */
  partIndex: number;
  /** Index i of the nearest segment (vertices i and i + 1 of that part). */
  segmentIndex: number;
  /** Position of the nearest point along that segment, 0 (vertex i) to 1 (vertex i + 1). */
  segmentFraction: number;
  /** Side of the point relative to the direction of the part (`on` within 1 mm). */
  side: LineSide;
  /** `ellipsoidal` (refined on the ellipsoid) or `local-plane` (approximate, `exact: false`). */
  method: 'ellipsoidal' | 'local-plane';
}

/** Options of {@link nearestPointOnLines}. */
export interface NearestOptions {
  /** Refine on the ellipsoid (default true). */
  exact?: boolean;
  ellipsoid?: Ellipsoid;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;
const ON_LINE_M = 0.001;

/**
 * Nearest point of `parts` (each a polyline of `[lonDeg, latDeg]`) to `point`, with its distance in
 * metres and the side of the line the point is on. Throws if there is no segment.
 */
export function nearestPointOnLines(
  point: LonLat,
  parts: readonly (readonly LonLat[])[],
  options: NearestOptions = {},
): NearestOnLines {
  const exact = options.exact ?? true;
  const ellipsoid = options.ellipsoid ?? WGS84;
  const proj = localProjection(point, ellipsoid);

  interface Candidate {
    part: number;
    seg: number;
    t: number;
    d: number;
  }
  const candidates: Candidate[] = [];
  let best = Number.POSITIVE_INFINITY;
  const projected: [number, number][][] = parts.map((part) => part.map((p) => proj.forward(p)));
  for (let pi = 0; pi < projected.length; pi++) {
    const pts = projected[pi] as [number, number][];
    if (pts.length === 1) {
      const a = pts[0] as [number, number];
      const d = Math.hypot(a[0], a[1]);
      candidates.push({ part: pi, seg: 0, t: 0, d });
      if (d < best) best = d;
    }
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i] as [number, number];
      const b = pts[i + 1] as [number, number];
      const c = closestOnSegment(0, 0, a[0], a[1], b[0], b[1]);
      if (c.distance <= best * 1.02 + 1) {
        candidates.push({ part: pi, seg: i, t: c.t, d: c.distance });
        if (c.distance < best) best = c.distance;
      }
    }
  }
  if (candidates.length === 0) throw new RangeError('nearestPointOnLines: the lines have no vertices');
  const kept = candidates.filter((c) => c.d <= best * 1.02 + 1).sort((x, y) => x.d - y.d);

  let winner: Candidate = kept[0] as Candidate;
  let winnerPoint: [number, number];
  if (!exact) {
    const a = projected[winner.part]?.[winner.seg] as [number, number];
    const b = (projected[winner.part]?.[winner.seg + 1] ?? a) as [number, number];
    winnerPoint = proj.inverse([a[0] + winner.t * (b[0] - a[0]), a[1] + winner.t * (b[1] - a[1])]);
  } else {
    let bestExact = Number.POSITIVE_INFINITY;
    winnerPoint = [0, 0];
    for (const c of kept.slice(0, 8)) {
      const a = parts[c.part]?.[c.seg] as LonLat;
      const b = (parts[c.part]?.[c.seg + 1] ?? a) as LonLat;
      const r = refineOnGeodesicSegment(point, a, b, ellipsoid);
      if (r.distanceM < bestExact) {
        bestExact = r.distanceM;
        winner = { ...c, t: r.t, d: r.distanceM };
        winnerPoint = r.position;
      }
    }
  }

  const side = sideAt(projected[winner.part] as [number, number][], winner.seg, winner.t, winner.d);
  return {
    distanceM: winner.d,
    nearestPoint: winnerPoint,
    partIndex: winner.part,
    segmentIndex: winner.seg,
    segmentFraction: winner.t,
    side,
    method: exact ? 'ellipsoidal' : 'local-plane',
  };
}

/** Nearest point of a single polyline; see {@link nearestPointOnLines}. */
export function nearestPointOnLine(
  point: LonLat,
  line: readonly LonLat[],
  options?: NearestOptions,
): NearestOnLines {
  return nearestPointOnLines(point, [line], options);
}

/** Golden-section search along the geodesic A→B for the point nearest to P. */
function refineOnGeodesicSegment(
  p: LonLat,
  a: LonLat,
  b: LonLat,
  ellipsoid: Ellipsoid,
): { t: number; distanceM: number; position: [number, number] } {
  const ab = geodesicInverse(a, b, ellipsoid);
  const at = (t: number): [number, number] =>
    t === 0
      ? [a[0] as number, a[1] as number]
      : geodesicDirect(a, ab.initialBearingDeg, t * ab.distanceM, ellipsoid).position;
  const dist = (t: number) => geodesicDistanceM(p, at(t), ellipsoid);
  if (ab.distanceM === 0) return { t: 0, distanceM: dist(0), position: at(0) };
  let lo = 0;
  let hi = 1;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let f1 = dist(x1);
  let f2 = dist(x2);
  while (hi - lo > 1e-9) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - GOLDEN * (hi - lo);
      f1 = dist(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + GOLDEN * (hi - lo);
      f2 = dist(x2);
    }
  }
  let t = (lo + hi) / 2;
  let d = dist(t);
  const d0 = dist(0);
  const d1 = dist(1);
  if (d0 < d) {
    t = 0;
    d = d0;
  }
  if (d1 < d) {
    t = 1;
    d = d1;
  }
  return { t, distanceM: d, position: t === 1 ? [b[0] as number, b[1] as number] : at(t) };
}

/**
 * Side of the origin (the query point, at [0, 0] of the local plane) relative to a part, given the
 * nearest segment and fraction. At a vertex the two adjacent segments are combined through their
 * summed unit normals (the 2-D angle-weighted pseudo-normal), which gives the right side on both the
 * convex and the concave side of a bend.
 */
function sideAt(pts: readonly [number, number][], seg: number, t: number, distance: number): LineSide {
  if (distance < ON_LINE_M || pts.length < 2) return 'on';
  const a = pts[seg] as [number, number];
  const b = pts[seg + 1] as [number, number];
  const eps = 1e-9;
  let vertex = -1;
  if (t <= eps) vertex = seg;
  else if (t >= 1 - eps) vertex = seg + 1;
  const prev = vertex > 0 ? (pts[vertex - 1] as [number, number]) : null;
  const next = vertex >= 0 && vertex + 1 < pts.length ? (pts[vertex + 1] as [number, number]) : null;
  if (vertex < 0 || !prev || !next) {
    const z = crossZ(a[0], a[1], b[0], b[1], 0, 0);
    return z > 0 ? 'left' : z < 0 ? 'right' : 'on';
  }
  const v = pts[vertex] as [number, number];
  const n1 = leftNormal(prev, v);
  const n2 = leftNormal(v, next);
  const nx = n1[0] + n2[0];
  const ny = n1[1] + n2[1];
  const dot = (0 - v[0]) * nx + (0 - v[1]) * ny;
  return dot > 0 ? 'left' : dot < 0 ? 'right' : 'on';
}

function leftNormal(a: readonly [number, number], b: readonly [number, number]): [number, number] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  return [-dy / len, dx / len];
}
