// What the build provides for the story it was built for (scripts/lib/vite-story-plugin.ts).
declare module 'virtual:story' {
  import type { StoryManifest } from './manifest.ts';
  /** The manifest, story.json. */
  export const STORY: StoryManifest;
  /** Hashed build URL of each data file (relative to the page); border lines as `border:<id>`. */
  export const DATA_URLS: Record<string, string>;
  /** Each data file as the repository names it, e.g. "data/my-story/claims.geojson", for messages. */
  export const DATA_FILE_NAMES: Record<string, string>;
  /** The label font files the story's names need, with the characters each covers. */
  export const FONT_FACES: { url: string; ranges: string[] }[];
}

declare module 'virtual:story-sides.css' {}

// Derived from the story's data at build time for the map only (scripts/lib/vite-story-plugin.ts).
declare module 'virtual:story-map' {
  import type { LocatorDrawing } from '../geo/locatorPaths.ts';
  import type { PackedNameAnchor } from '../map/country-names.ts';
  /** Where each story country is named along the border (countryNameAnchors.ts), countries by manifest index. */
  export const COUNTRY_NAME_ANCHORS: PackedNameAnchor[];
  /** The locator inset's drawing (story.json `locator`), or null when the story has none. */
  export const LOCATOR: LocatorDrawing | null;
}
