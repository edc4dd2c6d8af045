// Fair to both sides by construction: the made-up fixture story, mirrored so that its two countries trade places,
// must give every check the same verdict. The mirror is exact: every coordinate is reflected about a meridian
// (an isometry of the ellipsoid, so every distance and area is unchanged and bearings become 360° − bearing), the
// two countries' codes and names and the two sides' ids are swapped everywhere, and a line that states its sides
// has them swapped too (the reflection reverses its direction). A check of "2 km into Northvale" made by Northvale
// becomes a check of "2 km into Southmark" made by Southmark, measured on the mirror image: nothing about it may
// change but the names. Any code that favoured a country code, a side id, an east–west direction or a line's
// orientation would show up here.
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/checks/evaluate.ts';
import type { CheckInputs, CheckResult } from '../../src/checks/types.ts';
import { checkInputs, fixture } from './stories.ts';

const MERIDIAN = -35;
const CODES: Record<string, string> = { NVL: 'SMK', SMK: 'NVL' };
const NAMES: Record<string, string> = { Northvale: 'Southmark', Southmark: 'Northvale' };
const SIDES: Record<string, string> = { northvale: 'southmark', southmark: 'northvale' };
const swap = (map: Record<string, string>, v: unknown) => (typeof v === 'string' ? (map[v] ?? v) : v);

/** Every position reflected about the meridian; rings reversed so that they keep their orientation. */
function mirrorCoordinates(c: unknown, ring = false): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number') return [2 * MERIDIAN - (c[0] as number), ...c.slice(1)];
  const out = c.map((x) => mirrorCoordinates(x, false));
  return ring ? out.reverse() : out;
}

function mirrorGeometry(g: { type: string; coordinates?: unknown } | null): unknown {
  if (!g) return g;
  const rings = g.type === 'Polygon' || g.type === 'MultiPolygon';
  if (g.type === 'Polygon')
    return { ...g, coordinates: (g.coordinates as Position[][]).map((r) => mirrorCoordinates(r, true)) };
  if (g.type === 'MultiPolygon')
    return {
      ...g,
      coordinates: (g.coordinates as Position[][][]).map((p) => p.map((r) => mirrorCoordinates(r, true))),
    };
  return { ...g, coordinates: mirrorCoordinates(g.coordinates, rings) };
}

type AnyFeature = {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown } | null;
};
const mirrorFeatures = <T>(
  fc: T,
  props: (p: Record<string, unknown>) => Record<string, unknown> = (p) => p,
): T => {
  const c = fc as unknown as { features: AnyFeature[] };
  return {
    ...c,
    features: c.features.map((f) => ({
      ...f,
      properties: props(f.properties),
      geometry: mirrorGeometry(f.geometry),
    })),
  } as unknown as T;
};

function mirror(inputs: CheckInputs): CheckInputs {
  const checks = (inputs.checks as unknown as { checks: Record<string, unknown>[] }).checks.map((c) => {
    const m = { ...(c.measure as Record<string, unknown>) };
    if ('country' in m) m.country = swap(CODES, m.country);
    const direction = m.direction as { expectedBearingDeg: number } | undefined;
    if (direction)
      m.direction = { ...direction, expectedBearingDeg: (360 - direction.expectedBearingDeg) % 360 };
    return { ...c, measure: m };
  });
  return {
    checks: { checks } as never,
    places: mirrorFeatures(inputs.places),
    claims: mirrorFeatures(inputs.claims, (p) => ({ ...p, side: swap(SIDES, p.side) })),
    areas: mirrorFeatures(inputs.areas),
    basemap: mirrorFeatures(inputs.basemap, (p) => ({
      ...p,
      a3: swap(CODES, p.a3),
      name: swap(NAMES, p.name),
    })),
    borderLines: inputs.borderLines.map((line) => ({
      ...line,
      // Reflected, a line runs the other way: what was on its left is on its right, and the codes trade places.
      features: mirrorFeatures(line.features, (p) =>
        'leftCountry' in p
          ? { ...p, leftCountry: swap(CODES, p.rightCountry), rightCountry: swap(CODES, p.leftCountry) }
          : p,
      ),
    })),
  };
}

const original = checkInputs(fixture) as CheckInputs;
const before = evaluateChecks(original);
const after = evaluateChecks(mirror(original));

describe('the fixture story with its two countries swapped (mirror image, codes, names and sides traded)', () => {
  it('covers every verdict the rule gives, for claims of both countries', () => {
    const verdicts = new Set(before.map((r) => r.verdict));
    expect([...verdicts].sort()).toEqual([
      'cannot-check',
      'consistent',
      'depends-on-the-line',
      'inconsistent',
    ]);
    const claimSide = (r: CheckResult) =>
      original.claims.features.find((f) => f.properties.id === r.claim)?.properties.side;
    const judged = before.filter((r) => r.verdictBasis === 'range').map(claimSide);
    expect(judged).toContain('northvale');
    expect(judged).toContain('southmark');
  });

  it('measures the mirrored country as far in, and gives every check the same verdict', () => {
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    for (const [i, a] of before.entries()) {
      const b = after[i] as CheckResult;
      expect([b.id, b.verdict, b.verdictBasis]).toEqual([a.id, a.verdict, a.verdictBasis]);
      expect(b.lines.map((l) => [l.line, l.position])).toEqual(a.lines.map((l) => [l.line, l.position]));
      if (a.range === null) expect(b.range).toBeNull();
      else
        for (const k of [0, 1]) {
          const x = (a.range as number[])[k] as number;
          expect(Math.abs(((b.range as number[])[k] as number) - x)).toBeLessThanOrEqual(
            1e-6 * Math.max(1, Math.abs(x)),
          );
        }
      expect(b.problem).toBeUndefined();
    }
  });

  it('names the other country in the mirrored results', () => {
    const a = before.find((r) => r.id === 'crossing-two-km') as CheckResult;
    const b = after.find((r) => r.id === 'crossing-two-km') as CheckResult;
    expect(a.rangeText).toContain('inside Northvale');
    expect(b.rangeText).toBe(a.rangeText.replace('inside Northvale', 'inside Southmark'));
  });
});
