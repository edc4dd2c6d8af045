// The other published border lines (border-amcharts-armenia.geojson, border-amcharts-azerbaijan.geojson and
// border-natural-earth.geojson in the story folder, built by scripts/build-border-lines.ts) and what they say about the story's places, next to the OpenStreetMap line.
// Needs only the committed files, not the source packages.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { booleanPointInPolygon } from '@turf/turf';
import geodesic from 'geographiclib-geodesic';
import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARMUDLU_POINT,
  basemapCountries,
  borderParts,
  IN_ARMENIA,
  IN_AZERBAIJAN,
  LINES,
  type Measures,
  measureBorderLines,
} from '../../scripts/measure-border-lines.ts';
import { buildContext } from '../../src/checks/context.ts';
import { soundInputs } from '../../src/checks/validate.ts';
import type { BorderProperties, Source } from '../../src/data/types.ts';
import { type DataFile, detectLayer, parseJson, validateFiles } from '../../src/data/validate.ts';
import { localProjection } from '../../src/geo/localProjection.ts';
import { checkInputs, story } from './stories.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NEW_FILES = [
  'data/armenia-azerbaijan-2021/border-amcharts-armenia.geojson',
  'data/armenia-azerbaijan-2021/border-amcharts-azerbaijan.geojson',
  'data/armenia-azerbaijan-2021/border-natural-earth.geojson',
];
const COMMITTED = [
  'data/armenia-azerbaijan-2021/sources.json',
  'data/armenia-azerbaijan-2021/places.geojson',
  'data/armenia-azerbaijan-2021/areas.geojson',
  'data/armenia-azerbaijan-2021/claims.geojson',
  'data/armenia-azerbaijan-2021/border.geojson',
  'data/armenia-azerbaijan-2021/basemap.geojson',
];
/** The basemap's extent, which the build clips to. */
const BBOX = [43.0, 38.3, 48.6, 41.9] as const;
/** Each file, gzip -9: the lines are small next to the basemap (~100 KB). */
const GZ_BUDGET_BYTES = 16_000;

const text = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
function loadFile(path: string): DataFile {
  const parsed = parseJson(text(path), path);
  if (!parsed.ok) throw new Error(`${path} does not parse: ${parsed.problem.message}`);
  return { file: path, layer: detectLayer(path, parsed.value), data: parsed.value };
}
type Border = FeatureCollection<LineString | MultiLineString, BorderProperties>;
const linesOf = (g: LineString | MultiLineString): Position[][] =>
  g.type === 'LineString' ? [g.coordinates] : g.coordinates;
const isClosed = (l: Position[]) => l[0][0] === l[l.length - 1][0] && l[0][1] === l[l.length - 1][1];

