// Map label fonts, bundled with the app so labels render with no glyph server and no network.
// MapLibre 6 draws text from these files through the style's `font-faces` (CSS Font Loading API).
// Unicode ranges are the ones @fontsource publishes for each subset file.

import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
// Azerbaijani Latin needs ə, ş, ğ: Latin Extended.
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import armenian from '@fontsource/noto-sans-armenian/files/noto-sans-armenian-armenian-400-normal.woff2?url';
import type { FontFacesSpecification } from 'maplibre-gl';

/** The one font stack every label uses. */
export const LABEL_FONT = 'Noto Sans Regular';

const FACES = [
  {
    url: latin,
    ranges: [
      'U+0000-00FF',
      'U+0131',
      'U+0152-0153',
      'U+02BB-02BC',
      'U+02C6',
      'U+02DA',
      'U+02DC',
      'U+0304',
      'U+0308',
      'U+0329',
      'U+2000-206F',
      'U+20AC',
      'U+2122',
      'U+2191',
      'U+2193',
      'U+2212',
      'U+2215',
      'U+FEFF',
      'U+FFFD',
    ],
  },
  {
    url: latinExt,
    ranges: [
      'U+0100-02BA',
      'U+02BD-02C5',
      'U+02C7-02CC',
      'U+02CE-02D7',
      'U+02DD-02FF',
      'U+1D00-1DBF',
      'U+1E00-1E9F',
      'U+1EF2-1EFF',
      'U+2020',
      'U+20A0-20AB',
      'U+20AD-20C0',
      'U+2113',
      'U+2C60-2C7F',
      'U+A720-A7FF',
    ],
  },
  { url: cyrillic, ranges: ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'] },
  { url: armenian, ranges: ['U+0530-058F', 'U+2010', 'U+2024', 'U+FB13-FB17'] },
];

/**
 * The style's `font-faces`. URLs are made absolute against the page, because MapLibre
 * may resolve them from another context than the document.
 */
export function labelFontFaces(baseUrl: string): FontFacesSpecification {
  return {
    [LABEL_FONT]: FACES.map((face) => ({
      url: new URL(face.url, baseUrl).href,
      'unicode-range': face.ranges,
    })),
  };
}
