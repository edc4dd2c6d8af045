// The checks engine on a small synthetic world, so every expected value can be derived by hand or with
// GeographicLib: two square "countries" split by the parallel 40° N (border drawn with a vertex every
// 0.01°, so it follows the parallel to within millimetres), a square lake astride it, two places and
// three claims.
import geodesic from 'geographiclib-geodesic';
import type { Feature, Position } from 'geojson';
import gjv from 'geojson-validation';
import { describe, expect, it } from 'vitest';
import { CheckDataError } from '../../src/checks/errors.ts';
import { evaluateChecks } from '../../src/checks/evaluate.ts';
import {
  formatMeasured,
  formatRange,
  formatReported,
  formatTolerance,
  formatValue,
} from '../../src/checks/format.ts';
import type { CheckDeclaration, CheckInputs } from '../../src/checks/types.ts';
import { bandPosition, combineVerdicts, ruleVerdict, toleranceBand } from '../../src/checks/verdict.ts';

const G = geodesic.Geodesic.WGS84;
const inv = (a: Position, b: Position) =>
  G.Inverse(a[1] as number, a[0] as number, b[1] as number, b[0] as number);

function square(w: number, s: number, e: number, n: number): Position[][] {
  return [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
}

const place = (id: string, lon: number, lat: number, uncertaintyM: number | null = null) => ({
  type: 'Feature' as const,
  properties: {
    id,
    name: id.toUpperCase(),
    altNames: [],
    names: {},
    kind: 'village' as const,
    uncertaintyM,
    sources: [],
  },
  geometry: { type: 'Point' as const, coordinates: [lon, lat] },
});

const claim = (
  id: string,
  quote: string,
  geometry: Feature['geometry'] | null,
  uncertaintyM: number | null = null,
  notes?: string,
) => ({
  type: 'Feature' as const,
  properties: {
    id,
    side: 'armenia' as const,
    claimant: 'Test',
    eventDate: '2021-05-12',
    statementDate: '2021-05-12',
    summary: 's',
    quote,
    quoteKind: 'direct' as const,
    source: 'seed-000',
    kind: 'positions' as const,
    incident: 'test',
    geometryBasis: geometry ? 'test geometry' : null,
    geometryBy: geometry ? 'claimant' : null,
    uncertaintyM,
    answers: [],
    sources: [],
    ...(notes ? { notes } : {}),
  },
  geometry,
});

const borderLine: Position[] = [];
for (let i = 0; i <= 100; i++) borderLine.push([45.5 + i * 0.01, 40]);

function world(): Omit<CheckInputs, 'checks'> {
  return {
    places: {
      type: 'FeatureCollection',
      features: [place('a', 46, 39.9), place('b', 46.01, 39.95, 500)],
    },
    claims: {
      type: 'FeatureCollection',
      features: [
        claim(
          'c-point',
          'They went 1 kilometre into the country, they said.',
          { type: 'Point', coordinates: [46, 40.01] },
          30,
        ),
        claim(
          'c-none',
          'Six were captured in the border area.',
          null,
          null,
          'A map put it 800 m from the line.',
        ),
        claim(
          'c-area',
          'Troops advanced 2 kilometres and took the lake area.',
          { type: 'Polygon', coordinates: square(45.95, 39.98, 46.05, 40.005) },
          0,
        ),
      ],
    },
    borderLines: [
      {
        id: 'line',
        label: 'test line',
        features: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: 'line',
              properties: { id: 'line', name: 'test line', basis: 'test', sources: [] },
              geometry: { type: 'LineString', coordinates: borderLine },
            },
          ],
        },
      },
    ],
    basemap: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'country', a3: 'SMK' },
          geometry: { type: 'Polygon', coordinates: square(45, 39, 47, 40) },
        },
        {
          type: 'Feature',
          properties: { kind: 'country', a3: 'NVL' },
          geometry: { type: 'Polygon', coordinates: square(45, 40, 47, 41) },
        },
      ],
    },
    areas: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            id: 'lake',
            name: 'Lake',
            altNames: [],
            names: {},
            kind: 'lake',
            schematic: true,
            basis: 'a square',
            areaKm2Reported: 2,
            sources: [{ source: 'src-lake' }],
          },
          // 40° N cuts it 1/4 north, 3/4 south.
          geometry: { type: 'Polygon', coordinates: square(45.99, 39.985, 46.01, 40.005) },
        },
      ],
    },
  };
}

