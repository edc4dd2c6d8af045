/**
 * Area of a polygon on the ellipsoid.
 *
 * @packageDocumentation
 */
import { area as turfArea } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { ellipsoidalAreaM2 } from '../geo/ellipsoidalArea.ts';
import { geodesicDistanceM } from '../geo/geodesic.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const AREA_METHOD =
  'area on the WGS84 ellipsoid: cylindrical equal-area projection of the ellipsoid (Snyder 1987), edges densified ' +
  "along geodesics to 500 m (relative error < 1e-5); Turf's spherical area (radius 6,371,008.8 m) given for comparison";

/** Ellipsoidal area of a reference area's outline. */
export function measureArea(
  m: Extract<MeasureDeclaration, { kind: 'polygon-area' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const area = ctx.areas.get(m.polygon);
  if (!area) throw new Error('validated: polygon exists');
  const areaM2 = ellipsoidalAreaM2(area.geometry);
  const sphericalAreaM2 = turfArea(area.geometry);
  const caveats: string[] = [];
  if (area.properties.schematic) {
    caveats.push(
      `The outline of ${area.properties.name} is schematic: it was drawn from descriptions, so this measures the drawing, not the ground as surveyed.`,
    );
  }
  // The outline's uncertainty radius moves its edge either way: to first order the area changes by the
  // perimeter times the radius (plus the corners' π r² when it grows).
  const r = area.properties.uncertaintyM ?? 0;
  const perimeterM = outlinePerimeterM(area.geometry);
  return {
    values: [
      {
        line: null,
        label: '',
        measured: fromBase(areaM2, unit),
        range: [
          fromBase(Math.max(0, areaM2 - perimeterM * r), unit),
          fromBase(areaM2 + perimeterM * r + Math.PI * r * r, unit),
        ],
      },
    ],
    perLine: false,
    quantity: `enclosed by the outline of ${area.properties.name}`,
    uncertaintyOf: 'the outline’s',
    signed: false,
    method: `${AREA_METHOD}${r > 0 ? `; the range moves the edge by the outline's ${r} m uncertainty radius either way (perimeter × radius)` : ''}`,
    summary: `the outline encloses ${formatValue(fromBase(areaM2, unit), unit)}`,
    details: {
      polygon: m.polygon,
      areaM2,
      perimeterM,
      uncertaintyM: r,
      sphericalAreaM2,
      basis: area.properties.basis,
      schematic: area.properties.schematic,
    },
    features: [
      {
        type: 'Feature',
        properties: { role: 'measured-polygon', areaM2, label: formatValue(fromBase(areaM2, unit), unit) },
        geometry: area.geometry,
      },
    ],
    caveats,
  };
}

/** Length of every ring of the outline on the ellipsoid, metres. */
function outlinePerimeterM(geometry: Polygon | MultiPolygon): number {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let sum = 0;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++)
      sum += geodesicDistanceM(ring[i - 1] as number[], ring[i] as number[]);
  return sum;
}
