/**
 * What every measurement returns to the engine, and unit conversion.
 *
 * @packageDocumentation
 */
import type { Feature } from 'geojson';
import type { CheckUnit, Verdict } from './types.ts';

/** One measured value: against one border line, or the only one of a measurement that uses no line. */
export interface MeasuredValue {
  /** The story's line id; null for a line the data does not hold, or when no line is used. */
  line: string | null;
  /** Readers' name of the line; "" when no line is used. */
  label: string;
  /** Value in the check's unit with the geometry as drawn, full precision; null when not measured. */
  measured: number | null;
  /** Lowest and highest value over the geometry's uncertainty; null when not measured. */
  range: [number, number] | null;
  /** Why not measured, or what else to know about this value. */
  note?: string;
}

/** A measurement before the verdict. */
export interface MeasureOutcome {
  /**
   * One value per border line the measurement used (lines the data does not hold included, unmeasured), or a
   * single value with `line: null` for a measurement that uses no line. Empty when nothing could be measured.
   */
  values: MeasuredValue[];
  /** Whether the measurement uses border lines (then `values` is per line). */
  perLine: boolean;
  /** What the number means, after it: "inside Ruritania", "of the outline on the Ruritanian side". */
  quantity: string;
  /** Values may be negative (the other side of a line): ranges across zero are written with signs. */
  signed: boolean;
  /** Whose uncertainty makes the ranges, possessive: "the positions’" (default), "the outline’s", "the places’". */
  uncertaintyOf?: string;
  /** The method in words, with its error bound. */
  method: string;
  /** What was found, in plain words with rounded numbers. */
  summary: string;
  details: Record<string, unknown>;
  features: Feature[];
  /** Set when the check cannot be computed honestly: the reason, in plain words. */
  cannotCheck?: string;
  /** A second judgement of the same statement, by the same rule (e.g. the direction in "north of"). */
  extra?: { verdict: Verdict; reason: string };
  caveats: string[];
}

/** Metres (or m² for km²) → the check's unit. Shares are fractions → %. */
export function fromBase(value: number, unit: CheckUnit): number {
  switch (unit) {
    case 'km':
      return value / 1000;
    case 'm':
      return value;
    case 'mi':
      return value / 1609.344;
    case 'km²':
      return value / 1e6;
    case '%':
      return value * 100;
  }
}

/**
 * One border line's value in a check measured against every line: the signed distance in metres ± the position's
 * uncertainty, in the check's unit; none when the data does not say which country lies on that side of the line.
 * An unsigned distance (`floorAtZero`) cannot go below zero.
 */
export function lineValue(
  line: { id: string; label: string },
  signedM: number | null,
  uncertaintyM: number,
  unit: CheckUnit,
  { floorAtZero = false }: { floorAtZero?: boolean } = {},
): MeasuredValue {
  if (signedM === null)
    return {
      line: line.id,
      label: line.label,
      measured: null,
      range: null,
      note: 'the data does not say which country lies on that side of this line',
    };
  const low = signedM - uncertaintyM;
  return {
    line: line.id,
    label: line.label,
    measured: fromBase(signedM, unit),
    range: [fromBase(floorAtZero ? Math.max(0, low) : low, unit), fromBase(signedM + uncertaintyM, unit)],
  };
}
