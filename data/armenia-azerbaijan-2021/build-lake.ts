// Builds areas.geojson of this story: a schematic outline of Lake Sev (Sev Lich / Black Lake / Qaragöl).
// No surveyed outline is public, so the shape is drawn from sourced numbers only:
//   centre   39.5981 N, 46.2311 E (wikimapia 10214865)
//   area     2 km² (en.wiki via geographypin; wikimapia; other sources 1.76–1.8 km²)
//   aspect   1.6 km × 1.2 km (en.wiki; wikimapia), i.e. 4:3
//   axis     long axis east–west, as in the only geometry found (the crude OSM hole in @geo-maps)
// An ellipse of exactly 1.6 × 1.2 km covers only 1.51 km² (even a 1.6 × 1.2 km rectangle is 1.92 km²),
// so length, width and area cannot all hold at once. We keep the area and the 4:3 aspect and let the axes
// follow (≈1.84 × 1.38 km, between the 1.6 × 1.2 km and the 1,950 × 1,250 m of anl.az).
//
// Run: npx tsx data/armenia-azerbaijan-2021/build-lake.ts   (deterministic: same output every run)
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { AreaProperties } from '../../src/data/types.ts';

/** wikimapia.org/10214865: 39°35'53"N 46°13'52"E, as decimal degrees. */
export const LAKE_CENTRE = { lon: 46.2311, lat: 39.5981 } as const;
export const TARGET_AREA_M2 = 2_000_000;
/** east–west axis : north–south axis, from 1.6 km × 1.2 km. */
export const ASPECT = 1.6 / 1.2;
/** Vertex spacing in compass degrees; 2.5° puts vertices exactly on the 16 compass points' sector edges. */
export const STEP_DEG = 2.5;

// WGS84 radii of curvature at the lake's latitude: the local east/north plane then matches the ellipsoid
// to well under a metre over 2 km, so the area below is the ellipsoidal area, not a spherical one.
const WGS84_A = 6378137;
const WGS84_E2 = 0.00669437999014;
const PHI = (LAKE_CENTRE.lat * Math.PI) / 180;
const W = Math.sqrt(1 - WGS84_E2 * Math.sin(PHI) ** 2);
const RADIUS_NORTH = (WGS84_A * (1 - WGS84_E2)) / W ** 3; // meridional radius M
const RADIUS_EAST = (WGS84_A / W) * Math.cos(PHI); // N·cos φ: metres per radian of longitude

/** Rounds to 1e-6° (≈0.1 m): enough for a schematic shape, and stable across platforms. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function toLonLat(eastM: number, northM: number): Position {
  return [
    round6(LAKE_CENTRE.lon + (eastM / RADIUS_EAST) * (180 / Math.PI)),
    round6(LAKE_CENTRE.lat + (northM / RADIUS_NORTH) * (180 / Math.PI)),
  ];
}

function toLocal([lon, lat]: Position): [number, number] {
  return [
    ((lon - LAKE_CENTRE.lon) * Math.PI * RADIUS_EAST) / 180,
    ((lat - LAKE_CENTRE.lat) * Math.PI * RADIUS_NORTH) / 180,
  ];
}

/** Where the ray from the centre at a compass bearing meets the ellipse with semi-axes (east, north). */
function ellipsePoint(bearingDeg: number, semiEastM: number, semiNorthM: number): Position {
  const t = (bearingDeg * Math.PI) / 180;
  const dx = Math.sin(t);
  const dy = Math.cos(t);
  const r = 1 / Math.sqrt((dx / semiEastM) ** 2 + (dy / semiNorthM) ** 2);
  return toLonLat(r * dx, r * dy);
}

