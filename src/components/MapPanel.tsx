import { effect } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { areasForMap, claimsForMap, placesForMap } from '../map/display-data.ts';
import type { MapView } from '../map/map-view.ts';
import { DARK, LIGHT } from '../map/palette.ts';
import { type AppState, reportProblem, selectClaim } from '../state.ts';
import { dateFilter } from '../timeline.ts';
import { bindMapTools } from '../tools/bind-map-tools.ts';
import { prefersReducedMotion } from '../ui/motion.ts';
import { MAP_LOCALE, STRINGS } from '../ui/strings.ts';
import { MapTools, type MapToolsKind } from './MapTools.tsx';

declare global {
  interface Window {
    /** The live map, for debugging and the browser tests. */
    __conflictMap?: MapView;
  }
}

/** Pushes app state into the map whenever it changes. Returns the cleanup of every subscription. */
function bindMapToState(view: MapView, state: AppState): () => void {
  const disposers = [
    effect(() => {
      const story = state.story.value;
      if (!story) return;
      // Tests and the benchmark wait for "idle" after the story is drawn, not after the bare basemap.
      document.documentElement.dataset.mapState = 'updating';
      view.setData('places', placesForMap(story.places));
      view.setData('claims', claimsForMap(story.claims));
      view.setData('areas', areasForMap(story.areas));
    }),
    effect(() => void view.setVisibleGroups(state.layers.value)),
    effect(() => void view.setDateFilter(dateFilter(state.date.value, state.mode.value))),
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
      view.setData('measure', check?.geometry ?? { type: 'FeatureCollection', features: [] });
    }),
    bindMapTools(view, state),
  ];
  return () => {
    for (const dispose of disposers) dispose();
  };
}

/** How the map behaves where it is shown: the full app's defaults, or an embed's choices. */
export interface MapPanelOptions {
  cooperativeGestures?: boolean;
  navigationControl?: boolean;
  /** Whether a bottom sheet covers the map on phones (the full app's layout; not the embed's). */
  bottomSheet?: boolean;
  /** The tools over the map (tools/): all of them in the full app, full screen only in the embed. */
  tools?: MapToolsKind;
}

/** Mounts the map after first paint. The page is usable before MapLibre has even downloaded. */
export function MapPanel({ state, options = {} }: { state: AppState; options?: MapPanelOptions }) {
  const container = useRef<HTMLDivElement>(null);
  const firstCamera = useRef(state.camera.peek());

  // A layout effect runs before the first paint instead of after it: the map code (loading asynchronously)
  // is waited for a frame sooner. Nothing here blocks the paint itself.
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    let view: MapView | undefined;
    let unbind: (() => void) | undefined;
    let cancelled = false;
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
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
          // On phones the full app's panel is a bottom sheet over the map (styles.css: at most 42 % of its height).
          bottomInset: () =>
            options.bottomSheet && window.matchMedia?.('(max-width: 760px)').matches
              ? element.clientHeight * 0.42
              : 0,
          onMoveEnd: (camera) => (state.camera.value = camera),
          cooperativeGestures: options.cooperativeGestures,
          navigationControl: options.navigationControl,
          locale: MAP_LOCALE,
        });
        view = created;
        window.__conflictMap = created;
        state.mapStarted.value = true;
        unbind = bindMapToState(created, state);
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
      {preview ? <div class="map-preview" aria-hidden="true" /> : null}
      <div ref={container} class="map" data-status={status} />
      {state.mapStarted.value && status !== 'unavailable' ? (
        <MapTools state={state} kind={options.tools ?? 'all'} />
      ) : null}
      {status === 'loading' && (
        <p class="map-overlay" role="status">
          {STRINGS.mapLoading}
        </p>
      )}
      {status === 'unavailable' && (
        <p class="map-overlay map-overlay--message" role="alert">
          {STRINGS.noWebGl}
        </p>
      )}
    </section>
  );
}
