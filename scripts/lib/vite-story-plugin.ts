// The build's view of the story: `STORY=data/<story> npm run build` (and `npm run dev`) builds the app for that
// story folder; without STORY, the default story. It provides
//   virtual:story            the manifest, the hashed URL and repository name of each data file, the label fonts
//   virtual:story-sides.css  the sides' colours and cues (src/story/side-css.ts)
//   virtual:story-map        what only the map needs, derived from the data at build time: where to name each of
//                            the story's countries along the border, on its own side; the locator inset's drawing
// and writes the story's texts into the HTML pages, the example host pages (public/examples) included: the page
// language on <html lang>, the rest in place of %STORY_…% placeholders.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { countryNameAnchors, packNameAnchors } from '../../src/geo/countryNameAnchors.ts';
import { locatorDrawing } from '../../src/geo/locatorPaths.ts';
import type { StoryManifest } from '../../src/story/manifest.ts';
import { sideCss } from '../../src/story/side-css.ts';
import {
  displayPath,
  missingFiles,
  ROOT,
  readJsonFile,
  readStoryFolder,
  type StoryFolder,
  StoryFolderError,
  storyDir,
} from './story-folder.ts';
import { chooseFontFaces, labelTexts } from './story-fonts.ts';

const MODULE = 'virtual:story';
const CSS = 'virtual:story-sides.css';
const MAP = 'virtual:story-map';
// Resolved ids: the CSS one must end in .css for Vite's CSS pipeline to take it.
const RESOLVED_MODULE = '\0virtual:story';
const RESOLVED_CSS = '/@story/sides.css';
const RESOLVED_MAP = '\0virtual:story-map';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Reads the folder and fails with one message naming every problem (a build must not half-work). */
function loadFolder(dir: string): StoryFolder {
  const folder = readStoryFolder(dir);
  const missing = missingFiles(folder);
  if (missing.length > 0)
    throw new StoryFolderError(
      `the story folder ${displayPath(dir)} lacks ${missing.map(displayPath).join(', ')}`,
    );
  return folder;
}

/** The manifest as the app gets it: without the basemap recipe, which only scripts/build-basemap.ts reads. */
function appManifest(manifest: StoryManifest): StoryManifest {
  const { basemap: _recipe, ...app } = manifest;
  return app;
}

