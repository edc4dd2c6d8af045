/**
 * How deep claimed positions or areas reach into a country, from each border line.
 *
 * @packageDocumentation
 */
import type { Feature, Geometry } from 'geojson';
import { densifyGeodesic } from '../geo/densify.ts';
import { maxDepthInside } from '../geo/depthInside.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasuredValue, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

const SPACING_M = 25;

/**
 * The deepest point of the matching claims' geometries on `country`'s side of each border line: the largest
 * signed distance from the line (negative when no part is on that side). The range runs from that value minus the
 * claim's uncertainty radius to that value plus the radius and the sampling bound.
 */
export function measureDepth(
  m: Extract<MeasureDeclaration, { kind: 'depth-inside-country' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const country = ctx.countryName(m.country);
  const method =
    `largest signed distance from each border line (as the line states its sides, else probed from the basemap) of any ` +
    `point of the claimed geometry, positive on the ${country} side, measured on the WGS84 ellipsoid (nearest border ` +
    `point refined along the geodesic segment, Vincenty, error < 1 mm); areas and lines are sampled every ${SPACING_M} m, ` +
    `so the true maximum is at most ${Math.round(SPACING_M / Math.SQRT2)} m larger; the range adds and subtracts ` +
    `the claim's uncertainty radius`;
  const base = { perLine: true, quantity: `inside ${country}`, signed: true, method };
  const claims = ctx.claimsMatching(m.claims);
  const withGeometry = claims.filter((c) => c.geometry !== null);
  if (withGeometry.length === 0) {
    return {
      ...base,
      values: [],
      summary: 'no position to measure',
      details: { claims: claims.map((c) => c.properties.id) },
      features: [],
      cannotCheck: `cannot be checked: no sourced position — ${
        claims.length === 0
          ? 'no claim matches'
          : `none of ${claims.map((c) => c.properties.id).join(', ')} has a geometry`
      }`,
      caveats: [],
    };
  }
  const features: Feature[] = [];
  let interpolated = false;
  const perLine = ctx.linesFor(m.line).map((line) => {
    const border = ctx.border(line.id);
    const perClaim = withGeometry.map((c) => {
      const d = maxDepthInside(c.geometry as Geometry, border, m.country, SPACING_M);
      return {
        claim: c.properties.id,
        maxSignedM: d.maxSignedM,
        uncertaintyM: c.properties.uncertaintyM ?? 0,
        samplingErrorBoundM: d.samplingErrorBoundM,
        deepestPoint: d.deepestPoint,
        nearestBorderPoint: d.nearestBorderPoint,
        nearestBorderFeature: d.side?.part.featureId ?? null,
        nearestBorderInterpolated: d.side?.part.interpolated ?? null,
        samples: d.samples,
        samplesWithUnknownSide: d.unknownSide,
      };
    });
    const known = perClaim.filter((c) => Number.isFinite(c.maxSignedM));
    if (known.length === 0) {
      return {
        value: {
          line: line.id,
          label: line.label,
          measured: null,
          range: null,
          note: 'the data does not say which country lies on either side of this line near the positions',
        } satisfies MeasuredValue,
        perClaim,
      };
    }
    const deepest = known.reduce((x, y) => (y.maxSignedM > x.maxSignedM ? y : x));
    if (deepest.nearestBorderInterpolated) interpolated = true;
    if (deepest.deepestPoint && deepest.nearestBorderPoint) {
      features.push(
        {
          type: 'Feature',
          properties: {
            role: 'depth-segment',
            claim: deepest.claim,
            line: line.id,
            lengthM: deepest.maxSignedM,
            label: `${formatValue(fromBase(deepest.maxSignedM, unit), unit)} (${line.label})`,
          },
          geometry: {
            type: 'LineString',
            coordinates: densifyGeodesic([deepest.deepestPoint, deepest.nearestBorderPoint], 100),
          },
        },
        {
          type: 'Feature',
          properties: { role: 'nearest-border-point', claim: deepest.claim, line: line.id },
          geometry: { type: 'Point', coordinates: deepest.nearestBorderPoint },
        },
      );
    }
    // The deepest of all claims, each moved by its own radius either way.
    const lo = Math.max(...known.map((c) => c.maxSignedM - c.uncertaintyM));
    const hi = Math.max(...known.map((c) => c.maxSignedM + c.uncertaintyM + c.samplingErrorBoundM));
    return {
      value: {
        line: line.id,
        label: line.label,
        measured: fromBase(deepest.maxSignedM, unit),
        range: [fromBase(lo, unit), fromBase(hi, unit)],
      } satisfies MeasuredValue,
      perClaim,
      deepestClaim: deepest.claim,
    };
  });
  const caveats = interpolated
    ? ['On at least one line the nearest border point lies on an interpolated stretch, not a mapped one.']
    : [];
  return {
    ...base,
    values: perLine.map((l) => l.value),
    summary: perLine
      .map(({ value: v }) =>
        v.measured === null
          ? `${v.label}: ${v.note}`
          : v.measured > 0
            ? `${v.label}: the deepest claimed point is ${formatValue(v.measured, unit)} inside ${country}`
            : `${v.label}: no claimed point is inside ${country} (nearest ${formatValue(-v.measured, unit)} away)`,
      )
      .join('; '),
    details: {
      country: m.country,
      claims: withGeometry.map((c) => ({
        claim: c.properties.id,
        geometryType: (c.geometry as Geometry).type,
        geometryBasis: c.properties.geometryBasis,
        uncertaintyM: c.properties.uncertaintyM ?? 0,
      })),
      perLine: perLine.map((l) => ({
        line: l.value.line,
        deepestClaim: l.deepestClaim ?? null,
        perClaim: l.perClaim,
      })),
    },
    features,
    caveats,
  };
}
