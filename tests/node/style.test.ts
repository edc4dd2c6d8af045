// The style is data: validate it against the MapLibre style specification without a browser, in both palettes.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../src/map/palette.ts';
import { hatch, marker } from '../../src/map/patterns.ts';
import { LAYER_GROUPS, makeLayers, makeStyle, metresAsPixels, placeLabel } from '../../src/map/style.ts';
import { LANGUAGES } from '../../src/ui/languages.ts';

const urls = {
  basemap: 'https://example.test/b.geojson',
  border: 'https://example.test/o.geojson',
  uncertainty: 'https://example.test/u.geojson',
};
const fontFaces = { 'Noto Sans Regular': [{ url: 'https://example.test/f.woff2' }] };

describe('map style', () => {
  for (const [name, palette] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`is a valid MapLibre style (${name} palette)`, () => {
      const errors = validateStyleMin(makeStyle({ palette, urls, fontFaces }));
      expect(errors.map((e) => e.message)).toEqual([]);
    });
  }

  it('has unique layer ids and puts every story layer in a group a reader can toggle', () => {
    const entries = makeLayers(LIGHT);
    const ids = entries.map((e) => e.spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const group of LAYER_GROUPS)
      expect(
        entries.some((e) => e.group === group),
        group,
      ).toBe(true);
  });

  it('draws both sides’ claims with the same kinds of layers', () => {
    const kinds = (side: string) =>
      makeLayers(LIGHT)
        .filter((e) => e.group === `claims-${side}`)
        .map((e) => `${e.spec.type}:${e.spec.id.replace(side, 'SIDE')}`);
    expect(kinds('armenia')).toEqual(kinds('azerbaijan'));
  });

  it('labels places in every language, falling back to English', () => {
    for (const language of LANGUAGES) {
      const style = makeStyle({ palette: LIGHT, urls, fontFaces });
      const labels = style.layers.find((l) => l.id === 'places-label');
      if (labels?.type !== 'symbol' || !labels.layout) throw new Error('no label layer');
      labels.layout['text-field'] = placeLabel(language);
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
      if (language !== 'en') expect(JSON.stringify(placeLabel(language))).toContain('coalesce');
    }
  });

  it('turns metres into pixels at the story’s latitude', () => {
    const expression = metresAsPixels(['literal', 1000]);
    // At zoom 16 and 39.8° N one pixel is 40,075,016.686 × cos(39.8°) / 512 / 2^16 ≈ 0.9176 m.
    const atZoom16 = expression[6] as unknown as [string, unknown, number];
    expect(1000 * atZoom16[2]).toBeCloseTo(1000 / 0.9176, 0);
  });
});

describe('patterns', () => {
  it('makes hatches that differ by direction, so sides differ by more than colour', () => {
    const rising = hatch('#0072b2', '/');
    const falling = hatch('#0072b2', '\\');
    expect(rising.data.length).toBe(12 * 12 * 4);
    expect(Buffer.from(rising.data).equals(Buffer.from(falling.data))).toBe(false);
    const painted = (image: { data: Uint8Array }) =>
      image.data.filter((_, i) => i % 4 === 3 && image.data[i] > 0).length;
    expect(painted(rising)).toBe(painted(falling));
  });

  it('makes round and diamond markers of the same size', () => {
    const disc = marker('#0072b2', 'circle', '#ffffff');
    const diamond = marker('#d55e00', 'diamond', '#ffffff');
    expect(disc.width).toBe(diamond.width);
    expect(Buffer.from(disc.data).equals(Buffer.from(diamond.data))).toBe(false);
  });
});