const T = { kind: 'about' } as const;
const declarations: CheckDeclaration[] = [
  {
    id: 'distance-a-b',
    title: 'B is north of A',
    claim: 'c-point',
    quote: '1 kilometre',
    reported: 5.6,
    unit: 'km',
    tolerance: T,
    toleranceBasis: 'test',
    measure: {
      kind: 'distance-between-places',
      from: 'a',
      to: 'b',
      direction: { wording: 'north of', expectedBearingDeg: 0, compass: 8 },
    },
  },
  {
    id: 'point-side',
    title: 'point 1 km inside NVL',
    claim: 'c-point',
    quote: 'They went 1 kilometre into the country',
    reported: 1000,
    unit: 'm',
    tolerance: T,
    toleranceBasis: 'test',
    measure: { kind: 'point-side-of-border', claim: 'c-point', country: 'NVL' },
  },
  {
    id: 'no-position',
    title: '800 m',
    claim: 'c-none',
    quote: 'Six were captured',
    reported: 800,
    reportedWording: '800 m from the line',
    unit: 'm',
    tolerance: T,
    toleranceBasis: 'test',
    measure: { kind: 'point-side-of-border', claim: 'c-none', country: 'SMK' },
  },
  {
    id: 'depth',
    title: 'advanced 2 km',
    claim: 'c-area',
    quote: 'advanced 2 kilometres',
    reported: 2,
    unit: 'km',
    tolerance: T,
    toleranceBasis: 'test',
    measure: { kind: 'depth-inside-country', claims: { ids: ['c-area'] }, country: 'SMK' },
  },
  {
    id: 'share',
    title: 'a quarter of the lake',
    claim: 'c-area',
    quote: 'took the lake area',
    reported: 25,
    unit: '%',
    tolerance: T,
    toleranceBasis: 'test',
    measure: {
      kind: 'polygon-share-by-border',
      polygon: 'lake',
      country: 'NVL',
      lines: [{ line: 'line' }, { label: 'absent line', ifMissing: 'not in the data' }],
    },
  },
  {
    id: 'nearest',
    title: 'context distances',
    claim: 'c-area',
    quote: 'Troops advanced',
    reported: null,
    unit: 'km',
    tolerance: null,
    toleranceBasis: 'no figure',
    measure: {
      kind: 'places-to-nearest-claimed-position',
      places: ['a', 'b'],
      claims: { ids: ['c-area', 'c-none'] },
    },
  },
  {
    id: 'area',
    title: 'lake area',
    claim: null,
    quote: null,
    sourcedProperty: { feature: 'lake', property: 'areaKm2Reported' },
    reported: 2,
    unit: 'km²',
    tolerance: T,
    toleranceBasis: 'test',
    measure: { kind: 'polygon-area', polygon: 'lake' },
  },
  {
    id: 'area-circular',
    title: 'lake area, drawn from the figure',
    claim: null,
    quote: null,
    sourcedProperty: { feature: 'lake', property: 'areaKm2Reported' },
    reported: 2,
    unit: 'km²',
    tolerance: T,
    toleranceBasis: 'test',
    circularBecause: 'the square was drawn to have that area',
    measure: { kind: 'polygon-area', polygon: 'lake' },
  },
];

