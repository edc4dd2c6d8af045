/**
 * Splitting a polygon by one or more lines (e.g. a lake by a border) and measuring the area on
 * each side.
 *
 * Method: the lines are joined into chains and clipped to a box around the polygon (the polygon's
 * bounding box grown by a margin). Each chain piece that crosses the box from edge to edge cuts the box
 * into two halves (the piece closed by a walk along the box edge, one way round or the other); the
 * polygon is intersected with the halves (polyclip, in longitude/latitude — edges are treated as
 * straight in degrees, which for pieces under a few km differs from geodesics by millimetres). Each
 * resulting piece is labelled by `classify` at an interior point (turf's pointOnFeature) and its area is
 * measured on the ellipsoid (ellipsoidalArea.ts, edges straight in degrees like the clipping's, so the
 * pieces sum exactly to the whole).
 *
 * If a line ends inside the box (for example a border that stops at a lake shore), the split there is
 * not defined by the data, and the result says so (`status: 'undetermined'`) instead of guessing.
 *
 * @packageDocumentation
 */
import { featureCollection, intersect, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from './clipLineToBox.ts';
import { clipLineToBox } from './clipLineToBox.ts';
import { ellipsoidalAreaM2 } from './ellipsoidalArea.ts';
import { metresPerDegree } from './localProjection.ts';
import type { LonLat } from './lonlat.ts';
import { mergeLineParts } from './mergeLineParts.ts';

/** One piece of the split polygon. */
export interface SplitPiece {
  /** Label returned by `classify` for a point inside the piece (e.g. two country codes). */
  side: string;
  geometry: Polygon;
  /** Area on the ellipsoid, m². */
  areaM2: number;
  /** A point inside the piece, where `classify` was asked. */
  labelPoint: [number, number];
}

/** Result of {@link splitPolygonByLines}. */
export interface PolygonSplit {
  /** `split`: the lines cross the polygon; `one-side`: they do not; `undetermined`: a line ends nearby. */
  status: 'split' | 'one-side' | 'undetermined';
  pieces: SplitPiece[];
  /** Summed area per side label, m². */
  areaBySideM2: Record<string, number>;
  /** Area of the whole polygon on the ellipsoid, m². */
  totalAreaM2: number;
  /** Points where a line ends inside the box around the polygon (status `undetermined`). */
  openEnds: [number, number][];
  /** Plain-words explanation when status is `undetermined`. */
  reason?: string;
}

/** Options of {@link splitPolygonByLines}. */
export interface SplitOptions {
  /** Margin added around the polygon's bounding box, metres (default 500). */
  marginM?: number;
}

/**
 * Splits `polygon` by `lines` and labels each piece with `classify(pointInsidePiece)`.
 * `lines` are polylines of `[lonDeg, latDeg]`; parts meeting end to end are joined first.
 */
export function splitPolygonByLines(
  polygon: Polygon,
  lines: readonly (readonly LonLat[])[],
  classify: (p: [number, number]) => string,
  options: SplitOptions = {},
): PolygonSplit {
  // Edges are read as straight in degrees throughout, as the clipping reads them, so the pieces add up
  // exactly to the whole.
  const totalAreaM2 = ellipsoidalAreaM2(polygon, { edges: 'lonlat' });
  const box = grownBBox(polygon, options.marginM ?? 500);
  const cuts: [number, number][][] = [];
  const openEnds: [number, number][] = [];
  for (const chain of mergeLineParts(lines)) {
    for (const piece of clipLineToBox(chain.coordinates, box)) {
      if (piece.coordinates.length < 2) continue;
      if (piece.entersAtEdge && piece.exitsAtEdge) cuts.push(piece.coordinates);
      else {
        if (!piece.entersAtEdge) openEnds.push(piece.coordinates[0] as [number, number]);
        if (!piece.exitsAtEdge)
          openEnds.push(piece.coordinates[piece.coordinates.length - 1] as [number, number]);
      }
    }
  }
  if (openEnds.length > 0) {
    return {
      status: 'undetermined',
      pieces: [],
      areaBySideM2: {},
      totalAreaM2,
      openEnds,
      reason: `the line ends near the polygon (at ${openEnds
        .map((p) => `${p[1].toFixed(5)}, ${p[0].toFixed(5)}`)
        .join('; ')}), so the data does not say where it runs across it`,
    };
  }

  let pieces: Feature<Polygon>[] = [turfPolygon(polygon.coordinates)];
  for (const cut of cuts) {
    const halves = boxHalves(cut, box);
    const next: Feature<Polygon>[] = [];
    for (const piece of pieces) {
      for (const half of halves) {
        const part = intersect(featureCollection<Polygon | MultiPolygon>([piece, turfPolygon([half])]));
        if (part) next.push(...toPolygons(part));
      }
    }
    pieces = next;
  }

  const out: SplitPiece[] = [];
  const areaBySideM2: Record<string, number> = {};
  for (const piece of pieces) {
    const areaM2 = ellipsoidalAreaM2(piece.geometry, { edges: 'lonlat' });
    if (areaM2 === 0) continue;
    const labelPoint = pointOnFeature(piece).geometry.coordinates as [number, number];
    const side = classify(labelPoint);
    out.push({ side, geometry: piece.geometry, areaM2, labelPoint });
    areaBySideM2[side] = (areaBySideM2[side] ?? 0) + areaM2;
  }
  return {
    status: cuts.length > 0 && Object.keys(areaBySideM2).length > 1 ? 'split' : 'one-side',
    pieces: out,
    areaBySideM2,
    totalAreaM2,
    openEnds,
  };
}

function toPolygons(f: Feature<Polygon | MultiPolygon>): Feature<Polygon>[] {
  if (f.geometry.type === 'Polygon') return [f as Feature<Polygon>];
  return f.geometry.coordinates.map((rings) => turfPolygon(rings));
}

function grownBBox(polygon: Polygon, marginM: number): BBox {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const ring of polygon.coordinates) {
    for (const p of ring) {
      w = Math.min(w, p[0] as number);
      e = Math.max(e, p[0] as number);
      s = Math.min(s, p[1] as number);
      n = Math.max(n, p[1] as number);
    }
  }
  const k = metresPerDegree((s + n) / 2);
  return [w - marginM / k.lonM, s - marginM / k.latM, e + marginM / k.lonM, n + marginM / k.latM];
}