describe.each(NEW_FILES)('%s', (path) => {
  const border = JSON.parse(text(path)) as Border;

  it("passes the project's validator, with the committed files resolving its source ids", () => {
    const context = COMMITTED.map(loadFile);
    const file = loadFile(path);
    expect(file.layer).toBe('border');
    expect(validateFiles([file], { story: story.manifest, context })).toEqual([]);
  });

  it('has the shape of border.geojson: id, name, basis, sources (datasets), interpolated, and its sides', () => {
    const sources = JSON.parse(text('data/armenia-azerbaijan-2021/sources.json')) as Source[];
    expect(border.type).toBe('FeatureCollection');
    for (const f of border.features) {
      expect(f.id).toBe(f.properties.id);
      expect(Object.keys(f.properties).sort()).toEqual([
        'basis',
        'id',
        'interpolated',
        'leftCountry',
        'name',
        'rightCountry',
        'sources',
      ]);
      expect(f.properties.interpolated).toBe(false);
      expect([f.properties.leftCountry, f.properties.rightCountry]).toEqual(['ARM', 'AZE']);
      expect(f.properties.basis.length).toBeGreaterThan(200);
      for (const ref of f.properties.sources)
        expect(sources.find((s) => s.id === ref.source)?.kind).toBe('dataset');
    }
  });

  it('lies inside the map extent, with at most 5 decimals', () => {
    for (const f of border.features)
      for (const line of linesOf(f.geometry))
        for (const [lon, lat] of line) {
          expect(lon).toBeGreaterThanOrEqual(BBOX[0]);
          expect(lat).toBeGreaterThanOrEqual(BBOX[1]);
          expect(lon).toBeLessThanOrEqual(BBOX[2]);
          expect(lat).toBeLessThanOrEqual(BBOX[3]);
          expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
          expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
        }
  });

  it('holds, per line, the main and Nakhchivan borders as open lines and the exclaves as rings', () => {
    const main = border.features.filter((f) => !f.properties.id.endsWith('-exclaves'));
    const exclaves = border.features.filter((f) => f.properties.id.endsWith('-exclaves'));
    expect(main.length).toBeGreaterThan(0);
    for (const f of main) {
      const lines = linesOf(f.geometry);
      expect(lines).toHaveLength(2);
      expect(lines.every((l) => !isClosed(l))).toBe(true);
    }
    for (const f of exclaves) expect(linesOf(f.geometry).every(isClosed)).toBe(true);
  });

  it('runs with Armenia on the left: 5 km to the left is mostly Armenia on the OpenStreetMap basemap, 5 km to the right Azerbaijan', () => {
    // An independent check of the orientation the build gives the lines. The probes go well beyond the
    // distance between these lines and OpenStreetMap's (at most ~4.3 km), so they land on the far side of
    // both; labelLineSides (probes from 25 m) cannot tell, as these lines run up to kilometres inside one
    // of the basemap's polygons.
    const countries = basemapCountries();
    const countryAt = (p: Position) =>
      countries.find((c) => booleanPointInPolygon(p, c.geometry))?.label ?? 'none';
    for (const f of border.features.filter((x) => !x.properties.id.endsWith('-exclaves')))
      for (const line of linesOf(f.geometry)) {
        const votes = { left: { ARM: 0, AZE: 0 }, right: { ARM: 0, AZE: 0 } };
        for (let k = 1; k < line.length; k++) {
          const mid = [(line[k - 1][0] + line[k][0]) / 2, (line[k - 1][1] + line[k][1]) / 2];
          const proj = localProjection(mid);
          const [ax, ay] = proj.forward(line[k - 1]);
          const [bx, by] = proj.forward(line[k]);
          const len = Math.hypot(bx - ax, by - ay);
          if (len === 0) continue;
          const [nx, ny] = [-(by - ay) / len, (bx - ax) / len];
          for (const [side, sign] of [
            ['left', 1],
            ['right', -1],
          ] as const) {
            const c = countryAt(proj.inverse([sign * nx * 5000, sign * ny * 5000]));
            if (c === 'ARM' || c === 'AZE') votes[side][c]++;
          }
        }
        const n = line.length - 1;
        expect([f.properties.id, votes.left.ARM > 0.8 * n, votes.right.AZE > 0.8 * n]).toEqual([
          f.properties.id,
          true,
          true,
        ]);
      }
  });

  it(`stays under ${GZ_BUDGET_BYTES / 1000} KB gzipped`, () => {
    expect(gzipSync(text(path), { level: 9 }).length).toBeLessThan(GZ_BUDGET_BYTES);
  });
});

describe('the story manifest and the checks engine', () => {
  it('lists every line file as its own layer, only the OpenStreetMap line shown at first, amCharts credited', () => {
    const lines = story.manifest.borderLines;
    expect(lines.map((l) => [l.id, l.file, l.shown])).toEqual([
      ['osm', 'border.geojson', true],
      ['amcharts-armenia', 'border-amcharts-armenia.geojson', false],
      ['amcharts-azerbaijan', 'border-amcharts-azerbaijan.geojson', false],
      ['natural-earth', 'border-natural-earth.geojson', false],
    ]);
    for (const l of lines.filter((x) => x.id.startsWith('amcharts')))
      expect(l.attribution).toMatchObject({ url: 'https://www.amcharts.com/' });
  });

  it('reads the sides of the new lines from the files (Armenia on the left), and probes the OpenStreetMap line', () => {
    const ctx = buildContext(soundInputs(checkInputs(story)).inputs);
    for (const id of ['amcharts-armenia', 'amcharts-azerbaijan', 'natural-earth'])
      for (const part of ctx.border(id)) expect([id, part.left, part.right]).toEqual([id, 'ARM', 'AZE']);
    const main = ctx.border('osm').find((p) => p.featureId === 'border-osm');
    expect([main?.left, main?.right].sort()).toEqual(['ARM', 'AZE']);
  });
});

