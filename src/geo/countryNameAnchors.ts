/**
 * Where to write each story country's name along the border, on its own side, at every zoom: points on the
 * border line, each with the direction in which the name extends away from the line into its country.
 *
 * The border line is labelled with the country on each side (borderSides.ts). Along it, at a spacing per zoom
 * band (the wider the view, the sparser), a candidate is kept for each side when a box the size of that country's
 * longest name, drawn from the line into the country at the band's first zoom, lies inside the country (nine
 * points of the box tested): at higher zooms the box covers less ground towards the same point, so it stays
 * inside. MapLibre drops the candidates that collide with other labels and keeps the rest.
 *
 * Pure and computed once per story at build time (scripts/lib/vite-story-plugin.ts): the browser computes nothing.
 *
 * @packageDocumentation
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { NAME_ANCHORS, type NameAnchor, type PackedNameAnchor } from '../map/country-names.ts';
import { type CountryPolygon, labelBorderParts, type UnlabelledBorderPart } from './borderSides.ts';

export interface NameBand {
  /** First zoom at which the band's names show. */
  minzoom: number;
  /** Metres between candidates along the border. */
  spacingM: number;
}

/**
 * Coarse to fine: more names as the view narrows. Whole zooms, because MapLibre evaluates a zoom in a filter at the
 * tile's whole zoom. Wider views name the countries at the story's own label points (story.json `labelPoints`):
 * at those scales the land beside the border is rarely wide enough for a name.
 */
export const DEFAULT_BANDS: readonly NameBand[] = [
  { minzoom: 9, spacingM: 8_000 },
  { minzoom: 10, spacingM: 4_000 },
  { minzoom: 11, spacingM: 2_000 },
  { minzoom: 12, spacingM: 1_000 },
];

export interface NameAnchorPoint {
  lon: number;
  lat: number;
  /** Basemap code of the country named. */
  code: string;
  anchor: NameAnchor;
  minzoom: number;
  /** The zoom from which it no longer shows (none: every zoom above minzoom). */
  maxzoom?: number;
}

export interface NameLayout {
  /** Characters of each country's longest name (any label language). */
  nameLength: Record<string, number>;
  /** Pixels per character of an upper-case name (font size × advance, letter spacing included). */
  pxPerChar?: number;
  /** Height of the text box in pixels. */
  heightPx?: number;
  /** Gap between the border line and the name, in pixels. */
  gapPx?: number;
}

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_SIZE = 512;
const METRES_PER_DEGREE = 111_320;

/** The country polygons of a basemap (kind "country", coded by `a3`). */
export function countryPolygons(basemap: FeatureCollection): CountryPolygon[] {
  return basemap.features.flatMap((f) => {
    const a3 = f.properties?.a3;
    const g = f.geometry;
    if (f.properties?.kind !== 'country' || typeof a3 !== 'string' || !g) return [];
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [];
    return [{ label: a3, geometry: g }];
  });
}

/** The direction, among the four text anchors, a name takes to extend along `[dx, dy]` (east, north). */
function anchorFor(dx: number, dy: number): NameAnchor {
  if (Math.abs(dx) >= Math.abs(dy)) return dx < 0 ? 'right' : 'left';
  return dy > 0 ? 'bottom' : 'top';
}

/**
 * Points along `border` where each of `countries` is named on its own side (see the module notes), coarse bands
 * first, in the order of the line.
 */
