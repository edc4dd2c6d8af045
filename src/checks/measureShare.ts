/**
 * Share of a reference area (a lake, a zone) on a country's side of each border line of the story.
 *
 * @packageDocumentation
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { type BorderPart, sideOfBorder } from '../geo/borderSides.ts';
import { type BBox, clipLineToBox } from '../geo/clipLineToBox.ts';
import { metresPerDegree } from '../geo/localProjection.ts';
import { mergeLineParts } from '../geo/mergeLineParts.ts';
import { outlineVariants } from '../geo/outlineVariants.ts';
import { splitAreaByLines } from '../geo/splitPolygonByLines.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasuredValue, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

/** Grid spacing for the outline's variants: fine enough for a lake of a few km², cheap enough for the browser. */
const GRID_M = 40;

export const SHARE_METHOD =
  'outline split along each border line (polygon clipping), each piece labelled by the side of the line it lies on ' +
  '(as the line states its sides, else probed from the basemap) and its area measured on the WGS84 ellipsoid ' +
  '(cylindrical equal-area projection; relative error < 1e-5); the range is the smallest and largest share over ' +
  'the outline as drawn, moved by its uncertainty radius in 12 directions, and grown and shrunk by it, each variant ' +
  `counted on a ${GRID_M} m grid of points (to about 2 percentage points; a sample of where the outline may lie, so ` +
  'the true extremes may lie slightly beyond)';

/** Per-line result of {@link measureShare}, in `details.lines`. */
export interface LineShare {
  label: string;
  /** The story's line id; null for a line the data does not hold. */
  line: string | null;
  features: string[];
  status: 'measured' | 'not-in-data' | 'undetermined';
  /** Share of the outline as drawn on the country's side, 0–1 (null unless measured). */
  share: number | null;
  /** Smallest and largest share over the outline's variants, 0–1 (null unless measured). */
  shareRange: [number, number] | null;
  areaBySideM2: Record<string, number>;
  note: string;
  interpolatedFeatures: string[];
}

