// Story test: checks the story's basemap and border (basemap.geojson, border.geojson), built by
// scripts/build-basemap.ts. Needs only the committed files, not the 43 MB source package.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiPolygon,
  Point,
  Position,
} from 'geojson';
import gjv from 'geojson-validation';
import { describe, expect, it } from 'vitest';
import { story } from './stories.ts';

/** The map extent the build script clips to (its BBOX). */
const BBOX = [43.0, 38.3, 48.6, 41.9] as const;
/** Budget for both files together, gzip -9. */
const GZ_BUDGET_BYTES = 300_000;
/** The build drops holes under 3 km² (source areas); simplification moves areas a little. */
const MIN_HOLE_KM2 = 2.5;
/** 4π·area/perimeter²: 1 for a circle, ~0.6 for a square; a thin band is near 0. */
const MIN_COMPACTNESS = 0.15;
/** Rings larger than this (whole countries) have long, crinkly outlines and a low ratio by nature. */
const COMPACTNESS_EXEMPT_KM2 = 1000;

const read = (path: string): string => readFileSync(path, 'utf8');
const basemapText = read(story.paths.basemap);
const borderText = read(story.paths['border:osm']);

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
interface BorderProps {
  id: string;
  name: string;
  basis: string;
  sources: { source: string; note?: string }[];
  interpolated?: boolean;
}

const basemap = JSON.parse(basemapText) as FeatureCollection<Geometry, CountryProps | LabelProps>;
const border = JSON.parse(borderText) as FeatureCollection<Geometry, BorderProps>;

const countries = basemap.features.filter(
  (f): f is Feature<MultiPolygon, CountryProps> => f.properties.kind === 'country',
);
const labels = basemap.features.filter(
  (f): f is Feature<Point, LabelProps> => f.properties.kind === 'country-label',
);

function country(a3: string): Feature<MultiPolygon, CountryProps> {
  const found = countries.find((c) => c.properties.a3 === a3);
  if (!found) throw new Error(`no ${a3} in the basemap`);
  return found;
}

function borderFeature(id: string): Feature<Geometry, BorderProps> {
  const found = border.features.find((f) => f.properties.id === id);
  if (!found) throw new Error(`no ${id} in the border`);
  return found;
}

/** The lines of a LineString or MultiLineString. */
function linesOf(geometry: Geometry): Position[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  throw new Error(`not a line: ${geometry.type}`);
}

/** Every position of any geometry. */
function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

/** Undirected edges of all rings of a country. */
function edgesOf(c: Feature<MultiPolygon>): Set<string> {
  const edges = new Set<string>();
  for (const ring of c.geometry.coordinates.flat())
    for (let k = 1; k < ring.length; k++) {
      edges.add(`${key(ring[k - 1])}|${key(ring[k])}`);
      edges.add(`${key(ring[k])}|${key(ring[k - 1])}`);
    }
  return edges;
}

function verticesOf(c: Feature<MultiPolygon>): Set<string> {
  return new Set(c.geometry.coordinates.flat(2).map(key));
}

function ringAreaKm2(ring: Position[]): number {
  return turf.area(turf.polygon([ring])) / 1e6;
}

function compactness(ring: Position[]): number {
  const perimeter = turf.length(turf.lineString(ring), { units: 'kilometers' });
  return (4 * Math.PI * ringAreaKm2(ring)) / perimeter ** 2;
}

/** Story places, as [lat, lon] the way gazetteers write them. */
const PLACES: Record<string, [number, number]> = {
  Goris: [39.5111, 46.3417],
  Verishen: [39.5354, 46.3206],
  Sisian: [39.5167, 46.0167],
  Tegh: [39.5583, 46.4805],
  Vardenis: [40.1833, 45.7305],
  Sotk: [40.2031, 45.8647],
  'Verin Shorzha': [40.0872, 45.8325],
  Kut: [40.1808, 45.9017],
  Kalbajar: [40.1067, 46.0383],
  'Lake Sevan centre': [40.317, 45.35],
  'lake Sev centre': [39.5981, 46.2311],
};
/** GeoJSON wants [lon, lat]. */
const at = (name: string): Position => {
  const [lat, lon] = PLACES[name];
  return [lon, lat];
};
const inCountry = (name: string, a3: string): boolean => turf.booleanPointInPolygon(at(name), country(a3));

