/**
 * Where an outline may lie, given how far its true edge may be from the drawn one (`radiusM`): the outline moved
 * by the radius in 12 directions (every 30°), and grown and shrunk by the radius. Each variant is given as points
 * of a regular grid inside it (equal areas in a local plane), so that a share of it (the part on one side of a
 * line) is the share of its points: a polygon clipping per variant and per line took seconds. The variants are a
 * sample of the possibilities (the true extremes may lie between them), which the methods that use them say.
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon, buffer } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { localProjection } from './localProjection.ts';

const DIRECTIONS = 12;

export interface OutlineVariant {
  /** "moved 150 m toward 30°", "grown by 150 m", … */
  label: string;
  /** Grid points inside the variant, each standing for the same area. */
  points: [number, number][];
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Points of a square grid of `spacingM` (in a local plane at the outline's centre) that fall inside it. */
export function gridInside(geometry: Polygon | MultiPolygon, spacingM: number): [number, number][] {
  const all = ringsOf(geometry).flat();
  const lons = all.map((p) => p[0] as number);
  const lats = all.map((p) => p[1] as number);
  const centre: [number, number] = [
    (Math.min(...lons) + Math.max(...lons)) / 2,
    (Math.min(...lats) + Math.max(...lats)) / 2,
  ];
  const proj = localProjection(centre);
  const xy = all.map((p) => proj.forward(p as [number, number]));
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const points: [number, number][] = [];
  // Cell centres, so that the grid is symmetric about the outline's box.
  for (let x = Math.min(...xs) + spacingM / 2; x < Math.max(...xs); x += spacingM)
    for (let y = Math.min(...ys) + spacingM / 2; y < Math.max(...ys); y += spacingM) {
      const p = proj.inverse([x, y]) as [number, number];
      if (booleanPointInPolygon(p, geometry)) points.push(p);
    }
  return points;
}

/** The variants of an outline within `radiusM` of it, as grid points (none when the radius is 0). */
export function outlineVariants(
  geometry: Polygon | MultiPolygon,
  radiusM: number,
  spacingM: number,
): OutlineVariant[] {
  if (!(radiusM > 0)) return [];
  const out: OutlineVariant[] = [];
  const grid = gridInside(geometry, spacingM);
  const all = ringsOf(geometry).flat();
  const lats = all.map((p) => p[1] as number);
  const proj = localProjection([all[0]?.[0] as number, (Math.min(...lats) + Math.max(...lats)) / 2]);
  for (let i = 0; i < DIRECTIONS; i++) {
    const a = (2 * Math.PI * i) / DIRECTIONS;
    const [dx, dy] = [radiusM * Math.sin(a), radiusM * Math.cos(a)];
    out.push({
      label: `moved ${Math.round(radiusM)} m toward ${Math.round((360 * i) / DIRECTIONS)}°`,
      points: grid.map((p) => {
        const [x, y] = proj.forward(p);
        return proj.inverse([x + dx, y + dy]) as [number, number];
      }),
    });
  }
  for (const [label, r] of [
    ['grown', radiusM],
    ['shrunk', -radiusM],
  ] as const) {
    const g = buffer({ type: 'Feature', properties: {}, geometry }, r / 1000, {
      units: 'kilometers',
      steps: 16,
    });
    if (g?.geometry && (g.geometry.type === 'Polygon' || g.geometry.type === 'MultiPolygon'))
      out.push({ label: `${label} by ${Math.round(radiusM)} m`, points: gridInside(g.geometry, spacingM) });
  }
  return out.filter((v) => v.points.length > 0);
}
