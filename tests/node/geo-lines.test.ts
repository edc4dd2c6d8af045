// Point-to-line distance, sides, densification and line clipping, checked against GeographicLib.
import fc from 'fast-check';
import geodesic from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import {
  type BorderPart,
  type CountryPolygon,
  labelBorderParts,
  labelLineSides,
  sideOfBorder,
} from '../../src/geo/borderSides.ts';
import { clipLineToBox } from '../../src/geo/clipLineToBox.ts';
import { densifyGeodesic } from '../../src/geo/densify.ts';
import { distanceToGeometry } from '../../src/geo/distanceToGeometry.ts';
import { geodesicDistanceM } from '../../src/geo/geodesic.ts';
import { mergeLineParts } from '../../src/geo/mergeLineParts.ts';
import { nearestPointOnLine, nearestPointOnLines } from '../../src/geo/nearestPointOnLines.ts';

const G = geodesic.Geodesic.WGS84;

/**
 * Independent reference: GeographicLib's geodesic for each segment, sampled densely, then the best
 * bracket narrowed by golden-section search — every distance evaluated by GeographicLib.
 */
function referenceDistanceM(p: number[], line: number[][], steps = 4000): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as number[];
    const b = line[i + 1] as number[];
    const l = G.InverseLine(a[1] as number, a[0] as number, b[1] as number, b[0] as number);
    const at = (s: number) => {
      const q = l.Position(s);
      return Number(G.Inverse(p[1] as number, p[0] as number, q.lat2 as number, q.lon2 as number).s12);
    };
    let bestK = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let k = 0; k <= steps; k++) {
      const d = at((Number(l.s13) * k) / steps);
      if (d < bestD) {
        bestD = d;
        bestK = k;
      }
    }
    let lo = (Number(l.s13) * Math.max(0, bestK - 1)) / steps;
    let hi = (Number(l.s13) * Math.min(steps, bestK + 1)) / steps;
    const r = (Math.sqrt(5) - 1) / 2;
    for (let it = 0; it < 100 && hi - lo > 1e-9; it++) {
      const x1 = hi - r * (hi - lo);
      const x2 = lo + r * (hi - lo);
      if (at(x1) <= at(x2)) hi = x2;
      else lo = x1;
    }
    best = Math.min(best, bestD, at((lo + hi) / 2));
  }
  return best;
}

// Random polylines and points around the Armenia–Azerbaijan border (km-scale segments).
const lon = fc.double({ min: 45.6, max: 46.6, noNaN: true });
const lat = fc.double({ min: 39.4, max: 40.3, noNaN: true });
const pt = fc.tuple(lon, lat);

