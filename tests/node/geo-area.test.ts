// Ellipsoidal polygon area, sampling, depth and polygon splitting, checked against GeographicLib's
// PolygonArea (Karney 2013, geodesic polygon areas) and against exact constructions.
import fc from 'fast-check';
import geodesic from 'geographiclib-geodesic';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type BorderPart, sideOfBorder } from '../../src/geo/borderSides.ts';
import { maxDepthInside } from '../../src/geo/depthInside.ts';
import { ellipsoidalAreaM2, ringAreaM2 } from '../../src/geo/ellipsoidalArea.ts';
import { nearestPointOnLines } from '../../src/geo/nearestPointOnLines.ts';
import { sampleGeometry } from '../../src/geo/sampleGeometry.ts';
import { splitPolygonByLines } from '../../src/geo/splitPolygonByLines.ts';

const G = geodesic.Geodesic.WGS84;

/** GeographicLib's area of a ring of [lon, lat] (unsigned, m²). */
function referenceAreaM2(ring: Position[]): number {
  const p = G.Polygon(false);
  const pts = ring.slice(0, -1);
  for (const q of pts) p.AddPoint(q[1] as number, q[0] as number);
  return Math.abs(p.Compute(false, true).area as number);
}

describe('ellipsoidalAreaM2', () => {
  it('published: GeographicLib test Planimeter0 — the octant (90,0),(0,0),(0,90): 63 758 202 715 511 m²', () => {
    // geographiclib-geodesic test/geodesictest.js, "Planimeter0" (area to ±1 m²).
    const a = ringAreaM2([
      [0, 90],
      [0, 0],
      [90, 0],
      [0, 90],
    ]);
    expect(Math.abs(a - 63_758_202_715_511) / 63_758_202_715_511).toBeLessThan(1e-6);
  });
  it('published: Planimeter0 — the diamond (0,−1),(−1,0),(0,1),(1,0): 24 619 419 146 m²', () => {
    const a = ringAreaM2([
      [-1, 0],
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ]);
    expect(Math.abs(a - 24_619_419_146) / 24_619_419_146).toBeLessThan(1e-6);
  });
  it('random small polygons near the border agree with GeographicLib to 1e-5', () => {
    const lon = fc.double({ min: 45.6, max: 46.6, noNaN: true });
    const lat = fc.double({ min: 39.4, max: 40.3, noNaN: true });
    fc.assert(
      fc.property(
        lon,
        lat,
        fc.double({ min: 0.005, max: 0.2, noNaN: true }),
        fc.integer({ min: 3, max: 12 }),
        (x, y, r, n) => {
          // A star-shaped ring (no self-intersection): vertices at varying radii around (x, y).
          const ring: Position[] = [];
          for (let k = 0; k < n; k++) {
            const t = (2 * Math.PI * k) / n;
            const rr = r * (0.6 + 0.4 * Math.abs(Math.sin(3 * t + x)));
            ring.push([x + rr * Math.cos(t), y + rr * 0.77 * Math.sin(t)]);
          }
          ring.push(ring[0] as Position);
          const ref = referenceAreaM2(ring);
          expect(Math.abs(ringAreaM2(ring) - ref) / ref).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('holes are subtracted; MultiPolygons add up', () => {
    const outer: Position[] = [
      [46, 40],
      [46.1, 40],
      [46.1, 40.1],
      [46, 40.1],
      [46, 40],
    ];
    const hole: Position[] = [
      [46.02, 40.02],
      [46.02, 40.05],
      [46.05, 40.05],
      [46.05, 40.02],
      [46.02, 40.02],
    ];
    const a = ellipsoidalAreaM2({ type: 'Polygon', coordinates: [outer, hole] });
    expect(Math.abs(a - (referenceAreaM2(outer) - referenceAreaM2(hole))) / a).toBeLessThan(1e-6);
    const m = ellipsoidalAreaM2({ type: 'MultiPolygon', coordinates: [[outer], [hole]] });
    expect(Math.abs(m - (referenceAreaM2(outer) + referenceAreaM2(hole))) / m).toBeLessThan(1e-6);
  });
});

// A box split east–west by the parallel 40.05° N; countries north (AZE) and south (ARM).
const box: Polygon = {
  type: 'Polygon',
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
const border: BorderPart[] = [
  {
    coordinates: [
      [45.9, 40.05],
      [46.2, 40.05],
    ],
    left: 'AZE',
    right: 'ARM',
    featureId: 'test-line',
    interpolated: false,
  },
];
const classify = (p: [number, number]) => sideOfBorder(p, border).country ?? 'unknown';

describe('splitPolygonByLines', () => {
  it('splits a box into its two halves with the right labels and areas', () => {
    const s = splitPolygonByLines(box, [border[0]?.coordinates as [number, number][]], classify);
    expect(s.status).toBe('split');
    const north = referenceAreaM2([
      [46, 40.05],
      [46.1, 40.05],
      [46.1, 40.1],
      [46, 40.1],
      [46, 40.05],
    ]);
    const total = referenceAreaM2(box.coordinates[0] as Position[]);
    // GeographicLib's north half has geodesic edges; ours are straight in degrees (as clipped): 1e-4.
    expect(Math.abs((s.areaBySideM2.AZE ?? 0) - north) / north).toBeLessThan(1e-4);
    // The pieces add up to the whole (the clipping rounds coordinates at ~1e-12°).
    expect(
      Math.abs((s.areaBySideM2.AZE ?? 0) + (s.areaBySideM2.ARM ?? 0) - s.totalAreaM2) / total,
    ).toBeLessThan(1e-6);
    expect(Math.abs(s.totalAreaM2 - total) / total).toBeLessThan(1e-4);
  });
  it('a zig-zag line crossing twice still partitions the area', () => {
    const zig: [number, number][] = [
      [45.9, 40.02],
      [46.03, 40.02],
      [46.05, 40.2],
      [46.07, 40.02],
      [46.2, 40.02],
    ];
    const parts: BorderPart[] = [
      { coordinates: zig, left: 'AZE', right: 'ARM', featureId: 'zig', interpolated: false },
    ];
    const s = splitPolygonByLines(box, [zig], (p) => sideOfBorder(p, parts).country ?? 'unknown');
    const sum = Object.values(s.areaBySideM2).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - s.totalAreaM2) / s.totalAreaM2).toBeLessThan(1e-6);
    // North of the line (left, AZE): the two notches either side of the spike; the inside of the spike
    // and the strip south of 40.02° form one ARM piece.
    expect(s.pieces.filter((p) => p.side === 'AZE')).toHaveLength(2);
    expect(s.pieces.filter((p) => p.side === 'ARM')).toHaveLength(1);
  });
  it('a line that ends inside the box leaves the split undetermined', () => {
    const s = splitPolygonByLines(
      box,
      [
        [
          [45.9, 40.05],
          [46.05, 40.05],
        ],
      ],
      classify,
    );
    expect(s.status).toBe('undetermined');
    expect(s.reason).toMatch(/ends near the polygon/);
  });
  it('a line that misses the polygon leaves it on one side', () => {
    const s = splitPolygonByLines(
      box,
      [
        [
          [45.9, 40.3],
          [46.2, 40.3],
        ],
      ],
      () => 'ARM',
    );
    expect(s.status).toBe('one-side');
    expect(s.areaBySideM2.ARM).toBeCloseTo(s.totalAreaM2, 3);
  });
});

describe('sampling and depth', () => {
  it('samples cover a polygon to within spacing/√2', () => {
    const s = sampleGeometry(box, 200);
    // Any point of the box is within 200/√2 m of a sample: test random points.
    fc.assert(
      fc.property(
        fc.double({ min: 46, max: 46.1, noNaN: true }),
        fc.double({ min: 40, max: 40.1, noNaN: true }),
        (x, y) => {
          const d = Math.min(...s.points.map((p) => Number(G.Inverse(y, x, p[1], p[0]).s12)));
          expect(d).toBeLessThanOrEqual(200 / Math.SQRT2 + 1);
        },
      ),
      { numRuns: 30 },
    );
  });
  it('depth of the box inside ARM = distance of its southern edge from the line (exact at the corners)', () => {
    const d = maxDepthInside(box, border, 'ARM', 50);
    // The deepest points are the southern corners, which are vertices (sampled exactly).
    const corner = nearestPointOnLines([46, 40], [border[0]?.coordinates as [number, number][]]).distanceM;
    expect(Math.abs(d.depthM - corner)).toBeLessThan(0.01);
    // The border is a 25.6 km geodesic between two points on 40.05° N, so it bulges poleward by
    // L²·tanφ/8R ≈ 10 m: the depth exceeds the meridian arc 40°→40.05° by about that much.
    const meridianArc = Number(G.Inverse(40, 46, 40.05, 46).s12);
    expect(d.depthM - meridianArc).toBeGreaterThan(5);
    expect(d.depthM - meridianArc).toBeLessThan(12);
  });
  it('a geometry wholly on the other side has depth 0', () => {
    const d = maxDepthInside({ type: 'Point', coordinates: [46.05, 40.08] }, border, 'ARM');
    expect(d.depthM).toBe(0);
    expect(d.deepestPoint).toBeNull();
    expect(d.maxSignedM).toBeLessThan(0);
  });
});
