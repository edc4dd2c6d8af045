// Map label fonts, bundled with the app so labels render with no glyph server and no network.
// MapLibre 6 draws text from these files through the style's `font-faces` (CSS Font Loading API).
// Which files: the subsets of the story's font packages that its names need, chosen at build time
// (scripts/lib/story-fonts.ts) and handed over by the build (virtual:story FONT_FACES).
import type { FontFacesSpecification } from 'maplibre-gl';

/** The one font stack every label uses. */
export const LABEL_FONT = 'Noto Sans Regular';

/**
 * The style's `font-faces`. URLs are made absolute against the page, because MapLibre
 * may resolve them from another context than the document.
 */
export function labelFontFaces(
  faces: readonly { url: string; ranges: readonly string[] }[],
  baseUrl: string,
): FontFacesSpecification {
  return {
    [LABEL_FONT]: faces.map((face) => ({
      url: new URL(face.url, baseUrl).href,
      'unicode-range': [...face.ranges],
    })),
  };
}