describe('basemap.geojson and border.geojson: GeoJSON', () => {
  it('parse and pass geojson-validation', () => {
    expect(gjv.valid(basemap, true)).toEqual([]);
    expect(gjv.valid(border, true)).toEqual([]);
  });

  it('have finite coordinates inside the map extent, with at most 5 decimals', () => {
    const bad: string[] = [];
    for (const f of [...basemap.features, ...border.features])
      for (const p of positionsOf(f.geometry)) {
        const [lon, lat] = p;
        const finite = p.length === 2 && p.every((v) => Number.isFinite(v));
        const rounded = p.every((v) => Math.abs(v * 1e5 - Math.round(v * 1e5)) < 1e-6);
        const inside = lon >= BBOX[0] && lat >= BBOX[1] && lon <= BBOX[2] && lat <= BBOX[3];
        if (!finite || !rounded || !inside) bad.push(`${f.properties.name}: ${p}`);
      }
    expect(bad).toEqual([]);
  });

  it('have closed rings of at least 4 positions and lines of at least 2', () => {
    for (const c of countries)
      for (const ring of c.geometry.coordinates.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[ring.length - 1]).toEqual(ring[0]);
      }
    for (const f of border.features)
      for (const line of linesOf(f.geometry)) expect(line.length).toBeGreaterThan(1);
  });

  it('stay under the size budget (gzip -9, both files together)', () => {
    const gz = [basemapText, borderText].map((t) => gzipSync(t, { level: 9 }).length);
    expect(gz[0] + gz[1]).toBeLessThan(GZ_BUDGET_BYTES);
  });
});

