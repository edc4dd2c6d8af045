// Every user-facing string of the interface, in one place so it can be translated.
// The story's own texts (title, side and layer names, legend lines) are in its manifest (story.json); data text
// (names, quotes, summaries) comes from its data files. Neither is ever stored here.
import type { BandPosition, Verdict } from '../checks/types.ts';
import {
  borderLayer,
  type LayerGroup,
  type MarkerShape,
  type OutlineStyle,
  type SideSpec,
  type StoryManifest,
  sideOfLayer,
} from '../story/manifest.ts';

export const STRINGS = {
  mapLoading: 'Loading the map…',
  uncertaintyNotDrawn: (count: number, max: number) =>
    `Dotted rings not drawn: ${count.toLocaleString('en-GB')} claims shown have an approximate position, more than the ${max.toLocaleString('en-GB')} the map draws at once. Show one day, or fewer sides, to see them.`,
  dataLoading: 'Loading the claims and places…',
  dataFailed: 'The claims could not be loaded (see the message at the top of the page).',
  checksLoading: 'Measuring the reported figures…',
  noWebGl:
    'The map cannot be drawn in this browser: it needs WebGL 2, which is turned off or not supported here. Every claim and check is listed in text on this page.',
  mapFailed: 'The map could not be started.',
  mapContextLost: 'The browser interrupted the map’s graphics (WebGL); restoring them…',
  mapContextGone:
    'The map stopped drawing: the browser took away its graphics (WebGL) and did not give them back. Every claim and check is listed in text on this page; reloading the page may bring the map back.',
  problemHeading: 'Something did not load',
  staleClaim: (id: string) =>
    `This link opens the claim “${id}”, which is not in the story (the link may be out of date, or mistyped). All claims are listed instead.`,
  staleCheck: (id: string) =>
    `This link shows the checked figure “${id}”, which is not among the checks (the link may be out of date, or mistyped). All checked figures are listed instead.`,
  dismiss: 'Dismiss',
  panelLabel: 'Story panel',
  listsLabel: 'Lists',
  expandPanel: 'Show more of the panel',
  collapsePanel: 'Show more of the map',

  areasHeading: 'Areas of the story',
  layersHeading: 'Layers',
  legendHeading: 'How to read the map',
  timelineHeading: 'Timeline',
  claimsHeading: 'Claims',
  checksHeading: 'Figures checked',
  languageLabel: 'Place names in',
  copyLink: 'Copy link',
  share: 'Share',
  linkCopied: 'Link copied',
  linkCopyFailed: 'Copy failed: the link is in the address bar',

  timelineDay: 'Day',
  timelineCumulative: 'Up to this day',
  timelineDayOnly: 'This day only',
  timelinePrevious: 'Previous day',
  timelineNext: 'Next day',
  timelinePlay: 'Play',
  timelinePause: 'Pause',
  claimsShown: (shown: number, total: number) => `${shown} of ${total} claims shown for this date`,
  noClaimsThatDay: 'No claims were made on this day.',
  noClaimsLayersOff:
    'No claims shown: the claims of every side that spoke on this day are switched off under Layers.',
  locatorLabel: 'Locator: the area the map shows, marked on the wider region',
  chooserHeading: (count: number) => `${count} claims at this spot: choose one`,
  claimListKeys: 'The arrow keys, Home and End move through the claims; Enter opens one.',

  claimMadeOn: 'Said on',
  claimAbout: 'About events of',
  claimSource: 'Source',
  claimQuote: 'In their words',
  claimReported: (outlet: string) => `As reported by ${outlet} (not their own words)`,
  claimDrawnByClaimant: 'Drawn from the claimant’s own account of the positions.',
  claimDrawnBy: (who: string) => `Positions as described by ${who}, not by the claimant.`,
  claimAnswers: 'This answers',
  claimAnsweredBy: 'Answered by',
  claimChecks: 'Figures checked in this claim',
  claimNoPlace: 'This statement names no place, so it is not drawn on the map.',
  claimApproximate: (metres: number) => `Position approximate: within about ${formatMetres(metres)}.`,
  claimGeometryBasis: 'How it is drawn',
  claimNotes: 'Notes on the sources',
  closeCard: 'Back to the list',
  showOnMap: 'Show on map',
  publishedInferred: '(date inferred from the text)',

  legendApproximate:
    'Approximate: a hollow marker and a dotted ring showing how far the true position may lie.',
  legendMeasure: 'Measurement of a checked figure (purple).',
  exchangeLabel: 'Who says what',
  sideSays: (side: string) => `${side} says`,
  sourceMissing: 'Source not found in the data.',
  checkClaimLink: 'the claim',
  checkReported: 'Reported',
  checkMeasured: 'Measured',
  checkTolerance: 'Allowed by the wording',
  checkPerLine: 'Measured against each border line',
  checkOfWords: (who: string) => `(a check of ${who}’s words)`,
  checkAttributed: (who: string, why: string) => `These are the words of ${who}, not of the claimant: ${why}`,
  checkMethod: 'Method',
  checkCaveats: 'Caveats',
  checkShowOnMap: 'Draw on map',
  checkSelected: 'Drawn on map',

  // The embed (embed.html) and the "Embed" dialog of the full app.
  embedButton: 'Embed',
  embedHeading: 'Embed this map',
  embedIntro:
    'Paste this code into your page. The map opens with what you see now (layers, day, selected claim, place names, map view) and sets its own height.',
  embedCodeLabel: 'Embed code',
  embedCopy: 'Copy code',
  embedCopied: 'Code copied',
  embedCopyFailed: 'Copy failed: select the code and copy it',
  embedClose: 'Close',
  embedNotes:
    'The script resizes the frame to fit the map; pym.js and AMP hosts work too. Serve the map with “Access-Control-Allow-Origin: *” if you drop “allow-same-origin” from the sandbox.',
  embedFullMap: 'Open the full map',
  embedNewWindow: '(opens in a new window)',
  embedClaimsSummary: (shown: number | null) => `Claims (${shown ?? '…'})`,
  embedChecksSummary: (count: number | null) => `Figures checked (${count ?? '…'})`,
} as const;

