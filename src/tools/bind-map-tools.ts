// Connects the tools to the map: the reader's measurement drawn and placed by clicks, the hover tooltip, and the
// map made available to the tools' components. Called once by MapPanel when the map exists.
import { effect } from '@preact/signals';
import { claimById } from '../data/story.ts';
import type { MapView } from '../map/map-view.ts';
import { type AppState, boundsOf, frameTo } from '../state.ts';
import { formatDay } from '../timeline.ts';
import { sideLabel, TOOL_STRINGS } from '../ui/strings.ts';
import { MAX_MEASURE_POINTS } from '../url-state.ts';
import { pointName } from './measure.ts';
import { ensureMeasureContext, toolsOf } from './tools-state.ts';

/** Adds a point to the reader's measurement (at most MAX_MEASURE_POINTS). */
export function addMeasurePoint(state: AppState, point: [number, number]): void {
  if (state.measure.peek().length >= MAX_MEASURE_POINTS) return;
  state.measure.value = [...state.measure.peek(), point];
}

/** The tooltip's content, built as DOM nodes: the data's text is only ever text. */
function tooltipContent(state: AppState, claimId: string): HTMLElement | null {
  const story = state.story.peek();
  const claim = story ? claimById(story, claimId) : undefined;
  if (!claim) return null;
  const box = document.createElement('div');
  const who = document.createElement('strong');
  who.textContent = claim.properties.claimant;
  const when = document.createElement('span');
  when.textContent = `${sideLabel(state.manifest, claim.properties.side)}, ${TOOL_STRINGS.tooltipSaid(
    formatDay(claim.properties.statementDate),
  )}`;
  box.append(who, document.createElement('br'), when);
  return box;
}

export function bindMapTools(view: MapView, state: AppState): () => void {
  const tools = toolsOf(state);
  tools.view.value = view;
  // A shared measurement with no shared camera: show the measurement.
  const points = state.measure.peek();
  if (points.length > 0 && !state.camera.peek()) {
    const bounds = boundsOf({ type: 'MultiPoint', coordinates: points }, { minMarginDeg: 0.02, share: 0.3 });
    if (bounds) frameTo(state, bounds);
  }
  // Only a mouse or a pen hovers; on touch the first tap opens the claim.
  if (window.matchMedia?.('(hover: hover) and (pointer: fine)').matches) {
    view.onClaimHover((id, at) => view.showTooltip(at, id ? tooltipContent(state, id) : null));
  }
  const disposers = [
    effect(() => {
      if (state.story.value && (state.measure.value.length > 0 || tools.measuring.value))
        void ensureMeasureContext(state);
    }),
    effect(() => {
      view.setMeasuring(tools.measuring.value ? (point) => addMeasurePoint(state, point) : null);
    }),
    effect(() => {
      const measurement = tools.measurement.value;
      // Before the border lines are read, the points show on their own; the legs follow.
      const features = measurement
        ? measurement.features
        : state.measure.value.map((point, i) => ({
            type: 'Feature' as const,
            properties: { role: 'endpoint', label: pointName(i) },
            geometry: { type: 'Point' as const, coordinates: point },
          }));
      void view.setRuler({ type: 'FeatureCollection', features });
    }),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    tools.view.value = null;
  };
}
