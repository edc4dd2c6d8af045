// Draws the exported picture: the map as the reader sees it, with the title, the day, the layers, the open claim
// or check, the legend, the source line, the attribution and the link written around it (layout: poster-layout.ts).
import type { MarkerShape, OutlineStyle } from '../story/manifest.ts';
import {
  FONT_PX,
  type Font,
  type PosterLayout,
  type PosterTexts,
  posterLayout,
  scaleBar,
} from './poster-layout.ts';

const WEIGHT: Record<Font, string> = { title: '700', body: '400', small: '400' };

export interface PosterColours {
  background: string;
  text: string;
  muted: string;
}

function fontOf(font: Font, family: string, scale: number): string {
  return `${WEIGHT[font]} ${FONT_PX[font] * scale}px ${family}`;
}

function drawMarker(g: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number): void {
  g.beginPath();
  if (shape === 'circle') g.arc(x, y, r, 0, Math.PI * 2);
  else if (shape === 'diamond') {
    g.moveTo(x, y - r);
    g.lineTo(x + r, y);
    g.lineTo(x, y + r);
    g.lineTo(x - r, y);
  } else if (shape === 'square') g.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  else {
    g.moveTo(x, y - r);
    g.lineTo(x + r, y + r * 0.8);
    g.lineTo(x - r, y + r * 0.8);
  }
  g.closePath();
  g.fill();
}

const DASHES: Record<OutlineStyle, number[]> = { solid: [], dashed: [5, 3], dotted: [1.5, 2.5] };

/**
 * The picture as a canvas: `map` (a copy of the map canvas, device pixels) at its own resolution, the texts at the
 * same pixel ratio. `mapCssWidth` is the map's width on the page, which sets the ratio.
 */
export function drawPoster(
  map: HTMLCanvasElement,
  mapCssWidth: number,
  texts: PosterTexts,
  colours: PosterColours,
  family: string,
  metresPerPixel: number,
): HTMLCanvasElement {
  const scale = map.width / mapCssWidth;
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas in this browser');
  const measure = (text: string, font: Font) => {
    g.font = fontOf(font, family, 1);
    return g.measureText(text).width;
  };
  const layout: PosterLayout = posterLayout(mapCssWidth, map.height / scale, texts, measure);
  canvas.width = map.width;
  canvas.height = Math.round(layout.height * scale);
  g.fillStyle = colours.background;
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(map, 0, Math.round(layout.map.y * scale));
  g.textBaseline = 'top';
  // The scale bar, bottom left on the map (the map's own is a page element, not part of its canvas).
  const bar = scaleBar(metresPerPixel, 120);
  if (bar) {
    const x = 10 * scale;
    const y = (layout.map.y + layout.map.height - 14) * scale;
    const w = bar.px * scale;
    g.font = fontOf('small', family, scale);
    const labelWidth = g.measureText(bar.label).width;
    g.fillStyle = colours.background;
    g.globalAlpha = 0.8;
    g.fillRect(x - 4 * scale, y - 18 * scale, Math.max(w, labelWidth) + 8 * scale, 26 * scale);
    g.globalAlpha = 1;
    g.fillStyle = colours.text;
    g.fillRect(x, y, w, 3 * scale);
    g.fillRect(x, y - 5 * scale, 1.5 * scale, 8 * scale);
    g.fillRect(x + w - 1.5 * scale, y - 5 * scale, 1.5 * scale, 8 * scale);
    g.fillText(bar.label, x, y - 17 * scale);
  }
  for (const item of layout.items) {
    if (item.kind === 'text') {
      g.font = fontOf(item.font, family, scale);
      g.fillStyle = item.muted ? colours.muted : colours.text;
      g.fillText(item.text, item.x * scale, item.y * scale);
      continue;
    }
    const { symbol, colour } = item.item;
    const s = item.size * scale;
    const x = item.x * scale;
    const y = item.y * scale;
    g.fillStyle = colour;
    g.strokeStyle = colour;
    g.lineWidth = 2 * scale;
    if (symbol.kind === 'marker') {
      g.globalAlpha = 0.35;
      g.fillRect(x, y, s, s);
      g.globalAlpha = 1;
      g.strokeRect(x, y, s, s);
      drawMarker(g, symbol.shape, x + s * 1.6, y + s / 2, s * 0.4);
    } else if (symbol.kind === 'line') {
      g.setLineDash(DASHES[symbol.style].map((d) => d * scale));
      g.beginPath();
      g.moveTo(x, y + s / 2);
      g.lineTo(x + s * 2, y + s / 2);
      g.stroke();
      g.setLineDash([]);
    } else {
      g.globalAlpha = 0.5;
      g.fillRect(x, y, s * 2, s);
      g.globalAlpha = 1;
    }
  }
  return canvas;
}

/** The canvas as a PNG file. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  );
}
