// Where each piece of the exported picture goes: the title and the day above the map, the legend, the source line,
// the attribution and the link below it. Pure: text is measured by a function the caller passes (a canvas's
// measureText in the page, a fixed width per character in tests), so the layout is tested in node.
import type { MarkerShape, OutlineStyle } from '../story/manifest.ts';

export interface PosterLegendItem {
  label: string;
  colour: string;
  /** A side's marker (claims), or a line's style (border lines), or an area swatch. */
  symbol: { kind: 'marker'; shape: MarkerShape } | { kind: 'line'; style: OutlineStyle } | { kind: 'area' };
}

export interface PosterTexts {
  title: string;
  subtitle: string;
  /** "3 June 2021 · claims made up to this day" */
  dayLine: string;
  /** "Layers: …" */
  layersLine: string;
  legend: PosterLegendItem[];
  /** An open claim or check, in one line: what the picture is about; empty for none. */
  focusLine: string;
  sourceLine: string;
  attribution: string;
  link: string;
}

export type Font = 'title' | 'body' | 'small';

/** Font sizes in CSS pixels; the picture is drawn at the map canvas's pixel ratio. */
export const FONT_PX: Record<Font, number> = { title: 22, body: 14, small: 12 };
const LINE_HEIGHT = 1.35;
const PAD = 16;
const SWATCH = 14;

export type PosterItem =
  | { kind: 'text'; text: string; x: number; y: number; font: Font; muted: boolean }
  | { kind: 'swatch'; item: PosterLegendItem; x: number; y: number; size: number };

export interface PosterLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  items: PosterItem[];
}

export type Measure = (text: string, font: Font) => number;

/** Breaks `text` into lines no wider than `width` at spaces (a word longer than a line gets a line of its own). */
export function wrap(text: string, width: number, font: Font, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, font) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The picture: a header (title, subtitle, day, layers, the open claim or check), the map at its on-screen size,
 * and a footer (legend in as many columns as fit, source line, attribution, link). Sizes in CSS pixels; `y` of a
 * text is its top.
 */
export function posterLayout(
  mapWidth: number,
  mapHeight: number,
  texts: PosterTexts,
  measure: Measure,
): PosterLayout {
  const width = mapWidth;
  const inner = width - 2 * PAD;
  const items: PosterItem[] = [];
  let y = PAD;
  const lines = (text: string, font: Font, muted = false) => {
    for (const line of wrap(text, inner, font, measure)) {
      items.push({ kind: 'text', text: line, x: PAD, y, font, muted });
      y += FONT_PX[font] * LINE_HEIGHT;
    }
  };
  lines(texts.title, 'title');
  if (texts.subtitle) lines(texts.subtitle, 'body', true);
  y += 4;
  lines(texts.dayLine, 'body');
  lines(texts.layersLine, 'small', true);
  if (texts.focusLine) lines(texts.focusLine, 'small');
  y += PAD / 2;
  const map = { x: 0, y, width: mapWidth, height: mapHeight };
  y += mapHeight + PAD / 2;

  // The legend in columns of equal width, as many as the widest entry allows.
  const rowHeight = FONT_PX.small * LINE_HEIGHT + 4;
  const entryWidth = (item: PosterLegendItem) => SWATCH * 2 + 8 + measure(item.label, 'small');
  const widest = Math.max(0, ...texts.legend.map(entryWidth));
  const columns = Math.max(1, Math.min(texts.legend.length, Math.floor(inner / (widest + PAD))));
  const columnWidth = inner / columns;
  texts.legend.forEach((item, i) => {
    const x = PAD + (i % columns) * columnWidth;
    const top = y + Math.floor(i / columns) * rowHeight;
    items.push({ kind: 'swatch', item, x, y: top + 1, size: SWATCH });
    const label = wrap(item.label, columnWidth - SWATCH * 2 - 8, 'small', measure)[0] ?? '';
    items.push({ kind: 'text', text: label, x: x + SWATCH * 2 + 8, y: top, font: 'small', muted: false });
  });
  y += Math.ceil(texts.legend.length / columns) * rowHeight + 4;
  lines(texts.sourceLine, 'small', true);
  lines(texts.attribution, 'small', true);
  lines(texts.link, 'small', true);
  return { width, height: Math.ceil(y + PAD / 2), map, items };
}

/**
 * A scale bar for the picture: the longest round length (1, 2 or 5 × a power of ten metres) that fits in `maxPx`
 * CSS pixels at `metresPerPixel` (the map's scale at its centre; Web Mercator changes it with latitude).
 */
export function scaleBar(metresPerPixel: number, maxPx: number): { px: number; label: string } | null {
  if (!(metresPerPixel > 0) || !(maxPx > 0)) return null;
  const maxMetres = metresPerPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= maxMetres) ?? power;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { px: metres / metresPerPixel, label };
}
