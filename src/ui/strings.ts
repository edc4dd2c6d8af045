// Every user-facing string of the interface, in one place so it can be translated.
// Data text (names, quotes, summaries) comes from data/ and is never stored here.
import type { Verdict } from '../checks/types.ts';
import type { LayerGroup } from '../map/style.ts';

export const STRINGS = {
  title: 'Armenia–Azerbaijan border crisis, May–June 2021',
  subtitle:
    'What each side claimed, where, when and on whose word — with the reported figures checked against the map.',
  mapLabel: 'Map of the Armenia–Azerbaijan border region: Syunik, Gegharkunik and Kalbajar',
  mapLoading: 'Loading the map…',
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

  claimMadeOn: 'Said on',
  claimAbout: 'About events of',
  claimSource: 'Source',
  claimQuote: 'In their words',
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

  legendArmenia: 'Armenian side: blue, “/” hatching, solid outline, round markers.',
  legendAzerbaijan: 'Azerbaijani side: orange, “\\” hatching, dashed outline, diamond markers.',
  legendApproximate:
    'Approximate: a hollow marker, or a pale band or disc showing how far the true position may lie.',
  legendSchematic:
    'Schematic: a dashed edge. The lake’s outline is built from its reported size, not surveyed.',
  legendBorder:
    'Border as OpenStreetMap drew it around 2017. Dotted where it is bridged across a gap in the data.',
  legendMeasure: 'Measurement of a checked figure (purple).',
  exchangeLabel: 'Who says what',
  sideSays: (side: string) => `${side} says`,
  sourceMissing: 'Source not found in the data.',
  checkClaimLink: 'the claim',
  checkReported: 'Reported',
  checkMeasured: 'Measured',
  checkTolerance: 'Tolerance',
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
  embedFrameTitle:
    'Interactive map: the Armenia–Azerbaijan border crisis, May–June 2021, and what each side claimed',
  embedSource:
    'Sources: statements by each side and news reports, cited under each claim. Basemap © OpenStreetMap contributors.',
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

export const LAYER_LABELS: Record<LayerGroup, string> = {
  'claims-armenia': 'Armenian side’s claims',
  'claims-azerbaijan': 'Azerbaijani side’s claims',
  'claims-third-party': 'Third-party statements',
  places: 'Places',
  border: 'Border (OpenStreetMap, c. 2017)',
  lake: 'Lake Sev outline (schematic)',
  checks: 'Measurements of checked figures',
};

export const SIDE_LABELS = {
  armenia: 'Armenian side',
  azerbaijan: 'Azerbaijani side',
  'third-party': 'Third party',
} as const;

export const VERDICT_LABELS: Record<Verdict, string> = {
  consistent: 'Consistent',
  'roughly-consistent': 'Roughly consistent',
  inconsistent: 'Inconsistent',
  'cannot-check': 'Cannot be checked',
};

export const AREAS = [
  { id: 'lake-sev', label: 'Lake Sev, Goris and Verishen', places: ['lake-sev', 'goris', 'verishen'] },
  {
    id: 'vardenis',
    label: 'Vardenis, Verin Shorzha, Kut and Sotk',
    places: ['vardenis', 'verin-shorzha', 'kut', 'sotk'],
  },
  { id: 'kalbajar', label: 'Kalbajar and the Armudlu direction', places: ['kalbajar', 'armudlu-direction'] },
  { id: 'region', label: 'Whole region', places: [] },
] as const;

export function formatMetres(metres: number): string {
  return metres >= 1000
    ? `${(metres / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`
    : `${Math.round(metres)} m`;
}
