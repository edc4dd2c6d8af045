/**
 * The checks engine: evaluates the declarations of a story's checks.json against its data. Pure: no DOM, no
 * map, no file system — the browser passes what it fetched, the CLI what it read.
 *
 * @packageDocumentation
 */
import type { FeatureCollection } from 'geojson';
import { buildContext, type CheckContext } from './context.ts';
import { CheckDataError } from './errors.ts';
import { formatRange, formatReported, formatTolerance, formatValue, formatVerdict } from './format.ts';
import { measureArea } from './measureArea.ts';
import { measureDepth } from './measureDepth.ts';
import { measureDistance } from './measureDistance.ts';
import { measureLineDistance } from './measureLineDistance.ts';
import { measureNearest } from './measureNearest.ts';
import type { MeasuredValue, MeasureOutcome } from './measureOutcome.ts';
import { measureShare } from './measureShare.ts';
import { measureSide } from './measureSide.ts';
import type {
  AppliedTolerance,
  BandPosition,
  CheckDeclaration,
  CheckInputs,
  CheckResult,
  CheckUnit,
  LineMeasurement,
  Verdict,
  VerdictBasis,
} from './types.ts';
import {
  declarationId,
  declarationsOf,
  inputProblemsFor,
  knownOf,
  soundInputs,
  validateDeclaration,
} from './validate.ts';
import {
  bandPosition,
  combineVerdicts,
  ROUND_FIGURE_SLACK,
  type RuleWhy,
  ruleVerdict,
  toleranceBand,
} from './verdict.ts';

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
    attributedTo: null,
    reported: typeof d.reported === 'number' ? d.reported : null,
    reportedWording: text(d.reportedWording),
    measured: null,
    range: null,
    rangeText: 'not computed',
    lines: [],
    unit,
    method: 'not computed',
    verdict: 'cannot-check',
    verdictBasis: 'not-computed',
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
  const tolerance: AppliedTolerance | null =
    d.tolerance && d.reported !== null
      ? {
          kind: d.tolerance.kind,
          unit: d.unit,
          band: toleranceBand(d.reported, d.tolerance.kind),
          slack: ROUND_FIGURE_SLACK,
          basis: d.toleranceBasis,
        }
      : null;
  const measured = o.values.filter((v): v is MeasuredValue & { range: [number, number] } => v.range !== null);
  const lines: LineMeasurement[] = o.perLine
    ? o.values.map((v) => ({
        ...v,
        position: tolerance && v.range ? bandPosition(v.range, tolerance.band) : null,
      }))
    : [];
  const range: [number, number] | null =
    measured.length > 0
      ? [Math.min(...measured.map((v) => v.range[0])), Math.max(...measured.map((v) => v.range[1]))]
      : null;
  const rangeText = describeRange(o, measured, d.unit, range);
  const fr = (v: number) => formatReported(v, d.unit);
  const band = tolerance ? formatTolerance({ tolerance, reported: d.reported, unit: d.unit }) : '';

  let verdict: Verdict;
  let verdictBasis: VerdictBasis;
  let reason: string;
  if (d.circularBecause && range && o.cannotCheck === undefined) {
    verdict = 'cannot-check';
    verdictBasis = 'circular';
    // What the rule would say of the drawing's range: it may agree, disagree, or (spanning an edge) do neither.
    const byRule = tolerance
      ? ruleVerdict(measured.map((v) => bandPosition(v.range, tolerance.band))).verdict
      : null;
    const agree =
      byRule === 'consistent'
        ? 'which agrees with'
        : byRule === 'inconsistent'
          ? 'which does not agree with'
          : byRule === null
            ? 'compared with'
            : 'which spans an edge of what the wording allows around';
    reason = `cannot be checked independently: ${d.circularBecause}. The drawing measures ${rangeText}, ${agree} the ${
      d.reported !== null ? fr(d.reported) : ''
    } reported — a check of the drawing, not of the figure`;
  } else if (o.cannotCheck !== undefined || !range) {
    verdict = 'cannot-check';
    verdictBasis = 'no-measurement';
    reason = o.cannotCheck ?? 'cannot be checked: nothing could be measured';
  } else if (d.byRoad) {
    verdict = 'cannot-check';
    verdictBasis = 'by-road';
    reason = `cannot be checked: ${d.reported !== null ? `the ${fr(d.reported)} reported is` : 'the figure is'} a distance by road, and a road is longer than a straight line, so a straight-line measurement cannot judge it; for context, in a straight line: ${rangeText}`;
  } else if (d.reported === null || !tolerance) {
    verdict = 'cannot-check';
    verdictBasis = 'no-figure';
    reason = `cannot be checked: the words give no figure to test; measured for context: ${rangeText}`;
  } else {
    verdictBasis = 'range';
    const rule = ruleVerdict(measured.map((v) => bandPosition(v.range, tolerance.band)));
    verdict = rule.verdict;
    reason = ruleReason(rule.why, rangeText, `what the wording allows, ${band}`, lines, d.unit, o);
    if (o.extra) {
      const combined = combineVerdicts(verdict, o.extra.verdict);
      reason += `; ${o.extra.reason}${combined !== verdict ? ` — so, taken together: ${formatVerdict(combined)}` : ''}`;
      verdict = combined;
    }
  }

  if (d.attributedTo) reason += ` (the words checked are ${d.attributedTo.who}’s, not the claimant’s)`;

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
    attributedTo: d.attributedTo ?? null,
    statementDate: claim ? claim.properties.statementDate : null,
    reported: d.reported,
    reportedWording: d.reportedWording ?? null,
    measured: measured[0]?.measured ?? null,
    range,
    rangeText,
    lines,
    unit: d.unit,
    method: o.method,
    verdict,
    verdictBasis,
    tolerance,
    reason,
    summary: o.summary,
    details: o.details,
    caveats: [...(d.caveats ?? []), ...o.caveats],
    geometry,
  };
}