describe('basemap.geojson: countries and labels', () => {
  it('has the six countries, once each, in a fixed order, with only kind, a3 and name', () => {
    expect(countries.map((c) => c.properties.a3)).toEqual(['ARM', 'AZE', 'GEO', 'IRN', 'RUS', 'TUR']);
    for (const c of countries) {
      expect(c.geometry.type).toBe('MultiPolygon');
      expect(Object.keys(c.properties).sort()).toEqual(['a3', 'kind', 'name']);
    }
    expect(country('ARM').properties.name).toBe('Armenia');
    expect(country('AZE').properties.name).toBe('Azerbaijan');
  });

  it('labels every country inside its own polygon, Nakhchivan separately', () => {
    const byName = new Map(labels.map((l) => [l.properties.name, l]));
    expect(labels).toHaveLength(7);
    for (const l of labels) {
      expect(Object.keys(l.properties).sort()).toEqual(['a3', 'kind', 'name', 'nameNative']);
      expect(turf.booleanPointInPolygon(l, country(l.properties.a3))).toBe(true);
    }
    expect(byName.get('Armenia')?.properties.nameNative).toBe('Հայաստան');
    expect(byName.get('Azerbaijan')?.properties.nameNative).toBe('Azərbaycan');
    expect(byName.get('Russia')?.properties.nameNative).toBe('Россия');
    expect(byName.get('Türkiye')?.properties.nameNative).toBe('Türkiye');
    expect(byName.get('Georgia')?.properties.nameNative).toBeNull();
    expect(byName.get('Iran')?.properties.nameNative).toBeNull();
    const nakhchivan = byName.get('Nakhchivan (Azerbaijan)');
    expect(nakhchivan?.properties.a3).toBe('AZE');
    // Nakhchivan's label lies west of Armenia's southern tongue, the main Azerbaijani label east of it.
    expect(nakhchivan?.geometry.coordinates[0]).toBeLessThan(46.0);
    expect(byName.get('Azerbaijan')?.geometry.coordinates[0]).toBeGreaterThan(46.5);
  });

  it('puts the story places in the right country', () => {
    for (const name of ['Goris', 'Verishen', 'Sisian', 'Tegh', 'Vardenis', 'Sotk', 'Verin Shorzha', 'Kut']) {
      expect(inCountry(name, 'ARM'), `${name} in Armenia`).toBe(true);
      expect(inCountry(name, 'AZE'), `${name} not in Azerbaijan`).toBe(false);
    }
    expect(inCountry('Kalbajar', 'AZE')).toBe(true);
    expect(inCountry('Kalbajar', 'ARM')).toBe(false);
  });

  it('keeps Lake Sevan as water and closes the lake Sev gap as land', () => {
    for (const c of countries) expect(inCountry('Lake Sevan centre', c.properties.a3)).toBe(false);
    const sevan = country('ARM')
      .geometry.coordinates.flatMap((polygon) => polygon.slice(1))
      .find((hole) => turf.booleanPointInPolygon(at('Lake Sevan centre'), turf.polygon([hole])));
    expect(sevan && ringAreaKm2(sevan)).toBeGreaterThan(1200);
    expect(inCountry('lake Sev centre', 'ARM') || inCountry('lake Sev centre', 'AZE')).toBe(true);
  });

  it('leaves no small holes in Armenia or Azerbaijan', () => {
    for (const a3 of ['ARM', 'AZE'])
      for (const polygon of country(a3).geometry.coordinates)
        for (const hole of polygon.slice(1)) expect(ringAreaKm2(hole)).toBeGreaterThanOrEqual(MIN_HOLE_KM2);
  });

  it('has no hole outside its own outer ring (what painted a band across Armenia)', () => {
    for (const c of countries)
      for (const [outer, ...holes] of c.geometry.coordinates)
        for (const hole of holes) {
          const inside = hole.every((p) => turf.booleanPointInPolygon(p, turf.polygon([outer])));
          expect(inside, `${c.properties.a3} hole at ${hole[0]}`).toBe(true);
        }
  });

  it('has no thin sliver rings', () => {
    for (const c of countries)
      for (const ring of c.geometry.coordinates.flat()) {
        if (ringAreaKm2(ring) > COMPACTNESS_EXEMPT_KM2) continue;
        expect(compactness(ring), `${c.properties.a3} ring at ${ring[0]}`).toBeGreaterThanOrEqual(
          MIN_COMPACTNESS,
        );
      }
  });

  it('does not let Armenia and Azerbaijan overlap (exclaves are cut out)', () => {
    // The source's one remaining overlap: ~0.002 km² where Armenia, Nakhchivan and Iran meet.
    const overlap = turf.intersect(turf.featureCollection([country('ARM'), country('AZE')]));
    expect(overlap === null ? 0 : turf.area(overlap)).toBeLessThan(3000);
  });
});

