/**
 * How deep claimed positions or areas reach into a country, from the border line.
 *
 * @packageDocumentation
 */
import type { Feature, Geometry } from 'geojson';
import { densifyGeodesic } from '../geo/densify.ts';
import { maxDepthInside } from '../geo/depthInside.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

const SPACING_M = 25;

/** Deepest point of the matching claims' geometries on `country`'s side of the border. */
export function measureDepth(
  m: Extract<MeasureDeclaration, { kind: 'depth-inside-country' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const border = ctx.border(m.line);
  const usedLines = [...new Set(border.map((p) => p.featureId))];
  const method =
    `largest distance from the border line (${usedLines.join(' + ')}) of any point of the claimed geometry on the ${ctx.countryName(m.country)} side, ` +
    `measured on the WGS84 ellipsoid (nearest border point refined along the geodesic segment, Vincenty, error < 1 mm); ` +
    `areas and lines are sampled every ${SPACING_M} m, so the true maximum is at most ${Math.round(SPACING_M / Math.SQRT2)} m larger`;
  const claims = ctx.claimsMatching(m.claims);
  const withGeometry = claims.filter((c) => c.geometry !== null);
  if (withGeometry.length === 0) {
    return {
      measured: null,
      uncertainty: 0,
      method,
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
  const perClaim = withGeometry.map((c) => {
    const d = maxDepthInside(c.geometry as Geometry, border, m.country, SPACING_M);
    const u = c.properties.uncertaintyM ?? 0;
    return {
      claim: c.properties.id,
      geometryType: (c.geometry as Geometry).type,
      geometryBasis: c.properties.geometryBasis,
      depthM: d.depthM,
      maxSignedM: d.maxSignedM,
      deepestPoint: d.deepestPoint,
      nearestBorderPoint: d.nearestBorderPoint,
      nearestBorderFeature: d.side?.part.featureId ?? null,
      nearestBorderInterpolated: d.side?.part.interpolated ?? null,
      uncertaintyM: u,
      depthRangeM: [Math.max(0, d.depthM - u), d.depthM + u] as [number, number],
      samples: d.samples,
      samplesWithUnknownSide: d.unknownSide,
      samplingErrorBoundM: d.samplingErrorBoundM,
    };
  });
  const deepest = perClaim.reduce((x, y) => (y.depthM > x.depthM ? y : x));
  const features: Feature[] = [];
  for (const c of perClaim) {
    if (!c.deepestPoint || !c.nearestBorderPoint) continue;
    const label = formatValue(fromBase(c.depthM, unit), unit);
    features.push(
      {
        type: 'Feature',
        properties: { role: 'depth-segment', claim: c.claim, lengthM: c.depthM, label },
        geometry: {
          type: 'LineString',
          coordinates: densifyGeodesic([c.deepestPoint, c.nearestBorderPoint], 100),
        },
      },
      {
        type: 'Feature',
        properties: { role: 'deepest-point', claim: c.claim, label: `deepest point of ${c.claim}` },
        geometry: { type: 'Point', coordinates: c.deepestPoint },
      },
      {
        type: 'Feature',
        properties: { role: 'nearest-border-point', claim: c.claim, label: 'nearest border point' },
        geometry: { type: 'Point', coordinates: c.nearestBorderPoint },
      },
    );
  }
  const measured = fromBase(deepest.depthM, unit);
  const caveats: string[] = [];
  if (deepest.nearestBorderInterpolated) {
    caveats.push(
      'The nearest border point lies on the interpolated stretch of the line, not on a mapped one.',
    );
  }
  const summary =
    deepest.depthM > 0
      ? `the deepest claimed point (${deepest.claim}) is ${formatValue(measured, unit)} inside ${ctx.countryName(m.country)} from the border line` +
        (deepest.uncertaintyM > 0
          ? `; with its ${formatValue(fromBase(deepest.uncertaintyM, unit), unit)} uncertainty radius, ${formatValue(
              fromBase(deepest.depthRangeM[0], unit),
              unit,
            )} to ${formatValue(fromBase(deepest.depthRangeM[1], unit), unit)}`
          : '')
      : `no part of the claimed geometry is on the ${ctx.countryName(m.country)} side of the line`;
  return {
    measured,
    uncertainty: fromBase(deepest.uncertaintyM + deepest.samplingErrorBoundM, unit),
    method,
    summary,
    details: {
      country: m.country,
      line: ctx.lineId(m.line),
      borderFeatures: usedLines,
      deepestClaim: deepest.claim,
      perClaim,
    },
    features,
    caveats,
  };
}
