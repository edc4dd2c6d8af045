// Build time only (scripts/build/first-view.ts loads this through Vite, in Node): the markup of each page's first
// render, written into its HTML so the title, the panel's skeleton and the map's pre-rendered picture show before
// any script has run; and the style facts the picture is drawn from. The browser never loads this module: main.tsx
// and embed/main.tsx render the same components over this markup, which Preact reuses node for node.
import { renderToString } from 'preact-render-to-string';
import { App } from './App.tsx';
import { EmbedApp } from './embed/EmbedApp.tsx';
import { parseEmbedSearch } from './embed/params.ts';
import { createAppState } from './state.ts';
import type { StoryManifest } from './story/manifest.ts';
import { parseUrlState } from './url-state.ts';

export { areasForMap, claimsForMap, placesForMap } from './map/display-data.ts';
export { DARK, LIGHT } from './map/palette.ts';
export { styleImages } from './map/patterns.ts';
export { makeLayers, SOURCE } from './map/style.ts';
export { defaultLayers } from './story/manifest.ts';

/** The first render of a page of `story` with no URL parameters, as HTML. */
export function firstRender(page: 'app' | 'embed', story: StoryManifest): string {
  if (page === 'app')
    return renderToString(<App state={createAppState(parseUrlState('', story).value, story)} />);
  const { url, embed } = parseEmbedSearch('', story);
  return renderToString(<EmbedApp state={createAppState(url, story)} params={embed} />);
}
