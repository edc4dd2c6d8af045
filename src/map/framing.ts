// How the map frames the story first. The live map (map-view.ts, MapPanel.tsx) and the build's picture of the first
// view (scripts/build/first-view.ts) both read these, so the picture lands where the live map then draws.

/** Padding around the story when the map fits it (px). */
export const FIT_PADDING_PX = 24;
/** Room kept clear of the map's own controls (the +/- buttons top right) when the map frames something (px). */
export const CONTROLS_CLEARANCE_PX = 44;
/** Where the full app's panel becomes a bottom sheet over the map (styles.css uses the same width). */
export const PHONE_MEDIA = '(max-width: 760px)';
/** The share of the map's height the bottom sheet covers on a phone (styles.css: at most 42 %). */
export const PHONE_SHEET_SHARE = 0.42;
/** The full app's tools row (Measure, Export, Full screen) across the map's top on a phone: 44 px buttons. */
export const PHONE_TOOLS_CLEARANCE_PX = 44;
