/**
 * Area of a polygon on the ellipsoid.
 *
 * @packageDocumentation
 */
import { area as turfArea } from '@turf/turf';
import { ellipsoidalAreaM2 } from '../geo/ellipsoidalArea.ts';
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
  return {
    measured: fromBase(areaM2, unit),
    uncertainty: 0,
    method: AREA_METHOD,
    summary: `the outline encloses ${formatValue(fromBase(areaM2, unit), unit)}`,
    details: {
      polygon: m.polygon,
      areaM2,
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
