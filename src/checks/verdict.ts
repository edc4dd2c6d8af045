/**
 * Turning a measurement and a reported figure into a verdict.
 *
 * @packageDocumentation
 */
import type { ToleranceDeclaration, Verdict } from './types.ts';

/** A verdict with its explanation. */
export interface Judgement {
  verdict: Verdict;
  /** Short plain-words explanation, without the numbers' formatting. */
  why: 'within' | 'within-rough' | 'within-with-uncertainty' | 'outside' | 'too-uncertain';
}

/**
 * Compares `measured` (± `uncertainty`, same unit) with `reported` under `tolerance`:
 * - `cannot-check` (`too-uncertain`) when the uncertainty interval covers the whole rough band on both
 *   sides, so the data cannot tell a right figure from a wrong one;
 * - `consistent` when |measured − reported| ≤ consistentWithin;
 * - `roughly-consistent` when ≤ roughlyWithin, or when the uncertainty alone bridges the gap to the
 *   consistent band;
 * - `inconsistent` otherwise.
 */
export function judge(
  measured: number,
  uncertainty: number,
  reported: number,
  tolerance: ToleranceDeclaration,
): Judgement {
  const u = Math.max(0, uncertainty);
  if (
    measured - u <= reported - tolerance.roughlyWithin &&
    measured + u >= reported + tolerance.roughlyWithin
  ) {
    return { verdict: 'cannot-check', why: 'too-uncertain' };
  }
  const d = Math.abs(measured - reported);
  if (d <= tolerance.consistentWithin) return { verdict: 'consistent', why: 'within' };
  if (d <= tolerance.roughlyWithin) return { verdict: 'roughly-consistent', why: 'within-rough' };
  if (d - u <= tolerance.consistentWithin)
    return { verdict: 'roughly-consistent', why: 'within-with-uncertainty' };
  return { verdict: 'inconsistent', why: 'outside' };
}

const ORDER: Record<Verdict, number> = {
  consistent: 0,
  'roughly-consistent': 1,
  inconsistent: 2,
  'cannot-check': 3,
};

/** The weaker of two verdicts (consistent < roughly-consistent < inconsistent < cannot-check). */
export function worstVerdict(a: Verdict, b: Verdict): Verdict {
  return ORDER[a] >= ORDER[b] ? a : b;
}
