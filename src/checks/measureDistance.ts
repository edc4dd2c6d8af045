/**
 * Distance and bearing between two places.
 *
 * @packageDocumentation
 */
import type { Feature } from 'geojson';
import { bearingDifferenceDeg, compassPoint16 } from '../geo/angles.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import { geodesicInverse } from '../geo/geodesic.ts';
import { sphericalDistanceM } from '../geo/sphericalDistance.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const DISTANCE_METHOD =
  "straight-line geodesic on the WGS84 ellipsoid (Vincenty's inverse formula, error < 0.1 mm); " +
  "Turf's haversine distance on a sphere of radius 6,371,008.8 m is given for comparison (off by up to ≈0.5 %)";

/** Geodesic distance and bearings between two places of data/places.geojson. */
export function measureDistance(
  m: Extract<MeasureDeclaration, { kind: 'distance-between-places' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const from = ctx.places.get(m.from);
  const to = ctx.places.get(m.to);
  if (!from || !to) throw new Error('validated: places exist');
  const a = from.geometry.coordinates;
  const b = to.geometry.coordinates;
  const inv = geodesicInverse(a, b);
  const sphM = sphericalDistanceM(a, b);
  const uncM = (from.properties.uncertaintyM ?? 0) + (to.properties.uncertaintyM ?? 0);
  const measured = fromBase(inv.distanceM, unit);
  const details: Record<string, unknown> = {
    from: m.from,
    to: m.to,
    fromPosition: a,
    toPosition: b,
    distanceM: inv.distanceM,
    initialBearingDeg: inv.initialBearingDeg,
    finalBearingDeg: inv.finalBearingDeg,
    compassPoint: compassPoint16(inv.initialBearingDeg),
    sphericalDistanceM: sphM,
    sphericalMinusEllipsoidalM: sphM - inv.distanceM,
    positionUncertaintyM: uncM,
    geodesicMethod: inv.method,
  };
  const label = `${formatValue(measured, unit)}, ${Math.round(inv.initialBearingDeg)}° (${compassPoint16(inv.initialBearingDeg)})`;
  const features: Feature[] = [
    {
      type: 'Feature',
      properties: { role: 'measured-line', label, lengthM: inv.distanceM, bearingDeg: inv.initialBearingDeg },
      geometry: { type: 'LineString', coordinates: densifyGeodesic([a, b], 100) },
    },
    {
      type: 'Feature',
      properties: { role: 'endpoint', place: m.from, label: from.properties.name },
      geometry: { type: 'Point', coordinates: [a[0] as number, a[1] as number] },
    },
    {
      type: 'Feature',
      properties: { role: 'endpoint', place: m.to, label: to.properties.name },
      geometry: { type: 'Point', coordinates: [b[0] as number, b[1] as number] },
    },
  ];
  const out: MeasureOutcome = {
    measured,
    uncertainty: fromBase(uncM, unit),
    method: DISTANCE_METHOD,
    summary: `${to.properties.name} is ${formatValue(measured, unit)} from ${from.properties.name} in a straight line, bearing ${Math.round(
      inv.initialBearingDeg,
    )}° (${compassPoint16(inv.initialBearingDeg)})`,
    details,
    features,
    caveats: [],
  };
  if (m.direction) {
    const off = bearingDifferenceDeg(inv.initialBearingDeg, m.direction.expectedBearingDeg);
    details.direction = { ...m.direction, offByDeg: off };
    const verdict =
      off <= m.direction.consistentWithinDeg
        ? 'consistent'
        : off <= m.direction.roughlyWithinDeg
          ? 'roughly-consistent'
          : 'inconsistent';
    out.extra = {
      verdict,
      reason: `the bearing is ${Math.round(off)}° off "${m.direction.wording}" (${
        verdict === 'consistent'
          ? `within ±${m.direction.consistentWithinDeg}°`
          : verdict === 'roughly-consistent'
            ? `more than ±${m.direction.consistentWithinDeg}° but within ±${m.direction.roughlyWithinDeg}°`
            : `more than ±${m.direction.roughlyWithinDeg}°`
      })`,
    };
  }
  return out;
}