const inputs = (checks: CheckDeclaration[] = declarations): CheckInputs => ({
  ...world(),
  checks: { checks },
});
const results = evaluateChecks(inputs());
const byId = (id: string) => {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('the one rule (verdict.ts)', () => {
  it('reads every figure the same way: about ± 25 %, at most + 25 %, at least − 25 %', () => {
    expect(toleranceBand(400, 'about')).toEqual([300, 500]);
    expect(toleranceBand(5, 'about')).toEqual([3.75, 6.25]);
    expect(toleranceBand(400, 'at-most')).toEqual([null, 500]);
    expect(toleranceBand(400, 'at-least')).toEqual([300, null]);
    expect(toleranceBand(0, 'at-least')).toEqual([0, null]);
  });
  it.each([
    [[310, 490], 'within'],
    [[300, 500], 'within'],
    [[100, 299], 'below'],
    [[501, 900], 'above'],
    [[280, 320], 'across'],
    [[100, 900], 'across'],
  ] as const)('places %j against 300–500 as %s', (range, position) => {
    expect(bandPosition(range, [300, 500])).toBe(position);
  });
  it('places ranges against open bands', () => {
    expect(bandPosition([-36, 24], [0, null])).toBe('across');
    expect(bandPosition([334, 394], [0, null])).toBe('within');
    expect(bandPosition([-80, -20], [0, null])).toBe('below');
    expect(bandPosition([1, 9], [null, 0])).toBe('above');
  });
  it.each([
    [['within', 'within'], 'consistent', 'all-within'],
    [['below'], 'inconsistent', 'all-below'],
    [['above', 'above', 'above'], 'inconsistent', 'all-above'],
    [['below', 'within', 'above', 'across'], 'depends-on-the-line', 'lines-disagree'],
    [['below', 'above'], 'depends-on-the-line', 'lines-disagree'],
    [['within', 'across'], 'cannot-check', 'uncertain'],
    [['across', 'across'], 'cannot-check', 'uncertain'],
    [['below', 'across'], 'cannot-check', 'uncertain'],
  ] as const)('lines placed %j → %s', (positions, verdict, why) => {
    expect(ruleVerdict(positions)).toEqual({ verdict, why });
  });
  it('combines two judgements of one statement: inconsistent wins, then depends, then cannot be checked', () => {
    expect(combineVerdicts('consistent', 'consistent')).toBe('consistent');
    expect(combineVerdicts('consistent', 'inconsistent')).toBe('inconsistent');
    expect(combineVerdicts('cannot-check', 'inconsistent')).toBe('inconsistent');
    expect(combineVerdicts('depends-on-the-line', 'consistent')).toBe('depends-on-the-line');
    expect(combineVerdicts('cannot-check', 'consistent')).toBe('cannot-check');
  });
});

describe('evaluateChecks on the synthetic world', () => {
  it('returns one JSON-ready result per declaration, in order, with the claim fields', () => {
    expect(results.map((r) => r.id)).toEqual(declarations.map((d) => d.id));
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    const r = byId('point-side');
    expect(r.claim).toBe('c-point');
    expect(r.source).toBe('seed-000');
    expect(r.statementDate).toBe('2021-05-12');
    expect(byId('area').source).toBe('src-lake');
    for (const x of results) {
      expect(gjv.valid(x.geometry, true)).toEqual([]);
      for (const f of x.geometry.features) expect(f.properties?.check).toBe(x.id);
      expect(x.method.length).toBeGreaterThan(20);
      expect(x.reason.length).toBeGreaterThan(10);
    }
  });

  it('distance: the GeographicLib distance, and the direction judged separately', () => {
    const r = byId('distance-a-b');
    const ref = inv([46, 39.9], [46.01, 39.95]);
    expect(Math.abs((r.measured as number) * 1000 - Number(ref.s12))).toBeLessThan(0.001);
    expect(Math.abs((r.details.initialBearingDeg as number) - Number(ref.azi1))).toBeLessThan(1e-6);
    // 5.6 km reported, ≈5.6 km measured ± 0.5 km (b's radius), bearing ≈8° — within 22.5° of north.
    expect(r.verdict).toBe('consistent');
    expect(r.verdictBasis).toBe('range');
    expect((r.range as number[])[1] - (r.range as number[])[0]).toBeCloseTo(1, 9);
    expect(r.lines).toEqual([]);
    expect(r.reason).toMatch(/inside the ±22.5° sector/);
    // Turf's haversine is given for comparison, and differs.
    expect(r.details.sphericalDistanceM).not.toBeCloseTo(Number(ref.s12), 0);
  });

  it('point side: 0.01° north of the line is 1.11 km inside NVL, ± 30 m (consistent with about 1 000 m)', () => {
    const r = byId('point-side');
    const ref = Number(inv([46, 40.01], [46, 40]).s12);
    expect(Math.abs((r.measured as number) - ref)).toBeLessThan(0.01);
    expect(r.range?.[0]).toBeCloseTo(ref - 30, 2);
    expect(r.range?.[1]).toBeCloseTo(ref + 30, 2);
    expect(r.lines).toMatchObject([{ line: 'line', label: 'test line', position: 'within' }]);
    expect((r.details.perLine as { sideCountry: string }[])[0]?.sideCountry).toBe('NVL');
    expect(r.details.countryPolygonsContaining).toEqual(['NVL']);
    expect(r.verdict).toBe('consistent');
    expect(r.tolerance?.band).toEqual([750, 1250]);
  });

  it('a claim with no geometry cannot be checked, and says why', () => {
    const r = byId('no-position');
    expect(r.verdict).toBe('cannot-check');
    expect(r.measured).toBeNull();
    expect(r.reason).toMatch(/^cannot be checked: no sourced position/);
    expect(r.verdictBasis).toBe('no-measurement');
    expect(r.range).toBeNull();
    expect(r.reportedWording).toBe('800 m from the line');
    expect(r.geometry.features).toHaveLength(0);
  });

  it('depth: the southern corners of the claimed area, 0.02° south of the line', () => {
    const r = byId('depth');
    const ref = Number(inv([45.95, 39.98], [45.95, 40]).s12);
    expect(Math.abs((r.measured as number) * 1000 - ref)).toBeLessThan(0.05);
    // 2.22 km measured, 2 km reported ± 0.5 km.
    expect(r.verdict).toBe('consistent');
    const segment = r.geometry.features.find((f) => f.properties?.role === 'depth-segment');
    expect(segment?.geometry.type).toBe('LineString');
  });

  it('share: a quarter of the lake lies north of the line', () => {
    const r = byId('share');
    // Independent: areas of the two halves with GeographicLib's PolygonArea.
    const area = (ring: Position[]) => {
      const p = G.Polygon(false);
      for (const q of ring.slice(0, -1)) p.AddPoint(q[1] as number, q[0] as number);
      return Math.abs(Number(p.Compute(false, true).area));
    };
    const north = area(square(45.99, 40, 46.01, 40.005)[0] as Position[]);
    const all = area(square(45.99, 39.985, 46.01, 40.005)[0] as Position[]);
    expect(Math.abs((r.measured as number) - (100 * north) / all)).toBeLessThan(0.01);
    expect(r.verdict).toBe('consistent');
    const lines = r.details.lines as { status: string; note: string }[];
    expect(lines[1]?.status).toBe('not-in-data');
    expect(r.lines[1]).toMatchObject({
      line: null,
      label: 'absent line',
      range: null,
      note: 'not in the data',
    });
    expect(r.summary).toContain('absent line: not in the data');
    expect(r.geometry.features.filter((f) => f.properties?.role === 'polygon-piece')).toHaveLength(2);
  });

  it('a context-only check (no figure) reports the distances but cannot be checked', () => {
    const r = byId('nearest');
    expect(r.verdict).toBe('cannot-check');
    expect(r.reason).toMatch(/^cannot be checked: the words give no figure/);
    expect(r.verdictBasis).toBe('no-figure');
    const per = r.details.perPlace as { place: string; distanceM: number }[];
    // a (46, 39.9) to the area's south edge: by symmetry, the midpoint of that edge's geodesic (which
    // bulges ≈1.2 m north of the parallel 39.98°).
    const edge = G.InverseLine(39.98, 45.95, 39.98, 46.05);
    const mid = edge.Position(Number(edge.s13) / 2);
    const ref = Number(G.Inverse(39.9, 46, Number(mid.lat2), Number(mid.lon2)).s12);
    expect(Math.abs((per[0]?.distanceM as number) - ref)).toBeLessThan(0.001);
    // b (46.01, 39.95) is 0.03° south of that edge: the meridian arc plus the ≈1.2 m poleward bulge.
    const arc = Number(inv([46.01, 39.95], [46.01, 39.98]).s12);
    expect((per[1]?.distanceM as number) - arc).toBeGreaterThan(0.5);
    expect((per[1]?.distanceM as number) - arc).toBeLessThan(1.5);
    expect(r.measured).toBeCloseTo((per[1]?.distanceM as number) / 1000, 12);
    expect(formatMeasured(r)).toBe('A 8.88 km, B 3.33 km');
  });

  it('area: measured on the ellipsoid; circular declarations cannot be checked', () => {
    const r = byId('area');
    expect(r.verdict).toBe('inconsistent'); // the square is ~3.8 km², not 2
    const c = byId('area-circular');
    expect(c.verdict).toBe('cannot-check');
    expect(c.reason).toMatch(/^cannot be checked independently: the square was drawn/);
    // The square measures ~3.8 km² against about 2 km²: the drawing does not agree with the figure, and says so.
    expect(c.reason).toContain('which does not agree with the 2 km² reported');
    expect(c.verdictBasis).toBe('circular');
    expect(c.measured).toBe(r.measured);
  });
});

describe('against two border lines', () => {
  // A second line 0.005° north of the first, stating its sides (NVL on the left of a west→east line).
  const second: Position[] = borderLine.map((p) => [p[0] as number, 40.005]);
  const twoLines = (checks: CheckDeclaration[]): CheckInputs => {
    const w = world();
    return {
      ...w,
      checks: { checks },
      borderLines: [
        ...w.borderLines,
        {
          id: 'line-b',
          label: 'line B',
          features: {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                id: 'line-b',
                properties: {
                  id: 'line-b',
                  name: 'line B',
                  basis: 'test',
                  sources: [],
                  leftCountry: 'NVL',
                  rightCountry: 'SMK',
                },
                geometry: { type: 'LineString', coordinates: second },
              },
            ],
          },
        },
      ],
    };
  };
  const [r] = evaluateChecks(twoLines([declarations[1] as CheckDeclaration]));

  it('measures every line, each over the point’s uncertainty, and says where each range lies', () => {
    const a = Number(inv([46, 40.01], [46, 40]).s12);
    const b = Number(inv([46, 40.01], [46, 40.005]).s12);
    expect(r?.lines.map((l) => [l.line, l.position])).toEqual([
      ['line', 'within'],
      ['line-b', 'below'],
    ]);
    expect(r?.lines[1]?.range?.[0]).toBeCloseTo(b - 30, 2);
    expect(r?.range?.[0]).toBeCloseTo(b - 30, 2);
    expect(r?.range?.[1]).toBeCloseTo(a + 30, 2);
    expect(r?.measured).toBeCloseTo(a, 2);
  });

  it('depends on the line when one line puts the figure inside the band and another below it', () => {
    expect(r?.verdict).toBe('depends-on-the-line');
    expect(r?.rangeText).toMatch(
      /^525 to 1140 m inside NVL, depending on the line and on the positions’ uncertainty$/,
    );
    expect(r?.reason).toMatch(
      /^depends on the line: .*test line 1080 to 1140 m \(within it\); line B 525 to 585 m \(below it\)$/,
    );
  });

  it('measures only the line a declaration names, when it names one', () => {
    const only = {
      ...(declarations[1] as CheckDeclaration),
      measure: { ...(declarations[1] as CheckDeclaration).measure, line: 'line-b' },
    } as CheckDeclaration;
    const [x] = evaluateChecks(twoLines([only]));
    expect(x?.lines.map((l) => l.line)).toEqual(['line-b']);
    expect(x?.verdict).toBe('inconsistent');
  });

  it('an "at least" figure: inside the country at all (at least 0 m) is consistent on both lines', () => {
    const inside = {
      ...(declarations[1] as CheckDeclaration),
      reported: 0,
      tolerance: { kind: 'at-least' },
    } as CheckDeclaration;
    const [x] = evaluateChecks(twoLines([inside]));
    expect(x?.tolerance?.band).toEqual([0, null]);
    expect(x?.verdict).toBe('consistent');
    expect(formatTolerance(x as never)).toBe('at least 0 m');
  });
});