/** Shoelace area of a closed ring, in m², measured in the local plane. */
export function ringAreaM2(ring: Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = toLocal(ring[i] as Position);
    const [x2, y2] = toLocal(ring[i + 1] as Position);
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** Counter-clockwise (RFC 7946 exterior) ring: bearings 0°, 357.5°, …, 2.5°, then closed. */
function ringFor(semiEastM: number, semiNorthM: number): Position[] {
  const n = Math.round(360 / STEP_DEG);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push(ellipsePoint((360 - i * STEP_DEG) % 360, semiEastM, semiNorthM));
  ring.push(ring[0] as Position);
  return ring;
}

/** Semi-axes (m) scaled until the drawn ring's area is the target: a few fixed-point steps converge. */
export function lakeAxes(): { semiEastM: number; semiNorthM: number } {
  let semiNorthM = Math.sqrt(TARGET_AREA_M2 / (Math.PI * ASPECT));
  for (let i = 0; i < 5; i++) {
    const area = ringAreaM2(ringFor(semiNorthM * ASPECT, semiNorthM));
    semiNorthM *= Math.sqrt(TARGET_AREA_M2 / area);
  }
  return { semiEastM: semiNorthM * ASPECT, semiNorthM };
}

export function lakeRing(): Position[] {
  const { semiEastM, semiNorthM } = lakeAxes();
  return ringFor(semiEastM, semiNorthM);
}

export function lakeFeature(): Feature<Polygon, AreaProperties> {
  const ring = lakeRing();
  const { semiEastM, semiNorthM } = lakeAxes();
  const lengthKm = ((2 * semiEastM) / 1000).toFixed(2);
  const widthKm = ((2 * semiNorthM) / 1000).toFixed(2);
  const areaKm2 = (ringAreaM2(ring) / 1e6).toFixed(3);
  return {
    type: 'Feature',
    id: 'lake-sev-outline',
    properties: {
      id: 'lake-sev-outline',
      name: 'Lake Sev',
      altNames: ['Sev Lich', 'Black Lake', 'Qaragöl', 'Sevlich', 'Kara gol', 'Sev Lidj', 'Garagol'],
      names: { hy: 'Սև լիճ', az: 'Qaragöl' },
      kind: 'lake',
      schematic: true,
      basis:
        `Schematic, not surveyed: an ellipse of ${areaKm2} km² (${lengthKm} km east–west × ${widthKm} km north–south, ` +
        `${ring.length - 1} vertices) centred on 39.5981 N, 46.2311 E. Sources give the area as 1.76–2 km² and the size ` +
        'as 1.6 × 1.2 km or 1,950 × 1,250 m; a 1.6 × 1.2 km ellipse would cover only 1.51 km², so we kept the ' +
        '2 km² area and the 4:3 aspect and let length and width follow. No source states the orientation; the long ' +
        'axis runs east–west because the only geometry found (the crude lake hole in OpenStreetMap data of about ' +
        '2017, ≈2.9 × 1.4 km) is elongated east–west. Built by data/armenia-azerbaijan-2021/build-lake.ts.',
      areaKm2Reported: 2,
      uncertaintyM: 150,
      sources: [
        { source: 'wikimapia-10214865', note: 'centre 39°35\'53"N 46°13\'52"E; area ≈2 km²; 1.6 × 1.2 km' },
        { source: 'azwiki-qaragol-lachin', note: "centre 39°35′52″N 46°13′53″E (≈30 m from wikimapia's)" },
        { source: 'geographypin-lake-sev', note: 'area ≈2 km²; 1.6 × 1.2 km; max depth 7.5 m' },
        { source: 'mykarabakh-lake', note: 'area 1.8 km²' },
        { source: 'teref-az-12484', note: '176 ha of water in a 240 ha reserve' },
        { source: 'anl-az-748081', note: '1,950 m × 1,250 m' },
        {
          source: 'osm-geo-maps',
          note: 'the lake appears only as a hole between ARM and AZE, elongated east–west',
        },
        { source: 'orbeli-867', note: 'notes: sheet J-38-21; the map Azerbaijan relies on' },
        { source: 'orbeli-865', note: "notes: the Azerbaijani side's map puts the whole lake in Azerbaijan" },
        {
          source: 'vstrokax-j-38-21',
          note: 'notes: J-38-21 given to Armenpress; ≈10% of the lake in the AzSSR',
        },
        { source: 'caucasianknot-55546', note: 'notes: Gunya, 80% in Armenia on 1:100,000 maps' },
        { source: 'seed-000', note: 'notes: Yolyan, "30-percent of the lake"' },
      ],
      notes:
        'Where the Armenia–Azerbaijan line crosses the lake is disputed and is NOT drawn here, because no source ' +
        'gives coordinates for it. Descriptions found: (1) the Soviet General Staff 1:100,000 sheet J-38-21 "Goris" ' +
        'puts the line through the lake, with the east, west and south shores in the Armenian SSR and only part of ' +
        'the north shore, about 10% of the water surface, in the Azerbaijani SSR (the sheet as given by the ' +
        'Armenian General Staff to Armenpress; Orbeli Center); (2) A. Gunya (RAS Institute of Geography): 80% of the lake in Armenia on 1:100,000 maps, ' +
        'the whole lake in Azerbaijan on the 1:1,000,000 map (Caucasian Knot, 15 May 2021); (3) Goris deputy mayor ' +
        'Irina Yolyan: "Azerbaijan claims control over 30-percent of the lake" (The Armenian Weekly, 12 May 2021); ' +
        '(4) Orbeli Center: the map Azerbaijan relies on shows the whole lake, and the hills east of it, as Azerbaijani. ' +
        'A share of the water surface does not fix where a line runs, so none of these can be drawn honestly. ' +
        'The neighbouring smaller lake (Jili / Janlich / Sagi) has no sourced position and is not drawn. ' +
        'uncertaintyM 150 is how far the true shore may lie from the drawn ellipse: the sourced sizes (1.6 × 1.2 km; ' +
        "1,950 × 1,250 m) put the ends of the long axis 55–120 m from the ellipse's (1.84 km) and its sides 65–90 m " +
        "inside the ellipse's (1.38 km), and the two sourced centres lie 30 m apart; 120 + 30 = 150 m. The checks " +
        'measure the lake over it.',
    },
    geometry: { type: 'Polygon', coordinates: [ring] },
  };
}

/**
 * Pretty JSON for the committed data files, so a person can read and diff them: objects one member per line,
 * `coordinates` and short lists of plain values on one line.
 */
export function formatGeoJson(value: unknown): string {
  return `${formatValue(value, '', false)}\n`;
}

const INLINE_LIMIT = 100;

function isPlain(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function formatValue(value: unknown, indent: string, inline: boolean): string {
  if (isPlain(value)) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    const flat = JSON.stringify(value).replaceAll('],[', '], [').replaceAll('","', '", "');
    if (inline || value.length === 0 || (value.every(isPlain) && flat.length <= INLINE_LIMIT)) return flat;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + formatValue(v, inner, false)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => isPlain(v))) {
    const flat = `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
    if (flat.length <= INLINE_LIMIT + 40) return flat;
  }
  const inner = `${indent}  `;
  const lines = entries.map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, inner, k === 'coordinates')}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

export function lakeCollection(): FeatureCollection<Polygon, AreaProperties> {
  return { type: 'FeatureCollection', features: [lakeFeature()] };
}

function main(): void {
  const out = resolve(dirname(fileURLToPath(import.meta.url)), 'areas.geojson');
  writeFileSync(out, formatGeoJson(lakeCollection()));
  const { semiEastM, semiNorthM } = lakeAxes();
  console.log(
    `wrote ${out}: ${(ringAreaM2(lakeRing()) / 1e6).toFixed(4)} km², ` +
      `${((2 * semiEastM) / 1000).toFixed(3)} × ${((2 * semiNorthM) / 1000).toFixed(3)} km`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
