// Vite plugin: everything a reader sees before any script has run, and the fetches the first view needs, started
// in the first round trip.
// - The first render of each page (src/prerender.tsx) is written into its HTML: the title, the header and the
//   panel's skeleton paint at once; main.tsx and embed/main.tsx then render over them, reusing the same nodes.
// - A picture of the map's first view (scripts/build/first-view-svg.ts), light and dark, drawn from the same style,
//   palette and data, shown in the map area by a small stylesheet until the live map has drawn. It is placed with
//   the arithmetic MapLibre uses to fit the story's bounds (24 px padding) in whatever size the map area has, so the
//   live map takes over without a shift.
// - Preload hints for the hashed data files, the label fonts the first view draws, and the map's code.
// Nothing here needs a browser: `npm run build` works on a machine without Chromium.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import { type IndexHtmlTransformContext, type Plugin, runnerImport } from 'vite';
import type { AreaFeature } from '../../src/data/types.ts';
import { ROOT, readStoryFolder, type StoryFolder, storyDir } from '../lib/story-folder.ts';
import { chooseFontFaces, labelTexts } from '../lib/story-fonts.ts';
import { type Bounds, mercator, previewSvg } from './first-view-svg.ts';

type Prerender = typeof import('../../src/prerender.tsx');

/** The map area of the full app at 1280×800 (the side panel is 390 px, the header about 60): zoom for line widths. */
const REFERENCE_MAP = { width: 889, height: 740 };
/** A phone's map area (390×844, less the compact header): its lower zoom loads wider tiles, with more labels. */
const PHONE_MAP = { width: 390, height: 780 };
/**
 * fitBoundsOptions.padding in src/map/map-view.ts: 24 px, and 44 px on the right, clear of the +/- buttons. On a
 * phone the full app's bottom sheet covers 42 % of the map's height, which the first view keeps clear of too.
 */
const FIT_PADDING = 24;
const FIT_PADDING_RIGHT = 44;
const PHONE_SHEET_SHARE = 0.42;
/**
 * The data files a page fetches as soon as it starts (the page: sources, places, areas, claims and the border
 * lines; MapLibre's worker: basemap, border lines, uncertainty), by their file names. checks.json waits for the map:
 * it is not preloaded.
 */
function firstData(folder: StoryFolder): string[] {
  const { paths, manifest } = folder;
  return [
    paths.sources,
    paths.places,
    paths.areas,
    paths.claims,
    paths.basemap,
    paths.uncertainty,
    ...manifest.borderLines.map((line) => paths[`border:${line.id}`]),
  ].map((path) => basename(path).replace(/\.(geo)?json$/, ''));
}

interface Asset {
  fileName: string;
  source: string;
}

interface FirstView {
  /** The data files to preload, by name without extension. */
  data: string[];
  markup: { app: string; embed: string };
  css: Asset;
  svgs: { light: Asset; dark: Asset };
  /** Base names of the label font files whose characters the first view draws. */
  fonts: string[];
}

const hashed = (name: string, extension: string, source: string): Asset => ({
  fileName: `assets/${name}-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.${extension}`,
  source,
});

function inRanges(codePoint: number, ranges: string[]): boolean {
  return ranges.some((range) => {
    const [from, to] = range.replace(/^U\+/i, '').split('-');
    const low = Number.parseInt(from, 16);
    return codePoint >= low && codePoint <= (to ? Number.parseInt(to, 16) : low);
  });
}