function moduleCode(folder: StoryFolder, warn: (message: string) => void): string {
  const lines: string[] = [];
  const urls: string[] = [];
  const names: string[] = [];
  Object.entries(folder.paths).forEach(([key, path], i) => {
    lines.push(`import url${i} from ${JSON.stringify(`${path}?url`)};`);
    urls.push(`${JSON.stringify(key)}: url${i}`);
    names.push(`${JSON.stringify(key)}: ${JSON.stringify(displayPath(path))}`);
  });
  const texts = labelTexts({
    places: readJsonFile(folder.paths.places),
    areas: readJsonFile(folder.paths.areas),
    basemap: readJsonFile(folder.paths.basemap),
    countries: folder.manifest.countries,
  });
  const fonts = chooseFontFaces(texts, folder.manifest.fonts, ROOT);
  for (const { char, example } of fonts.uncovered) {
    const code = `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
    warn(
      `no label font covers ${code} "${char}" (in "${example}"): add a font package to "fonts" in story.json`,
    );
  }
  const faces = fonts.faces.map((face, i) => {
    lines.push(`import font${i} from ${JSON.stringify(`${face.file}?url`)};`);
    return `{ url: font${i}, ranges: ${JSON.stringify(face.ranges)} }`;
  });
  return [
    ...lines,
    `export const STORY = ${JSON.stringify(appManifest(folder.manifest))};`,
    `export const DATA_URLS = { ${urls.join(', ')} };`,
    `export const DATA_FILE_NAMES = { ${names.join(', ')} };`,
    `export const FONT_FACES = [${faces.join(', ')}];`,
    '',
  ].join('\n');
}

/** The map's derived data: imported by the map's own (lazy) chunk only, so it never weighs on first paint. */
function mapModuleCode(folder: StoryFolder): string {
  const { countries, borderLines } = folder.manifest;
  const main = borderLines[0];
  const codes = countries.map((c) => c.code);
  // Room for the longest of each country's names, in any label language.
  const nameLength = Object.fromEntries(
    countries.map((c) => [
      c.code,
      Math.max(...[c.name, ...Object.values(c.names ?? {})].map((n) => [...n].length)),
    ]),
  );
  // Wide views: the manifest's label points, centred (below zoom 9, where the names along the border begin).
  const wide = countries.flatMap((c) =>
    (c.labelPoints ?? []).map(([lon, lat]) => ({
      lon,
      lat,
      code: c.code,
      anchor: 'center' as const,
      minzoom: 5.5,
      maxzoom: 9,
    })),
  );
  const along = main
    ? countryNameAnchors(
        readJsonFile(folder.paths[`border:${main.id}`]) as Parameters<typeof countryNameAnchors>[0],
        readJsonFile(folder.paths.basemap) as Parameters<typeof countryNameAnchors>[1],
        codes,
        { nameLength },
      )
    : [];
  const basemap = readJsonFile(folder.paths.basemap) as Parameters<typeof locatorDrawing>[0];
  const locator = folder.manifest.locator
    ? locatorDrawing(basemap, codes, folder.manifest.locator.bounds)
    : null;
  return [
    `export const COUNTRY_NAME_ANCHORS = ${JSON.stringify(packNameAnchors([...wide, ...along], codes))};`,
    `export const LOCATOR = ${JSON.stringify(locator)};`,
    '',
  ].join('\n');
}

/** Replaces the %STORY_…% placeholders of an HTML page with the story's texts, escaped. */
function fillPlaceholders(html: string, folder: StoryFolder): string {
  const { texts, language } = folder.manifest;
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(language)}"`)
    .replaceAll('%STORY_PAGE_TITLE%', escapeHtml(texts.pageTitle))
    .replaceAll('%STORY_TITLE%', escapeHtml(texts.title))
    .replaceAll('%STORY_DESCRIPTION%', escapeHtml(texts.description))
    .replaceAll('%STORY_EMBED_FRAME_TITLE%', escapeHtml(texts.embedFrameTitle));
}

export function storyPlugin(): Plugin {
  const dir = storyDir(process.env.STORY);
  let folder: StoryFolder;
  let config: ResolvedConfig;
  const current = (): StoryFolder => {
    folder ??= loadFolder(dir);
    return folder;
  };
  return {
    name: 'conflict-map-story',
    configResolved(resolved) {
      config = resolved;
    },
    // The example host pages are static files (public/): served and copied as they are, with the story's texts.
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const file = join(config.publicDir, path);
        if (!/^\/examples\/[\w-]+\.html$/.test(path) || !existsSync(file)) return next();
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(fillPlaceholders(readFileSync(file, 'utf8'), current()));
      });
    },
    // writeBundle, not closeBundle: closeBundle hooks run in parallel, and the pre-compression (closeBundle) must
    // compress the pages with the story's texts in them. The public files are in outDir before any writeBundle.
    writeBundle() {
      const examples = join(config.build.outDir, 'examples');
      if (config.command !== 'build' || !existsSync(examples)) return;
      for (const name of readdirSync(examples).filter((n) => n.endsWith('.html'))) {
        const file = join(examples, name);
        writeFileSync(file, fillPlaceholders(readFileSync(file, 'utf8'), current()));
      }
    },
    buildStart() {
      folder = loadFolder(dir);
      this.addWatchFile(`${dir}/story.json`);
      if (relative(ROOT, dir).startsWith('..'))
        this.warn(`building the story outside the repository: ${dir}`);
    },
    resolveId(id) {
      if (id === MODULE) return RESOLVED_MODULE;
      if (id === CSS) return RESOLVED_CSS;
      if (id === MAP) return RESOLVED_MAP;
      return null;
    },
    load(id) {
      if (id === RESOLVED_MODULE) return moduleCode(folder, (message) => this.warn(message));
      if (id === RESOLVED_CSS) return sideCss(folder.manifest);
      if (id === RESOLVED_MAP) return mapModuleCode(folder);
      return null;
    },
    transformIndexHtml(html) {
      return fillPlaceholders(html, current());
    },
  };
}
