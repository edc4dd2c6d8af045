/**
 * Distance from a place or a claimed point to a border line, and the side of the line it is on.
 *
 * @packageDocumentation
 */
import type { Feature } from 'geojson';
import { sideOfBorder } from '../geo/borderSides.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const LINE_DISTANCE_METHOD =
  'straight-line distance on the WGS84 ellipsoid from the point to the nearest point of the border line (refined ' +
  'along the geodesic segment, Vincenty; error < 1 mm), and the side of the line it is on';

/** Distance to the line; signed (positive inside `country`) when a country is given. */
export function measureLineDistance(
  m: Extract<MeasureDeclaration, { kind: 'distance-to-line' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const lineId = ctx.lineId(m.line);
  const lineLabel = ctx.lines.get(lineId)?.label ?? lineId;
  const method = `${LINE_DISTANCE_METHOD} (${lineLabel})`;
  const from =
    'place' in m.from
      ? {
          what: m.from.place,
          name: ctx.places.get(m.from.place)?.properties.name,
          geometry: ctx.places.get(m.from.place)?.geometry,
          uncertaintyM: ctx.places.get(m.from.place)?.properties.uncertaintyM ?? 0,
        }
      : {
          what: m.from.claim,
          name: m.from.claim,
          geometry: ctx.claims.get(m.from.claim)?.geometry ?? null,
          uncertaintyM: ctx.claims.get(m.from.claim)?.properties.uncertaintyM ?? 0,
        };
  if (from.geometry?.type !== 'Point') {
    return {
      measured: null,
      uncertainty: 0,
      method,
      summary: 'no point to measure from',
      details: { from: m.from, line: lineId },
      features: [],
      cannotCheck: `cannot be checked: ${from.what} has no point position${from.geometry ? ` (its geometry is a ${from.geometry.type})` : ''}`,
      caveats: [],
    };
  }
  const p = from.geometry.coordinates as [number, number];
  const side = sideOfBorder(p, ctx.border(lineId));
  const distanceM = side.nearest.distanceM;
  const signed = m.country
    ? side.nearest.side === 'on'
      ? 0
      : side.country === null
        ? null
        : side.country === m.country
          ? distanceM
          : -distanceM
    : distanceM;
  if (signed === null) {
    return {
      measured: null,
      uncertainty: 0,
      method,
      summary: 'the country on the point’s side of the line is unknown',
      details: { from: m.from, line: lineId, distanceM },
      features: [],
      cannotCheck: 'cannot be checked: the data does not say which country lies on that side of the line',
      caveats: [],
    };
  }
  const where =
    side.nearest.side === 'on'
      ? 'on the line'
      : side.country
        ? `on the ${ctx.countryName(side.country)} side`
        : 'from the line';
  const length = formatValue(fromBase(distanceM, unit), unit);
  const features: Feature[] = [
    {
      type: 'Feature',
      properties: { role: 'measured-point', label: from.name ?? from.what },
      geometry: { type: 'Point', coordinates: p },
    },
    {
      type: 'Feature',
      properties: { role: 'nearest-border-point', label: 'nearest border point' },
      geometry: { type: 'Point', coordinates: side.nearest.nearestPoint },
    },
    {
      type: 'Feature',
      properties: { role: 'distance-to-border', lengthM: distanceM, label: `${length} ${where}` },
      geometry: { type: 'LineString', coordinates: densifyGeodesic([p, side.nearest.nearestPoint], 50) },
    },
  ];
  return {
    measured: fromBase(signed, unit),
    uncertainty: fromBase(from.uncertaintyM, unit),
    method,
    summary: `${from.name ?? from.what} is ${length} ${where} of ${lineLabel}`,
    details: {
      from: m.from,
      line: lineId,
      distanceM,
      signedDistanceM: m.country ? signed : null,
      sideCountry: side.country,
      nearestBorderPoint: side.nearest.nearestPoint,
      nearestBorderFeature: side.part.featureId,
      nearestBorderInterpolated: side.part.interpolated,
    },
    features,
    caveats: side.part.interpolated
      ? ['The nearest border point lies on an interpolated stretch of the line, not on a mapped one.']
      : [],
  };
}
