/**
 * Rounded, readable values for readers. The JSON results keep full precision; only display rounds.
 *
 * @packageDocumentation
 */
import type { CheckResult, CheckUnit, Verdict } from './types.ts';

/**
 * Significant precision per unit: km to 10 m (2 decimals under 10 km), miles likewise, m to 1 m, % to 1 point,
 * km² to 0.01.
 */
export function formatValue(value: number | null, unit: CheckUnit | 'deg'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  // A true minus sign for negative values (e.g. a point on the other side of a line).
  if (value < 0) {
    const positive = formatValue(-value, unit);
    return /^0(\.0+)? /.test(positive) || positive.startsWith('0°') ? positive : `−${positive}`;
  }
  switch (unit) {
    case 'km':
      return `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} km`;
    case 'mi':
      return `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} mi`;
    case 'm':
      return `${Math.round(value)} m`;
    case '%':
      return `${value.toFixed(Math.abs(value) < 10 ? 1 : 0)} %`;
    case 'km²':
      return `${value.toFixed(2)} km²`;
    case 'deg':
      return `${Math.round(value) % 360}°`;
  }
}

/** A reported figure as the source gave it, without added decimals: "5 km", "400 m", "30 %". */
export function formatReported(value: number | null, unit: CheckUnit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${value < 0 ? '−' : ''}${Math.abs(value)} ${unit}`;
}

/** The tolerance as readers see it, e.g. "3.0–4.0 km (roughly 2.5–4.5 km)". */
export function formatTolerance(result: CheckResult): string {
  const t = result.tolerance;
  if (!t) return '—';
  const f = (v: number) => formatValue(v, t.unit).replace(/ .*$/, '');
  return `${f(t.consistentRange[0])}–${formatValue(t.consistentRange[1], t.unit)} (roughly ${f(
    t.roughlyRange[0],
  )}–${formatValue(t.roughlyRange[1], t.unit)})`;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  consistent: 'consistent',
  'roughly-consistent': 'roughly consistent',
  inconsistent: 'inconsistent',
  'cannot-check': 'cannot be checked',
};

/** The verdict in words ("roughly consistent"). */
export function formatVerdict(verdict: Verdict): string {
  return VERDICT_WORDS[verdict];
}

/**
 * The measurement as readers see it: the value with its ± and, per kind, what else matters — the bearing
 * of a distance ("3.25 km, 326° NW"), one distance per place ("Town A 12.7 km, Town B 19.6 km").
 */
export function formatMeasured(result: CheckResult): string {
  if (result.measured === null) return '—';
  const value = formatValue(result.measured, result.unit);
  if (result.measureKind === 'distance-between-places') {
    const b = result.details.initialBearingDeg as number;
    return `${value}, ${formatValue(b, 'deg')} ${String(result.details.compassPoint)}`;
  }
  if (result.measureKind === 'places-to-nearest-claimed-position') {
    const per = result.details.perPlace as { name: string; distanceM: number }[];
    return per.map((p) => `${p.name} ${formatValue(p.distanceM / 1000, 'km')}`).join(', ');
  }
  return result.measuredUncertainty > 0
    ? `${value} ± ${formatValue(result.measuredUncertainty, result.unit)}`
    : value;
}
