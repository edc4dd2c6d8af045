// Raster images the style uses as second cues beside colour: hatch fills for claimed areas and marker shapes
// for claimed positions. Drawn here as pixels (no image files, no network), then added with map.addImage.
// Armenian claims: "/" hatch and round markers; Azerbaijani claims: "\" hatch and diamond markers.
import type { Palette } from './palette.ts';
import { IMAGE, SIDE_CUES, type Side } from './style.ts';

const SIDES: Side[] = ['armenia', 'azerbaijan', 'third-party'];

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
 * A tileable diagonal hatch. `direction` "/" rises to the right, "\" falls to the right.
 * Lines are 2 px wide every `size / 2` px so the pattern tiles without seams.
 */
export function hatch(hex: string, direction: '/' | '\\', size = 12, alpha = 0.75): RasterImage {
  const image = blank(size);
  const colour = hexToRgb(hex);
  const period = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const diagonal = direction === '/' ? x + y : x - y + size;
      if (diagonal % period < 2) paint(image, x, y, colour, alpha);
    }
  }
  return image;
}

/** A filled marker with a light outline: a disc or a diamond. */
export function marker(hex: string, shape: 'circle' | 'diamond', outlineHex: string, size = 18): RasterImage {
  const image = blank(size);
  const fill = hexToRgb(hex);
  const outline = hexToRgb(outlineHex);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = Math.abs(x - centre);
      const dy = Math.abs(y - centre);
      // Distance from the centre in the shape's own norm: Euclidean for a disc, L1 for a diamond.
      const d = shape === 'circle' ? Math.hypot(dx, dy) : dx + dy;
      if (d <= radius - 2) paint(image, x, y, fill, 1);
      else if (d <= radius) paint(image, x, y, outline, 1);
    }
  }
  return image;
}

/** Every image the style uses, by name: a hatch and a marker per side, in the palette's colours. */
export function styleImages(palette: Palette): { name: string; image: RasterImage; pixelRatio?: number }[] {
  return SIDES.flatMap((side) => {
    const colour = palette[side === 'third-party' ? 'thirdParty' : side];
    return [
      { name: IMAGE.hatch(side), image: hatch(colour, SIDE_CUES[side].hatch) },
      {
        name: IMAGE.marker(side),
        image: marker(colour, SIDE_CUES[side].marker, palette.labelHalo),
        pixelRatio: 1,
      },
    ];
  });
}
