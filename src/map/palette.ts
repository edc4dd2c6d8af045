// Colours of the map, one palette per colour scheme. Quiet land, clear lines, nothing that takes a side: the
// story's countries get neutral tones (no hue of either side), told apart by lightness only.
// Each side's own colour is in the story's manifest (story.json `sides[].colour`), per scheme.
import type { SideSpec } from '../story/manifest.ts';

export interface Palette {
  scheme: 'light' | 'dark';
  water: string;
  /** Land of the story's countries, one neutral tone each in the manifest's order (cycled beyond two). */
  landStory: readonly string[];
  landOther: string;
  countryEdge: string;
  border: string;
  borderHalo: string;
  label: string;
  labelHalo: string;
  labelMuted: string;
  /** Country names: quieter than place names, stronger than region names. */
  countryLabel: string;
  /** Names of water bodies. */
  waterLabel: string;
  /** Fill of a hollow (approximate) place marker. */
  hollow: string;
  /** Water areas of the story (areas.geojson, kind "lake"). */
  lake: string;
  lakeEdge: string;
  /** Other reference areas (kind "zone"). */
  zone: string;
  zoneEdge: string;
  /** Border lines after the story's main one, told apart from it and from each other by dash. */
  otherBorder: string;
  place: string;
  measure: string;
}

export const LIGHT: Palette = {
  scheme: 'light',
  water: '#c6d7e4',
  landStory: ['#fbfaf6', '#efebe3'],
  landOther: '#dedbd3',
  countryEdge: '#a9a49a',
  border: '#3d3d3d',
  borderHalo: '#ffffff',
  label: '#2b2b2b',
  labelHalo: '#ffffff',
  labelMuted: '#6b675f',
  countryLabel: '#4d4942',
  waterLabel: '#2f5f80',
  hollow: '#ffffff',
  lake: '#a9c6db',
  lakeEdge: '#3f6d8e',
  zone: '#8a8275',
  zoneEdge: '#5c564c',
  otherBorder: '#6a5f8f',
  place: '#2b2b2b',
  measure: '#7a1f7a',
};

export const DARK: Palette = {
  scheme: 'dark',
  water: '#1b2631',
  landStory: ['#383734', '#2d2c29'],
  landOther: '#1f1f1e',
  countryEdge: '#5d5a54',
  border: '#e6e2d8',
  borderHalo: '#111111',
  label: '#ecebe6',
  labelHalo: '#111111',
  labelMuted: '#a8a49b',
  countryLabel: '#cdc8bd',
  waterLabel: '#9cc3e0',
  hollow: '#1f1f1e',
  lake: '#30506a',
  lakeEdge: '#8fb6d4',
  zone: '#a39b8c',
  zoneEdge: '#cfc7b8',
  otherBorder: '#b9a9e6',
  place: '#ecebe6',
  measure: '#e08ae0',
};

/** The land tone of the story's `index`-th country. */
export function landTone(p: Palette, index: number): string {
  return p.landStory[index % p.landStory.length] as string;
}

/** A side's colour in this palette's scheme (story.json: Okabe–Ito hues are a good choice). */
export function sideColour(p: Palette, side: SideSpec): string {
  return side.colour[p.scheme];
}
