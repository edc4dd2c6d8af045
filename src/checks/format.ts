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

/** The number of a formatted value without its unit: "3.25", "−6", "18". */
export function formatNumber(value: number, unit: CheckUnit): string {
  return formatValue(value, unit).replace(/ .*$/, '');
}

/**
 * A range as readers see it: "3.25 km" when both ends round alike, else "0.48 to 1.31 km"; with `signed`, a
 * range across zero gets both signs ("−36 to +1310 m").
 */
export function formatRange(
  range: readonly [number, number] | null,
  unit: CheckUnit,
  signed = false,
): string {
  if (!range) return '—';
  const [lo, hi] = range;
  const a = formatNumber(lo, unit);
  const b = formatNumber(hi, unit);
  if (a === b) return formatValue(lo, unit);
  const plus = signed && a.startsWith('−') && hi > 0 ? '+' : '';
  return `${a} to ${plus}${b} ${unit}`;
}

/** A band's edge to three significant digits, as the rule computes it: 22.5, 3.75, 2.63, 300. */
function bandEdge(value: number): string {
  const v = Number(value.toPrecision(3));
  return `${v < 0 ? '−' : ''}${Math.abs(v)}`;
}

/** The tolerance as readers see it: "3.75–6.25 km (5 km ± 25 %)", "up to 500 m (at most 400 m, + 25 %)", "at least 0 m". */
export function formatTolerance(result: Pick<CheckResult, 'tolerance' | 'reported' | 'unit'>): string {
  const t = result.tolerance;
  if (!t || result.reported === null) return '—';
  const [lo, hi] = t.band;
  const pct = `${Math.round(t.slack * 100)} %`;
  const r = formatReported(result.reported, t.unit);
  switch (t.kind) {
    case 'about':
      return `${bandEdge(lo as number)}–${bandEdge(hi as number)} ${t.unit} (${r} ± ${pct})`;
    case 'at-most':
      return `up to ${bandEdge(hi as number)} ${t.unit} (at most ${r}, + ${pct})`;
    case 'at-least':
      return lo === 0
        ? `at least 0 ${t.unit}`
        : `at least ${bandEdge(lo as number)} ${t.unit} (${r} − ${pct})`;
  }
}

const VERDICT_WORDS: Record<Verdict, string> = {
  consistent: 'consistent',
  inconsistent: 'inconsistent',
  'depends-on-the-line': 'depends on the line',
  'cannot-check': 'cannot be checked',
};

/** The verdict in words ("depends on the line"). */
export function formatVerdict(verdict: Verdict): string {
  return VERDICT_WORDS[verdict];
}

/**
 * The measurement in a few words, for tables: the range, and per kind what else matters — the bearing of a
 * distance ("3.25 km, 326° NW"), one distance per place ("Town A 12.7 km, Town B 19.6 km"), how many lines.
 */
export function formatMeasured(result: CheckResult): string {
  if (result.range === null) return '—';
  if (result.measureKind === 'distance-between-places') {
    const b = result.details.initialBearingDeg as number;
    return `${formatRange(result.range, result.unit)}, ${formatValue(b, 'deg')} ${String(result.details.compassPoint)}`;
  }
  if (result.measureKind === 'places-to-nearest-claimed-position') {
    const per = result.details.perPlace as { name: string; distanceM: number }[];
    return per.map((p) => `${p.name} ${formatValue(p.distanceM / 1000, 'km')}`).join(', ');
  }
  const signed = result.measureKind !== 'polygon-share-by-border' && result.measureKind !== 'polygon-area';
  const measured = result.lines.filter((l) => l.range !== null).length;
  return `${formatRange(result.range, result.unit, signed)}${measured > 1 ? ` (${measured} lines)` : ''}`;
}
