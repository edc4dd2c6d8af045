import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Claims } from '../../src/data/types.ts';
import { geodesicDistanceM } from '../../src/geo/geodesic.ts';
import { uncertaintyAreas } from '../../src/geo/uncertainty.ts';
import { hasUncertaintyArea } from '../../src/map/uncertainty-limit.ts';
import { fixture, story } from './stories.ts';

const claims: Claims = JSON.parse(readFileSync(story.paths.claims, 'utf8'));
const committed = JSON.parse(readFileSync(story.paths.uncertainty, 'utf8'));

describe('uncertainty areas', () => {
  for (const folder of [story, fixture]) {
    it(`are up to date with ${folder.manifest.id}'s claims (npm run build:uncertainty -- --story DIR after editing)`, () => {
      const own = JSON.parse(readFileSync(folder.paths.claims, 'utf8'));
      expect(JSON.parse(readFileSync(folder.paths.uncertainty, 'utf8'))).toEqual(uncertaintyAreas(own));
    });
  }

  it('cover every claim drawn with a radius, and only those', () => {
    const expected = claims.features
      .filter((c) => c.geometry && (c.properties.uncertaintyM ?? 0) > 0)
      .map((c) => c.properties.id);
    expect(committed.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(expected);
  });

  it('are the claims the map counts against its limit (hasUncertaintyArea), one for one', () => {
    for (const folder of [story, fixture]) {
      const own: Claims = JSON.parse(readFileSync(folder.paths.claims, 'utf8'));
      const counted = own.features.filter(hasUncertaintyArea).map((c) => c.properties.id);
      expect(uncertaintyAreas(own).features.map((f) => f.properties.id)).toEqual(counted);
    }
    // A claim with no place, or no radius, has none.
    expect(hasUncertaintyArea({ geometry: null, properties: { uncertaintyM: 500 } })).toBe(false);
    expect(hasUncertaintyArea({ geometry: { type: 'Point', coordinates: [45, 40] }, properties: {} })).toBe(
      false,
    );
  });

  it('reach about one radius from a point claim, measured on the ellipsoid', () => {
    const armudlu = claims.features.find((c) => c.properties.id === 'az-mod-2021-06-01-armudlu');
    const area = committed.features.find(
      (f: { properties: { id: string } }) => f.properties.id === 'az-mod-2021-06-01-armudlu',
    );
    if (armudlu?.geometry?.type !== 'Point' || !area) throw new Error('Armudlu claim missing');
    const centre = armudlu.geometry.coordinates as [number, number];
    expect(booleanPointInPolygon(centre, area)).toBe(true);
    const radiusM = armudlu.properties.uncertaintyM ?? 0;
    // At least a 32-gon: between its vertices the edge strays at most 0.5 % of the radius inside the circle.
    expect(area.geometry.coordinates[0].length - 1).toBeGreaterThanOrEqual(32);
    for (const vertex of area.geometry.coordinates[0] as [number, number][]) {
      // turf.buffer works on a sphere and the output is rounded to 1e-5°: a few percent, never more.
      expect(Math.abs(geodesicDistanceM(centre, vertex) - radiusM) / radiusM).toBeLessThan(0.06);
    }
  });
});
