/**
 * Distance from a place or a claimed point to each border line, and the side of the line it is on.
 *
 * @packageDocumentation
 */
import type { Feature } from 'geojson';
import { sideOfBorder } from '../geo/borderSides.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, lineValue, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const LINE_DISTANCE_METHOD =
  'straight-line distance on the WGS84 ellipsoid from the point to the nearest point of each border line (refined ' +
  'along the geodesic segment, Vincenty; error < 1 mm), and the side of the line it is on; the range adds and ' +
  'subtracts the point’s uncertainty radius';

/** Distance to each line; signed (positive inside `country`) when a country is given. */
export function measureLineDistance(
  m: Extract<MeasureDeclaration, { kind: 'distance-to-line' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const country = m.country ? ctx.countryName(m.country) : null;
  const base = {
    perLine: true,
    quantity: country ? `inside ${country}` : 'from the line',
    signed: country !== null,
    method: LINE_DISTANCE_METHOD,
  };
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
      ...base,
      values: [],
      summary: 'no point to measure from',
      details: { from: m.from },
      features: [],
      cannotCheck: `cannot be checked: ${from.what} has no point position${from.geometry ? ` (its geometry is a ${from.geometry.type})` : ''}`,
      caveats: [],
    };
  }
  const p = from.geometry.coordinates as [number, number];
  const u = from.uncertaintyM;
  // One label, on the point, listing every line: labels along nearly parallel segments would overlap.
  const features: Feature[] = [];
  const perLine = ctx.linesFor(m.line).map((line) => {
    const side = sideOfBorder(p, ctx.border(line.id));
    const distanceM = side.nearest.distanceM;
    const signedM = m.country
      ? side.nearest.side === 'on'
        ? 0
        : side.country === null
          ? null
          : side.country === m.country
            ? distanceM
            : -distanceM
      : distanceM;
    const where =
      side.nearest.side === 'on'
        ? 'on the line'
        : side.country
          ? `on the ${ctx.countryName(side.country)} side`
          : 'from the line';
    const value = lineValue(line, signedM, u, unit, { floorAtZero: !m.country });
    const length = formatValue(fromBase(distanceM, unit), unit);
    features.push(
      {
        type: 'Feature',
        properties: { role: 'nearest-border-point', line: line.id },
        geometry: { type: 'Point', coordinates: side.nearest.nearestPoint },
      },
      {
        type: 'Feature',
        properties: {
          role: 'distance-to-border',
          line: line.id,
          lengthM: distanceM,
        },
        geometry: { type: 'LineString', coordinates: densifyGeodesic([p, side.nearest.nearestPoint], 50) },
      },
    );
    return {
      value,
      text: `${line.label}: ${length} ${where}`,
      details: {
        line: line.id,
        distanceM,
        signedDistanceM: m.country ? signedM : null,
        sideCountry: side.country,
        nearestBorderPoint: side.nearest.nearestPoint,
        nearestBorderFeature: side.part.featureId,
        nearestBorderInterpolated: side.part.interpolated,
      },
    };
  });
  features.unshift({
    type: 'Feature',
    properties: {
      role: 'measured-point',
      label: [from.name ?? from.what, ...perLine.map((l) => l.text)].join('\n'),
    },
    geometry: { type: 'Point', coordinates: p },
  });
  return {
    ...base,
    values: perLine.map((l) => l.value),
    summary: `${from.name ?? from.what}: ${perLine.map((l) => l.text).join('; ')}`,
    details: { from: m.from, position: p, uncertaintyM: u, perLine: perLine.map((l) => l.details) },
    features,
    caveats: perLine.some((l) => l.details.nearestBorderInterpolated)
      ? ['On at least one line the nearest border point lies on an interpolated stretch, not a mapped one.']
      : [],
  };
}