/**
 * The measured range in words: "−36 to +1310 m inside Ruritania, depending on the line and on the positions'
 * uncertainty".
 */
function describeRange(
  o: MeasureOutcome,
  measured: readonly (MeasuredValue & { range: [number, number] })[],
  unit: CheckUnit,
  range: [number, number] | null,
): string {
  if (!range) return '—';
  const spread = measured.some(
    (v) => formatRange(v.range, unit) !== formatRange([v.range[0], v.range[0]], unit),
  );
  const lineSpread =
    o.perLine &&
    new Set(measured.map((v) => (v.measured === null ? '' : formatValue(v.measured, unit)))).size > 1;
  const uncertainty = `${o.uncertaintyOf ?? 'the positions’'} uncertainty`;
  const depending = lineSpread
    ? spread
      ? `, depending on the line and on ${uncertainty}`
      : ', depending on the line'
    : spread
      ? `, within ${uncertainty}`
      : '';
  return `${formatRange(range, unit, o.signed)} ${o.quantity}${depending}`;
}

const POSITION_WORDS: Record<BandPosition, string> = {
  below: 'below it',
  within: 'within it',
  above: 'above it',
  across: 'across an edge of it',
};

/** Why the rule decided as it did, with the numbers. */
function ruleReason(
  why: RuleWhy,
  rangeText: string,
  bandText: string,
  lines: readonly LineMeasurement[],
  unit: CheckUnit,
  o: MeasureOutcome,
): string {
  const perLine = lines
    .filter((l) => l.range !== null)
    .map(
      (l) =>
        `${l.label} ${formatRange(l.range, unit, o.signed)} (${POSITION_WORDS[l.position as BandPosition]})`,
    )
    .join('; ');
  const each = lines.filter((l) => l.range !== null).length > 1 ? ' on every line' : '';
  switch (why) {
    case 'all-within':
      return `consistent: ${rangeText} — all of it${each} within ${bandText}`;
    case 'all-below':
      return `inconsistent: ${rangeText} — all of it${each} below ${bandText}`;
    case 'all-above':
      return `inconsistent: ${rangeText} — all of it${each} above ${bandText}`;
    case 'lines-disagree':
      return `depends on the line: ${rangeText}. Against ${bandText}: ${perLine}`;
    case 'uncertain':
      return `cannot be checked: ${rangeText} — ${o.uncertaintyOf ?? 'the positions’'} uncertainty spans an edge of ${bandText}${
        perLine ? `, and no two lines place the figure differently (${perLine})` : ''
      }`;
  }
}
