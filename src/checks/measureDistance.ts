/**
 * Distance and bearing between two places.
 *
 * @packageDocumentation
 */
import type { Feature } from 'geojson';
import { bearingDifferenceDeg, compassPoint16, RAD_TO_DEG } from '../geo/angles.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import { geodesicInverse } from '../geo/geodesic.ts';
import { sphericalDistanceM } from '../geo/sphericalDistance.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';
import { bandPosition, ruleVerdict } from './verdict.ts';

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
  const bearing = Math.round(inv.initialBearingDeg);
  const compass = compassPoint16(inv.initialBearingDeg);
  const out: MeasureOutcome = {
    values: [
      {
        line: null,
        label: '',
        measured,
        range: [fromBase(Math.max(0, inv.distanceM - uncM), unit), fromBase(inv.distanceM + uncM, unit)],
      },
    ],
    perLine: false,
    quantity: `${compassWords(compass)} of ${from.properties.name} in a straight line (bearing ${bearing}°)`,
    signed: false,
    uncertaintyOf: 'the places’',
    method: DISTANCE_METHOD,
    summary: `${to.properties.name} is ${formatValue(measured, unit)} ${compassWords(compass)} of ${from.properties.name} in a straight line (bearing ${bearing}°)`,
    details,
    features,
    caveats: [],
  };
  if (m.direction) {
    // The sector the compass word covers, and how far the bearing may swing with the places' uncertainty.
    const sectorDeg = 180 / m.direction.compass;
    const off = bearingDifferenceDeg(inv.initialBearingDeg, m.direction.expectedBearingDeg);
    const swingDeg = uncM >= inv.distanceM ? 180 : Math.asin(uncM / inv.distanceM) * RAD_TO_DEG;
    const offRange: [number, number] = [Math.max(0, off - swingDeg), Math.min(180, off + swingDeg)];
    const position = bandPosition(offRange, [null, sectorDeg]);
    const { verdict } = ruleVerdict([position]);
    details.direction = { ...m.direction, sectorDeg, offByDeg: off, offRangeDeg: offRange, position };
    const swing = swingDeg > 0 ? ` (± ${Math.round(swingDeg)}° with the places' uncertainty)` : '';
    out.extra = {
      verdict,
      reason: `the bearing, ${bearing}° (${compassWords(compass)}), is ${Math.round(off)}° off "${m.direction.wording}"${swing}, ${
        position === 'within' ? 'inside' : position === 'across' ? 'on the edge of' : 'outside'
      } the ±${sectorDeg}° sector the word covers on a ${m.direction.compass}-point compass`,
    };
  }
  return out;
}

const COMPASS_WORDS: Record<string, string> = {
  N: 'north',
  NNE: 'north-north-east',
  NE: 'north-east',
  ENE: 'east-north-east',
  E: 'east',
  ESE: 'east-south-east',
  SE: 'south-east',
  SSE: 'south-south-east',
  S: 'south',
  SSW: 'south-south-west',
  SW: 'south-west',
  WSW: 'west-south-west',
  W: 'west',
  WNW: 'west-north-west',
  NW: 'north-west',
  NNW: 'north-north-west',
};

/** "NW" → "north-west". */
export function compassWords(point: string): string {
  return COMPASS_WORDS[point] ?? point;
}