async function computeFirstView(root: string): Promise<FirstView> {
  const { module: app } = await runnerImport<Prerender>(join(root, 'src/prerender.tsx'), {
    root,
    configFile: false,
    logLevel: 'error',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  });
  // The story the build is for (STORY=…, as the story plugin reads it).
  const folder = readStoryFolder(storyDir(process.env.STORY));
  const story = folder.manifest;
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
  const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const sources: Record<string, FeatureCollection> = {
    [app.SOURCE.basemap]: read(folder.paths.basemap),
    ...Object.fromEntries(
      story.borderLines.map((line) => [app.SOURCE.border(line.id), read(folder.paths[`border:${line.id}`])]),
    ),
    [app.SOURCE.uncertainty]: read(folder.paths.uncertainty),
    [app.SOURCE.places]: app.placesForMap(read(folder.paths.places).features),
    [app.SOURCE.claims]: app.claimsForMap(read(folder.paths.claims).features),
    [app.SOURCE.areas]: app.areasForMap(read(folder.paths.areas).features as AreaFeature[]),
    [app.SOURCE.measure]: collection([]),
  };
  // What the live map frames first (MapView: the focus bounds when the story has them).
  const [west, south, east, north] = (story.camera.focusBounds ?? story.camera.bounds) as Bounds;
  const [storyX0, storyY0] = mercator([west, north]);
  const [storyX1, storyY1] = mercator([east, south]);
  const storyWidth = storyX1 - storyX0;
  const storyHeight = storyY1 - storyY0;
  const pixelsPerWorld = Math.min(
    (REFERENCE_MAP.width - FIT_PADDING - FIT_PADDING_RIGHT) / storyWidth,
    (REFERENCE_MAP.height - 2 * FIT_PADDING) / storyHeight,
  );
  const zoom = Math.log2(pixelsPerWorld / 512);
  const draw = (palette: typeof app.LIGHT) =>
    previewSvg({
      layers: app.makeLayers(palette, story).map((entry) => entry.spec),
      sources,
      images: Object.fromEntries(app.styleImages(palette, story).map(({ name, image }) => [name, image])),
      cover: story.camera.maxBounds as Bounds,
      zoom,
    });
  const light = draw(app.LIGHT);
  const dark = draw(app.DARK);
  const svgs = {
    light: hashed('first-view-light', 'svg', light.svg),
    dark: hashed('first-view-dark', 'svg', dark.svg),
  };
  // World units → CSS: the scale MapLibre's fitBounds picks for the map area's size (container query units), the
  // picture as wide as the world box it covers at that scale, the story's centre at the area's centre unless that
  // would show beyond the picture (the map's maxBounds is the picture's box: MapLibre moves the camera the same way).
  const { world } = light;
  const number = (value: number) => value.toPrecision(10);
  const centreX = (storyX0 + storyX1) / 2 - world.x;
  const centreY = (storyY0 + storyY1) / 2 - world.y;
  const darkPicture = `background-color: ${app.DARK.water}; background-image: url(${basename(svgs.dark.fileName)});`;
  const css = `/* Generated by scripts/build/first-view.ts: the map's first view as a picture until the live map has drawn. */
.map-panel { container-type: size; }
.map-preview {
  position: absolute;
  inset: 0;
  pointer-events: none;
  /* The box fitBounds fits the story into: the map area less its padding (and, on a phone, the bottom sheet). */
  --sheet: 0px;
  --fit-width: calc(100cqw - ${FIT_PADDING + FIT_PADDING_RIGHT}px);
  --fit-height: calc(100cqh - ${2 * FIT_PADDING}px - var(--sheet));
  --scale: min(calc(var(--fit-width) / ${number(storyWidth)}), calc(var(--fit-height) / ${number(storyHeight)}));
  background: ${app.LIGHT.water} url(${basename(svgs.light.fileName)}) no-repeat;
  background-size: calc(var(--scale) * ${number(world.width)}) auto;
  /* Centred on the story in that box, but kept inside the picture, as MapLibre keeps the camera inside maxBounds. */
  background-position:
    clamp(calc(100cqw - var(--scale) * ${number(world.width)}), calc(${FIT_PADDING}px + var(--fit-width) / 2 - var(--scale) * ${number(centreX)}), 0px)
    clamp(calc(100cqh - var(--scale) * ${number(world.height)}), calc(${FIT_PADDING}px + var(--fit-height) / 2 - var(--scale) * ${number(centreY)}), 0px);
}
/* The full app's bottom sheet on phones (MapPanel's bottomInset); the embed has none. */
@media (max-width: 760px) {
  .app .map-preview { --sheet: ${PHONE_SHEET_SHARE * 100}cqh; }
}
/* The scheme as src/ui/theme.ts sets it: the app follows the system unless told (theme=), the embed is light unless
   told; data-theme on <html> is set by the page's script as soon as it runs. */
@media (prefers-color-scheme: dark) {
  :root:not([data-theme='light']) .app .map-preview { ${darkPicture} }
}
:root[data-theme='dark'] .map-preview { ${darkPicture} }
`;
  // The label fonts the first view needs: MapLibre lays out every label of each tile it loads, so the characters of
  // the labels in the tiles covering the first view, at a desktop and at a phone size, decide which font files
  // are fetched. A character counts for the first face whose range holds it (the faces' order in fonts.ts).
  const covered: { zoom: number; box: [number, number, number, number] }[] = [];
  for (const view of [REFERENCE_MAP, PHONE_MAP]) {
    const scale = Math.min(
      (view.width - FIT_PADDING - FIT_PADDING_RIGHT) / storyWidth,
      (view.height - 2 * FIT_PADDING) / storyHeight,
    );
    const viewZoom = Math.log2(scale / 512);
    const tiles = 2 ** Math.floor(viewZoom);
    const [cx, cy] = [(storyX0 + storyX1) / 2, (storyY0 + storyY1) / 2];
    const [hx, hy] = [view.width / 2 / scale, view.height / 2 / scale];
    covered.push({
      zoom: viewZoom,
      box: [
        Math.floor((cx - hx) * tiles) / tiles,
        Math.floor((cy - hy) * tiles) / tiles,
        (Math.floor((cx + hx) * tiles) + 1) / tiles,
        (Math.floor((cy + hy) * tiles) + 1) / tiles,
      ],
    });
  }
  const texts: string[] = [];
  for (const { spec } of app.makeLayers(app.LIGHT, story)) {
    if (spec.type !== 'symbol' || !spec.layout?.['text-field']) continue;
    const source = sources[spec.source as string];
    const filter = featureFilter(spec.filter, `${spec.id}.filter`);
    for (const feature of source?.features ?? []) {
      if (feature.geometry?.type !== 'Point') continue;
      const evaluated = { type: 'Point', properties: feature.properties ?? {} };
      if (!filter.filter({ zoom }, evaluated as never)) continue;
      const [x, y] = mercator(feature.geometry.coordinates);
      const shown = covered.some(
        ({ zoom: z, box }) =>
          (spec.minzoom ?? 0) <= z &&
          (spec.maxzoom ?? 24) > z &&
          x >= box[0] &&
          x <= box[2] &&
          y >= box[1] &&
          y <= box[3],
      );
      if (!shown) continue;
      const props: Record<string, unknown> = feature.properties ?? {};
      // The first label language's fields (placeLabel in style.ts, the country labels, measurement labels).
      for (const key of ['name', 'also', 'nameNative', 'label']) {
        const text = props[key];
        if (typeof text === 'string') texts.push(text);
      }
    }
  }
  // The story's label faces, as the story plugin chooses them (scripts/lib/story-fonts.ts).
  const faces = chooseFontFaces(
    labelTexts({
      places: read(folder.paths.places),
      areas: read(folder.paths.areas),
      basemap: read(folder.paths.basemap),
    }),
    story.fonts,
    ROOT,
  ).faces;
  const needed = new Set<(typeof faces)[number]>();
  for (const char of new Set(texts.join(''))) {
    const codePoint = char.codePointAt(0) ?? 0;
    const face = faces.find((candidate) => inRanges(codePoint, candidate.ranges));
    if (face) needed.add(face);
  }
  const fonts = [...needed].map((face) => basename(face.file).replace(/\.woff2$/, ''));
  return {
    data: firstData(folder),
    markup: { app: app.firstRender('app', story), embed: app.firstRender('embed', story) },
    css: hashed('first-view', 'css', css),
    svgs,
    fonts,
  };
}

