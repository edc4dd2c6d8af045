/**
 * Sample points covering a geometry: its vertices, points along its edges and, for polygons, a
 * square grid over the inside. Any point of the geometry then lies within `spacingM / √2` of a sample
 * (within `spacingM / 2` on an edge), which bounds the error of a maximum taken over the samples of any
 * 1-Lipschitz function such as a distance.
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, Polygon, Position } from 'geojson';
import { densifyGeodesic } from './densify.ts';
import { ellipsoidalAreaM2 } from './ellipsoidalArea.ts';
import { localProjection } from './localProjection.ts';

/** Samples of a geometry and the spacing actually used. */
export interface GeometrySamples {
  points: [number, number][];
  /** Grid and edge spacing used, metres (may be larger than asked, to respect `maxSamples`). */
  spacingM: number;
}

/** Samples `geometry` at about `spacingM` metres; the spacing grows if more than `maxSamples` would be needed. */
export function sampleGeometry(geometry: Geometry, spacingM: number, maxSamples = 20_000): GeometrySamples {
  let spacing = spacingM;
  const polys = polygonsOf(geometry);
  const areaM2 = polys.reduce((s, p) => s + ellipsoidalAreaM2(p), 0);
  if (areaM2 / (spacing * spacing) > maxSamples) spacing = Math.sqrt(areaM2 / maxSamples);
  const points: [number, number][] = [];
  const addLine = (line: Position[]) => {
    for (const p of densifyGeodesic(line, spacing)) points.push(p);
  };
  const walk = (g: Geometry) => {
    switch (g.type) {
      case 'Point':
        points.push([g.coordinates[0] as number, g.coordinates[1] as number]);
        break;
      case 'MultiPoint':
        for (const c of g.coordinates) points.push([c[0] as number, c[1] as number]);
        break;
      case 'LineString':
        addLine(g.coordinates);
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) addLine(l);
        break;
      case 'Polygon':
        for (const r of g.coordinates) addLine(r);
        gridInside(g, spacing, points);
        break;
      case 'MultiPolygon':
        for (const rings of g.coordinates) {
          for (const r of rings) addLine(r);
          gridInside({ type: 'Polygon', coordinates: rings }, spacing, points);
        }
        break;
      case 'GeometryCollection':
        for (const c of g.geometries) walk(c);
        break;
    }
  };
  walk(geometry);
  return { points, spacingM: spacing };
}

function polygonsOf(g: Geometry): Polygon[] {
  if (g.type === 'Polygon') return [g];
  if (g.type === 'MultiPolygon') return g.coordinates.map((c) => ({ type: 'Polygon', coordinates: c }));
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

function gridInside(poly: Polygon, spacing: number, out: [number, number][]): void {
  const outer = poly.coordinates[0] ?? [];
  if (outer.length < 4) return;
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const p of outer) {
    w = Math.min(w, p[0] as number);
    e = Math.max(e, p[0] as number);
    s = Math.min(s, p[1] as number);
    n = Math.max(n, p[1] as number);
  }
  const proj = localProjection([(w + e) / 2, (s + n) / 2]);
  const [x0, y0] = proj.forward([w, s]);
  const [x1, y1] = proj.forward([e, n]);
  for (let y = y0 + spacing / 2; y < y1; y += spacing) {
    for (let x = x0 + spacing / 2; x < x1; x += spacing) {
      const p = proj.inverse([x, y]);
      if (booleanPointInPolygon(p, poly)) out.push(p);
    }
  }
}
