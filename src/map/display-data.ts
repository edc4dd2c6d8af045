// Turns the story's data files into the flat features MapLibre draws. MapLibre keeps only primitive
// properties, so nested fields (names by language) are flattened here. Nothing is added that is not in the data.
import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import type { ClaimFeature, LakeFeature, PlaceFeature } from '../data/types.ts';

export interface PlaceDisplay {
  id: string;
  kind: string;
  approximate: boolean;
  uncertaintyM: number;
  name_en: string;
  name_hy?: string;
  name_az?: string;
  name_ru?: string;
  /** Other names shown under the label of contested places, so no side's name is hidden. */
  also?: string;
}

export function placesForMap(places: PlaceFeature[]): FeatureCollection<Point, PlaceDisplay> {
  return {
    type: 'FeatureCollection',
    features: places.map((place) => {
      const { id, kind, name, altNames, names, uncertaintyM } = place.properties;
      // The best-known other names (the first alt names, then each language's), once each, for the label.
      const others = [...new Set([...altNames.slice(0, 3), names.hy, names.az, names.ru])].filter(
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
          name_en: name,
          ...(names.hy ? { name_hy: names.hy } : {}),
          ...(names.az ? { name_az: names.az } : {}),
          ...(names.ru ? { name_ru: names.ru } : {}),
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

export function lakeForMap(
  lake: LakeFeature,
): FeatureCollection<Polygon, { id: string; schematic: boolean }> {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: lake.geometry,
        properties: { id: lake.properties.id, schematic: lake.properties.schematic },
      },
    ],
  };
}
