/**
 * Which side of the border a claimed point is on, and how far from the line.
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import { signedDistanceToBorderM } from '../geo/borderSides.ts';
import { densifyGeodesic } from '../geo/densify.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

/** Signed distance of the claim's point from the border: positive on `country`'s side. */
export function measureSide(
  m: Extract<MeasureDeclaration, { kind: 'point-side-of-border' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const claim = ctx.claims.get(m.claim);
  if (!claim) throw new Error('validated: claim exists');
  const border = ctx.border(m.line);
  const usedLines = [...new Set(border.map((p) => p.featureId))];
  const method =
    `side of the border line (${usedLines.join(' + ')}) at its nearest segment, and the distance to the line on the WGS84 ellipsoid ` +
    '(nearest point refined along the geodesic segment, Vincenty; error < 1 mm); positive means inside ' +
    ctx.countryName(m.country);
  const g = claim.geometry;
  if (!g) {
    return {
      measured: null,
      uncertainty: 0,
      method,
      summary: 'no position to measure',
      details: { claim: m.claim },
      features: [],
      cannotCheck: `cannot be checked: no sourced position — the claim has no geometry${
        claim.properties.notes ? ` (${claim.properties.notes})` : ''
      }`,
      caveats: [],
    };
  }
  if (g.type !== 'Point') {
    return {
      measured: null,
      uncertainty: 0,
      method,
      summary: `the claim's geometry is a ${g.type}, not a stated point`,
      details: { claim: m.claim, geometryType: g.type, geometryBasis: claim.properties.geometryBasis },
      features: [],
      cannotCheck: `cannot be checked: the claim gives no point position (its geometry is a ${g.type} drawn from: ${claim.properties.geometryBasis ?? 'no basis given'})`,
      caveats: [],
    };
  }
  const p = (g as Point).coordinates;
  const r = signedDistanceToBorderM(p, border, m.country);
  const inPolygon = ctx.countries.filter((c) => booleanPointInPolygon(p, c.geometry)).map((c) => c.label);
  const u = claim.properties.uncertaintyM ?? 0;
  const signedM = r.signedM;
  if (signedM === null) {
    return {
      measured: null,
      uncertainty: 0,
      method,
      summary: 'the country on the point’s side of the line is unknown',
      details: { claim: m.claim, position: p, distanceM: r.side.nearest.distanceM },
      features: [],
      cannotCheck: 'cannot be checked: the data does not say which country lies on that side of the line',
      caveats: [],
    };
  }
  const measured = fromBase(signedM, unit);
  const where =
    signedM > 0
      ? `inside ${ctx.countryName(m.country)}`
      : signedM < 0
        ? `inside ${ctx.countryName(r.side.country)}, on the other side of the line`
        : 'on the line';
  const features: Feature[] = [
    {
      type: 'Feature',
      properties: { role: 'claimed-point', claim: m.claim, label: claim.properties.geometryBasis ?? m.claim },
      geometry: { type: 'Point', coordinates: [p[0] as number, p[1] as number] },
    },
    {
      type: 'Feature',
      properties: { role: 'nearest-border-point', label: 'nearest border point' },
      geometry: { type: 'Point', coordinates: r.side.nearest.nearestPoint },
    },
    {
      type: 'Feature',
      properties: {
        role: 'distance-to-border',
        lengthM: r.side.nearest.distanceM,
        label: `${formatValue(Math.abs(measured), unit)} ${where}`,
      },
      geometry: { type: 'LineString', coordinates: densifyGeodesic([p, r.side.nearest.nearestPoint], 50) },
    },
  ];
  return {
    measured,
    uncertainty: fromBase(u, unit),
    method,
    summary: `the point is ${formatValue(Math.abs(measured), unit)} ${where} (nearest border point on ${r.side.part.featureId})`,
    details: {
      claim: m.claim,
      line: ctx.lineId(m.line),
      position: p,
      signedDistanceM: signedM,
      distanceM: r.side.nearest.distanceM,
      sideCountry: r.side.country,
      nearestBorderPoint: r.side.nearest.nearestPoint,
      nearestBorderFeature: r.side.part.featureId,
      nearestBorderInterpolated: r.side.part.interpolated,
      countryPolygonsContaining: inPolygon,
      uncertaintyM: u,
      geometryBasis: claim.properties.geometryBasis,
    },
    features,
    caveats: [],
  };
}
