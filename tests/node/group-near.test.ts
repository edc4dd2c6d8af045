// The marker grouping of the claims layer (src/map/display-data.ts) finds groups through a grid; it must group
// exactly as the plain rule says: each point, in order, joins the first group whose centre is within the radius.
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { groupNear } from '../../src/map/display-data.ts';

/** The rule, written as plainly as possible: every group is tried, in the order they were made. */
function plainGroups(points: { at: Position }[], radiusM: number) {
  const nearM = (a: Position, b: Position) => {
    const k = Math.cos(((a[1] + b[1]) / 2) * (Math.PI / 180));
    return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111_320;
  };
  const groups: { centre: Position; members: { at: Position }[] }[] = [];
  for (const point of points) {
    const group = groups.find((g) => nearM(g.centre, point.at) <= radiusM);
    if (!group) {
      groups.push({ centre: point.at, members: [point] });
      continue;
    }
    group.members.push(point);
    const n = group.members.length;
    group.centre = [
      group.members.reduce((sum, m) => sum + m.at[0], 0) / n,
      group.members.reduce((sum, m) => sum + m.at[1], 0) / n,
    ];
  }
  return groups;
}

/** Points from a fixed pseudo-random sequence: clustered and scattered, around a given latitude. */
function points(count: number, seed: number, lat: number): { at: Position }[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const centres = Array.from({ length: 12 }, () => [45 + next() * 2, lat + next() * 1.5]);
  return Array.from({ length: count }, () => {
    const [x, y] = centres[Math.floor(next() * centres.length)];
    const spread = next() < 0.5 ? 0.02 : 0.6;
    return { at: [x + (next() - 0.5) * spread, y + (next() - 0.5) * spread] };
  });
}

describe('groupNear', () => {
  for (const [count, seed, lat, radius] of [
    [400, 1, 39.5, 2500],
    [2000, 7, 39.5, 2500],
    [1500, 3, 68, 5000],
    [800, 11, -45, 1000],
  ] as const) {
    it(`groups ${count} points at latitude ${lat} exactly as the plain rule does (radius ${radius} m)`, () => {
      const input = points(count, seed, lat);
      const grid = groupNear(input, radius);
      const plain = plainGroups(input, radius);
      expect(grid.length).toBe(plain.length);
      expect(grid.map((g) => g.centre)).toEqual(plain.map((g) => g.centre));
      expect(grid.map((g) => g.members.map((m) => input.indexOf(m)))).toEqual(
        plain.map((g) => g.members.map((m) => input.indexOf(m))),
      );
      expect(plain.some((g) => g.members.length > 3)).toBe(true);
    });
  }
});