export function countryNameAnchors(
  border: FeatureCollection<LineString | MultiLineString>,
  basemap: FeatureCollection,
  countries: readonly string[],
  { nameLength, pxPerChar = 11, heightPx = 16, gapPx = 7 }: NameLayout,
  bands: readonly NameBand[] = DEFAULT_BANDS,
): NameAnchorPoint[] {
  const parts: UnlabelledBorderPart[] = border.features.flatMap((f, i) => {
    const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return lines
      .filter((line) => line.length >= 2)
      .map((line) => ({
        coordinates: line.map((p) => [p[0] as number, p[1] as number] as [number, number]),
        featureId: String(f.id ?? i),
        interpolated: f.properties?.interpolated === true,
      }));
  });
  const story = new Set(countries);
  const polygons = countryPolygons(basemap).filter((c) => story.has(c.label));
  const inside = (code: string, p: [number, number]) =>
    polygons.some((c) => c.label === code && booleanPointInPolygon(p, c.geometry));
  const labelled = labelBorderParts(parts, polygons).filter(
    (p) => p.left && p.right && p.left !== p.right && !p.interpolated,
  );
  const out: NameAnchorPoint[] = [];
  for (const band of bands) {
    for (const part of labelled) {
      const line = part.coordinates;
      const k = Math.cos(((line[0]?.[1] ?? 0) * Math.PI) / 180);
      const metresPerPx = (EARTH_CIRCUMFERENCE_M * k) / TILE_SIZE / 2 ** band.minzoom;
      // In a local plane: x east, y north, in metres.
      const toXY = ([lon, lat]: [number, number]): [number, number] => [
        lon * k * METRES_PER_DEGREE,
        lat * METRES_PER_DEGREE,
      ];
      const toLonLat = ([x, y]: [number, number]): [number, number] => [
        x / (k * METRES_PER_DEGREE),
        y / METRES_PER_DEGREE,
      ];
      let carried = band.spacingM / 2;
      for (let i = 0; i + 1 < line.length; i++) {
        const a = toXY(line[i] as [number, number]);
        const b = toXY(line[i + 1] as [number, number]);
        const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (length === 0) continue;
        const ux = (b[0] - a[0]) / length;
        const uy = (b[1] - a[1]) / length;
        let t = carried;
        for (; t < length; t += band.spacingM) {
          const at: [number, number] = [a[0] + ux * t, a[1] + uy * t];
          for (const [code, nx, ny] of [
            [part.left as string, -uy, ux],
            [part.right as string, uy, -ux],
          ] as const) {
            const anchor = anchorFor(nx, ny);
            const box = textBox(
              at,
              anchor,
              (nameLength[code] ?? 10) * pxPerChar,
              heightPx,
              gapPx,
              metresPerPx,
            );
            if (box.every((p) => inside(code, toLonLat(p)))) {
              const [lon, lat] = toLonLat(at);
              out.push({ lon, lat, code, anchor, minzoom: band.minzoom });
            }
          }
        }
        carried = t - length;
      }
    }
  }
  return out;
}

/** Nine points of the box a name takes when attached at `at` by `anchor` (a gap away), in plane metres. */
function textBox(
  at: [number, number],
  anchor: NameAnchor,
  widthPx: number,
  heightPx: number,
  gapPx: number,
  metresPerPx: number,
): [number, number][] {
  const w = widthPx * metresPerPx;
  const h = heightPx * metresPerPx;
  const g = gapPx * metresPerPx;
  const [x, y] = at;
  // [west, south, east, north] of the box.
  const box: Record<NameAnchor, [number, number, number, number]> = {
    right: [x - g - w, y - h / 2, x - g, y + h / 2],
    left: [x + g, y - h / 2, x + g + w, y + h / 2],
    bottom: [x - w / 2, y + g, x + w / 2, y + g + h],
    top: [x - w / 2, y - g - h, x + w / 2, y - g],
    center: [x - w / 2, y - h / 2, x + w / 2, y + h / 2],
  };
  const [W, S, E, N] = box[anchor];
  const points: [number, number][] = [];
  for (const px of [W, (W + E) / 2, E]) for (const py of [S, (S + N) / 2, N]) points.push([px, py]);
  return points;
}

/** The anchors in the compact form the build hands to the map (map/country-names.ts unpacks them). */
export function packNameAnchors(
  points: readonly NameAnchorPoint[],
  countries: readonly string[],
): PackedNameAnchor[] {
  return points.map((p) => [
    Math.round(p.lon * 1e5) / 1e5,
    Math.round(p.lat * 1e5) / 1e5,
    p.minzoom,
    countries.indexOf(p.code),
    NAME_ANCHORS.indexOf(p.anchor),
    p.maxzoom ?? 24,
  ]);
}