/**
 * MapLibre's own interface texts (its `locale` option). The cooperative-gesture texts are what a reader of an
 * embedded map sees when the page scrolls instead of the map zooming.
 */
export const MAP_LOCALE: Record<string, string> = {
  'CooperativeGesturesHandler.WindowsHelpText': 'Hold Ctrl and scroll to zoom the map',
  'CooperativeGesturesHandler.MacHelpText': 'Hold ⌘ and scroll to zoom the map',
  'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
};

/** The layer checkbox's text: the story's own label for sides, border lines and reference areas. */
export function layerLabel(story: StoryManifest, group: LayerGroup): string {
  const side = sideOfLayer(story, group);
  if (side) return side.layerLabel;
  const line = story.borderLines.find((l) => borderLayer(story, l.id) === group);
  if (line) return line.label;
  if (group === 'areas') return story.referenceAreas.label;
  if (group === 'places') return 'Places';
  if (group === 'checks') return 'Measurements of checked figures';
  return group;
}

/** A side's label, or its id when the story does not know it (a claim of a side the manifest lacks). */
export function sideLabel(story: StoryManifest, side: string): string {
  return story.sides.find((s) => s.id === side)?.label ?? side;
}

const MARKER_WORDS: Record<MarkerShape, string> = {
  circle: 'round markers',
  diamond: 'diamond markers',
  square: 'square markers',
  triangle: 'triangular markers',
};
const OUTLINE_WORDS: Record<OutlineStyle, string> = {
  solid: 'solid outline',
  dashed: 'dashed outline',
  dotted: 'dotted outline',
};

/** How a side's claims look on the map, in words: colour and every second cue. */
export function sideLegend(side: SideSpec): string {
  return `${side.label}: ${side.colour.name}, “${side.pattern}” hatching, ${OUTLINE_WORDS[side.outline]}, ${
    MARKER_WORDS[side.marker]
  }.`;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  consistent: 'Consistent',
  inconsistent: 'Inconsistent',
  'depends-on-the-line': 'Depends on the line',
  'cannot-check': 'Cannot be checked',
};

