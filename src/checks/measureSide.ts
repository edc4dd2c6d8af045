/**
 * Which side of each border line a claimed point is on, and how far from the line.
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { signedDistanceToBorderM } from '../geo/borderSides.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, lineValue, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const SIDE_METHOD =
  'side of each border line at its nearest segment (as the line states its sides, else probed from the basemap), ' +
  'and the distance to the line on the WGS84 ellipsoid (nearest point refined along the geodesic segment, ' +
  'Vincenty; error < 1 mm); the range adds and subtracts the point’s uncertainty radius';

/** Signed distance of the claim's point from every border line: positive on `country`'s side. */
export function measureSide(
  m: Extract<MeasureDeclaration, { kind: 'point-side-of-border' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const claim = ctx.claims.get(m.claim);
  if (!claim) throw new Error('validated: claim exists');
  const country = ctx.countryName(m.country);
  const method = `${SIDE_METHOD}; positive means inside ${country}`;
  const base = { perLine: true, quantity: `inside ${country}`, signed: true, method };
  const g = claim.geometry;
  if (g?.type !== 'Point') {
    return {
      ...base,
      values: [],
      summary: g ? `the claim's geometry is a ${g.type}, not a stated point` : 'no position to measure',
      details: {
        claim: m.claim,
        geometryType: g?.type ?? null,
        geometryBasis: claim.properties.geometryBasis,
      },
      features: [],
      cannotCheck: g
        ? `cannot be checked: the claim gives no point position (its geometry is a ${g.type} drawn from: ${claim.properties.geometryBasis ?? 'no basis given'})`
        : `cannot be checked: no sourced position — the claim has no geometry${
            claim.properties.notes ? ` (${claim.properties.notes})` : ''
          }`,
      caveats: [],
    };
  }
  const p = (g as Point).coordinates as [number, number];
  const u = claim.properties.uncertaintyM ?? 0;
  // One label, on the point, listing every line: four labels along four nearly parallel segments would overlap.
  const features: Feature[] = [];
  const perLine = ctx.linesFor(m.line).map((line) => {
    const r = signedDistanceToBorderM(p, ctx.border(line.id), m.country);
    const signedM = r.signedM;
    const value = lineValue(line, signedM, u, unit);
    if (signedM !== null) {
      const where =
        signedM > 0
          ? `inside ${country}`
          : signedM < 0
            ? `inside ${ctx.countryName(r.side.country)}`
            : 'on the line';
      features.push(
        {
          type: 'Feature',
          properties: { role: 'nearest-border-point', line: line.id },
          geometry: { type: 'Point', coordinates: r.side.nearest.nearestPoint },
        },
        {
          type: 'Feature',
          properties: {
            role: 'distance-to-border',
            line: line.id,
            lengthM: r.side.nearest.distanceM,
            text: `${line.label}: ${formatValue(Math.abs(fromBase(signedM, unit)), unit)} ${where}`,
          },
          geometry: {
            type: 'LineString',
            coordinates: densifyGeodesic([p, r.side.nearest.nearestPoint], 50),
          },
        },
      );
    }
    return {
      value,
      details: {
        line: line.id,
        signedDistanceM: signedM,
        distanceM: r.side.nearest.distanceM,
        sideCountry: r.side.country,
        nearestBorderPoint: r.side.nearest.nearestPoint,
        nearestBorderFeature: r.side.part.featureId,
        nearestBorderInterpolated: r.side.part.interpolated,
      },
    };
  });
  features.unshift({
    type: 'Feature',
    properties: {
      role: 'claimed-point',
      claim: m.claim,
      label: features
        .map((f) => f.properties?.text)
        .filter(Boolean)
        .join('\n'),
    },
    geometry: { type: 'Point', coordinates: p },
  });
  const inPolygon = ctx.countries.filter((c) => booleanPointInPolygon(p, c.geometry)).map((c) => c.label);
  const caveats = perLine.some((l) => l.details.nearestBorderInterpolated)
    ? ['On at least one line the nearest border point lies on an interpolated stretch, not a mapped one.']
    : [];
  return {
    ...base,
    values: perLine.map((l) => l.value),
    summary: perLine
      .map(({ value: v, details: d }) =>
        v.measured === null
          ? `${v.label}: ${v.note}`
          : v.measured === 0
            ? `${v.label}: on the line`
            : `${v.label}: ${formatValue(Math.abs(v.measured), unit)} inside ${ctx.countryName(d.sideCountry)}`,
      )
      .join('; '),
    details: {
      claim: m.claim,
      position: p,
      uncertaintyM: u,
      geometryBasis: claim.properties.geometryBasis,
      countryPolygonsContaining: inPolygon,
      perLine: perLine.map((l) => l.details),
    },
    features,
    caveats,
  };
}