describe('the story places against every border line', () => {
  let measures: Measures;
  beforeAll(() => {
    measures = measureBorderLines();
  }, 60_000);
  const signed = (id: string, line: string): number => {
    const m = measures.places.find((p) => p.id === id)?.signedM[line];
    if (m === undefined || m === null) throw new Error(`no side for ${id} against ${line}`);
    return m;
  };

  it.each(LINES.map((l) => [l.label, l.key]))(
    '%s puts Goris, Verishen, Vardenis, Verin Shorzha and Kut in Armenia, Kalbajar in Azerbaijan',
    (_label, key) => {
      for (const id of IN_ARMENIA) expect([id, signed(id, key) > 0]).toEqual([id, true]);
      for (const id of IN_AZERBAIJAN) expect([id, signed(id, key) < 0]).toEqual([id, true]);
    },
  );

  // About 3 s alone; on the shared 2-core machine it ran past vitest's 5 s default.
  it('measures distances that GeographicLib confirms, to 5 cm', { timeout: 60_000 }, () => {
    const G = geodesic.Geodesic.WGS84;
    const countries = basemapCountries();
    const lakeCentre = measures.places.find((p) => p.id === 'lake-sev')?.position as [number, number];
    for (const spec of LINES) {
      const parts = borderParts(spec, countries);
      for (const [id, point] of [
        ['armudlu-point', ARMUDLU_POINT],
        ['lake-sev', lakeCentre],
      ] as const) {
        // Independent: the smallest GeographicLib distance from the point to any geodesic segment nearby,
        // found by golden-section search along each segment.
        let best = Number.POSITIVE_INFINITY;
        for (const part of parts)
          for (let k = 1; k < part.coordinates.length; k++) {
            const [a, b] = [part.coordinates[k - 1], part.coordinates[k]];
            if (Math.abs(a[0] - point[0]) > 0.3 || Math.abs(a[1] - point[1]) > 0.3) continue;
            const line = G.InverseLine(a[1], a[0], b[1], b[0]);
            const dist = (s: number) => {
              const p = line.Position(s);
              return G.Inverse(point[1], point[0], p.lat2 as number, p.lon2 as number).s12 as number;
            };
            let [lo, hi] = [0, line.s13 as number];
            for (let i = 0; i < 60; i++) {
              const m1 = hi - (hi - lo) * 0.618;
              const m2 = lo + (hi - lo) * 0.618;
              if (dist(m1) < dist(m2)) hi = m2;
              else lo = m1;
            }
            best = Math.min(best, dist((lo + hi) / 2));
          }
        const measured = signed(id, spec.key);
        expect([spec.key, id, Math.abs(Math.abs(measured) - best) < 0.05]).toEqual([spec.key, id, true]);
      }
    }
  });

  it('splits the lake outline by every line, the pieces adding up to the whole', () => {
    for (const spec of LINES) {
      const s = measures.lake[spec.key];
      expect(s.status).not.toBe('undetermined');
      const total = Object.values(s.share).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);
      expect(Object.keys(s.share).every((k) => k === 'ARM' || k === 'AZE')).toBe(true);
    }
    // Only OpenStreetMap's split rests on a drawn bridge across the lake, not on the source's line.
    expect(measures.lake.osm.interpolated).toEqual(['border-osm-lake-sev']);
    for (const spec of LINES.filter((l) => l.key !== 'osm'))
      expect(measures.lake[spec.key].interpolated).toEqual([]);
  });

  it('shows the lines disagreeing by hundreds of metres where the story happens', () => {
    for (const id of ['armudlu-point', 'lake-sev', 'verin-shorzha', 'kut']) {
      const values = LINES.map((l) => signed(id, l.key));
      expect([id, Math.max(...values) - Math.min(...values) > 100]).toEqual([id, true]);
    }
  });
});
