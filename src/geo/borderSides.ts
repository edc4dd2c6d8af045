/**
 * A border as polylines with the country on each side, and the side of the border a point is on.
 *
 * Which country lies left or right of a part is what the line says when it says it (a line drawn with its
 * countries' sides known, e.g. `leftCountry`/`rightCountry` in a border file). Otherwise it is read from the
 * country polygons: at up to 25 segments
 * spread along the part, points are probed at 25, 100, 400 and 1 500 m on each side, perpendicular to
 * the segment; the first probe that falls inside a country polygon votes for that country. The
 * majority per side wins. Probing only works for a line that follows the polygons' edges: a line drawn by
 * another publisher can run hundreds of metres inside them, and then both probes land in one country.
 * A point's side is then the side of the nearest part (nearestPointOnLines.ts),
 * so it is consistent with the measured distance even for points a few metres from the line, where
 * the polygon outlines and the line might disagree.
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { localProjection } from './localProjection.ts';
import type { LonLat } from './lonlat.ts';
import { type NearestOnLines, nearestPointOnLines } from './nearestPointOnLines.ts';

/** A country outline with a label (e.g. an ISO alpha-3 code). */
export interface CountryPolygon {
  label: string;
  geometry: Polygon | MultiPolygon;
}

/** One polyline of a border, with the country on each side (null when the probes found none). */
export interface BorderPart {
  coordinates: [number, number][];
  left: string | null;
  right: string | null;
  /** id of the feature the part came from. */
  featureId: string;
  /** true when the part is an interpolation (e.g. across a lake), not a surveyed or mapped line. */
  interpolated: boolean;
}

const PROBE_DISTANCES_M = [25, 100, 400, 1500];

const BBOXES = new WeakMap<CountryPolygon, [number, number, number, number]>();

/** Bounding box of a country polygon, cached (point-in-polygon on a country is costly). */
function bboxOf(c: CountryPolygon): [number, number, number, number] {
  let b = BBOXES.get(c);
  if (!b) {
    b = [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const rings of polys) {
      for (const p of rings[0] ?? []) {
        b[0] = Math.min(b[0], p[0] as number);
        b[1] = Math.min(b[1], p[1] as number);
        b[2] = Math.max(b[2], p[0] as number);
        b[3] = Math.max(b[3], p[1] as number);
      }
    }
    BBOXES.set(c, b);
  }
  return b;
}

