// Vite plugin: everything a reader sees before any script has run.
// - The first render of each page (src/prerender.tsx) is written into its HTML: the title, the header and the
//   panel's skeleton paint at once; main.tsx and embed/main.tsx then render over them, reusing the same nodes.
// - A picture of the map's first view (scripts/build/first-view-svg.ts), drawn from the same style, palette and
//   data, inline in the map area until the live map has drawn; a small stylesheet colours it (light or dark) and
//   places it with the arithmetic MapLibre uses to fit the story's bounds in whatever size the map area has, so
//   the live map takes over without a shift.
// No preload hints: measured with Lighthouse's mobile preset, preloading the map's code, data and fonts (≈ 500 KB)
// made them share a slow connection with the page itself, and the first view came seconds later; the page starts
// those fetches itself once the first view has painted (src/ui/first-paint.ts).
// Nothing here needs a browser: `npm run build` works on a machine without Chromium.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { type Plugin, runnerImport } from 'vite';
import type { AreaFeature, ClaimFeature, PlaceFeature } from '../../src/data/types.ts';
import {
  CONTROLS_CLEARANCE_PX,
  FIT_PADDING_PX,
  PHONE_MEDIA,
  PHONE_SHEET_SHARE,
  PHONE_TOOLS_CLEARANCE_PX,
} from '../../src/map/framing.ts';
import { readJsonFile, readStoryFolder, storyDir } from '../lib/story-folder.ts';
import { type Bounds, mercator, previewSvg } from './first-view-svg.ts';

type Prerender = typeof import('../../src/prerender.tsx');

/** The map area of the full app at 1280×800 (the side panel is 390 px, the header about 60): zoom for line widths. */
const REFERENCE_MAP = { width: 889, height: 740 };

interface Asset {
  fileName: string;
  source: string;
}

interface FirstView {
  markup: { app: string; embed: string };
  css: Asset;
  /** The picture, inline in each page's map area: it paints with the HTML, nothing to fetch first. */
  svg: string;
}

/** The map area's picture element in the pages' first render (MapPanel); the picture goes inside it. */
const PREVIEW = '<div class="map-preview" aria-hidden="true">';

/**
 * The light and the dark picture are drawn from the same layers and data, so they differ only in colours: one
 * SVG with a class per colour pair serves both schemes (the stylesheet colours it), inline in the HTML. A
 * picture in its own file would be fetched at the low priority of an image, behind the map's code and data: on
 * a slow connection it came last. Ids are prefixed so they cannot meet the page's own.
 */
function oneSvgForBothThemes(
  light: string,
  dark: string,
): { svg: string; light: Map<string, string>; dark: Map<string, string> } {
  const tag = /<[^>]+>/g;
  const lightTags = light.match(tag) ?? [];
  const darkTags = dark.match(tag) ?? [];
  if (lightTags.length !== darkTags.length)
    throw new Error('first view: the light and dark pictures differ in shape');
  const classes = new Map<string, string>();
  const colours = { light: new Map<string, string>(), dark: new Map<string, string>() };
  const colour = /\s(fill|stroke)="([^"]+)"/g;
  let index = 0;
  const svg = light.replace(tag, (lightTag) => {
    const darkTag = darkTags[index++];
    const darkColours = [...darkTag.matchAll(colour)];
    const names: string[] = [];
    const lightColours = [...lightTag.matchAll(colour)];
    if (lightColours.length !== darkColours.length)
      throw new Error(`first view: the light and dark pictures differ at ${lightTag.slice(0, 80)}`);
    lightColours.forEach(([, attribute, lightColour], at) => {
      if (lightColour === 'none') return;
      const key = `${attribute} ${lightColour} ${darkColours[at][2]}`;
      let name = classes.get(key);
      if (!name) {
        name = `fv${attribute === 'fill' ? 'f' : 's'}${classes.size}`;
        classes.set(key, name);
        colours.light.set(name, lightColour);
        colours.dark.set(name, darkColours[at][2]);
      }
      names.push(name);
    });
    let out = lightTag.replace(colour, (whole, _attribute, value) => (value === 'none' ? whole : ''));
    if (names.length) out = out.replace(/^<[\w-]+/, `$& class="${names.join(' ')}"`);
    return out.replace(/\s(id|href)="#?([^"]+)"/g, (whole, attribute, value) =>
      attribute === 'id'
        ? ` id="fv-${value}"`
        : whole.startsWith(' href="#')
          ? ` href="#fv-${value}"`
          : whole,
    );
  });
  return { svg: svg.replace(/^<svg /, '<svg focusable="false" '), ...colours };
}

