// Colours of the map, one palette per colour scheme. Quiet land, clear lines, nothing that takes a side.
// Each side's own colour is in the story's manifest (story.json `sides[].colour`), per scheme.
import type { SideSpec } from '../story/manifest.ts';

export interface Palette {
  scheme: 'light' | 'dark';
  water: string;
  landStory: string;
  landOther: string;
  countryEdge: string;
  border: string;
  borderHalo: string;
  label: string;
  labelHalo: string;
  labelMuted: string;
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
  water: '#c9d8e3',
  landStory: '#f5f3ee',
  landOther: '#e7e4dd',
  countryEdge: '#a9a49a',
  border: '#3d3d3d',
  borderHalo: '#ffffff',
  label: '#2b2b2b',
  labelHalo: '#ffffff',
  labelMuted: '#6b675f',
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
  water: '#1c2630',
  landStory: '#2e2e2c',
  landOther: '#252523',
  countryEdge: '#5d5a54',
  border: '#e6e2d8',
  borderHalo: '#111111',
  label: '#ecebe6',
  labelHalo: '#111111',
  labelMuted: '#a8a49b',
  lake: '#30506a',
  lakeEdge: '#8fb6d4',
  zone: '#a39b8c',
  zoneEdge: '#cfc7b8',
  otherBorder: '#b9a9e6',
  place: '#ecebe6',
  measure: '#e08ae0',
};

/** A side's colour in this palette's scheme (story.json: Okabe–Ito hues are a good choice). */
export function sideColour(p: Palette, side: SideSpec): string {
  return side.colour[p.scheme];
}
