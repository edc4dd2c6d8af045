// Fair to both sides by construction, on the same ground: the two countries trade names, codes and claims, and
// nothing else moves. Every country code and name is swapped in the basemap (so a line that states no sides is
// probed the other way round), every line that states its sides has left and right swapped, every claim's side is
// the other side's, and every check asks about the other country. A claim that a point lies "400 m inside A",
// made by A, becomes the claim that the same point lies "400 m inside B", made by B, on a map where that ground is
// B's: each check must give the same range, the same place against its band on every line, the same verdict, and
// say so with the other country's name. Run on the made-up fixture story and on the repository's own story.
// (checks-symmetry.test.ts does the same on a mirror image of the fixture, which also reverses every line.)
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../src/checks/evaluate.ts';
import type { CheckInputs, CheckResult } from '../../src/checks/types.ts';
import { checkInputs, fixture, story } from './stories.ts';

type Pair = { codes: [string, string]; names: [string, string]; sides: [string, string] };

const swapper = ([a, b]: [string, string]) => {
  const map: Record<string, string> = { [a]: b, [b]: a };
  return (v: unknown) => (typeof v === 'string' ? (map[v] ?? v) : v);
};

/** The same inputs with the two countries' codes, names and sides traded everywhere; no coordinate changes. */
function swapSides(inputs: CheckInputs, pair: Pair): CheckInputs {
  const code = swapper(pair.codes);
  const name = swapper(pair.names);
  const side = swapper(pair.sides);
  type Fc = { features: { properties: Record<string, unknown> }[] };
  const withProps = <T>(fc: T, f: (p: Record<string, unknown>) => Record<string, unknown>): T => {
    const c = fc as unknown as Fc;
    return { ...c, features: c.features.map((x) => ({ ...x, properties: f(x.properties) })) } as T;
  };
  const checks = (inputs.checks as unknown as { checks: Record<string, unknown>[] }).checks.map((c) => {
    const m = { ...(c.measure as Record<string, unknown>) };
    if ('country' in m) m.country = code(m.country);
    return { ...c, measure: m };
  });
  return {
    ...inputs,
    checks: { ...(inputs.checks as object), checks } as never,
    claims: withProps(inputs.claims, (p) => ({ ...p, side: side(p.side) })),
    basemap: withProps(inputs.basemap, (p) => ({ ...p, a3: code(p.a3), name: name(p.name) })),
    borderLines: inputs.borderLines.map((line) => ({
      ...line,
      features: withProps(line.features, (p) =>
        'leftCountry' in p
          ? { ...p, leftCountry: code(p.leftCountry), rightCountry: code(p.rightCountry) }
          : p,
      ),
    })),
  };
}

/** A text with the two names traded (both at once, so that one does not undo the other). */
function swapNames(text: string, [a, b]: [string, string]): string {
  return text.replace(new RegExp(`${a}|${b}`, 'g'), (m) => (m === a ? b : a));
}

function expectSameJudgement(before: CheckResult[], after: CheckResult[], pair: Pair) {
  expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
  for (const [i, a] of before.entries()) {
    const b = after[i] as CheckResult;
    expect(b.problem).toBeUndefined();
    expect([b.id, b.verdict, b.verdictBasis]).toEqual([a.id, a.verdict, a.verdictBasis]);
    expect(b.lines.map((l) => [l.line, l.position])).toEqual(a.lines.map((l) => [l.line, l.position]));
    if (a.range === null) expect(b.range).toBeNull();
    else
      for (const k of [0, 1]) {
        const x = (a.range as number[])[k] as number;
        expect(Math.abs(((b.range as number[])[k] as number) - x)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(x)),
        );
      }
    expect(b.rangeText).toBe(swapNames(a.rangeText, pair.names));
  }
}

const sideOf = (inputs: CheckInputs, r: CheckResult) =>
  inputs.claims.features.find((f) => f.properties.id === r.claim)?.properties.side;

describe('the fixture story with its two sides swapped on the same ground', () => {
  const pair: Pair = {
    codes: ['NVL', 'SMK'],
    names: ['Northvale', 'Southmark'],
    sides: ['northvale', 'southmark'],
  };
  const original = checkInputs(fixture) as CheckInputs;
  const swapped = swapSides(original, pair);
  const before = evaluateChecks(original);
  const after = evaluateChecks(swapped);

  it('judges claims of both sides, with every verdict the rule gives', () => {
    expect(new Set(before.map((r) => r.verdict))).toEqual(
      new Set(['consistent', 'inconsistent', 'depends-on-the-line', 'cannot-check']),
    );
    const judged = new Set(before.filter((r) => r.verdictBasis === 'range').map((r) => sideOf(original, r)));
    expect(judged).toContain('northvale');
    expect(judged).toContain('southmark');
    // …and after the swap, the claims that were Northvale's are Southmark's.
    for (const r of before.filter((x) => x.claim))
      expect(sideOf(swapped, r)).toBe(swapper(pair.sides)(sideOf(original, r)));
  });

  it('gives every check the same range and verdict, in the other country’s name', () => {
    expectSameJudgement(before, after, pair);
    const a = before.find((r) => r.id === 'crossing-two-km') as CheckResult;
    expect(a.rangeText).toContain('inside Northvale');
    expect(after.find((r) => r.id === a.id)?.rangeText).toContain('inside Southmark');
  });
});

describe('the story with Armenia and Azerbaijan swapped on the same ground', { timeout: 120_000 }, () => {
  const pair: Pair = {
    codes: ['ARM', 'AZE'],
    names: ['Armenia', 'Azerbaijan'],
    sides: ['armenia', 'azerbaijan'],
  };
  const original = checkInputs(story) as CheckInputs;
  const swapped = swapSides(original, pair);
  const before = evaluateChecks(original);
  const after = evaluateChecks(swapped);

  it('judges figures from both sides', () => {
    const judged = new Set(before.filter((r) => r.verdictBasis === 'range').map((r) => sideOf(original, r)));
    expect(judged).toEqual(new Set(['armenia', 'azerbaijan']));
  });

  it('gives every check the same range and verdict, in the other country’s name', () => {
    expectSameJudgement(before, after, pair);
    const a = before.find((r) => r.id === 'armudlu-400-m-inside-azerbaijan') as CheckResult;
    expect(a.rangeText).toContain('inside Azerbaijan');
    expect(after.find((r) => r.id === a.id)?.rangeText).toContain('inside Armenia');
  });
});
