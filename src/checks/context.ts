/**
 * Lookups over the input data, and the border labelled with the country on each side (computed once).
 *
 * @packageDocumentation
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { BorderProperties, ClaimFeature, LakeFeature, PlaceFeature } from '../data/types.ts';
import { type BorderPart, type CountryPolygon, labelBorderParts } from '../geo/borderSides.ts';
import type { CheckInputs, ClaimFilter } from './types.ts';

export type BorderFeature = Feature<LineString | MultiLineString, BorderProperties>;

/** Indexed inputs shared by all measurements of one evaluation. */
export interface CheckContext {
  places: Map<string, PlaceFeature>;
  claims: Map<string, ClaimFeature>;
  borderFeatures: Map<string, BorderFeature>;
  lakes: Map<string, LakeFeature>;
  countries: CountryPolygon[];
  /** Readers' name of a country code ("ARM" → "Armenia"), from basemap.geojson; the code if none. */
  countryName(a3: string | null): string;
  /** Border parts of the given feature ids (all features when omitted), labelled with countries. */
  border(featureIds?: readonly string[]): BorderPart[];
  /** Claims matching a filter, in data order. */
  claimsMatching(filter: ClaimFilter): ClaimFeature[];
}

/** Builds the context; assumes the inputs passed validation. */
export function buildContext(inputs: CheckInputs): CheckContext {
  const places = new Map(inputs.places.features.map((f) => [f.properties.id, f] as const));
  const claims = new Map(inputs.claims.features.map((f) => [f.properties.id, f] as const));
  const borderFeatures = new Map(
    inputs.border.features.map((f) => [String(f.properties.id ?? f.id), f as BorderFeature] as const),
  );
  const lakes = new Map(inputs.lake.features.map((f) => [f.properties.id, f] as const));
  const countries: CountryPolygon[] = [];
  const names = new Map<string, string>();
  for (const f of inputs.basemap.features) {
    const g = f.geometry;
    const a3 = f.properties?.a3;
    const name = f.properties?.name;
    if (f.properties?.kind === 'country' && typeof a3 === 'string' && typeof name === 'string')
      names.set(a3, name);
    if (
      f.properties?.kind === 'country' &&
      typeof a3 === 'string' &&
      g &&
      (g.type === 'Polygon' || g.type === 'MultiPolygon')
    ) {
      countries.push({ label: a3, geometry: g as Polygon | MultiPolygon });
    }
  }
  let labelled: BorderPart[] | null = null;
  const allParts = (): BorderPart[] => {
    if (!labelled) {
      const raw = [...borderFeatures.entries()].flatMap(([id, f]) => {
        const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
        return lines
          .filter((l) => l.length >= 2)
          .map((l) => ({
            coordinates: l.map((p) => [p[0] as number, p[1] as number] as [number, number]),
            featureId: id,
            interpolated: f.properties.interpolated === true,
          }));
      });
      labelled = labelBorderParts(raw, countries);
    }
    return labelled;
  };
  return {
    places,
    claims,
    borderFeatures,
    lakes,
    countries,
    countryName: (a3) => (a3 === null ? 'unknown' : (names.get(a3) ?? a3)),
    border(featureIds) {
      const parts = allParts();
      return featureIds ? parts.filter((p) => featureIds.includes(p.featureId)) : parts;
    },
    claimsMatching(filter) {
      return [...claims.values()].filter(
        (c) =>
          (!filter.ids || filter.ids.includes(c.properties.id)) &&
          (!filter.side || c.properties.side === filter.side) &&
          (!filter.incident || c.properties.incident === filter.incident) &&
          (!filter.statedBy || c.properties.statementDate <= filter.statedBy),
      );
    },
  };
}
