/**
 * The checks engine: evaluates the declarations of a story's checks.json against its data. Pure: no DOM, no
 * map, no file system — the browser passes what it fetched, the CLI what it read.
 *
 * @packageDocumentation
 */
import type { FeatureCollection } from 'geojson';
import { buildContext, type CheckContext } from './context.ts';
import { CheckDataError } from './errors.ts';
import { formatReported, formatValue } from './format.ts';
import { measureArea } from './measureArea.ts';
import { measureDepth } from './measureDepth.ts';
import { measureDistance } from './measureDistance.ts';
import { measureLineDistance } from './measureLineDistance.ts';
import { measureNearest } from './measureNearest.ts';
import type { MeasureOutcome } from './measureOutcome.ts';
import { measureShare } from './measureShare.ts';
import { measureSide } from './measureSide.ts';
import type { AppliedTolerance, CheckDeclaration, CheckInputs, CheckResult, Verdict } from './types.ts';
import {
  declarationId,
  declarationsOf,
  inputProblemsFor,
  knownOf,
  soundInputs,
  validateDeclaration,
} from './validate.ts';
import { judge, worstVerdict } from './verdict.ts';

/**
 * Evaluates every declared check, each on its own: a check whose declaration or inputs are unusable, or whose
 * measurement fails, comes back as `cannot-check` with `problem` saying why, and the others are computed.
 * Throws {@link CheckDataError} only when there are no declarations to read at all.
 */
