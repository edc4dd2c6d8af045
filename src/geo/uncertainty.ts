/**
 * Uncertainty areas: a claim's geometry grown by its uncertainty radius, the region within which what it
 * describes may lie. Deterministic (fixed step count, coordinates rounded to 5 decimals ≈ 1 m).
 *
 * @packageDocumentation
 */
import { buffer } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Claims } from '../data/types.ts';
import { hasUncertaintyArea } from '../map/uncertainty-limit.ts';

export interface UncertaintyProperties {
  /** id of the claim */
  id: string;
  side: string;
  statementDate: string;
  uncertaintyM: number;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;
const roundRing = (ring: Position[]) => ring.map(([lon, lat]) => [round(lon), round(lat)]);

/** One area per claim that has a geometry and a positive uncertainty radius, in the claims' order. */
export function uncertaintyAreas(
  claims: Claims,
): FeatureCollection<Polygon | MultiPolygon, UncertaintyProperties> {
  const features: Feature<Polygon | MultiPolygon, UncertaintyProperties>[] = [];
  for (const claim of claims.features) {
    if (!hasUncertaintyArea(claim)) continue;
    const radiusM = claim.properties.uncertaintyM ?? 0;
    // 8 steps a quarter turn: a point's area is a 32-gon, whose edges stray at most 0.5 % of the radius inside
    // the circle (10 m at 2 km). 64 vertices drew no differently at the story's zooms and cost twice the geometry
    // in every tile: at 100,000 claims, 19 MB of the page's heap.
    const grown = buffer({ type: 'Feature', geometry: claim.geometry, properties: {} }, radiusM / 1000, {
      units: 'kilometers',
      steps: 8,
    });
    if (!grown) continue;
    const geometry = grown.geometry;
    const coordinates =
      geometry.type === 'Polygon'
        ? geometry.coordinates.map(roundRing)
        : geometry.coordinates.map((polygon) => polygon.map(roundRing));
    const { id, side, statementDate } = claim.properties;
    features.push({
      type: 'Feature',
      properties: { id, side, statementDate, uncertaintyM: radiusM },
      geometry: { type: geometry.type, coordinates } as Polygon | MultiPolygon,
    });
  }
  return { type: 'FeatureCollection', features };
}
