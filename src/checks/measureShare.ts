/**
 * Share of a reference area (a lake, a zone) on a country's side of each border line the data holds.
 *
 * @packageDocumentation
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { sideOfBorder } from '../geo/borderSides.ts';
import { clipLineToBox } from '../geo/clipLineToBox.ts';
import { metresPerDegree } from '../geo/localProjection.ts';
import { splitAreaByLines } from '../geo/splitPolygonByLines.ts';
import type { CheckContext } from './context.ts';
import { formatValue } from './format.ts';
import { fromBase, type MeasureOutcome } from './measureOutcome.ts';
import type { CheckUnit, MeasureDeclaration } from './types.ts';

export const SHARE_METHOD =
  'outline split along the border line (polygon clipping), each piece labelled by the side of the line it lies on ' +
  'and its area measured on the WGS84 ellipsoid (cylindrical equal-area projection, edges densified along geodesics; ' +
  'relative error < 1e-5)';

/** Per-line result of {@link measureShare}. */
export interface LineShare {
  label: string;
  /** The story's line id; null for a line the data does not hold. */
  line: string | null;
  features: string[];
  status: 'measured' | 'not-in-data' | 'undetermined';
  /** Share of the polygon on the country's side, 0–1 (null unless measured). */
  share: number | null;
  areaBySideM2: Record<string, number>;
  note: string;
  interpolatedFeatures: string[];
}

/** Splits the polygon by each declared line and reports the share on `country`'s side. */
export function measureShare(
  m: Extract<MeasureDeclaration, { kind: 'polygon-share-by-border' }>,
  unit: CheckUnit,
  ctx: CheckContext,
): MeasureOutcome {
  const area = ctx.areas.get(m.polygon);
  if (!area) throw new Error('validated: polygon exists');
  const features: Feature[] = [];
  const lines: LineShare[] = [];
  let totalAreaM2 = 0;
  for (const declared of m.lines) {
    const storyLine = declared.line ? ctx.lines.get(declared.line) : undefined;
    const label = declared.label ?? storyLine?.label ?? declared.line ?? 'unnamed line';
    if (!storyLine) {
      lines.push({
        label,
        line: null,
        features: [],
        status: 'not-in-data',
        share: null,
        areaBySideM2: {},
        note: declared.ifMissing ?? 'not in the data',
        interpolatedFeatures: [],
      });
      continue;
    }
    const line = { label, features: [...storyLine.features.keys()] };
    const parts = ctx.border(storyLine.id);
    const interpolatedFeatures = [...new Set(parts.filter((p) => p.interpolated).map((p) => p.featureId))];
    const split = splitAreaByLines(
      area.geometry,
      parts.map((p) => p.coordinates),
      (p) => sideOfBorder(p, parts).country ?? 'unknown',
    );
    totalAreaM2 = split.totalAreaM2;
    if (split.status === 'undetermined') {
      lines.push({
        label: line.label,
        line: storyLine.id,
        features: line.features,
        status: 'undetermined',
        share: null,
        areaBySideM2: {},
        note: split.reason ?? 'undetermined',
        interpolatedFeatures,
      });
      continue;
    }
    const inside = split.areaBySideM2[m.country] ?? 0;
    const share = inside / split.totalAreaM2;
    lines.push({
      label: line.label,
      line: storyLine.id,
      features: line.features,
      status: 'measured',
      share,
      areaBySideM2: split.areaBySideM2,
      note:
        split.status === 'one-side'
          ? `the line does not cross the outline; all of it is on the ${ctx.countryName(Object.keys(split.areaBySideM2)[0] ?? null)} side`
          : `${formatValue(fromBase(share, '%'), '%')} on the ${ctx.countryName(m.country)} side`,
      interpolatedFeatures,
    });
    // The stretch of the line around the polygon, to draw with the pieces.
    const box = bboxAround(outerRings(area.geometry).flat(), 1000);
    for (const part of parts) {
      for (const piece of clipLineToBox(part.coordinates, box)) {
        if (piece.coordinates.length < 2) continue;
        features.push({
          type: 'Feature',
          properties: {
            role: 'border-line',
            line: line.label,
            feature: part.featureId,
            interpolated: part.interpolated,
            label: part.interpolated ? `${line.label} (interpolated)` : line.label,
          },
          geometry: { type: 'LineString', coordinates: piece.coordinates },
        });
      }
    }
    for (const piece of split.pieces) {
      features.push({
        type: 'Feature',
        properties: {
          role: 'polygon-piece',
          line: line.label,
          side: piece.side,
          areaM2: piece.areaM2,
          share: piece.areaM2 / split.totalAreaM2,
          label: `${ctx.countryName(piece.side)}: ${formatValue(fromBase(piece.areaM2 / split.totalAreaM2, '%'), '%')}`,
        },
        geometry: piece.geometry,
      });
    }
  }
  const primary = lines.find((l) => l.status === 'measured');
  const details = { polygon: m.polygon, country: m.country, totalAreaM2, lines };
  const caveats: string[] = [];
  const name = area.properties.name;
  if (area.properties.schematic) {
    caveats.push(
      `The outline of ${name} is schematic (drawn from descriptions, not surveyed), so any share is indicative only.`,
    );
  }
  if (primary && primary.interpolatedFeatures.length > 0) {
    caveats.push(
      `Across ${name} the line is interpolated (${primary.interpolatedFeatures.join(', ')}): the source data has a gap there, so the split follows a drawn bridge.`,
    );
  }
  const listing = lines.map((l) => `${l.label}: ${l.note}`).join('; ');
  if (!primary) {
    return {
      measured: null,
      uncertainty: 0,
      method: SHARE_METHOD,
      summary: listing,
      details,
      features,
      cannotCheck: `cannot be checked: no border line in the data divides the outline (${listing})`,
      caveats,
    };
  }
  return {
    measured: fromBase(primary.share as number, unit),
    uncertainty: 0,
    method: SHARE_METHOD,
    summary: listing,
    details,
    features,
    caveats,
  };
}

/** The outer rings of a Polygon or MultiPolygon. */
function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates[0] ?? []]
    : geometry.coordinates.map((rings) => rings[0] ?? []);
}

function bboxAround(ring: readonly number[][], marginM: number): [number, number, number, number] {
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
