/**
 * Lookups over the input data, and each border line labelled with the country on each side (as the line states
 * them, else probed from the basemap; computed once, when first needed).
 *
 * @packageDocumentation
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { AreaFeature, BorderProperties, ClaimFeature, PlaceFeature } from '../data/types.ts';
import { type BorderPart, type CountryPolygon, labelBorderParts } from '../geo/borderSides.ts';
import type { CheckInputs, ClaimFilter } from './types.ts';

export type BorderFeature = Feature<LineString | MultiLineString, BorderProperties>;

/** One border line of the story: its features by id. */
export interface ContextLine {
  id: string;
  label: string;
  features: Map<string, BorderFeature>;
}

/** Indexed inputs shared by all measurements of one evaluation. */
export interface CheckContext {
  places: Map<string, PlaceFeature>;
  claims: Map<string, ClaimFeature>;
  /** The story's border lines by id, in the story's order. */
  lines: Map<string, ContextLine>;
  /** Reference areas by id. */
  areas: Map<string, AreaFeature>;
  countries: CountryPolygon[];
  /** Readers' name of a country code ("ABC" → its basemap name); the code if none. */
  countryName(a3: string | null): string;
  /** The id of the line a measurement uses: `lineId` when given, else the story's first line. */
  lineId(lineId?: string): string;
  /** The lines a measurement uses: the one named, else every line of the story, in its order. */
  linesFor(lineId?: string): ContextLine[];
  /** The parts of a border line (default: the first), labelled with the country on each side. */
  border(lineId?: string): BorderPart[];
  /** Claims matching a filter, in data order. */
  claimsMatching(filter: ClaimFilter): ClaimFeature[];
}

/** The sides a border feature states (`leftCountry`, `rightCountry`), when it states both. */
function statedSides(f: BorderFeature): { sides: { left: string; right: string } } | Record<string, never> {
  const { leftCountry: left, rightCountry: right } = f.properties;
  return typeof left === 'string' && typeof right === 'string' ? { sides: { left, right } } : {};
}

/** Builds the context from inputs that passed validation (see validateInputs). */
export function buildContext(inputs: CheckInputs): CheckContext {
  const places = new Map(inputs.places.features.map((f) => [f.properties.id, f] as const));
  const claims = new Map(inputs.claims.features.map((f) => [f.properties.id, f] as const));
  const lines = new Map(
    inputs.borderLines.map((line) => [
      line.id,
      {
        id: line.id,
        label: line.label,
        features: new Map(
          line.features.features.map((f) => [String(f.properties.id ?? f.id), f as BorderFeature] as const),
        ),
      },
    ]),
  );
  const areas = new Map(inputs.areas.features.map((f) => [f.properties.id, f] as const));
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
  const firstLine = inputs.borderLines[0]?.id ?? '';
  const labelled = new Map<string, BorderPart[]>();
  const partsOf = (lineId: string): BorderPart[] => {
    let parts = labelled.get(lineId);
    if (!parts) {
      const line = lines.get(lineId);
      const raw = [...(line?.features.entries() ?? [])].flatMap(([id, f]) => {
        const coordinates =
          f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
        return coordinates
          .filter((l) => l.length >= 2)
          .map((l) => ({
            coordinates: l.map((p) => [p[0] as number, p[1] as number] as [number, number]),
            featureId: id,
            interpolated: f.properties.interpolated === true,
            ...statedSides(f),
          }));
      });
      parts = labelBorderParts(raw, countries);
      labelled.set(lineId, parts);
    }
    return parts;
  };
  return {
    places,
    claims,
    lines,
    areas,
    countries,
    countryName: (a3) => (a3 === null ? 'unknown' : (names.get(a3) ?? a3)),
    lineId: (lineId) => lineId ?? firstLine,
    linesFor: (lineId) =>
      lineId === undefined ? [...lines.values()] : [lines.get(lineId)].filter((l) => l !== undefined),
    border: (lineId) => partsOf(lineId ?? firstLine),
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
