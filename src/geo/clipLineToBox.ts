/**
 * Clipping a polyline to a longitude/latitude box (Liang–Barsky on each segment, in degrees).
 *
 * @packageDocumentation
 */
import type { LonLat } from './lonlat.ts';

/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

/** One piece of a clipped polyline; `entersAtEdge`/`exitsAtEdge` say whether its ends lie on the box edge. */
export interface ClippedPiece {
  coordinates: [number, number][];
  entersAtEdge: boolean;
  exitsAtEdge: boolean;
}

/** Pieces of `line` inside `box`, in order. Longitudes are taken as given (no antimeridian handling). */
export function clipLineToBox(line: readonly LonLat[], box: BBox): ClippedPiece[] {
  const [w, s, e, n] = box;
  const inside = (p: LonLat) =>
    (p[0] as number) >= w && (p[0] as number) <= e && (p[1] as number) >= s && (p[1] as number) <= n;
  const pieces: ClippedPiece[] = [];
  let current: ClippedPiece | null = null;
  if (line.length === 1 && inside(line[0] as LonLat)) {
    const p = line[0] as LonLat;
    return [{ coordinates: [[p[0] as number, p[1] as number]], entersAtEdge: false, exitsAtEdge: false }];
  }
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as LonLat;
    const b = line[i + 1] as LonLat;
    const x0 = a[0] as number;
    const y0 = a[1] as number;
    const dx = (b[0] as number) - x0;
    const dy = (b[1] as number) - y0;
    let t0 = 0;
    let t1 = 1;
    const pq: [number, number][] = [
      [-dx, x0 - w],
      [dx, e - x0],
      [-dy, y0 - s],
      [dy, n - y0],
    ];
    let visible = true;
    for (const [p, q] of pq) {
      if (p === 0) {
        if (q < 0) {
          visible = false;
          break;
        }
      } else {
        const r = q / p;
        if (p < 0) {
          if (r > t1) {
            visible = false;
            break;
          }
          if (r > t0) t0 = r;
        } else {
          if (r < t0) {
            visible = false;
            break;
          }
          if (r < t1) t1 = r;
        }
      }
    }
    if (!visible) {
      if (current) {
        pieces.push(current);
        current = null;
      }
      continue;
    }
    const p0: [number, number] = [x0 + t0 * dx, y0 + t0 * dy];
    const p1: [number, number] = [x0 + t1 * dx, y0 + t1 * dy];
    if (!current) {
      current = {
        coordinates: [p0],
        entersAtEdge: t0 > 0 || !inside(a) || onEdge(a, box),
        exitsAtEdge: false,
      };
    }
    current.coordinates.push(p1);
    if (t1 < 1) {
      current.exitsAtEdge = true;
      pieces.push(current);
      current = null;
    }
  }
  if (current) {
    const last = current.coordinates[current.coordinates.length - 1] as LonLat;
    current.exitsAtEdge = onEdge(last, box);
    pieces.push(current);
  }
  return pieces;
}

function onEdge(p: LonLat, box: BBox): boolean {
  const [w, s, e, n] = box;
  const x = p[0] as number;
  const y = p[1] as number;
  const eps = 1e-12;
  return Math.abs(x - w) < eps || Math.abs(x - e) < eps || Math.abs(y - s) < eps || Math.abs(y - n) < eps;
}