describe('nearestPointOnLines', () => {
  it('agrees with a dense GeographicLib sampling to < 1 mm', () => {
    fc.assert(
      fc.property(pt, fc.array(pt, { minLength: 2, maxLength: 5 }), (p, line) => {
        const r = nearestPointOnLine(p, line);
        const ref = referenceDistanceM(p, line, 400);
        expect(Math.abs(r.distanceM - ref)).toBeLessThan(0.001);
        // The nearest point is really at that distance.
        expect(Math.abs(geodesicDistanceM(p, r.nearestPoint) - r.distanceM)).toBeLessThan(1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it('a point due north of an east–west segment: distance = the meridian arc, side = left', () => {
    const line = [
      [46.0, 40.0],
      [46.2, 40.0],
    ];
    const p = [46.1, 40.01];
    const r = nearestPointOnLine(p, line);
    // The geodesic between two points on a parallel bulges poleward; the reference handles it exactly.
    expect(Math.abs(r.distanceM - referenceDistanceM(p, line))).toBeLessThan(0.001);
    expect(r.side).toBe('left');
    expect(nearestPointOnLine([46.1, 39.99], line).side).toBe('right');
    expect(nearestPointOnLine([46.2, 40.0], line).side).toBe('on');
  });

  it('beyond the end of a line: distance to the end vertex', () => {
    const line = [
      [46.0, 40.0],
      [46.1, 40.0],
    ];
    const r = nearestPointOnLine([46.2, 40.05], line);
    expect(r.segmentFraction).toBe(1);
    expect(Math.abs(r.distanceM - Number(G.Inverse(40.05, 46.2, 40, 46.1).s12))).toBeLessThan(1e-6);
  });

  it('side at a vertex of a bend (pseudo-normal), on both sides of a sharp corner', () => {
    // An L-shaped line: east then north. A point inside the corner is on the left.
    const line = [
      [46.0, 40.0],
      [46.1, 40.0],
      [46.1, 40.1],
    ];
    expect(nearestPointOnLine([46.09, 40.01], line).side).toBe('left');
    expect(nearestPointOnLine([46.11, 39.99], line).side).toBe('right');
    // Nearest to the corner vertex itself, outside the bend.
    expect(nearestPointOnLine([46.12, 39.98], line).side).toBe('right');
  });

  it('exact: false is within 0.2 % of the exact distance at up to 20 km (segments up to ~5 km)', () => {
    // Segments are straight in the local plane there; a long east–west segment would bulge away from its
    // geodesic by L²·tanφ/8R (≈ 100 m at 80 km), which is why every reported distance is exact.
    const step = fc.tuple(
      fc.double({ min: -0.04, max: 0.04, noNaN: true }),
      fc.double({ min: -0.04, max: 0.04, noNaN: true }),
    );
    const shortLine = fc.tuple(pt, fc.array(step, { minLength: 1, maxLength: 4 })).map(([start, steps]) => {
      const out = [start as number[]];
      for (const [dx, dy] of steps) {
        const last = out[out.length - 1] as number[];
        out.push([(last[0] as number) + dx, (last[1] as number) + dy]);
      }
      return out;
    });
    fc.assert(
      fc.property(pt, shortLine, (p, line) => {
        const exact = nearestPointOnLine(p, line).distanceM;
        if (exact > 20_000) return;
        const approx = nearestPointOnLine(p, line, { exact: false }).distanceM;
        // Plus the bulge the plane ignores: up to L²·tanφ/8R ≈ 0.3 m for a 4.4 km segment.
        expect(Math.abs(approx - exact)).toBeLessThan(0.002 * exact + 0.5);
      }),
      { numRuns: 200 },
    );
  });

  it('picks the nearest of several parts', () => {
    const parts = [
      [
        [46.0, 40.0],
        [46.1, 40.0],
      ],
      [
        [46.0, 40.2],
        [46.1, 40.2],
      ],
    ];
    expect(nearestPointOnLines([46.05, 40.15], parts).partIndex).toBe(1);
    expect(nearestPointOnLines([46.05, 40.05], parts).partIndex).toBe(0);
  });
});

describe('distanceToGeometry', () => {
  it('0 inside a polygon, the ring distance outside, the geodesic to a point', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [46, 40],
          [46.1, 40],
          [46.1, 40.1],
          [46, 40.1],
          [46, 40],
        ],
      ],
    };
    expect(distanceToGeometry([46.05, 40.05], square).distanceM).toBe(0);
    const out = distanceToGeometry([46.05, 39.95], square);
    expect(
      Math.abs(out.distanceM - referenceDistanceM([46.05, 39.95], square.coordinates[0] as number[][])),
    ).toBeLessThan(0.001);
    const d = distanceToGeometry([46, 40], { type: 'Point', coordinates: [46.3417, 39.5111] });
    expect(Math.abs(d.distanceM - Number(G.Inverse(40, 46, 39.5111, 46.3417).s12))).toBeLessThan(0.001);
    const m = distanceToGeometry([46, 40], {
      type: 'MultiPoint',
      coordinates: [
        [47, 41],
        [46.01, 40],
      ],
    });
    expect(m.nearestPoint).toEqual([46.01, 40]);
  });
});

describe('labelling the sides of a border from country polygons', () => {
  // Two "countries" split by the parallel 40° N between 45° and 47° E; the border runs west → east.
  const north: CountryPolygon = {
    label: 'AZE',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [45, 40],
          [47, 40],
          [47, 41],
          [45, 41],
          [45, 40],
        ],
      ],
    },
  };
  const south: CountryPolygon = {
    label: 'ARM',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [45, 39],
          [47, 39],
          [47, 40],
          [45, 40],
          [45, 39],
        ],
      ],
    },
  };
  const line: [number, number][] = [
    [45.2, 40],
    [45.6, 40],
    [46, 40],
  ];
  it('left of a west→east line is north', () => {
    const s = labelLineSides(line, [north, south]);
    expect(s.left).toBe('AZE');
    expect(s.right).toBe('ARM');
  });
  it('a bridge the probes cannot label inherits from its neighbour (reversed direction too)', () => {
    const parts = labelBorderParts(
      [
        { coordinates: line, featureId: 'main', interpolated: false },
        // A reversed stub far out at sea (no polygon anywhere near), touching the main line's start.
        {
          coordinates: [
            [45.2, 40],
            [44.0, 40],
          ],
          featureId: 'bridge',
          interpolated: true,
        },
      ],
      [north, south],
    );
    // The stub runs east → west, so its left is south (ARM).
    expect(parts[1]?.left).toBe('ARM');
    expect(parts[1]?.right).toBe('AZE');
    expect(sideOfBorder([45.4, 40.01], parts).country).toBe('AZE');
    expect(sideOfBorder([45.4, 39.99], parts).country).toBe('ARM');
    // Near the stub, read through the inherited labels.
    const nearStub = sideOfBorder([44.5, 40.01], parts);
    expect(nearStub.part.featureId).toBe('bridge');
    expect(nearStub.country).toBe('AZE');
    expect(sideOfBorder([44.5, 39.99], parts).country).toBe('ARM');
  });
  it('a line that states its sides is read by them, not by probes (here the probes would say the opposite)', () => {
    // A line drawn 2 km inside the southern polygon: every probe up to 1.5 km lands in the south on both sides.
    const inside: [number, number][] = [
      [45.2, 39.982],
      [46, 39.982],
    ];
    expect(labelLineSides(inside, [north, south])).toMatchObject({ left: 'ARM', right: 'ARM' });
    const [stated] = labelBorderParts(
      [
        {
          coordinates: inside,
          featureId: 'other',
          interpolated: false,
          sides: { left: 'AZE', right: 'ARM' },
        },
      ],
      [north, south],
    );
    expect(stated).toMatchObject({ left: 'AZE', right: 'ARM' });
    expect(stated).not.toHaveProperty('sides');
    expect(sideOfBorder([45.5, 39.99], [stated as BorderPart]).country).toBe('AZE');
  });
});

