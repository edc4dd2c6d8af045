// The stylesheet of a story's sides, generated from its manifest at build time (the build imports it as
// virtual:story-sides.css): each side's colour per colour scheme, and the same second cues the map uses —
// hatch direction, outline style, marker shape — for the panel's marks, layer keys and quotes.
import { claimsLayer, type HatchPattern, type SideSpec, type StoryManifest } from './manifest.ts';

/**
 * The angle of a CSS repeating-linear-gradient whose stripes run like the pattern: the gradient runs across
 * the stripes, so "/" stripes need a gradient running towards the bottom right (135°).
 */
const STRIPE_ANGLE: Record<HatchPattern, string> = {
  '/': '135deg',
  '\\': '45deg',
  '|': '90deg',
  '-': '0deg',
};

const MARKER_CSS: Record<SideSpec['marker'], string> = {
  circle: 'border-radius: 50%;',
  diamond: 'transform: rotate(45deg) scale(0.8);',
  square: 'border-radius: 1px;',
  triangle: 'clip-path: polygon(50% 0, 100% 100%, 0 100%);',
};

/** A CSS identifier for a side id (ids are lower-case words joined by "-", so they are safe as they are). */
const cls = (id: string) => id.replace(/[^a-z0-9-]/g, '');

function sideRules(side: SideSpec): string {
  const id = cls(side.id);
  const hatch = `repeating-linear-gradient(${STRIPE_ANGLE[side.pattern]}, var(--side-colour) 0 2px, transparent 2px 6px)`;
  // A side whose claims carry no position (a commentator) is drawn hollow: it marks no place on the map.
  const shape = side.positions
    ? `background: var(--side-colour); ${MARKER_CSS[side.marker]}`
    : 'border: 2px solid var(--side-colour); border-radius: 2px;';
  return [
    `.side--${id} { --side-colour: ${side.colour.light}; }`,
    `.side--${id} .side-mark-shape { ${shape} }`,
    `.layer-key--${cls(claimsLayer(side.id))} { --side-colour: ${side.colour.light}; border: 2px ${side.outline} var(--side-colour);${
      side.positions ? ` background: ${hatch};` : ''
    } }`,
    `.side--${id} .claim-quote blockquote { border-left-color: var(--side-colour); border-left-style: ${side.outline}; }`,
  ].join('\n');
}

/** The dark colours, each selector under `scope` (e.g. ":root[data-theme='dark']"). */
function darkRules(side: SideSpec, scope: string): string {
  const id = cls(side.id);
  return `${scope} .side--${id}, ${scope} .layer-key--${cls(claimsLayer(side.id))} { --side-colour: ${side.colour.dark}; }`;
}

/**
 * The sides' stylesheet. Dark colours apply with the reader's dark scheme unless the page is set to light
 * (`data-theme="light"` on <html>), and always when it is set to dark.
 */
export function sideCss(story: Pick<StoryManifest, 'sides'>): string {
  const dark = (scope: string) => story.sides.map((side) => darkRules(side, scope)).join('\n');
  return [
    '/* Generated from the story manifest (src/story/side-css.ts). */',
    ...story.sides.map(sideRules),
    `@media (prefers-color-scheme: dark) {\n${dark(":root:not([data-theme='light'])")}\n}`,
    dark(":root[data-theme='dark']"),
    '',
  ].join('\n');
}
