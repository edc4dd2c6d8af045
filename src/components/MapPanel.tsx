import { effect, useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { FETCH_TIMEOUT_MS } from '../data/fetch-timeout.ts';
import { areasForMap, claimsForMap, measureForMap, placesForMap } from '../map/display-data.ts';
import { PHONE_MEDIA, PHONE_SHEET_SHARE, PHONE_TOOLS_CLEARANCE_PX } from '../map/framing.ts';
import type { MapView } from '../map/map-view.ts';
import { DARK, LIGHT } from '../map/palette.ts';
import { MAX_UNCERTAINTY_AREAS } from '../map/uncertainty-limit.ts';
import { type AppState, reportProblem, selectClaim } from '../state.ts';
import { claimsLayer } from '../story/manifest.ts';
import { dateFilter, formatDay } from '../timeline.ts';
import { bindMapTools } from '../tools/bind-map-tools.ts';
import { prefersReducedMotion } from '../ui/motion.ts';
import { MAP_LOCALE, STRINGS, sideLabel } from '../ui/strings.ts';
import { isDark } from '../ui/theme.ts';
import { MapTools, type MapToolsKind } from './MapTools.tsx';

declare global {
  interface Window {
    /** The live map, for debugging and the browser tests. */
    __conflictMap?: MapView;
  }
}

/**
 * The build writes the first view's picture (an SVG) into the page's map area (scripts/build/first-view.ts). It is
 * taken here, before the first render, which would drop nodes the component does not describe, and put back into
 * the preview whenever one is shown.
 */
const firstViewPicture =
  typeof document === 'undefined' ? null : document.querySelector('.map-preview > svg');
function showFirstViewPicture(preview: HTMLDivElement | null): void {
  if (preview && firstViewPicture && firstViewPicture.parentNode !== preview)
    preview.append(firstViewPicture);
}

/** Pushes app state into the map whenever it changes. Returns the cleanup of every subscription. */
function bindMapToState(view: MapView, state: AppState): () => void {
  const updateTargets = () => {
    const shown = state.layers.value;
    view.setClaimTargets(
      state.visibleClaims.value
        .filter((claim) => claim.geometry && shown.has(claimsLayer(claim.properties.side)))
        .map((claim) => claim.properties.id),
    );
  };
  const disposers = [
    effect(() => {
      const story = state.story.value;
      if (!story) return;
      // Tests and the benchmark wait for "idle" after the story is drawn, not after the bare basemap.
      document.documentElement.dataset.mapState = 'updating';
      view.setData('places', placesForMap(story.places));
      view
        .setData(
          'claims',
          claimsForMap(
            story.claims,
            state.manifest.sides.map((side) => side.id),
          ),
        )
        .then(() => updateTargets());
      view.setData('areas', areasForMap(story.areas));
    }),
    // The map's keyboard targets: one per claim drawn for the chosen day whose side's layer is on.
    effect(() => updateTargets()),
    effect(() => void view.setVisibleGroups(state.layers.value)),
    effect(() => void view.setDateFilter(dateFilter(state.date.value, state.mode.value))),
    // Re-runs only when the count crosses the limit, not on every step (a computed boolean).
    effect(() => void view.setUncertaintyDrawn(state.uncertaintyAreasDrawn.value)),
    effect(() => void view.setLanguage(state.language.value)),
    effect(() => {
      const camera = state.camera.value;
      if (camera) view.jumpTo(camera);
    }),
    effect(() => {
      const bounds = state.frame.value;
      if (bounds) view.fitBounds(bounds, prefersReducedMotion());
    }),
    effect(() => void view.setSelectedClaim(state.selectedClaim.value)),
    effect(() => {
      const check = state.checks.value?.find((c) => c.id === state.selectedCheck.value);
      view.setData('measure', measureForMap(check?.geometry ?? { type: 'FeatureCollection', features: [] }));
    }),
    bindMapTools(view, state),
  ];
  return () => {
    for (const dispose of disposers) dispose();
  };
}

/**
 * MapLibre fetches the basemap, the border and the uncertainty areas itself, with no timeout: a server that never
 * answers would keep the map from ever settling, and with it the checks and the embed's `ready`. Once the loader's
 * own timeout has passed, files the map still waits for are named, and the page goes on with what the map has drawn
 * (it keeps waiting for them, and settles for real if they come). Returns a cleanup.
 */
function nameStalledFiles(view: MapView, state: AppState): () => void {
  let timer = setTimeout(check, FETCH_TIMEOUT_MS);
  function check(): void {
    if (state.mapStatus.peek() !== 'loading') return;
    // While the story loads, the loader's own timeout is running: look again shortly.
    const pending = state.storyStatus.peek() === 'loading' ? [] : view.pendingFiles();
    if (pending.length === 0) {
      timer = setTimeout(check, 2_000);
      return;
    }
    for (const file of pending) {
      reportProblem(
        state,
        `${file} did not arrive within ${FETCH_TIMEOUT_MS / 1000} s; the map is drawn without it.`,
      );
    }
    document.documentElement.dataset.mapState = 'partial';
    state.mapStatus.value = 'ready';
  }
  return () => clearTimeout(timer);
}

/**
 * How long a lost WebGL context may take to come back before the page stops waiting and falls back to the text lists,
 * as without WebGL. Browsers restore a context within a second or so of a GPU reset, if at all.
 */
export const CONTEXT_RESTORE_MS = 5_000;

/** How the map behaves where it is shown: the full app's defaults, or an embed's choices. */
export interface MapPanelOptions {
  cooperativeGestures?: boolean;
  navigationControl?: boolean;
  /** Whether a bottom sheet covers the map on phones (the full app's layout; not the embed's). */
  bottomSheet?: boolean;
  /** The tools over the map (tools/): all of them in the full app, full screen only in the embed. */
  tools?: MapToolsKind;
}

/**
 * Says when the uncertainty areas are not drawn (past MAX_UNCERTAINTY_AREAS) and how to bring them back. Its own
 * component: it reads the count only while they are not drawn, so a timeline step re-renders it, not the panel.
 */
function UncertaintyNote({ state }: { state: AppState }) {
  if (state.uncertaintyAreasDrawn.value) return null;
  return (
    <p class="map-note" role="status">
      {STRINGS.uncertaintyNotDrawn(state.uncertaintyAreaCount.value, MAX_UNCERTAINTY_AREAS)}
    </p>
  );
}

/** Mounts the map after first paint. The page is usable before MapLibre has even downloaded. */
export function MapPanel({ state, options = {} }: { state: AppState; options?: MapPanelOptions }) {
  const container = useRef<HTMLDivElement>(null);
  const firstCamera = useRef(state.camera.peek());
  /** Why the map is unavailable: no WebGL 2 at all, or a context that was lost and did not come back. */
  const lostForGood = useSignal(false);

  // A layout effect runs before the first paint instead of after it: the map code (loading asynchronously)
  // is waited for a frame sooner. Nothing here blocks the paint itself.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    let view: MapView | undefined;
    let unbind: (() => void) | undefined;
    let cancelled = false;
    let giveUp: ReturnType<typeof setTimeout> | undefined;
    const dark = isDark(state.theme);
    const phoneSheet = () => Boolean(options.bottomSheet && window.matchMedia?.(PHONE_MEDIA).matches);
    import('../map/map-view.ts')
      .then(({ MapView }) => {
        if (cancelled) return;
        const created = new MapView({
          container: element,
          story: state.manifest,
          palette: dark ? DARK : LIGHT,
          camera: state.camera.peek(),
          onProblem: (message) => reportProblem(state, message),
          onIdle: (drawn) => {
            // "Ready" (and "idle" for tests and the benchmark) means the story is drawn, not just the basemap.
            if (state.storyStatus.peek() === 'loading' || (state.story.peek() && !drawn.storyDrawn())) return;
            document.documentElement.dataset.mapState = 'idle';
            state.mapStatus.value = 'ready';
            if (performance.getEntriesByName('map-idle').length === 0) performance.mark('map-idle');
          },
          onClaimClick: (id) => selectClaim(state, id),
          // On phones the full app's panel is a bottom sheet over the map, and its tools a row across the map's
          // top: the story is framed between them (the first view's picture keeps the same clearances).
          bottomInset: () => (phoneSheet() ? element.clientHeight * PHONE_SHEET_SHARE : 0),
          topInset: () => (phoneSheet() ? PHONE_TOOLS_CLEARANCE_PX : 0),
          onMoveEnd: (camera) => (state.camera.value = camera),
          describeClaim: (id) => {
            const claim = state.story.peek()?.claims.find((c) => c.properties.id === id);
            if (!claim) return null;
            const { side, claimant, statementDate } = claim.properties;
            return `${sideLabel(state.manifest, side)}: ${claimant}, ${formatDay(statementDate)}`;
          },
          chooserHeading: STRINGS.chooserHeading,
          locatorLabel: STRINGS.locatorLabel,
          cooperativeGestures: options.cooperativeGestures,
          navigationControl: options.navigationControl,
          locale: MAP_LOCALE,
          onContextLost: () => {
            clearTimeout(giveUp);
            state.mapStatus.value = 'lost';
            document.documentElement.dataset.mapState = 'lost';
            giveUp = setTimeout(() => {
              lostForGood.value = true;
              state.mapStatus.value = 'unavailable';
              document.documentElement.dataset.mapState = 'unavailable';
            }, CONTEXT_RESTORE_MS);
          },
          onContextRestored: () => {
            clearTimeout(giveUp);
            lostForGood.value = false;
            // Drawn again from scratch: "ready" and "idle" come back with the next idle.
            state.mapStatus.value = 'loading';
            document.documentElement.dataset.mapState = 'updating';
          },
        });
        view = created;
        window.__conflictMap = created;
        state.mapStarted.value = true;
        const unbindState = bindMapToState(created, state);
        const stopWatching = nameStalledFiles(created, state);
        unbind = () => {
          unbindState();
          stopWatching();
        };
      })
      .catch((error: unknown) => {
        // MapLibre throws GPUInitializationError when it cannot get a WebGL 2 context (none in this browser, or one
        // that cannot be initialised). Its own attempt is the test: a probe of ours would create a throwaway
        // context, which costs 0.3–1 s before first paint on a slow device.
        const gpu = error instanceof Error && error.name === 'GPUInitializationError';
        state.mapStatus.value = gpu ? 'unavailable' : 'failed';
        state.mapStarted.value = true;
        if (!gpu)
          reportProblem(state, `${STRINGS.mapFailed} ${error instanceof Error ? error.message : ''}`.trim());
        document.documentElement.dataset.mapState = gpu ? 'unavailable' : 'error';
      });
    return () => {
      cancelled = true;
      clearTimeout(giveUp);
      unbind?.();
      view?.remove();
    };
  }, [state]);

  const status = state.mapStatus.value;
  // The pre-rendered picture of the first view (scripts/build/first-view.ts) shows until the live map has drawn the
  // story; it shows only the default framing, so not under a shared camera. It stays when the map cannot be drawn.
  const preview = status !== 'ready' && !firstCamera.current;
  return (
    <section class="map-panel" aria-label={state.manifest.texts.mapLabel}>
      {preview ? <div class="map-preview" aria-hidden="true" ref={showFirstViewPicture} /> : null}
      <div ref={container} class="map" data-status={status} />
      {state.mapStarted.value && status !== 'unavailable' ? (
        <MapTools state={state} kind={options.tools ?? 'all'} />
      ) : null}
      {status !== 'unavailable' ? <UncertaintyNote state={state} /> : null}
      {status === 'loading' && (
        <p class="map-overlay" role="status">
          {STRINGS.mapLoading}
        </p>
      )}
      {status === 'lost' && (
        <p class="map-overlay" role="status">
          {STRINGS.mapContextLost}
        </p>
      )}
      {status === 'unavailable' && (
        <p class="map-overlay map-overlay--message" role="alert">
          {lostForGood.value ? STRINGS.mapContextGone : STRINGS.noWebGl}
        </p>
      )}
    </section>
  );
}
