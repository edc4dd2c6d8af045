// Turns the story's data files into the flat features MapLibre draws. MapLibre keeps only primitive
// properties, so nested fields (names by language) are flattened here. Nothing is added that is not in the data.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaFeature, ClaimFeature, PlaceFeature } from '../data/types.ts';

/**
 * A place as the map draws it. `name` is the name in the story's first label language; `name_<code>` the name
 * in each other label language, where the data has one.
 */
export interface PlaceDisplay {
  id: string;
  kind: string;
  approximate: boolean;
  uncertaintyM: number;
  name: string;
  [nameInLanguage: `name_${string}`]: string;
  /** Other names shown under the label of contested places, so no side's name is hidden. */
  also?: string;
}

/** The property holding a place's name in a label language (the first language's is `name`). */
export const nameProperty = (language: string, primary: string): string =>
  language === primary ? 'name' : `name_${language}`;

export function placesForMap(places: PlaceFeature[]): FeatureCollection<Point, PlaceDisplay> {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => {
      const { id, kind, name, altNames, names, uncertaintyM } = place.properties;
      // The best-known other names (the first alt names, then each language's), once each, for the label.
      const others = [...new Set([...altNames.slice(0, 3), ...Object.values(names)])].filter(
        (n): n is string => Boolean(n) && n !== name,
      );
      // A region's "uncertainty" is its size (it is a label anchor), not doubt about where it is.
      const positional = kind !== 'region' && kind !== 'district' ? (uncertaintyM ?? 0) : 0;
      return {
        type: 'Feature',
        geometry: place.geometry,
        properties: {
          id,
          kind,
          approximate: positional > 0,
          uncertaintyM: positional,
          name,
          ...Object.fromEntries(Object.entries(names).map(([code, value]) => [`name_${code}`, value])),
          ...(kind === 'lake' && others.length ? { also: others.join(' · ') } : {}),
        },
      };
    }),
  };
}

export interface ClaimDisplay {
  id: string;
  side: string;
  kind: string;
  statementDate: string;
  approximate: boolean;
  uncertaintyM: number;
}

/** Claims with a place of their own; statements with no geometry are listed, not drawn. */
export function claimsForMap(claims: ClaimFeature[]): FeatureCollection<Geometry, ClaimDisplay> {
  return {
    type: 'FeatureCollection',
    features: claims.flatMap((claim): Feature<Geometry, ClaimDisplay>[] => {
      if (!claim.geometry) return [];
      const { id, side, kind, statementDate, uncertaintyM } = claim.properties;
      return [
        {
          type: 'Feature',
          geometry: claim.geometry,
          properties: {
            id,
            side,
            kind,
            statementDate,
            approximate: (uncertaintyM ?? 0) > 0,
            uncertaintyM: uncertaintyM ?? 0,
          },
        },
      ];
    }),
  };
}

/** Reference areas with what the style needs: their kind (water or zone) and whether they are schematic. */
export function areasForMap(
  areas: AreaFeature[],
): FeatureCollection<Polygon | MultiPolygon, { id: string; kind: string; schematic: boolean }> {
  return {
    type: 'FeatureCollection',
    features: areas.map((area) => ({
      type: 'Feature',
      geometry: area.geometry,
      properties: {
        id: area.properties.id,
        kind: area.properties.kind,
        schematic: area.properties.schematic,
      },
    })),
  };
}
