// Raster images the style uses as second cues beside colour: hatch fills for claimed areas and marker shapes
// for claimed positions. Drawn here as pixels (no image files, no network), then added with map.addImage.
// Each side's pattern and marker are in the story's manifest (story.json `sides`).
import type { HatchPattern, MarkerShape, StoryManifest } from '../story/manifest.ts';
import { type Palette, sideColour } from './palette.ts';
import { IMAGE } from './style.ts';

export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
}

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function blank(size: number): RasterImage {
  return { width: size, height: size, data: new Uint8Array(size * size * 4) };
}

function paint(image: RasterImage, x: number, y: number, [r, g, b]: Rgb, alpha: number): void {
  const i = (y * image.width + x) * 4;
  image.data.set([r, g, b, Math.round(alpha * 255)], i);
}

/**
 * A tileable hatch. `direction` "/" rises to the right, "\\" falls to the right, "|" is vertical, "-" horizontal.
 * Lines are 2 px wide every `size / 2` px so the pattern tiles without seams.
 */
export function hatch(hex: string, direction: HatchPattern, size = 12, alpha = 0.75): RasterImage {
  const image = blank(size);
  const colour = hexToRgb(hex);
  const period = size / 2;
  const stripe: Record<HatchPattern, (x: number, y: number) => number> = {
    '/': (x, y) => x + y,
    '\\': (x, y) => x - y + size,
    '|': (x) => x,
    '-': (_, y) => y,
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (stripe[direction](x, y) % period < 2) paint(image, x, y, colour, alpha);
    }
  }
  return image;
}

/** A filled marker with a light outline: a disc, a diamond, a square or a triangle. */
export function marker(hex: string, shape: MarkerShape, outlineHex: string, size = 22): RasterImage {
  const image = blank(size);
  const fill = hexToRgb(hex);
  const outline = hexToRgb(outlineHex);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = Math.abs(x - centre);
      const dy = Math.abs(y - centre);
      // Distance from the centre in the shape's own norm: Euclidean for a disc, L1 for a diamond, L∞ for a
      // square (shrunk so its area matches the disc's); for an equilateral triangle pointing up (apex at the
      // top, radius r to its corners) the larger of its base distance (2y) and its slanted sides' (−y + √3·|x|).
      const ty = y - centre;
      const norms: Record<MarkerShape, number> = {
        circle: Math.hypot(dx, dy),
        diamond: dx + dy,
        square: Math.max(dx, dy) * 1.13,
        triangle: Math.max(2 * ty, -ty + Math.sqrt(3) * dx) * 0.9,
      };
      const d = norms[shape];
      if (d <= radius - 2) paint(image, x, y, fill, 1);
      else if (d <= radius) paint(image, x, y, outline, 1);
    }
  }
  return image;
}

/** The ring drawn around the selected claim's marker: a dark ring inside a light one, visible on any ground. */
export function ring(hex: string, outlineHex: string, size = 34): RasterImage {
  const image = blank(size);
  const colour = hexToRgb(hex);
  const outline = hexToRgb(outlineHex);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      if (d > size / 2 - 5 && d <= size / 2 - 2) paint(image, x, y, colour, 1);
      else if ((d > size / 2 - 6.5 && d <= size / 2 - 5) || (d > size / 2 - 2 && d <= size / 2 - 0.5))
        paint(image, x, y, outline, 1);
    }
  }
  return image;
}

/** Every image the style uses, by name: a hatch and a marker per side of the story, in the palette's colours. */
export function styleImages(
  palette: Palette,
  story: Pick<StoryManifest, 'sides'>,
): { name: string; image: RasterImage; pixelRatio?: number }[] {
  return story.sides.flatMap((side) => {
    const colour = sideColour(palette, side);
    return [
      { name: IMAGE.hatch(side.id), image: hatch(colour, side.pattern) },
      { name: IMAGE.marker(side.id), image: marker(colour, side.marker, palette.labelHalo), pixelRatio: 1 },
    ];
  });
}
