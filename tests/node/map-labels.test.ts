// What the map writes and where: each story country named on its own side of the border, claims' markers that never
// hide one another, measurement labels of a figure and a word, and the manifest's new fields checked.
import * as turf from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readJsonFile } from '../../scripts/lib/story-folder.ts';
import type { ClaimFeature } from '../../src/data/types.ts';
import { countryNameAnchors, countryPolygons, packNameAnchors } from '../../src/geo/countryNameAnchors.ts';
import { unpackNameAnchors } from '../../src/map/country-names.ts';
import {
  claimsForMap,
  MARKER_SPACING_PX,
  midpointAlong,
  shortMeasureLabel,
} from '../../src/map/display-data.ts';
import { countryName } from '../../src/map/style.ts';
import { validateManifest } from '../../src/story/manifest.ts';
import { fixture, story } from './stories.ts';

for (const [name, folder] of [
  ['fixture story', fixture],
  ['repository story', story],
] as const) {
  describe(`country names along the border (${name})`, () => {
    const { manifest, paths } = folder;
    const codes = manifest.countries.map((c) => c.code);
    const basemap = readJsonFile(paths.basemap) as FeatureCollection;
    const border = readJsonFile(paths[`border:${manifest.borderLines[0]?.id}`]) as FeatureCollection<
      LineString | MultiLineString
    >;
    const anchors = countryNameAnchors(border, basemap, codes, {
      nameLength: { [codes[0] as string]: 9, [codes[1] as string]: 9 },
    });
    const polygons = countryPolygons(basemap);
    const inside = (code: string, p: [number, number]) =>
      polygons.some((c) => c.label === code && turf.booleanPointInPolygon(p, c.geometry));

    it('names every story country, on its own side, at every band', () => {
      for (const zoom of new Set(anchors.map((a) => a.minzoom)))
        for (const code of codes)
          expect(
            anchors.some((a) => a.minzoom === zoom && a.code === code),
            `${code} at zoom ${zoom}`,
          ).toBe(true);
      for (const a of anchors) {
        // A point a little way from the line in the name's direction lies in the country named.
        const step = 0.002;
        const d = { left: [step, 0], right: [-step, 0], top: [0, -step], bottom: [0, step], center: [0, 0] }[
          a.anchor
        ] as [number, number];
        expect(inside(a.code, [a.lon + d[0], a.lat + d[1]]), JSON.stringify(a)).toBe(true);
      }
    });

    it('packs and unpacks to the same points', () => {
      const back = unpackNameAnchors(packNameAnchors(anchors, codes), codes).features;
      expect(back).toHaveLength(anchors.length);
      expect(back.map((f) => f.properties.code)).toEqual(anchors.map((a) => a.code));
      expect(back.map((f) => f.properties.anchor)).toEqual(anchors.map((a) => a.anchor));
    });

    it('puts the manifest’s label points inside their countries, with a name in every label language', () => {
      for (const country of manifest.countries) {
        for (const point of country.labelPoints ?? [])
          expect(inside(country.code, point), country.code).toBe(true);
        for (const { code } of manifest.labelLanguages)
          expect(countryName(country, code, manifest)).toBeTruthy();
      }
    });
  });
}

describe('the repository story’s country names', () => {
  it('are the Unicode CLDR names the manifest says they are', () => {
    const iso2: Record<string, string> = { ARM: 'AM', AZE: 'AZ' };
    for (const country of story.manifest.countries) {
      expect(country.namesSource).toContain('CLDR');
      for (const [language, name] of Object.entries(country.names ?? {}))
        expect(new Intl.DisplayNames([language], { type: 'region' }).of(iso2[country.code] as string)).toBe(
          name,
        );
    }
  });
});

describe('claim markers', () => {
  const claims = readJsonFile(story.paths.claims) as FeatureCollection;
  const drawn = claimsForMap(
    claims.features as unknown as ClaimFeature[],
    story.manifest.sides.map((s) => s.id),
  );
  const markers = drawn.features.filter((f) => f.geometry.type === 'Point');

  it('gives every claim with a place at least one marker, lines and areas included', () => {
    const located = (claims.features as unknown as ClaimFeature[])
      .filter((c) => c.geometry)
      .map((c) => c.properties.id);
    expect(new Set(markers.map((m) => m.properties.id))).toEqual(new Set(located));
  });

  it('never puts two markers at the same place and offset', () => {
    const slots = markers.map((m) => JSON.stringify([m.geometry, m.properties.offset ?? [0, 0]]));
    expect(new Set(slots).size).toBe(slots.length);
    for (const m of markers)
      if (m.properties.offset) expect(Math.abs(m.properties.offset[0]) % MARKER_SPACING_PX).not.toBeNaN();
  });

  it('puts a line’s marker halfway along it', () => {
    expect(
      midpointAlong([
        [0, 0],
        [0.002, 0],
        [0.004, 0],
      ]),
    ).toEqual([0.002, 0]);
  });
});

describe('measurement labels on the map', () => {
  it('keep a figure and a word, and drop names the map already shows', () => {
    expect(shortMeasureLabel('measured-line', '3.25 km, 326° (NW)')).toBe('3.25 km NW');
    expect(
      shortMeasureLabel('distance-to-border', '6 m inside Southmark, on the other side of the line'),
    ).toBe('6 m inside Southmark');
    expect(shortMeasureLabel('polygon-piece', 'Northvale: 82 %')).toBe('Northvale: 82 %');
    expect(shortMeasureLabel('deepest-point', 'deepest point of nv-2030-01-10-crossing')).toBeNull();
    expect(shortMeasureLabel('endpoint', 'Riverford')).toBeNull();
    expect(shortMeasureLabel('claimed-point', 'A paragraph on how the point was drawn.')).toBeNull();
  });
});

describe('manifest: the map’s fields', () => {
  const base = structuredClone(fixture.manifest) as unknown as Record<string, unknown>;
  const withField = (patch: (m: Record<string, unknown>) => void) => {
    const m = structuredClone(base);
    patch(m);
    return validateManifest(m);
  };
  it('accepts the fixture', () => expect(validateManifest(base)).toEqual([]));
  it('names what is wrong', () => {
    expect(withField((m) => ((m.camera as Record<string, unknown>).focusBounds = [1, 2, 3]))).toContain(
      'camera.focusBounds: [west, south, east, north] in degrees',
    );
    expect(
      withField(
        (m) =>
          (((m.countries as Record<string, unknown>[])[0] as Record<string, unknown>).names = { xx: 'X' }),
      ),
    ).toContain('countries[0].names.xx: is not one of labelLanguages');
    expect(withField((m) => (m.keyPlaces = 'riverford'))).toContain('keyPlaces: a list of place ids');
    expect(withField((m) => (m.locator = { bounds: [0, 0] }))).toContain(
      'locator: { bounds: [west, south, east, north] }',
    );
  });
});
