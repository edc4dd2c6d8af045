/**
 * Measures the story's places against every Armenia–Azerbaijan border line in data/ (OpenStreetMap,
 * amCharts' two, Natural Earth): the signed distance of each place from each line, and the share of the
 * schematic Lake Sev outline on each side of each line. Prints Markdown tables; tests/node/border-lines.test.ts
 * checks the same numbers.
 *
 * Usage: npx tsx scripts/measure-border-lines.ts
 *
 * Sides: border.geojson's parts are labelled with the basemap's country polygons (labelBorderParts, as the
 * checks engine does). The other files' lines run with Armenia on their left by construction
 * (scripts/build-border-lines.ts), so their parts are labelled from that, independently of OpenStreetMap.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, LineString, MultiLineString, Polygon } from 'geojson';
import type { AreaProperties, BorderProperties, PlaceProperties } from '../src/data/types.ts';
import { dmsToDeg } from '../src/geo/angles.ts';
import {
  type BorderPart,
  type CountryPolygon,
  labelBorderParts,
  sideOfBorder,
  signedDistanceToBorderM,
  type UnlabelledBorderPart,
} from '../src/geo/borderSides.ts';
import { splitPolygonByLines } from '../src/geo/splitPolygonByLines.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** One border line: the features of one file that together make one publisher's line. */
export interface LineSpec {
  key: string;
  label: string;
  file: string;
  /** Feature ids; all of the file's features when omitted. */
  features?: string[];
  /** How the country on each side of a part is known. */
  sides: 'basemap-polygons' | 'armenia-on-left';
}

export const LINES: readonly LineSpec[] = [
  {
    key: 'osm',
    label: 'OpenStreetMap c. 2017',
    file: 'data/armenia-azerbaijan-2021/border.geojson',
    sides: 'basemap-polygons',
  },
  {
    key: 'amcharts-armenia',
    label: 'amCharts, map of Armenia',
    file: 'data/armenia-azerbaijan-2021/border-amcharts-armenia.geojson',
    sides: 'armenia-on-left',
  },
  {
    key: 'amcharts-azerbaijan',
    label: 'amCharts, map of Azerbaijan',
    file: 'data/armenia-azerbaijan-2021/border-amcharts-azerbaijan.geojson',
    sides: 'armenia-on-left',
  },
  {
    key: 'natural-earth',
    label: 'Natural Earth 1:10m',
    file: 'data/armenia-azerbaijan-2021/border-natural-earth.geojson',
    sides: 'armenia-on-left',
  },
];

/** The position the Azerbaijani MoD gave on 1 June 2021, N 40°04′30″ E 45°54′42″ (places: armudlu-direction). */
export const ARMUDLU_POINT: [number, number] = [dmsToDeg(45, 54, 42, 'E'), dmsToDeg(40, 4, 30, 'N')];

/** Places in Armenia by every account, and Kalbajar town in Azerbaijan. */
export const IN_ARMENIA = ['goris', 'verishen', 'vardenis', 'verin-shorzha', 'kut'] as const;
export const IN_AZERBAIJAN = ['kalbajar'] as const;

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;
}

type BorderCollection = FeatureCollection<LineString | MultiLineString, BorderProperties>;

/** The basemap's country polygons, as the checks engine builds them (src/checks/context.ts). */
export function basemapCountries(): CountryPolygon[] {
  const basemap = readJson<FeatureCollection<Geometry, { kind: string; a3: string }>>(
    'data/armenia-azerbaijan-2021/basemap.geojson',
  );
  return basemap.features
    .filter((f) => f.properties.kind === 'country')
    .map((f) => ({ label: f.properties.a3, geometry: f.geometry as CountryPolygon['geometry'] }));
}

/** The line's parts, each with the country on either side (see the module notes). */
export function borderParts(spec: LineSpec, countries: readonly CountryPolygon[]): BorderPart[] {
  const fc = readJson<BorderCollection>(spec.file);
  const features = fc.features.filter((f) => !spec.features || spec.features.includes(f.properties.id));
  if (spec.features && features.length !== spec.features.length)
    throw new Error(`${spec.file}: expected features ${spec.features.join(', ')}`);
  const raw: UnlabelledBorderPart[] = features.flatMap((f) =>
    (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).map((line) => ({
      coordinates: line.map((p) => [p[0], p[1]] as [number, number]),
      featureId: f.properties.id,
      interpolated: f.properties.interpolated === true,
    })),
  );
  if (spec.sides === 'basemap-polygons') return labelBorderParts(raw, countries);
  return raw.map((p) => ({ ...p, left: 'ARM', right: 'AZE' }));
}

export interface PlaceMeasure {
  id: string;
  label: string;
  position: [number, number];
  /** Per line key: metres from the line, positive on the Armenian side, negative on the Azerbaijani side. */
  signedM: Record<string, number | null>;
  /** Per line key: the feature holding the nearest point. */
  nearestFeature: Record<string, string>;
}

export interface LakeShare {
  status: 'split' | 'one-side' | 'undetermined';
  /** Share of the outline's area on each side, 0–1 (empty when undetermined). */
  share: Record<string, number>;
  /** Interpolated features the split relies on (OpenStreetMap's bridge across the lake). */
  interpolated: string[];
  reason?: string;
}

export interface Measures {
  lines: readonly LineSpec[];
  places: PlaceMeasure[];
  lake: Record<string, LakeShare>;
  lakeId: string;
}

