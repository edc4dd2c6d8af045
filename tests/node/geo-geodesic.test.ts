// The geodesic module against published values and against GeographicLib (an independent
// implementation of Karney's method, used here only as the reference).
import fc from 'fast-check';
import geodesic from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { bearingDifferenceDeg, dmsToDeg } from '../../src/geo/angles.ts';
import { BESSEL_1841, INTERNATIONAL_1924, WGS84 } from '../../src/geo/ellipsoid.ts';
import {
  geodesicDirect,
  geodesicDistanceM,
  geodesicInverse,
  geodesicInverseQuadrature,
} from '../../src/geo/geodesic.ts';

const G = geodesic.Geodesic.WGS84;
const MM = 0.001;

/** Seconds of arc → degrees. */
const arcsec = (s: number) => s / 3600;

describe('published test values', () => {
  // T. Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid with application of nested
  // equations", Survey Review 23(176):88–93, April 1975 — the test lines (a)–(e) tabulated on p. 92.
  // Line (a) is on the Bessel ellipsoid, (b)–(e) on the International (Hayford 1924) ellipsoid. Point 1 is
  // at longitude 0; L is the longitude of point 2. The table gives s to 1 mm and the azimuths to 1e-5″.
  const lines = [
    {
      name: '(a) Bessel',
      e: BESSEL_1841,
      lat1: dmsToDeg(55, 45, 0),
      lat2: dmsToDeg(33, 26, 0, 'S'),
      L: dmsToDeg(108, 13, 0),
      s: 14_110_526.17,
      azi1: dmsToDeg(96, 36, 8.7996),
      azi2: dmsToDeg(137, 52, 22.01454),
    },
    {
      name: '(b) International',
      e: INTERNATIONAL_1924,
      lat1: dmsToDeg(37, 19, 54.95367),
      lat2: dmsToDeg(26, 7, 42.83946),
      L: dmsToDeg(41, 28, 35.50729),
      s: 4_085_966.703,
      azi1: dmsToDeg(95, 27, 59.63089),
      azi2: dmsToDeg(118, 5, 58.96161),
    },
    {
      name: '(c) International',
      e: INTERNATIONAL_1924,
      lat1: dmsToDeg(35, 16, 11.24862),
      lat2: dmsToDeg(67, 22, 14.77638),
      L: dmsToDeg(137, 47, 28.31435),
      s: 8_084_823.839,
      azi1: dmsToDeg(15, 44, 23.7485),
      azi2: dmsToDeg(144, 55, 39.92147),
    },
    // Lines (d) and (e) are nearly antipodal; Vincenty's table gives the direct-problem azimuths
    // (89° and 4°59′59.99995″), which the inverse reproduces to ~1e-3″ (a known property of the table).
    {
      name: '(d) International, nearly antipodal',
      e: INTERNATIONAL_1924,
      lat1: 1,
      lat2: dmsToDeg(0, 59, 53.83076, 'S'),
      L: dmsToDeg(179, 17, 48.02997),
      s: 19_960_000,
      azi1: 89,
      azi2: dmsToDeg(91, 0, 6.11733),
    },
    {
      name: '(e) International, nearly antipodal',
      e: INTERNATIONAL_1924,
      lat1: 1,
      lat2: dmsToDeg(1, 1, 15.18952),
      L: dmsToDeg(179, 46, 17.84244),
      s: 19_780_006.558,
      azi1: dmsToDeg(4, 59, 59.99995),
      azi2: dmsToDeg(174, 59, 59.88481),
    },
  ];
  for (const t of lines) {
    it(`Vincenty 1975 test line ${t.name}`, () => {
      const r = geodesicInverse([0, t.lat1], [t.L, t.lat2], t.e);
      // The table rounds s to the millimetre.
      expect(Math.abs(r.distanceM - t.s)).toBeLessThan(1.5 * MM);
      expect(bearingDifferenceDeg(r.initialBearingDeg, t.azi1)).toBeLessThan(arcsec(0.002));
      expect(bearingDifferenceDeg(r.finalBearingDeg, t.azi2)).toBeLessThan(arcsec(0.002));
    });
  }

  // geographiclib-geodesic README ("Examples"): Wellington (41.32S, 174.81E) → Salamanca (40.96N, 5.50W)
  // "The distance is 19959679.267 m."; 20000 km SW of Perth (32.06S, 115.74E) →
  // "The position is (32.11195529, -63.95925278)."
  it('GeographicLib README: Wellington → Salamanca (nearly antipodal)', () => {
    expect(geodesicDistanceM([174.81, -41.32], [-5.5, 40.96])).toBeCloseTo(19_959_679.267, 3);
  });
  it('GeographicLib README: 20 000 km south-west of Perth', () => {
    const r = geodesicDirect([115.74, -32.06], 225, 20_000e3);
    expect(r.position[1]).toBeCloseTo(32.11195529, 7);
    expect(r.position[0]).toBeCloseTo(-63.95925278, 7);
  });

  // GeographicLib test suite (geographiclib-geodesic test/geodesictest.js), cases GeodSolve0, 76, 78, 6.
  it('GeodSolve0: JFK → Paris CDG (azimuths 53.47022°, 111.59367°; 5 853 226 m)', () => {
    const r = geodesicInverse([-73.8, 40.6], [2.55, 49.01666667]);
    expect(r.distanceM).toBeCloseTo(5_853_226, -0.3);
    expect(r.initialBearingDeg).toBeCloseTo(53.47022, 4);
    expect(r.finalBearingDeg).toBeCloseTo(111.59367, 4);
  });
  it('GeodSolve76: "a classic failure of Vincenty" (19 960 543.857179 m)', () => {
    // Classic implementations stop after 100 iterations; ours allows 200 and converges here (to 5 µm).
    const r = geodesicInverse([174 + 49 / 60, -(41 + 19 / 60)], [-(5 + 30 / 60), 40 + 58 / 60]);
    expect(Math.abs(r.distanceM - 19_960_543.857179)).toBeLessThan(1e-5);
    expect(
      Math.abs(
        geodesicInverseQuadrature([174 + 49 / 60, -(41 + 19 / 60)], [-(5 + 30 / 60), 40 + 58 / 60])
          .distanceM - 19_960_543.857179,
      ),
    ).toBeLessThan(1e-6);
    expect(r.initialBearingDeg).toBeCloseTo(160.39137649664, 7);
    expect(r.finalBearingDeg).toBeCloseTo(19.50042925176, 7);
  });
  it('GeodSolve78: where the NGS calculator fails to converge (19 974 354.765767 m)', () => {
    const r = geodesicInverse([0, 27.2], [179.5, -27.1]);
    expect(Math.abs(r.distanceM - 19_974_354.765767)).toBeLessThan(1e-6);
    expect(r.initialBearingDeg).toBeCloseTo(45.82468716758, 9);
    expect(r.finalBearingDeg).toBeCloseTo(134.2277653267, 9);
  });
  it('GeodSolve6/9/10/11: nearly antipodal lines', () => {
    // The literals are GeographicLib's, digit for digit (more than a double holds, hence Number('…')).
    const cases: [number, number, number, number, number][] = [
      [88.202499451857, 0, -88.202499451857, Number('179.981022032992859592'), 20_003_898.214],
      [89.262080389218, 0, -89.262080389218, Number('179.992207982775375662'), 20_003_925.854],
      [56.320923501171, 0, -56.320923501171, Number('179.664747671772880215'), 19_993_558.287],
      [
        52.784459512564,
        0,
        Number('-52.784459512563990912'),
        Number('179.634407464943777557'),
        19_991_596.095,
      ],
      [48.522876735459, 0, Number('-48.52287673545898293'), Number('179.599720456223079643'), 19_989_144.774],
    ];
    for (const [lat1, lon1, lat2, lon2, s] of cases) {
      expect(Math.abs(geodesicDistanceM([lon1, lat1], [lon2, lat2]) - s)).toBeLessThan(0.6 * MM);
    }
  });
  it('GeodSolve4: a 7 cm line (0.072 m)', () => {
    expect(geodesicDistanceM([0, 36.493349428792], [0.0000008, 36.49334942879201])).toBeCloseTo(0.072, 3);
  });
  it('GeodSolve1: direct from JFK, 53.5°, 5 850 km → (49.01467, 2.56106), azimuth 111.62947°', () => {
    const r = geodesicDirect([-73.77888889, 40.63972222], 53.5, 5850e3);
    expect(r.position[1]).toBeCloseTo(49.01467, 5);
    expect(r.position[0]).toBeCloseTo(2.56106, 5);
    expect(r.finalBearingDeg).toBeCloseTo(111.62947, 4);
  });
  it('the meridian quadrant and the half equator', () => {
    // Pole to pole along a meridian = 2 × 10 001 965.729 m (meridian quadrant of WGS84).
    expect(Math.abs(geodesicDistanceM([0, -90], [0, 90]) - 20_003_931.4586254)).toBeLessThan(MM);
    // Equatorial points 179° apart: the equator itself is the geodesic, s = a·λ.
    expect(
      Math.abs(geodesicDistanceM([0, 0], [179, 0]) - (WGS84.equatorialRadiusM * 179 * Math.PI) / 180),
    ).toBeLessThan(MM);
  });
});

