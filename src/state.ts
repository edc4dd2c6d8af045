// Application state as signals, created once from the URL. The functions that change state sit beside it,
// so components and the URL sync share one set of rules.
import { batch, computed, signal } from '@preact/signals';
import { bbox } from '@turf/turf';
import type { CheckResult } from './checks/types.ts';
import type { Story } from './data/story.ts';
import type { ClaimFeature, Side } from './data/types.ts';
import type { Bounds, Camera } from './map/camera.ts';
import { hasUncertaintyArea, MAX_UNCERTAINTY_AREAS } from './map/uncertainty-limit.ts';
import { shownText } from './shown-text.ts';
import type { LayerGroup, StoryManifest } from './story/manifest.ts';
import { claimsShownOn, type DateMode } from './timeline.ts';
import type { Language } from './ui/languages.ts';
import { STRINGS } from './ui/strings.ts';
import type { Theme } from './ui/theme.ts';
import type { UrlState } from './url-state.ts';

/** 'lost': the browser took the map's WebGL context away; the map may come back ('ready') or not ('unavailable'). */
export type MapStatus = 'loading' | 'ready' | 'lost' | 'unavailable' | 'failed';
export type LoadStatus = 'loading' | 'ready' | 'failed';

/** How many claims each side has in a list, by side id. */
export type SideCounts = Map<Side, number>;

function countBySide(claims: readonly ClaimFeature[]): SideCounts {
  const counts: SideCounts = new Map();
  for (const claim of claims) counts.set(claim.properties.side, (counts.get(claim.properties.side) ?? 0) + 1);
  return counts;
}

export function createAppState(initial: UrlState, manifest: StoryManifest, defaultTheme: Theme = 'auto') {
  const story = signal<Story | null>(null);
  const date = signal(initial.date);
  const mode = signal<DateMode>(initial.mode);
  const layers = signal<ReadonlySet<LayerGroup>>(new Set(initial.layers));
  // The story's claims are sorted by date once, when it loads (data/read-story.ts); every list below keeps that
  // order, and the day's claims are found in it by binary search (claimsShownOn).
  // Each is a computed signal: worked out once per change of what it depends on, however many components read it.
  const visibleClaims = computed(() => claimsShownOn(story.value?.claims ?? [], date.value, mode.value));
  const listedClaims = computed(() =>
    visibleClaims.value.filter((claim) => layers.value.has(`claims-${claim.properties.side}`)),
  );
  const uncertaintyAreaCount = computed(() =>
    listedClaims.value.reduce((count, claim) => count + (hasUncertaintyArea(claim) ? 1 : 0), 0),
  );
  const state = {
    /** The story this page shows: sides, dates, camera, texts (its story.json). Never changes. */
    manifest,
    mapStatus: signal<MapStatus>('loading'),
    /** The map has been created (or found impossible): the panel renders after it, so it never delays the map. */
    mapStarted: signal(false),
    /** Plain-language problems to show the reader; the rest of the page keeps working. */
    problems: signal<string[]>([]),
    story,
    storyStatus: signal<LoadStatus>('loading'),
    checks: signal<CheckResult[] | null>(null),
    checksStatus: signal<LoadStatus>('loading'),
    layers,
    date,
    mode,
    selectedClaim: signal<string | null>(initial.claim),
    selectedCheck: signal<string | null>(initial.check),
    language: signal<Language>(initial.lang),
    /** The colour scheme the page was opened with (the URL's, else the page's default). Never changes. */
    theme: initial.theme ?? defaultTheme,
    /** Whether the URL asked for a scheme (links and embed code then keep it). */
    themeInUrl: initial.theme,
    camera: signal<Camera | null>(initial.camera),
    /** The reader's measurement (src/tools/measure.ts): its points, [lon, lat] each. */
    measure: signal<[number, number][]>(initial.measure ?? []),
    /** True while the app corrects what a link asked for (see dropStaleSelection): not a reader's own step. */
    correcting: false,
    /**
     * A box the map should move to, set when a reader picks something to look at. Always a new array (frameTo), so
     * asking for the same box twice moves the map back to it after the reader has panned away.
     */
    frame: signal<Bounds | null>(null),
    /** Claims shown on the chosen day (all sides), in date order. */
    visibleClaims,
    /** The claims the list shows: the chosen day's, of the sides whose layer is on, in date order. */
    listedClaims,
    /** How many of the listed claims the map would draw an uncertainty area for (map/uncertainty-limit.ts). */
    uncertaintyAreaCount,
    /** Whether the map draws them: not past MAX_UNCERTAINTY_AREAS. Changes only when the count crosses it. */
    uncertaintyAreasDrawn: computed(() => uncertaintyAreaCount.value <= MAX_UNCERTAINTY_AREAS),
    /** Claims per side in the whole story (changes only when the story does). */
    claimCounts: computed(() => countBySide(story.value?.claims ?? [])),
    /** Claims per side shown on the chosen day. */
    visibleClaimCounts: computed(() => countBySide(visibleClaims.value)),
  };
  return state;
}