export function evaluateChecks(inputs: CheckInputs): CheckResult[] {
  const list = declarationsOf(inputs.checks);
  if (!list) throw new CheckDataError(['checks.json: expected { "checks": [ … ] }']);
  const sound = soundInputs(inputs);
  const known = knownOf(sound);
  const ctx = buildContext(sound.inputs);
  const seen = new Set<string>();
  return list.map((raw, index) => {
    const id = declarationId(raw, index);
    // A broken input the check reads is the cause of everything else that looks wrong with it: say that first.
    const broken =
      typeof raw === 'object' && raw !== null ? inputProblemsFor(raw as CheckDeclaration, sound.broken) : [];
    const problems = broken.length > 0 ? broken : validateDeclaration(raw, index, known);
    if (seen.has(id)) problems.push(`the id "${id}" is used by an earlier check`);
    seen.add(id);
    if (problems.length > 0) return failedCheck(raw, id, problems.join('; '));
    try {
      return evaluateCheck(raw as CheckDeclaration, ctx);
    } catch (error) {
      return failedCheck(
        raw,
        id,
        `the measurement failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
}

/** The result of a check that could not be computed: what is known of it, and why. */
function failedCheck(raw: unknown, id: string, problem: string): CheckResult {
  const d = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<CheckDeclaration>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const unit = d.unit && ['km', 'm', 'mi', '%', 'km²'].includes(d.unit) ? d.unit : 'km';
  return {
    id,
    title: text(d.title) ?? id,
    measureKind: (typeof d.measure === 'object' && d.measure && typeof d.measure.kind === 'string'
      ? d.measure.kind
      : 'distance-between-places') as CheckResult['measureKind'],
    claim: text(d.claim),
    quote: text(d.quote),
    source: null,
    statementDate: null,
    reported: typeof d.reported === 'number' ? d.reported : null,
    reportedWording: text(d.reportedWording),
    measured: null,
    measuredUncertainty: 0,
    unit,
    method: 'not computed',
    verdict: 'cannot-check',
    tolerance: null,
    reason: `cannot be checked: this check could not be computed — ${problem}`,
    summary: 'not computed',
    details: {},
    caveats: [],
    geometry: { type: 'FeatureCollection', features: [] },
    problem,
  };
}

function measure(d: CheckDeclaration, ctx: CheckContext): MeasureOutcome {
  const m = d.measure;
  switch (m.kind) {
    case 'distance-between-places':
      return measureDistance(m, d.unit, ctx);
    case 'depth-inside-country':
      return measureDepth(m, d.unit, ctx);
    case 'polygon-share-by-border':
      return measureShare(m, d.unit, ctx);
    case 'point-side-of-border':
      return measureSide(m, d.unit, ctx);
    case 'places-to-nearest-claimed-position':
      return measureNearest(m, d.unit, ctx);
    case 'polygon-area':
      return measureArea(m, d.unit, ctx);
    case 'distance-to-line':
      return measureLineDistance(m, d.unit, ctx);
  }
}

/** Evaluates one (validated) declaration. */
export function evaluateCheck(d: CheckDeclaration, ctx: CheckContext): CheckResult {
  const claim = d.claim ? ctx.claims.get(d.claim) : undefined;
  const area = d.sourcedProperty ? ctx.areas.get(d.sourcedProperty.feature) : undefined;
  const source = claim ? claim.properties.source : (area?.properties.sources[0]?.source ?? null);
  const o = measure(d, ctx);
  const f = (v: number) => formatValue(v, d.unit);
  const fr = (v: number) => formatReported(v, d.unit);

  let tolerance: AppliedTolerance | null = null;
  if (d.tolerance && d.reported !== null) {
    const r = d.reported;
    const t = d.tolerance;
    tolerance = {
      consistentWithin: t.consistentWithin,
      roughlyWithin: t.roughlyWithin,
      unit: d.unit,
      consistentRange: [r - t.consistentWithin, r + t.consistentWithin],
      roughlyRange: [r - t.roughlyWithin, r + t.roughlyWithin],
      basis: d.toleranceBasis,
    };
  }

  let verdict: Verdict;
  let reason: string;
  if (d.circularBecause && o.measured !== null && o.cannotCheck === undefined) {
    verdict = 'cannot-check';
    const agree =
      d.reported !== null && d.tolerance
        ? judge(o.measured, o.uncertainty, d.reported, d.tolerance).verdict === 'consistent'
          ? 'agrees with'
          : 'does not agree with'
        : 'is compared with';
    reason = `cannot be checked independently: ${d.circularBecause}. The drawing measures ${f(o.measured)}, which ${agree} the ${
      d.reported !== null ? fr(d.reported) : ''
    } reported — a check of the drawing, not of the figure`;
  } else if (o.cannotCheck !== undefined || o.measured === null) {
    verdict = 'cannot-check';
    reason = o.cannotCheck ?? 'cannot be checked: nothing could be measured';
  } else if (d.byRoad) {
    verdict = 'cannot-check';
    reason = `cannot be checked: ${d.reported !== null ? `the ${fr(d.reported)} reported is` : 'the figure is'} a distance by road, and a road is longer than a straight line, so a straight-line measurement cannot judge it; for context, in a straight line: ${o.summary}`;
  } else if (d.reported === null || !d.tolerance) {
    verdict = 'cannot-check';
    reason = `cannot be checked: the words give no figure to test; measured for context: ${o.summary}`;
  } else {
    const r = d.reported;
    const t = d.tolerance;
    const j = judge(o.measured, o.uncertainty, r, t);
    const diff = o.measured - r;
    // Relative differences read oddly for shares; those are given in percentage points.
    const pct = r !== 0 && d.unit !== '%' ? ` (${Math.abs((diff / r) * 100).toFixed(0)} %)` : '';
    const size = d.unit === '%' ? `${Math.abs(diff).toFixed(0)} percentage points` : f(Math.abs(diff));
    const off = `${size}${pct} ${diff < 0 ? 'less' : 'more'} than reported`;
    const u = o.uncertainty > 0 ? ` ± ${f(o.uncertainty)}` : '';
    const explain: Record<typeof j.why, string> = {
      within: `within the ±${f(t.consistentWithin)} the wording allows`,
      'within-rough': `${off}: outside ±${f(t.consistentWithin)} but within ±${f(t.roughlyWithin)}`,
      'within-with-uncertainty': `${off}, but within ±${f(t.consistentWithin)} once the${u} positional uncertainty is counted`,
      outside: `${off}: beyond ±${f(t.roughlyWithin)}`,
      'too-uncertain': `the positions are uncertain by${u}, too much to test a figure whose wording allows ±${f(
        t.roughlyWithin,
      )}`,
    };
    verdict = j.verdict;
    reason = `${j.verdict === 'cannot-check' ? 'cannot be checked: ' : ''}measured ${f(o.measured)}${u} against ${fr(r)} reported — ${
      explain[j.why]
    }; ${o.summary}`;
    if (o.extra && verdict !== 'cannot-check') {
      verdict = worstVerdict(verdict, o.extra.verdict);
      reason += `; ${o.extra.reason}`;
    }
  }

  const geometry: FeatureCollection = {
    type: 'FeatureCollection',
    features: o.features.map((ft) => ({ ...ft, properties: { check: d.id, ...ft.properties } })),
  };
  return {
    id: d.id,
    title: d.title,
    measureKind: d.measure.kind,
    claim: d.claim,
    quote: d.quote,
    source,
    statementDate: claim ? claim.properties.statementDate : null,
    reported: d.reported,
    reportedWording: d.reportedWording ?? null,
    measured: o.measured,
    measuredUncertainty: o.uncertainty,
    unit: d.unit,
    method: o.method,
    verdict,
    tolerance,
    reason,
    summary: o.summary,
    details: o.details,
    caveats: [...(d.caveats ?? []), ...o.caveats],
    geometry,
  };
}
