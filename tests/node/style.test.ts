// The style is data: validate it against the MapLibre style specification without a browser, in both palettes,
// for the made-up fixture story (four sides, two border lines, a zone and a lake) and for the repository's story.
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../src/map/palette.ts';
import { hatch, marker } from '../../src/map/patterns.ts';
import {
  attributionHtml,
  makeLayers,
  makeStyle,
  metresAsPixels,
  placeLabel,
  SOURCE,
} from '../../src/map/style.ts';
import { layerGroups, type StoryManifest, validateManifest } from '../../src/story/manifest.ts';
import { languagesOf } from '../../src/ui/languages.ts';
import { fixture, story } from './stories.ts';

const urlsFor = (s: StoryManifest) => ({
  basemap: 'https://example.test/b.geojson',
  uncertainty: 'https://example.test/u.geojson',
  borders: Object.fromEntries(s.borderLines.map((l) => [l.id, `https://example.test/${l.id}.geojson`])),
});
const fontFaces = { 'Noto Sans Regular': [{ url: 'https://example.test/f.woff2' }] };

for (const [storyName, manifest] of [
  ['fixture story', fixture.manifest],
  ['repository story', story.manifest],
] as const) {
  describe(`map style (${storyName})`, () => {
    for (const [name, palette] of [
      ['light', LIGHT],
      ['dark', DARK],
    ] as const) {
      it(`is a valid MapLibre style (${name} palette)`, () => {
        const errors = validateStyleMin(
          makeStyle({ palette, story: manifest, urls: urlsFor(manifest), fontFaces }),
        );
        expect(errors.map((e) => e.message)).toEqual([]);
      });
    }

    it('has unique layer ids and puts every story layer in a group a reader can toggle', () => {
      const entries = makeLayers(LIGHT, manifest);
      const ids = entries.map((e) => e.spec.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const group of layerGroups(manifest))
        expect(
          entries.some((e) => e.group === group),
          group,
        ).toBe(true);
    });

    it('draws every side’s claims with the same kinds of layers', () => {
      const kinds = (side: string) =>
        makeLayers(LIGHT, manifest)
          .filter((e) => e.group === `claims-${side}`)
          .map((e) => `${e.spec.type}:${e.spec.id.replace(side, 'SIDE')}`);
      const [first, ...others] = manifest.sides.map((s) => kinds(s.id));
      for (const other of others) expect(other).toEqual(first);
    });

    it('needs few shader programs: paint is constant per layer, save the uncertainty ring’s radius', () => {
      // MapLibre compiles a shader program for each layer type and each mix of constant and data-driven paint
      // properties; on software WebGL each one costs the first frame tens of milliseconds. Layers split by value
      // (one per country, per kind) instead of colouring by feature, so the story's layers share these programs.
      const programs = new Set<string>();
      for (const { spec } of makeLayers(LIGHT, manifest)) {
        if (spec.type !== 'fill' && spec.type !== 'line' && spec.type !== 'circle') continue;
        const paint = (spec.paint ?? {}) as Record<string, unknown>;
        const specs = (latest as unknown as Record<string, Record<string, never>>)[`paint_${spec.type}`];
        const perFeature = Object.entries(paint)
          .filter(([name, value]) => {
            const compiled = expression.normalizePropertyExpression(value as never, name, specs[name]);
            return compiled.kind === 'source' || compiled.kind === 'composite';
          })
          .map(([name]) => name);
        const variant = 'fill-pattern' in paint ? 'pattern' : 'line-dasharray' in paint ? 'dashed' : 'plain';
        programs.add([spec.type, variant, ...perFeature.sort()].join(' '));
      }
      expect([...programs].sort()).toEqual([
        'circle plain',
        'circle plain circle-radius',
        'fill pattern',
        'fill plain',
        'line dashed',
        'line plain',
      ]);
    });

    it('labels places in every label language, falling back to the first', () => {
      for (const language of languagesOf(manifest)) {
        const style = makeStyle({ palette: LIGHT, story: manifest, urls: urlsFor(manifest), fontFaces });
        const labels = style.layers.find((l) => l.id === 'places-label');
        if (labels?.type !== 'symbol' || !labels.layout) throw new Error('no label layer');
        labels.layout['text-field'] = placeLabel(language, manifest);
        expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
        if (language !== manifest.labelLanguages[0]?.code)
          expect(JSON.stringify(placeLabel(language, manifest))).toContain('coalesce');
      }
    });
  });
}

describe('metres as pixels', () => {
  it('turns metres into pixels at a given latitude', () => {
    const expression = metresAsPixels(['literal', 1000], 39.8);
    // At zoom 16 and 39.8° N one pixel is 40,075,016.686 × cos(39.8°) / 512 / 2^16 ≈ 0.9176 m.
    const atZoom16 = expression[6] as unknown as [string, unknown, number];
    expect(1000 * atZoom16[2]).toBeCloseTo(1000 / 0.9176, 0);
  });
});

describe('patterns', () => {
  it('makes hatches that differ by direction, so sides differ by more than colour', () => {
    const images = (['/', '\\', '|', '-'] as const).map((d) => hatch('#0072b2', d));
    const painted = (image: { data: Uint8Array }) =>
      image.data.filter((_, i) => i % 4 === 3 && image.data[i] > 0).length;
    for (const [i, a] of images.entries()) {
      expect(a.data.length).toBe(12 * 12 * 4);
      expect(painted(a)).toBe(painted(images[0] as typeof a));
      for (const b of images.slice(i + 1))
        expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    }
  });

  it('makes markers of every shape at the same size, each a different drawing', () => {
    const shapes = (['circle', 'diamond', 'square', 'triangle'] as const).map((s) =>
      marker('#0072b2', s, '#ffffff'),
    );
    for (const [i, a] of shapes.entries()) {
      expect(a.width).toBe(22);
      for (const b of shapes.slice(i + 1))
        expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    }
  });
});

describe('a border line’s credit (story.json borderLines[].attribution)', () => {
  it('goes on that line’s source, as an escaped link, and only there', () => {
    const style = makeStyle({
      palette: LIGHT,
      story: story.manifest,
      urls: urlsFor(story.manifest),
      fontFaces,
    });
    const credits = Object.fromEntries(
      story.manifest.borderLines.map((l) => {
        const source = style.sources[SOURCE.border(l.id)];
        return [l.id, source && 'attribution' in source ? source.attribution : undefined];
      }),
    );
    expect(credits.osm).toBeUndefined();
    expect(credits['amcharts-armenia']).toMatch(
      /^<a href="https:\/\/www\.amcharts\.com\/"[^>]*>[^<]*amCharts\)<\/a>$/,
    );
    expect(credits['amcharts-azerbaijan']).toMatch(/amcharts\.com/);
    expect(attributionHtml({ text: '<b>"x" & y</b>' })).toBe('&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;');
  });

  it('must have text, and an http(s) url if any', () => {
    const withCredit = (attribution: unknown) => ({
      ...story.manifest,
      borderLines: [{ ...story.manifest.borderLines[0], attribution }],
    });
    expect(validateManifest(withCredit({ text: 'Credit', url: 'https://example.org/' }))).toEqual([]);
    for (const bad of [{ text: '' }, { text: 'Credit', url: 'javascript:alert(1)' }, 'a string'])
      expect(validateManifest(withCredit(bad))).toEqual([
        'borderLines[0].attribution: { text, url? } with an http(s) url',
      ]);
  });
});
