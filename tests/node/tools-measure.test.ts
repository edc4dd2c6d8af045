// The reader's measurement is the checks engine's: same distance, bearing, side and wording as a checked figure,
// and the distance agrees with GeographicLib.

import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/checks/context.ts';
import { measureLineDistance } from '../../src/checks/measureLineDistance.ts';
import { formatLength, type MeasurePoint, measurePoints, pointName } from '../../src/tools/measure.ts';
import { checkInputs, fixture, story } from './stories.ts';

const inputs = checkInputs(story);
const ctx = buildContext(inputs);
const place = (id: string) =>
  inputs.places.features.find((p) => p.properties.id === id)?.geometry.coordinates as MeasurePoint;
const geod = geographiclib.Geodesic.WGS84;

describe('measurePoints', () => {
  const goris = place('goris');
  const verishen = place('verishen');
  const kalbajar = place('kalbajar');
  const m = measurePoints([goris, verishen, kalbajar], ctx);

  it('gives each leg the geodesic distance and bearing (GeographicLib within 1 mm and 1e-6°)', () => {
    expect(m.legs).toHaveLength(2);
    for (const [i, leg] of m.legs.entries()) {
      const [a, b] = [m.points[i], m.points[i + 1]] as [MeasurePoint, MeasurePoint];
      const r = geod.Inverse(a[1], a[0], b[1], b[0]);
      expect(Math.abs(leg.distanceM - (r.s12 as number))).toBeLessThan(1e-3);
      expect(Math.abs(((leg.initialBearingDeg - (r.azi1 as number) + 540) % 360) - 180)).toBeLessThan(1e-6);
    }
    expect(m.totalM).toBeCloseTo(m.legs[0].distanceM + m.legs[1].distanceM, 6);
  });

  it('words a leg as the checks do (the Goris–Verishen check reads 3.25 km, 326°)', () => {
    expect(m.legs[0].summary).toBe('B is 3.25 km north-west of A in a straight line (bearing 326°)');
    expect(formatLength(m.legs[0].distanceM)).toBe('3.25 km');
    expect(formatLength(400.4)).toBe('400 m');
  });

  it('names the side of each border line each point is on, and its distance, as the engine does', () => {
    expect(m.lines.map((l) => l.id)).toEqual(story.manifest.borderLines.map((l) => l.id));
    const first = m.lines[0];
    expect(first.points.map((p) => p.point)).toEqual(['A', 'B', 'C']);
    expect(first.points[0].sideCountry).toBe('ARM');
    expect(first.points[2].sideCountry).toBe('AZE');
    // The same measurement the engine makes for a place: same figure, same sentence but for the name.
    const engine = measureLineDistance(
      { kind: 'distance-to-line', from: { place: 'goris' }, line: first.id },
      'km',
      ctx,
    );
    const engineLine = (engine.details.perLine as { distanceM: number }[])[0];
    expect(first.points[0].distanceM).toBe(engineLine?.distanceM);
    // The engine's summary: "Goris: <line>: 7.54 km on the Armenia side".
    expect(engine.summary).toBe(`Goris: ${first.label}: ${first.points[0].summary.replace(/^A is /, '')}`);
    expect(first.points[0].summary).toMatch(/^A is [\d.]+ km on the Armenia side$/);
  });

  it('draws the legs and lettered points', () => {
    const roles = m.features.map((f) => f.properties?.role);
    expect(roles.filter((r) => r === 'measured-line')).toHaveLength(2);
    expect(
      m.features.filter((f) => f.properties?.role === 'endpoint').map((f) => f.properties?.label),
    ).toEqual(['A', 'B', 'C']);
  });

  it('measures one point against the lines, and nothing for none', () => {
    expect(measurePoints([goris], ctx).legs).toEqual([]);
    expect(measurePoints([goris], ctx).lines[0].points).toHaveLength(1);
    expect(measurePoints([], ctx).totalM).toBe(0);
    expect(pointName(25)).toBe('Z');
  });
});

describe('measurePoints on another story (the fixture: two border lines)', () => {
  it('measures against each of the story’s lines, in its order, naming its countries', () => {
    const fixtureInputs = checkInputs(fixture);
    const fctx = buildContext(fixtureInputs);
    const points = fixtureInputs.places.features
      .slice(0, 2)
      .map((p) => p.geometry.coordinates as MeasurePoint);
    const m = measurePoints(points, fctx);
    expect(m.lines.map((l) => l.id)).toEqual(fixture.manifest.borderLines.map((l) => l.id));
    for (const line of m.lines) {
      expect(line.points).toHaveLength(2);
      for (const p of line.points) {
        expect(p.distanceM).toBeGreaterThanOrEqual(0);
        if (p.sideCountry) expect(p.summary).toContain(`on the ${p.sideName} side`);
      }
    }
    expect(m.legs[0]?.distanceM).toBeGreaterThan(0);
  });
});