export type AppState = ReturnType<typeof createAppState>;

export function reportProblem(state: AppState, message: string): void {
  if (!state.problems.value.includes(message)) state.problems.value = [...state.problems.value, message];
}

export function setLayerVisible(state: AppState, group: LayerGroup, visible: boolean): void {
  const next = new Set(state.layers.value);
  if (visible) next.add(group);
  else next.delete(group);
  state.layers.value = next;
}

/**
 * The box around a geometry, grown so it does not touch the edges (by `share` of its size, at least
 * `minMarginDeg`); null for no geometry.
 */
export function boundsOf(
  geometry: GeoJSON.Geometry | GeoJSON.FeatureCollection | null | undefined,
  { minMarginDeg = 0.01, share = 0.15 } = {},
): Bounds | null {
  if (!geometry || ('features' in geometry && geometry.features.length === 0)) return null;
  const [west, south, east, north] = bbox(geometry);
  const margin = Math.max(minMarginDeg, (east - west) * share, (north - south) * share);
  return [west - margin, south - margin, east + margin, north + margin];
}

/** Asks the map to frame a box: a new value every time, even for the box it framed last. */
export function frameTo(state: AppState, bounds: Bounds): void {
  state.frame.value = [...bounds];
}

/**
 * A link that opens a claim or a check the story does not have (renamed, removed, mistyped) is said so in plain
 * words, and the selection dropped so the lists show: nothing is hidden behind a card that cannot open.
 */
export function dropStaleSelection(state: AppState, ids: { claims?: string[]; checks?: string[] }): void {
  const stale = (selected: string | null, known: string[] | undefined) =>
    selected !== null && known !== undefined && known.length > 0 && !known.includes(selected);
  const claim = state.selectedClaim.peek();
  const check = state.selectedCheck.peek();
  const dropClaim = stale(claim, ids.claims);
  const dropCheck = stale(check, ids.checks);
  if (dropClaim) reportProblem(state, STRINGS.staleClaim(shownText(claim)));
  if (dropCheck) reportProblem(state, STRINGS.staleCheck(shownText(check)));
  if (!dropClaim && !dropCheck) return;
  state.correcting = true;
  try {
    batch(() => {
      if (dropClaim) state.selectedClaim.value = null;
      if (dropCheck) state.selectedCheck.value = null;
    });
  } finally {
    state.correcting = false;
  }
}

/** Opens a claim's card and frames what it claims on the map. */
export function selectClaim(state: AppState, claimId: string | null): void {
  batch(() => {
    state.selectedClaim.value = claimId;
    const claim = state.story.value?.claims.find((c) => c.properties.id === claimId);
    const bounds = boundsOf(claim?.geometry);
    if (bounds) frameTo(state, bounds);
  });
}

/** Draws a check's measurement and frames it. */
export function selectCheck(state: AppState, checkId: string | null): void {
  batch(() => {
    state.selectedCheck.value = checkId;
    // A measurement drawn on a hidden layer would be invisible: show the check overlays.
    if (checkId) setLayerVisible(state, 'checks', true);
    const check = state.checks.value?.find((c) => c.id === checkId);
    const bounds = boundsOf(check?.geometry);
    if (bounds) frameTo(state, bounds);
  });
}

/** Everything a URL carries, read back from the state (for the address bar and "Copy link"). */
export function urlStateOf(state: AppState): UrlState {
  return {
    layers: [...state.layers.value],
    date: state.date.value,
    mode: state.mode.value,
    claim: state.selectedClaim.value,
    check: state.selectedCheck.value,
    lang: state.language.value,
    camera: state.camera.value,
    measure: state.measure.value,
    theme: state.themeInUrl,
  };
}

/** Applies a parsed URL (back/forward navigation) in one batch. */
export function applyUrlState(state: AppState, url: UrlState): void {
  batch(() => {
    state.layers.value = new Set(url.layers);
    state.date.value = url.date;
    state.mode.value = url.mode;
    state.selectedClaim.value = url.claim;
    state.selectedCheck.value = url.check;
    state.language.value = url.lang;
    if (url.camera) state.camera.value = url.camera;
    state.measure.value = url.measure ?? [];
  });
}
