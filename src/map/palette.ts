// Colours of the map, one palette per colour scheme. Quiet land, clear lines, nothing that takes a side.
export interface Palette {
  water: string;
  landStory: string;
  landOther: string;
  countryEdge: string;
  border: string;
  borderHalo: string;
  label: string;
  labelHalo: string;
  labelMuted: string;
  /** Okabe–Ito hues, distinguishable with the common colour-vision deficiencies; each side also has a pattern. */
  armenia: string;
  azerbaijan: string;
  thirdParty: string;
  lake: string;
  lakeEdge: string;
  place: string;
  measure: string;
}

export const LIGHT: Palette = {
  water: '#c9d8e3',
  landStory: '#f5f3ee',
  landOther: '#e7e4dd',
  countryEdge: '#a9a49a',
  border: '#3d3d3d',
  borderHalo: '#ffffff',
  label: '#2b2b2b',
  labelHalo: '#ffffff',
  labelMuted: '#6b675f',
  armenia: '#0072b2',
  azerbaijan: '#d55e00',
  thirdParty: '#6b6b6b',
  lake: '#a9c6db',
  lakeEdge: '#3f6d8e',
  place: '#2b2b2b',
  measure: '#7a1f7a',
};

export const DARK: Palette = {
  water: '#1c2630',
  landStory: '#2e2e2c',
  landOther: '#252523',
  countryEdge: '#5d5a54',
  border: '#e6e2d8',
  borderHalo: '#111111',
  label: '#ecebe6',
  labelHalo: '#111111',
  labelMuted: '#a8a49b',
  armenia: '#56b4e9',
  azerbaijan: '#e69f00',
  thirdParty: '#b0b0b0',
  lake: '#30506a',
  lakeEdge: '#8fb6d4',
  place: '#ecebe6',
  measure: '#e08ae0',
};