describe('border.geojson: the Armenia–Azerbaijan border', () => {
  const arm = country('ARM');
  const aze = country('AZE');
  const solidIds = ['border-osm', 'border-osm-exclaves'];
  const bridgeIds = ['border-osm-lake-sev', 'border-osm-data-gaps'];

  it('has the four features with ids, names, bases and sources', () => {
    expect(border.features.map((f) => f.properties.id)).toEqual([
      'border-osm',
      'border-osm-lake-sev',
      'border-osm-data-gaps',
      'border-osm-exclaves',
    ]);
    for (const f of border.features) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties.name.length).toBeGreaterThan(10);
      expect(f.properties.basis.length).toBeGreaterThan(100);
      expect(f.properties.sources.map((s) => s.source)).toEqual(['osm-geo-maps']);
      expect(f.properties.interpolated).toBe(bridgeIds.includes(f.properties.id));
    }
  });

  it('runs along edges that Armenia and Azerbaijan share, except the bridges', () => {
    const [armEdges, azeEdges] = [edgesOf(arm), edgesOf(aze)];
    for (const id of solidIds)
      for (const line of linesOf(borderFeature(id).geometry))
        for (let k = 1; k < line.length; k++) {
          const edge = `${key(line[k - 1])}|${key(line[k])}`;
          expect(armEdges.has(edge) && azeEdges.has(edge), `${id} edge ${edge}`).toBe(true);
        }
  });

  it('lies within a few metres of both polygons (sampled)', () => {
    // Rings cut into short chunks, so each point is measured only against the chunks around it.
    const chunks = (c: Feature<MultiPolygon>): Feature<LineString>[] =>
      c.geometry.coordinates.flat().flatMap((ring) => {
        const out: Feature<LineString>[] = [];
        for (let k = 0; k < ring.length - 1; k += 32) out.push(turf.lineString(ring.slice(k, k + 33)));
        return out;
      });
    const near = (p: Position, line: Feature<LineString>): boolean => {
      const [w, s, e, n] = turf.bbox(line);
      return p[0] >= w - 0.01 && p[0] <= e + 0.01 && p[1] >= s - 0.01 && p[1] <= n + 0.01;
    };
    const lines = linesOf(borderFeature('border-osm').geometry);
    const midpoints = lines.flatMap((line) =>
      line.slice(1).map((p, k) => turf.midpoint(line[k], p).geometry.coordinates),
    );
    const sample = midpoints.filter((_, k) => k % 10 === 0);
    expect(sample.length).toBeGreaterThan(150);
    for (const boundary of [chunks(arm), chunks(aze)])
      for (const p of sample) {
        const candidates = boundary.filter((line) => near(p, line));
        const metres = candidates.map((line) => turf.pointToLineDistance(p, line, { units: 'meters' }));
        expect(Math.min(Number.POSITIVE_INFINITY, ...metres), `at ${p}`).toBeLessThan(3);
      }
  });

  it('bridges gaps only between vertices of both countries, lake Sev as documented', () => {
    const [armVertices, azeVertices] = [verticesOf(arm), verticesOf(aze)];
    for (const id of bridgeIds)
      for (const segment of linesOf(borderFeature(id).geometry)) {
        expect(segment).toHaveLength(2);
        for (const p of segment) expect(armVertices.has(key(p)) && azeVertices.has(key(p))).toBe(true);
        expect(turf.length(turf.lineString(segment), { units: 'kilometers' })).toBeLessThan(3);
      }
    const sev = linesOf(borderFeature('border-osm-lake-sev').geometry)[0].map(key).sort();
    expect(sev).toEqual(['46.22096,39.60171', '46.24285,39.60114']);
    // The lake Sev bridge is also an edge of both polygons: the gap was closed as land along it.
    const edge = `${sev[0]}|${sev[1]}`;
    expect(edgesOf(arm).has(edge) && edgesOf(aze).has(edge)).toBe(true);
  });

  it('joins into two continuous lines (main, Nakhchivan) with the bridges', () => {
    const segments = ['border-osm', ...bridgeIds].flatMap((id) => linesOf(borderFeature(id).geometry));
    const degree = new Map<string, number>();
    for (const line of segments)
      for (const end of [line[0], line[line.length - 1]])
        degree.set(key(end), (degree.get(key(end)) ?? 0) + 1);
    const loose = [...degree.values()].filter((d) => d === 1);
    expect(loose).toHaveLength(4); // two lines, two ends each
    expect([...degree.values()].every((d) => d <= 2)).toBe(true);
  });

  it('has a plausible length (~1,000 km with Nakhchivan, commonly quoted)', () => {
    const km = (id: string): number => turf.length(borderFeature(id), { units: 'kilometers' });
    const total = km('border-osm') + km('border-osm-lake-sev') + km('border-osm-data-gaps');
    const pieces = linesOf(borderFeature('border-osm').geometry);
    const nakhchivan = turf.length(turf.lineString(pieces[pieces.length - 1]), { units: 'kilometers' });
    console.log(`border: ${total.toFixed(1)} km, of which Nakhchivan ${nakhchivan.toFixed(1)} km`);
    expect(total).toBeGreaterThan(800);
    expect(total).toBeLessThan(1100);
    expect(nakhchivan).toBeGreaterThan(200);
    expect(nakhchivan).toBeLessThan(300);
  });
});