/** Splits the outline (and its variants) by every line of the story and reports the share on `country`'s side. */
export function measureShare(
  m: Extract<MeasureDeclaration, { kind: 'polygon-share-by-border' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const area = ctx.areas.get(m.polygon);
  if (!area) throw new Error('validated: polygon exists');
  const country = ctx.countryName(m.country);
  const radiusM = area.properties.uncertaintyM ?? 0;
  const variants = outlineVariants(area.geometry, radiusM, GRID_M);
  const box = bboxAround(outerRings(area.geometry).flat(), radiusM + 1000);
  const declared = m.lines ?? [];
  const features: Feature[] = [];
  const lines: LineShare[] = [];
  let totalAreaM2 = 0;
  for (const storyLine of ctx.linesFor()) {
    const label = declared.find((d) => d.line === storyLine.id)?.label ?? storyLine.label;
    const parts = ctx.border(storyLine.id);
    const interpolatedFeatures = [...new Set(parts.filter((p) => p.interpolated).map((p) => p.featureId))];
    // The line near the outline, joined and clipped once for all the variants.
    const near = mergeLineParts(parts.map((p) => p.coordinates)).flatMap((chain) =>
      clipLineToBox(chain.coordinates, box).map((piece) => piece.coordinates),
    );
    // The side only: the planar nearest point is enough (and many times faster than the ellipsoidal one).
    const classify = (p: [number, number]) => sideOfBorder(p, parts, false).country ?? 'unknown';
    const drawn = splitAreaByLines(area.geometry, near, classify);
    totalAreaM2 = drawn.totalAreaM2;
    const common = {
      label,
      line: storyLine.id,
      features: [...storyLine.features.keys()],
      interpolatedFeatures,
    };
    if (drawn.status === 'undetermined') {
      const reason = drawn.reason ?? 'undetermined';
      lines.push({
        ...common,
        status: 'undetermined',
        share: null,
        shareRange: null,
        areaBySideM2: {},
        note: reason,
      });
      continue;
    }
    // Clamped: the pieces of an outline add up to its area only to rounding.
    const share = Math.min(1, Math.max(0, (drawn.areaBySideM2[m.country] ?? 0) / drawn.totalAreaM2));
    const shares = [share, ...variants.map((v) => shareOfPoints(v.points, parts, box, m.country))];
    const shareRange: [number, number] = [Math.min(...shares), Math.max(...shares)];
    lines.push({
      ...common,
      status: 'measured',
      share,
      shareRange,
      areaBySideM2: drawn.areaBySideM2,
      note:
        drawn.status === 'one-side'
          ? `the line does not cross the outline; all of it is on the ${ctx.countryName(Object.keys(drawn.areaBySideM2)[0] ?? null)} side`
          : `${formatValue(fromBase(share, '%'), '%')} on the ${country} side`,
    });
    // The stretch of each line around the outline, labelled with its share; the pieces of the first line only,
    // so that the drawing stays readable.
    for (const piece of near) {
      if (piece.length < 2) continue;
      features.push({
        type: 'Feature',
        properties: {
          role: 'border-line',
          line: storyLine.id,
          label: `${label}: ${formatValue(fromBase(share, '%'), '%')} on the ${country} side`,
        },
        geometry: { type: 'LineString', coordinates: piece },
      });
    }
    if (lines.length === 1) {
      for (const piece of drawn.pieces) {
        features.push({
          type: 'Feature',
          properties: {
            role: 'polygon-piece',
            line: storyLine.id,
            side: piece.side,
            areaM2: piece.areaM2,
            share: piece.areaM2 / drawn.totalAreaM2,
            label: `${ctx.countryName(piece.side)}: ${formatValue(fromBase(piece.areaM2 / drawn.totalAreaM2, '%'), '%')} (${label})`,
          },
          geometry: piece.geometry,
        });
      }
    }
  }
  for (const d of declared.filter((x) => !x.line)) {
    lines.push({
      label: d.label ?? 'unnamed line',
      line: null,
      features: [],
      status: 'not-in-data',
      share: null,
      shareRange: null,
      areaBySideM2: {},
      note: d.ifMissing ?? 'not in the data',
      interpolatedFeatures: [],
    });
  }
  const caveats: string[] = [];
  const name = area.properties.name;
  if (area.properties.schematic) {
    caveats.push(
      `The outline of ${name} is schematic (drawn from descriptions, not surveyed), so any share is indicative only.`,
    );
  }
  for (const l of lines.filter((x) => x.interpolatedFeatures.length > 0 && x.status === 'measured')) {
    caveats.push(
      `Near ${name}, ${l.label} has interpolated stretches (${l.interpolatedFeatures.join(', ')}): where the source data has a gap, the split follows a drawn bridge.`,
    );
  }
  const values: MeasuredValue[] = lines.map((l) => ({
    line: l.line,
    label: l.label,
    measured: l.share === null ? null : fromBase(l.share, unit),
    range: l.shareRange ? [fromBase(l.shareRange[0], unit), fromBase(l.shareRange[1], unit)] : null,
    ...(l.status === 'measured' ? {} : { note: l.note }),
  }));
  const listing = lines.map((l) => `${l.label}: ${l.note}`).join('; ');
  const details = { polygon: m.polygon, country: m.country, totalAreaM2, uncertaintyM: radiusM, lines };
  const base = {
    perLine: true,
    quantity: `of ${name} on the ${country} side`,
    uncertaintyOf: 'the outline’s',
    signed: false,
    method: SHARE_METHOD,
    summary: listing,
    details,
    features,
    caveats,
  };
  if (!lines.some((l) => l.status === 'measured')) {
    return {
      ...base,
      values,
      cannotCheck: `cannot be checked: no border line in the data divides the outline (${listing})`,
    };
  }
  return { ...base, values };
}

/**
 * The share of `points` on `country`'s side of a line (each point standing for the same area). Only the line's
 * stretches inside `box` are searched; with none there, every point is on the side of the first.
 */
function shareOfPoints(
  points: readonly [number, number][],
  parts: readonly BorderPart[],
  box: BBox,
  country: string,
): number {
  if (points.length === 0) return 0;
  const near = parts.flatMap((part) =>
    clipLineToBox(part.coordinates, box)
      .filter((piece) => piece.coordinates.length >= 2)
      .map((piece) => ({ ...part, coordinates: piece.coordinates })),
  );
  if (near.length === 0)
    return sideOfBorder(points[0] as [number, number], parts, false).country === country ? 1 : 0;
  let inside = 0;
  for (const p of points) if (sideOfBorder(p, near, false).country === country) inside++;
  return inside / points.length;
}

/** The outer rings of a Polygon or MultiPolygon. */
function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates[0] ?? []]
    : geometry.coordinates.map((rings) => rings[0] ?? []);
}

function bboxAround(ring: readonly number[][], marginM: number): BBox {
  const lons = ring.map((p) => p[0] as number);
  const lats = ring.map((p) => p[1] as number);
  const s = Math.min(...lats);
  const n = Math.max(...lats);
  const k = metresPerDegree((s + n) / 2);
  return [
    Math.min(...lons) - marginM / k.lonM,
    s - marginM / k.latM,
    Math.max(...lons) + marginM / k.lonM,
    n + marginM / k.latM,
  ];
}
