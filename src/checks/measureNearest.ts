/**
 * Distance from places to the nearest claimed position.
 *
 * @packageDocumentation
 */
import type { Feature, Geometry } from 'geojson';
import { compassPoint16 } from '../geo/angles.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import { distanceToGeometry } from '../geo/distanceToGeometry.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const NEAREST_METHOD =
  'straight-line distance on the WGS84 ellipsoid (Vincenty) from each place to the nearest point of any matching ' +
  'claimed geometry (0 inside an area; nearest point of a line or outline refined along its geodesic segments, error < 1 mm)';

/** For each place, the nearest point of the matching claims' geometries. `measured` is the smallest distance. */
export function measureNearest(
  m: Extract<MeasureDeclaration, { kind: 'places-to-nearest-claimed-position' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const claims = ctx.claimsMatching(m.claims).filter((c) => c.geometry !== null);
  const base = { perLine: false, signed: false, method: NEAREST_METHOD };
  if (claims.length === 0) {
    return {
      ...base,
      values: [],
      quantity: 'to the nearest claimed position',
      summary: 'no claimed position to measure to',
      details: {},
      features: [],
      cannotCheck: 'cannot be checked: no sourced position — none of the matching claims has a geometry',
      caveats: [],
    };
  }
  const features: Feature[] = [];
  const perPlace = m.places.map((id) => {
    const place = ctx.places.get(id);
    if (!place) throw new Error('validated: place exists');
    let best: {
      claim: string;
      distanceM: number;
      nearestPoint: [number, number];
      bearingDeg: number;
      uncertaintyM: number;
    } | null = null;
    for (const c of claims) {
      const d = distanceToGeometry(place.geometry.coordinates, c.geometry as Geometry);
      if (!best || d.distanceM < best.distanceM) {
        best = { claim: c.properties.id, ...d, uncertaintyM: c.properties.uncertaintyM ?? 0 };
      }
    }
    const b = best as NonNullable<typeof best>;
    const placeUncertaintyM = place.properties.uncertaintyM ?? 0;
    const label = formatValue(fromBase(b.distanceM, unit), unit);
    features.push(
      {
        type: 'Feature',
        properties: { role: 'measured-line', place: id, claim: b.claim, lengthM: b.distanceM, label },
        geometry: {
          type: 'LineString',
          coordinates: densifyGeodesic([place.geometry.coordinates, b.nearestPoint], 100),
        },
      },
      {
        type: 'Feature',
        properties: {
          role: 'nearest-claimed-point',
          place: id,
          claim: b.claim,
          label: `nearest claimed position (${b.claim})`,
        },
        geometry: { type: 'Point', coordinates: b.nearestPoint },
      },
    );
    return {
      place: id,
      name: place.properties.name,
      nearestClaim: b.claim,
      distanceM: b.distanceM,
      bearingDeg: b.bearingDeg,
      compassPoint: compassPoint16(b.bearingDeg),
      nearestPoint: b.nearestPoint,
      uncertaintyM: b.uncertaintyM + placeUncertaintyM,
    };
  });
  const nearest = perPlace.reduce((x, y) => (y.distanceM < x.distanceM ? y : x));
  return {
    ...base,
    values: [
      {
        line: null,
        label: '',
        measured: fromBase(nearest.distanceM, unit),
        range: [
          fromBase(Math.max(0, nearest.distanceM - nearest.uncertaintyM), unit),
          fromBase(nearest.distanceM + nearest.uncertaintyM, unit),
        ],
      },
    ],
    quantity: `from ${nearest.name} to the nearest claimed position`,
    summary: perPlace
      .map(
        (p) =>
          `${p.name} ${formatValue(fromBase(p.distanceM, unit), unit)}${
            p.uncertaintyM > 0 ? ` (± ${formatValue(fromBase(p.uncertaintyM, unit), unit)})` : ''
          } ${p.compassPoint}`,
      )
      .join('; '),
    details: { claims: claims.map((c) => c.properties.id), perPlace },
    features,
    caveats: [],
  };
}
