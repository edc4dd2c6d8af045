// The points where the story's countries are named along the border, as the build hands them to the map (computed
// by geo/countryNameAnchors.ts at build time). Kept apart from that module so the map's code carries no geometry.
import type { FeatureCollection, Point } from 'geojson';

/**
 * Which side of its text a name is attached at (MapLibre's `text-anchor`): "right" extends the name westwards;
 * "center" is a name centred on its point (the manifest's points for wide views).
 */
export type NameAnchor = 'left' | 'right' | 'top' | 'bottom' | 'center';
export const NAME_ANCHORS: readonly NameAnchor[] = ['left', 'right', 'top', 'bottom', 'center'];

/**
 * [lon, lat, first zoom, index of the country in the manifest, index of the anchor in NAME_ANCHORS, zoom from which
 * it no longer shows].
 */
export type PackedNameAnchor = [number, number, number, number, number, number];

/** The anchors as GeoJSON points for the map (`code`, `anchor`, `minzoom`). */
export function unpackNameAnchors(
  packed: readonly PackedNameAnchor[],
  countries: readonly string[],
): FeatureCollection<Point, { code: string; anchor: NameAnchor; minzoom: number; maxzoom: number }> {
  return {
    type: 'FeatureCollection',
    features: packed.map(([lon, lat, minzoom, country, anchor, maxzoom]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        code: countries[country] ?? '',
        anchor: NAME_ANCHORS[anchor] ?? 'left',
        minzoom,
        maxzoom,
      },
    })),
  };
}
