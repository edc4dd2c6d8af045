/**
 * The one rule that turns a measured range and a reported figure into a verdict, for every check and every side
 * alike (data/README.md, "One rule for every check"):
 *
 * 1. The wording of the figure gives a band of allowed values: "about X" is X ± 25 % of X, "at most X" anything up
 *    to X + 25 %, "at least X" anything from X − 25 % ({@link toleranceBand}).
 * 2. The measurement gives, for each border line, a range over the geometry's uncertainty; a check that uses no
 *    line has one range.
 * 3. Each line's range lies below the band, within it, above it, or across one of its edges ({@link bandPosition}).
 * 4. Every line within: consistent. Every line below, or every line above: inconsistent. Two lines wholly in
 *    different places: depends on the line. Otherwise (the uncertainty straddles an edge and no two lines
 *    disagree): cannot be checked ({@link ruleVerdict}).
 *
 * @packageDocumentation
 */
import type { BandPosition, ToleranceKind, Verdict } from './types.ts';

/** The share of a figure its wording allows either way: one rule for every figure, whoever said it. */
export const ROUND_FIGURE_SLACK = 0.25;

/** The band of values a reported figure allows; null for an open side. */
export function toleranceBand(
  reported: number,
  kind: ToleranceKind,
  slack = ROUND_FIGURE_SLACK,
): [number | null, number | null] {
  const d = Math.abs(reported) * slack;
  switch (kind) {
    case 'about':
      return [reported - d, reported + d];
    case 'at-most':
      return [null, reported + d];
    case 'at-least':
      return [reported - d, null];
  }
}

/** Where a range lies against a band (edges belong to the band). */
export function bandPosition(
  range: readonly [number, number],
  band: readonly [number | null, number | null],
): BandPosition {
  const [lo, hi] = range;
  const [min, max] = band;
  if (min !== null && hi < min) return 'below';
  if (max !== null && lo > max) return 'above';
  if ((min === null || lo >= min) && (max === null || hi <= max)) return 'within';
  return 'across';
}

/** Why {@link ruleVerdict} decided as it did. */
export type RuleWhy = 'all-within' | 'all-below' | 'all-above' | 'lines-disagree' | 'uncertain';

/** Step 4 of the rule, from the position of each line's range (at least one). */
export function ruleVerdict(positions: readonly BandPosition[]): { verdict: Verdict; why: RuleWhy } {
  if (positions.length === 0) return { verdict: 'cannot-check', why: 'uncertain' };
  if (positions.every((p) => p === 'within')) return { verdict: 'consistent', why: 'all-within' };
  if (positions.every((p) => p === 'below')) return { verdict: 'inconsistent', why: 'all-below' };
  if (positions.every((p) => p === 'above')) return { verdict: 'inconsistent', why: 'all-above' };
  const decided = new Set(positions.filter((p) => p !== 'across'));
  if (decided.size >= 2) return { verdict: 'depends-on-the-line', why: 'lines-disagree' };
  return { verdict: 'cannot-check', why: 'uncertain' };
}

/**
 * Two judgements of one statement (a distance and a direction): inconsistent if either is; consistent if both
 * are; else depends on the line if either does; else cannot be checked.
 */
export function combineVerdicts(a: Verdict, b: Verdict): Verdict {
  if (a === 'inconsistent' || b === 'inconsistent') return 'inconsistent';
  if (a === 'consistent' && b === 'consistent') return 'consistent';
  if (a === 'depends-on-the-line' || b === 'depends-on-the-line') return 'depends-on-the-line';
  return 'cannot-check';
}