/** Where one line's measured range lies against what the wording allows. */
export const BAND_POSITION_WORDS: Record<BandPosition, string> = {
  below: 'below what the wording allows',
  within: 'within what the wording allows',
  above: 'above what the wording allows',
  across: 'across an edge of what the wording allows',
};

/** The shortcut every story has after its own: back to the first view. */
export const WHOLE_REGION = { id: 'region', label: 'Whole region', places: [] as string[] };

/**
 * A check's reason as shown after its verdict label: without a first clause that only repeats the verdict
 * ("Cannot be checked" then "cannot be checked: no sourced position" reads as a stutter).
 */
export function reasonAfterVerdict(verdict: Verdict, reason: string): string {
  const label = VERDICT_LABELS[verdict];
  const repeated = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:?\\s*`, 'i');
  const rest = reason.replace(repeated, '');
  return rest === reason ? reason : `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

export function formatMetres(metres: number): string {
  return metres >= 1000
    ? `${(metres / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`
    : `${Math.round(metres)} m`;
}

/** The reader's tools: search, measure, export, print, full screen, the hover tooltip, the timeline's marks. */
export const TOOL_STRINGS = {
  toolsLabel: 'Map tools',
  searchLabel: 'Search places and claims',
  // Short: on a 360 px phone the box shares its row with the language and "Share".
  searchPlaceholder: 'Search…',
  searchHint: 'Any spelling or script. Up and down arrows pick a result; Enter shows it on the map.',
  searchNoResults: (query: string) => `Nothing found for “${query}”.`,
  searchResults: (count: number) => (count === 1 ? '1 result' : `${count} results`),
  searchKind: { place: 'Place', area: 'Area', claim: 'Claim' } as Record<string, string>,
  searchShown: (label: string) => `Showing ${label} on the map.`,
  searchNoPlace: 'This claim names no place; its card is open.',

  measure: 'Measure',
  measureHeading: 'Measure on the map',
  measureHelp:
    'Click or tap the map to place points. With the keyboard: move the map with the arrow keys to put the cross on a spot, then press “Add point at the cross”. Escape stops placing points.',
  measureAddCentre: 'Add point at the cross',
  measureUndo: 'Remove last point',
  measureClose: 'Clear and close',
  measureNeedTwo: 'Place a second point to measure a distance.',
  measurePoints: (n: number) => (n === 1 ? '1 point' : `${n} points`),
  measureTotal: 'Total',
  measureLegs: 'Distances and bearings',
  measureSidesCaption: 'Each point’s side of each border line, and its distance from the line',
  measureLineColumn: 'Border line',
  measureMethod: 'How it is measured',
  measureLoading: 'Reading the border lines…',
  measureFailed: 'The border lines could not be read; distances are still measured.',
  measureShare: 'The measurement is in the page’s link: “Copy link” shares it.',

  exportButton: 'Export',
  exportHeading: 'Export this view',
  exportIntro: 'What you see now: the day, the layers shown and the map view.',
  exportPng: 'Picture (PNG)',
  exportGeoJson: 'Claims in view (GeoJSON)',
  exportChecksCsv: 'Figures checked (CSV)',
  exportChecksJson: 'Figures checked (JSON)',
  exportPrint: 'Print',
  exportCiteLabel: 'Cite this view',
  exportCopyCite: 'Copy citation',
  exportCopied: 'Citation copied',
  exportCopyFailed: 'Copy failed: select the text and copy it',
  exportSaved: (name: string) => `Saved ${name}`,
  exportNoChecks: 'The figures are still being measured.',
  exportClose: 'Close',
  posterLayers: (names: string) => `Layers: ${names}`,
  posterNoLayers: 'Layers: none',
  posterDay: (day: string, dayOnly: boolean) =>
    dayOnly ? `${day} · claims made that day` : `${day} · claims made up to that day`,
  posterClaim: (summary: string) => `Open claim: ${summary}`,
  posterCheck: (title: string) => `Figure checked: ${title}`,
  posterMeasure: (text: string) => `Measured: ${text}`,
  posterRuler: 'Measured on the map (straight lines on the ellipsoid)',

  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',

  tooltipSaid: (day: string) => `said on ${day}`,

  timelineDayCount: (day: string, counts: string) => `${day}: ${counts}`,
  timelineNoClaims: 'no claims',
} as const;
