// What a reader can take away from the current view: its claims as GeoJSON (in the story's own claims format, so
// `npm run check:data` accepts the file), the figure checks as CSV and JSON, and a citation with the permanent
// link. Pure: the page passes what it shows and the URL; nothing here touches the DOM.
import { formatMeasured, formatReported, formatTolerance, formatVerdict } from '../checks/format.ts';
import type { CheckResult } from '../checks/types.ts';
import type { ClaimFeature } from '../data/types.ts';
import type { Bounds } from '../map/camera.ts';
import { boundsOfGeometry } from './bounds.ts';

function overlaps(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * The claims of the current view: those the panel lists (the day's, of the sides shown) whose geometry reaches
 * into `view`; statements that name no place are kept, since they belong to the day's story wherever the map is.
 * The claims they answer come too (and the ones those answer), from `all`, so that every "answers" link in the file
 * resolves within it: the file stands on its own, and `npm run check:data` accepts it. Features are written
 * exactly as in the story's claims file, in its order.
 */
export function viewClaimsGeoJson(
  listed: readonly ClaimFeature[],
  view: Bounds | null,
  all: readonly ClaimFeature[] = listed,
): GeoJSON.FeatureCollection<GeoJSON.Geometry | null> {
  const inView = listed.filter(
    (claim) => !claim.geometry || !view || overlaps(boundsOfGeometry(claim.geometry, 0), view),
  );
  const byId = new Map(all.map((claim) => [claim.properties.id, claim] as const));
  const kept = new Set(inView.map((claim) => claim.properties.id));
  const queue = [...inView];
  while (queue.length > 0) {
    for (const id of (queue.pop() as ClaimFeature).properties.answers) {
      const answered = byId.get(id);
      if (answered && !kept.has(id)) {
        kept.add(id);
        queue.push(answered);
      }
    }
  }
  return {
    type: 'FeatureCollection',
    features: all
      .filter((claim) => kept.has(claim.properties.id))
      .map((claim) => ({
        type: 'Feature',
        id: claim.properties.id,
        properties: claim.properties,
        geometry: claim.geometry,
      })),
  };
}

/** The columns of the CSV, in order: what a reader sees of a check, then its full-precision figures. */
export const CHECK_CSV_COLUMNS = [
  'id',
  'title',
  'claim',
  'statement_date',
  'quote',
  'reported',
  'measured',
  'measured_range',
  'verdict',
  'tolerance',
  'reason',
  'summary',
  'method',
  'caveats',
  'unit',
  'reported_value',
  'measured_value',
  'range_low',
  'range_high',
  'source',
] as const;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading = + - @ is defused. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  // Spreadsheets run a cell that starts with = + - @ as a formula: a quote from the data must stay text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function checksCsv(results: readonly CheckResult[]): string {
  const rows = results.map((r) =>
    [
      r.id,
      r.title,
      r.claim,
      r.statementDate,
      r.quote,
      r.reported === null ? '—' : formatReported(r.reported, r.unit),
      formatMeasured(r),
      r.rangeText,
      formatVerdict(r.verdict),
      formatTolerance(r),
      r.reason,
      r.summary,
      r.method,
      r.caveats.join(' | '),
      r.unit,
      r.reported,
      r.measured,
      r.range?.[0] ?? null,
      r.range?.[1] ?? null,
      r.source,
    ].map(csvField),
  );
  return `${[[...CHECK_CSV_COLUMNS], ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** The checks as the CLI's `--json` gives them, without the drawings (they are the map's, not the figures'). */
export function checksJson(results: readonly CheckResult[]): string {
  return `${JSON.stringify(
    results.map(({ geometry: _drawn, ...rest }) => rest),
    null,
    2,
  )}\n`;
}

export interface CitationInput {
  title: string;
  /** Who publishes the map, e.g. the story's source line. */
  sourceLine: string;
  /** The day shown and whether claims are cumulative. */
  dayText: string;
  layersText: string;
  url: string;
  /** When the reader looked, as an ISO date (the caller's clock). */
  accessed: string;
}

/** "Cite this view": one paragraph a reporter can paste, with the link that reopens exactly this view. */
export function citation(input: CitationInput): string {
  // Texts from the story may end with their own full stop: never two.
  const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  return [
    sentence(input.title),
    sentence(`Map view: ${input.dayText}; layers: ${input.layersText}`),
    sentence(input.sourceLine),
    `${input.url} (accessed ${input.accessed}).`,
  ].join(' ');
}

/** A file name from the story id and the day: lower-case letters, digits and hyphens only. */
export function exportFileName(storyId: string, day: string, what: string, extension: string): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${safe(storyId)}-${safe(day)}-${safe(what)}.${extension}`;
}