describe('helpers', () => {
  it('densifyGeodesic keeps the vertices and bounds the step', () => {
    const d = densifyGeodesic(
      [
        [46, 40],
        [46.1, 40.05],
      ],
      100,
    );
    expect(d[0]).toEqual([46, 40]);
    expect(d[d.length - 1]).toEqual([46.1, 40.05]);
    for (let i = 0; i + 1 < d.length; i++) {
      expect(geodesicDistanceM(d[i] as number[], d[i + 1] as number[])).toBeLessThanOrEqual(100.0001);
    }
  });
  it('mergeLineParts joins parts end to end, reversing as needed', () => {
    const merged = mergeLineParts([
      [
        [0, 0],
        [1, 0],
      ],
      [
        [2, 0],
        [1, 0],
      ],
      [
        [5, 5],
        [6, 6],
      ],
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]?.coordinates).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
    ]);
  });
  it('clipLineToBox returns the inside pieces and marks open ends', () => {
    const pieces = clipLineToBox(
      [
        [-1, 0.5],
        [2, 0.5],
        [2, 2],
        [0.5, 2],
        [0.5, 0.8],
      ],
      [0, 0, 1, 1],
    );
    expect(pieces).toHaveLength(2);
    expect(pieces[0]?.coordinates).toEqual([
      [0, 0.5],
      [1, 0.5],
    ]);
    expect(pieces[0]?.entersAtEdge && pieces[0]?.exitsAtEdge).toBe(true);
    expect(pieces[1]?.entersAtEdge).toBe(true);
    expect(pieces[1]?.exitsAtEdge).toBe(false);
  });
});
