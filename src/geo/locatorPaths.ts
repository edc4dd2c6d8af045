/**
 * The locator inset's drawing, made once per story at build time from its basemap: each country as an SVG path in
 * a small equirectangular frame (longitudes scaled by the cosine of the middle latitude), simplified to what a
 * drawing a hundred pixels wide can show. The map marks its own view on it (map/locator.ts).
 *
 * @packageDocumentation
 */
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Bounds } from '../story/manifest.ts';

export interface LocatorDrawing {
  /** The region drawn, [west, south, east, north]. */
  bounds: Bounds;
  width: number;
  height: number;
  /** Each country: its basemap code, whether it is one of the story's, and its outline as an SVG path. */
  countries: { code: string; story: boolean; d: string }[];
}

/** Where a [lon, lat] falls in the drawing, in its own units (x right, y down). */
export function locatorProject(bounds: Bounds, width: number): (p: Position) => [number, number] {
  const [west, south, east, north] = bounds;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = width / ((east - west) * k);
  return (p) => [((p[0] as number) - west) * k * scale, (north - (p[1] as number)) * scale];
}

export function locatorDrawing(
  basemap: FeatureCollection,
  storyCountries: readonly string[],
  bounds: Bounds,
  width = 120,
): LocatorDrawing {
  const [west, south, east] = bounds;
  const project = locatorProject(bounds, width);
  const height = Math.round(project([west, south])[1]);
  const tolerance = (east - west) / (width * 2);
  const countries = basemap.features.flatMap((f) => {
    const code = f.properties?.a3;
    const g = f.geometry;
    if (f.properties?.kind !== 'country' || typeof code !== 'string') return [];
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') return [];
    const simple = simplify(f as Feature<Polygon | MultiPolygon>, { tolerance, highQuality: false });
    const polygons =
      simple.geometry.type === 'Polygon' ? [simple.geometry.coordinates] : simple.geometry.coordinates;
    const d = polygons
      .flat()
      .filter((ring) => ring.length >= 4)
      .map(
        (ring) =>
          `M${ring
            .map((p) =>
              project(p)
                .map((v) => Math.round(v * 10) / 10)
                .join(' '),
            )
            .join('L')}Z`,
      )
      .join('');
    return d ? [{ code, story: storyCountries.includes(code), d }] : [];
  });
  return { bounds, width, height, countries };
}