/** Position of a point on the box edge, 0–4, counter-clockwise from the south-west corner. */
function edgeParam(p: Position, box: BBox): number {
  const [w, s, e, n] = box;
  const x = p[0] as number;
  const y = p[1] as number;
  const ds = Math.abs(y - s);
  const de = Math.abs(x - e);
  const dn = Math.abs(y - n);
  const dw = Math.abs(x - w);
  const m = Math.min(ds, de, dn, dw);
  if (m === ds) return (x - w) / (e - w);
  if (m === de) return 1 + (y - s) / (n - s);
  if (m === dn) return 2 + (e - x) / (e - w);
  return 3 + (n - y) / (n - s);
}

/** The two rings into which an edge-to-edge cut divides the box. */
function boxHalves(cut: [number, number][], box: BBox): Position[][] {
  const [w, s, e, n] = box;
  const corners: [number, [number, number]][] = [
    [0, [w, s]],
    [1, [e, s]],
    [2, [e, n]],
    [3, [w, n]],
  ];
  const start = cut[0] as [number, number];
  const end = cut[cut.length - 1] as [number, number];
  const pStart = edgeParam(start, box);
  const pEnd = edgeParam(end, box);
  const mod4 = (x: number) => ((x % 4) + 4) % 4;
  // Walk counter-clockwise from the end of the cut back to its start …
  const spanCcw = mod4(pStart - pEnd);
  const ccw = corners
    .filter(([k]) => mod4(k - pEnd) > 0 && mod4(k - pEnd) < spanCcw)
    .sort(([a], [b]) => mod4(a - pEnd) - mod4(b - pEnd))
    .map(([, c]) => c);
  // … and clockwise.
  const spanCw = mod4(pEnd - pStart);
  const cw = corners
    .filter(([k]) => mod4(pEnd - k) > 0 && mod4(pEnd - k) < spanCw)
    .sort(([a], [b]) => mod4(pEnd - a) - mod4(pEnd - b))
    .map(([, c]) => c);
  const ringCcw = dedupe([...cut, ...ccw, start]);
  const ringCw = dedupe([...cut, ...cw, start]);
  return [ringCcw, ringCw];
}

function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  if (out.length >= 2) {
    const f = out[0] as Position;
    const l = out[out.length - 1] as Position;
    if (f[0] !== l[0] || f[1] !== l[1]) out.push(f);
  }
  while (out.length < 4) out.push(out[0] as Position);
  return out;
}

/**
 * {@link splitPolygonByLines} for a Polygon or each polygon of a MultiPolygon, summed: `one-side` only when every
 * polygon lies on the same one side; `undetermined` when any polygon's split is.
 */
export function splitAreaByLines(
  geometry: Polygon | MultiPolygon,
  lines: readonly (readonly LonLat[])[],
  classify: (p: [number, number]) => string,
  options: SplitOptions = {},
): PolygonSplit {
  if (geometry.type === 'Polygon') return splitPolygonByLines(geometry, lines, classify, options);
  const splits = geometry.coordinates.map((coordinates) =>
    splitPolygonByLines({ type: 'Polygon', coordinates }, lines, classify, options),
  );
  const undetermined = splits.find((s) => s.status === 'undetermined');
  if (undetermined) return undetermined;
  const areaBySideM2: Record<string, number> = {};
  for (const split of splits)
    for (const [side, area] of Object.entries(split.areaBySideM2))
      areaBySideM2[side] = (areaBySideM2[side] ?? 0) + area;
  return {
    status:
      Object.keys(areaBySideM2).length > 1 || splits.some((s) => s.status === 'split') ? 'split' : 'one-side',
    pieces: splits.flatMap((s) => s.pieces),
    areaBySideM2,
    totalAreaM2: splits.reduce((sum, s) => sum + s.totalAreaM2, 0),
    openEnds: [],
  };
}