function measurePlace(
  id: string,
  label: string,
  position: [number, number],
  parts: Map<string, BorderPart[]>,
): PlaceMeasure {
  const m: PlaceMeasure = { id, label, position, signedM: {}, nearestFeature: {} };
  for (const [key, border] of parts) {
    const r = signedDistanceToBorderM(position, border, 'ARM');
    m.signedM[key] = r.signedM;
    m.nearestFeature[key] = r.side.part.featureId;
  }
  return m;
}

/** Measures every place of interest and the lake against every line. */
export function measureBorderLines(lines: readonly LineSpec[] = LINES): Measures {
  const countries = basemapCountries();
  const parts = new Map(lines.map((spec) => [spec.key, borderParts(spec, countries)] as const));
  const places = readJson<FeatureCollection<Geometry, PlaceProperties>>(
    'data/armenia-azerbaijan-2021/places.geojson',
  );
  const placeAt = (id: string): [number, number] => {
    const f = places.features.find((x) => x.properties.id === id);
    if (f?.geometry.type !== 'Point') throw new Error(`places.geojson: no point ${id}`);
    return [f.geometry.coordinates[0], f.geometry.coordinates[1]];
  };
  const nameOf = (id: string) => places.features.find((x) => x.properties.id === id)?.properties.name ?? id;

  const measured: PlaceMeasure[] = [
    measurePlace('armudlu-point', 'Armudlu point N 40°04′30″ E 45°54′42″', ARMUDLU_POINT, parts),
    measurePlace('lake-sev', 'Lake Sev centre', placeAt('lake-sev'), parts),
    ...[...IN_ARMENIA, ...IN_AZERBAIJAN].map((id) => measurePlace(id, nameOf(id), placeAt(id), parts)),
  ];

  const lakeFc = readJson<FeatureCollection<Polygon, AreaProperties>>(
    'data/armenia-azerbaijan-2021/areas.geojson',
  );
  const lakeFeature = lakeFc.features[0];
  const lake: Record<string, LakeShare> = {};
  for (const [key, border] of parts) {
    const split = splitPolygonByLines(
      lakeFeature.geometry,
      border.map((p) => p.coordinates),
      (p) => sideOfBorder(p, border).country ?? 'unknown',
    );
    const share: Record<string, number> = {};
    for (const [side, area] of Object.entries(split.areaBySideM2)) share[side] = area / split.totalAreaM2;
    // The parts near enough to matter: those with a vertex within 3 km of the lake.
    const [lon0, lat0] = placeAt('lake-sev');
    const near = border.filter((p) =>
      p.coordinates.some(([lon, lat]) => Math.abs(lon - lon0) < 0.04 && Math.abs(lat - lat0) < 0.03),
    );
    lake[key] = {
      status: split.status,
      share,
      interpolated: [...new Set(near.filter((p) => p.interpolated).map((p) => p.featureId))],
      reason: split.reason,
    };
  }
  return { lines, places: measured, lake, lakeId: lakeFeature.properties.id };
}

// ---------------------------------------------------------------------------------------------------------

function fmtM(m: number | null): string {
  if (m === null) return 'unknown side';
  const side = m > 0 ? 'ARM' : m < 0 ? 'AZE' : 'on the line';
  const abs = Math.abs(m);
  const value = abs >= 1000 ? `${(abs / 1000).toFixed(2)} km` : `${Math.round(abs)} m`;
  return m === 0 ? side : `${value} ${side}`;
}

/** Markdown tables of the measures. */
export function report(measures: Measures): string {
  const head = `| place | ${measures.lines.map((l) => l.label).join(' | ')} | spread |`;
  const rule = `| --- | ${measures.lines.map(() => '---').join(' | ')} | --- |`;
  const rows = measures.places.map((p) => {
    const values = measures.lines.map((l) => p.signedM[l.key] ?? null);
    const known = values.filter((v): v is number => v !== null);
    const spread = known.length ? Math.max(...known) - Math.min(...known) : 0;
    return `| ${p.label} (${p.position[1].toFixed(4)} N ${p.position[0].toFixed(4)} E) | ${values.map(fmtM).join(' | ')} | ${Math.round(spread)} m |`;
  });
  const pct = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(1)}%`;
  const lakeRows = measures.lines.map((l) => {
    const s = measures.lake[l.key];
    const note =
      s.status === 'undetermined'
        ? (s.reason ?? 'undetermined')
        : s.status === 'one-side'
          ? 'the line does not cross the outline'
          : 'the line crosses the outline';
    const interp = s.interpolated.length
      ? `; across the lake the line is interpolated (${s.interpolated.join(', ')})`
      : '';
    return `| ${l.label} | ${pct(s.share.ARM)} | ${pct(s.share.AZE)} | ${note}${interp} |`;
  });
  return [
    'Signed distance from each line (nearest point, WGS84 ellipsoid): "ARM" = on the Armenian side, "AZE" = on the',
    'Azerbaijani side. Spread = largest minus smallest signed value across the lines.',
    '',
    head,
    rule,
    ...rows,
    '',
    `Share of the schematic lake outline (\`${measures.lakeId}\`, data/lake-sev.geojson) on each side of each line:`,
    '',
    '| line | Armenian side | Azerbaijani side | note |',
    '| --- | --- | --- | --- |',
    ...lakeRows,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(report(measureBorderLines()));
}