describe('bad data fails only the checks that need it, each with its problem named', () => {
  /** Every pattern is found among the problems of the checks that failed. */
  const expectProblems = (input: CheckInputs, ...patterns: RegExp[]) => {
    const failed = evaluateChecks(input).filter((r) => r.problem);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.verdict).toBe('cannot-check');
      expect(r.measured).toBeNull();
      expect(r.reason).toMatch(/^cannot be checked: this check could not be computed — /);
    }
    const problems = failed.map((r) => r.problem).join('\n');
    for (const p of patterns) expect(problems).toMatch(p);
  };
  const one = (patch: Partial<CheckDeclaration>) =>
    inputs([{ ...(declarations[1] as CheckDeclaration), ...patch }]);

  it('a quote that is not verbatim in the claim', () => {
    expectProblems(one({ quote: 'They went 2 kilometres' }), /does not occur verbatim/);
  });
  it('an unknown claim, place or country, a bad tolerance, a duplicate id', () => {
    expectProblems(
      inputs([
        {
          ...(declarations[0] as CheckDeclaration),
          measure: { kind: 'distance-between-places', from: 'a', to: 'zz' },
        },
        { ...(declarations[1] as CheckDeclaration), claim: 'nope' },
        {
          ...(declarations[1] as CheckDeclaration),
          id: 'x',
          measure: { kind: 'point-side-of-border', claim: 'c-point', country: 'XXX' },
        },
        {
          ...(declarations[1] as CheckDeclaration),
          id: 'x',
          tolerance: { kind: 'roughly' } as never,
        },
      ]),
      /place "zz"/,
      /claim "nope"/,
      /country "XXX"/,
      /tolerance must be \{ "kind": "about" \| "at-most" \| "at-least" \}/,
      /the id "x" is used by an earlier check/,
    );
  });
  it('a reportedWording that is not in the claim, and a sourced value that differs', () => {
    expectProblems(
      inputs([
        { ...(declarations[2] as CheckDeclaration), reportedWording: '900 m' },
        { ...(declarations[6] as CheckDeclaration), reported: 3 },
      ]),
      /reportedWording "900 m"/,
      /differs from lake.areaKm2Reported/,
    );
  });
  it('a file that is not a FeatureCollection fails the checks that read it, and only those', () => {
    const broken = { ...inputs(), places: null as never };
    expectProblems(broken, /places.geojson is unusable: places.geojson: not a GeoJSON FeatureCollection/);
    const results = evaluateChecks(broken);
    // Distance and nearest-position checks read the places; side, depth, share and area do not.
    expect(results.filter((r) => r.problem).map((r) => r.id)).toEqual(['distance-a-b', 'nearest']);
    expect(results.find((r) => r.id === 'share')?.verdict).toBe('consistent');
  });

  it('one check naming an unknown claim does not hide the others', () => {
    const broken = { ...(declarations[1] as CheckDeclaration), id: 'broken', claim: 'nope' };
    const results = evaluateChecks(inputs([broken, ...declarations]));
    expect(results[0]?.problem).toMatch(/claim "nope" is not in claims.geojson/);
    expect(results.slice(1).map((r) => r.id)).toEqual(declarations.map((d) => d.id));
    expect(results.slice(1).every((r) => !r.problem)).toBe(true);
  });

  it('a dropped feature is named with why it was left out', () => {
    const world = inputs();
    const claims = world.claims.features.map((f) =>
      f.properties.id === 'c-point' ? { ...f, properties: { ...f.properties, quote: 42 as never } } : f,
    );
    const results = evaluateChecks({ ...world, claims: { type: 'FeatureCollection', features: claims } });
    expect(results.find((r) => r.id === 'point-side')?.problem).toMatch(
      /claim "c-point" is not in claims.geojson \(claims.geojson: feature c-point left out \(no quote\)\)/,
    );
  });

  it('a checks file without checks is the one error that stops everything', () => {
    expect(() => evaluateChecks({ ...inputs(), checks: { nope: 1 } as never })).toThrow(CheckDataError);
  });
});

describe('formatting for readers', () => {
  it('rounds per unit and keeps signs', () => {
    expect(formatValue(3.2512, 'km')).toBe('3.25 km');
    expect(formatValue(12.74, 'km')).toBe('12.7 km');
    expect(formatValue(-6.29, 'm')).toBe('−6 m');
    expect(formatValue(-0.2, 'm')).toBe('0 m');
    expect(formatValue(17.53, '%')).toBe('18 %');
    expect(formatValue(1.99999, 'km²')).toBe('2.00 km²');
    expect(formatValue(326.07, 'deg')).toBe('326°');
    expect(formatValue(null, 'km')).toBe('—');
    expect(formatReported(3.5, 'km')).toBe('3.5 km');
    expect(formatTolerance(byId('distance-a-b'))).toBe('4.2–7 km (5.6 km ± 25 %)');
    expect(formatTolerance(byId('point-side'))).toBe('750–1250 m (1000 m ± 25 %)');
    expect(formatRange([-36.2, 1305.4], 'm', true)).toBe('−36 to +1305 m');
    expect(formatRange([3.2512, 3.2549], 'km')).toBe('3.25 km');
  });
});