function inBBox(p: LonLat, b: readonly [number, number, number, number]): boolean {
  const x = p[0] as number;
  const y = p[1] as number;
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

/** Country on each side of a polyline, by majority of probes into `countries` (see module notes). */
export function labelLineSides(
  line: readonly LonLat[],
  countries: readonly CountryPolygon[],
  maxSamples = 25,
): {
  left: string | null;
  right: string | null;
  votes: { left: Record<string, number>; right: Record<string, number> };
} {
  const votes = { left: {} as Record<string, number>, right: {} as Record<string, number> };
  const nSeg = line.length - 1;
  if (nSeg < 1) return { left: null, right: null, votes };
  const step = Math.max(1, Math.floor(nSeg / maxSamples));
  for (let i = Math.floor(step / 2); i < nSeg; i += step) {
    const a = line[i] as LonLat;
    const b = line[i + 1] as LonLat;
    const mid: [number, number] = [
      ((a[0] as number) + (b[0] as number)) / 2,
      ((a[1] as number) + (b[1] as number)) / 2,
    ];
    const proj = localProjection(mid);
    const pa = proj.forward(a);
    const pb = proj.forward(b);
    const len = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
    if (len === 0) continue;
    const nx = -(pb[1] - pa[1]) / len;
    const ny = (pb[0] - pa[0]) / len;
    for (const [side, sign] of [
      ['left', 1],
      ['right', -1],
    ] as const) {
      for (const r of PROBE_DISTANCES_M) {
        const probe = proj.inverse([sign * nx * r, sign * ny * r]);
        const hit = countries.find(
          (c) => inBBox(probe, bboxOf(c)) && booleanPointInPolygon(probe, c.geometry),
        );
        if (hit) {
          votes[side][hit.label] = (votes[side][hit.label] ?? 0) + 1;
          break;
        }
      }
    }
  }
  const top = (v: Record<string, number>) => {
    const e = Object.entries(v).sort((x, y) => y[1] - x[1]);
    return e[0] ? e[0][0] : null;
  };
  return { left: top(votes.left), right: top(votes.right), votes };
}

/** Where a point lies relative to a border. */
export interface SideOfBorder {
  /** Nearest point of the border and the distance to it (ellipsoidal unless `exact: false`). */
  nearest: NearestOnLines;
  /** The part holding the nearest point. */
  part: BorderPart;
  /** Country on the point's side of that part; null when unknown or the point is on the line (< 1 mm). */
  country: string | null;
}

/** Side of `border` that `point` is on, with the distance to the border. */
export function sideOfBorder(point: LonLat, border: readonly BorderPart[], exact = true): SideOfBorder {
  const nearest = nearestPointOnLines(
    point,
    border.map((p) => p.coordinates),
    { exact },
  );
  const part = border[nearest.partIndex] as BorderPart;
  const country = nearest.side === 'left' ? part.left : nearest.side === 'right' ? part.right : null;
  return { nearest, part, country };
}

/**
 * Distance from `point` to `border` in metres, positive when the point is on `country`'s side,
 * negative on the other side, 0 on the line; null when the side's country is unknown.
 */
export function signedDistanceToBorderM(
  point: LonLat,
  border: readonly BorderPart[],
  country: string,
  exact = true,
): { signedM: number | null; side: SideOfBorder } {
  const side = sideOfBorder(point, border, exact);
  if (side.nearest.side === 'on') return { signedM: 0, side };
  if (side.country === null) return { signedM: null, side };
  return { signedM: side.country === country ? side.nearest.distanceM : -side.nearest.distanceM, side };
}

/** A polyline of a border before labelling; `sides` when its data says which country lies on each side. */
export interface UnlabelledBorderPart {
  coordinates: [number, number][];
  featureId: string;
  interpolated: boolean;
  sides?: { left: string; right: string };
}

/**
 * Labels every part with the countries on its sides: the sides its data states, else {@link labelLineSides}.
 * A part the probes cannot label (e.g. a short bridge across a lake, all probes in water) takes the labels of a
 * labelled part it touches end to end, swapped if the two run in opposite directions.
 */
export function labelBorderParts(
  parts: readonly UnlabelledBorderPart[],
  countries: readonly CountryPolygon[],
  toleranceDeg = 1e-7,
): BorderPart[] {
  const out: BorderPart[] = parts.map(({ sides, ...p }) => {
    const s = sides ?? labelLineSides(p.coordinates, countries);
    return { ...p, left: s.left, right: s.right };
  });
  const same = (a: LonLat, b: LonLat) =>
    Math.abs((a[0] as number) - (b[0] as number)) <= toleranceDeg &&
    Math.abs((a[1] as number) - (b[1] as number)) <= toleranceDeg;
  for (let pass = 0; pass < parts.length; pass++) {
    let changed = false;
    for (const p of out) {
      if (p.left !== null && p.right !== null) continue;
      const start = p.coordinates[0] as LonLat;
      const end = p.coordinates[p.coordinates.length - 1] as LonLat;
      for (const q of out) {
        if (q === p || q.left === null || q.right === null) continue;
        const qs = q.coordinates[0] as LonLat;
        const qe = q.coordinates[q.coordinates.length - 1] as LonLat;
        const sameDirection = same(start, qe) || same(end, qs);
        const opposite = same(start, qs) || same(end, qe);
        if (sameDirection || opposite) {
          p.left = sameDirection ? q.left : q.right;
          p.right = sameDirection ? q.right : q.left;
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  return out;
}