const hashed = (name: string, extension: string, source: string): Asset => ({
  fileName: `assets/${name}-${createHash('sha256').update(source).digest('base64url').slice(0, 8)}.${extension}`,
  source,
});

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
  // The story folder's own reader: a file that does not parse stops the build with its name.
  const read = <T = Feature>(path: string) => readJsonFile(path) as FeatureCollection & { features: T[] };
  const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const sources: Record<string, FeatureCollection> = {
    [app.SOURCE.basemap]: read(folder.paths.basemap),
    ...Object.fromEntries(
      story.borderLines.map((line) => [app.SOURCE.border(line.id), read(folder.paths[`border:${line.id}`])]),
    ),
    [app.SOURCE.uncertainty]: read(folder.paths.uncertainty),
    [app.SOURCE.places]: app.placesForMap(read<PlaceFeature>(folder.paths.places).features),
    [app.SOURCE.claims]: app.claimsForMap(read<ClaimFeature>(folder.paths.claims).features),
    [app.SOURCE.areas]: app.areasForMap(read<AreaFeature>(folder.paths.areas).features),
    [app.SOURCE.measure]: collection([]),
  };
  // What the live map frames first (MapView: the focus bounds when the story has them).
  const [west, south, east, north] = (story.camera.focusBounds ?? story.camera.bounds) as Bounds;
  const [storyX0, storyY0] = mercator([west, north]);
  const [storyX1, storyY1] = mercator([east, south]);
  const storyWidth = storyX1 - storyX0;
  const storyHeight = storyY1 - storyY0;
  const pixelsPerWorld = Math.min(
    (REFERENCE_MAP.width - FIT_PADDING_PX - CONTROLS_CLEARANCE_PX) / storyWidth,
    (REFERENCE_MAP.height - 2 * FIT_PADDING_PX) / storyHeight,
  );
  const zoom = Math.log2(pixelsPerWorld / 512);
  const shown = new Set<string>(app.defaultLayers(story));
  const draw = (palette: typeof app.LIGHT) =>
    previewSvg({
      // The layers a page opens with: a border line the story keeps hidden at first is not in the picture either.
      layers: app
        .makeLayers(palette, story)
        .filter((entry) => entry.group === 'base' || shown.has(entry.group))
        .map((entry) => entry.spec),
      sources,
      images: Object.fromEntries(app.styleImages(palette, story).map(({ name, image }) => [name, image])),
      cover: story.camera.maxBounds as Bounds,
      zoom,
    });
  const light = draw(app.LIGHT);
  const picture = oneSvgForBothThemes(light.svg, draw(app.DARK).svg);
  // World units → CSS: the scale MapLibre's fitBounds picks for the map area's size (container query units), the
  // picture as wide as the world box it covers at that scale, the story's centre at the area's centre unless that
  // would show beyond the picture (the map's maxBounds is the picture's box: MapLibre moves the camera the same way).
  const { world } = light;
  const number = (value: number) => value.toPrecision(10);
  const centreX = (storyX0 + storyX1) / 2 - world.x;
  const centreY = (storyY0 + storyY1) / 2 - world.y;
  const rules = (colours: Map<string, string>) =>
    [...colours].map(
      ([name, colour]) => `.${name} { ${name.startsWith('fvs') ? 'stroke' : 'fill'}: ${colour}; }`,
    );
  const darkRules = (scope: string) =>
    [
      `${scope} .map-preview { background-color: ${app.DARK.water}; }`,
      ...rules(picture.dark).map((rule) => `${scope} ${rule}`),
    ]
      .map((rule) => `  ${rule}`)
      .join('\n');
  const css = `/* Generated by scripts/build/first-view.ts: the map's first view as a picture until the live map has drawn. */
.map-panel { container-type: size; }
.map-preview {
  position: absolute;
  inset: 0;
  overflow: hidden;
  pointer-events: none;
  background-color: ${app.LIGHT.water};
  /* The box fitBounds fits the story into: the map area less its padding (and, on a phone, the bottom sheet). */
  --sheet: 0px;
  --tools: 0px;
  --fit-width: calc(100cqw - ${FIT_PADDING_PX + CONTROLS_CLEARANCE_PX}px);
  --fit-height: calc(100cqh - ${2 * FIT_PADDING_PX}px - var(--sheet) - var(--tools));
  --scale: min(calc(var(--fit-width) / ${number(storyWidth)}), calc(var(--fit-height) / ${number(storyHeight)}));
}
.map-preview > svg {
  position: absolute;
  width: calc(var(--scale) * ${number(world.width)});
  height: calc(var(--scale) * ${number(world.height)});
  /* Centred on the story in that box, but kept inside the picture, as MapLibre keeps the camera inside maxBounds. */
  left: clamp(calc(100cqw - var(--scale) * ${number(world.width)}), calc(${FIT_PADDING_PX}px + var(--fit-width) / 2 - var(--scale) * ${number(centreX)}), 0px);
  top: clamp(calc(100cqh - var(--scale) * ${number(world.height)}), calc(${FIT_PADDING_PX}px + var(--tools) + var(--fit-height) / 2 - var(--scale) * ${number(centreY)}), 0px);
}
/* The full app's bottom sheet and tools row on phones (MapPanel's bottomInset, topInset); the embed has neither. */
@media ${PHONE_MEDIA} {
  .app .map-preview { --sheet: ${PHONE_SHEET_SHARE * 100}cqh; --tools: ${PHONE_TOOLS_CLEARANCE_PX}px; }
}
/* The picture's colours, light; then dark, as src/ui/theme.ts sets the scheme: the app follows the system unless
   told (theme=), the embed is light unless told; data-theme on <html> is set by the page's script as it runs. */
${rules(picture.light).join('\n')}
@media (prefers-color-scheme: dark) {
${darkRules(":root:not([data-theme='light']) .app")}
}
${darkRules(":root[data-theme='dark']")}
`;
  return {
    markup: { app: app.firstRender('app', story), embed: app.firstRender('embed', story) },
    css: hashed('first-view', 'css', css),
    svg: picture.svg,
  };
}

export function firstView(): Plugin {
  let root = process.cwd();
  let computed: Promise<FirstView> | undefined;
  const get = () => {
    computed ??= computeFirstView(root);
    return computed;
  };
  return {
    name: 'first-view',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // Development: the same stylesheet from memory (recomputed when the server restarts).
      server.middlewares.use(async (request, response, next) => {
        const { css } = await get();
        if (!request.url?.endsWith(`/${css.fileName}`)) return next();
        response.setHeader('content-type', 'text/css');
        response.end(css.source);
      });
    },
    async generateBundle() {
      const view = await get();
      this.emitFile({ type: 'asset', fileName: view.css.fileName, source: view.css.source });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html: string) {
        const view = await get();
        const page = html.includes('id="embed"') ? 'embed' : 'app';
        const withMarkup = html.replace(
          `<div id="${page}"></div>`,
          `<div id="${page}">${view.markup[page].replace(PREVIEW, `$&${view.svg}`)}</div>`,
        );
        const stylesheet = {
          tag: 'link',
          attrs: { rel: 'stylesheet', href: `./${view.css.fileName}` },
          injectTo: 'head-prepend' as const,
        };
        return { html: withMarkup, tags: [stylesheet] };
      },
    },
  };
}
