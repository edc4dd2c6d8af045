// What the timeline shows of the story besides the slider: how many claims each side made on each day (the ticks),
// and which day Play goes to next (the next day with a claim: empty days are skipped). Pure.
import type { ClaimFeature } from '../data/types.ts';

/** Per day of the story, the number of claims each side made that day (sides in the story's order, zeros kept). */
export function claimsPerDay(
  days: readonly string[],
  sides: readonly string[],
  claims: readonly ClaimFeature[],
): Map<string, Map<string, number>> {
  const perDay = new Map(days.map((day) => [day, new Map(sides.map((side) => [side, 0]))]));
  for (const claim of claims) {
    const counts = perDay.get(claim.properties.statementDate);
    const side = claim.properties.side;
    if (counts?.has(side)) counts.set(side, (counts.get(side) ?? 0) + 1);
  }
  return perDay;
}

/**
 * The day Play shows after `current`: the next day on which a claim was made, or null at the end. When no later
 * day has a claim, the last day (so the story ends where it ends, not where its claims stop).
 */
export function nextPlayDay(
  days: readonly string[],
  claimDays: ReadonlySet<string>,
  current: string,
): string | null {
  const index = days.indexOf(current);
  if (index < 0 || index >= days.length - 1) return null;
  for (let i = index + 1; i < days.length; i++)
    if (claimDays.has(days[i] as string)) return days[i] as string;
  return days[days.length - 1] as string;
}