// Random points anywhere; fast-check also tries edge values (poles, equator, ±180°).
const lat = fc.double({ min: -90, max: 90, noNaN: true });
const lon = fc.double({ min: -180, max: 180, noNaN: true });
const point = fc.tuple(lon, lat);

describe('agreement with GeographicLib (Karney 2013) on random points', () => {
  it('inverse distance to < 1 mm, azimuths to < 1e-6° where defined', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const ref = G.Inverse(a[1], a[0], b[1], b[0]);
        const r = geodesicInverse(a, b);
        expect(Math.abs(r.distanceM - Number(ref.s12))).toBeLessThan(MM);
        // Azimuths are ill-defined for (nearly) coincident points and at the poles, and ill-conditioned for
        // nearly antipodal pairs (a metre's move swings them by degrees), so they are compared elsewhere.
        const nearPole = Math.abs(a[1]) > 89.999 || Math.abs(b[1]) > 89.999;
        if (Number(ref.s12) > 1 && !nearPole && Number(ref.s12) < 19_900_000) {
          expect(bearingDifferenceDeg(r.initialBearingDeg, ref.azi1 as number)).toBeLessThan(1e-6);
          expect(bearingDifferenceDeg(r.finalBearingDeg, ref.azi2 as number)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('nearly antipodal pairs (the quadrature fallback) to < 1 mm', () => {
    fc.assert(
      fc.property(
        point,
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        (a, dLat, dLon) => {
          const b: [number, number] = [a[0] + 180 + dLon, -a[1] + dLat];
          if (Math.abs(b[1]) > 90) return;
          const ref = G.Inverse(a[1], a[0], b[1], b[0]);
          expect(Math.abs(geodesicDistanceM(a, b) - Number(ref.s12))).toBeLessThan(MM);
          expect(Math.abs(geodesicInverseQuadrature(a, b).distanceM - Number(ref.s12))).toBeLessThan(MM);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('the quadrature solution agrees everywhere, not only near the antipode', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const ref = G.Inverse(a[1], a[0], b[1], b[0]);
        expect(Math.abs(geodesicInverseQuadrature(a, b).distanceM - Number(ref.s12))).toBeLessThan(MM);
      }),
      { numRuns: 500 },
    );
  });

  it('short lines in the Armenia–Azerbaijan border area to < 0.01 mm', () => {
    const local = fc.tuple(
      fc.double({ min: 45.5, max: 46.8, noNaN: true }),
      fc.double({ min: 39.2, max: 40.4, noNaN: true }),
    );
    fc.assert(
      fc.property(local, local, (a, b) => {
        const ref = G.Inverse(a[1], a[0], b[1], b[0]);
        expect(Math.abs(geodesicDistanceM(a, b) - Number(ref.s12))).toBeLessThan(0.01 * MM);
      }),
      { numRuns: 2000 },
    );
  });

  it('direct problem: end point within 1 mm of GeographicLib for any distance up to 20 000 km', () => {
    fc.assert(
      fc.property(
        fc.tuple(lon, fc.double({ min: -89.9, max: 89.9, noNaN: true })),
        fc.double({ min: 0, max: 360, noNaN: true, maxExcluded: true }),
        fc.double({ min: 0, max: 20_000_000, noNaN: true }),
        (a, azi, s) => {
          const ref = G.Direct(a[1], a[0], azi, s);
          const r = geodesicDirect(a, azi, s);
          const gap = G.Inverse(ref.lat2 as number, ref.lon2 as number, r.position[1], r.position[0]).s12;
          expect(gap).toBeLessThan(MM);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('properties', () => {
  it('zero distance to itself', () => {
    fc.assert(
      fc.property(point, (a) => {
        expect(geodesicDistanceM(a, a)).toBe(0);
      }),
    );
  });
  it('symmetric', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(Math.abs(geodesicDistanceM(a, b) - geodesicDistanceM(b, a))).toBeLessThan(MM / 10);
      }),
      { numRuns: 1000 },
    );
  });
  it('triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(geodesicDistanceM(a, c)).toBeLessThanOrEqual(
          geodesicDistanceM(a, b) + geodesicDistanceM(b, c) + MM,
        );
      }),
      { numRuns: 1000 },
    );
  });
  it('never longer than half the meridian … plus the equatorial excess (≤ 20 003 931.46 m)', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(geodesicDistanceM(a, b)).toBeLessThanOrEqual(20_003_931.4587);
      }),
      { numRuns: 1000 },
    );
  });
  it('direct then inverse returns the distance and the azimuth', () => {
    fc.assert(
      fc.property(
        fc.tuple(lon, fc.double({ min: -80, max: 80, noNaN: true })),
        fc.double({ min: 0, max: 359.999, noNaN: true }),
        fc.double({ min: 1, max: 15_000_000, noNaN: true }),
        (a, azi, s) => {
          const end = geodesicDirect(a, azi, s).position;
          const back = geodesicInverse(a, end);
          expect(Math.abs(back.distanceM - s)).toBeLessThan(MM);
          // Compare the azimuth as the sideways offset it implies at the end point (< 1 µm), since for
          // metre-long lines the coordinates' rounding alone moves the azimuth by ~1e-6°.
          const offsetM = s * Math.sin((bearingDifferenceDeg(back.initialBearingDeg, azi) * Math.PI) / 180);
          expect(offsetM).toBeLessThan(1e-6 * Math.max(1, s / 1000));
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('rejects bad input', () => {
    expect(() => geodesicInverse([0, 91], [0, 0])).toThrow(RangeError);
    expect(() => geodesicInverse([Number.NaN, 0], [0, 0])).toThrow(RangeError);
    expect(() => geodesicDirect([0, 0], 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