export function firstView(): Plugin {
  let root = process.cwd();
  let command: 'build' | 'serve' = 'build';
  let computed: Promise<FirstView> | undefined;
  const get = () => {
    computed ??= computeFirstView(root);
    return computed;
  };
  return {
    name: 'first-view',
    configResolved(config) {
      root = config.root;
      command = config.command;
    },
    configureServer(server) {
      // Development: the same files from memory (recomputed when the server restarts).
      server.middlewares.use(async (request, response, next) => {
        const view = await get();
        const file = [view.css, view.svgs.light, view.svgs.dark].find((asset) =>
          request.url?.endsWith(`/${asset.fileName}`),
        );
        if (!file) return next();
        response.setHeader('content-type', file.fileName.endsWith('.css') ? 'text/css' : 'image/svg+xml');
        response.end(file.source);
      });
    },
    async generateBundle() {
      const view = await get();
      for (const asset of [view.css, view.svgs.light, view.svgs.dark]) {
        this.emitFile({ type: 'asset', fileName: asset.fileName, source: asset.source });
      }
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html: string, context: IndexHtmlTransformContext) {
        const view = await get();
        const page = html.includes('id="embed"') ? 'embed' : 'app';
        const withMarkup = html.replace(
          `<div id="${page}"></div>`,
          `<div id="${page}">${view.markup[page]}</div>`,
        );
        const link = (attributes: Record<string, string | true>) => ({
          tag: 'link',
          attrs: attributes,
          injectTo: 'head-prepend' as const,
        });
        const tags = [
          link({ rel: 'stylesheet', href: `./${view.css.fileName}` }),
          link({
            rel: 'preload',
            as: 'image',
            type: 'image/svg+xml',
            href: `./${view.svgs.light.fileName}`,
            media: 'not all and (prefers-color-scheme: dark)',
          }),
          link({
            rel: 'preload',
            as: 'image',
            type: 'image/svg+xml',
            href: `./${view.svgs.dark.fileName}`,
            media: '(prefers-color-scheme: dark)',
          }),
        ];
        if (command === 'build' && context.bundle) {
          const files = Object.values(context.bundle);
          const asset = (test: (name: string) => boolean) =>
            files.find((file) => file.type === 'asset' && test(basename(file.fileName)))?.fileName;
          for (const name of view.data) {
            const fileName = asset((file) => new RegExp(`^${name}-[\\w-]+\\.(geo)?json$`).test(file));
            // fetch() and MapLibre's worker request these in CORS mode, without credentials: so does the preload.
            if (fileName)
              tags.push(
                link({ rel: 'preload', as: 'fetch', href: `./${fileName}`, crossorigin: 'anonymous' }),
              );
          }
          for (const font of view.fonts) {
            const fileName = asset((file) => file.startsWith(`${font}-`) && file.endsWith('.woff2'));
            if (fileName)
              tags.push(
                link({
                  rel: 'preload',
                  as: 'font',
                  type: 'font/woff2',
                  href: `./${fileName}`,
                  crossorigin: 'anonymous',
                }),
              );
          }
          // The map's code is a dynamic import: preload it (and what it imports) with the entry, not after it.
          const entry = context.chunk;
          const mapView = files.find(
            (file) =>
              file.type === 'chunk' &&
              entry?.dynamicImports.includes(file.fileName) &&
              /map-view/.test(file.fileName),
          );
          if (mapView?.type === 'chunk') {
            for (const fileName of [mapView.fileName, ...mapView.imports]) {
              if (!html.includes(fileName))
                tags.push(link({ rel: 'modulepreload', href: `./${fileName}`, crossorigin: true }));
            }
          }
        }
        return { html: withMarkup, tags };
      },
    },
  };
}
