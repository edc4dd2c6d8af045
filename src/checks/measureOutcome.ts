/**
 * What every measurement returns to the engine, and unit conversion.
 *
 * @packageDocumentation
 */
import type { Feature } from 'geojson';
import type { CheckUnit, Verdict } from './types.ts';

/** A measurement before the verdict. */
export interface MeasureOutcome {
  /** Value in the check's unit, full precision; null when nothing could be measured. */
  measured: number | null;
  /** ± in the check's unit from positional uncertainty. */
  uncertainty: number;
  /** The method in words, with its error bound. */
  method: string;
  /** What was found, in plain words with rounded numbers. */
  summary: string;
  details: Record<string, unknown>;
  features: Feature[];
  /** Set when the check cannot be computed honestly: the reason, in plain words. */
  cannotCheck?: string;
  /** A second judgement to combine with the main one (e.g. the direction in "north of"). */
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
